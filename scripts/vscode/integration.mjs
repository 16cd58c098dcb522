// Runs test/integration/*.test.ts inside a real VS Code extension host (code-server).
//
// How: the browser workbench accepts a development payload in its URL
// (`?payload=[["extensionDevelopmentPath", uri], ["extensionTestsPath", uri]]`, the mechanism
// @vscode/test-web uses). `--vscode-option extensionTestsPath=...` alone does not work in
// code-server 4.139: the server parses it, but the workbench in the browser decides what the
// remote extension host runs, and the server never forwards those paths to it. A built workbench
// honours the payload only when the smoke-test driver is enabled, hence
// `--vscode-option enable-smoke-test-driver` (it only exposes an automation hook on window).
// The extension host starts only when a window connects, so chromium (through playwright-core)
// opens the workbench. The runner (test/integration/index.ts) writes JSON results to
// AI_TEACHER_TEST_RESULTS; the workbench also calls window.codeAutomationExit(code) when the
// test run ends. Exit code = number of failed tests (1 if the run did not finish).
//
// Options: --grep <pattern> (mocha grep), --keep (keep temp dirs), --no-build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, ROOT } from './setup.mjs';
import { build, copyWorkspace, launchBrowser, makeProfile, onExit, QUIET_LAYOUT, remoteUri, seconds, sleep, startCodeServer, workbenchUrl } from './lib.mjs';

const RUN_TIMEOUT_MS = Number(process.env.AI_TEACHER_INTEGRATION_TIMEOUT_MS ?? 5 * 60_000);
const argv = process.argv.slice(2);
const grep = argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined;

/**
 * Options (for bench-editor.mjs): `env` extra variables for the extension host, `grep`,
 * `prepare(workspace)` to add files to the workspace copy, `quiet` to skip the report.
 */
export async function runIntegration(options = {}) {
  const started = Date.now();
  const paths = setup();
  if (!argv.includes('--no-build')) build();
  const workspace = copyWorkspace(path.join(ROOT, 'test', 'fixtures', 'integration-workspace'), 'integration-workspace');
  options.prepare?.(workspace);
  const profile = makeProfile('integration', QUIET_LAYOUT);
  const resultsFile = path.join(profile.base, 'results.json');
  const serverLog = path.join(profile.base, 'code-server.log');
  const pattern = options.grep ?? grep;
  const testEnv = { AI_TEACHER_TEST_RESULTS: resultsFile, AI_TEACHER_INTEGRATION: '1', ...(pattern ? { AI_TEACHER_TEST_GREP: pattern } : {}), ...options.env };

  let server;
  let browser;
  const cleanup = onExit(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!argv.includes('--keep')) {
      fs.rmSync(profile.base, { recursive: true, force: true });
      fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
    }
  });

  try {
    server = await startCodeServer(paths, profile, {
      folder: workspace,
      env: testEnv,
      logFile: serverLog,
      args: ['--vscode-option', 'enable-smoke-test-driver'],
    });
    console.log(`[integration] code-server on ${server.url} (${seconds(started)}s since start)`);
    browser = await launchBrowser(paths);
    const page = await browser.newPage();
    let exitCode;
    await page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
    });
    // The extension host's console (and a runner that crashes while loading) shows up here.
    const consoleLines = [];
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' || text.includes('[Extension Host]')) consoleLines.push(`${message.type()}: ${text.slice(0, 2000)}`);
    });
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, ROOT)],
      ['extensionTestsPath', remoteUri(server, path.join(ROOT, 'dist', 'test', 'integration.js'))],
      ['extensionEnvironment', JSON.stringify(testEnv)],
    ];
    const opened = Date.now();
    await page.goto(workbenchUrl(server, workspace, payload));
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (exitCode === undefined && !fs.existsSync(resultsFile) && Date.now() < deadline) await sleep(250);
    // The results file is written just before the exit callback; give the writer a moment.
    for (let i = 0; i < 20 && !fs.existsSync(resultsFile); i++) await sleep(250);
    const log = extensionHostLog(profile.userDataDir);
    if (!fs.existsSync(resultsFile)) {
      console.error(
        exitCode === undefined
          ? `[integration] the test run did not report results within ${RUN_TIMEOUT_MS / 1000}s`
          : `[integration] the test run ended (exit code ${exitCode}) without results: the runner failed before mocha ran`,
      );
      const relevant = consoleLines.filter((line) => !/open-vsx|ERR_NAME_NOT_RESOLVED|status of 404|authentication provider/.test(line));
      console.error(`--- workbench console (errors, extension host output) ---\n${relevant.slice(-30).join('\n') || '(none)'}`);
      console.error(`--- extension host log ---\n${log || '(empty)'}\n--- code-server log (tail) ---\n${tail(serverLog, 40)}`);
      return 1;
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (options.quiet && results.failures === 0) return 0;
    if (results.failures > 0) console.error(`--- extension host log ---\n${log}`);
    // The report comes last: CI keeps only the tail of the output.
    printReport(results);
    const retried = results.tests.filter((t) => t.state === 'retried').length;
    console.log(`integration: ${results.passes} passed, ${results.failures} failed${retried ? `, ${retried} retried` : ''}`);
    console.log(`[integration] tests ran ${(results.durationMs / 1000).toFixed(1)}s, window to results ${seconds(opened)}s, total ${seconds(started)}s`);
    return results.failures;
  } finally {
    await cleanup();
  }
}

function printReport(results) {
  console.log(`\n  Integration tests in the real extension host (${results.files.join(', ')})\n`);
  let suite;
  for (const test of results.tests) {
    if (test.suite !== suite) {
      suite = test.suite;
      console.log(`  ${suite}`);
    }
    if (test.state === 'retried') {
      console.log(`    ↻ ${test.title}: failed once, retrying after: ${(test.error ?? '').split('\n').slice(0, 3).join(' ')}`);
      continue;
    }
    const mark = test.state === 'passed' ? '✔' : test.state === 'pending' ? '-' : '✘';
    console.log(`    ${mark} ${test.title}${test.durationMs > 75 ? ` (${test.durationMs}ms)` : ''}`);
  }
  const failed = results.tests.filter((t) => t.state === 'failed');
  failed.forEach((test, i) => console.log(`\n  ${i + 1}) ${test.suite} ${test.title}:\n     ${(test.error ?? '').split('\n').join('\n     ')}`));
  console.log('');
}

/** The remote extension host log(s) of a profile: activation, errors, console output. */
export function extensionHostLog(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return '';
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'remoteexthost.log') found.push(full);
    }
  };
  walk(logs);
  return found.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}

function tail(file, lines) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runIntegration().then(
    (failures) => process.exit(Math.min(failures, 100)),
    (error) => {
      console.error(`[integration] ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    },
  );
}
