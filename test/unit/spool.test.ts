import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResultSpool } from '../../src/cli/spool';
import type { LintResult } from '../../src/language/types';

function result(i: number): Buffer {
  return Buffer.from(JSON.stringify(lintResult(i)));
}

function lintResult(i: number): LintResult {
  return {
    path: `/project/pkg/module_${i}.py`,
    findings: Array.from({ length: i % 4 }, (_, k) => ({
      ruleId: 'flask-debug-mode',
      messageId: 'debug',
      message: `디버그 모드 ${i}.${k} — "quotes", \\ and \n newlines`,
      category: 'security' as const,
      severity: 'error' as const,
      range: { start: { line: k, column: 0 }, end: { line: k, column: 9 } },
      data: { name: `app_${i}`, n: k },
    })),
    notices: i % 5 === 0 ? [{ kind: 'syntax', message: 'syntax error', range: { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } } }] : [],
    summary: { language: 'python', role: 'serving', lineCount: i },
  };
}

describe('result spool', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-spool-test-'));
  });
  afterEach(() => {
    fs.chmodSync(tmp, 0o700);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const [name, limit] of [
    ['in memory', 1 << 30],
    ['spilled to a file from the start', 0],
    ['spilled part way', 2000],
  ] as const) {
    it(`gives every result back as it was added, ${name}`, () => {
      const spool = new ResultSpool(limit, tmp);
      const expected = Array.from({ length: 200 }, (_, i) => result(i));
      expected.forEach((r) => spool.add(r));
      // The output reads them in order; reading one again or out of order works too.
      expected.forEach((r, i) => assert.deepEqual(Buffer.from(spool.get(i)), r));
      assert.deepEqual(Buffer.from(spool.get(7)), expected[7]);
      assert.deepEqual(JSON.parse(Buffer.from(spool.get(9)).toString()), lintResult(9));
      spool.close();
      assert.deepEqual(fs.readdirSync(tmp), [], 'the temporary file is removed');
    });
  }

  it('leaves bytes it does not own out of its memory limit', () => {
    const spool = new ResultSpool(1000, tmp);
    const shared = Buffer.alloc(5000, 'x');
    spool.add(shared, false);
    spool.add(result(1));
    assert.deepEqual(fs.readdirSync(tmp), [], 'nothing spilled');
    assert.equal(spool.get(0), shared);
    spool.close();
  });

  it('removes its temporary file while it is still open where the system allows it', function () {
    if (process.platform === 'win32') this.skip();
    const spool = new ResultSpool(0, tmp);
    spool.add(result(3));
    assert.deepEqual(fs.readdirSync(tmp), []);
    assert.deepEqual(Buffer.from(spool.get(0)), result(3));
    spool.close();
  });

  it('keeps the results in memory when the temporary folder cannot be written', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root writes anywhere
    fs.chmodSync(tmp, 0o500);
    const spool = new ResultSpool(0, tmp);
    for (let i = 0; i < 20; i++) spool.add(result(i));
    for (let i = 0; i < 20; i++) assert.deepEqual(Buffer.from(spool.get(i)), result(i));
    spool.close();
  });

  it('keeps the results in memory when the temporary folder does not exist', () => {
    const spool = new ResultSpool(0, path.join(tmp, 'missing', 'deeper'));
    for (let i = 0; i < 20; i++) spool.add(result(i));
    for (let i = 0; i < 20; i++) assert.deepEqual(Buffer.from(spool.get(i)), result(i));
    spool.close();
  });
});
