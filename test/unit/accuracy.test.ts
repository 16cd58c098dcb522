import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CaseError, loadCase, loadCorpus, resolveAll, resolveLines } from '../../scripts/accuracy-cases';
import {
  findingMatchesIssue,
  findingTripsControl,
  inLocation,
  maximumMatching,
  nearMisses,
  scoreCase,
  summarise,
  type ExpectedIssue,
  type NegativeControl,
  type ObservedFinding,
} from '../../scripts/accuracy-score';
import { addedOnReview, lintCase, renderByRule, writtenBlind } from '../../scripts/accuracy';

const issue = (id: string, category: ExpectedIssue['category'], file: string, start?: number, end?: number, accept: string[] = []): ExpectedIssue => ({
  id,
  category,
  accept,
  description: id,
  locations: [{ file, start, end }],
});
const finding = (file: string, line: number, category: string, ruleId = `rule-${category}`): ObservedFinding => ({ file, line, category, ruleId, message: '' });
const control = (file: string, start: number, category?: NegativeControl['category']): NegativeControl => ({
  id: 'c',
  location: { file, start, end: start },
  category,
  rules: [],
  description: 'control',
});

describe('accuracy scorer', () => {
  it('places a finding by file, line range and tolerance; a location without lines is the whole file', () => {
    assert.ok(inLocation({ file: 'a.py', start: 10, end: 12 }, 'a.py', 14, 2));
    assert.ok(!inLocation({ file: 'a.py', start: 10, end: 12 }, 'a.py', 15, 2));
    assert.ok(!inLocation({ file: 'a.py', start: 10, end: 12 }, 'a.py', 7, 2));
    assert.ok(inLocation({ file: 'a.py', start: 10 }, 'a.py', 10, 0));
    assert.ok(inLocation({ file: 'a.py' }, 'a.py', 999, 0));
    assert.ok(!inLocation({ file: 'a.py' }, 'b.py', 1, 2));
  });

  it('matches on the category, an accepted category or an accepted rule id, nothing else', () => {
    const i = issue('i', 'validation', 'a.py', 5, 5, ['reliability', 'unbounded-request-input']);
    assert.ok(findingMatchesIssue(finding('a.py', 5, 'validation'), i));
    assert.ok(findingMatchesIssue(finding('a.py', 5, 'reliability'), i));
    assert.ok(findingMatchesIssue(finding('a.py', 5, 'security', 'unbounded-request-input'), i));
    assert.ok(!findingMatchesIssue(finding('a.py', 5, 'security'), i));
    assert.ok(!findingMatchesIssue(finding('a.py', 9, 'validation'), i));
  });

  it('an issue with alternative locations is found at any of them', () => {
    const i: ExpectedIssue = {
      ...issue('i', 'delivery', 'ci.yml', 3),
      locations: [
        { file: 'ci.yml', start: 3, end: 3 },
        { file: 'cd.yml', start: 40, end: 41 },
      ],
    };
    assert.ok(findingMatchesIssue(finding('cd.yml', 41, 'delivery'), i));
    assert.ok(!findingMatchesIssue(finding('cd.yml', 20, 'delivery'), i));
  });

  it('places a finding at the related places it names too, for credit but not to excuse a second finding as a duplicate', () => {
    // A root image reported on its FROM (line 1) with the command that starts as root (line 9) as its related place.
    const root: ObservedFinding = { ...finding('Dockerfile', 1, 'security', 'container-runs-as-root'), related: [{ file: 'Dockerfile', line: 9 }] };
    const atCmd = issue('root', 'security', 'Dockerfile', 9);
    assert.ok(findingMatchesIssue(root, atCmd));
    assert.ok(!findingMatchesIssue(root, atCmd, 2, false));
    assert.ok(!findingMatchesIssue({ ...root, category: 'reliability' }, atCmd));
    // Another finding that names the same command once the issue is credited: false, not a duplicate.
    const other: ObservedFinding = { ...finding('app.py', 30, 'security', 'debug-mode-enabled'), related: [{ file: 'Dockerfile', line: 9 }] };
    const score = scoreCase({ id: 'c', set: 'dev', issues: [atCmd], controls: [], findings: [root, other] });
    assert.deepEqual(
      score.found.map((f) => f.finding.ruleId),
      ['container-runs-as-root'],
    );
    assert.deepEqual(
      score.unexpected.map((f) => f.ruleId),
      ['debug-mode-enabled'],
    );
  });

  it('names the near misses: the right lesson on another line, the right line under another category, another file', () => {
    const score = scoreCase({
      id: 'c',
      set: 'dev',
      issues: [issue('fit', 'observability', 'train.py', 40), issue('split', 'reproducibility', 'train.py', 12), issue('cmd', 'security', 'Dockerfile', 9)],
      controls: [],
      findings: [finding('train.py', 20, 'observability'), finding('train.py', 13, 'validation'), finding('compose.yml', 3, 'security'), finding('x.py', 1, 'health')],
    });
    assert.deepEqual(
      nearMisses(score).map((n) => `${n.finding.file}:${n.kind}:${n.issue.id}:${n.distance ?? '-'}`),
      ['train.py:line:fit:20', 'train.py:category:split:1', 'compose.yml:file:cmd:-'],
    );
  });

  it('credits findings by maximum matching, not first come first served', () => {
    // Finding 0 could take either issue; finding 1 only issue 0. Greedy would strand issue 1.
    assert.deepEqual(maximumMatching([[0, 1], [0]], 2), [1, 0]);
    assert.deepEqual(maximumMatching([[0], [0], []], 2), [0, -1]);
  });

  it('credits a finding to the issue that names its rule before one that only shares its category', () => {
    const score = scoreCase({
      id: 'c',
      set: 'dev',
      issues: [issue('no logging', 'observability', 'app.py'), issue('no metrics', 'observability', 'app.py', undefined, undefined, ['missing-metrics'])],
      controls: [],
      findings: [finding('app.py', 7, 'observability', 'missing-metrics')],
    });
    assert.deepEqual(
      score.found.map((f) => f.issue.id),
      ['no metrics'],
    );
  });

  it('a second finding on an issue already found is a duplicate, one that matches nothing is false', () => {
    const score = scoreCase({
      id: 'c',
      set: 'dev',
      issues: [issue('health', 'health', 'app.py'), issue('debug', 'security', 'app.py', 20)],
      controls: [control('app.py', 40, 'observability'), control('app.py', 20)],
      findings: [finding('app.py', 1, 'health'), finding('app.py', 3, 'health'), finding('app.py', 40, 'observability'), finding('k8s.yaml', 2, 'scalability')],
    });
    assert.deepEqual(
      score.found.map((f) => f.issue.id),
      ['health'],
    );
    assert.deepEqual(
      score.missed.map((i) => i.id),
      ['debug'],
    );
    assert.equal(score.duplicates.length, 1);
    assert.deepEqual(
      score.unexpected.map((f) => `${f.file}:${f.line}`),
      ['app.py:40', 'k8s.yaml:2'],
    );
    // The control at line 40 is tripped; the one at line 20 only had an expected issue near it.
    assert.deepEqual(
      score.trippedControls.map((t) => t.control.location.start),
      [40],
    );
  });

  it('counts per rule the credited findings whose issue was added on review, not those with a place added on review', () => {
    const noted = (base: ExpectedIssue, note: string): ExpectedIssue => ({ ...base, note });
    const score = scoreCase({
      id: 'c',
      set: 'dev',
      issues: [
        noted(issue('restart-api', 'reliability', 'compose.yml', 3), 'added on review'),
        noted(issue('restart-db', 'reliability', 'compose.yml', 20), 'a location added on review, where the rule reports it'),
        issue('health', 'health', 'compose.yml', 40),
      ],
      controls: [],
      findings: [
        finding('compose.yml', 3, 'reliability', 'compose-missing-restart-policy'),
        finding('compose.yml', 20, 'reliability', 'compose-missing-restart-policy'),
        finding('compose.yml', 40, 'health', 'compose-missing-healthcheck'),
        finding('compose.yml', 60, 'reliability', 'compose-missing-restart-policy'),
      ],
    });
    assert.equal(addedOnReview(noted(issue('x', 'health', 'a.py'), 'added on review (house convention)')), true);
    assert.equal(addedOnReview(noted(issue('x', 'health', 'a.py'), 'rule id added on review')), false);
    assert.equal(addedOnReview(issue('x', 'health', 'a.py')), false);
    const rows = renderByRule([score]).trimEnd().split('\n');
    assert.match(rows[0], /findings\s+matched\s+on review\s+unmatched/);
    const cells = (ruleId: string) =>
      rows
        .find((r) => r.startsWith(`${ruleId} `))
        ?.trim()
        .split(/\s+/)
        .slice(1);
    // findings, matched, on review, unmatched, cases with unmatched
    assert.deepEqual(cells('compose-missing-restart-policy'), ['3', '2', '1', '1', '1']);
    assert.deepEqual(cells('compose-missing-healthcheck'), ['1', '1', '0', '0', '0']);
  });

  it('--blind leaves out the issues added on review and keeps the rest of each case', () => {
    const base = { id: 'c', set: 'dev' as const, dir: '/c', repoDir: '/c/repo', source: { repo: 'o/r', files: [] }, kind: 'learner' as const, summary: 's', controls: [] };
    const blind = issue('blind', 'health', 'app.py', 3);
    const placeOnReview: ExpectedIssue = { ...issue('place', 'security', 'app.py', 9), note: 'a location added on review, where the rule reports it' };
    const onReview: ExpectedIssue = { ...issue('review', 'reliability', 'compose.yml', 4), note: 'added on review (house convention)' };
    const [c] = writtenBlind([{ ...base, issues: [blind, onReview, placeOnReview] }]);
    assert.deepEqual(
      c.issues.map((i) => i.id),
      ['blind', 'place'],
    );
    assert.equal(c.repoDir, '/c/repo');
  });

  it('a control trips on its rule ids when it names them, else on its category, else on anything there', () => {
    const named = { ...control('a.py', 10, 'observability'), rules: ['missing-metrics'] };
    assert.ok(findingTripsControl(finding('a.py', 10, 'observability', 'missing-metrics'), named));
    assert.ok(!findingTripsControl(finding('a.py', 10, 'observability', 'print-instead-of-logging'), named));
    assert.ok(findingTripsControl(finding('a.py', 10, 'security'), control('a.py', 10, 'security')));
    assert.ok(!findingTripsControl(finding('a.py', 10, 'reliability'), control('a.py', 10, 'security')));
    assert.ok(findingTripsControl(finding('a.py', 11, 'anything'), control('a.py', 10)));
  });

  it('adds up recall per category and the share of false findings per set', () => {
    const score = scoreCase({
      id: 'c',
      set: 'holdout',
      issues: [issue('a', 'validation', 'x.py', 1), issue('b', 'validation', 'x.py', 50), issue('c', 'delivery', 'ci.yml')],
      controls: [],
      findings: [finding('x.py', 1, 'validation'), finding('ci.yml', 7, 'delivery'), finding('x.py', 30, 'security'), finding('ci.yml', 9, 'delivery')],
    });
    const summary = summarise('holdout', [score], 4);
    assert.deepEqual(summary.byCategory.validation, { expected: 2, found: 1 });
    assert.deepEqual(summary.byCategory.delivery, { expected: 1, found: 1 });
    assert.deepEqual(summary.byCategory.health, { expected: 0, found: 0 });
    assert.deepEqual(summary.overall, { expected: 3, found: 2 });
    assert.equal(summary.findings, 4);
    assert.equal(summary.duplicates, 1);
    assert.equal(summary.unexpected, 1);
    assert.equal(summary.falseRate, 0.25);
    assert.equal(summary.controls, 4);
  });
});

