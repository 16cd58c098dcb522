import { Node, type Edit, type Point, type QueryCapture, type Range as TSRange, type Tree } from 'web-tree-sitter';
import type { PythonModel, PythonNodes } from './python/model';
import { isNotebookModel } from './python/notebooks';
import { queueTasks } from './python/workers';
import type { IndexRange, QueryRun, RuleMatch } from './query';
import type { Finding, Range } from './types';

/**
 * What a re-lint after a small edit can take over from the lint before it (see
 * `LintEngine.lintDocument`). The edit is widened to the top-level statements it touches
 * (and whole lines): the region. Outside it the text is the same, and tree-sitter guarantees
 * the same syntax (`getChangedRanges` covers every place whose nodes changed). So:
 *
 * - the nodes the file model is built from are found again in the new tree by position,
 *   and only the region is matched by the query (a whole-file query run is most of a
 *   re-lint's cost);
 * - the rules declared `local` run on the region's calls and matches only, and keep
 *   their earlier findings elsewhere, moved by the edit's line delta — as long as the file-wide
 *   facts they read (`fileFacts`) are unchanged and the region holds no suppression comment;
 * - the rules declared `local: 'handler'` or `local: 'statement'` re-run on a view of the model
 *   that holds the region's handlers (or the region's items of every list) only, and keep their
 *   findings elsewhere while the text they may read around them is unchanged (`handlerBodies`:
 *   outside the handlers' bodies; `functionBodies`: outside the top-level functions' bodies).
 *
 * Every other rule runs on the whole file as in a full lint, so a rule that does not declare
 * itself local is never wrong, only not sped up. A property test (test/unit/incremental.test.ts) applies many
 * random edits to real files and requires the same result as a full lint after each.
 */

/** The edited span, in both texts: `[startIndex, endIndex)` in the new text, `[startIndex, oldEndIndex)` in the old. */
export interface Region extends IndexRange {
  readonly oldEndIndex: number;
  /** The first line of the region (the same in both texts). */
  readonly startLine: number;
  /** The first line after the region, in the new text and in the old. */
  readonly endLine: number;
  readonly oldEndLine: number;
}

/**
 * The region of an edit: the edit and tree-sitter's changed ranges, widened to whole lines and
 * to every top-level statement they touch in either tree, until that is stable. Undefined when
 * the region is most of the file (a full lint is then as cheap).
 */
export function editRegion(
  oldTree: Tree,
  newTree: Tree,
  oldText: string,
  newText: string,
  edit: Edit,
  changed: readonly TSRange[],
  newStatements: readonly (readonly [number, number])[] = spans(newTree.rootNode, (index) => index),
  oldStatements?: readonly (readonly [number, number])[],
): Region | undefined {
  const delta = edit.newEndIndex - edit.oldEndIndex;
  let low = edit.startIndex;
  let high = edit.newEndIndex;
  for (const range of changed) {
    low = Math.min(low, range.startIndex);
    high = Math.max(high, range.endIndex);
  }
  // Top-level statements of both trees in new-text indices; an old boundary inside the edited
  // span is moved to the span's edge, which the region covers anyway.
  const toNew = (index: number, isEnd: boolean) => (index <= edit.startIndex ? index : index >= edit.oldEndIndex ? index + delta : isEnd ? edit.newEndIndex : edit.startIndex);
  // The old tree's statements as the lint before kept them (`oldStatements`), else read from its root.
  const statements = [
    ...newStatements,
    ...(oldStatements ? oldStatements.map(([from, to]): [number, number] => [toNew(from, false), toNew(to, true)]) : spans(oldTree.rootNode, toNew)),
  ];
  for (;;) {
    // Whole lines: the line breaks found are in the unchanged text before and after the edit.
    const start = low === 0 ? 0 : newText.lastIndexOf('\n', low - 1) + 1;
    const lineEnd = newText.indexOf('\n', Math.max(high, edit.newEndIndex));
    const end = lineEnd === -1 ? newText.length : lineEnd + 1;
    low = start;
    high = end;
    for (const [from, to] of statements) {
      if (from < end && to > start) {
        low = Math.min(low, from);
        high = Math.max(high, to);
      }
    }
    if (low === start && high === end) break;
  }
  if (high - low > newText.length / 2) return undefined;
  const startLine = edit.startPosition.row - count(newText, low, edit.startIndex);
  // A region that reaches the end of the text also holds its last line, ended by a line break or not.
  const lineAfter = (text: string, end: number) => startLine + count(text, low, end) + (end === text.length ? 1 : 0);
  return { startIndex: low, endIndex: high, oldEndIndex: high - delta, startLine, endLine: lineAfter(newText, high), oldEndLine: lineAfter(oldText, high - delta) };
}

