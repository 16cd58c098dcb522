import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as original from 'web-tree-sitter';
import { ROOT } from '../helpers/engine';

type TreeSitter = typeof original;

const LIBRARY = path.join(ROOT, 'node_modules', 'web-tree-sitter');
const PYTHON = path.join(ROOT, 'node_modules', 'tree-sitter-python', 'tree-sitter-python.wasm');
const SOURCE = [
  'import os\nfrom fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n',
  '@app.post("/predict")\nasync def predict(x: dict, *, n: int = 3) -> dict:\n    """Doc ✓ 한글."""\n',
  '    if not x:\n        raise HTTPException(status_code=422, detail=f"empty {x!r}")\n',
  '    return {k: v for k, v in x.items() if v is not None}\n\nclass A(B):\n    y = [i ** 2 for i in range(n)]\n',
  'def broken(:\n    pass\n',
].join('');

/** Every node's kind, span and text, depth first, through `namedChildren`, `child(i)` and the fields. */
function walk(ts: TreeSitter, language: original.Language): string[] {
  const parser = new ts.Parser();
  parser.setLanguage(language);
  const tree = parser.parse(SOURCE)!;
  const out: string[] = [];
  const visit = (node: original.Node) => {
    out.push(
      `${node.type} ${node.startIndex}-${node.endIndex} ${node.startPosition.row}:${node.startPosition.column} ${node.endPosition.row}:${node.endPosition.column} ${node.isNamed} ${node.hasError} ${node.parent?.type}`,
    );
    out.push(`  ${node.childForFieldName('name')?.text} ${node.childrenForFieldName('body').length} ${node.descendantsOfType('identifier').length}`);
    for (let i = 0; i < node.childCount; i++) out.push(`  ${node.fieldNameForChild(i)} ${node.child(i)?.type}`);
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(tree.rootNode);
  const query = new ts.Query(language, '(call function: (identifier) @f arguments: (argument_list) @a) (decorator) @d (identifier) @id');
  for (const match of query.matches(tree.rootNode)) out.push(`${match.patternIndex} ${match.captures.map((c) => `${c.name}=${c.node.text}@${c.node.startIndex}`).join(' ')}`);
  query.delete();
  const edited = SOURCE.replace('empty', 'nothing');
  tree.edit(
    new ts.Edit({
      startIndex: SOURCE.indexOf('empty'),
      oldEndIndex: SOURCE.indexOf('empty') + 5,
      newEndIndex: SOURCE.indexOf('empty') + 7,
      startPosition: { row: 7, column: 53 },
      oldEndPosition: { row: 7, column: 58 },
      newEndPosition: { row: 7, column: 60 },
    }),
  );
  const again = parser.parse(edited, tree)!;
  out.push(again.rootNode.toString(), ...tree.getChangedRanges(again).map((range) => `${range.startIndex}-${range.endIndex}`));
  again.delete();
  tree.delete();
  parser.delete();
  return out;
}

async function load(ts: TreeSitter): Promise<original.Language> {
  await ts.Parser.init({ locateFile: (file: string) => path.join(LIBRARY, file) });
  return ts.Language.load(PYTHON);
}

describe('fast-tree-sitter (the bundles’ patch of web-tree-sitter)', () => {
  it('patches the installed web-tree-sitter, and the patched library reads the same trees', async function () {
    this.timeout(60_000);
    const { patchTreeSitter } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'fast-tree-sitter.mjs')).href)) as { patchTreeSitter(text: string): string | undefined };
    const patched = patchTreeSitter(fs.readFileSync(path.join(LIBRARY, 'web-tree-sitter.js'), 'utf8'));
    assert.ok(patched, 'the installed web-tree-sitter.js is not the text the build patches: update scripts/fast-tree-sitter.mjs');
    assert.doesNotMatch(patched, /C\.(get|set)Value\(/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fast-tree-sitter-'));
    const file = path.join(dir, 'web-tree-sitter.mjs');
    fs.writeFileSync(file, patched);
    const fast = (await import(pathToFileURL(file).href)) as TreeSitter;
    assert.notEqual(fast.Parser, original.Parser);
    assert.deepEqual(walk(fast, await load(fast)), walk(original, await load(original)));
  });
});
