import { parseArgs } from 'node:util';
import type { Lang, Localized } from '../language/types';
import { UsageError } from './command';

/**
 * Every command declares its options as one table; parsing, the help text and the usage errors
 * all come from it, so adding an option (say `--no-cache`) is one row. `--help`/`-h` and
 * `--lang` are added to every table by `parseOptions`.
 */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** How the value is shown in the help (`text|json|sarif`, `FILE`, `N`). */
  readonly value?: string;
  readonly help: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export const COMMON_OPTIONS = {
  lang: { type: 'string', value: 'ko|en', help: 'language of the output (default: from LANG/LC_ALL)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies OptionTable;

type Values<T extends OptionTable> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/**
 * `node:util` parseArgs over the table plus the common options, strict: an unknown option, a
 * missing value or an extra argument is a usage error (exit code 2) with a one-line reason.
 */
export function parseOptions<T extends OptionTable>(
  args: readonly string[],
  table: T,
  maxPositionals = Infinity,
): { values: Values<T & typeof COMMON_OPTIONS>; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries<OptionSpec>({ ...COMMON_OPTIONS, ...table })) options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: maxPositionals > 0, strict: true });
  } catch (error) {
    throw parseError(error as Error & { code?: string });
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw new UsageError({ ko: `남는 인자가 있습니다: "${extra}"`, en: `unexpected argument "${extra}"` });
  }
  return { values: parsed.values as Values<T & typeof COMMON_OPTIONS>, positionals: parsed.positionals };
}

function parseError(error: Error & { code?: string }): UsageError {
  const option = /'(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError({ ko: `알 수 없는 옵션입니다: ${option}`, en: `unknown option ${option}` });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(error.message)
        ? new UsageError({ ko: `${option} 옵션은 값을 받지 않습니다`, en: `${option} takes no value` })
        : new UsageError({ ko: `${option} 옵션에 값이 필요합니다`, en: `${option} needs a value` });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']*)'/.exec(error.message)?.[1] ?? '';
      return new UsageError({ ko: `인자를 받지 않는 명령입니다: "${argument}"`, en: `unexpected argument "${argument}"` });
    }
    default:
      return new UsageError(error.message);
  }
}

/** The help of one command: usage line, what it does, then the option table. */
export function commandHelp(usage: string, about: string, table: OptionTable, footer = ''): string {
  const rows = Object.entries<OptionSpec>({ ...table, ...COMMON_OPTIONS }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return [flag, spec.help] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const options = rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help.replace(/\n/g, `\n  ${''.padEnd(width)}  `)}`).join('\n');
  return `Usage: ${usage}\n\n${about.trim()}\n\nOptions:\n${options}\n${footer ? `\n${footer.trim()}\n` : ''}`;
}

/** Picks one of a closed set of values, or explains which values are allowed. */
export function oneOf<V extends string>(flag: string, value: string | undefined, allowed: readonly V[]): V | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as V;
  throw new UsageError({
    ko: `--${flag} 값은 ${allowed.join(', ')} 중 하나여야 합니다 (받은 값: "${value}")`,
    en: `--${flag} must be one of ${allowed.join(', ')} (got "${value}")`,
  });
}

/** A whole number of at least `min`, or a usage error that says so. */
export function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value) && Number(value) >= min) return Number(value);
  throw new UsageError({ ko: `--${flag} 값은 ${min} 이상의 정수여야 합니다 (받은 값: "${value}")`, en: `--${flag} must be a whole number of at least ${min} (got "${value}")` });
}

/** --lang wins; otherwise a Korean locale in the environment means Korean, anything else English. */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  const chosen = oneOf('lang', flag, ['ko', 'en'] as const);
  if (chosen) return chosen;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/**
 * The language for a message printed before the options are parsed (or because they could not
 * be): a well-formed `--lang` among the arguments, else the locale.
 */
export function guessLang(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === '--lang' ? args[i + 1] : args[i].startsWith('--lang=') ? args[i].slice('--lang='.length) : undefined;
    if (value === 'ko' || value === 'en') return value;
  }
  return resolveLang(undefined, env);
}

export function localize(text: Localized | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
