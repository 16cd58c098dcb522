import type { Checkpoint, Curriculum, ProgressStore, WeekStatus } from '../../curriculum/types';
import type { Finding, Lang, LintResult, RuleMeta, WeekRef } from '../../language/types';
import type { LearnerProfile, TeacherGateway, TeacherRequest, TeacherResponse } from '../../teacher/types';
import { PANEL_STRINGS, format } from '../../shared/panel-strings';
import { INTENTS, describeRejected, parseToExtension, type PanelIntent, type ReviewView, type SentView, type ToExtension, type ToWebview } from '../../shared/protocol';
import { interpretPrompt, parseOpenArgs, parseRulePrompt } from './requests';
import { parseWeekArgs } from '../../curriculum/progress';
import { buildCards, buildCurriculumView } from './view-model';

/**
 * The teacher panel's logic, without `vscode`: the provider injects a host that does the editor
 * work, and forwards the webview's raw messages to `handle`. This keeps every decision testable
 * with fakes in plain Node.
 */

/** The document the Review section follows. */
export interface ActiveFile {
  readonly uri: string;
  /** Display name (file name). */
  readonly name: string;
  /** Workspace-relative path, given to the teacher. */
  readonly path: string;
  readonly languageId: string;
  readonly text: string;
  /** The latest lint result, when the document was linted. */
  readonly result?: LintResult;
}

export interface PanelLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface PanelHost {
  lang(): Lang;
  activeFile(): ActiveFile | undefined;
  /** Lints the active document now (when it has no result yet). */
  lintActive(): Promise<LintResult | undefined>;
  rule(id: string): Promise<RuleMeta | undefined>;
  curriculum(): Promise<Curriculum>;
  readonly progress: ProgressStore;
  readonly teacher: TeacherGateway;
  insertScaffold(uri: string, finding: Finding): Promise<void>;
  goToLine(uri: string, finding: Finding): Promise<void>;
  startWeek(track: string, week: number): Promise<void>;
  continueWeek(): Promise<void>;
  selectBackend(): Promise<void>;
  /** Tells the learner that an action from the panel failed (a notification). */
  showError(message: string): void;
  /** Delivers a message to the webview (dropped when no view is resolved). */
  post(message: ToWebview): void;
  readonly log: PanelLog;
}

const SUPPORTED = new Set(['python', 'yaml', 'dockercompose', 'github-actions-workflow']);

/**
 * What the teacher reads about the course. The teacher area adds this optional field to
 * `TeacherRequest` (`CurriculumContext`); it is declared here by shape so this module does not
 * depend on that change landing first.
 */
export interface CourseContext {
  readonly curriculum?: Curriculum;
  readonly statuses?: Readonly<Partial<Record<WeekRef, WeekStatus>>>;
  readonly current?: WeekRef;
  readonly checkpoint?: Checkpoint;
}
export type PanelTeacherRequest = TeacherRequest & { readonly curriculum?: CourseContext };
const COURSE_INTENTS = new Set<PanelIntent>(['week', 'progress', 'checkpoint', 'chat']);

export class PanelController {
  private ready = false;
  private sentLang: Lang | undefined;
  /** `openTeacher` calls that came before the webview was ready; they run after its first content. */
  private pendingOpen: unknown[] = [];
  private cards = new Map<string, { uri: string; finding: Finding }>();
  private running = new Map<string, AbortController>();
  private reviewSeq = 0;
  private adhoc = 0;
  private disposed = false;

  constructor(private readonly host: PanelHost) {}

  /** The view was (re)created: wait for its `ready` before sending anything. */
  viewResolved(): void {
    this.ready = false;
    this.sentLang = undefined;
  }

  /**
   * The view was hidden: without `retainContextWhenHidden` VS Code drops the webview's document
   * and loads it again when shown, so wait for the next `ready` before sending anything.
   */
  viewHidden(): void {
    this.ready = false;
  }

  viewDisposed(): void {
    this.ready = false;
    this.stopAll();
  }

  dispose(): void {
    this.disposed = true;
    this.stopAll();
  }

