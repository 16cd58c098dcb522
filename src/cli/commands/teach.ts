import * as path from 'node:path';
import { LintEngine } from '../../language/engine';
import { fileStatus } from '../../language/notices';
import { NOT_REGULAR_CODES, readSourceFile } from '../../language/source';
import type { EngineNotice, Lang } from '../../language/types';
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
  if (!read.ok && (read.notice.kind === 'unreadable' || NOT_REGULAR_CODES.has(read.notice.code ?? ''))) throw new UsageError({ ko: `${given} 을(를) 읽을 수 없습니다: ${read.notice.message}`, en: `cannot read ${given}: ${read.notice.message}` });
  const result = read.ok ? engine.lintBytes(file, read.bytes, { lang, config: config.config }) : { path: file, findings: [], notices: [read.notice] };
  if (fileStatus(result) === 'skipped') {
    // Never a review, let alone praise, for a file nobody checked.
    io.stdout(notReviewed(shown, result.notices.find((n) => n.kind === 'skipped'), lang));
    return EXIT_OK;
  }
  const text = read.ok ? Buffer.from(read.bytes).toString('utf8') : '';
  const response = offlineTeacher({ intent: 'review', lang, message: '', review: { path: shown, text, result }, profile: {}, history: [] });
  io.stdout(response.markdown);
  return EXIT_OK;
}

function notReviewed(shown: string, notice: EngineNotice | undefined, lang: Lang): string {
  const reason = notice?.message ?? '';
  return lang === 'ko'
    ? `\`${shown}\` 파일은 검토하지 못했어요: ${reason}.\n\n검사하지 않은 파일이라 드릴 질문도, 칭찬도 아직 없어요. 검사할 수 있는 Python이나 YAML 파일로 다시 불러 주세요.\n`
    : `I could not review \`${shown}\`: ${reason}.\n\nNothing in it was checked, so I have no questions (and no praise) for it yet. Point me at a Python or YAML file the checks can read.\n`;
}
