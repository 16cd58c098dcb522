import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { ProjectCache, restoreResult } from '../../language/cache';
import { ignoreMatcher, type LoadedConfig } from '../../language/config';
import { normalise } from '../../language/project/index';
import { withProjectFindings } from '../../language/project/run';
import { projectFileKind } from '../../language/project/text-facts';
import { ALL_RULES } from '../../language/rules';
import { fileStatus } from '../../language/notices';
import { mostSevereFirst, SEVERITY_RANK, type EngineNotice, type Finding, type Lang, type LintResult, type Severity } from '../../language/types';
import { FileLinter, linted } from '../cached-lint';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../command';
import { ConfigResolver } from '../configs';
import { jsonWriter } from '../format/json';
import { displayPath, type FormatterFactory, type RunInfo } from '../format/report';
import { sarifWriter } from '../format/sarif';
import { colorEnabled } from '../format/style';
import { textWriter } from '../format/text';
import { commandHelp, oneOf, parseOptions, resolveLang, wholeNumber, type OptionTable } from '../options';
import { Progress } from '../progress';
import { ProjectPass } from '../project-pass';
import { moduleTails } from '../../language/project/compact';
import { RunKey, RunRecord, type Recorder } from '../run-record';
import { ResultSpool } from '../spool';
import { VERSION } from '../version';
import { collectFiles, type WalkEntry } from '../walk';

const DEFAULT_MAX_PER_FILE = 1000;

const OPTIONS = {
  format: { type: 'string', value: 'text|json|sarif', help: 'output format (default: text)' },
  config: { type: 'string', value: 'FILE', help: 'use this config instead of discovering .ai-teacher.yml|.yaml|.json' },
  'fail-level': { type: 'string', value: 'LEVEL', help: "exit 1 when a finding is at or above error|warning|info\n(default: the config's failLevel, else warning)" },
  quiet: { type: 'boolean', short: 'q', help: 'report errors only: warnings and info are neither shown nor fail the run' },
  statistics: { type: 'boolean', help: 'text: print the number of findings per rule instead of the findings' },
  'no-questions': { type: 'boolean', help: "text: leave out the teacher's question under each finding" },
  'max-per-file': { type: 'string', value: 'N', help: `show at most N findings per file, the most severe first (default: ${DEFAULT_MAX_PER_FILE}; 0: no cap)` },
  strict: { type: 'boolean', help: 'exit 2 when a file or folder could not be read or checked (on by default when CI is set)' },
  'force-exclude': { type: 'boolean', help: 'apply excludes to explicitly named paths too (for pre-commit)' },
  'no-cache': { type: 'boolean', help: 'check every file again instead of reusing the results in .ai-teacher-cache/ for files that did not change' },
} as const satisfies OptionTable;

export const HELP = commandHelp(
  'ai-teacher check <paths...> [options]',
  `Checks Python (.py, .pyi) and YAML (.yml, .yaml) files, and for the cross-file checks
Dockerfiles, requirements files, Procfiles and shell scripts; folders are searched recursively,
skipping .git, node_modules, virtual environments, mlruns, build output and what .gitignore
and the config's "ignore" list exclude. Files named explicitly are always checked.

Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 turns it on.`,
  OPTIONS,
  `Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage or config error, a
path named on the command line that cannot be checked (missing, a FIFO or device, unreadable),
or with --strict (or CI=true) any file or folder that could not be read.`,
);

const FORMATS: Readonly<Record<string, FormatterFactory>> = { text: textWriter, json: jsonWriter, sarif: sarifWriter };
/** Files before a progress line is worth drawing. */
const PROGRESS_MIN_FILES = 200;

/**
 * A file of the run. How its path is shown is worked out when it is needed, not held for every
 * file of a large tree until the output (a megabyte and a half for 20,000 files).
 */
class Target {
  constructor(
    readonly entry: WalkEntry,
    readonly config: LoadedConfig,
    private readonly cwd: string,
    /** The user gave an absolute path: the path is shown absolute. */
    private readonly absolute: boolean,
  ) {}

