import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintProject } from '../../src/language/project/run';
import { engine, ROOT } from '../helpers/engine';

/**
 * Expectations live in the fixtures (semgrep's `# ruleid:`, ruff's `# error:`):
 *   `# expect: rule-id` at the end of a line: that rule reports on this line;
 *   `# expect: rule-id` alone on a line: that rule reports on the next code line.
 * A fixture in `test/fixtures/rules/<rule-id>/` is checked both ways for that rule (nothing
 * missing, nothing extra); other rules are checked only where the fixture names them, or both
 * ways too when a `# fixture-for: rule-a, rule-b` line lists them (one file that teaches several
 * rules the same lesson, such as "a notebook export is an exploration", instead of a copy each).
 * A fixture that is a folder is a small project: all its files are linted together, with the
 * project pass (Dockerfiles, requirements files and scripts included), and the marks of every
 * file are checked the same way.
 */
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');

interface Expected {
  readonly line: number;
  readonly ruleId: string;
}

export function parseExpectations(text: string): Expected[] {
  const lines = text.split(/\r?\n/);
  const expected: Expected[] = [];
  lines.forEach((line, index) => {
    const match = /#\s*expect:\s*([\w\-, ]+)/.exec(line);
    if (!match) return;
    let target = index;
    if (line.trimStart().startsWith('#')) {
      target = index + 1;
      while (target < lines.length && (lines[target].trimStart().startsWith('#') || lines[target].trim() === '')) target++;
    }
    for (const ruleId of match[1]
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean))
      expected.push({ line: target, ruleId });
  });
  return expected;
}

/** The rules a `# fixture-for: a, b` line asks to check both ways, besides the folder's own. */
function alsoFor(text: string): string[] {
  const match = /^#\s*fixture-for:\s*([\w\-, ]+)$/m.exec(text);
  return match
    ? match[1]
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    : [];
}

describe('rule fixtures', () => {
  const ruleDirs = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).sort() : [];
  for (const ruleDir of ruleDirs) {
    for (const file of fs.readdirSync(path.join(FIXTURES, ruleDir)).sort()) {
      if (fs.statSync(path.join(FIXTURES, ruleDir, file)).isDirectory()) {
        it(`${ruleDir}/${file}/ (project)`, async () => {
          const lint = await engine();
          assert.ok(lint.rule(ruleDir), `fixture folder ${ruleDir} names no rule`);
          const files = readTree(path.join(FIXTURES, ruleDir, file));
          const expected = files.flatMap((f) => parseExpectations(f.text).map((e) => `${f.path}:${e.line + 1}: ${e.ruleId}`));
          const checked = new Set([ruleDir, ...expected.map((e) => e.slice(e.lastIndexOf(' ') + 1))]);
          const { results, project } = lintProject(lint, files);
          assert.deepEqual(
            [...results.flatMap((r) => r.notices), ...project.notices].filter((n) => n.kind === 'internal-error'),
            [],
            'a rule crashed',
          );
          for (const f of results.flatMap((r) => r.findings)) assert.ok(lint.rule(f.ruleId)?.messages[f.messageId], `${f.ruleId} reports an unknown messageId '${f.messageId}'`);
          const actual = results.flatMap((r) => r.findings.filter((f) => checked.has(f.ruleId)).map((f) => `${r.path}:${f.range.start.line + 1}: ${f.ruleId}`));
          assert.deepEqual([...actual].sort(), [...expected].sort());
        });
        continue;
      }
      it(`${ruleDir}/${file}`, async () => {
        const lint = await engine();
        assert.ok(lint.rule(ruleDir), `fixture folder ${ruleDir} names no rule`);
        const full = path.join(FIXTURES, ruleDir, file);
        const text = fs.readFileSync(full, 'utf8');
        const expected = parseExpectations(text);
        const also = alsoFor(text);
        for (const id of also) assert.ok(lint.rule(id), `fixture-for names no rule ${id}`);
        const checked = new Set([ruleDir, ...also, ...expected.map((e) => e.ruleId)]);
        const result = lint.lintText(full, text);
        assert.deepEqual(
          result.notices.filter((n) => n.kind === 'internal-error'),
          [],
          'a rule crashed',
        );
        // A finding whose messageId the rule does not define reads "rule-id: messageId" to the learner.
        for (const f of result.findings) assert.ok(lint.rule(f.ruleId)?.messages[f.messageId], `${f.ruleId} reports an unknown messageId '${f.messageId}'`);
        const actual = result.findings.filter((f) => checked.has(f.ruleId)).map((f) => `${f.range.start.line + 1}: ${f.ruleId}`);
        const wanted = expected.map((e) => `${e.line + 1}: ${e.ruleId}`);
        assert.deepEqual([...actual].sort(), [...wanted].sort());
      });
    }
  }
});

/** Every file under a fixture folder, with paths relative to it (forward slashes). */
function readTree(root: string, dir = ''): { path: string; text: string }[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      return entry.isDirectory() ? readTree(root, relative) : [{ path: relative, text: fs.readFileSync(path.join(root, relative), 'utf8') }];
    });
}
