import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/command';
import { ROOT } from './engine';
import { referenceConfig } from './reference-engine';

/**
 * Writes a tree of files (path -> content) into a fresh temp folder. Unless the tree brings its
 * own config, one is added that runs only the two reference rules, so that new rules in the
 * catalogue do not change what the CLI tests expect.
 */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-cli-')));
  const hasConfig = Object.keys(files).some((file) => /(^|\/)\.ai-teacher\.(yml|yaml|json)$/.test(file));
  for (const [file, content] of Object.entries(hasConfig ? files : { ...files, '.ai-teacher.yml': referenceConfig() })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Inside a `describe`: makes trees like `makeTree` and removes them after the block. */
export function treesRemovedAfter(): (files: Record<string, string | Uint8Array>) => string {
  const roots: string[] = [];
  after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));
  return (files) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export interface RunOptions {
  readonly env?: Record<string, string>;
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
}

/** Runs the CLI in-process in `cwd`, with an English locale unless `env` says otherwise. */
export async function runIn(cwd: string, argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd,
    env: options.env ?? { LANG: 'C' },
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');

/** The account `nobody` (uid and gid 65534 on Debian). */
export const NOBODY = 65_534;

/**
 * Runs the CLI as a child process (what a user runs), killed after `timeout` ms so a hang fails
 * the test instead of stalling the suite. `uid` runs it as another account through `setpriv`.
 */
export function spawnCli(args: readonly string[], options: { env?: Record<string, string>; timeout?: number; uid?: number } = {}): SpawnSyncReturns<string> {
  const command = [process.execPath, '--import', 'tsx', MAIN, ...args];
  const env = { ...process.env, LANG: 'C', CI: '', ...options.env };
  const [file, ...argv] = options.uid !== undefined ? ['setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', ...command] : command;
  return spawnSync(file, argv, { cwd: ROOT, encoding: 'utf8', env, timeout: options.timeout ?? 10_000, killSignal: 'SIGKILL' });
}
