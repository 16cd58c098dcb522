import * as fs from 'node:fs';
import * as path from 'node:path';
import { normaliseMistakes, type MistakeLog } from '../../curriculum/progress';
import type { WeekStatus } from '../../curriculum/types';
import { LintEngine } from '../../language/engine';
import { readSourceFile } from '../../language/source';
import type { Lang, WeekRef } from '../../language/types';
import { TeacherCore } from '../../teacher/backends/gateway';
import { isLoopbackUrl } from '../../teacher/backends/loopback';
import { createOpenAIClient } from '../../teacher/backends/openai';
import { DEFAULT_BASE_URL, DEFAULT_MODEL } from '../../teacher/backends/settings';
import { Conversation } from '../../teacher/conversation';
import { emptyMemory, normaliseMemory, type LearnerMemory } from '../../teacher/memory';
import type { ChatTurn, LearnerProfile } from '../../teacher/types';
import type { ConversationFile } from '../../teacher/turn';
import { answerLanguage } from '../../teacher/intent';
import { EXIT_OK, UsageError, type CliIo } from '../command';
import { commandHelp, oneOf, parseOptions, resolveLang, type OptionTable } from '../options';
import { loadLineParser } from '../../teacher/guard-parser';
import { wasmLocations } from '../wasm';
import { loadShippedCurriculum } from './weeks';

/**
 * `ai-teacher ask <question>`: the conversation core in a terminal. `--session FILE` keeps the
 * whole conversation (both sides), the learner's memory (attempts, hint focus, reviews), the
 * mistake log and the profile in one JSON file across calls. With `--backend openai` every answer
 * passes the same gateway and no-solution guard as the editor; the key comes from
 * OPENAI_API_KEY only, and nothing goes to a non-loopback endpoint without `--allow-remote`.
 */

const OPTIONS = {
  file: { type: 'string', value: 'F', help: 'a Python or YAML file the question is about (linted here; sent to a model only with --backend openai)' },
  session: { type: 'string', value: 'FILE', help: 'keep the conversation, hint attempts and mistakes in this JSON file across calls' },
  json: { type: 'boolean', help: 'print {answer, lang, topics, source} as JSON' },
  backend: { type: 'string', value: 'offline|openai', help: 'who answers (default: offline)' },
  'base-url': { type: 'string', value: 'URL', help: 'OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else a local Ollama)' },
  model: { type: 'string', value: 'NAME', help: 'model name for --backend openai' },
  'allow-remote': { type: 'boolean', help: 'allow sending the question and file to a non-loopback endpoint' },
} as const satisfies OptionTable;

export const HELP = commandHelp(
  'ai-teacher ask <question> [options]',
  `Asks the teacher a question in a terminal, through the same conversation core and no-solution
guard as the editor. The key for --backend openai comes from OPENAI_API_KEY only.`,
  OPTIONS,
);

const MAX_SESSION_BYTES = 16 * 1024 * 1024;
const SESSION_KIND = 'ai-teacher-session';

/** What `--session` keeps between calls. */
export interface Session {
  readonly kind: typeof SESSION_KIND;
  readonly version: 1;
  readonly history: readonly ChatTurn[];
  readonly memory: LearnerMemory;
  readonly mistakes: MistakeLog;
  readonly profile: LearnerProfile;
  readonly statuses: Readonly<Record<string, WeekStatus>>;
  readonly current?: WeekRef;
}

export function emptySession(): Session {
  return { kind: SESSION_KIND, version: 1, history: [], memory: emptyMemory(), mistakes: {}, profile: {}, statuses: {} };
}

/** Reads a session file; a missing file is a new session, anything that is not ours is refused (never overwritten). */
export function readSession(file: string): Session {
  let raw: string;
  try {
    if (fs.statSync(file).size > MAX_SESSION_BYTES) throw new UsageError(`session file ${file} is larger than ${MAX_SESSION_BYTES} bytes`);
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptySession();
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read session file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new UsageError(`${file} is not a session file (invalid JSON); choose another path, it will not be overwritten`);
  }
  if (value?.kind !== SESSION_KIND) throw new UsageError(`${file} is not an ai-teacher session file; choose another path, it will not be overwritten`);
  const history = Array.isArray(value.history) ? value.history.filter((t): t is ChatTurn => (t?.role === 'learner' || t?.role === 'teacher') && typeof t?.text === 'string') : [];
  const statuses = typeof value.statuses === 'object' && value.statuses !== null ? (value.statuses as Record<string, WeekStatus>) : {};
  const profile = typeof value.profile === 'object' && value.profile !== null ? (value.profile as LearnerProfile) : {};
  const current = typeof value.current === 'string' ? (value.current as WeekRef) : undefined;
  return {
    kind: SESSION_KIND,
    version: 1,
    history,
    memory: normaliseMemory(value.memory),
    mistakes: normaliseMistakes(value.mistakes),
    profile,
    statuses,
    ...(current ? { current } : {}),
  };
}

