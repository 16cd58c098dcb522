import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../language/types';
import { UsageError } from './command';

/** `node:util` parseArgs, with its errors turned into usage errors (exit code 2). */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
}

/** Picks one of a closed set of values, or explains which values are allowed. */
export function oneOf<V extends string>(flag: string, value: string | undefined, allowed: readonly V[]): V | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as V;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** --lang wins; otherwise a Korean locale in the environment means Korean, anything else English. */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  const chosen = oneOf('lang', flag, ['ko', 'en'] as const);
  if (chosen) return chosen;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
