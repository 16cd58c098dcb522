import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { boundInPattern, boundInText, reboundElsewhereByPattern, reboundInModule, wordIn } from '../../src/language/python/call-signatures';
import { ROOT } from '../helpers/engine';

/** The Python files of the rule fixtures, the texts the faster readings are compared on. */
function fixtureSources(): string[] {
  const dir = path.join(ROOT, 'test', 'fixtures', 'rules');
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.py'))
    .sort()
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
}

const BODIES = [
  'a,b = 1',
  'x, a = 2',
  'x ,\n a\t= 3',
  'for i, a in z',
  'with f() as  a:',
  'with f() as\ta.b:',
  'def a(',
  'class  a:',
  'import a',
  'from x import (b,\n a)',
  'global a',
  'nonlocal b, a',
  'a == 1',
  'a: int = 2',
  'a:int==2',
  '.a = 1',
  'ba = 1',
  'b.a = 1',
  'a\n= 1',
  'x,a',
  'has a = 1',
  'xas a',
  'as\na',
  'a, = f()',
  'a += 1',
  'a\u00a0= 1',
  ',\u2028a = 1',
  'print(a)\nreturn a(1)',
  // The line readings: a keyword may end an earlier line (`\\s+` crosses line ends), `[^\\n]*` not.
  'for\n  a in z',
  'for \n\n x, a in z',
  'x for y\n a in z',
  'global\n\ta',
  'import\na',
  'nonlocal\u2028a',
  'for a\r in b',
  'a\nfor b in a',
  'for b in c\nprint(a)',
  '\n\n  for x, a in y',
];

describe('call signatures: the readings that replaced whole-text expressions', () => {
  it('boundInText answers as the one expression over the body', () => {
    const texts = [...BODIES, ...fixtureSources()];
    let bound = 0;
    for (const text of texts)
      for (const name of ['a', 'b', 'a1', ...new Set(text.match(/[A-Za-z_]\w*/g) ?? [])].slice(0, 20)) {
        const fast = boundInText(text, name);
        assert.equal(fast, boundInPattern(name).test(text), `${JSON.stringify(text.slice(0, 80))} / ${name}`);
        if (fast) bound++;
        // The parameters' check: the name as a word, not an attribute.
        assert.equal(wordIn(text, name), new RegExp(`(^|[^\\w.])${name}\\b`).test(text), `${JSON.stringify(text.slice(0, 80))} / ${name} (word)`);
      }
    assert.ok(bound > 50);
  });

  it('moduleBindings answers as reboundElsewhere, with \\n and with lone \\r line ends', () => {
    const modules = [
      'def a():\n  pass\na = 1',
      'def a(): pass\r a: int \rb = 1',
      'def b(): pass\r a: x\rb = 2',
      'def a(): pass\nfrom x import a',
      'def a(): pass\nglobal a',
      'async def a(): pass',
      'def a(): pass\ndef a(): pass',
      'def a(): pass\nsetattr(x)',
      'def a_b(): pass\ndef a(): pass',
      'def a(): pass\na == 1',
      'def a(): pass\n  a:int = 1',
      'def a(): pass\nimport b as a',
      ...fixtureSources().flatMap((text) => [text, text.replace(/\n/g, '\r')]),
    ];
    let certain = 0;
    for (const text of modules)
      for (const name of ['a', 'b', 'a_b', ...[...text.matchAll(/(?:def|class)\s+(\w+)/g)].map((m) => m[1])]) {
        const fast = reboundInModule(text, name);
        assert.equal(fast, reboundElsewhereByPattern(text, name), `${JSON.stringify(text.slice(0, 80))} / ${name}`);
        if (!fast) certain++;
      }
    assert.ok(certain > 20);
  });
});
