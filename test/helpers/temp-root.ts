import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Every temporary folder the unit tests make through `os.tmpdir()`, in this process or in a child
 * it spawns, goes under one folder for the run, removed when the run ends: a test that forgets to
 * clean up, or a describe block whose `after` never runs because `--grep` skipped its tests,
 * leaves nothing behind on the machine. Set on load, before the spec files make their trees.
 */
const previous = process.env.TMPDIR;
const runRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-tests-')));
// Open to every user like /tmp itself (sticky): some tests run the CLI as an unprivileged user.
fs.chmodSync(runRoot, 0o1777);
process.env.TMPDIR = runRoot;

// On exit rather than in a root `afterAll`, which mocha skips when `--grep` matches no test.
process.on('exit', () => {
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
  fs.rmSync(runRoot, { recursive: true, force: true });
});
