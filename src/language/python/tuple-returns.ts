import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../rule';
import type { Range } from '../types';
import type { PythonModel } from './model';
import { firstStartingAt } from './nodes';

/** A module-level function whose every `return` gives a tuple of the same length. */
export interface TupleReturn {
  readonly name: string;
  readonly arity: number;
  /** The function's name, where a mismatch in another module points to. */
  readonly range: Range;
}

/** `a, b, c = f(...)`: a call unpacked into a fixed number of names. */
export interface UnpackedCall {
  /** The callee as written (`get_loaders`, `data.get_loaders`). */
  readonly callee: string;
  readonly count: number;
  readonly range: Range;
  /** The module-level function the assignment sits in (an import inside it resolves first). */
  readonly scope?: string;
}

/** Decorators that hand back what the function returns (caches, gradient switches, JIT). */
const TRANSPARENT_DECORATOR = /^@\s*(?:functools\.)?(?:lru_cache|cache)\b|^@\s*(?:st\.)?cache_(?:data|resource)\b|^@\s*torch\.(?:no_grad|inference_mode)\b/;
const DOTTED_CALLEE = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const TUPLE_NODES = new Set(['expression_list', 'tuple']);

/**
 * The module-level functions that always return an N-tuple (N >= 2): every `return` of their own
 * body (not of a nested function or lambda) returns a literal tuple of N items with no starred
 * part, and the body does not yield. A function defined or bound twice at module level, or behind
 * a decorator that may change what it returns, is left out: its arity is not known.
 */
export function tupleReturns(model: PythonModel): TupleReturn[] {
  const root = model.tree.rootNode;
  const bound = new Map<string, number>();
  const candidates: { name: string; fn: Node }[] = [];
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    let fn: Node | null | undefined = statement;
    if (statement.type === 'decorated_definition') {
      const decorators = statement.namedChildren.filter((c): c is Node => c?.type === 'decorator');
      fn = statement.childForFieldName('definition');
      if (fn?.type === 'function_definition' && !decorators.every((d) => TRANSPARENT_DECORATOR.test(d.text))) fn = undefined;
    }
    const name = (statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement)?.childForFieldName('name')?.text;
    if (name && (statement.type === 'function_definition' || statement.type === 'decorated_definition' || statement.type === 'class_definition'))
      bound.set(name, (bound.get(name) ?? 0) + 1);
    if (statement.type === 'expression_statement') for (const target of assignedNames(statement)) bound.set(target, (bound.get(target) ?? 0) + 2);
    if (fn?.type === 'function_definition' && name) candidates.push({ name, fn });
  }
  const functions = new Map(candidates.filter(({ name }) => bound.get(name) === 1).map(({ name, fn }) => [name, fn]));
  const memo = new Map<string, number | undefined>();
  // `return make_loaders(a, b)` has the arity of `make_loaders` when that is a function of this module.
  const arityOf = (name: string): number | undefined => {
    if (memo.has(name)) return memo.get(name);
    memo.set(name, undefined);
    const fn = functions.get(name);
    const arity = fn && returnedArity(fn, arityOf, model);
    memo.set(name, arity);
    return arity;
  };
  const found: TupleReturn[] = [];
  for (const [name, fn] of functions) {
    const arity = arityOf(name);
    if (arity !== undefined) found.push({ name, arity, range: nodeRange(fn.childForFieldName('name') ?? fn) });
  }
  return found;
}

/** The common length of the tuples `fn` returns, or undefined when any return is something else. */
function returnedArity(fn: Node, arityOf: (name: string) => number | undefined, model: PythonModel): number | undefined {
  const body = fn.childForFieldName('body');
  // The source text, not the node's: reading `text` crosses into WASM for every function of the module.
  const text = body ? model.source.slice(body.startIndex, body.endIndex) : '';
  if (!body || !text.includes('return')) return undefined;
  const own = (node: Node) => {
    for (let n = node.parent; n; n = n.parent) {
      if (n.id === fn.id) return true;
      if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return false;
    }
    return false;
  };
  if (/\byield\b/.test(text) && body.descendantsOfType('yield').some((y) => y && own(y))) return undefined;
  // The return statements the engine's query run already collected, those inside this body.
  const returns = model.nodesOf('return_statement');
  let arity: number | undefined;
  for (let i = firstStartingAt(returns, body.startIndex); i < returns.length && returns[i].startIndex < body.endIndex; i++) {
    const statement = returns[i];
    if (!own(statement)) continue;
    const value = statement.namedChildren[0];
    let length: number | undefined;
    if (value?.type === 'call' && value.childForFieldName('function')?.type === 'identifier') length = arityOf(value.childForFieldName('function')!.text);
    else if (value && TUPLE_NODES.has(value.type)) {
      const items = value.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      if (!items.some((item) => item.type === 'list_splat' || item.type === 'parenthesized_list_splat')) length = items.length;
    }
    if (length === undefined || (arity !== undefined && arity !== length)) return undefined;
    arity = length;
  }
  return arity !== undefined && arity >= 2 ? arity : undefined;
}

/** Names a module-level statement assigns (`x = ...`, `a, b = ...`). */
function assignedNames(statement: Node): string[] {
  const assignment = statement.namedChildren[0];
  if (assignment?.type !== 'assignment' && assignment?.type !== 'augmented_assignment') return [];
  const left = assignment.childForFieldName('left');
  if (!left) return [];
  if (left.type === 'identifier') return [left.text];
  return left.namedChildren.filter((c): c is Node => c?.type === 'identifier').map((c) => c.text);
}

/**
 * Calls unpacked into a fixed number of names: `train, val, ds = get_loaders()`. A starred target
 * takes any length, and a callee bound inside the enclosing function (a parameter, a local
 * assignment) is not the module-level function of that name.
 */
export function unpackedCalls(model: PythonModel): UnpackedCall[] {
  const found: UnpackedCall[] = [];
  for (const assignment of model.assignments) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || right?.type !== 'call' || (left.type !== 'pattern_list' && left.type !== 'tuple_pattern')) continue;
    const targets = left.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    if (targets.length < 2 || targets.some((t) => t.type === 'list_splat_pattern')) continue;
    const callee = right.childForFieldName('function')?.text ?? '';
    if (!DOTTED_CALLEE.test(callee)) continue;
    let top: Node | undefined;
    for (let n = assignment.parent; n; n = n.parent) if (n.type === 'function_definition') top = n;
    const head = callee.split('.')[0];
    if (top && boundLocally(top, head, assignment.startIndex)) continue;
    found.push({ callee, count: targets.length, range: nodeRange(assignment), scope: top?.childForFieldName('name')?.text });
  }
  return found;
}

/** Is `name` a parameter of `fn`, or assigned in it before `before`? */
function boundLocally(fn: Node, name: string, before: number): boolean {
  const parameters = fn.childForFieldName('parameters')?.text ?? '';
  const word = new RegExp(`(^|[^\\w.])${name}\\b`);
  if (word.test(parameters)) return true;
  const body = fn.childForFieldName('body');
  if (!body) return false;
  const text = body.text.slice(0, Math.max(0, before - body.startIndex));
  return new RegExp(`(^|[^\\w.])${name}\\s*(?::[^=\\n]*)?=(?!=)|\\bas\\s+${name}\\b|\\bfor\\s+${name}\\b`, 'm').test(text);
}
