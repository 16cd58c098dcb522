import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { NOBODY, runIn, spawnCli, treesRemovedAfter } from '../helpers/cli';
import { referenceConfig } from '../helpers/reference-engine';

/**
 * Bad input on the command line, as a user meets it: every case runs the real CLI in a child
 * process with a timeout, so a hang fails the test instead of stalling the suite. The contract:
 * no hang, no balloon, no stack trace, never a silent pass on something that was not read.
 */
const FLASK_DEBUG = 'from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n';

function json(stdout: string): { files: { path: string; status: string; notices: { kind: string; code?: string; message: string }[] }[]; totals: Record<string, unknown> } {
  return JSON.parse(stdout);
}

function noStack(run: { stderr: string; stdout: string }): void {
  assert.doesNotMatch(run.stderr + run.stdout, /\n\s+at |internal error/);
}

describe('bad input on the command line', function () {
  this.timeout(120_000);
  const make = treesRemovedAfter();

  describe('a FIFO', () => {
    it('named explicitly: check and teach answer at once with a notice and exit 2 (10 s timeout)', () => {
      const root = make({});
      const fifo = path.join(root, 'x.py');
      execFileSync('mkfifo', [fifo]);
      const check = spawnCli(['check', fifo], { timeout: 10_000 });
      assert.equal(check.error, undefined, 'check hung on a FIFO');
      assert.equal(check.status, 2);
      assert.match(check.stdout, /skipped {2}\(fifo\) {2}not a regular file but a FIFO \(named pipe\), so it was not read/);
      assert.match(check.stderr, /^ai-teacher check: could not check: .*x\.py \(not a regular file but a FIFO/);
      const teach = spawnCli(['teach', fifo], { timeout: 10_000 });
      assert.equal(teach.error, undefined, 'teach hung on a FIFO');
      assert.equal(teach.status, 2);
      assert.match(teach.stderr, /^ai-teacher teach: cannot read .*x\.py: not a regular file but a FIFO/);
      noStack(check);
      noStack(teach);
    });

    it('inside a folder: skipped with a notice, the other files still checked (10 s timeout)', () => {
      const root = make({ 'app.py': FLASK_DEBUG });
      execFileSync('mkfifo', [path.join(root, 'pipe.yaml')]);
      const run = spawnCli(['check', root, '--format', 'json'], { timeout: 10_000 });
      assert.equal(run.error, undefined, 'check hung on a FIFO in a folder');
      assert.equal(run.status, 1);
      const files = json(run.stdout).files;
      assert.deepEqual(
        files.map((f) => [path.basename(f.path), f.status]),
        [
          ['app.py', 'checked'],
          ['pipe.yaml', 'skipped'],
        ],
      );
      assert.equal(files[1].notices[0].code, 'fifo');
    });

    it('as .gitignore or as the config: never opened (10 s timeout)', () => {
      const root = make({ 'app.py': FLASK_DEBUG });
      execFileSync('mkfifo', [path.join(root, '.gitignore')]);
      execFileSync('mkfifo', [path.join(root, 'fifo.yml')]);
      const walked = spawnCli(['check', root], { timeout: 10_000 });
      assert.equal(walked.error, undefined);
      assert.equal(walked.status, 1);
      const config = spawnCli(['check', root, '--config', path.join(root, 'fifo.yml')], { timeout: 10_000 });
      assert.equal(config.error, undefined);
      assert.equal(config.status, 2);
      assert.match(config.stderr, /cannot read the config: not a regular file but a FIFO/);
    });
  });

  it('/dev/zero named explicitly: a notice and exit 2 at once, never read', () => {
    const run = spawnCli(['check', '/dev/zero', '--format', 'json'], { timeout: 10_000, env: { AI_TEACHER_REPORT_MAXRSS: '1' } });
    assert.equal(run.error, undefined, 'check read /dev/zero');
    assert.equal(run.status, 2);
    assert.deepEqual(
      json(run.stdout).files.map((f) => [f.path, f.status, f.notices[0].code]),
      [['/dev/zero', 'skipped', 'character-device']],
    );
  });

  it('a socket named explicitly: a notice and exit 2', async () => {
    const root = make({});
    const socket = path.join(root, 's.py');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const run = spawnCli(['check', socket], { timeout: 10_000 });
      assert.equal(run.status, 2);
      assert.match(run.stdout, /\(socket\) {2}not a regular file but a socket/);
    } finally {
      server.close();
    }
  });

  describe('a sparse 1.5 GB .py file', () => {
    let root: string;
    before(() => {
      root = make({ 'raise.yml': 'maxFileSize: 2147483648\n' });
      fs.writeFileSync(path.join(root, 'huge.py'), '');
      fs.truncateSync(path.join(root, 'huge.py'), 1.5 * 1024 ** 3);
    });
    /** Peak resident memory of the child, which prints its own VmHWM (AI_TEACHER_REPORT_MAXRSS). */
    const peakMb = (stderr: string) => Number(/maxRSS (\d+) KB/.exec(stderr)?.[1]) / 1024;

    it('is skipped by its size from a stat, with peak RSS under 200 MB', () => {
      const run = spawnCli(['check', path.join(root, 'huge.py'), '--format', 'json'], { env: { AI_TEACHER_REPORT_MAXRSS: '1' }, timeout: 60_000 });
      assert.equal(run.status, 0, run.stderr);
      const [file] = json(run.stdout).files;
      assert.equal(file.status, 'skipped');
      assert.equal(file.notices[0].message, 'file is 1536.0 MB, over the 2.0 MB limit (maxFileSize in the config)');
      assert.ok(peakMb(run.stderr) < 200, `peak RSS ${peakMb(run.stderr)} MB`);
    });

    it('with maxFileSize raised past it, is told binary from its first 8 KB, with peak RSS under 200 MB', () => {
      const run = spawnCli(['check', path.join(root, 'huge.py'), '--config', path.join(root, 'raise.yml'), '--format', 'json'], {
        env: { AI_TEACHER_REPORT_MAXRSS: '1' },
        timeout: 60_000,
      });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(json(run.stdout).files[0].notices[0].code, 'binary');
      assert.ok(peakMb(run.stderr) < 200, `peak RSS ${peakMb(run.stderr)} MB`);
    });
  });

  describe('symbolic links', () => {
    it('a loop inside a folder is reported as a loop (an error: exit 2 under --strict and CI)', () => {
      const root = make({ 'app.py': 'x = 1\n' });
      fs.symlinkSync('loop.py', path.join(root, 'loop.py'));
      fs.symlinkSync('b.yaml', path.join(root, 'a.yaml'));
      fs.symlinkSync('a.yaml', path.join(root, 'b.yaml'));
      const run = spawnCli(['check', root, '--format', 'json']);
      assert.equal(run.status, 0);
      const looped = json(run.stdout).files.filter((f) => f.status === 'error');
      assert.deepEqual(
        looped.map((f) => [path.basename(f.path), f.notices[0].code]),
        [
          ['a.yaml', 'symlink-loop'],
          ['b.yaml', 'symlink-loop'],
          ['loop.py', 'symlink-loop'],
        ],
      );
      assert.equal(looped[0].notices[0].message, 'symbolic link loop: the link leads back to itself');
      assert.equal(spawnCli(['check', root, '--strict']).status, 2);
      const ci = spawnCli(['check', root], { env: { CI: 'true' } });
      assert.equal(ci.status, 2);
      assert.match(ci.stderr, /^ai-teacher check: could not check \(--strict or CI\): .*a\.yaml \(symbolic link loop/);
    });

    it('a loop named explicitly says so (not "path not found") and exits 2', () => {
      const root = make({});
      fs.symlinkSync('loop.py', path.join(root, 'loop.py'));
      const run = spawnCli(['check', path.join(root, 'loop.py')]);
      assert.equal(run.status, 2);
      assert.match(run.stdout, /\(symlink-loop\) {2}symbolic link loop/);
      assert.doesNotMatch(run.stderr, /path not found/);
    });

    it('a dangling link inside a folder is skipped, not an error, even under --strict', () => {
      const root = make({ 'app.py': 'x = 1\n' });
      fs.symlinkSync('gone.py', path.join(root, 'dangling.py'));
      const run = spawnCli(['check', root, '--strict', '--format', 'json']);
      assert.equal(run.status, 0);
      assert.deepEqual(
        json(run.stdout).files.map((f) => [path.basename(f.path), f.status, f.notices[0]?.code]),
        [
          ['app.py', 'checked', undefined],
          ['dangling.py', 'skipped', 'broken-link'],
        ],
      );
    });
  });

  describe('unreadable files and folders (as a user who cannot read them)', () => {
    let root: string;
    let uid: number | undefined;
    before(function () {
      // Root reads everything; the test runs the CLI as `nobody` then, through setpriv.
      if (process.getuid?.() === 0) {
        const probe = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '-e', 'process.exit(0)']);
        if (probe.status !== 0) this.skip();
        uid = NOBODY;
      }
      root = make({ 'app.py': FLASK_DEBUG, 'secret.py': FLASK_DEBUG, 'locked/inner.py': FLASK_DEBUG });
      fs.chmodSync(root, 0o755);
      for (const file of ['app.py', '.ai-teacher.yml']) fs.chmodSync(path.join(root, file), 0o644);
      fs.chmodSync(path.join(root, 'secret.py'), 0o000);
      fs.chmodSync(path.join(root, 'locked'), 0o000);
    });
    after(() => {
      if (root) fs.chmodSync(path.join(root, 'locked'), 0o755);
    });

    it('are error notices that do not change the exit code by default, and are counted', () => {
      const run = spawnCli(['check', root, '--format', 'json'], { uid, timeout: 60_000 });
      noStack(run);
      assert.equal(run.status, 1, run.stderr);
      const { files, totals } = json(run.stdout);
      assert.deepEqual(
        files.map((f) => [path.basename(f.path), f.status, f.notices[0]?.code]),
        [
          ['app.py', 'checked', undefined],
          ['locked', 'error', 'permission-denied'],
          ['secret.py', 'error', 'permission-denied'],
        ],
      );
      assert.equal(totals.error, 2);
      const text = spawnCli(['check', root], { uid, timeout: 60_000 });
      assert.match(text.stdout, /secret\.py\n {4}error {2}\(permission-denied\) {2}cannot read: permission denied/);
      assert.match(text.stdout, /not fully checked: 2 could not be checked/);
    });

    it('exit 2 with --strict and in CI mode (CI=true), naming what could not be read', () => {
      const strict = spawnCli(['check', root, '--strict'], { uid, timeout: 60_000 });
      assert.equal(strict.status, 2);
      assert.match(strict.stderr, /could not check \(--strict or CI\): .*locked \(cannot read: permission denied\); .*secret\.py \(cannot read: permission denied\)/);
      assert.equal(spawnCli(['check', root], { uid, env: { CI: 'true' }, timeout: 60_000 }).status, 2);
      assert.equal(spawnCli(['check', root], { uid, env: { CI: 'false' }, timeout: 60_000 }).status, 1);
    });

    it('named explicitly: exit 2, and teach says it cannot read the file', () => {
      assert.equal(spawnCli(['check', path.join(root, 'secret.py')], { uid, timeout: 60_000 }).status, 2);
      const teach = spawnCli(['teach', path.join(root, 'secret.py')], { uid, timeout: 60_000 });
      assert.equal(teach.status, 2);
      assert.match(teach.stderr, /^ai-teacher teach: cannot read .*secret\.py: cannot read: permission denied\n$/);
    });
  });

  describe('teach never praises a file it did not check', () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['model.py', new Uint8Array([0x80, 0x04, 0x95, 0x00]), /binary file \(contains NUL bytes\)/],
      ['big.py', `${'x = 1\n'.repeat(400_000)}`, /file is 2\.3 MB, over the 2\.0 MB limit/],
      ['notes.txt', 'root:x:0:0:root:/root:/bin/bash\n', /not a Python or YAML file/],
    ];
    for (const [name, content, reason] of cases) {
      it(name, async () => {
        const root = make({ [name]: content });
        const { code, out } = await runIn(root, ['teach', name]);
        assert.equal(code, 0);
        assert.match(out, new RegExp(`^I could not review \`${name.replace(/[./]/g, '\\$&')}\`: `));
        assert.match(out, reason);
        assert.doesNotMatch(out, /Well done|🎉/);
        const ko = await runIn(root, ['teach', name, '--lang', 'ko']);
        assert.match(ko.out, /검토하지 못했어요/);
        assert.doesNotMatch(ko.out, /잘하셨어요|🎉/);
      });
    }
  });

  it('a Python 2 file and a 100,000-line YAML stream through the CLI: partial and exact', async () => {
    const items = Array.from(
      { length: 7700 },
      (_, i) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api-${i}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: r/m:1.0.0\n${i % 1000 === 999 ? '          # no probe\n' : '          readinessProbe: {exec: {command: [true]}}\n'}`,
    );
    const stream = items.join('---\n');
    assert.ok(stream.split('\n').length > 100_000);
    const root = make({ '.ai-teacher.yml': referenceConfig({}, 'maxFileSize: 20000000\n'), 'bundle.yaml': stream, 'legacy.py': `${FLASK_DEBUG}print "x"\n` });
    const { files } = json((await runIn(root, ['check', '.', '--format', 'json'])).out);
    assert.deepEqual(
      files.map((f) => [f.path, f.status]),
      [
        ['bundle.yaml', 'checked'],
        ['legacy.py', 'partial'],
      ],
    );
    const lines = (files[0] as unknown as { findings: { line: number }[] }).findings.map((f) => f.line);
    // Item i starts after i items of 12 lines and their separators; its container name is 10 lines in.
    assert.deepEqual(
      lines,
      [999, 1999, 2999, 3999, 4999, 5999, 6999].map((i) => i * 13 + 10),
    );
  });
});