/** Writes next to the target and renames, so an interrupted write never leaves half a session. */
export function writeSession(file: string, session: Session): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(session)}\n`);
  fs.renameSync(temp, file);
}

async function lintFile(file: string, cwd: string, lang: Lang): Promise<ConversationFile> {
  const absolute = path.resolve(cwd, file);
  const read = readSourceFile(absolute, undefined, lang);
  if (!read.ok) throw new UsageError({ ko: `${file} 을(를) 읽을 수 없습니다: ${read.notice.message}`, en: `cannot read ${file}: ${read.notice.message}` });
  const bytes = Buffer.from(read.bytes);
  const engine = await LintEngine.create(wasmLocations());
  const result = engine.lintBytes(absolute, bytes, { lang });
  const display = (path.relative(cwd, absolute) || file).split(path.sep).join('/');
  return { path: display, text: bytes.toString('utf8'), result: { ...result, path: display } };
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError({ ko: '질문을 입력하세요: ai-teacher ask <question>', en: 'missing <question> (try: ai-teacher ask "why is pickle risky?")' });
  const fixed = oneOf('lang', values.lang, ['ko', 'en'] as const);
  const display = resolveLang(fixed, io.env);
  const backend = oneOf('backend', values.backend, ['offline', 'openai'] as const) ?? 'offline';
  const baseUrl = values['base-url'] ?? io.env.OPENAI_BASE_URL ?? DEFAULT_BASE_URL;
  if (backend === 'openai' && !/^https?:\/\//i.test(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL (got "${baseUrl}")`);
  const allowRemote = values['allow-remote'] === true;
  const session = values.session ? readSession(path.resolve(io.cwd, values.session)) : emptySession();
  const files = values.file ? [await lintFile(values.file, io.cwd, answerLanguage(fixed ?? 'auto', display, question))] : [];

  let state = session;
  const teacher = new TeacherCore({
    mode: () => backend,
    sources: [
      {
        id: 'openai',
        resolve: async () => ({ client: createOpenAIClient({ baseUrl, model: values.model ?? DEFAULT_MODEL, apiKey: io.env.OPENAI_API_KEY, allowRemote }) }),
      },
    ],
    log: (message) => io.stderr(`ai-teacher ask: ${message}\n`),
    // The guard reads code with the same tree-sitter Python grammar as the editor.
    parser: () => loadLineParser(wasmLocations()),
  });
  if (backend === 'openai' && !allowRemote && !isLoopbackUrl(baseUrl))
    io.stderr(`ai-teacher ask: ${baseUrl} is not on this machine; without --allow-remote nothing is sent there and the offline teacher answers\n`);
  const conversation = new Conversation({
    teacher,
    langSetting: () => fixed ?? 'auto',
    displayLang: () => display,
    curriculum: async () => loadShippedCurriculum(io.stderr),
    progress: {
      status: (week) => state.statuses[week] ?? 'not-started',
      setStatus: async (week, status) => void (state = { ...state, statuses: { ...state.statuses, [week]: status } }),
      current: () => state.current,
      mistakes: () => state.mistakes,
      setMistakes: async (log) => void (state = { ...state, mistakes: log }),
    },
    profile: () => state.profile,
    saveProfile: async (profile) => void (state = { ...state, profile }),
    memory: { get: () => state.memory, set: async (memory) => void (state = { ...state, memory }) },
  });
  const result = await conversation.respond({ text: question }, { history: session.history, files });
  if (values.session) {
    writeSession(path.resolve(io.cwd, values.session), {
      ...state,
      history: [...session.history, { role: 'learner', text: question }, { role: 'teacher', text: result.markdown }],
    });
  }
  if (values.json) io.stdout(`${JSON.stringify({ answer: result.markdown, lang: result.lang, topics: result.topics, source: result.response.backend })}\n`);
  else io.stdout(result.markdown.endsWith('\n') ? result.markdown : `${result.markdown}\n`);
  return EXIT_OK;
}
