import type { Node } from 'web-tree-sitter';

/**
 * Code that never runs: statements after a `return`, `raise`, `continue`, `break` or
 * `sys.exit()` in the same block, and the body of `if False:` / `if 0:`. A finding there
 * teaches about code the program never reaches (a leftover after an early return, an example
 * switched off), so the engine drops it.
 *
 * `deadCodeTest(root)` answers for many findings of one tree: from the node at a finding's start up
 * to the module, a few ancestors, each block's first ending statement found once per tree (its
 * statements read out of WASM once), never a walk of the whole file. Module-level statements are
 * not scanned for an earlier `sys.exit()` (a script that exits halfway is rare).
 */
export function deadCodeTest(root: Node): (line: number, column: number) => boolean {
  const firstEnd = new Map<number, number>();
  const endOf = (block: Node): number => {
    let found = firstEnd.get(block.id);
    if (found === undefined) {
      found = -1;
      for (const statement of block.namedChildren) {
        if (statement && ends(statement)) {
          found = statement.startIndex;
          break;
        }
      }
      firstEnd.set(block.id, found);
    }
    return found;
  };
  return (line, column) => {
    let node: Node | null = root.descendantForPosition({ row: line, column });
    for (let depth = 0; node && depth < 64; depth++, node = node.parent) {
      const parent: Node | null = node.parent;
      if (!parent) return false;
      if (parent.type === 'block') {
        const owner = parent.parent;
        if (owner?.type === 'if_statement' && owner.childForFieldName('consequence')?.id === parent.id && alwaysFalse(owner.childForFieldName('condition'))) return true;
        // An earlier statement of the block ends it: the first one that does starts before this one.
        const end = endOf(parent);
        if (end !== -1 && end < node.startIndex) return true;
      }
    }
    return false;
  };
}

const ENDS = new Set(['return_statement', 'raise_statement', 'continue_statement', 'break_statement']);
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
