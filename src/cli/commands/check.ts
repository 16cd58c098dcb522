import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverConfig, EMPTY_CONFIG, ignoreMatcher, loadConfigFile, type LoadedConfig } from '../../language/config';
import { LintEngine } from '../../language/engine';
import { ProjectIndex } from '../../language/project/index';
import { runProjectRules, withProjectFindings } from '../../language/project/run';
import { projectFileKind, textFacts } from '../../language/project/text-facts';
import { prepareSource, DEFAULT_MAX_BYTES } from '../../language/source';
import type { LintResult, Severity } from '../../language/types';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from '../command';
import { jsonWriter } from '../format/json';
import { displayPath, SEVERITY_RANK, type FormatterFactory, type RunInfo } from '../format/report';
import { sarifWriter } from '../format/sarif';
import { textWriter } from '../format/text';
import { oneOf, parseOptions, resolveLang } from '../options';
import { collectFiles } from '../walk';
import { wasmLocations } from '../wasm';

export const HELP = `Usage: ai-teacher check <paths...> [options]

Checks Python (.py, .pyi) and YAML (.yml, .yaml) files, and for the cross-file checks
Dockerfiles, requirements files, Procfiles and shell scripts; folders are searched recursively,
skipping .git, node_modules, virtual environments, mlruns, build output and what .gitignore
and the config's "ignore" list exclude. Files named explicitly are always checked.

Options:
  --format text|json|sarif   output format (default: text)
  --config FILE              use this config instead of discovering .ai-teacher.yml|.yaml|.json
  --fail-level LEVEL         exit 1 when a finding is at or above error|warning|info
                             (default: the config's failLevel, else warning)
  --lang ko|en               language of messages and questions (default: from LANG)
  --force-exclude            apply excludes to explicitly named paths too (for pre-commit)
  -h, --help                 show this help

Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage or config error.
`;

const FORMATS: Readonly<Record<string, FormatterFactory>> = { text: textWriter, json: jsonWriter, sarif: sarifWriter };
/** Files before a progress line is worth drawing. */
const PROGRESS_MIN_FILES = 200;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      format: { type: 'string' },
      config: { type: 'string' },
      'fail-level': { type: 'string' },
      lang: { type: 'string' },
      'force-exclude': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const format = oneOf('format', values.format, ['text', 'json', 'sarif'] as const) ?? 'text';
  const failFlag = oneOf('fail-level', values['fail-level'], ['error', 'warning', 'info'] as const);
  const lang = resolveLang(values.lang, io.env);
  if (positionals.length === 0) throw new UsageError('no paths given (try: ai-teacher check .)');

  const engine = await LintEngine.create(wasmLocations());
  const knownRules = new Set(engine.rules.map((rule) => rule.id));
  const configs = new ConfigResolver(io.cwd, knownRules, values.config);

  const seen = new Set<string>();
  const targetFiles: { file: string; config: LoadedConfig }[] = [];
  for (const target of positionals) {
    const absolute = path.resolve(io.cwd, target);
    if (!fs.existsSync(absolute)) throw new UsageError(`path not found: ${target}`);
    const config = configs.forTarget(absolute);
    const excluded = ignoreMatcher(config.config);
    const walked = collectFiles([absolute], io.cwd, {
      forceExclude: values['force-exclude'],
      include: (name) => projectFileKind(name) !== undefined,
      isExcluded: (file) => {
        const relative = path.relative(config.dir, file);
        return !relative.startsWith('..') && !path.isAbsolute(relative) && excluded(relative);
      },
    });
    for (const file of walked.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      targetFiles.push({ file, config });
    }
  }

  if (targetFiles.length === 0) io.stderr('ai-teacher check: no Python or YAML files found under the given paths (after exclusions)\n');
  const progress = io.stderrIsTTY && targetFiles.length >= PROGRESS_MIN_FILES ? new Progress(io, targetFiles.length) : undefined;
  const run: RunInfo = { cwd: io.cwd, lang, rules: engine.rules };
  const writer = FORMATS[format](run);
  io.stdout(writer.begin());
  let failing = false;
  // The project pass needs every file's facts before any file's findings are final, so the
  // per-file results wait for it (see README, "Cross-file checks").
  const project = new ProjectIndex(toPosix(io.cwd));
  const results: LintResult[] = [];
  for (const { file, config } of targetFiles) {
    const result = lintFile(engine, file, config, lang);
    project.set(toPosix(file), result.facts);
    results.push(result.facts ? { ...result, facts: undefined } : result);
    progress?.tick();
  }
  const configByFile = new Map(targetFiles.map(({ file, config }) => [toPosix(file), config.config]));
  const projectResult = runProjectRules(project, { lang, config: (file) => configByFile.get(file) ?? EMPTY_CONFIG });
  targetFiles.forEach(({ file, config }, index) => {
    let result = withProjectFindings(results[index], projectResult, toPosix(file));
    if (index === 0 && projectResult.notices.length) result = { ...result, notices: [...result.notices, ...projectResult.notices] };
    const level: Severity = failFlag ?? config.config.failLevel;
    failing ||= result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[level]);
    const part = writer.file({ path: displayPath(io.cwd, file), absolutePath: file, result });
    if (part) {
      progress?.clear();
      io.stdout(part);
    }
  });
  progress?.done();
  io.stdout(writer.end());
  if (io.env.AI_TEACHER_REPORT_MAXRSS === '1') io.stderr(`maxRSS ${peakRssKb()} KB\n`);
  return failing ? EXIT_FINDINGS : EXIT_OK;
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

