import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/command';
import { CACHE_DIR_NAME, cacheFingerprint, LintCache, restoreResult, serialiseResult, type CacheIdentity } from '../../src/language/cache';
import { ALL_RULES } from '../../src/language/rules';
import type { LintResult } from '../../src/language/types';
import { ROOT } from '../helpers/engine';
import { RACY_MS } from '../../src/cli/run-record';

const RESULT: LintResult = {
  path: '/somewhere/app.py',
  findings: [
    { ruleId: 'r', messageId: 'm', message: 'msg', category: 'security', severity: 'error', range: { start: { line: 1, column: 0 }, end: { line: 1, column: 4 } }, data: { a: 1 } },
  ],
  notices: [],
  summary: { language: 'python', role: 'serving', lineCount: 3 },
};
const STORED = serialiseResult({ ...RESULT, facts: { kind: 'requirements', path: 'requirements.txt', packages: [] } as unknown as LintResult['facts'] });
const IDENTITY: CacheIdentity = { version: '1.0.0', rules: ALL_RULES, config: { rules: {} }, lang: 'en' };
const FLASK = 'from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n';

const roots: string[] = [];
function folder(files: Record<string, string> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-cache-')));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

async function check(cwd: string, ...argv: string[]): Promise<string> {
  let out = '';
  const io: CliIo = { cwd, env: { LANG: 'C' }, stderrIsTTY: false, stdout: (t) => void (out += t), stderr: () => undefined };
  await runCli(['check', '.', '--format', 'json', ...argv], io);
  return out;
}

const cacheFiles = (root: string) => {
  const dir = path.join(root, CACHE_DIR_NAME, 'v2');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl')) : [];
};

describe('content cache', () => {
  after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('gives back a stored result while the content hash matches, under the path it is shown by now', () => {
    const root = folder();
    const fingerprint = cacheFingerprint(IDENTITY);
    const file = path.join(root, 'app.py');
    const cache = LintCache.open(root, fingerprint);
    cache.set(file, 'h1', STORED);
    cache.save();
    const again = LintCache.open(root, fingerprint);
    const stored = again.get(file, 'h1');
    assert.ok(stored);
    assert.deepEqual(restoreResult('app.py', stored), { ...RESULT, path: 'app.py', facts: JSON.parse(STORED.facts) as unknown });
    assert.deepEqual(restoreResult('app.py', { body: stored.body }), { ...RESULT, path: 'app.py' });
    assert.equal(again.get(file, 'h2'), undefined, 'changed content is a miss');
    assert.equal(again.get(path.join(root, 'other.py'), 'h1'), undefined, 'the path is part of the key');
    assert.ok(fs.existsSync(path.join(root, CACHE_DIR_NAME, '.gitignore')), 'the folder keeps itself out of git');
  });

  it('keeps every untouched entry, byte for byte, when a run replaces a few (kept lines are copied in runs past a megabyte)', () => {
    const root = folder();
    const fingerprint = cacheFingerprint(IDENTITY);
    const big = serialiseResult({ ...RESULT, findings: Array.from({ length: 40 }, () => RESULT.findings[0]) });
    const files = Array.from({ length: 900 }, (_, i) => path.join(root, `pkg${i % 7}`, `m${i}.py`));
    const first = LintCache.open(root, fingerprint);
    files.forEach((file, i) => first.set(file, `h${i}`, i % 3 === 0 ? big : STORED));
    first.save();
    const second = LintCache.open(root, fingerprint);
    // Replaced: the first, one in the middle and the last; the others are copied from the old file.
    for (const i of [0, 450, 899]) second.set(files[i], `new${i}`, STORED);
    second.save();
    const third = LintCache.open(root, fingerprint);
    assert.equal(third.size, files.length);
    files.forEach((file, i) => {
      const replaced = i === 0 || i === 450 || i === 899;
      if (replaced) assert.equal(third.get(file, `h${i}`), undefined);
      const stored = third.get(file, replaced ? `new${i}` : `h${i}`);
      assert.ok(stored, `entry ${i}`);
      assert.deepEqual(Buffer.from(stored.body), Buffer.from((replaced || i % 3 !== 0 ? STORED : big).body));
      assert.equal(stored.facts, (replaced || i % 3 !== 0 ? STORED : big).facts);
    });
  });

  it('answers by stat signature only for a result stored with that signature, and by content hash either way', () => {
    const root = folder();
    const fingerprint = cacheFingerprint(IDENTITY);
    const [a, b] = [path.join(root, 'a.py'), path.join(root, 'b.py')];
    const cache = LintCache.open(root, fingerprint);
    cache.set(a, 'h1', STORED, '12:1000:1000:7:33188:1');
    cache.set(b, 'h2', STORED);
    assert.ok(cache.get(a, { signature: '12:1000:1000:7:33188:1' }), 'read back from the file being written');
    cache.save();
    const again = LintCache.open(root, fingerprint);
    assert.ok(again.get(a, { signature: '12:1000:1000:7:33188:1' }));
    assert.ok(again.get(a, 'h1'));
    assert.equal(again.get(a, { signature: '12:1000:2000:7:33188:1' }), undefined, 'another change time is a miss');
    assert.equal(again.get(b, { signature: '' }), undefined, 'stored without a signature: only the content answers');
    assert.ok(again.get(b, 'h2'));
  });

  it('changes its fingerprint with the version, the build, the rules, the config and the language', () => {
    const base = cacheFingerprint(IDENTITY);
    const changedRule = ALL_RULES.map((rule, i) => (i === 0 ? { ...rule, severity: rule.severity === 'error' ? ('warning' as const) : ('error' as const) } : rule));
    const changedCheck = ALL_RULES.map((rule, i) => (i === 0 ? { ...rule, check: () => undefined } : rule));
    const variants: CacheIdentity[] = [
      { ...IDENTITY, version: '1.0.1' },
      { ...IDENTITY, build: 'rebuilt' },
      { ...IDENTITY, rules: ALL_RULES.slice(1) },
      { ...IDENTITY, rules: changedRule },
      { ...IDENTITY, rules: changedCheck },
      { ...IDENTITY, config: { rules: { 'debug-mode-enabled': 'off' } } },
      { ...IDENTITY, lang: 'ko' },
    ];
    const prints = variants.map(cacheFingerprint);
    assert.equal(new Set([base, ...prints]).size, variants.length + 1);
    assert.equal(cacheFingerprint({ ...IDENTITY }), base, 'the same identity gives the same fingerprint');
  });

  it('treats a corrupted or foreign cache file as empty and replaces it', () => {
    const root = folder();
    const fingerprint = cacheFingerprint(IDENTITY);
    const file = path.join(root, 'app.py');
    LintCache.open(root, fingerprint).set(file, 'h', STORED);
    const first = LintCache.open(root, fingerprint);
    first.set(file, 'h', STORED);
    first.save();
    const [name] = cacheFiles(root);
    const stored = path.join(root, CACHE_DIR_NAME, 'v2', name);
    const good = fs.readFileSync(stored, 'utf8');
    const [header, line] = good.split('\n');
    for (const garbage of [
      '{"format":2,"fingerprint":',
      '\u0000\u0001binary',
      'null',
      '[]',
      `${header}\n`,
      `${header}\n${line.slice(0, -3)}\n`,
      `${header}\n${line.replace('"r"', '"x"')}\n`,
      `${header.replace('"format":2', '"format":1')}\n${line}\n`,
      JSON.stringify({ format: 1, fingerprint, entries: { 'app.py': { h: 'h', r: 'nope' } } }),
    ]) {
      fs.writeFileSync(stored, garbage);
      const cache = LintCache.open(root, fingerprint);
      assert.equal(cache.get(file, 'h'), undefined, garbage);
      cache.set(file, 'h', STORED);
      cache.save();
      assert.ok(LintCache.open(root, fingerprint).get(file, 'h'), 'rewritten after the corruption');
    }
  });

  it('never stores a result with an internal error', () => {
    const root = folder();
    const cache = LintCache.open(root, 'f');
    cache.set(path.join(root, 'a.py'), 'h', serialiseResult({ ...RESULT, notices: [{ kind: 'internal-error', message: 'rule x failed' }] }));
    cache.save();
    assert.deepEqual(cacheFiles(root), []);
  });

  describe('ai-teacher check', () => {
    it('prints the same bytes cold, warm and with --no-cache, and re-checks only what changed', async () => {
      const root = folder({ 'app.py': FLASK, 'lib/util.py': 'import pickle\npickle.loads(data)\n', 'k8s/d.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\n' });
      const uncached = await check(root, '--no-cache');
      assert.deepEqual(cacheFiles(root), [], '--no-cache writes nothing');
      const cold = await check(root);
      assert.equal(cacheFiles(root).length, 1);
      const warm = await check(root);
      assert.equal(cold, uncached);
      assert.equal(warm, cold);
      fs.writeFileSync(path.join(root, 'app.py'), FLASK.replace('debug=True', 'debug=False'));
      const edited = JSON.parse(await check(root)) as { files: { path: string; findings: { ruleId: string }[] }[] };
      const app = edited.files.find((file) => file.path === 'app.py');
      assert.ok(app && !app.findings.some((f) => f.ruleId === 'debug-mode-enabled'), 'an edited file is linted again, not served stale');
      assert.equal(JSON.stringify(edited), JSON.stringify(JSON.parse(await check(root, '--no-cache'))));
    });

    it("reuses the project pass's result only while no file's facts change", async () => {
      // The probe's path is served by the router the app mounts: no cross-file finding until the route moves.
      const root = folder({
        'app/main.py': 'from fastapi import FastAPI\nfrom app.routers import api\napp = FastAPI()\napp.include_router(api.router, prefix="/v1")\n',
        'app/routers/api.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/health")\ndef health():\n    return {}\n',
        'app/__init__.py': '',
        Dockerfile: 'FROM python:3.12-slim\nUSER 1000\nCMD ["uvicorn", "app.main:app", "--port", "8000"]\n',
        'k8s.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: svc\nspec:\n  containers:\n    - name: svc\n      image: acme/svc:1\n      readinessProbe:\n        httpGet:\n          path: /v1/health\n          port: 8000\n',
      });
      const projectFiles = () => fs.readdirSync(path.join(root, CACHE_DIR_NAME, 'v2')).filter((name) => name.startsWith('project-'));
      const cold = await check(root);
      assert.equal(projectFiles().length, 1);
      assert.equal(await check(root), cold, 'warm: the stored project result');
      assert.equal(cold, await check(root, '--no-cache'));
      const ids = (out: string) => (JSON.parse(out) as { files: { findings: { ruleId: string }[] }[] }).files.flatMap((f) => f.findings.map((x) => x.ruleId));
      assert.ok(!ids(cold).includes('probe-path-not-served'));
      // A body-only change keeps every fact: the project result is reused, and still right.
      fs.appendFileSync(path.join(root, 'app/routers/api.py'), '# a comment\n');
      assert.equal(await check(root), await check(root, '--no-cache'));
      // The route moves: the facts change, so the project pass runs again.
      fs.writeFileSync(path.join(root, 'app/routers/api.py'), fs.readFileSync(path.join(root, 'app/routers/api.py'), 'utf8').replace('/health', '/ready'));
      const moved = await check(root);
      assert.ok(ids(moved).includes('probe-path-not-served'), 'the probe now asks for a path nothing serves');
      assert.equal(moved, await check(root, '--no-cache'));
      assert.equal(projectFiles().length, 1, 'one result per set of targets, replaced');
    });

    it('is never stale when the config or the language changes', async () => {
      const root = folder({ 'app.py': FLASK });
      await check(root);
      fs.writeFileSync(path.join(root, '.ai-teacher.yml'), 'rules:\n  debug-mode-enabled: off\n');
      const off = JSON.parse(await check(root)) as { files: { findings: { ruleId: string }[] }[] };
      assert.ok(!off.files[0].findings.some((f) => f.ruleId === 'debug-mode-enabled'));
      const korean = await check(root, '--lang', 'ko');
      assert.equal(korean, await check(root, '--lang', 'ko', '--no-cache'));
      assert.equal(cacheFiles(root).length, 3, 'one file per fingerprint');
    });

    it('replays the last report while nothing changed, and never after an edit, even one that keeps the size and the time', async function () {
      this.timeout(60_000);
      const root = folder({ 'app.py': FLASK, 'lib/util.py': 'import pickle\npickle.loads(data)\n', 'k8s/d.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\n' });
      const records = () => (fs.existsSync(path.join(root, CACHE_DIR_NAME, 'run-v1')) ? fs.readdirSync(path.join(root, CACHE_DIR_NAME, 'run-v1')) : []);
      const young = await check(root);
      assert.deepEqual(records(), [], 'files written a moment ago are too young for their stat to stand for their content');
      // Past RACY_MS: the next run records its report.
      await new Promise((resolve) => setTimeout(resolve, RACY_MS + 200));
      assert.equal(await check(root), young);
      assert.equal(records().length, 1);
      // Without the content cache the same bytes can only come from the record.
      fs.rmSync(path.join(root, CACHE_DIR_NAME, 'v2'), { recursive: true });
      assert.equal(await check(root), young, 'replayed');
      assert.deepEqual(cacheFiles(root), [], 'a replay lints nothing');
      assert.equal(await check(root, '--format', 'text'), await check(root, '--format', 'text', '--no-cache'), 'other arguments, another record');
      // The same size and the same modification time, other content: only the change time tells.
      const app = path.join(root, 'app.py');
      const before = fs.statSync(app);
      fs.writeFileSync(app, FLASK.replace('debug=True', 'debug=Fals'));
      fs.utimesSync(app, before.atime, before.mtime);
      assert.equal(fs.statSync(app).size, before.size);
      await new Promise((resolve) => setTimeout(resolve, RACY_MS + 200));
      // And not the per-file cache, which knows the other files by their signatures by now.
      fs.rmSync(path.join(root, CACHE_DIR_NAME, 'run-v1'), { recursive: true });
      const edited = await check(root);
      assert.notEqual(edited, young);
      assert.equal(edited, await check(root, '--no-cache'));
      assert.equal(await check(root), edited, 'and the new report is replayed');
      // A config change replays nothing either.
      fs.writeFileSync(path.join(root, '.ai-teacher.yml'), 'rules:\n  unsafe-deserialization: off\n');
      const off = await check(root);
      assert.ok(!off.includes('unsafe-deserialization'));
      assert.equal(off, await check(root, '--no-cache'));
    });

    it('does not lint its own cache folder', async () => {
      const root = folder({ 'app.py': FLASK, [`${CACHE_DIR_NAME}/stray.py`]: FLASK });
      const out = JSON.parse(await check(root)) as { files: { path: string }[] };
      assert.deepEqual(
        out.files.map((file) => file.path),
        ['app.py'],
      );
    });

    it('survives concurrent runs: every run prints the same report and the cache stays readable', async function () {
      this.timeout(60_000);
      const cli = path.join(ROOT, 'dist', 'cli.js');
      if (!fs.existsSync(cli)) this.skip();
      const files: Record<string, string> = {};
      for (let i = 0; i < 12; i++) files[`pkg/m${i}.py`] = `${FLASK}# ${i}\n`;
      const root = folder(files);
      const run = (...extra: string[]) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [cli, 'check', '.', '--format', 'json', ...extra], { cwd: root, env: { ...process.env, LANG: 'C' } });
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('error', reject);
          child.on('close', () => resolve(out));
        });
      // The built CLI against itself: dist/ may be older than the sources this suite runs on.
      const expected = await run('--no-cache');
      const outputs = await Promise.all([run(), run(), run(), run()]);
      for (const out of outputs) assert.equal(out, expected);
      assert.equal(cacheFiles(root).length, 1);
      assert.equal(await run(), expected, 'a warm run after the race reads a whole cache file');
      assert.deepEqual(
        fs.readdirSync(path.join(root, CACHE_DIR_NAME, 'v2')).filter((name) => name.endsWith('.tmp')),
        [],
        'no temporary file left behind',
      );
    });
  });
});
