import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import picomatch from 'picomatch';
import { CATEGORIES, type Category, type Severity } from './types';
import { readSourceFile } from './source';

/**
 * The project config file, `.ai-teacher.yml` (or `.yaml` / `.json`) at the project root:
 *
 *   rules:                      # per rule: off | error | warning | info
 *     print-instead-of-logging: off
 *     missing-liveness-probe: info
 *   categories:                 # per category, same values; a rule entry wins over its category
 *     observability: warning
 *   ignore:                     # globs relative to the config file's folder
 *     - legacy/**
 *     - "**\/*.dev.yml"
 *   failLevel: warning          # CLI exit code 1 at or above this level (error | warning | info)
 *   maxFileSize: 2097152        # bytes; larger files are skipped with a notice
 *
 * Parsing is total: unknown keys and bad values become error messages, never exceptions.
 * The CLI finds the file by walking up from each target folder (`discoverConfig`); `--config`
 * names one explicitly. Any error in it stops the CLI with exit code 2.
 */
export type RuleSetting = Severity | 'off';

export interface ProjectConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly categories: Readonly<Partial<Record<Category, RuleSetting>>>;
  readonly ignore: readonly string[];
  readonly failLevel: Severity;
  readonly maxFileSize?: number;
}

export const CONFIG_FILE_NAMES = ['.ai-teacher.yml', '.ai-teacher.yaml', '.ai-teacher.json'] as const;

export const EMPTY_CONFIG: ProjectConfig = Object.freeze({ rules: {}, categories: {}, ignore: [], failLevel: 'warning' as Severity });

const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

export function parseConfig(text: string, fileName: string, knownRules?: ReadonlySet<string>): { config: ProjectConfig; errors: string[] } {
  const errors: string[] = [];
  let raw: unknown;
  try {
    raw = fileName.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    return { config: EMPTY_CONFIG, errors: [`${fileName}: cannot parse: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (raw === null || raw === undefined) return { config: EMPTY_CONFIG, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config: EMPTY_CONFIG, errors: [`${fileName}: the top level must be a mapping`] };
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!['rules', 'categories', 'ignore', 'failLevel', 'maxFileSize'].includes(key)) errors.push(`${fileName}: unknown key "${key}"`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(asRecord(input.rules, 'rules', fileName, errors))) {
    if (knownRules && !knownRules.has(id)) errors.push(`${fileName}: unknown rule "${id}"`);
    else if (SETTINGS.includes(value as RuleSetting)) rules[id] = value as RuleSetting;
    else errors.push(`${fileName}: rules.${id} must be one of ${SETTINGS.join(', ')}`);
  }
  const categories: Partial<Record<Category, RuleSetting>> = {};
  for (const [name, value] of Object.entries(asRecord(input.categories, 'categories', fileName, errors))) {
    if (!(CATEGORIES as readonly string[]).includes(name)) errors.push(`${fileName}: unknown category "${name}" (known: ${CATEGORIES.join(', ')})`);
    else if (SETTINGS.includes(value as RuleSetting)) categories[name as Category] = value as RuleSetting;
    else errors.push(`${fileName}: categories.${name} must be one of ${SETTINGS.join(', ')}`);
  }
  const ignore: string[] = [];
  if (input.ignore !== undefined) {
    if (Array.isArray(input.ignore) && input.ignore.every((g) => typeof g === 'string')) ignore.push(...(input.ignore as string[]));
    else errors.push(`${fileName}: ignore must be a list of glob strings`);
  }
  let failLevel: Severity = 'warning';
  if (input.failLevel !== undefined) {
    if (input.failLevel === 'error' || input.failLevel === 'warning' || input.failLevel === 'info') failLevel = input.failLevel;
    else errors.push(`${fileName}: failLevel must be error, warning or info`);
  }
  let maxFileSize: number | undefined;
  if (input.maxFileSize !== undefined) {
    if (typeof input.maxFileSize === 'number' && input.maxFileSize > 0) maxFileSize = input.maxFileSize;
    else errors.push(`${fileName}: maxFileSize must be a positive number of bytes`);
  }
  return { config: Object.freeze({ rules, categories, ignore, failLevel, maxFileSize }), errors };
}

function asRecord(value: unknown, key: string, fileName: string, errors: string[]): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  errors.push(`${fileName}: ${key} must be a mapping`);
  return {};
}

/** The effective severity of a rule under a config, or 'off'. */
/** What the config itself says for a rule: its own entry, else its category's; undefined when silent. */
export function configuredSetting(config: ProjectConfig, ruleId: string, category: Category): RuleSetting | undefined {
  return config.rules[ruleId] ?? config.categories[category];
}

export function effectiveSetting(config: ProjectConfig, ruleId: string, category: Category, fallback: Severity): RuleSetting {
  return configuredSetting(config, ruleId, category) ?? fallback;
}

/** A config's compiled ignore globs: the editor asks on every save with the same (cached) config object. */
const matchers = new WeakMap<ProjectConfig, (relativePath: string) => boolean>();

/** A matcher for the config's ignore globs, on paths relative to the config's folder (forward slashes). */
export function ignoreMatcher(config: ProjectConfig): (relativePath: string) => boolean {
  let matcher = matchers.get(config);
  if (!matcher) {
    const match = config.ignore.length === 0 ? undefined : picomatch(config.ignore as string[], { dot: true });
    matcher = match ? (relativePath) => match(relativePath.replace(/\\/g, '/')) : () => false;
    matchers.set(config, matcher);
  }
  return matcher;
}

/** A config file read from disk, with the folder its ignore globs are relative to. */
export interface LoadedConfig {
  readonly config: ProjectConfig;
  /** The config file, or undefined when none was found (defaults apply). */
  readonly file?: string;
  readonly dir: string;
  readonly errors: readonly string[];
}

/**
 * The nearest config file at or above `startDir` (ruff and eslint discover theirs the same way).
 * The first name in CONFIG_FILE_NAMES wins when a folder holds several.
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and validates a config file; a missing or unreadable file is an error, not an exception. */
export function loadConfigFile(file: string, knownRules?: ReadonlySet<string>): LoadedConfig {
  const absolute = path.resolve(file);
  // Bounded, regular files only: `--config /dev/zero` or a FIFO must not hang or balloon.
  const read = readSourceFile(absolute, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const reason = read.notice.code === 'not-found' ? 'no such file' : read.notice.message.replace(/^cannot read: /, '');
    return { config: EMPTY_CONFIG, file: absolute, dir: path.dirname(absolute), errors: [`${file}: cannot read the config: ${reason}`] };
  }
  const { config, errors } = parseConfig(Buffer.from(read.bytes).toString('utf8'), file, knownRules);
  return { config, file: absolute, dir: path.dirname(absolute), errors };
}

/** The config that applies to files under `startDir`: the discovered file, or the defaults. */
export function discoverConfig(startDir: string, knownRules?: ReadonlySet<string>): LoadedConfig {
  const file = findConfigFile(startDir);
  return file ? loadConfigFile(file, knownRules) : { config: EMPTY_CONFIG, dir: path.resolve(startDir), errors: [] };
}