function lintFile(engine: LintEngine, file: string, config: LoadedConfig, lang: RunInfo['lang']): LintResult {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { path: file, findings: [], notices: [{ kind: 'skipped', message: `cannot read the file: ${(error as Error).message}` }] };
  }
  const kind = projectFileKind(file);
  if (kind && kind !== 'python' && kind !== 'yaml') {
    // Dockerfiles, requirements files and start scripts: read for the project pass, which reports on them.
    const prepared = prepareSource(bytes, config.config.maxFileSize ?? DEFAULT_MAX_BYTES);
    if (!prepared.ok) return { path: file, findings: [], notices: [{ kind: 'skipped', message: prepared.reason }] };
    return { path: file, findings: [], notices: [], facts: textFacts(file, prepared.text) };
  }
  try {
    return engine.lintBytes(file, bytes, { lang, config: config.config, facts: true });
  } catch (error) {
    // The engine is built not to throw; if it ever does, lose this file, not the run.
    return { path: file, findings: [], notices: [{ kind: 'internal-error', message: `the engine failed on this file: ${(error as Error)?.message ?? String(error)}` }] };
  }
}

/**
 * Finds the config for each target: the one given with --config, else the nearest
 * `.ai-teacher.*` at or above the target. Any error in a config stops the run (exit code 2).
 */
class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly explicit?: LoadedConfig;

  constructor(
    private readonly cwd: string,
    private readonly knownRules: ReadonlySet<string>,
    configFlag: string | undefined,
  ) {
    if (configFlag !== undefined) this.explicit = this.checked(loadConfigFile(path.resolve(cwd, configFlag), knownRules));
  }

  forTarget(absoluteTarget: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const dir = fs.statSync(absoluteTarget).isDirectory() ? absoluteTarget : path.dirname(absoluteTarget);
    let loaded = this.byDir.get(dir);
    if (!loaded) {
      loaded = this.checked(discoverConfig(dir, this.knownRules));
      this.byDir.set(dir, loaded);
    }
    return loaded;
  }

  private checked(loaded: LoadedConfig): LoadedConfig {
    if (loaded.errors.length === 0) return loaded;
    const where = loaded.file ? displayPath(this.cwd, loaded.file) : 'config';
    throw new UsageError(`invalid config ${where}:\n  ${loaded.errors.join('\n  ')}`);
  }
}

/** A single rewritten line on stderr, at most ten updates a second. */
class Progress {
  private count = 0;
  private drawnAt = 0;
  private visible = false;

  constructor(
    private readonly io: CliIo,
    private readonly total: number,
  ) {}

  tick(): void {
    this.count++;
    const now = Date.now();
    if (now - this.drawnAt < 100 && this.count < this.total) return;
    this.drawnAt = now;
    this.visible = true;
    this.io.stderr(`\rai-teacher: checked ${this.count}/${this.total} files`);
  }

  /** Wipes the line before findings are printed, so they never land on top of it. */
  clear(): void {
    if (!this.visible) return;
    this.io.stderr('\r\x1b[K');
    this.visible = false;
  }

  done(): void {
    this.clear();
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
