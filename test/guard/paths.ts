import '../helpers/fake-vscode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProgressStore, WeekStatus } from '../../src/curriculum/types';
import type { Lang, LintResult, Range, WeekRef } from '../../src/language/types';
import type { ToWebview } from '../../src/shared/protocol';
import { Conversation } from '../../src/teacher/conversation';
import { emptyMemory, type LearnerMemory } from '../../src/teacher/memory';
import { handleChatRequest, type ChatDeps, type ReviewSource } from '../../src/vscode/chat/handler';
import { PARTICIPANT_ID } from '../../src/vscode/ids';
import { answerMessages } from '../../src/teacher/model-messages';
import { PanelController } from '../../src/vscode/panel/controller';
import type { PanelHost } from '../../src/vscode/panel/host';
import { runIn } from '../helpers/cli';
import { COURSE } from '../helpers/course';
import { ROOT, engine } from '../helpers/engine';
import { fake } from '../helpers/fake-vscode';
// Loaded after the fake is installed: the service imports `vscode` at runtime.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TeacherService } = require('../../src/vscode/teacher/service') as typeof import('../../src/vscode/teacher/service');

/**
 * The real surfaces, driven the way the editor drives them: the teacher panel's controller
 * (as the webview posts to it) and the chat participant's handler (as VS Code calls it), both
 * over the conversation core and the real TeacherService with its OpenAI-compatible backend
 * pointed at the leaky server. Only the editor itself is faked (settings, global state). What
 * comes back is what the learner saw, turn by turn.
 */
export interface LearnerFile {
  readonly path: string;
  readonly languageId: string;
  readonly text: string;
}

export interface Talk {
  /** The leaky server's scenario (sent as the model name). */
  readonly scenario: string;
  readonly baseUrl: string;
  readonly lang: Lang;
  readonly file: LearnerFile;
  /** The learner's messages, one per turn. */
  readonly prompts: readonly string[];
}

export interface Shown {
  /** Per turn: everything that was on the learner's screen (streamed pieces and the final answer). */
  readonly turns: readonly string[];
  /** Per turn: the final answer as the surface keeps it (what goes into the next turn's history). */
  readonly finals: readonly string[];
  readonly guarded: boolean;
}

export type Path = 'panel' | 'participant' | 'cli' | 'lm-model';

/** An extension folder whose dist/ holds the grammars, as the packaged extension's does. */
let extensionPath: string | undefined;
function extensionFolder(): string {
  if (extensionPath) return extensionPath;
  extensionPath = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-ext-'));
  const dist = path.join(extensionPath, 'dist');
  fs.mkdirSync(dist);
  const modules = path.join(ROOT, 'node_modules');
  fs.copyFileSync(path.join(modules, 'web-tree-sitter', 'web-tree-sitter.wasm'), path.join(dist, 'web-tree-sitter.wasm'));
  fs.copyFileSync(path.join(modules, 'tree-sitter-python', 'tree-sitter-python.wasm'), path.join(dist, 'tree-sitter-python.wasm'));
  fs.copyFileSync(path.join(modules, '@tree-sitter-grammars', 'tree-sitter-yaml', 'tree-sitter-yaml.wasm'), path.join(dist, 'tree-sitter-yaml.wasm'));
  return extensionPath;
}

const services = new Map<Lang, InstanceType<typeof TeacherService>>();
/** One service per language, as in one editor session; settings are read per request. */
function service(lang: Lang): InstanceType<typeof TeacherService> {
  let s = services.get(lang);
  if (!s) {
    const secrets = new Map<string, string>();
    const context = {
      extensionPath: extensionFolder(),
      secrets: { get: async (k: string) => secrets.get(k), store: async (k: string, v: string) => void secrets.set(k, v), delete: async (k: string) => void secrets.delete(k) },
      globalState: { get: () => undefined, update: async () => undefined },
      subscriptions: [],
    };
    const log = () => undefined;
    s = new TeacherService(context as never, { info: log, warn: log, error: log, debug: log, trace: log } as never, () => lang);
    services.set(lang, s);
  }
  return s;
}