function spans(root: Node, map: (index: number, isEnd: boolean) => number): [number, number][] {
  const out: [number, number][] = [];
  for (const child of root.children) if (child) out.push([map(child.startIndex, false), map(child.endIndex, true)]);
  return out;
}

function count(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The collected nodes of a lint, with their end indices (reading one crosses into WASM). */
export interface NodeLists {
  readonly nodes: PythonNodes;
  readonly ends: Readonly<Record<string, readonly number[]>>;
}

/** End indices for freshly collected nodes. */
export function withEnds(nodes: PythonNodes): NodeLists {
  return { nodes, ends: Object.fromEntries(Object.entries(nodes).map(([kind, list]) => [kind, list.map((node) => node.endIndex)])) };
}

/**
 * The node lists of the new tree: the old lists' nodes outside the region, found again by
 * position in the new tree (lazily, see `movedNode`), around the region's nodes from a query run
 * over it alone.
 */
export function relocateNodes(previous: NodeLists, region: Region, at: Relocator, fresh: QueryRun): NodeLists {
  const delta = region.endIndex - region.oldEndIndex;
  const lineDelta = region.endLine - region.oldEndLine;
  const nodes: Record<string, Node[]> = {};
  const ends: Record<string, number[]> = {};
  for (const [kind, old] of Object.entries(previous.nodes)) {
    const oldEnds = previous.ends[kind];
    const list: Node[] = [];
    const listEnds: number[] = [];
    let i = 0;
    for (; i < old.length && old[i].startIndex < region.startIndex; i++) {
      list.push(movedNode(old[i], oldEnds[i], 0, 0, at, kind));
      listEnds.push(oldEnds[i]);
    }
    for (const node of fresh.nodes[kind] ?? []) {
      list.push(node);
      listEnds.push(node.endIndex);
    }
    while (i < old.length && old[i].startIndex < region.oldEndIndex) i++;
    for (; i < old.length; i++) {
      list.push(movedNode(old[i], oldEnds[i], delta, lineDelta, at, kind));
      listEnds.push(oldEnds[i] + delta);
    }
    nodes[kind] = list;
    ends[kind] = listEnds;
  }
  return { nodes: nodes as unknown as PythonNodes, ends };
}

/** The fields a moved node knows without the new tree (see `movedNode`). */
interface MovedNode {
  readonly startIndex: number;
  readonly startPosition: Point;
  readonly keptEnd: number;
  readonly tree: Tree;
  readonly at: Relocator;
  readonly kind: string | undefined;
  found?: Node;
}

/**
 * Moved nodes answer what they know from the node before the edit: its start (moved by the
 * region's delta; the region is made of whole lines, so a column does not change), its end (kept
 * by parser.ts's `endIndex`) and, for a node list, its type. Everything else goes through the
 * node of the new tree, found by position on first use: `id` is the first field tree-sitter reads
 * to cross into WASM, and `[0]` (the node's alias) the last. Most of a file's nodes are never read
 * beyond their start and end in a re-lint, and finding every one again was a fifth of its time.
 */
const MOVED: object = Object.create(Node.prototype, {
  id: {
    get(this: MovedNode) {
      return (this.found ??= this.at.find(this.startIndex, this.keptEnd)).id;
    },
  },
  0: {
    get(this: MovedNode) {
      return ((this.found ??= this.at.find(this.startIndex, this.keptEnd)) as unknown as Record<number, number>)[0];
    },
  },
  type: {
    get(this: MovedNode) {
      return this.kind ?? (this.found ??= this.at.find(this.startIndex, this.keptEnd)).type;
    },
  },
});

/**
 * A node of the lint before, in the new tree: `shift` characters and `lineShift` lines later.
 * `kind` is its type when known (a node list's). Found again lazily, so a `RelocationError` may
 * come from any read of it: the engine then lints the file again in full (`Relocator.failed`).
 */
function movedNode(old: Node, end: number, shift: number, lineShift: number, at: Relocator, kind?: string): Node {
  const position = old.startPosition;
  return new Moved(old.startIndex + shift, lineShift === 0 ? position : { row: position.row + lineShift, column: position.column }, end + shift, at, kind) as unknown as Node;
}

/**
 * A moved node's constructor, with `MOVED` as its prototype: a re-lint moves a few thousand nodes,
 * and an object literal given its prototype afterwards (`Object.setPrototypeOf`) cost V8 a slow
 * path per node (a new hidden class each time) where a constructor allocates them all alike.
 */
const Moved = function (
  this: { -readonly [K in keyof MovedNode]: MovedNode[K] },
  startIndex: number,
  startPosition: Point,
  keptEnd: number,
  at: Relocator,
  kind: string | undefined,
) {
  this.startIndex = startIndex;
  this.startPosition = startPosition;
  this.keptEnd = keptEnd;
  this.tree = at.tree;
  this.at = at;
  this.kind = kind;
  this.found = undefined;
} as unknown as new (startIndex: number, startPosition: Point, keptEnd: number, at: Relocator, kind: string | undefined) => MovedNode;
Moved.prototype = MOVED;

/**
 * The rules' query matches of the new tree: outside the region the old ones, each capture found
 * again by position (lazily, see `MovedMatch`); inside, the region's run. Undefined when a match
 * spans the region's edge.
 */
export function relocateMatches(previous: ReadonlyMap<string, readonly RuleMatch[]>, region: Region, at: Relocator, fresh: QueryRun): Map<string, RuleMatch[]> | undefined {
  if (fresh.crossing) return undefined;
  const delta = region.endIndex - region.oldEndIndex;
  const lineDelta = region.endLine - region.oldEndLine;
  const byRule = new Map<string, RuleMatch[]>();
  const ruleIds = new Set([...previous.keys(), ...fresh.byRule.keys()]);
  for (const ruleId of ruleIds) {
    const before: RuleMatch[] = [];
    const after: RuleMatch[] = [];
    for (const match of previous.get(ruleId) ?? []) {
      const moved = MovedMatch.of(match);
      if (moved.maxStart < region.startIndex && moved.maxEnd <= region.startIndex) before.push(moved.moved(at, 0, 0));
      else if (moved.minStart >= region.oldEndIndex) after.push(moved.moved(at, delta, lineDelta));
      else if (!(moved.minStart >= region.startIndex && moved.maxStart < region.oldEndIndex)) return undefined;
    }
    const list = [...before, ...(fresh.byRule.get(ruleId) ?? []), ...after];
    if (list.length > 0) byRule.set(ruleId, list);
  }
  return byRule;
}

/**
 * A query match of an earlier lint, moved into the new tree: its captures' nodes are made (as
 * `movedNode`s) only when a rule reads `captures` or `all`. Most matches of a file belong to rules
 * that run on the edited region alone after an edit (`local`), which never read the others; a
 * match moved again by the next re-lint adds up the shifts from the match its query run gave,
 * rather than moving the nodes of a move. `minStart`, `maxStart` and `maxEnd` are its captures'
 * bounds in the new text, which decide where it lies against the next edit's region.
 */
class MovedMatch implements RuleMatch {
  private made: { captures: Record<string, Node>; all: QueryCapture[] } | undefined;

  private constructor(
    readonly pattern: number,
    private readonly parts: readonly CapturePart[],
    private readonly shift: number,
    private readonly lineShift: number,
    private readonly at: Relocator | undefined,
    readonly minStart: number,
    readonly maxStart: number,
    readonly maxEnd: number,
  ) {}

  /** A match as the bounds of its captures: moved ones as they are, a query run's read once (while its tree lives). */
  static of(match: RuleMatch): MovedMatch {
    if (match instanceof MovedMatch) return match;
    let minStart = Infinity;
    let maxStart = -Infinity;
    let maxEnd = -Infinity;
    const parts: CapturePart[] = [];
    for (const { node, ...capture } of match.all) {
      const start = node.startIndex;
      const end = node.endIndex;
      // Positions, not the node: a node keeps its tree, and a tree the text it was parsed from.
      parts.push({ capture, start, position: node.startPosition, end });
      if (start < minStart) minStart = start;
      if (start > maxStart) maxStart = start;
      if (end > maxEnd) maxEnd = end;
    }
    return new MovedMatch(match.pattern, parts, 0, 0, undefined, minStart, maxStart, maxEnd);
  }

  get captures(): Readonly<Record<string, Node>> {
    return this.make().captures;
  }

  get all(): readonly QueryCapture[] {
    return this.make().all;
  }

  /** This match `shift` characters and `lineShift` lines later, in the tree `at` finds nodes in. */
  moved(at: Relocator, shift: number, lineShift: number): MovedMatch {
    return new MovedMatch(this.pattern, this.parts, this.shift + shift, this.lineShift + lineShift, at, this.minStart + shift, this.maxStart + shift, this.maxEnd + shift);
  }

  private make(): { captures: Record<string, Node>; all: QueryCapture[] } {
    if (this.made) return this.made;
    const at = this.at;
    if (!at) throw new Error('a match read before it was moved');
    const { shift, lineShift } = this;
    const all = this.parts.map(({ capture, start, position, end }): QueryCapture => {
      const moved = lineShift === 0 ? position : { row: position.row + lineShift, column: position.column };
      return { ...capture, node: new Moved(start + shift, moved, end + shift, at, undefined) as unknown as Node };
    });
    // As query.ts builds them: the first node captured under each name.
    const captures: Record<string, Node> = {};
    for (const capture of all) captures[capture.name] ??= capture.node;
    this.made = { captures, all };
    return this.made;
  }
}

/** A capture of a query run's match, as `MovedMatch` keeps it: its fields but the node, and the node's place. */
interface CapturePart {
  readonly capture: Omit<QueryCapture, 'node'>;
  readonly start: number;
  readonly position: Point;
  readonly end: number;
}

/**
 * Finds the nodes of the new tree at positions outside the changed ranges: the deepest node
 * spanning exactly the old node's (moved) span, which is that node, since the syntax around it is
 * the same. None of the collected kinds has a child spanning all of it.
 *
 * The search starts at the top-level statement that holds the span rather than at the root:
 * tree-sitter's `descendantForIndex` steps through a node's children one by one, so from the
 * root of a long module most of each search was spent passing the statements before it. The
 * result is the same node, since the search from the root passes through that statement (top-level
 * statements do not overlap, and the span is not empty).
 */
export class Relocator {
  /** The new tree's top-level statements (the model's `statements`, which a re-lint seeds with them). */
  readonly statements: Node[];
  /** `[start, end)` of each top-level statement, in new-text indices. */
  readonly spans: (readonly [number, number])[];
  readonly tree: Tree;
  /** Did a node fail to be found again? The re-lint's result is then not used. */
  failed = false;

  constructor(private readonly root: Node) {
    this.tree = root.tree;
    this.statements = root.children.filter((child) => child !== null);
    this.spans = this.statements.map((child) => [child.startIndex, child.endIndex]);
  }

  find(start: number, end: number): Node {
    const spans = this.spans;
    // The last statement starting at or before `start`.
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (spans[middle][0] <= start) low = middle + 1;
      else high = middle;
    }
    const holder = low > 0 && spans[low - 1][1] >= end && spans[low - 1][1] > start ? this.statements[low - 1] : undefined;
    const node = (holder ?? this.root).descendantForIndex(start, end);
    if (!node || node.startIndex !== start) {
      this.failed = true;
      throw new RelocationError();
    }
    return node;
  }
}

