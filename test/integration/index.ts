// The mocha runner the extension host loads (`extensionTestsPath` points at its bundle,
// dist/test/integration.js). esbuild bundles every test/integration/*.test.ts into the same file
// behind the virtual module `integration-tests` (see esbuild.config.mjs); each test file is
// evaluated only here, after mocha has installed its TDD globals (`suite`, `test`, ...).
// Results go to the console (the extension host log) and, as JSON, to the file named by
// AI_TEACHER_TEST_RESULTS, which scripts/vscode/integration.mjs reads back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestFile {
  name: string;
  load(): void;
}

interface TestRecord {
  suite: string;
  title: string;
  /** `retried`: a first attempt that failed; the test ran once more (its own record follows). */
  state: 'passed' | 'failed' | 'pending' | 'retried';
  durationMs: number;
  error?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a virtual module made by esbuild
const { files } = require('integration-tests') as { files: TestFile[] };

export function run(): Promise<void> {
  const grep = process.env.AI_TEACHER_TEST_GREP;
  // A real extension host on a loaded 2-core CI machine: a failed test runs once more, and the
  // first failure is recorded (and printed by scripts/vscode/integration.mjs), never hidden.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, retries: 1, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const file of files) {
    mocha.suite.emit('pre-require', globalThis, file.name, mocha);
    file.load();
    mocha.suite.emit('require', undefined, file.name, mocha);
    mocha.suite.emit('post-require', globalThis, file.name, mocha);
  }
  const records: TestRecord[] = [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeResults({ failures, passes: records.filter((r) => r.state === 'passed').length, durationMs: Date.now() - started, files: files.map((f) => f.name), tests: records });
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    const suiteOf = (test: Mocha.Runnable) => test.parent?.fullTitle() ?? '';
    runner.on('pass', (test) => records.push({ suite: suiteOf(test), title: test.title, state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('pending', (test) => records.push({ suite: suiteOf(test), title: test.title, state: 'pending', durationMs: 0 }));
    runner.on('retry', (test: Mocha.Runnable, error: Error) =>
      records.push({ suite: suiteOf(test), title: test.title, state: 'retried', durationMs: test.duration ?? 0, error: error?.stack ?? String(error) }),
    );
    runner.on('fail', (test, error: Error) =>
      records.push({ suite: suiteOf(test), title: test.title, state: 'failed', durationMs: test.duration ?? 0, error: error?.stack ?? String(error) }),
    );
  });
}

function writeResults(results: object): void {
  const target = process.env.AI_TEACHER_TEST_RESULTS;
  if (!target) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(results, null, 2));
}
