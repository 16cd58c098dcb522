import type { Node } from 'web-tree-sitter';
import type { PythonModel } from './model';
import { keywordArgument, stringValue } from './nodes';

/** A name bound to one position of an `evaluate()` result. */
export interface EvaluateTarget {
  readonly node: Node;
  readonly name: string;
  readonly position: number;
}

/** Metric spellings (lower case, no underscores) and what they measure. */
const METRIC_SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/^top/, ''],
  [/^(acc|accu|accuracy|(categorical|sparsecategorical|binary)accuracy)$/, 'accuracy'],
  [/^(mae|meanabsoluteerror)$/, 'mae'],
  [/^(mse|meansquarederror)$/, 'mse'],
  [/^(rmse|rootmeansquarederror)$/, 'rmse'],
  [/^(mape|meanabsolutepercentageerror)$/, 'mape'],
  [/^(auc|rocauc)$/, 'auc'],
  [/^(precision|prec)$/, 'precision'],
  [/^recall$/, 'recall'],
  [/^(f1|f1score)$/, 'f1'],
  [/^(loss|losses)$/, 'loss'],
];

function kindOfWord(word: string): string | undefined {
  const key = word.toLowerCase().replace(/_/g, '');
  for (const [pattern, kind] of METRIC_SPELLINGS) if (pattern.test(key)) return kind || undefined;
  return undefined;
}

/**
 * What a variable's name says it holds: `test_acc` and `accTr` the accuracy, `val_loss` the loss.
 * A name that says two things (`loss_acc`) or nothing (`score`) says nothing.
 */
export function metricKind(name: string): string | undefined {
  const kinds = new Set<string>();
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split('_');
  if (words.some((w) => /^top/i.test(w))) return undefined;
  for (const word of words) {
    const kind = word ? kindOfWord(word) : undefined;
    if (kind) kinds.add(kind);
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** A `metrics=[...]` item's kind: `'accuracy'`, `tf.keras.metrics.AUC()`, `Precision(name="p")`. */
function itemKind(item: Node): string | undefined {
  const literal = stringValue(item);
  if (literal !== undefined) return kindOfWord(literal);
  const callee = item.type === 'call' ? item.childForFieldName('function') : item;
  const last = callee?.text.split('.').pop() ?? '';
  return /^\w+$/.test(last) ? kindOfWord(last) : undefined;
}

/**
 * The kinds of the metrics the model was compiled with, in order (an item of unknown kind is
 * undefined): the last `owner.compile(...)` before `before`, else the file's only `compile`. Undefined
 * when unknown: no such call, metrics not a list literal, or several losses (a multi-output model,
 * whose evaluate() lists each output's loss before the metrics).
 */
export function compiledMetrics(model: PythonModel, owner: string, before: number): (string | undefined)[] | undefined {
  const compiles = model.calls.filter((c) => c.node.childForFieldName('function')?.text.endsWith('.compile') && keywordArgument(c.node, 'loss') !== undefined);
  const own = compiles.filter((c) => c.node.childForFieldName('function')?.text === `${owner}.compile` && c.node.startIndex < before);
  const chosen = own.length > 0 ? own[own.length - 1] : compiles.length === 1 ? compiles[0] : undefined;
  if (!chosen) return undefined;
  const loss = keywordArgument(chosen.node, 'loss');
  if (loss?.type === 'list' || loss?.type === 'dictionary') return undefined;
  const metrics = keywordArgument(chosen.node, 'metrics');
  if (!metrics) return [];
  if (metrics.type !== 'list') return undefined;
  return metrics.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').map(itemKind);
}

/**
 * The names an `evaluate()` call's result is bound to by position: `loss, acc = m.evaluate(...)`
 * (up to a starred name) or `acc = m.evaluate(...)[1]`.
 */
export function evaluateTargets(call: Node): EvaluateTarget[] {
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id) {
    const left = parent.childForFieldName('left');
    if (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern') return [];
    const targets: EvaluateTarget[] = [];
    const items = left.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    for (const [position, item] of items.entries()) {
      if (item.type === 'list_splat_pattern') break;
      if (item.type === 'identifier') targets.push({ node: item, name: item.text, position });
    }
    return targets;
  }
  if (parent?.type === 'subscript' && parent.childForFieldName('value')?.id === call.id) {
    const index = parent.childForFieldName('subscript');
    const assignment = parent.parent;
    const left = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === parent.id ? assignment.childForFieldName('left') : undefined;
    if (index?.type !== 'integer' || left?.type !== 'identifier') return [];
    return [{ node: left, name: left.text, position: Number(index.text) }];
  }
  return [];
}

/** Is `owner` a Keras model of this file: compiled or fitted here, or loaded with `load_model`? */
export function looksLikeKerasModel(model: PythonModel, owner: string): boolean {
  if (owner === 'self' || owner === '' || model.imports.has(owner.split('.')[0])) return false;
  return model.calls.some((c) => {
    const fn = c.node.childForFieldName('function')?.text ?? '';
    return fn === `${owner}.compile` || fn === `${owner}.fit` || fn === `${owner}.fit_generator` || /(^|\.)load_model$/.test(fn);
  });
}

/** A label that names the accuracy and nothing that could be the loss (`'Test accuracy:'`). */
const ACCURACY_LABEL = /acc(uracy)?\b|정확도/i;
const LOSS_LABEL = /loss|score|error|cost|metric/i;

/**
 * Where a whole `evaluate()` result bound to `name` (`score = model.evaluate(...)`) is printed or
 * logged as the accuracy by its first item: `print('Test accuracy:', score[0])`. The call is
 * reported when its arguments index the result once, at 0, beside a label that says accuracy
 * and nothing that could name the loss. Only calls in the same function, before `name` is bound
 * again, are read.
 */
export function accuracyReadFromFirst(model: PythonModel, binding: Node, name: string): Node[] {
  const scope = enclosingScope(binding);
  const rebound = model.assignments.find((a) => a.startIndex > binding.endIndex && a.childForFieldName('left')?.text === name && enclosingScope(a)?.id === scope?.id);
  const end = rebound?.startIndex ?? Infinity;
  const indexed = new RegExp(`(?<![\\w.])${name}\\s*\\[\\s*(\\d+)\\s*\\]`, 'g');
  const found: Node[] = [];
  for (const call of model.calls) {
    const args = call.node.childForFieldName('arguments');
    if (!args || call.node.startIndex <= binding.endIndex || call.node.startIndex >= end || !args.text.includes(`${name}[`)) continue;
    if (enclosingScope(call.node)?.id !== scope?.id || call.node.parent?.type !== 'expression_statement') continue;
    const indices = [...args.text.matchAll(indexed)].map((m) => m[1]);
    if (indices.length !== 1 || indices[0] !== '0') continue;
    const label = args.text.replace(indexed, '');
    if (ACCURACY_LABEL.test(label) && !LOSS_LABEL.test(label)) found.push(call.node);
  }
  return found;
}

function enclosingScope(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}