describe('accuracy case files', () => {
  const lines = ['services:', '  api:', '    depends_on:', '      db:', '  db:', '    image: postgres', 'x = 1', 'x = 1'];

  it('resolves anchors: unique text, after, to, and ^ for the start of a line', () => {
    assert.deepEqual(resolveLines({ at: 'image: postgres' }, lines, 'w'), { start: 6, end: 6 });
    assert.deepEqual(resolveLines({ at: '  api:', to: 'db:' }, lines, 'w'), { start: 2, end: 4 });
    assert.deepEqual(resolveLines({ at: '^  db:' }, lines, 'w'), { start: 5, end: 5 });
    assert.deepEqual(resolveLines({ at: 'x = 1', after: 'image:' }, lines, 'w'), { start: 7, end: 7 });
    assert.deepEqual(resolveLines({ lines: '2-4' }, lines, 'w'), { start: 2, end: 4 });
    assert.deepEqual(resolveLines({}, lines, 'w'), {});
  });

  it('all: every line holding the anchor (a regular expression here) after the after anchor', () => {
    const workflow = ['on: push', 'jobs:', '  lint:', '    runs-on: ubuntu-latest', '  test:', '    needs: lint', '    steps: []'];
    assert.deepEqual(resolveAll({ at: '/^  [\\w-]+:\\s*$/', after: 'jobs:' }, workflow, 'w'), [
      { start: 3, end: 3 },
      { start: 5, end: 5 },
    ]);
    assert.throws(() => resolveAll({ at: 'runs-on', to: 'steps' }, workflow, 'w'), /without to/);
    assert.throws(() => resolveAll({ at: 'uses:' }, workflow, 'w'), /not in the file/);
  });

  it('refuses ambiguous, missing and out-of-range anchors with the place of the mistake', () => {
    assert.throws(() => resolveLines({ at: 'db:' }, lines, 'case.yml: issues[0]'), /issues\[0\].*lines 4, 5/);
    assert.throws(() => resolveLines({ at: 'redis' }, lines, 'w'), CaseError);
    assert.throws(() => resolveLines({ line: 99 }, lines, 'w'), /outside the file/);
    assert.throws(() => resolveLines({ lines: '4-2' }, lines, 'w'), /backwards/);
    assert.throws(() => resolveLines({ at: 'x', line: 1 }, lines, 'w'), /only one of/);
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accuracy-case-'));
      fs.mkdirSync(path.join(dir, 'repo'));
      fs.writeFileSync(path.join(dir, 'repo', 'app.py'), 'from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (text: string) => fs.writeFileSync(path.join(dir, 'case.yml'), text);
    const base = 'source:\n  repo: o/r\n  files: [app.py]\nkind: learner\nsummary: s\n';

    it('loads issues and controls with resolved locations', () => {
      write(
        `${base}issues:\n  - file: app.py\n    at: "debug=True"\n    category: security\n    issue: debug on\n    or:\n      - file: app.py\ncontrols:\n  - file: app.py\n    line: 1\n    why: an import\n`,
      );
      const c = loadCase(dir, 'dev');
      assert.equal(c.issues.length, 1);
      assert.deepEqual(c.issues[0].locations, [{ file: 'app.py', start: 3, end: 3 }, { file: 'app.py' }]);
      assert.equal(c.controls[0].location.start, 1);
    });

    it('rejects unknown keys, unknown categories and files that are not in the repo', () => {
      write(`${base}issues:\n  - file: app.py\n    category: security\n    issue: x\n    severty: high\n`);
      assert.throws(() => loadCase(dir, 'dev'), /unknown key severty/);
      write(`${base}issues:\n  - file: app.py\n    category: speed\n    issue: x\n`);
      assert.throws(() => loadCase(dir, 'dev'), /"speed" is not a category/);
      write(`${base}issues:\n  - file: main.py\n    category: security\n    issue: x\n`);
      assert.throws(() => loadCase(dir, 'dev'), /no file repo\/main\.py/);
    });

    it('lints the case folder through the CLI and reports paths relative to the mini-repository', async () => {
      write(base);
      const { findings } = await lintCase(loadCase(dir, 'dev'));
      assert.ok(findings.length > 0);
      assert.ok(findings.every((f) => f.file === 'app.py' && f.line >= 1));
    });
  });
});

describe('accuracy corpus', () => {
  it('every case file in the corpus is valid (anchors resolve, categories exist)', () => {
    const cases = loadCorpus();
    assert.ok(cases.length > 0);
    assert.ok(cases.some((c) => c.set === 'holdout'));
  });
});
