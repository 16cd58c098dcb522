import type { Node } from 'web-tree-sitter';
import type { PythonModel, StatementSpan } from './model';
import { firstStartingAt } from './nodes';

/**
 * Code that never runs: statements after a `return`, `raise`, `continue`, `break` or
 * `sys.exit()` in the same block, and the body of `if False:` / `if 0:`. A finding there
 * teaches about code the program never reaches (a leftover after an early return, an example
 * switched off), so the engine drops it.
 *
 * A place is dead when, going up from the node at it, some node's parent is a block and either
 * an earlier statement of that block ends it (the first one that does starts before that node)
 * or the block is the body of `if False:`. Such places are exactly the children of those blocks
 * (a node at a place is inside the child that holds the place, and only there), so the dead
 * places of a file are a few spans, found without reading a node per finding: every block with
 * dead code has a statement that ends it with something after it, and the engine's one query
 * run collects the ending statements (`DEAD_CODE_ENDS`) with the calls; `if False:` is looked
 * for in the text first. The spans are kept per top-level statement (`perStatement`), so a
 * re-lint reads only the edited statements. Module-level statements are not scanned for an
 * earlier `sys.exit()` (a script that exits halfway is rare).
 */
export function deadCodeTest(model: PythonModel): (line: number, column: number) => boolean {
  const perStatement = model.perStatement('dead-code', (statement) => deadSpans(model, statement));
  const spans: [number, number, number, number][] = [];
  perStatement.forEach((inStatement, index) => {
    for (const span of inStatement) {
      const { start, end } = model.rangeOfSpan(index, span);
      spans.push([start.line, start.column, end.line, end.column]);
    }
  });
  if (spans.length === 0) return () => false;
  // `[start, end)`, as tree-sitter finds the node at a place.
  return (line, column) => spans.some(([row, from, endRow, to]) => (line > row || (line === row && column >= from)) && (line < endRow || (line === endRow && column < to)));
}

/** The node kinds of the statements that end a block; the engine's query run collects them (`PYTHON_COLLECTED`). */
export const DEAD_CODE_ENDS = ['return_statement', 'raise_statement', 'continue_statement', 'break_statement'] as const;

/** A call that may be `sys.exit()` and the like (`EXITS`), read at the call's start: more than `ends` accepts, never less. */
const EXIT_CALL = /(?:sys\.exit|exit|quit|os\._exit)(?![\w.])/y;
/** An `if` whose condition may be `False` or `0` (`alwaysFalse`): more than it accepts, never less. */
const IF_FALSE = /\bif(?:[\s\u200B\u2060]|\\)+(?:False|0)/g;

/** The dead children of the blocks of one top-level statement, as `spanIn` spans. */
function deadSpans(model: PythonModel, statement: Node): StatementSpan[] {
  const start = statement.startIndex;
  const end = statement.endIndex;
  const blocks = new Map<number, Node>();
  const candidate = (ending: Node) => {
    // Nothing after the statement in its block: nothing there is dead.
    if (!ending.nextSibling) return;
    const block = ending.parent;
    if (block?.type === 'block') blocks.set(block.id, block);
  };
  for (const kind of DEAD_CODE_ENDS) for (const node of within(model.nodesOf(kind), start, end)) candidate(node);
  const source = model.source;
  for (const call of within(model.nodesOf('call'), start, end)) {
    EXIT_CALL.lastIndex = call.startIndex;
    if (!EXIT_CALL.test(source)) continue;
    const statementOfCall = call.parent;
    if (statementOfCall?.type === 'expression_statement' && ends(statementOfCall)) candidate(statementOfCall);
  }
  const spans: StatementSpan[] = [];
  for (const block of blocks.values()) {
    let first = -1;
    for (const child of block.namedChildren) {
      if (child && ends(child)) {
        first = child.startIndex;
        break;
      }
    }
    if (first === -1) continue;
    for (const child of block.children) if (child && child.startIndex > first) spans.push(spanIn(statement, child));
  }
  // Searched within the statement's own text: a search of the whole source from here would, in a
  // file with no `if False:`, run to its end once per top-level statement (quadratic in the file).
  const text = source.slice(start, end);
  IF_FALSE.lastIndex = 0;
  for (let found = IF_FALSE.exec(text); found; found = IF_FALSE.exec(text)) {
    const at = start + found.index;
    const node = statement.namedDescendantForIndex(at, at + 2);
    if (node?.type !== 'if_statement' || node.startIndex !== at) continue;
    const consequence = node.childForFieldName('consequence');
    if (consequence?.type !== 'block' || !alwaysFalse(node.childForFieldName('condition'))) continue;
    for (const child of consequence.children) if (child) spans.push(spanIn(statement, child));
  }
  return spans;
}

/** `PythonModel.spanIn`, here so that this module, which the model's reads, needs only its types. */
function spanIn(statement: Node, node: Node): StatementSpan {
  const row = statement.startPosition.row;
  return [node.startPosition.row - row, node.startPosition.column, node.endPosition.row - row, node.endPosition.column];
}

/** The nodes of a list in document order that start in `[start, end)`. */
function within(nodes: readonly Node[], start: number, end: number): readonly Node[] {
  const low = firstStartingAt(nodes, start);
  let last = low;
  while (last < nodes.length && nodes[last].startIndex < end) last++;
  return low === last ? NONE : nodes.slice(low, last);
}

const NONE: readonly Node[] = [];
const ENDS = new Set<string>(DEAD_CODE_ENDS);
const EXITS = new Set(['sys.exit', 'exit', 'quit', 'os._exit']);

/** A statement after which nothing in its block runs. */
function ends(statement: Node): boolean {
  if (ENDS.has(statement.type)) return true;
  if (statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return false;
  const call = statement.namedChild(0);
  return call?.type === 'call' && EXITS.has(call.childForFieldName('function')?.text ?? '');
}

function alwaysFalse(condition: Node | null): boolean {
  return condition?.type === 'false' || (condition?.type === 'integer' && condition.text === '0');
}