  get shown(): string {
    return displayPath(this.cwd, this.entry.path, this.absolute);
  }
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  const format = oneOf('format', values.format, ['text', 'json', 'sarif'] as const) ?? 'text';
  const failFlag = oneOf('fail-level', values['fail-level'], ['error', 'warning', 'info'] as const);
  const maxPerFile = wholeNumber('max-per-file', values['max-per-file'], 0) ?? DEFAULT_MAX_PER_FILE;
  const lang = resolveLang(values.lang, io.env);
  if (values.statistics && format !== 'text')
    throw new UsageError({ ko: '--statistics 는 --format text 와 함께만 쓸 수 있습니다', en: '--statistics works with --format text only' });
  if (positionals.length === 0) throw new UsageError({ ko: '검사할 경로가 없습니다 (예: ai-teacher check .)', en: 'no paths given (try: ai-teacher check .)' });
  const strict = Boolean(values.strict) || isCi(io.env);

  const cacheRoot = values['no-cache'] ? undefined : io.cwd;
  const linter = new FileLinter(ALL_RULES, lang, cacheRoot);
  const configs = new ConfigResolver(io.cwd, new Set(ALL_RULES.map((rule) => rule.id)), values.config);
  const targets = resolveTargets(positionals, io.cwd, configs, Boolean(values['force-exclude']), lang);

  if (targets.length === 0)
    io.stderr(
      lang === 'ko'
        ? 'ai-teacher check: 주어진 경로에 (제외 규칙을 적용한 뒤) Python이나 YAML 파일이 없습니다\n'
        : 'ai-teacher check: no Python or YAML files found under the given paths (after exclusions)\n',
    );
  const progress = io.stderrIsTTY && targets.length >= PROGRESS_MIN_FILES ? new Progress(io, targets.length) : undefined;
  const info: RunInfo = {
    cwd: io.cwd,
    lang,
    rules: ALL_RULES,
    color: format === 'text' && colorEnabled(io.env, Boolean(io.stdoutIsTTY)),
    questions: !values['no-questions'],
    statistics: Boolean(values.statistics),
    quiet: Boolean(values.quiet),
  };
  // A repeat run over unchanged files prints the last report again (see run-record.ts).
  let recorder: Recorder | undefined;
  /** The `stat` signatures the run key read, by target: the content cache does not read them again. */
  let signatures: readonly (string | undefined)[] = [];
  if (cacheRoot !== undefined && targets.length > 0) {
    const slot = JSON.stringify([VERSION, io.cwd, args, lang, info.color, strict, Boolean(io.stdoutIsTTY), io.stderrIsTTY]);
    const record = RunRecord.open(cacheRoot, slot);
    const { key, read } = runKey(slot, targets, linter);
    signatures = read;
    if (key !== undefined) {
      const replayed = await record.replay(key, replayWriter(io));
      if (replayed) {
        if (io.env.AI_TEACHER_REPORT_MAXRSS === '1') io.stderr(`maxRSS ${peakRssKb()} KB\n`);
        if (replayed.stderr) io.stderr(replayed.stderr);
        return replayed.exit;
      }
      recorder = record.recorder(key);
    }
  }
  try {
    const exit = await report();
    recorder?.finish(exit.code, exit.stderr);
    return exit.code;
  } finally {
    recorder?.abandon();
  }