function configure(conversation: Talk): void {
  fake.trusted = true;
  fake.config.set('teacher.backend', 'openai');
  fake.config.set('openai.baseUrl', conversation.baseUrl);
  fake.config.set('openai.model', conversation.scenario);
  fake.config.set('privacy.allowRemoteModel', false);
}

async function lint(file: LearnerFile, lang: Lang): Promise<LintResult> {
  return (await engine()).lintText(file.path, file.text, { lang });
}

/** The conversation core as `teacherConversation` composes it in the editor, for a new learner. */
function conversationFor(conversation: Pick<Talk, 'lang'>, progress: Progress): { core: Conversation; memory: () => LearnerMemory } {
  let memory = emptyMemory();
  const core = new Conversation({
    teacher: service(conversation.lang),
    langSetting: () => 'auto',
    displayLang: () => conversation.lang,
    curriculum: async () => COURSE,
    progress,
    profile: () => ({ level: 'beginner' }),
    saveProfile: async () => undefined,
    memory: { get: () => memory, set: async (m) => void (memory = m) },
  });
  return { core, memory: () => memory };
}
class Progress implements ProgressStore {
  private readonly statuses = new Map<WeekRef, WeekStatus>();
  status(week: WeekRef): WeekStatus {
    return this.statuses.get(week) ?? 'not-started';
  }
  async setStatus(week: WeekRef, status: WeekStatus): Promise<void> {
    this.statuses.set(week, status);
  }
  current(): WeekRef | undefined {
    return 'beginner/1';
  }
  async setCurrent(): Promise<void> {}
}

