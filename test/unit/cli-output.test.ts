import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';
import { makeTree, runIn, treesRemovedAfter, type RunOptions } from '../helpers/cli';
import { ROOT } from '../helpers/engine';
import { referenceConfig } from '../helpers/reference-engine';

/**
 * What a person reads from `ai-teacher check`: snapshots of the text output with and without
 * colour, and the options that shape it. Run with UPDATE_SNAPSHOTS=1 to rewrite the snapshots.
 */
const SNAPSHOTS = path.join(ROOT, 'test/unit/__snapshots__/cli');

function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, name);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(file)) {
    fs.mkdirSync(SNAPSHOTS, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `snapshot ${name} differs; run UPDATE_SNAPSHOTS=1 npm run test:unit if the change is intended`);
}

const FLASK_DEBUG = 'from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: r/m:1.0.0\n';

/** One file of each kind the summary counts: clean, findings, partial (syntax, Python 2, bytes), skipped. */
const MIXED: Record<string, string | Uint8Array> = {
  'app.py': FLASK_DEBUG,
  'k8s/deploy.yaml': DEPLOYMENT,
  'legacy.py': `from flask import Flask\napp = Flask(__name__)\nprint "starting"\napp.run(debug=True)\n`,
  'broken.yaml': 'a: [1, 2\nb: {c: d\n',
  'latin1.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nx = 1\n')]),
  'model.py': new Uint8Array([0x80, 0x04, 0x95, 0x00, 0x01]),
  'chart/templates/deploy.yaml': 'metadata:\n  name: {{ .Release.Name }}\n',
  'clean.py': 'x = 1\n',
};