  async function report(): Promise<{ code: number; stderr: string }> {
    const writer = FORMATS[format](info);
    const out = batchedOutput(io, recorder);
    await out.write(writer.begin());
    let failing = false;
    /** Paths named on the command line that are FIFOs, devices, unreadable...: exit code 2. */
    const named: string[] = [];
    /** Files and folders that could not be read or checked: exit code 2 under --strict or CI. */
    const unchecked: string[] = [];
    // The project pass needs every file's facts before any file's findings are final, so the
    // per-file results wait for it (see README, "Cross-file checks"), in the spool.
    const project = new ProjectPass(
      normalise(io.cwd),
      lang,
      cacheRoot === undefined ? undefined : ProjectCache.open(cacheRoot, targetsSlot(io.cwd, positionals, lang)),
      moduleTails(targets.map((target) => target.entry.path)),
    );
    const spool = new ResultSpool();
    try {
      for (const [index, { entry, config }] of targets.entries()) {
        const file = entry.notice ? linted({ path: entry.path, findings: [], notices: [entry.notice] }) : await linter.lint(entry.path, config, signatures[index]);
        project.add(entry.path, file.facts, config.config, linter.fingerprint(config));
        spool.add(file.body, !file.shared);
        progress?.tick();
      }
      const projectResult = project.run();
      for (const [index, target] of targets.entries()) {
        const { entry, config } = target;
        const shown = target.shown;
        let result = withProjectFindings(restoreResult(entry.path, { body: spool.get(index) }), projectResult, entry.path);
        // A rule that crashed may be a passing fault: such a report is never replayed.
        if (recorder && result.notices.some((notice) => notice.kind === 'internal-error')) recorder.abandon();
        if (index === 0 && projectResult.notices.length) result = { ...result, notices: [...result.notices, ...projectResult.notices] };
        if (values.quiet) result = { ...result, findings: result.findings.filter((f) => f.severity === 'error') };
        const level: Severity = values.quiet ? 'error' : (failFlag ?? config.config.failLevel);
        failing ||= result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[level]);
        const status = fileStatus(result);
        const why = `${shown} (${result.notices.find((n) => n.kind !== 'truncated')?.message ?? status})`;
        if (entry.named && (status === 'error' || (entry.notice && status === 'skipped'))) named.push(why);
        if (status === 'error') unchecked.push(why);
        // --statistics lists no findings, so there is nothing to cap.
        const shownResult = info.statistics ? result : cap(result, maxPerFile, lang);
        const part = writer.file({ path: shown, absolutePath: entry.path, result: shownResult, found: result.findings });
        if (part) {
          progress?.clear();
          await out.write(part);
        }
      }
    } catch (error) {
      // The files reported before the failure still reach the output; a run that succeeds
      // flushes once, after the report's end.
      await out.flush();
      throw error;
    } finally {
      spool.close();
      project.close();
    }
    progress?.done();
    linter.save();
    await out.write(writer.end());
    await out.flush();
    if (io.env.AI_TEACHER_REPORT_MAXRSS === '1') io.stderr(`maxRSS ${peakRssKb()} KB\n`);
    const problems = named.length > 0 ? named : strict ? unchecked : [];
    if (problems.length > 0) {
      const mode = named.length > 0 ? '' : lang === 'ko' ? ' (--strict 또는 CI)' : ' (--strict or CI)';
      const stderr = lang === 'ko' ? `ai-teacher check: 검사하지 못한 경로${mode}: ${problems.join('; ')}\n` : `ai-teacher check: could not check${mode}: ${problems.join('; ')}\n`;
      io.stderr(stderr);
      return { code: EXIT_USAGE, stderr };
    }
    return { code: failing ? EXIT_FINDINGS : EXIT_OK, stderr: '' };
  }
}

/**
 * The key of a run's record: every entry in walk order with its config's fingerprint, its notice
 * and, for a file to lint, its `stat` signature; undefined while a file is too young for its
 * signature to stand for its content. With it, the signatures it read.
 */
function runKey(slot: string, targets: readonly Target[], linter: FileLinter): { key: string | undefined; read: (string | undefined)[] } {
  const key = new RunKey(slot);
  const read: (string | undefined)[] = [];
  for (const target of targets)
    read.push(
      key.add(target.entry.path, linter.fingerprint(target.config), `${target.entry.named}${target.entry.notice ? JSON.stringify(target.entry.notice) : ''}`, !target.entry.notice),
    );
  return { key: key.key(), read };
}

