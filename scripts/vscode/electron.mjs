// The same integration suite as scripts/vscode/integration.mjs, run in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (this project's CI cannot, so
// `npm test` uses code-server instead). Usage: npm run test:electron [-- --version 1.99.0]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build, copyWorkspace, makeProfile } from './lib.mjs';
import { ROOT } from './setup.mjs';

const argv = process.argv.slice(2);
const versionAt = argv.indexOf('--version');
const version = versionAt >= 0 ? argv[versionAt + 1] : 'stable';

build();
const workspace = copyWorkspace(path.join(ROOT, 'test', 'fixtures', 'integration-workspace'), 'integration-workspace');
const profile = makeProfile('electron');
const resultsFile = path.join(profile.base, 'results.json');
let code = 1;
try {
  await runTests({
    version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist', 'test', 'integration.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir],
    extensionTestsEnv: { AI_TEACHER_TEST_RESULTS: resultsFile, AI_TEACHER_INTEGRATION: '1' },
  });
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  console.log(`integration (electron): ${results.passes} passed, ${results.failures} failed`);
  code = results.failures === 0 ? 0 : 1;
} catch (error) {
  console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  fs.rmSync(profile.base, { recursive: true, force: true });
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
}
process.exit(code);
