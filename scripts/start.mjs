// `npm start`: build, package with @vscode/vsce, and open the extension in a real VS Code.
// - `code` on PATH: a VS Code window with the extension under development and the demo workspace.
// - otherwise: code-server (installed by scripts/vscode/setup.mjs) with the VSIX installed into
//   its own profile under .vscode-test/start/<pid>/, the demo workspace open, workspace trust off,
//   on 127.0.0.1 (PORT env or --port N, else a free port).
// The demo workspace is copied once to .vscode-test/demo-workspace/ (git-ignored) so the
// learner's edits survive restarts and never touch test/fixtures/; --reset-demo copies it afresh.
//
// Stopping: SIGINT (Ctrl+C), SIGTERM or SIGHUP to any process of the tree stops all of it.
// - to npm: the `start` script execs node, so npm forwards SIGINT and SIGTERM straight to us;
//   npm dies of SIGHUP without forwarding it, and we notice that our parent is gone.
// - to this process: the handlers below stop code-server and exit.
// - to code-server: we see it exit, end the rest of its process group (extension hosts, file
//   watchers) and exit.
// Either way the port is closed; the next start removes the profile folders of stopped runs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setup, ROOT, CACHE } from './vscode/setup.mjs';
import { freePort, installExtension, killGroup, makeProfile, onExit, packageVsix, seconds, startCodeServer } from './vscode/lib.mjs';

const USAGE = 'usage: npm start [-- --port N] [--code-server] [--reset-demo] [--no-package]';
const started = Date.now();
const options = parseOptions(process.argv.slice(2));

/** Strict: an unknown option or a bad port stops before anything is built. */
function parseOptions(argv) {
  const parsed = { port: undefined, codeServer: false, resetDemo: false, noPackage: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--code-server') parsed.codeServer = true;
    else if (arg === '--reset-demo') parsed.resetDemo = true;
    else if (arg === '--no-package') parsed.noPackage = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      parsed.port = portNumber(value, '--port');
    } else if (arg === '-h' || arg === '--help') {
      console.log(
        `${USAGE}\n  --port N       listen on 127.0.0.1:N (default: PORT, else a free port)\n  --code-server  use code-server even when \`code\` is on PATH\n  --reset-demo   copy the demo workspace afresh\n  --no-package   reuse dist/ai-engineering-teacher.vsix instead of building and packaging`,
      );
      process.exit(0);
    } else fail(`unknown option ${arg}\n${USAGE}`);
  }
  if (parsed.port === undefined && process.env.PORT) parsed.port = portNumber(process.env.PORT, 'PORT');
  return parsed;
}

function portNumber(value, name) {
  if (value !== undefined && /^\d+$/.test(value) && Number(value) <= 65535) return Number(value);
  fail(`${name} must be a port number from 0 to 65535 (got ${value === undefined ? 'nothing' : `"${value}"`})`);
}

function fail(message) {
  console.error(`[start] ${message}`);
  process.exit(2);
}

function demoWorkspace() {
  const target = path.join(CACHE, 'demo-workspace');
  if (options.resetDemo) fs.rmSync(target, { recursive: true, force: true });
  if (!fs.existsSync(target)) fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'demo-workspace'), target, { recursive: true });
  return target;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/**
 * A profile of our own under .vscode-test/start/<pid>: two `npm start`s (two clones sharing the
 * cache, or a test) never wipe each other's. Folders of runs that are gone are removed.
 */
function profileRoot() {
  const parent = path.join(CACHE, 'start');
  fs.mkdirSync(parent, { recursive: true });
  for (const entry of fs.readdirSync(parent)) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || !isAlive(pid)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  return path.join(parent, String(process.pid));
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Reparented (npm killed by SIGHUP or SIGKILL, a terminal that vanished): stop as if signalled. */
function watchParent(stop) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      void stop().finally(() => process.exit(129));
    }
  }, 500);
  timer.unref();
}

async function main() {
  const vsix = options.noPackage && fs.existsSync(path.join(ROOT, 'dist', 'ai-engineering-teacher.vsix')) ? path.join(ROOT, 'dist', 'ai-engineering-teacher.vsix') : packageVsix();
  const workspace = demoWorkspace();

  if (onPath('code') && !options.codeServer) {
    console.log(`[start] opening VS Code with the extension under development on ${workspace}`);
    const result = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
    process.exit(result.status ?? 0);
  }

  const paths = setup();
  const root = profileRoot();
  let server;
  const stop = onExit(async () => {
    if (!server) return;
    console.log('\n[start] stopping code-server…');
    await killGroup(server.child);
  });
  watchParent(stop);
  const profile = makeProfile('start', {}, root);
  installExtension(paths, profile, vsix);
  const port = options.port > 0 ? options.port : await freePort();
  const logFile = path.join(root, 'code-server.log');
  server = await startCodeServer(paths, profile, { folder: workspace, port, logFile });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\n[start] AI Engineering Teacher is running in code-server (ready in ${seconds(started)}s)`);
  console.log(`[start] open ${url}`);
  console.log(`[start] log: ${path.relative(ROOT, logFile)}; press Ctrl+C to stop\n`);
  await new Promise((resolve) => server.child.on('exit', resolve));
  console.log('[start] code-server exited');
  await stop();
  process.exit(0);
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