  /** Entry point for every message from the webview; malformed or unknown ones are logged and ignored. */
  async handle(raw: unknown): Promise<void> {
    const message = parseToExtension(raw);
    if (!message) {
      this.host.log.warn(`teacher panel: ignored ${describeRejected(raw)}`);
      return;
    }
    try {
      await this.dispatch(message);
    } catch (error) {
      const detail = (error as Error)?.message ?? String(error);
      this.host.log.error(`teacher panel: ${message.type} failed: ${detail}`);
      // A button that silently does nothing is worse than an honest error.
      this.host.showError(detail);
    }
  }

  private async dispatch(message: ToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'ask':
        return this.ask(message);
      case 'stop':
        this.running.get(message.id)?.abort();
        return;
      case 'insertScaffold': {
        const card = this.cards.get(message.cardId);
        if (card) await this.host.insertScaffold(card.uri, card.finding);
        else this.host.log.warn(`teacher panel: unknown card ${message.cardId}`);
        return;
      }
      case 'goToLine': {
        const card = this.cards.get(message.cardId);
        if (card) await this.host.goToLine(card.uri, card.finding);
        else this.host.log.warn(`teacher panel: unknown card ${message.cardId}`);
        return;
      }
      case 'startWeek':
        await this.host.startWeek(message.track, message.week);
        return this.refreshCurriculum();
      case 'continueWeek':
        await this.host.continueWeek();
        return this.refreshCurriculum();
      case 'selectBackend':
        await this.host.selectBackend();
        return this.refreshBackend();
      case 'log':
        this.host.log[message.level](`teacher panel (webview): ${message.message}`);
        return;
    }
  }

  private async onReady(): Promise<void> {
    this.ready = true;
    this.sendInit();
    await Promise.all([this.refreshReview(), this.refreshCurriculum(), this.refreshBackend()]);
    for (const args of this.pendingOpen.splice(0)) await this.open(args);
  }

  private sendInit(): void {
    const lang = this.host.lang();
    this.sentLang = lang;
    this.host.post({ type: 'init', lang, strings: PANEL_STRINGS[lang] });
  }

  /** Settings changed: a new language re-initialises the webview's strings and content. */
  async refreshAll(): Promise<void> {
    if (!this.ready) return;
    if (this.host.lang() !== this.sentLang) this.sendInit();
    await Promise.all([this.refreshReview(), this.refreshCurriculum(), this.refreshBackend()]);
  }

  /** Rebuilds the Review section for the active file; a newer call wins over an older one. */
  async refreshReview(): Promise<void> {
    if (!this.ready) return;
    const seq = ++this.reviewSeq;
    const review = await this.buildReview(seq);
    if (review && seq === this.reviewSeq && this.ready) this.host.post({ type: 'review', review });
  }

  private async buildReview(seq: number): Promise<ReviewView | undefined> {
    const file = this.host.activeFile();
    if (!file) return { status: 'no-file', cards: [] };
    const fileInfo = { name: file.name, uri: file.uri };
    if (!SUPPORTED.has(file.languageId)) return { status: 'unsupported', file: fileInfo, cards: [] };
    let result = file.result;
    if (!result) {
      this.host.post({ type: 'review', review: { status: 'pending', file: fileInfo, cards: [] } });
      result = await this.host.lintActive();
      if (seq !== this.reviewSeq) return undefined;
    }
    const lang = this.host.lang();
    const findings = result?.findings ?? [];
    const metas = new Map<string, RuleMeta | undefined>();
    for (const id of new Set(findings.map((f) => f.ruleId))) metas.set(id, await this.host.rule(id));
    const curriculum = await this.safeCurriculum();
    const weekTitle = (week: WeekRef) => curriculum?.weeks.find((w) => w.id === week)?.title[lang];
    const { cards, sources } = buildCards(findings, (id) => metas.get(id), lang, weekTitle);
    for (const id of [...this.cards.keys()]) if (!id.startsWith('adhoc-')) this.cards.delete(id);
    for (const source of sources) this.cards.set(source.id, { uri: file.uri, finding: source.finding });
    return { status: 'ok', file: fileInfo, cards };
  }

  private async safeCurriculum(): Promise<Curriculum | undefined> {
    try {
      return await this.host.curriculum();
    } catch (error) {
      this.host.log.warn(`teacher panel: curriculum unavailable: ${(error as Error)?.message ?? String(error)}`);
      return undefined;
    }
  }

  async refreshCurriculum(): Promise<void> {
    if (!this.ready) return;
    const curriculum = await this.safeCurriculum();
    if (curriculum && this.ready) this.host.post({ type: 'curriculum', curriculum: buildCurriculumView(curriculum, this.host.progress, this.host.lang()) });
  }

  async refreshBackend(): Promise<void> {
    if (!this.ready) return;
    try {
      const backend = await this.host.teacher.describeBackend();
      // The offline teacher's name is the panel's own string, so it follows the teacher language.
      const label = backend.id === 'offline' ? PANEL_STRINGS[this.host.lang()]['footer.offline'] : backend.label;
      if (this.ready) this.host.post({ type: 'backend', backend: { id: backend.id, label } });
    } catch (error) {
      this.host.log.warn(`teacher panel: describeBackend failed: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  /** What `aiTeacher.openTeacher` asks for, once the panel is revealed. */
  async open(rawArgs: unknown): Promise<void> {
    const args = parseOpenArgs(rawArgs);
    if (args.kind !== 'none' && !this.ready) {
      this.pendingOpen.push(rawArgs);
      return;
    }
    const lang = this.host.lang();
    const strings = PANEL_STRINGS[lang];
    switch (args.kind) {
      case 'none':
        return;
      case 'finding': {
        const uri = args.uri ?? this.host.activeFile()?.uri;
        if (!uri) return;
        const known = [...this.cards].find(([, c]) => c.uri === uri && sameFinding(c.finding, args.finding));
        const cardId = known?.[0] ?? `adhoc-${++this.adhoc}`;
        if (!known) {
          this.cards.set(cardId, { uri, finding: args.finding });
          // Keep only the latest few findings asked about from elsewhere.
          const adhoc = [...this.cards.keys()].filter((id) => id.startsWith('adhoc-'));
          for (const id of adhoc.slice(0, Math.max(0, adhoc.length - 20))) this.cards.delete(id);
        }
        const f = args.finding;
        const text = format(strings['chat.askAbout'], { line: f.range.start.line + 1, message: f.message, rule: f.ruleId });
        if (known) this.send({ type: 'focus', tab: 'review', cardId });
        this.send({ type: 'runAsk', text, intent: 'hint', cardId });
        return;
      }
      case 'week': {
        const curriculum = await this.safeCurriculum();
        const title = curriculum?.weeks.find((w) => w.id === args.week)?.title[lang];
        await this.refreshCurriculum();
        this.send({ type: 'runAsk', text: format(strings['chat.weekStarted'], { week: title ? `${args.week} ${title}` : args.week }), intent: 'week', week: args.week });
        return;
      }
      case 'prompt':
        this.send(args.send ? { type: 'runAsk', text: args.prompt, intent: 'chat' } : { type: 'prefill', text: args.prompt });
        return;
    }
  }

  private send(message: ToWebview): void {
    if (this.ready) this.host.post(message);
  }

  private async ask(message: Extract<ToExtension, { type: 'ask' }>): Promise<void> {
    const abort = new AbortController();
    this.running.get(message.id)?.abort();
    this.running.set(message.id, abort);
    const post = (m: ToWebview) => {
      if (!this.disposed) this.host.post(m);
    };
    try {
      const request = await this.requestFor(message);
      const response = await this.host.teacher.ask(request, {
        signal: abort.signal,
        onChunk: (markdown) => {
          if (!abort.signal.aborted) post({ type: 'chatChunk', id: message.id, markdown });
        },
      });
      post({
        type: 'chatEnd',
        id: message.id,
        markdown: abort.signal.aborted ? '' : response.markdown,
        followups: response.followups.slice(0, 10).map((f) => {
          const intent = INTENTS.find((i) => i === f.command);
          return intent ? { label: f.label, prompt: f.prompt, intent } : { label: f.label, prompt: f.prompt };
        }),
        backend: response.backend,
        guarded: response.guarded === true,
        stopped: abort.signal.aborted,
        sent: sentView(response),
      });
      if (!abort.signal.aborted) await this.recordCheckpoint(request, response);
    } catch (error) {
      if (abort.signal.aborted) {
        post({ type: 'chatEnd', id: message.id, markdown: '', followups: [], guarded: false, stopped: true });
      } else {
        this.host.log.error(`teacher panel: ask failed: ${(error as Error)?.message ?? String(error)}`);
        post({ type: 'chatError', id: message.id, message: (error as Error)?.message ?? String(error) });
      }
    } finally {
      if (this.running.get(message.id) === abort) this.running.delete(message.id);
    }
    if (message.intent === 'checkpoint' || message.intent === 'week') await this.refreshCurriculum();
  }

  /** Builds the teacher request: the learner's words, the active file, the card's finding, the week. */
  async requestFor(message: Extract<ToExtension, { type: 'ask' }>): Promise<PanelTeacherRequest> {
    const lang = this.host.lang();
    const { intent, message: text } = interpretPrompt(message.text, message.intent as PanelIntent);
    const card = message.cardId ? this.cards.get(message.cardId) : undefined;
    const file = this.host.activeFile();
    const reviewFile = file && (!card || card.uri === file.uri) ? file : undefined;
    // Hint and explain name their rule (and level) in the text when no card carries the finding.
    const named = intent === 'hint' || intent === 'explain' ? parseRulePrompt(text) : {};
    const ruleId = card?.finding.ruleId ?? named.ruleId;
    const finding = card?.finding ?? (ruleId ? reviewFile?.result?.findings.find((f) => f.ruleId === ruleId) : undefined);
    const current = this.host.progress.current();
    const week = (typeof message.week === 'string' ? parseWeekArgs([message.week]) : undefined) ?? (intent === 'checkpoint' || intent === 'week' ? current : undefined);
    const level = current?.split('/')[0];
    const profile: LearnerProfile = {
      currentWeek: current,
      level: level === 'beginner' || level === 'intermediate' || level === 'advanced' ? level : undefined,
    };
    return {
      intent,
      lang,
      message: text,
      curriculum: COURSE_INTENTS.has(intent) ? await this.courseContext(week ?? current) : undefined,
      review: reviewFile?.result ? { path: reviewFile.path, text: reviewFile.text, result: reviewFile.result } : undefined,
      ruleId,
      finding,
      hintLevel: intent === 'hint' ? (named.level ?? 1) : undefined,
      week,
      profile,
      history: message.history.map((turn) => ({ role: turn.role, text: turn.text })),
    };
  }

  /** The course as the teacher reads it for week, progress, checkpoint and free chat. */
  private async courseContext(week: WeekRef | undefined): Promise<CourseContext | undefined> {
    const curriculum = await this.safeCurriculum();
    if (!curriculum) return undefined;
    const statuses: Partial<Record<WeekRef, WeekStatus>> = {};
    for (const w of curriculum.weeks) statuses[w.id] = this.host.progress.status(w.id);
    const checkpoint = curriculum.weeks.find((w) => w.id === week)?.checkpoints[0];
    return { curriculum, statuses, current: this.host.progress.current(), checkpoint };
  }

  /** A passed checkpoint moves the week forward, as in the chat participant. */
  private async recordCheckpoint(request: PanelTeacherRequest, response: TeacherResponse): Promise<void> {
    const week = request.week;
    const passed = (response as { readonly checkpoint?: { readonly passed?: unknown } }).checkpoint?.passed === true;
    if (request.intent !== 'checkpoint' || !passed || !week) return;
    const status = this.host.progress.status(week);
    if (status !== 'done' && status !== 'checkpoint-passed') await this.host.progress.setStatus(week, 'checkpoint-passed');
  }

  private stopAll(): void {
    for (const abort of this.running.values()) abort.abort();
    this.running.clear();
  }
}

/** What the footer says left the machine: the model, and the file when the context policy sent it. */
function sentView(response: TeacherResponse): SentView {
  const sent = response.sent;
  if (!sent) return {};
  return { to: sent.to, ...(sent.code ? { file: sent.code.path, lines: sent.code.lines, selection: sent.code.selection } : {}) };
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.range.start.line === b.range.start.line && a.range.start.column === b.range.start.column;
}
