import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

/**
 * Runs a composite action's `run:` steps on this machine the way a GitHub runner would: the same
 * shell commands, with `${{ }}` expressions in `if:`, `env:` and `working-directory` evaluated,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and step outputs passed along. `uses:` steps
 * (other actions, fetched from the network) are only evaluated for their condition and recorded.
 * The expression language is the subset composite actions use: property paths, string and number
 * literals, == != && || ! and (), and the status functions.
 */

export interface StepRecord {
  readonly name: string;
  readonly uses?: string;
  /** `skipped` by its condition, `offline` for a `uses:` step that would run, `excluded` by the caller. */
  readonly state: 'ran' | 'skipped' | 'offline' | 'excluded';
  readonly exitCode?: number;
  readonly output?: string;
}

export interface ActionRun {
  readonly steps: readonly StepRecord[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly failed: boolean;
  readonly summary: string;
}

export interface RunOptions {
  readonly actionPath: string;
  readonly workspace: string;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly event?: unknown;
  readonly eventName?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Steps the test environment already provides (e.g. `npm ci` of the action itself). */
  readonly exclude?: (step: { name?: string; run?: string }) => boolean;
}

type Value = string | number | boolean | null | undefined | Record<string, unknown>;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(?:('(?:[^']|'')*')|(==|!=|&&|\|\||[!()])|([A-Za-z_][\w.-]*)|(\d+(?:\.\d+)?))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(source);
    if (!m) throw new Error(`unsupported expression syntax at "${source.slice(at)}"`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    at = re.lastIndex;
  }
  return tokens;
}

/** Evaluates one expression (without the `${{ }}`) against a context of nested records. */
export function evaluate(source: string, context: Record<string, unknown>, status: { failed: boolean }): Value {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const truthy = (v: Value) => !(v === '' || v === 0 || v === false || v === null || v === undefined);
  const text = (v: Value) => (v === null || v === undefined ? '' : String(v)).toLowerCase();
  const primary = (): Value => {
    const token = next();
    if (token === undefined) throw new Error(`unexpected end of "${source}"`);
    if (token === '(') {
      const value = or();
      if (next() !== ')') throw new Error(`missing ) in "${source}"`);
      return value;
    }
    if (token === '!') return !truthy(primary());
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      next();
      if (next() !== ')') throw new Error(`functions with arguments are not supported: ${token}`);
      if (token === 'always') return true;
      if (token === 'cancelled') return false;
      if (token === 'success') return !status.failed;
      if (token === 'failure') return status.failed;
      throw new Error(`unsupported function ${token}()`);
    }
    let value: unknown = context;
    for (const part of token.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    return value as Value;
  };
  const comparison = (): Value => {
    let left = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = next();
      const right = primary();
      left = op === '==' ? text(left) === text(right) : text(left) !== text(right);
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek() === '&&') {
      next();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek() === '||') {
      next();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]}" in "${source}"`);
  return value;
}

function interpolate(template: string, context: Record<string, unknown>, status: { failed: boolean }): string {
  return template.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expr: string) => {
    const v = evaluate(expr, context, status);
    return v === null || v === undefined ? '' : String(v);
  });
}

function condition(raw: unknown, context: Record<string, unknown>, status: { failed: boolean }): boolean {
  if (raw === undefined) return !status.failed;
  const expr = String(raw)
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const value = evaluate(expr, context, status);
  return !(value === '' || value === 0 || value === false || value === null || value === undefined);
}

function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = lines[i].indexOf('=');
    if (eq > 0) out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
  }
  return out;
}

interface ActionSpec {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: {
      id?: string;
      name?: string;
      if?: string;
      uses?: string;
      run?: string;
      shell?: string;
      env?: Record<string, string>;
      'working-directory'?: string;
      with?: Record<string, string>;
    }[];
  };
}

function shell(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

export function readAction(actionPath: string): ActionSpec {
  return parse(fs.readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as ActionSpec;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const spec = readAction(options.actionPath);
  if (spec.runs.using !== 'composite') throw new Error(`not a composite action: ${spec.runs.using}`);
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'aet-action-runner-'));
  const summaryFile = path.join(runnerTemp, 'step-summary.md');
  const eventFile = path.join(runnerTemp, 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify(options.event ?? {}));
  fs.writeFileSync(summaryFile, '');
  const inputs: Record<string, string> = {};
  const github = { action_path: options.actionPath, workspace: options.workspace, token: 'test-token', event_name: options.eventName ?? 'push', event: options.event ?? {} };
  const base = { github, runner: { temp: runnerTemp, os: 'Linux' }, env: {} as Record<string, string> };
  const status = { failed: false };
  for (const [name, input] of Object.entries(spec.inputs ?? {})) inputs[name] = options.inputs?.[name] ?? interpolate(String(input.default ?? ''), { ...base, inputs }, status);
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const records: StepRecord[] = [];
  for (const [index, step] of spec.runs.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    const context = { ...base, inputs, steps };
    if (!condition(step.if, context, status)) {
      records.push({ name, uses: step.uses, state: 'skipped' });
      continue;
    }
    if (step.uses) {
      records.push({ name, uses: step.uses, state: 'offline' });
      continue;
    }
    if (options.exclude?.(step)) {
      records.push({ name, state: 'excluded' });
      continue;
    }
    const outputFile = path.join(runnerTemp, `output-${index}`);
    fs.writeFileSync(outputFile, '');
    const stepEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries(step.env ?? {})) stepEnv[key] = interpolate(String(value), context, status);
    const cwd = step['working-directory'] ? path.resolve(options.workspace, interpolate(step['working-directory'], context, status)) : options.workspace;
    // Asynchronous, so a fake server in this process can answer the step's requests.
    const result = await shell(step.run ?? '', cwd, {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: github.event_name,
      RUNNER_TEMP: runnerTemp,
      ...options.env,
      ...stepEnv,
    });
    const exitCode = result.status;
    if (step.id) steps[step.id] = { outputs: readOutputs(outputFile) };
    records.push({ name, state: 'ran', exitCode, output: `${result.stdout}${result.stderr}` });
    if (exitCode !== 0) status.failed = true;
  }
  const outputs: Record<string, string> = {};
  for (const [name, output] of Object.entries(spec.outputs ?? {})) outputs[name] = interpolate(output.value, { ...base, inputs, steps }, status);
  return { steps: records, outputs, failed: status.failed, summary: fs.readFileSync(summaryFile, 'utf8') };
}