/** A node could not be found again: the caller falls back to a full run. */
export class RelocationError extends Error {
  constructor() {
    super('a node outside the edited region was not found again');
  }
}

/**
 * The file-wide facts the `local` rules may read about other statements. When these
 * are the same before and after an edit, their findings outside the region still hold.
 */
export function fileFacts(model: PythonModel): string {
  const source = model.source;
  // A notebook export (python/notebooks.ts) silences several local rules in the whole file.
  const parts: string[] = [model.framework ?? '-', model.role, model.mainGuard ? 'main' : '-', isNotebookModel(model) ? 'notebook' : '-'];
  for (const [name, target] of model.imports) parts.push(`import ${name}=${target}`);
  for (const [name, callee] of model.instances) parts.push(`instance ${name}=${callee}`);
  for (const [name, callee] of model.boundCalls) parts.push(`bound ${name}=${callee}`);
  for (const handler of model.handlers) parts.push(`handler ${handler.name} ${handler.route ?? '-'} ${handler.methods?.join(',') ?? '-'} ${handler.isAsync}`);
  // Queue tasks: a consumer callback is one by a registration in another statement (python/workers.ts).
  for (const name of queueTasks(model).values()) parts.push(`task ${name}`);
  for (const fn of model.functions) parts.push(`def ${/def\s+(\w+)/.exec(source.slice(fn.startIndex, fn.startIndex + 200))?.[1] ?? '?'}`);
  for (const node of [...model.classes, ...model.decorated]) {
    // Decorators and class headers, up to the line of the def or the class's colon.
    const text = source.slice(node.startIndex, node.startIndex + 2000);
    const header = node.type === 'class_definition' ? /^class\b[^:]*:/.exec(text)?.[0] : /^[\s\S]*?^[ \t]*(?:async[ \t]+)?(?:def|class)\b[^\n]*/m.exec(text)?.[0];
    parts.push(header ?? text);
  }
  return parts.join('\n');
}

