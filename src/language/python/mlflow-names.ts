import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../rule';
import type { Range } from '../types';
import type { PythonModel } from './model';
import { keywordArgument, positionalArguments } from './nodes';
import { resolveString, stringConstants } from './references';

/**
 * The MLflow names a module writes and reads: registered model names (`registered_model_name=`,
 * `register_model`, `create_registered_model`) against the names it loads (`models:/NAME/...`,
 * `get_latest_versions(NAME)`), and experiment names it creates (`set_experiment`) against those
 * it looks up (`get_experiment_by_name`, `search_runs(experiment_names=[...])`). A name is kept
 * only when the code spells it out: a literal or a module constant, not an environment lookup.
 */

export type MlflowNameKind = 'model' | 'experiment';

export interface MlflowName {
  readonly kind: MlflowNameKind;
  readonly name: string;
  readonly range: Range;
}

export interface MlflowNames {
  readonly written: MlflowName[];
  readonly read: MlflowName[];
  /** Kinds this module writes under a name the code does not spell out (a variable, an argument). */
  readonly opaque: MlflowNameKind[];
}

const LOADS = /(^|\.)(load_model|spark_udf|download_artifacts|get_model_info)$/;
const REGISTRY_READS =
  /(^|\.)(get_latest_versions|get_model_version_by_alias|get_registered_model|get_model_version|search_model_versions|set_registered_model_alias|transition_model_version_stage)$/;

export function mlflowNames(model: PythonModel): MlflowNames {
  const result: MlflowNames = { written: [], read: [], opaque: [] };
  if (!model.importsModule('mlflow')) return result;
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    const node = call.node;
    const text = model.source.slice(node.startIndex, node.endIndex);
    if (text.includes('registered_model_name')) {
      const value = keywordArgument(node, 'registered_model_name');
      if (value) written(model, value, 'model', result);
    }
    if (/(^|\.)register_model$/.test(callee) && /mlflow/.test(callee)) {
      const value = keywordArgument(node, 'name') ?? positionalArguments(node)[1];
      if (value) written(model, value, 'model', result);
    } else if (/(^|\.)create_registered_model$/.test(callee)) {
      const value = keywordArgument(node, 'name') ?? positionalArguments(node)[0];
      if (value) written(model, value, 'model', result);
    } else if (/^mlflow\.(set_experiment|create_experiment)$/.test(callee) || /(^|\.)MlflowClient\.create_experiment$/.test(callee)) {
      const value = keywordArgument(node, 'experiment_name') ?? keywordArgument(node, 'name') ?? positionalArguments(node)[0];
      if (value) written(model, value, 'experiment', result);
    } else if (/mlflow/.test(callee) && LOADS.test(callee)) {
      const value = keywordArgument(node, 'model_uri') ?? keywordArgument(node, 'artifact_uri') ?? positionalArguments(node)[0];
      const uri = value && spelled(model, value);
      const name = uri && /^models:\/([^/@{}\0]+)[/@]/.exec(uri)?.[1];
      if (name) result.read.push({ kind: 'model', name, range: nodeRange(node) });
    } else if (REGISTRY_READS.test(callee) && /mlflow|MlflowClient/.test(callee)) {
      const value = keywordArgument(node, 'name') ?? positionalArguments(node)[0];
      const name = value && spelled(model, value);
      if (name && !/[\0{}]/.test(name) && !name.includes("'")) result.read.push({ kind: 'model', name, range: nodeRange(node) });
    } else if (/(^|\.)get_experiment_by_name$/.test(callee) && /mlflow|MlflowClient/.test(callee)) {
      const value = keywordArgument(node, 'name') ?? positionalArguments(node)[0];
      const name = value && spelled(model, value);
      if (name && !/[\0{}]/.test(name)) result.read.push({ kind: 'experiment', name, range: nodeRange(node) });
    } else if (/(^|\.)search_runs$/.test(callee) && /mlflow/.test(callee)) {
      const list = keywordArgument(node, 'experiment_names');
      for (const item of list?.type === 'list' ? list.namedChildren : []) {
        const name = item && spelled(model, item);
        if (item && name && !/[\0{}]/.test(name)) result.read.push({ kind: 'experiment', name, range: nodeRange(node) });
      }
    }
  }
  return result;
}

function written(model: PythonModel, value: Node, kind: MlflowNameKind, result: MlflowNames): void {
  const name = spelled(model, value);
  if (name === undefined || /[\0{}]/.test(name)) {
    if (!result.opaque.includes(kind)) result.opaque.push(kind);
    return;
  }
  result.written.push({ kind, name, range: nodeRange(value) });
}

/**
 * The string a node spells out: a literal, a module constant, or an f-string whose parts are
 * those (an unknown part becomes `\0`). Environment lookups are configuration: undefined.
 */
function spelled(model: PythonModel, node: Node): string | undefined {
  if (node.type === 'string' && node.namedChildren.some((c) => c?.type === 'interpolation')) {
    let text = '';
    for (const part of node.namedChildren) {
      if (!part) continue;
      if (part.type === 'string_content') text += part.text;
      else if (part.type === 'interpolation') {
        const inner = part.namedChildren[0];
        const constant = inner?.type === 'identifier' ? stringConstants(model).get(inner.text) : undefined;
        text += constant && constant.via === 'constant' ? constant.value : '\0';
      }
    }
    return text;
  }
  const resolved = resolveString(model, node);
  return resolved && resolved.via !== 'env-default' ? resolved.value : undefined;
}
