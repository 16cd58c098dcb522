import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { nodeModulesWasm, ParserHost } from '../../src/language/parser';
import { deadCodeTest } from '../../src/language/python/dead-code';
import { PythonModel } from '../../src/language/python/model';
import { ROOT } from '../helpers/engine';

/**
 * The dead-code filter's spans (python/dead-code.ts) against its definition, read the slow way:
 * from the node at a place up to the module, is some node's parent a block that an earlier
 * statement ends, or the body of `if False:`? Both must answer the same at every node's start
 * and end and at the start of every line.
 */
function byDefinition(root: Node): (line: number, column: number) => boolean {
  const ends = (statement: Node): boolean => {
    if (['return_statement', 'raise_statement', 'continue_statement', 'break_statement'].includes(statement.type)) return true;
    if (statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return false;
    const call = statement.namedChild(0);
    return call?.type === 'call' && ['sys.exit', 'exit', 'quit', 'os._exit'].includes(call.childForFieldName('function')?.text ?? '');
  };
  const alwaysFalse = (condition: Node | null) => condition?.type === 'false' || (condition?.type === 'integer' && condition.text === '0');
  return (line, column) => {
    let node: Node | null = root.descendantForPosition({ row: line, column });
    for (; node; node = node.parent) {
      const parent: Node | null = node.parent;
      if (!parent) return false;
      if (parent.type !== 'block') continue;
      const owner = parent.parent;
      if (owner?.type === 'if_statement' && owner.childForFieldName('consequence')?.id === parent.id && alwaysFalse(owner.childForFieldName('condition'))) return true;
      const first = parent.namedChildren.find((statement) => statement !== null && ends(statement));
      if (first && first.startIndex < node.startIndex) return true;
    }
    return false;
  };
}

const SAMPLE = `import sys

def f(x):
    if x:
        return 1
        print("after return")  # dead
    y = 2; z = 3
    raise ValueError(y)
    cleanup(); more()
    # a comment after the raise
    print(z)


if False:
    debug = 1
    if 0:
        deeper = 2

if 1:
    kept = 1

def g():
    for i in range(3):
        continue
        skipped = i
    sys.exit(1)
    after_exit = 2
    exit()
    quit()


def h():
    try:
        return compute()
    finally:
        log()
    unreachable()
`;

/** A statement that ends its block with a line after it at its indentation or deeper, or `if False` / `if 0`. */
const MAY_END = /^([ \t]+)(?:return|raise|continue|break|sys\.exit|exit|quit|os\._exit)\b[^\n]*\n(?:[ \t]*\n)*\1|\bif\s+(?:False|0)\b|;/m;

function* pythonFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* pythonFiles(at);
    else if (entry.name.endsWith('.py')) yield at;
  }
}

describe('dead code', () => {
  it('finds the dead places its definition finds, at every node boundary and line start of a sample and the rule fixtures with dead code', async function () {
    this.timeout(300_000);
    const host = await ParserHost.create(nodeModulesWasm(ROOT), ['python']);
    const texts: [string, string][] = [['sample.py', SAMPLE]];
    // The fixtures where something may end a block early (most have a return somewhere).
    for (const file of pythonFiles(path.join(ROOT, 'test', 'fixtures', 'rules'))) {
      const text = fs.readFileSync(file, 'utf8');
      if (MAY_END.test(text)) texts.push([file, text]);
    }
    let dead = 0;
    for (const [name, text] of texts) {
      const tree = host.parse('python', text);
      try {
        const spans = deadCodeTest(new PythonModel(tree, name, text));
        const definition = byDefinition(tree.rootNode);
        const cursor = tree.walk();
        for (let done = false; !done;) {
          const node = cursor.currentNode;
          for (const place of [node.startPosition, node.endPosition, { row: node.startPosition.row, column: 0 }]) {
            const expected = definition(place.row, place.column);
            if (expected) dead++;
            assert.equal(spans(place.row, place.column), expected, `${path.relative(ROOT, name)} at ${place.row + 1}:${place.column}`);
          }
          if (cursor.gotoFirstChild()) continue;
          while (!cursor.gotoNextSibling()) {
            if (!cursor.gotoParent()) {
              done = true;
              break;
            }
          }
        }
        cursor.delete();
      } finally {
        tree.delete();
      }
    }
    assert.ok(dead > 50, `expected dead places in the sample and the fixtures, found ${dead}`);
  });
});
