import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { multiDocYaml, pythonService } from '../../scripts/bench-corpus';
import { diffEdit } from '../../src/language/parser';
import { languageOf } from '../../src/language/source';
import type { LintResult } from '../../src/language/types';
import { engine, ROOT } from '../helpers/engine';

/**
 * Every finding, notice and file summary the engine produces on the repository's own Python
 * and YAML (rule fixtures, the demo and integration workspaces, the teacher fixtures, the
 * curriculum's starter files, the accuracy corpus when present) and on the bench inputs, as
 * one line each. It pins the engine's behaviour across speed work: a change to how rules match
 * must leave this file as it was. A rule change that is meant to change findings rewrites it
 * with UPDATE_SNAPSHOTS=1 npx mocha test/unit/findings-snapshot.test.ts, and the diff shows
 * exactly which findings moved.
 *
 * The accuracy corpus's holdout cases are the team's honest estimate, not to be read by whoever
 * changes the rules: they are pinned by a digest of their lines under a numbered name, so a
 * change still shows up here without the diff telling which findings or files moved.
 */
const SNAPSHOT = path.join(ROOT, 'test/unit/__snapshots__/findings.txt');
const SOURCES = ['test/fixtures', 'curriculum', 'test/accuracy/cases'];
const HOLDOUT = 'test/accuracy/cases/holdout/';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile() && languageOf(entry.name)) out.push(full);
  }
  return out;
}

function describeResult(name: string, result: LintResult): string[] {
  const lines: string[] = [];
  const at = (r: { start: { line: number; column: number }; end: { line: number; column: number } }) => `${r.start.line + 1}:${r.start.column}-${r.end.line + 1}:${r.end.column}`;
  for (const f of result.findings) {
    lines.push(`${name}:${at(f.range)} ${f.severity} ${f.ruleId}/${f.messageId} ${f.message}${f.data ? ` ${JSON.stringify(f.data)}` : ''}`);
  }
  for (const n of result.notices) lines.push(`${name} notice ${n.kind}${n.ruleId ? ` ${n.ruleId}` : ''}${n.range ? ` ${at(n.range)}` : ''}: ${n.message}`);
  if (result.summary) lines.push(`${name} summary ${JSON.stringify(result.summary)}`);
  return lines;
}

async function snapshot(): Promise<string> {
  const lint = await engine();
  const lines: string[] = [];
  let holdout = 0;
  for (const file of SOURCES.flatMap((dir) => filesUnder(path.join(ROOT, dir)))) {
    const name = path.relative(ROOT, file).split(path.sep).join('/');
    const described = describeResult(name, lint.lintBytes(name, fs.readFileSync(file), { lang: 'en' }));
    if (!name.startsWith(HOLDOUT)) lines.push(...described);
    else lines.push(`holdout file ${++holdout} ${createHash('sha256').update(described.join('\n')).digest('hex').slice(0, 16)}`);
  }
  lines.push(...describeResult('bench/service.py', lint.lintText('bench/service.py', pythonService(1000), { lang: 'en' })));
  lines.push(...describeResult('bench/stack.yaml', lint.lintText('bench/stack.yaml', multiDocYaml(500), { lang: 'en' })));
  return `${lines.join('\n')}\n`;
}

describe('findings snapshot', () => {
  it('the engine reports exactly what the snapshot holds on every fixture, starter file and bench input', async function () {
    // One lint of every fixture and accuracy file (766 dev cases now): it grows with the corpus, and
    // on a loaded 2-core machine it passed mocha's 20 s default.
    this.timeout(600_000);
    const actual = await snapshot();
    if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(SNAPSHOT)) {
      fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
      fs.writeFileSync(SNAPSHOT, actual);
      return;
    }
    const expected = fs.readFileSync(SNAPSHOT, 'utf8').split('\n');
    const got = actual.split('\n');
    const missing = expected.filter((line) => !got.includes(line));
    const extra = got.filter((line) => !expected.includes(line));
    assert.deepEqual(
      { missing: missing.slice(0, 20), extra: extra.slice(0, 20) },
      { missing: [], extra: [] },
      'findings changed; run UPDATE_SNAPSHOTS=1 if the change is intended',
    );
    assert.equal(actual, expected.join('\n'), 'same findings, different order');
  });

  it('re-linting an edited document incrementally gives the same result as a full lint', async function () {
    // Five lints of a third of every fixture and accuracy file: about 7 s of CPU today, and it
    // grows with the corpus; a loaded machine must not turn that into a timeout.
    this.timeout(600_000);
    const lint = await engine();
    const files = SOURCES.flatMap((dir) => filesUnder(path.join(ROOT, dir))).filter((_, i) => i % 3 === 0);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const middle = Math.floor(lines.length / 2);
      // Break a line in the middle, then put it back: both versions go through the re-parse path.
      const broken = [...lines.slice(0, middle), `${lines[middle]} (`, ...lines.slice(middle + 1)].join('\n');
      const key = `incremental/${path.basename(file)}`;
      lint.lintDocument(key, text);
      for (const version of [broken, text]) {
        const incremental = lint.lintDocument(key, version);
        const full = lint.lintText(key, version);
        assert.deepEqual(incremental, full, `${file}: the incremental re-lint differs from a full lint`);
      }
      lint.forget(key);
    }
  });

  it('describes an edit with the positions a full scan of both texts gives', () => {
    const point = (text: string, index: number) => {
      const before = text.slice(0, index).split('\n');
      return { row: before.length - 1, column: before[before.length - 1].length };
    };
    const base = 'import os\n\ndef f():\n    return 1\n# 한국어 주석\nx = f()\n';
    const cases = [
      base.replace('return 1', 'return 2'),
      base.replace('\n\n', '\n\n\n\n'),
      base.replace('def f():\n    return 1\n', ''),
      `${base}y = 2\n`,
      `# top\n${base}`,
      base.replace('주석', '주석 더'),
    ];
    for (const after of cases) {
      const edit = diffEdit(base, after)!;
      assert.deepEqual(
        [edit.startPosition, edit.oldEndPosition, edit.newEndPosition],
        [point(base, edit.startIndex), point(base, edit.oldEndIndex), point(after, edit.newEndIndex)],
        JSON.stringify(after),
      );
    }
    assert.equal(diffEdit(base, base), undefined);
  });
});