/**
 * Lines of a handler's body that can change what another handler's check sees: nested
 * definitions and decorators (names a rule looks up as "defined in this file", queue tasks),
 * imports, and error-handler or middleware registrations (app-wide error handling).
 */
const FILE_WIDE_LINE =
  /^[ \t]*(?:(?:async[ \t]+)?def\b|class\b|@|import\b|from\b|global\b|nonlocal\b)[^\n]*|^[^\n]*(?:error_?handler|exception_handler|middleware|process_exception|handle_exception)[^\n]*/gm;

/**
 * The bodies a rule scope does not read beside the statement it reports in, as `[start, end)` spans
 * in document order (undefined: it may read the whole text). What such a rule may read is the
 * file-wide facts, the text outside these bodies, and the lines of the bodies in `FILE_WIDE_LINE`;
 * `heldAround` tells whether that is the same before and after an edit.
 */
export type Bodies = readonly (readonly [number, number, number])[] | undefined;

/**
 * The `local: 'handler'` rules' bodies: every request handler's (so its decorators and signature
 * are read). An edit inside a handler's body usually leaves what lies around them unchanged. A
 * handler nested in another function (an app factory) is read as part of that function by the
 * helper scans, so then the whole text counts.
 */
export function handlerBodies(model: PythonModel, before?: Before): Bodies {
  // A handler outside the region that was one before has the same body, moved (`known`).
  const known = before?.handlers && keptStarts(before.handlers, before.region);
  const spans: Span[] = [];
  for (const handler of model.handlers) {
    const start = handler.node.startIndex;
    const kept = known?.get(start);
    if (kept) {
      spans.push(kept);
      continue;
    }
    // A handler at column 0 is a top-level statement (its position is stored on the node; parents cross into WASM).
    if (handler.node.startPosition.column > 0 && nestedInFunction(handler.node)) return undefined;
    const body = handler.node.childForFieldName('body');
    if (body) spans.push([body.startIndex, model.handlerEnd(handler), start]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** A body's `[start, end)` and the start of its definition. */
type Span = readonly [number, number, number];

/** The bodies of the lint before an edit and its region, for `handlerBodies` and `functionBodies` to take over. */
export interface Before {
  readonly handlers: Bodies;
  readonly functions: Bodies;
  readonly region: Region;
}

/** The bodies outside the region, moved into the new text, by their definition's start there. */
function keptStarts(bodies: readonly (readonly [number, number, number?])[], region: Region): Map<number, Span> {
  const delta = region.endIndex - region.oldEndIndex;
  const kept = new Map<number, Span>();
  for (const [start, end, at = -1] of bodies) {
    if (at < region.startIndex && end <= region.startIndex) kept.set(at, [start, end, at]);
    else if (at >= region.oldEndIndex) kept.set(at + delta, [start + delta, end + delta, at + delta]);
  }
  return kept;
}

/**
 * The `local: 'statement'` rules' bodies: those of the module's top-level functions (so imports,
 * constants, app set-up, class bodies, every signature and decorator are read). An edit inside a
 * function's body usually leaves what lies around them unchanged.
 */
export function functionBodies(model: PythonModel, before?: Before): Bodies {
  // A top-level function outside the region is the one before, moved (`known`).
  const known = before?.functions && keptStarts(before.functions, before.region);
  const spans: Span[] = [];
  for (const fn of model.functions) {
    // Column 0 is a top-level definition (the position is stored on the node; its parent crosses into WASM).
    if (fn.startPosition.column > 0) continue;
    const start = fn.startIndex;
    const kept = known?.get(start);
    if (kept) {
      spans.push(kept);
      continue;
    }
    const body = fn.childForFieldName('body');
    if (body) spans.push([body.startIndex, fn.endIndex, start]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Is what a scope's rules read around their statements (the text outside `bodies` and the
 * `FILE_WIDE_LINE` lines inside them; the file-wide facts are compared apart) the same before and
 * after the edit? Outside the region the text is the same, so it is when the bodies there are the
 * same (moved by the edit) and the region reads the same: each body lies in one top-level
 * statement, never across the region's edge, and what is read of a body is its own text. Only the
 * region's text is compared, not the file's.
 */
export function heldAround(oldText: string, oldBodies: Bodies, newText: string, newBodies: Bodies, region: Region): boolean {
  if (!oldBodies || !newBodies) return false;
  const delta = region.endIndex - region.oldEndIndex;
  const oldInside: Span[] = [];
  const newInside: Span[] = [];
  let i = 0;
  let j = 0;
  // The bodies before the region, then after it, pair off; those inside it are compared by their text.
  for (; i < oldBodies.length && oldBodies[i][0] < region.startIndex; i++, j++) {
    const [start, end] = oldBodies[i];
    if (end > region.startIndex || j >= newBodies.length || newBodies[j][0] !== start || newBodies[j][1] !== end) return false;
  }
  for (; i < oldBodies.length && oldBodies[i][0] < region.oldEndIndex; i++) {
    if (oldBodies[i][1] > region.oldEndIndex) return false;
    oldInside.push(oldBodies[i]);
  }
  for (; j < newBodies.length && newBodies[j][0] < region.endIndex; j++) {
    if (newBodies[j][0] < region.startIndex || newBodies[j][1] > region.endIndex) return false;
    newInside.push(newBodies[j]);
  }
  if (oldBodies.length - i !== newBodies.length - j) return false;
  for (; i < oldBodies.length; i++, j++) if (newBodies[j][0] !== oldBodies[i][0] + delta || newBodies[j][1] !== oldBodies[i][1] + delta) return false;
  return readAround(oldText, region.startIndex, region.oldEndIndex, oldInside) === readAround(newText, region.startIndex, region.endIndex, newInside);
}

/**
 * The text of `[from, to)` with each body in it replaced by a separator and its `FILE_WIDE_LINE`
 * lines, each followed by a separator (a body that starts inside the one before is skipped).
 */
function readAround(source: string, from: number, to: number, bodies: readonly Span[]): string {
  const parts: string[] = [];
  let at = from;
  for (const [start, end] of bodies) {
    if (start < at) continue;
    parts.push(source.slice(at, start), '\u0000');
    for (const line of source.slice(start, end).matchAll(FILE_WIDE_LINE)) parts.push(line[0], '\u0000');
    at = end;
  }
  parts.push(source.slice(at, to));
  return parts.join('');
}

function nestedInFunction(node: Node): boolean {
  for (let at = node.parent; at; at = at.parent) if (at.type === 'function_definition') return true;
  return false;
}

/**
 * The model as a `local: 'handler'` rule sees it after an edit: `handlers` and
 * `enclosingHandler` know the handlers inside the region only (a node inside it has its
 * innermost handler there too, since the region is made of whole top-level statements), and
 * `excepts` holds the region's except clauses only: a handler-local rule reads an except clause
 * to report inside it (exception-leaked-to-client), so a clause outside the region could only
 * give findings the re-lint drops, after the work of judging it (a long service has dozens).
 * Everything else (calls, functions, helpers, `isHandler`) is the whole file's. One view per
 * re-lint, so the rules' per-model caches are shared between them.
 */
export function handlerView(model: PythonModel, region: Region): PythonModel {
  const inside = (node: Node) => node.startIndex >= region.startIndex && node.startIndex < region.endIndex;
  const handlers = model.handlers.filter((handler) => inside(handler.node));
  const enclosingHandler = (node: Node) => (inside(node) ? model.enclosingHandler(node) : undefined);
  let excepts: Node[] | undefined;
  return Object.create(model, {
    handlers: { value: handlers },
    enclosingHandler: { value: enclosingHandler },
    excepts: { get: () => (excepts ??= model.excepts.filter(inside)) },
    textMatches: { value: (pattern: RegExp) => regionMatches(model.source, pattern, region) },
  }) as PythonModel;
}

/**
 * `PythonModel.textMatches` in a view: the matches of `pattern` that start inside the region,
 * found in its text alone. The region is whole lines, so `^`, `\b` and a lookbehind at its start
 * read as they do in the whole text (a line break before it); a match that would run on past its
 * end crosses into the next top-level statement, which the local rules' scans do not.
 */
function* regionMatches(source: string, pattern: RegExp, region: Region): IterableIterator<RegExpExecArray> {
  const start = region.startIndex;
  for (const match of source.slice(start, region.endIndex).matchAll(pattern)) {
    match.index += start;
    yield match;
  }
}

/** The `PythonModel` lists a rule iterates; a `statementView` holds the region's items only. */
const NODE_LISTS = ['functions', 'classes', 'decorated', 'excepts', 'assignments', 'pairs', 'keywordArguments'] as const;

/**
 * The model as a `local: 'statement'` rule sees it after an edit: every list it iterates (calls,
 * handlers, functions, classes, assignments ...) and the calls `callsTo` and `callsNamed` find
 * hold the region's items only, so the rule's work is the region's; every lookup (`resolve`,
 * `callOf`, `isHandler`, `imports`, `role` ...) is the whole file's model itself, whose layers are
 * built once. One view per re-lint, so the rules' per-model caches are shared between them.
 */
export function statementView(model: PythonModel, region: Region): PythonModel {
  const inside = (node: Node) => node.startIndex >= region.startIndex && node.startIndex < region.endIndex;
  const descriptors: PropertyDescriptorMap = {};
  const forward = model as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(model))) {
    if (name === 'constructor') continue;
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(model), name)!;
    // Methods and getters run on the model itself: a layer built through the view would see the region's lists only.
    if (own.get) descriptors[name] = { get: () => forward[name] };
    else if (typeof own.value === 'function') descriptors[name] = { value: (own.value as (...args: unknown[]) => unknown).bind(model) };
  }
  const lazily = <T>(name: string, items: () => T[]) => {
    let kept: T[] | undefined;
    descriptors[name] = { get: () => (kept ??= items()) };
  };
  for (const name of NODE_LISTS) lazily(name, () => model[name].filter(inside));
  lazily('calls', () => model.calls.filter((call) => inside(call.node)));
  lazily('handlers', () => model.handlers.filter((handler) => inside(handler.node)));
  descriptors.callsTo = { value: (...names: string[]) => model.callsTo(...names).filter((call) => inside(call.node)) };
  descriptors.callsNamed = { value: (names: readonly (string | RegExp)[]) => model.callsNamed(names).filter((call) => inside(call.node)) };
  descriptors.enclosingHandler = { value: (node: Node) => (inside(node) ? model.enclosingHandler(node) : undefined) };
  descriptors.textMatches = { value: (pattern: RegExp) => regionMatches(model.source, pattern, region) };
  return Object.create(model, descriptors) as PythonModel;
}

/** Findings of one rule outside the region, kept from the lint before; undefined when one spans the region's edge. */
export function keptFindings(previous: readonly Finding[], region: Region): { before: Finding[]; after: Finding[] } | undefined {
  const lineDelta = region.endLine - region.oldEndLine;
  const before: Finding[] = [];
  const after: Finding[] = [];
  const move = (range: Range): Range => ({ start: { ...range.start, line: range.start.line + lineDelta }, end: { ...range.end, line: range.end.line + lineDelta } });
  for (const finding of previous) {
    // A finding's related places in the file (the score printed after the training call) move with it, so they bound it too.
    let first = finding.range.start.line;
    let last = finding.range.end.line;
    for (const r of finding.related ?? []) {
      first = Math.min(first, r.range.start.line);
      last = Math.max(last, r.range.end.line);
    }
    if (last < region.startLine) before.push(finding);
    else if (first >= region.oldEndLine) {
      after.push(
        lineDelta === 0
          ? finding
          : { ...finding, range: move(finding.range), ...(finding.related ? { related: finding.related.map((r) => ({ ...r, range: move(r.range) })) } : {}) },
      );
    } else if (first < region.startLine || last >= region.oldEndLine) return undefined;
  }
  return { before, after };
}

/** Is this finding of a region run inside the region? */
export function inRegion(finding: Finding, region: Region): boolean {
  return finding.range.start.line >= region.startLine && finding.range.end.line < region.endLine;
}

/**
 * Each helper's values per top-level statement of one lint, index-aligned with the statements'
 * `[start, end)` spans (one list of spans for every helper that read the same statements).
 */
export type KeptStatements = ReadonlyMap<string, KeptValues>;

interface KeptValues {
  readonly spans: Spans;
  readonly values: readonly unknown[];
}

/** The start and end indices of a list of top-level statements. */
interface Spans {
  readonly of: readonly Node[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * The values a whole-file helper computes per top-level statement (`PythonModel.perStatement`),
 * taken over after an edit from the lint before for every statement outside the region. Those
 * statements have the same text and the same syntax (the region is made of whole top-level
 * statements and whole lines), and each starts at the same column; so a value computed from its
 * statement alone, with positions relative to the statement's start, is the same. A helper that
 * scans the whole file (the scope walk of `undefined-name`, a few milliseconds on a long file)
 * then re-reads only the edited statements, and joins the values, which is cheap.
 *
 * The statements before the region are the first ones of both lints and those after it the last
 * ones, so a kept value is found by its index from either end (and used when its statement's span
 * is the one expected there): arrays rather than a map per helper, since a re-lint asks for a few
 * dozen helpers' values over a few hundred statements.
 */
export class StatementMemo {
  private readonly made = new Map<string, KeptValues>();

  constructor(
    private readonly previous?: KeptStatements,
    private readonly region?: Region,
  ) {}

  /** `compute` of each statement, or the value the lint before computed for it. */
  values<T>(key: string, statements: readonly Node[], compute: (statement: Node) => T): T[] {
    const listed = this.made.get(key);
    if (listed) return listed.values as T[];
    const spans = this.spansOf(statements);
    const { starts, ends } = spans;
    const region = this.region;
    const before = region && this.previous?.get(key);
    const count = statements.length;
    const out: T[] = new Array<T>(count);
    if (!before || !region) {
      for (let i = 0; i < count; i++) out[i] = compute(statements[i]);
    } else {
      const delta = region.endIndex - region.oldEndIndex;
      const old = before.spans;
      const shift = old.starts.length - count;
      for (let i = 0; i < count; i++) {
        const start = starts[i];
        const end = ends[i];
        // Outside the region: the same statement, at the same place before it or moved by the edit after it.
        if (end <= region.startIndex) {
          if (old.starts[i] === start && old.ends[i] === end) {
            out[i] = before.values[i] as T;
            continue;
          }
        } else if (start >= region.endIndex) {
          const j = i + shift;
          if (old.starts[j] === start - delta && old.ends[j] === end - delta) {
            out[i] = before.values[j] as T;
            continue;
          }
        }
        out[i] = compute(statements[i]);
      }
    }
    this.made.set(key, { spans, values: out });
    return out;
  }

  /**
   * The statements' spans, read once per list rather than once per key: a node's end crosses into
   * WASM (its start does not), and a dozen keys over a few hundred statements made that most of a
   * re-lint's `perStatement` cost.
   */
  private spansOf(statements: readonly Node[]): Spans {
    if (this.spans?.of !== statements)
      this.spans = { of: statements, starts: statements.map((statement) => statement.startIndex), ends: statements.map((statement) => statement.endIndex) };
    return this.spans;
  }
  private spans: Spans | undefined;

  /** Does the lint before hold values for `key` that a re-lint can take over? */
  keeps(key: string): boolean {
    return this.region !== undefined && this.previous?.has(key) === true;
  }

  /** What the next re-lint may take over. */
  kept(): KeptStatements {
    return this.made;
  }
}
