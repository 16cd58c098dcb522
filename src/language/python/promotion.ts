import type { Node } from 'web-tree-sitter';
import { keywordArgument, positionalArguments, stringValue, type CallInfo, type PythonModel } from './model';
import { isTrainingScript } from './training';
import { queueTasks } from './workers';

/**
 * Where a training or retraining script makes a fresh model the one a service picks up (a
 * registry stage or alias, a new "latest" in a model store, the served file overwritten), and
 * whether anything in the script could stop it: shared by model-promoted-without-gate.
 */

/** Metric-like names: what a quality gate compares (a significance test's p-value included: `pvalue < 0.05`). */
const METRIC = String.raw`\w*(acc|accuracy|score|f1|auc|roc|rmse|mae|mse|mape|r2|loss|metric|precision|recall|error|threshold|baseline|best|perf|improv|p_?val)\w*`;
/** A comparison with a metric on either side (`acc >= 0.8`, `new_rmse < current_rmse`); `->` annotations excluded. */
const COMPARISON = new RegExp(String.raw`\b${METRIC}\b[\w\]\['".()]*\s*(?<!-)[<>]=?(?!>)|(?<![<>-])[<>]=?\s*[\w.(\[]*\b${METRIC}`, 'i');
/** A gate by name: `if validate_model(...)`, `if not is_better(...)`, an `assert`, a comparison helper. */
const GATE_CALL = /\bif\s+(not\s+)?[\w.]*(valid|pass|better|gate|approv|improv|accept|promot|check|compar|beats?|outperform)\w*\s*\(|^\s*assert\s/im;

/** The script compares a metric or calls a gate somewhere: it has a chance to stop a bad model. */
export function hasQualityGate(model: PythonModel): boolean {
  const code = model.uncommentedSource;
  return COMPARISON.test(code) || GATE_CALL.test(code);
}

/** Registry stages and aliases a service reads as "the served one". */
const SERVED_STAGE = /^(production|staging)$/i;
const SERVED_ALIAS = /prod|champion|live|serv|current|latest|deploy/i;

/**
 * A rollback moves a version that was already judged and served back into place (`rollback_model`,
 * `scripts/rollback.py`, `revert_to_previous`): it is the way back from a bad promotion, not a fresh
 * model skipping a gate.
 */
const ROLLBACK = /roll_?back|revert|restore_(previous|prior|last)/i;

function rollsBack(model: PythonModel, call: CallInfo): boolean {
  if (ROLLBACK.test(model.path.replace(/\\/g, '/').split('/').pop() ?? '')) return true;
  for (let node: Node | null | undefined = call.inFunction; node; node = node.parent) {
    if (node.type === 'function_definition' && ROLLBACK.test(node.childForFieldName('name')?.text ?? '')) return true;
  }
  return false;
}

/** A version registered for later judgement. */
const CANDIDATE = /['"](challenger|candidate)['"]/i;

/** What a promotion call does, for the message. */
export type Promotion = 'stage' | 'alias' | 'register' | 'store' | 'deploy';

/** Keywords that make a `.deploy(...)` a cloud endpoint deployment: SageMaker, Vertex AI, Azure ML. */
const ENDPOINT_DEPLOY_KEYWORDS = [
  'initial_instance_count',
  'machine_type',
  'deployed_model_display_name',
  'traffic_percentage',
  'traffic_split',
  'deployment_config',
  'inference_config',
];

/**
 * A model deployed to a managed endpoint: SageMaker's `estimator.deploy(initial_instance_count=1, ...)`
 * (also on `Estimator.attach(job)`), Vertex AI's `model.deploy(endpoint=..., machine_type=...)`, Azure
 * ML's `Model.deploy(ws, name, [model], inference_config, deployment_config)` and MLflow's
 * `mlflow.azureml.deploy` / `mlflow.sagemaker.deploy`. The endpoint serves the model as soon as the call returns.
 */
function endpointDeploy(call: CallInfo): boolean {
  const callee = call.callee ?? '';
  if (/^mlflow\.(azureml|sagemaker)\.deploy$/.test(callee)) return true;
  if (!/(^|\.)deploy$/.test(callee) || callee === 'deploy') return false;
  return ENDPOINT_DEPLOY_KEYWORDS.some((name) => keywordArgument(call.node, name) !== undefined);
}

/** A string argument, or the module-level constant it names (`MODEL_ALIAS = "production"`). */
function constantString(model: PythonModel, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type !== 'identifier') return stringValue(node);
  const constant = model.assignments.find((a) => a.parent?.parent?.type === 'module' && a.childForFieldName('left')?.text === node.text);
  const value = constant?.childForFieldName('right');
  return value?.type === 'string' ? stringValue(value) : undefined;
}

/** The registry or store call that promotes a model, or undefined. */
function promotionOf(model: PythonModel, call: CallInfo): Promotion | undefined {
  const callee = call.callee ?? '';
  const name = callee.slice(callee.lastIndexOf('.') + 1);
  if (name === 'transition_model_version_stage') {
    const value = constantString(model, keywordArgument(call.node, 'stage') ?? positionalArguments(call.node)[2]);
    return value !== undefined && SERVED_STAGE.test(value) ? 'stage' : undefined;
  }
  if (name === 'set_registered_model_alias') {
    const value = constantString(model, keywordArgument(call.node, 'alias') ?? positionalArguments(call.node)[1]);
    return value !== undefined && SERVED_ALIAS.test(value) ? 'alias' : undefined;
  }
  if (endpointDeploy(call)) return 'deploy';
  if (/^mlflow\.(register_model|(tracking\.)?MlflowClient\.create_model_version)$/.test(callee) || name === 'create_model_version') return 'register';
  // BentoML serves the newest tag of a model unless told otherwise: saving is publishing.
  if (/^bentoml\.\w+\.save_model$/.test(callee)) return 'store';
  // `log_model(..., registered_model_name="...")` registers a new version on every run just as
  // `register_model` does (dev: reviewers flagged it in 4 of the 5 scripts that name the model).
  if (loggedRegistration(call)) return 'register';
  return undefined;
}

/**
 * `mlflow.<flavour>.log_model(..., registered_model_name="churn-model")`: a registration on every run
 * under a name the script itself writes down. A helper that takes the name from its caller or a
 * config (`registered_model_name=name`, `cfg.model.name`) leaves the decision to a pipeline that may
 * gate it elsewhere, and is not judged here. The value is the place to report: the registration.
 */
function loggedRegistration(call: CallInfo): Node | undefined {
  if (!/^mlflow\.\w+\.log_model$/.test(call.callee ?? '')) return undefined;
  const name = keywordArgument(call.node, 'registered_model_name');
  return name?.type === 'string' && stringValue(name) ? name : undefined;
}

/** Files that load or save a model by name: `.pkl`, `.joblib`, a Keras or PyTorch file. */
const MODEL_FILE = /\.(pkl|pickle|joblib|pt|pth|h5|keras|onnx|cbm|sav)$/i;
/** A retraining script by its name or its functions: it runs again and again against what is served. */
const RETRAIN = /(^|[\\/_-])re_?train\w*\.py$/i;
const RETRAIN_FUNCTION = /^[ \t]*def[ \t]+re_?train\w*[ \t]*\(/m;
/** Writers of a model file, including a project's own `save_model(model, "model/model.pkl")` helper. */
const WRITER = /^(joblib|pickle|dill|cloudpickle)\.dump$|^torch\.save$|(^|[._])save(_model)?$|^model_save$/;

/** A call that writes a model to a literal model-file path (the served file a retraining overwrites). */
function overwrite(model: PythonModel, call: CallInfo): boolean {
  if (!WRITER.test(call.callee ?? '')) return false;
  const args = positionalArguments(call.node);
  return args.some((arg) => {
    const literal = arg.type === 'identifier' ? defaultPath(model, call, arg.text) : literalPath(arg);
    return literal !== undefined && MODEL_FILE.test(literal);
  });
}

/** The literal a name stands for: the default of the enclosing function's parameter, or a module-level constant. */
function defaultPath(model: PythonModel, call: CallInfo, name: string): string | undefined {
  const parameters = call.inFunction?.childForFieldName('parameters');
  for (const parameter of parameters?.namedChildren ?? []) {
    if (parameter?.type !== 'default_parameter' || parameter.childForFieldName('name')?.text !== name) continue;
    const value = parameter.childForFieldName('value');
    return value ? literalPath(value) : undefined;
  }
  const constant = model.assignments.find((a) => a.parent?.parent?.type === 'module' && a.childForFieldName('left')?.text === name);
  const value = constant?.childForFieldName('right');
  return value ? literalPath(value) : undefined;
}

/** A string literal, or `os.path.join` of literals. */
function literalPath(node: Node): string | undefined {
  if (node.type === 'string') return node.namedChildren.some((c) => c?.type === 'interpolation') ? undefined : stringValue(node);
  if (node.type === 'call' && /^os\.path\.join$|^Path$/.test(node.childForFieldName('function')?.text ?? '')) {
    const parts = positionalArguments(node).map(literalPath);
    return parts.every((p) => p !== undefined) ? parts.join('/') : undefined;
  }
  return undefined;
}

/** The first place an ungated script promotes a model, with what kind of promotion it is. */
export function ungatedPromotion(model: PythonModel): { node: Node; kind: Promotion | 'overwrite' } | undefined {
  // A training task a worker runs on demand (Celery, RQ, Dramatiq) retrains whenever it is called.
  const retrains = RETRAIN.test(model.path) || RETRAIN_FUNCTION.test(model.source) || (queueTasks(model).size > 0 && isTrainingScript(model));
  if (!retrains && !/transition_model_version_stage|set_registered_model_alias|create_model_version|register_model|registered_model_name|bentoml|\.deploy\(/.test(model.source))
    return undefined;
  if (model.role === 'serving' && !isTrainingScript(model)) return undefined;
  // The strongest promotion is the one to name: a stage or alias move over the registration before it.
  const rank = { deploy: 0, stage: 0, alias: 0, store: 1, register: 2, overwrite: 3 } as const;
  let found: { node: Node; kind: Promotion | 'overwrite' } | undefined;
  for (const call of model.calls) {
    let kind: Promotion | 'overwrite' | undefined = promotionOf(model, call);
    // Registering alone is only a promotion in a script that trains, and not when the new version
    // is marked a challenger or candidate for a separate promotion step to judge.
    if (kind === 'register' && (!isTrainingScript(model) || CANDIDATE.test(model.source))) kind = undefined;
    if (!kind && retrains && overwrite(model, call)) kind = 'overwrite';
    if (kind && rollsBack(model, call)) kind = undefined;
    if (kind && (!found || rank[kind] < rank[found.kind])) found = { node: (kind === 'register' && loggedRegistration(call)) || call.node, kind };
  }
  return found && !hasQualityGate(model) ? found : undefined;
}

/** What a threshold is called, or a bare number. */
const BAR = /\b\w*(thresh|threshold|min_\w+|minimum|baseline|target|bar)\w*\b|\b\d*\.\d+\b|\b\d+\b/i;
/** A statement that only reports: a print, a logger call, a bare `pass`. */
const REPORT_ONLY = /^(print|(\w+\.)*(logger|logging|log|LOGGER|console)\.\w+|pass)\b/;

/** Every statement of a block only prints or logs. */
function onlyReports(block: Node | null | undefined): boolean {
  if (!block) return false;
  const statements = block.namedChildren.filter((s): s is Node => s !== null && s.type !== 'comment');
  return statements.length > 0 && statements.every((s) => (s.type === 'expression_statement' || s.type === 'pass_statement') && REPORT_ONLY.test(s.text));
}

/**
 * An evaluation script's threshold check whose branches both only print ("ready for deployment" /
 * "deployment aborted"): it exits 0 either way, so no pipeline step can stop on it. Checks inside
 * loops (best-so-far tracking) are not gates.
 */
const COMPARING_IF = /^[ \t]*if\b[^\n]*[<>]/m;

export function printOnlyGate(model: PythonModel): Node | undefined {
  // A cheap look at the text first: most files have no `if ... >` with an `else`.
  if (!model.linesMatch(COMPARING_IF) || !/^[ \t]*else\s*:/m.test(model.source)) return undefined;
  for (const statement of model.tree.rootNode.descendantsOfType('if_statement')) {
    if (!statement) continue;
    const condition = statement.childForFieldName('condition')?.text ?? '';
    if (!COMPARISON.test(condition) || !BAR.test(condition.replace(new RegExp(`^.*?${METRIC}`, 'i'), ''))) continue;
    const alternatives = statement.namedChildren.filter((c): c is Node => c !== null && (c.type === 'else_clause' || c.type === 'elif_clause'));
    if (alternatives.length === 0 || !onlyReports(statement.childForFieldName('consequence'))) continue;
    if (!alternatives.every((a) => onlyReports(a.childForFieldName('body') ?? a.childForFieldName('consequence')))) continue;
    let inLoop = false;
    for (let p = statement.parent; p; p = p.parent) if (p.type === 'for_statement' || p.type === 'while_statement') inLoop = true;
    // Said where the failure is supposed to stop the pipeline and does not: the last branch.
    const last = alternatives[alternatives.length - 1];
    if (!inLoop) return (last.childForFieldName('body') ?? last.childForFieldName('consequence'))?.namedChildren[0] ?? statement;
  }
  return undefined;
}
