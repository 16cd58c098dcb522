// `npm start`: build, package with @vscode/vsce, and open the extension in a real VS Code.
// - `code` on PATH: a VS Code window with the extension under development and the demo workspace.
// - otherwise: code-server (installed by scripts/vscode/setup.mjs) with the VSIX installed into
//   its own profile under .vscode-test/start/, the demo workspace open, workspace trust off, on
//   127.0.0.1 (PORT env or --port N, else a free port). Ctrl+C stops everything it started.
// The demo workspace is copied once to .vscode-test/demo-workspace/ (git-ignored) so the
// learner's edits survive restarts and never touch test/fixtures/; --reset-demo copies it afresh.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setup, ROOT, CACHE } from './vscode/setup.mjs';
import { freePort, installExtension, makeProfile, onExit, packageVsix, seconds, startCodeServer } from './vscode/lib.mjs';

const argv = process.argv.slice(2);
const started = Date.now();

function demoWorkspace() {
  const target = path.join(CACHE, 'demo-workspace');
  if (argv.includes('--reset-demo')) fs.rmSync(target, { recursive: true, force: true });
  if (!fs.existsSync(target)) fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'demo-workspace'), target, { recursive: true });
  return target;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

async function main() {
  const vsix = packageVsix(); // builds (production) first
  const workspace = demoWorkspace();

  if (onPath('code') && !argv.includes('--code-server')) {
    console.log(`[start] opening VS Code with the extension under development on ${workspace}`);
    const result = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
    process.exit(result.status ?? 0);
  }

  const paths = setup();
  // Its own profile, made afresh each run so the freshly packaged VSIX is the one installed.
  const profileRoot = path.join(CACHE, 'start');
  fs.rmSync(profileRoot, { recursive: true, force: true });
  const profile = makeProfile('start', {}, profileRoot);
  installExtension(paths, profile, vsix);
  const portArg = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : Number(process.env.PORT ?? 0);
  const port = portArg > 0 ? portArg : await freePort();
  const logFile = path.join(profileRoot, 'code-server.log');
  const server = await startCodeServer(paths, profile, { folder: workspace, port, logFile });
  const stop = onExit(async () => {
    console.log('\n[start] stopping code-server…');
    await server.stop();
  });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\n[start] AI Engineering Teacher is running in code-server (ready in ${seconds(started)}s)`);
  console.log(`[start] open ${url}`);
  console.log(`[start] log: ${path.relative(ROOT, logFile)}; press Ctrl+C to stop\n`);
  await new Promise((resolve) => server.child.on('exit', resolve));
  await stop();
  console.log('[start] code-server exited');
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
