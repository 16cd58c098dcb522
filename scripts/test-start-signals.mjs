// `npm run test:start`: `npm start` stops everything it started when SIGINT, SIGTERM or SIGHUP
// reaches any process of its tree: npm, node scripts/start.mjs, or code-server. For each of the
// nine cases it starts `npm start -- --code-server` on a free port, waits for the URL, records
// every process of the tree (npm's descendants and code-server's process group), sends the
// signal, and checks that within 30 s every one of them is gone and the port refuses
// connections. Needs the code-server harness (scripts/vscode/setup.mjs). Linux: reads /proc.
//   node scripts/test-start-signals.mjs [--only npm|node|code-server] [--signal SIGTERM]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { setup, ROOT } from './vscode/setup.mjs';
import { freePort, seconds, sleep } from './vscode/lib.mjs';

const argv = process.argv.slice(2);
const pick = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const TARGETS = pick('--only') ? [pick('--only')] : ['npm', 'node', 'code-server'];
const SIGNALS = pick('--signal') ? [pick('--signal')] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
const READY_MS = 240_000;
const GONE_MS = 30_000;

/** Every live process: pid -> { ppid, pgid, state, cmd } (zombies count as gone). */
function processes() {
  const table = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.set(Number(entry), { ppid: Number(fields[1]), pgid: Number(fields[2]), state: fields[0], cmd });
    } catch {
      // gone while we looked
    }
  }
  return table;
}

/** npm, everything below it, and everything in the process groups they lead (code-server's). */
function tree(rootPid) {
  const table = processes();
  const members = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, info] of table) {
      if (members.has(pid)) continue;
      if (members.has(info.ppid) || (members.has(info.pgid) && info.pgid !== process.pid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  return [...members].filter((pid) => table.has(pid)).map((pid) => ({ pid, ...table.get(pid) }));
}

function alive(pids) {
  const table = processes();
  return pids.filter((pid) => table.has(pid) && table.get(pid).state !== 'Z');
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

async function runCase(target, signal, packaged) {
  const port = await freePort();
  // Its own process group (detached), so the signals we send never reach this runner; `code`
  // is kept off PATH only by --code-server, which start.mjs honours.
  const npm = spawn('npm', ['start', '--', '--code-server', '--port', String(port), ...(packaged ? ['--no-package'] : [])], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '' },
  });
  let output = '';
  npm.stdout.on('data', (chunk) => (output += chunk));
  npm.stderr.on('data', (chunk) => (output += chunk));
  const started = Date.now();
  const ready = await waitFor(() => output.includes('[start] open http'), READY_MS);
  const members = tree(npm.pid);
  const cleanup = () => {
    for (const pid of alive(members.map((m) => m.pid))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  if (!ready) {
    cleanup();
    return { ok: false, why: `not ready within ${READY_MS / 1000}s:\n${output}` };
  }
  const find = {
    npm: (m) => m.pid === npm.pid,
    node: (m) => m.cmd.includes('scripts/start.mjs'),
    'code-server': (m) => m.cmd.includes('code-server') && m.cmd.includes('entry.js'),
  };
  const victim = members.find(find[target]);
  if (!victim) {
    cleanup();
    return { ok: false, why: `no ${target} process in the tree:\n${members.map((m) => `${m.pid} ${m.cmd}`).join('\n')}` };
  }
  const before = Date.now();
  process.kill(victim.pid, signal);
  const pids = members.map((m) => m.pid);
  const gone = await waitFor(() => alive(pids).length === 0, GONE_MS);
  const closed = !(await portOpen(port));
  const left = alive(pids).map((pid) => `${pid} ${members.find((m) => m.pid === pid).cmd.slice(0, 100)}`);
  cleanup();
  const detail = `${members.length} processes, ready in ${seconds(started)}s, stopped in ${seconds(before)}s`;
  if (gone && closed) return { ok: true, why: detail };
  return { ok: false, why: `${detail}; ${left.length} left${left.length ? `:\n  ${left.join('\n  ')}` : ''}; port ${closed ? 'closed' : 'still open'}\n${output.slice(-2000)}` };
}

async function main() {
  setup();
  let failed = 0;
  let packaged = false;
  for (const target of TARGETS) {
    for (const signal of SIGNALS) {
      // The first case builds and packages like a learner's `npm start`; the rest reuse the VSIX.
      const result = await runCase(target, signal, packaged);
      packaged = true;
      console.log(`${result.ok ? '✔' : '✘'} ${signal} to ${target}: ${result.why}`);
      if (!result.ok) failed++;
    }
  }
  console.log(failed ? `\n${failed} case(s) left something behind` : '\nnpm start cleaned up after every signal');
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
