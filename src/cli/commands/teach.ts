import * as path from 'node:path';
import { LintEngine } from '../../language/engine';
import { NOT_REGULAR_CODES, readSourceFile } from '../../language/source';
import { offlineTeacher } from '../../teacher/offline';
import { EXIT_OK, UsageError, type CliIo } from '../command';
import { ConfigResolver } from '../configs';
import { commandHelp, parseOptions, resolveLang } from '../options';
import { wasmLocations } from '../wasm';

export const HELP = commandHelp(
  'ai-teacher teach <file> [--lang ko|en]',
  `Prints the offline teacher's review of one file as Markdown: an acknowledgement, questions by
theme with line numbers, a TODO scaffold and an invitation. Deterministic; no network, no model.
A file the checks skip (binary, too large, a Helm template) gets a note saying why, never a review.`,
  {},
);

/** `ai-teacher teach <file> [--lang ko|en]`: the offline teacher's review as Markdown. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {});
  const lang = resolveLang(values.lang, io.env);
  if (positionals.length === 0) throw new UsageError({ ko: '검토할 파일을 지정하세요: ai-teacher teach <file>', en: 'which file? ai-teacher teach <file>' });
  if (positionals.length > 1) throw new UsageError({ ko: 'teach 는 한 번에 파일 하나를 검토합니다', en: 'teach reviews one file at a time' });
  const given = positionals[0];
  const file = path.resolve(io.cwd, given);
  const shown = (path.isAbsolute(given) ? file : path.relative(io.cwd, file) || given).split(path.sep).join('/');
  const engine = await LintEngine.create(wasmLocations());
  const config = new ConfigResolver(io.cwd, new Set(engine.rules.map((r) => r.id)), undefined).forTarget(file);
  const read = readSourceFile(file, config.config.maxFileSize, lang);
  if (!read.ok && (read.notice.kind === 'unreadable' || NOT_REGULAR_CODES.has(read.notice.code ?? '')))
    throw new UsageError({ ko: `${given} 을(를) 읽을 수 없습니다: ${read.notice.message}`, en: `cannot read ${given}: ${read.notice.message}` });
  const result = read.ok ? engine.lintBytes(file, read.bytes, { lang, config: config.config }) : { path: file, findings: [], notices: [read.notice] };
  const text = read.ok ? Buffer.from(read.bytes).toString('utf8') : '';
  const response = offlineTeacher({ intent: 'review', lang, message: '', review: { path: shown, text, result }, profile: {}, history: [] });
  io.stdout(response.markdown);
  return EXIT_OK;
}
