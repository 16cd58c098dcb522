import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';
import { nodeRange } from '../rule';
import type { Range } from '../types';

/** Facts the training-script rules share. */

/** The call that marks the script as training (the first `.fit(`/`.train(`), where file-level findings are reported. */
export function firstTrainingCall(model: PythonModel): CallInfo | undefined {
  return model.calls.find((c) => isTrainingCall(model, c));
}

/**
 * Is this call a training run (`.fit(`, `.train(`, `.backward(`, Keras 2's `.fit_generator(`), not
 * data preparation, an image crop or a mode switch?
 */
export function isTrainingCall(model: PythonModel, c: CallInfo): boolean {
  if (c.callee === undefined || !/(^|\.)(fit|fit_generator|train|backward)$/.test(c.callee)) return false;
  // Fitting a scaler or an imputer prepares data; it is not the training run.
  const fn = c.node.childForFieldName('function');
  const receiver = fn?.childForFieldName('object');
  const bound = receiver ? boundCallee(model, receiver) : undefined;
  if (PREPROCESSING.test(c.callee) || PREPROCESSING.test(bound ?? '')) return false;
  // `ImageOps.fit(img, size)` crops an image: a call into an imported non-ML module is no training run.
  // A model built in a project module and imported (`from model_def import model`) trains all the
  // same, and says so with the training loop's own keywords (`model.fit(..., epochs=)`). An imported
  // helper called by name (`train(model=m, epochs=3)`) stays the helper module's business.
  const root = c.callee.split('.')[0];
  if (
    c.callee.includes('.') &&
    !ML_ROOTS.has(root) &&
    [...model.imports.values()].some((target) => target.split('.')[0] === root) &&
    !(fn?.type === 'attribute' && hasTrainingLoopKeyword(c.node))
  )
    return false;
  // `model.train()` switches a PyTorch module into training mode; a trainer's `.train()` trains.
  if (/(^|\.)train$/.test(c.callee) && isModeSwitch(c.node, receiver?.text ?? '', bound)) return false;
  return true;
}

/**
 * What a receiver was built by: `scaler` after `scaler = StandardScaler()`, and also an attribute
 * such as `self.scaler` after `self.scaler = StandardScaler()` (model classes keep their fitted
 * parts on `self`), as the resolved callee of that constructor call.
 */
export function boundCallee(model: PythonModel, receiver: Node): string | undefined {
  if (receiver.type === 'identifier') return model.boundCalls.get(receiver.text);
  if (receiver.type !== 'attribute' || !/^self\.\w+$/.test(receiver.text)) return undefined;
  const assigned = new RegExp(`\\b${receiver.text.replace('.', '\\.')}\\s*=\\s*(?=[\\w.]+\\()`).exec(model.source);
  if (!assigned) return undefined;
  const at = assigned.index + assigned[0].length;
  return model.calls.find((c) => c.node.startIndex === at)?.callee;
}

/** Keywords only a training loop takes: Keras `fit(epochs=, validation_data=, callbacks=)`, boosters' `eval_set=`. */
const TRAINING_LOOP_KEYWORD = /^(epochs|initial_epoch|validation_data|validation_split|validation_steps|steps_per_epoch|callbacks|eval_set|early_stopping_rounds|max_epochs)$/;

function hasTrainingLoopKeyword(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  return (args?.namedChildren ?? []).some((a) => a?.type === 'keyword_argument' && TRAINING_LOOP_KEYWORD.test(a.childForFieldName('name')?.text ?? ''));
}

function isModeSwitch(call: Node, receiver: string, bound: string | undefined): boolean {
  if (/trainer/i.test(receiver) || /Trainer$/.test(bound ?? '')) return false;
  const args = call.childForFieldName('arguments');
  return !args || args.namedChildCount === 0 || /^\(\s*(True|False|mode\s*=\s*\w+)\s*\)$/.test(args.text);
}

/** Top-level modules whose `fit`/`train` calls are training runs. */
export const ML_ROOTS: ReadonlySet<string> = new Set([
  'sklearn',
  'torch',
  'tensorflow',
  'keras',
  'tf_keras',
  'xgboost',
  'lightgbm',
  'catboost',
  'transformers',
  'pytorch_lightning',
  'lightning',
  'trl',
  'peft',
  'statsmodels',
  'prophet',
  'sentence_transformers',
  'setfit',
  'spacy',
  'gensim',
  'fastai',
  'mlflow',
  'optuna',
  'pycaret',
  'flaml',
  'autogluon',
]);

/** Scalers, encoders, imputers and feature extractors: scikit-learn's and category_encoders'. */
export const PREPROCESSING = /^sklearn\.(preprocessing|impute|feature_selection|decomposition|feature_extraction)\b|^category_encoders\./;

/**
 * Does this file train a model? A training or experiment script does; so does a service that
 * creates an app and also fits a model (a retrain route, a script that trains then serves): the
 * training rules run there too.
 */
