// Shared machinery for running the extension in code-server and driving it with chromium:
// free ports, a code-server in its own process group with its own user-data and extensions
// dirs, the browser, and clean shutdown. Used by integration.mjs, e2e.mjs, bench-editor.mjs
// and ../start.mjs.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './setup.mjs';

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const seconds = (start) => ((Date.now() - start) / 1000).toFixed(1);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Tests keep the secondary side bar (where VS Code 1.139 opens Chat at start-up) closed, so layouts do not shift. */
export const QUIET_LAYOUT = { 'workbench.secondarySideBar.defaultVisibility': 'hidden' };

/** A fresh profile (user data + extensions) under a temp dir, with settings that keep the UI quiet. */
export function makeProfile(name, settings = {}, base = fs.mkdtempSync(path.join(os.tmpdir(), `aet-harness-${name}-`))) {
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const defaults = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    // The Chat view stays available: the extension contributes its own model, so
    // `@ai-engineer-teacher` runs there without a Copilot account (test/e2e/chat-view.test.ts).
    'chat.disableAIFeatures': false,
    // An empty secondary side bar (VS Code opens it for Chat) would take 300 px from the editor.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.enabled': false,
    'files.autoSave': 'off',
    'editor.formatOnSave': false,
    'window.restoreWindows': 'none',
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...defaults, ...settings }, null, 2));
  // code-server otherwise writes a default config (with a password) into ~/.config.
  const config = path.join(base, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  return { base, userDataDir, extensionsDir, config };
}

/** Copies a fixture workspace into a temp folder so tests never dirty the repository. */
export function copyWorkspace(source, name) {
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `aet-harness-ws-`)), name);
  fs.cpSync(source, target, { recursive: true });
  return target;
}

export function installExtension(paths, profile, vsix) {
  const result = spawnSync(paths.node, [paths.entry, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
  });
  if (result.status !== 0 || /failed|error/i.test(result.stderr ?? '')) {
    throw new Error(`installing ${vsix} into code-server failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout.trim();
}

/**
 * Starts code-server in its own process group on 127.0.0.1 and resolves once it answers HTTP.
 * `stop()` ends the whole group (server, extension hosts, file watchers), so nothing is orphaned.
 */
export async function startCodeServer(paths, profile, { folder, port, env = {}, args = [], logFile, quiet = true } = {}) {
  port ??= await freePort();
  const serverArgs = [
    paths.entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config',
    profile.config,
    ...args,
  ];
  if (folder) serverArgs.push(folder);
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(paths.node, serverArgs, {
    cwd: ROOT,
    // code-server lets PORT and CODE_SERVER_HOST override --bind-addr: `PORT=0 npm start` made it
    // listen on a random port while we polled the chosen one. Pin both to what we bind.
    env: { ...process.env, PORT: String(port), CODE_SERVER_HOST: '127.0.0.1', ...env },
    detached: true,
    stdio: ['ignore', quiet ? out : 'inherit', quiet ? out : 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (true) {
    if (exited) throw new Error(`code-server exited during start-up (see ${logFile ?? 'its output'})`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`code-server did not answer on ${url} within 60s`);
    }
    await sleep(250);
  }
  return {
    port,
    url,
    child,
    authority: `127.0.0.1:${port}`,
    stop: () => killGroup(child),
  };
}

/**
 * Ends a detached child's whole process group: TERM, then KILL after a grace period. The group
 * is signalled even when its leader has already exited (killed by someone else): its extension
 * hosts and file watchers may still be running.
 */
export async function killGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  const group = -child.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    try {
      process.kill(group, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
  try {
    process.kill(group, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function launchBrowser(paths) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: paths.chromium, headless: true, args: BROWSER_ARGS });
}

/** The workbench URL for a folder, with an optional development payload (extension path, tests). */
export function workbenchUrl(server, folder, payload) {
  const params = new URLSearchParams({ folder });
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}

/** A `vscode-remote://` URI for a server path, as the browser workbench expects in payloads. */
export function remoteUri(server, fsPath) {
  return `vscode-remote://${server.authority}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Builds the extension (esbuild) with the project's own script. */
export function build(extra = []) {
  const start = Date.now();
  const result = spawnSync(process.execPath, ['esbuild.config.mjs', ...extra], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
  console.log(`[build] esbuild ${extra.join(' ')} done in ${seconds(start)}s`);
}

/** Packages the extension into a VSIX with @vscode/vsce (no dependencies: everything is bundled). */
export function packageVsix(out = path.join(ROOT, 'dist', 'ai-engineering-teacher.vsix')) {
  const start = Date.now();
  build(['--production']);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // vsce's secret scan stays on: the curriculum's made-up credentials are written so that it
  // does not mistake them for real keys (they still teach the hardcoded-secret rule).
  const args = [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', out];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`[package] ${path.relative(ROOT, out)} in ${seconds(start)}s`);
  return out;
}

/**
 * Registers cleanup for Ctrl+C / termination; returns a function that runs it once. A second
 * signal (a terminal's Ctrl+C reaches both npm and us, and npm forwards it again) waits for the
 * same cleanup instead of exiting halfway through it. Exit code 128 + the signal's number.
 */
export function onExit(cleanup) {
  let running;
  const once = () => (running ??= Promise.resolve().then(cleanup));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      void once().finally(() => process.exit(128 + os.constants.signals[signal]));
    });
  }
  return once;
}
