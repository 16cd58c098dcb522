import * as fs from 'node:fs';
import * as path from 'node:path';
import { LintEngine } from '../../language/engine';
import type { Lang } from '../../language/types';
import { offlineTeacher } from '../../teacher/offline';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../command';
import { resolveLang } from '../options';
import { wasmLocations } from '../wasm';

/**
 * `ai-teacher teach <file> [--lang ko|en]`: the offline teacher's review as Markdown on stdout,
 * so a class can post it on a pull request from CI. Deterministic; no network, no model.
 */

const USAGE = 'usage: ai-teacher teach <file> [--lang ko|en]\n';


/** `lang` is undefined unless `--lang` was given; the caller falls back to the locale. */
export function parseTeachArgs(args: readonly string[]): { file?: string; lang?: Lang; error?: string } {
  let lang: Lang | undefined;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg === '--lang' ? args[++i] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined || arg === '--lang') {
      if (value !== 'ko' && value !== 'en') return { lang, error: `--lang must be ko or en (got ${value ?? 'nothing'})` };
      lang = value;
    } else if (arg.startsWith('-')) return { lang, error: `unknown option ${arg}` };
    else if (file) return { lang, error: 'teach reviews one file at a time' };
    else file = arg;
  }
  return file ? { file, lang } : { lang, error: 'missing <file>' };
}

/** `ai-teacher teach <file> [--lang ko|en]`: the offline teacher's review as Markdown. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseTeachArgs(args);
  if (parsed.error || !parsed.file) {
    io.stderr(`ai-teacher teach: ${parsed.error}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const lang = resolveLang(parsed.lang, io.env);
  const file = path.resolve(io.cwd, parsed.file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    io.stderr(`ai-teacher teach: cannot read ${parsed.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_USAGE;
  }
  const engine = await LintEngine.create(wasmLocations());
  const result = engine.lintBytes(file, bytes, { lang });
  const text = bytes.toString('utf8');
  const displayPath = path.relative(io.cwd, file) || parsed.file;
  const response = offlineTeacher({ intent: 'review', lang, message: '', review: { path: displayPath.split(path.sep).join('/'), text, result }, profile: {}, history: [] });
  io.stdout(response.markdown);
  return EXIT_OK;
}