describe('check output', () => {
  const make = treesRemovedAfter();
  const check = (root: string, args: string[], options?: RunOptions) => runIn(root, ['check', ...args], options);

  for (const lang of ['en', 'ko'] as const) {
    it(`groups findings by file with severities and a summary (${lang}, no colour)`, async () => {
      const root = make(MIXED);
      const { code, out } = await check(root, ['.', '--lang', lang]);
      assert.equal(code, 1);
      assert.doesNotMatch(out, /\x1b\[/);
      matchSnapshot(`mixed.${lang}.txt`, out);
    });
  }

  it('colours severities, statuses and the header on a terminal, and the snapshot shows where', async () => {
    const root = make(MIXED);
    const { out } = await check(root, ['.', '--lang', 'en'], { stdoutIsTTY: true, env: { LANG: 'C' } });
    assert.match(out, /\x1b\[31merror\x1b\[39m/);
    assert.match(out, /\x1b\[33mwarning\x1b\[39m/);
    assert.match(out, /\x1b\[4mapp\.py\x1b\[24m/);
    matchSnapshot('mixed.en.color.txt', out.replace(/\x1b\[(\d+)m/g, '<$1>'));
    // Without the escapes it is the plain output, character for character.
    assert.equal(out.replace(/\x1b\[\d+m/g, ''), (await check(root, ['.', '--lang', 'en'])).out);
  });

  it('follows NO_COLOR and FORCE_COLOR (FORCE_COLOR wins; TERM=dumb has none)', async () => {
    const root = make({ 'app.py': FLASK_DEBUG });
    const colored = async (stdoutIsTTY: boolean, env: Record<string, string>) => /\x1b\[/.test((await check(root, ['.'], { stdoutIsTTY, env: { LANG: 'C', ...env } })).out);
    assert.equal(await colored(true, {}), true);
    assert.equal(await colored(false, {}), false);
    assert.equal(await colored(true, { NO_COLOR: '1' }), false);
    assert.equal(await colored(true, { TERM: 'dumb' }), false);
    assert.equal(await colored(false, { FORCE_COLOR: '1' }), true);
    assert.equal(await colored(true, { FORCE_COLOR: '0' }), false);
    assert.equal(await colored(false, { NO_COLOR: '1', FORCE_COLOR: '1' }), true);
    // JSON never carries escapes.
    assert.doesNotMatch((await check(root, ['.', '--format', 'json'], { stdoutIsTTY: true, env: { FORCE_COLOR: '1' } })).out, /\x1b\[/);
  });

  it('--quiet reports errors only: warnings neither print nor fail the run', async () => {
    const root = make({ 'k8s/deploy.yaml': DEPLOYMENT, 'app.py': FLASK_DEBUG });
    const quiet = await check(root, ['.', '--quiet']);
    assert.equal(quiet.code, 1);
    assert.match(quiet.out, /debug-mode-enabled/);
    assert.doesNotMatch(quiet.out, /missing-readiness-probe/);
    assert.match(quiet.out, /^1 finding \(1 error, 0 warnings, 0 info\) in 2 files checked$/m);
    const warningsOnly = make({ 'k8s/deploy.yaml': DEPLOYMENT });
    assert.equal((await check(warningsOnly, ['.'])).code, 1);
    assert.equal((await check(warningsOnly, ['.', '-q'])).code, 0);
  });

  it('--statistics counts findings per rule instead of listing them', async () => {
    const root = make({ 'a.py': FLASK_DEBUG, 'b.py': FLASK_DEBUG, 'k8s/deploy.yaml': DEPLOYMENT });
    const { out, code } = await check(root, ['.', '--statistics']);
    assert.equal(code, 1);
    assert.equal(out.split('\n\n')[0], '2  error    debug-mode-enabled       [security]\n1  warning  missing-readiness-probe  [health]');
    assert.doesNotMatch(out, /\? /);
    const { code: usage, err } = await check(root, ['.', '--statistics', '--format', 'json']);
    assert.equal(usage, 2);
    assert.match(err, /--statistics works with --format text only/);
  });

  it('--no-questions leaves out the teacher question lines', async () => {
    const root = make({ 'app.py': FLASK_DEBUG });
    assert.match((await check(root, ['.'])).out, /^ +\? /m);
    assert.doesNotMatch((await check(root, ['.', '--no-questions'])).out, /^ +\? /m);
  });

  it('caps findings per file, keeping the most severe, and says how many were left out', async () => {
    const lines = ['from flask import Flask', 'app = Flask(__name__)', ...Array.from({ length: 30 }, () => 'app.run(debug=True)')];
    const root = make({ 'many.py': `${lines.join('\n')}\n` });
    const text = await check(root, ['.', '--max-per-file', '10']);
    assert.equal((text.out.match(/debug-mode-enabled/g) ?? []).length, 10);
    assert.match(text.out, /\(finding-cap\) {2}30 findings: the 10 most severe are shown, 20 left out/);
    assert.match(
      text.out,
      /^30 findings \(30 errors, 0 warnings, 0 info\) in 1 file checked\nby category: security 30\n20 of them not listed \(over the per-file cap; see --max-per-file\)$/m,
    );
    const json = JSON.parse((await check(root, ['.', '--max-per-file', '10', '--format', 'json'])).out);
    assert.equal(json.files[0].findings.length, 10);
    assert.equal(json.totals.omitted, 20);
    assert.equal(json.totals.findings, 30);
    const statistics = await check(root, ['.', '--max-per-file', '10', '--statistics']);
    assert.match(statistics.out, /^30 {2}error {4}debug-mode-enabled {2}\[security\]$/m);
    assert.equal(JSON.parse((await check(root, ['.', '--max-per-file', '0', '--format', 'json'])).out).files[0].findings.length, 30);
    assert.equal((await check(root, ['.', '--max-per-file', 'ten'])).code, 2);
  });

  it('shows an absolute target as given, a relative one relative to the working directory', async () => {
    const root = make({ 'svc/app.py': FLASK_DEBUG, 'other/app.py': FLASK_DEBUG });
    const cwd = path.join(root, 'svc');
    const absolute = await check(cwd, [path.join(root, 'other', 'app.py'), path.join(root, 'other')]);
    assert.match(absolute.out, new RegExp(`^${root}/other/app\\.py$`, 'm'));
    assert.doesNotMatch(absolute.out, /\.\.\//);
    const relative = await check(cwd, ['../other/app.py', 'app.py']);
    assert.match(relative.out, /^\.\.\/other\/app\.py$/m);
    assert.match(relative.out, /^app\.py$/m);
    const json = JSON.parse((await check(cwd, [path.join(root, 'other'), '--format', 'json'])).out);
    assert.equal(json.files[0].path, `${root}/other/app.py`);
  });

  it('counts files by status and findings by severity the same way in text, JSON and SARIF', async () => {
    const root = make(MIXED);
    const json = JSON.parse((await check(root, ['.', '--format', 'json'])).out);
    const statuses = Object.fromEntries(json.files.map((f: { path: string; status: string }) => [f.path, f.status]));
    assert.deepEqual(statuses, {
      'app.py': 'checked',
      'broken.yaml': 'partial',
      'chart/templates/deploy.yaml': 'checked',
      'clean.py': 'checked',
      'k8s/deploy.yaml': 'checked',
      'latin1.py': 'partial',
      'legacy.py': 'partial',
      'model.py': 'skipped',
    });
    const totals = {
      files: 8,
      findings: 3,
      checked: 4,
      partial: 3,
      skipped: 1,
      error: 0,
      severity: { error: 2, warning: 1, info: 0 },
      category: { security: 2, health: 1 },
      omitted: 0,
    };
    assert.deepEqual(json.totals, totals);
    const sarif = JSON.parse((await check(root, ['.', '--format', 'sarif'])).out);
    assert.deepEqual(sarif.runs[0].properties.totals, totals);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
    const levels = sarif.runs[0].invocations[0].toolExecutionNotifications.map(
      (n: { level: string; properties: { status: string; code?: string } }) => `${n.properties.code ?? '-'}:${n.properties.status}:${n.level}`,
    );
    assert.deepEqual(levels.sort(), ['-:partial:warning', 'binary:skipped:note', 'invalid-utf8:partial:warning', 'python2:partial:warning']);
    const text = (await check(root, ['.'])).out;
    assert.match(
      text,
      /^3 findings \(2 errors, 1 warning, 0 info\) in 7 files checked\nby category: security 2, health 1\nnot fully checked: 3 partly \(syntax error or undecodable bytes\), 1 skipped\n$/m,
    );
  });

  it('writes nothing more while the reader has not taken what was written (a slow pipe), and prints the same', async () => {
    // Enough files for several 64 KB batches of JSON.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`pkg${i % 7}/app_${i}.py`] = FLASK_DEBUG.repeat(3);
    const root = make(files);
    const plain = await check(root, ['.', '--format', 'json', '--no-cache']);
    let out = '';
    let pending = false;
    let drains = 0;
    let writesWhilePending = 0;
    const io: CliIo = {
      cwd: root,
      env: { LANG: 'C' },
      stderrIsTTY: false,
      stdout: (text) => {
        if (pending) writesWhilePending++;
        out += text;
      },
      stderr: () => undefined,
      drain: () => {
        drains++;
        pending = true;
        return new Promise((resolve) =>
          setTimeout(() => {
            pending = false;
            resolve();
          }, 1),
        );
      },
    };
    const code = await runCli(['check', '.', '--format', 'json', '--no-cache'], io);
    assert.equal(code, plain.code);
    assert.equal(out, plain.out);
    assert.ok(drains >= 3, `${drains} drains for ${out.length} characters`);
    assert.equal(writesWhilePending, 0);
  });

  it('a Helm template is linted through its neutralised text, with no syntax notice for its {{ }}', async () => {
    const root = make({ 'chart/templates/deploy.yaml': 'metadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "x" . | nindent 4 }}\n' });
    const json = JSON.parse((await check(root, ['.', '--format', 'json'])).out);
    assert.equal(json.files[0].status, 'checked');
    assert.deepEqual(json.files[0].notices, []);
  });
});

describe('every command', () => {
  it('answers --help and -h (anywhere on the line) with its own usage, exit 0', async () => {
    for (const command of COMMANDS) {
      for (const args of [
        [command.name, '--help'],
        [command.name, '-h'],
        [command.name, 'x', '--bogus', '-h'],
        ['help', command.name],
      ]) {
        const { code, out, err } = await runIn(process.cwd(), args);
        assert.equal(code, 0, `${args.join(' ')}: ${err}`);
        assert.match(out, new RegExp(`^Usage: ai-teacher ${command.name}\\b`), args.join(' '));
        assert.match(out, /--lang ko\|en/);
      }
    }
  });

  it('words usage errors one way: "ai-teacher <command>: <reason>" on one line, exit 2', async () => {
    const root = makeTree({ 'app.py': 'x = 1\n' });
    const cases: [string[], string][] = [
      [['rules', '--bogus'], 'ai-teacher rules: unknown option --bogus'],
      [['rules', 'extra'], 'ai-teacher rules: unexpected argument "extra"'],
      [['weeks', '--lang', 'fr'], 'ai-teacher weeks: --lang must be one of ko, en (got "fr")'],
      [['teach'], 'ai-teacher teach: which file? ai-teacher teach <file>'],
      [['check', '--format'], 'ai-teacher check: --format needs a value'],
      [['check', '.', '--quiet=yes'], 'ai-teacher check: --quiet takes no value'],
      [['start', 'beginer', '1'], 'ai-teacher start: unknown track "beginer" (tracks: beginner, intermediate, advanced, capstone)'],
    ];
    for (const [argv, line] of cases) {
      const { code, err } = await runIn(root, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(err, `${line}\n`, argv.join(' '));
    }
    assert.equal(
      (await runIn(root, ['start', 'beginer', '1'], { env: { LANG: 'ko_KR.UTF-8' } })).err,
      'ai-teacher start: 알 수 없는 트랙입니다: "beginer" (트랙: beginner, intermediate, advanced, capstone)\n',
    );
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('start arguments', () => {
  const root = makeTree({ 'a-file': 'not a folder\n', 'notes.txt': 'x\n' });
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const start = (...args: string[]) => runIn(root, ['start', ...args]);

  it('explains each mistake in one line and writes nothing', async () => {
    const cases: [string[], string][] = [
      [[], 'which week? ai-teacher start <track> <week> [dir] (list: ai-teacher weeks)'],
      [['beginner'], 'which week of beginner? (for example: ai-teacher start beginner 1)'],
      [['beginner', 'one'], 'the week must be a number (got "one")'],
      [['beginner/1/x'], 'unexpected text after the week number: "beginner/1/x" (write beginner/1)'],
      [['beginner', '1x'], 'unexpected text after the week number: "1x" (write beginner/1)'],
      [['beginner', '9'], 'beginner has no week 9 (weeks: 1-6)'],
      [['beginner', '1', 'dir', 'more'], 'unexpected argument "more"'],
      [['beginner/1', 'dir', 'more'], 'unexpected argument "more"'],
      [['beginner', '1', 'a-file'], 'a-file is a file, not a folder: give a folder to create the week in'],
      [['beginner', '1', 'a-file/sub'], `${root}/a-file is a file, not a folder: give a folder to create the week in`],
      [['beginner', '1', '--force'], 'unknown option --force'],
    ];
    for (const [args, reason] of cases) {
      const { code, err, out } = await start(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(err, `ai-teacher start: ${reason}\n`, args.join(' '));
      assert.equal(out, '');
    }
    assert.deepEqual(fs.readdirSync(root).sort(), ['.ai-teacher.yml', 'a-file', 'notes.txt']);
  });

  it('takes <track> <week> and <track>/<week>, and a folder that does not exist yet', async () => {
    const made = await start('beginner/2', 'new/place');
    assert.equal(made.code, 0, made.err);
    assert.ok(fs.existsSync(path.join(root, 'new', 'place', 'ai-teacher', 'beginner')));
  });
});

describe('config for these tests', () => {
  it('runs only the reference rules', () => {
    assert.match(referenceConfig(), /print-instead-of-logging: off/);
  });
});
