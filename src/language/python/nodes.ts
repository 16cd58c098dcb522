import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';

/** Small tree helpers shared by the Python model and rules. */

export function matchesName(callee: string, name: string): boolean {
  return name.startsWith('.') ? callee.endsWith(name) || callee === name.slice(1) : callee === name;
}

/**
 * The innermost function holding the node. With `withinScope`, a lambda or class met first ends the
 * search: the node then belongs to that scope, not to the function around it.
 */
export function enclosingFunction(node: Node, withinScope = false): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n;
    if (withinScope && (n.type === 'lambda' || n.type === 'class_definition')) return undefined;
  }
  return undefined;
}

/** The innermost class holding the node. */
export function enclosingClass(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'class_definition') return n;
  return undefined;
}

export function isAsync(fn: Node): boolean {
  return fn.children.some((c) => c?.type === 'async');
}

export function decoratorsOf(definition: Node): Node[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((c): c is Node => c?.type === 'decorator');
}

/** The literal value of a plain string node (no f-string interpolation), else undefined. */
export function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return node.namedChildren
    .filter((c) => c?.type === 'string_content')
    .map((c) => c!.text)
    .join('');
}

/** A keyword argument's value node, e.g. `timeout` in `requests.get(url, timeout=5)`. */
export function keywordArgument(call: Node, name: string): Node | undefined {
  // Most calls have no such keyword. Their text (a slice of the source, one WASM crossing for
  // the end index) rules that out before the arguments are marshalled one node at a time.
  if (!call.text.includes(name)) return undefined;
  const args = call.type === 'call' ? call.childForFieldName('arguments') : call;
  for (const arg of args?.namedChildren ?? []) {
    // The argument's own text starts with its name, which rules most arguments out for the
    // price of one WASM crossing instead of a marshalled name node.
    if (arg?.type === 'keyword_argument' && arg.text.startsWith(name) && arg.childForFieldName('name')?.text === name) return arg.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The call's positional arguments, in order (keyword arguments, splats' keys and comments left out). */
export function positionalArguments(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment');
}

/**
 * The argument a call names its subject with: the first argument when it is positional
 * (`read_csv(url)`), else the value of `keyword` (`read_csv(filepath_or_buffer=url)`).
 */
export function subjectArgument(call: Node, keyword?: string): Node | undefined {
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  if (first && first.type !== 'keyword_argument') return first;
  return keyword ? keywordArgument(call, keyword) : undefined;
}

/** True when the call passes `**kwargs`, so a missing keyword may still be supplied. */
export function hasSplat(call: Node): boolean {
  // Without `**` in its text the call cannot hold a splat; that check needs no argument nodes.
  if (!call.text.includes('**')) return false;
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a?.type === 'dictionary_splat');
}

/**
 * The first name a built string splices in: `user_id` in `f"... {user_id}"`, `"..." % name`,
 * `"..." + name` or `"...".format(name)`. Undefined when it is not a plain name.
 */
export function interpolatedName(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const plain = (n: Node | null | undefined) => (n && (n.type === 'identifier' || n.type === 'attribute') && n.text.length <= 60 ? n.text : undefined);
  if (node.type === 'string') return plain(node.namedChildren.find((c) => c?.type === 'interpolation')?.namedChildren[0]);
  if (node.type === 'binary_operator') return plain(node.childForFieldName('right')) ?? interpolatedName(node.childForFieldName('left') ?? undefined);
  if (node.type === 'call') return plain(node.childForFieldName('arguments')?.namedChildren[0]);
  return undefined;
}

/**
 * The index of the first node of a list in document order that starts at or after `index` (a binary
 * search); `nodeOf` reads the node of a list of records (calls, handlers).
 */
export function firstStartingAt<T = Node>(nodes: readonly T[], index: number, nodeOf: (item: T) => Node = (item) => item as unknown as Node): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodeOf(nodes[middle]).startIndex < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The name a reference ends in: `API_KEY`, `settings.api_key`, `config["API_KEY"]`. */
export function referenceName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  if (node.type === 'subscript') {
    const key = node.childForFieldName('subscript');
    return key ? stringValue(key) : undefined;
  }
  return undefined;
}

/** The callee as written at the call site (`model.predict`, `self.model.predict`). */
export function writtenCallee(model: PythonModel, call: CallInfo): string {
  const start = call.node.startIndex;
  return /^[A-Za-z_][\w.]*/.exec(model.source.slice(start, Math.min(start + 120, call.node.endIndex)))?.[0] ?? call.callee ?? '?';
}