/** The panel: the webview's `ask` messages into the real controller; chunks and the final answer out. */
export async function viaPanel(conversation: Talk): Promise<Shown> {
  configure(conversation);
  const teacher = service(conversation.lang);
  const result = await lint(conversation.file, conversation.lang);
  const posted: ToWebview[] = [];
  const noop = async () => undefined;
  const progress = new Progress();
  const { core, memory } = conversationFor(conversation, progress);
  const host: PanelHost = {
    lang: () => conversation.lang,
    conversation: core,
    memory,
    copyText: noop,
    insertCode: noop,
    activeFile: () => ({
      uri: `file:///w/${conversation.file.path}`,
      name: conversation.file.path,
      path: conversation.file.path,
      languageId: conversation.file.languageId,
      text: conversation.file.text,
      result,
    }),
    lintActive: async () => result,
    rule: async (id) => (await engine()).rule(id),
    curriculum: async () => COURSE,
    progress,
    teacher,
    insertScaffold: noop,
    goToLine: noop,
    startWeek: noop,
    continueWeek: noop,
    selectBackend: noop,
    showError: () => undefined,
    post: (message) => void posted.push(message),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  const controller = new PanelController(host);
  const history: { role: 'learner' | 'teacher'; text: string }[] = [];
  const turns: string[] = [];
  const finals: string[] = [];
  let guarded = false;
  for (const [i, prompt] of conversation.prompts.entries()) {
    const id = `m${i}`;
    posted.length = 0;
    await controller.handle({ type: 'ask', id, text: prompt, intent: 'chat', history: [...history] });
    const streamed = posted.flatMap((m) => (m.type === 'chatChunk' && m.id === id ? [m.markdown] : [])).join('');
    const end = posted.find((m): m is Extract<ToWebview, { type: 'chatEnd' }> => m.type === 'chatEnd' && m.id === id);
    const final = end?.markdown || streamed;
    guarded ||= end?.guarded === true;
    turns.push(`${streamed}\n\n${final}`);
    finals.push(final);
    history.push({ role: 'learner', text: prompt }, { role: 'teacher', text: final });
  }
  controller.dispose();
  return { turns, finals, guarded };
}

/** The chat participant: the real handler as VS Code calls it, with its history of both sides. */
export async function viaParticipant(conversation: Talk): Promise<Shown> {
  configure(conversation);
  const result = await lint(conversation.file, conversation.lang);
  const source: ReviewSource = { uri: `file:///w/${conversation.file.path}`, target: { path: conversation.file.path, text: conversation.file.text, result } };
  const { core } = conversationFor(conversation, new Progress());
  const deps: ChatDeps = {
    conversation: core,
    lang: () => conversation.lang,
    reviewSources: async () => [source],
    location: (uri: unknown, range: Range) => ({ uri, range }),
    modelClient: () => undefined,
  };
  const history: unknown[] = [];
  const turns: string[] = [];
  const finals: string[] = [];
  let guarded = false;
  for (const prompt of conversation.prompts) {
    const slash = /^\/(\w+)\s*(.*)$/.exec(prompt);
    const command = slash?.[1];
    const text = slash ? slash[2] : prompt;
    let markdown = '';
    const stream = { markdown: (v: string) => void (markdown += v), anchor: () => undefined, button: () => undefined, progress: () => undefined };
    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
    await handleChatRequest(deps, { prompt: text, command, references: [] }, { history: [...history] }, stream, token);
    guarded ||= markdown.includes('🛡️');
    turns.push(markdown);
    finals.push(markdown);
    history.push({ participant: PARTICIPANT_ID, prompt: text, command, references: [] }, { participant: PARTICIPANT_ID, response: [{ value: { value: markdown } }], result: {} });
  }
  return { turns, finals, guarded };
}

/**
 * The command line: `ai-teacher ask --backend openai` turn by turn through the CLI's own entry
 * (`runCli`, what `dist/cli.js` calls with the process's arguments), the conversation kept in
 * its `--session` file and the learner's file next to it. In-process, so the matrix stays fast.
 */
export async function viaCli(conversation: Talk): Promise<Shown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-cli-'));
  try {
    fs.writeFileSync(path.join(dir, conversation.file.path), conversation.file.text);
    const turns: string[] = [];
    for (const prompt of conversation.prompts) {
      const args = [
        'ask',
        prompt,
        '--file',
        conversation.file.path,
        '--lang',
        conversation.lang,
        '--session',
        'session.json',
        '--backend',
        'openai',
        '--base-url',
        conversation.baseUrl,
        '--model',
        conversation.scenario,
      ];
      const run = await runIn(dir, args);
      if (run.code !== 0) throw new Error(`ai-teacher ask exited ${run.code}: ${run.err}`);
      turns.push(run.out);
    }
    return { turns, finals: turns, guarded: turns.some((t) => t.includes('🛡️')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The extension's own language model ("AI Teacher (offline)", what the Chat view and agent mode
 * call): the real `answerMessages` over the service's teacher without the editor's models, with
 * the OpenAI-compatible endpoint configured. The first message carries the learner's file as a
 * fenced block, as a chat that attaches it does; the later ones carry the conversation so far.
 */
export async function viaLanguageModel(conversation: Talk): Promise<Shown> {
  configure(conversation);
  const teacher = service(conversation.lang).withoutEditorModels();
  const deps = {
    teacher,
    lang: () => conversation.lang,
    lint: async (code: { path: string; text: string }, lang: Lang) => (await engine()).lintText(code.path, code.text, { lang }),
    course: async () => ({ curriculum: COURSE, statuses: {}, current: 'beginner/1' as const }),
  };
  const messages: { role: 'user' | 'assistant'; text: string }[] = [];
  const turns: string[] = [];
  for (const [i, prompt] of conversation.prompts.entries()) {
    messages.push({ role: 'user', text: i === 0 ? `${prompt}\n\n\`\`\`${conversation.file.languageId}\n${conversation.file.text}\`\`\`` : prompt });
    let shown = '';
    await answerMessages(deps, messages, (piece) => void (shown += piece));
    turns.push(shown);
    messages.push({ role: 'assistant', text: shown });
  }
  return { turns, finals: turns, guarded: turns.some((t) => t.includes('🛡️')) };
}

export const PATHS: Readonly<Record<Path, (c: Talk) => Promise<Shown>>> = { panel: viaPanel, participant: viaParticipant, cli: viaCli, 'lm-model': viaLanguageModel };