export function isTrainingScript(model: PythonModel): boolean {
  if (model.role === 'training') return true;
  if (model.role !== 'serving') return false;
  let trains = servingTrains.get(model);
  if (trains === undefined) {
    // A service that fits a stand-in on data it makes up (`np.random.random(...)`, a literal
    // array) has a placeholder model, not a training run: seeds, tracking and saved artifacts
    // are beside the point there (serving a dummy is the problem, and not this rule family's).
    const call = firstTrainingCall(model);
    servingTrains.set(model, (trains = call !== undefined && !fitsOnMadeUpData(model, call)));
  }
  return trains;
}

const MADE_UP_DATA = /^(np|numpy)\.(random\.\w+|array|zeros|ones|arange|linspace)\(|^\[\s*\[/;

export function fitsOnMadeUpData(model: PythonModel, call: CallInfo): boolean {
  const first = call.node.childForFieldName('arguments')?.namedChildren[0];
  if (!first || first.type === 'keyword_argument') return false;
  if (MADE_UP_DATA.test(first.text)) return true;
  if (first.type !== 'identifier') return false;
  const assigned = new RegExp(`^[ \\t]*${first.text}[ \\t]*=[ \\t]*([^\\n]+)`, 'm').exec(model.source)?.[1]?.trim();
  return assigned !== undefined && MADE_UP_DATA.test(assigned);
}

const servingTrains = new WeakMap<PythonModel, boolean>();

/** For-loops that contain the node, innermost first. */
export function enclosingLoops(node: Node, stop?: Node): Node[] {
  const loops: Node[] = [];
  for (let n = node.parent; n && n.id !== stop?.id; n = n.parent) if (n.type === 'for_statement') loops.push(n);
  return loops;
}

/** Identifiers passed as positional or keyword arguments (one level, no expressions). */
export function argumentNames(call: Node): string[] {
  const names: string[] = [];
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const value = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
    if (value?.type === 'identifier') names.push(value.text);
  }
  return names;
}

/** A model written out: joblib/pickle dumps, framework saves, tracker uploads. */
const PERSISTS_MODEL = /(^|[^\w.])(joblib\.)?dump\s*\(|\b(pickle|joblib|torch)\.(dump|save)\s*\(|\.(save_model|save_pretrained|log_model)\s*\(|\bmodel\w*\.save\s*\(/;

/** A function defined at module level whose parameters are at most `*args`/`**kwargs` (what an orchestrator passes). */
const CLI_COMMAND = /^@\s*(?:[\w.]*\.command|click\.group|hydra\.main)\b/;

/** A module-level function behind a CLI framework's command decorator. */
function isCliCommand(fn: Node): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  if (decorated?.parent?.type !== 'module') return false;
  return decorated.namedChildren.some((d) => d?.type === 'decorator' && CLI_COMMAND.test(d.text));
}

function isEntryPoint(fn: Node): boolean {
  if (fn.type !== 'function_definition') return false;
  const parent = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  if (parent?.type !== 'module') return false;
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
  return parameters.every((p) => p?.type === 'list_splat_pattern' || p?.type === 'dictionary_splat_pattern');
}

const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition', 'import_statement', 'import_from_statement', 'future_import_statement', 'comment']);

/**
 * A library module: the training sits inside a function or class that nothing in this file runs
 * (no `__main__` guard, no module-level call of it, no request handler). Whoever imports and calls it owns the run,
 * and records or saves what it trained: a `models.py` with `class Model: def fit(...)` is not a
 * training run without tracking. Module-level code that calls one of the file's own definitions
 * or trains directly makes it a script again.
 */
export function trainsOnlyWhenCalled(model: PythonModel): boolean {
  let library = libraries.get(model);
  if (library === undefined) libraries.set(model, (library = isLibrary(model)));
  return library;
}

/** Both training-artifact rules ask; the answer is worked out once per file model. */
const libraries = new WeakMap<PythonModel, boolean>();

function isLibrary(model: PythonModel): boolean {
  // A service's handlers are entry points too: the framework runs them.
  if (model.mainGuard || model.role === 'serving') return false;
  const training = firstTrainingCall(model);
  if (!training) return false;
  let owner: Node | undefined;
  for (let n = training.node.parent; n && !owner; n = n.parent) if (n.type === 'function_definition' || n.type === 'class_definition') owner = n;
  if (!owner) return false;
  // A module-level function that takes no inputs, trains and writes the model out is a whole
  // training run, whoever calls it (an Airflow PythonOperator, a Celery task, a Prefect flow in
  // another file): not a helper that is handed a model or data.
  if (isEntryPoint(owner) && PERSISTS_MODEL.test(owner.text)) return false;
  // A command of a CLI framework (`@click.command()`, typer's `@app.command()`, `@hydra.main(...)`) is
  // run by the framework with the parsed options: a whole run, like a `__main__` guard.
  if (isCliCommand(owner)) return false;
  const statements = model.tree.rootNode.namedChildren.filter((n): n is Node => n !== null);
  const defined = statements.flatMap((n) => {
    const definition = n.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
    const name = definition?.type === 'function_definition' || definition?.type === 'class_definition' ? definition.childForFieldName('name')?.text : undefined;
    return name ? [name] : [];
  });
  const callsOwn = defined.length > 0 ? new RegExp(`(^|[^\\w.])(${defined.join('|')})\\s*\\(`) : undefined;
  return statements.every((n) => DEFINITIONS.has(n.type) || !(callsOwn?.test(n.text) || /\.(fit|train|fit_transform)\s*\(/.test(n.text)));
}

/**
 * The first training run that happens when the module is imported: a `.fit(`/`.train(` at the
 * top level (not in a function, a class or under `__main__`), or a top-level call of a function or
 * method of this file that trains (`train_model(model, loader)`, `predictor.train_model()`). A
 * stand-in fitted on made-up data is a placeholder, not a training run.
 */
export function importTimeTraining(model: PythonModel): { range: Range; what: string; hook?: string } | undefined {
  // Text first: most files never mention fitting or training.
  if (!model.source.includes('fit(') && !model.source.includes('train')) return undefined;
  let trainers: Map<string, boolean> | undefined;
  for (const { call, hook, name } of startupCalls(model)) {
    if (isTrainingCall(model, call)) {
      if (fitsOnMadeUpData(model, call)) continue;
      return { range: nodeRange(call.node), what: calledText(call.node), ...(hook && { hook }) };
    }
    if (!name || !/train|fit/i.test(name)) continue;
    trainers ??= new Map();
    let trains = trainers.get(name);
    if (trains === undefined) trainers.set(name, (trains = definedTrainer(model, name)));
    if (trains) return { range: nodeRange(call.node), what: calledText(call.node), ...(hook && { hook }) };
  }
  return undefined;
}

/**
 * Top-level calls (not under `__main__`) whose names say they train (`trainer.train()`,
 * `train_model()`) and that this file does not define: the project pass follows them into the
 * module that does (`trainer = IrisTrainer()` built here, the class in core/trainer.py).
 */
export function importTimeTrainerCalls(model: PythonModel): { name: string; range: Range; hook?: string }[] {
  const found: { name: string; range: Range; hook?: string }[] = [];
  for (const { call, hook, name, callee } of startupCalls(model)) {
    // Any call the service makes as it starts may reach training in another module: a trainer
    // (`train_model()`) or a loader that trains when the file is missing (`load_model()`).
    if (!name || !/^[\w.]+$/.test(callee)) continue;
    // Training this file runs itself is the per-file finding.
    if (isTrainingCall(model, call) || definedTrainer(model, name)) continue;
    found.push({ name: callee, range: nodeRange(call.node), ...(hook && { hook }) });
  }
  return found;
}

/**
 * The calls a module runs when it is imported or as its service starts: at its top level (not in
 * a function, a class body or under `__main__`) or in a start-up hook, with the hook's name and
 * the called name's last part (`train` of `trainer.train`) and the callee as written.
 */
function* startupCalls(model: PythonModel): Generator<{ call: CallInfo; hook?: string; name?: string; callee: string }> {
  for (const call of model.calls) {
    const hook = call.inFunction ? startupHook(call.inFunction) : undefined;
    if ((call.inFunction && !hook) || call.callee === undefined || (!hook && inClassBody(call.node)) || model.inMainGuard(call.node)) continue;
    const fn = call.node.childForFieldName('function');
    const name = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    yield { call, hook, name, callee: fn?.text ?? '' };
  }
}

/**
 * A function the framework runs once as the service starts, before it serves: a FastAPI
 * `on_event("startup")` hook or `lifespan`, Flask's `before_first_request`, Quart's
 * `before_serving`. Its name, for the message.
 */
function startupHook(fn: Node): string | undefined {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return undefined;
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  if (decorated && decorated.namedChildren.some((d) => d?.type === 'decorator' && /on_event\(\s*['"]startup|before_first_request|before_serving/.test(d.text))) return name;
  return name === 'lifespan' && decorated?.parent?.type === 'module' ? name : undefined;
}

/** A function or method of this file by that name whose own body trains. */
function definedTrainer(model: PythonModel, name: string): boolean {
  const byFunction = model.callsByFunction();
  return model.functions.some((fn) => fn.childForFieldName('name')?.text === name && (byFunction.get(fn.id) ?? []).some((c) => isTrainingCall(model, c)));
}

function inClassBody(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'class_definition') return true;
  return false;
}

function calledText(call: Node): string {
  return `${call.childForFieldName('function')?.text ?? 'fit'}()`;
}
