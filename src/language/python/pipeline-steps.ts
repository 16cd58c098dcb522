import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringValue, type PythonModel } from './model';
import { JUDGES } from './scheduled-training';

/*
 * A pipeline definition (an Airflow DAG, a Prefect flow, a ZenML or Kubeflow pipeline) whose
 * steps go from training straight to deploying, with no step that could judge the model in
 * between. Read by model-promoted-without-gate: `train >> deploy` ships whatever came out.
 */

const ORCHESTRATORS = /^(airflow|prefect|zenml|kfp|dagster|metaflow|flytekit)\b/;
/** Step names that put a model in front of users. */
// `publish` and `release` only with a model: `publish_report` after training ships no model.
const DEPLOY_STEP = /(^|[\W_])(deploy|serve|serving|rollout)|(publish|release|push)_?(the_)?model/i;
const TRAIN_STEP = /(^|[\W_])(re_?)?(train|fit)(?![a-z])/i;
/** Steps and operators that can stop the run or decide what ships. */
const GATE_STEP = /test|assess|approv|trigger|decid|decision|condition|branch|short_?circuit/i;
const STEP_DECORATOR = /^@\s*(?:[\w.]+\.)?(task|step|component|op|asset)\b/;

interface Step {
  readonly name: string;
  readonly node: Node;
  /** The variable an operator is assigned to, or the decorated function's name. */
  readonly handle?: string;
  readonly decorated: boolean;
}

function stepsOf(model: PythonModel): Step[] {
  const steps: Step[] = [];
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (!/(Operator|Sensor)$/.test(callee)) continue;
    const words = ['task_id', 'python_callable', 'bash_command'].map((k) => {
      const value = keywordArgument(call.node, k);
      return value ? (stringValue(value) ?? value.text) : '';
    });
    const parent = call.node.parent;
    const handle = parent?.type === 'assignment' ? parent.childForFieldName('left')?.text : undefined;
    steps.push({ name: `${callee} ${words.join(' ')}`, node: call.node, handle, decorated: false });
  }
  for (const decorated of model.decorated) {
    const decorator = decorated.namedChildren.find((c) => c?.type === 'decorator' && STEP_DECORATOR.test(c.text));
    const fn = decorated.childForFieldName('definition');
    const name = fn?.childForFieldName('name')?.text;
    if (decorator && fn?.type === 'function_definition' && name) steps.push({ name, node: decorator, handle: name, decorated: true });
  }
  return steps;
}

/** Where a deploy step follows training with nothing that judges the model: the dependency, or the step's call in the flow. */
export function ungatedDeployStep(model: PythonModel): Node | undefined {
  if (![...model.imports.values()].some((target) => ORCHESTRATORS.test(target))) return undefined;
  const steps = stepsOf(model);
  const deploy = steps.find((s) => DEPLOY_STEP.test(s.name) && !JUDGES.test(s.name));
  if (!deploy || !steps.some((s) => s !== deploy && TRAIN_STEP.test(s.name))) return undefined;
  if (steps.some((s) => GATE_STEP.test(s.name)) || JUDGES.test(model.uncommentedSource)) return undefined;
  const handle = deploy.handle;
  if (!handle) return deploy.node;
  const named = new RegExp(`\\b${handle}\\b`);
  if (deploy.decorated) {
    // The step's call inside the flow or pipeline function.
    const call = model.calls.find((c) => c.callee === handle && c.node.parent?.type !== 'decorator');
    return call?.node ?? deploy.node;
  }
  // The dependency that puts the deploy task after training: `train >> deploy`, `deploy.set_upstream(train)`.
  const chain = model.tree.rootNode.descendantsOfType('expression_statement').find((s) => s !== null && /(>>|<<|set_(up|down)stream)/.test(s.text) && named.test(s.text));
  return chain ?? deploy.node;
}