/** Writes a replayed report's bytes, each piece done with when the promise resolves (see `RunRecord.replay`). */
function replayWriter(io: CliIo): (bytes: Uint8Array) => Promise<void> {
  const decoder = new StringDecoder('utf8');
  return async (bytes) => {
    if (io.stdoutBytes) return io.stdoutBytes(bytes);
    io.stdout(decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    await io.drain?.();
  };
}

/** Output gathered before a write: about a pipe's buffer. */
const OUTPUT_BATCH_CHARS = 64 * 1024;

/**
 * The report's parts, gathered into writes of about 64 KB (one write per file, a conversion to
 * bytes and a system call each, was a tenth of a warm run on a large tree), each waiting until
 * the previous ones have left the process (see `CliIo.drain`), so memory stays flat however
 * slowly the output is read. On a terminal each part goes out at once.
 */
function batchedOutput(io: CliIo, recorder?: Recorder): { write(text: string): Promise<void>; flush(): Promise<void> } {
  let held = '';
  let draining: Promise<void> | undefined;
  const flush = async () => {
    await draining;
    if (!held) return;
    io.stdout(held);
    recorder?.add(held);
    held = '';
    draining = io.drain?.();
    await draining;
  };
  return {
    async write(text) {
      held += text;
      if (io.stdoutIsTTY || held.length >= OUTPUT_BATCH_CHARS) await flush();
    },
    flush,
  };
}

/** Names the set of targets a project result is kept for: the same command in the same folder. */
function targetsSlot(cwd: string, positionals: readonly string[], lang: Lang): string {
  return createHash('sha256')
    .update(JSON.stringify([cwd, lang, positionals.map((target) => path.resolve(cwd, target))]))
    .digest('hex');
}

/** CI services set CI (GitHub Actions, GitLab, CircleCI, Travis...): a gate must not pass on code it never read. */
function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI?.toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

function resolveTargets(positionals: readonly string[], cwd: string, configs: ConfigResolver, forceExclude: boolean, lang: Lang): Target[] {
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const target of positionals) {
    const absolute = path.resolve(cwd, target);
    if (!exists(absolute)) throw new UsageError({ ko: `경로가 없습니다: ${target}`, en: `path not found: ${target}` });
    const config = configs.forTarget(absolute);
    const excluded = ignoreMatcher(config.config);
    const walked = collectFiles([absolute], cwd, {
      forceExclude,
      lang,
      include: (name) => projectFileKind(name) !== undefined,
      // Without ignore globs nothing is asked (a relative path per file and folder was a tenth of a walk).
      isExcluded:
        config.config.ignore.length === 0
          ? undefined
          : (file) => {
              const relative = path.relative(config.dir, file);
              return !relative.startsWith('..') && !path.isAbsolute(relative) && excluded(relative);
            },
    });
    for (const entry of walked.entries) {
      if (seen.has(entry.path)) continue;
      seen.add(entry.path);
      targets.push(new Target(entry, config, cwd, path.isAbsolute(target)));
    }
  }
  return targets;
}

/** Something at that path, if only a dangling link (the walker then says what is wrong with it). */
function exists(absolute: string): boolean {
  try {
    fs.lstatSync(absolute);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/**
 * The per-file cap: a generated or minified file can hold hundreds of thousands of findings.
 * The most severe are kept (as the editor does), shown in document order, and a notice says how
 * many were left out.
 */
function cap(result: LintResult, max: number, lang: Lang): LintResult {
  if (max === 0 || result.findings.length <= max) return result;
  const byPosition = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column;
  const kept = [...result.findings]
    .sort((a, b) => mostSevereFirst(a.severity, b.severity) || byPosition(a, b))
    .slice(0, max)
    .sort(byPosition);
  const omitted = result.findings.length - max;
  const notice: EngineNotice = {
    kind: 'truncated',
    code: 'finding-cap',
    message:
      lang === 'ko'
        ? `발견 ${result.findings.length}건 중 심각한 순으로 ${max}건만 표시하고 ${omitted}건은 생략했습니다 (--max-per-file)`
        : `${result.findings.length} findings: the ${max} most severe are shown, ${omitted} left out (--max-per-file)`,
  };
  return { ...result, findings: kept, notices: [...result.notices, notice] };
}

/**
 * Peak resident memory for `npm run bench`. Linux keeps ru_maxrss across fork and exec, so a
 * child of a big process would report its parent's peak; VmHWM belongs to this process alone.
 */
function peakRssKb(): number {
  try {
    const match = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: fall through to the portable figure.
  }
  return process.resourceUsage().maxRSS;
}
