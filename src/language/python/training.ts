import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';

/** Facts the training-script rules share. */

/** The call that marks the script as training (the first `.fit(`/`.train(`), where file-level findings are reported. */
export function firstTrainingCall(model: PythonModel): CallInfo | undefined {
  return model.calls.find((c) => {
    if (c.callee === undefined || !/(^|\.)(fit|train|backward)$/.test(c.callee)) return false;
    // Fitting a scaler or an imputer prepares data; it is not the training run.
    const receiver = c.node.childForFieldName('function')?.childForFieldName('object');
    const bound = receiver?.type === 'identifier' ? model.boundCalls.get(receiver.text) : undefined;
    return !PREPROCESSING.test(c.callee) && !PREPROCESSING.test(bound ?? '');
  });
}

export const PREPROCESSING = /^sklearn\.(preprocessing|impute|feature_selection|decomposition|feature_extraction)\b/;

/** Is this a training script (or an experiment script that trains)? */
export function isTrainingScript(model: PythonModel): boolean {
  return model.role === 'training';
}

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
