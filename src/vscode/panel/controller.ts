import type { Curriculum } from '../../curriculum/types';
import type { Lang } from '../../language/types';
import type { TeacherResponse } from '../../teacher/types';
import { PANEL_STRINGS, format } from '../../shared/panel-strings';
import { INTENTS, describeRejected, parseToExtension, type ReviewView, type SentView, type ToExtension, type ToWebview } from '../../shared/protocol';
import { parseOpenArgs } from './requests';
import { parseWeekArgs } from '../../curriculum/progress';
import { CardRegistry, reviewCards } from './cards';
import type { PanelHost } from './host';
import { buildCurriculumView } from './view-model';

/**
 * The teacher panel's logic, without `vscode`: the provider injects a host that does the editor
 * work, and forwards the webview's raw messages to `handle`. This keeps every decision testable
 * with fakes in plain Node.
 */

export type { ActiveFile, PanelHost, PanelLog } from './host';

const SUPPORTED = new Set(['python', 'yaml', 'dockercompose', 'github-actions-workflow']);

export class PanelController {
  private ready = false;
  private sentLang: Lang | undefined;
  /** `openTeacher` calls that came before the webview was ready; they run after its first content. */
  private pendingOpen: unknown[] = [];
  private readonly cards = new CardRegistry();
  private running = new Map<string, AbortController>();
  private reviewSeq = 0;
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
      case 'copyText':
        return this.host.copyText(message.text);
      case 'insertCode':
        return this.host.insertCode(message.text);
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
    const cards = await reviewCards(this.host, file, result, await this.safeCurriculum());
    this.cards.replaceReviewed(file.uri, cards.sources);
    return { status: 'ok', file: fileInfo, cards: cards.cards };
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
        const { cardId, known } = this.cards.forFinding(uri, args.finding);
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
      const card = message.cardId ? this.cards.get(message.cardId) : undefined;
      const file = this.host.activeFile();
      // The card's finding belongs to the active file, or the turn goes without a file.
      const files = file?.result && (!card || card.uri === file.uri) ? [{ path: file.path, text: file.text, result: file.result, handle: file.uri }] : [];
      const result = await this.host.conversation.respond(
        { text: message.text, intent: message.intent, finding: card?.finding, week: typeof message.week === 'string' ? parseWeekArgs([message.week]) : undefined },
        { history: message.history, files },
        { signal: abort.signal, onChunk: (markdown) => (abort.signal.aborted ? undefined : post({ type: 'chatChunk', id: message.id, markdown })) },
      );
      post({
        type: 'chatEnd',
        id: message.id,
        // Everything the learner saw stream by, which is what the conversation history keeps.
        markdown: abort.signal.aborted ? '' : result.markdown,
        followups: result.response.followups.slice(0, 10).map((f) => {
          const intent = INTENTS.find((i) => i === f.command);
          return intent ? { label: f.label, prompt: f.prompt, intent } : { label: f.label, prompt: f.prompt };
        }),
        backend: result.response.backend,
        guarded: result.response.guarded === true,
        stopped: abort.signal.aborted,
        sent: sentView(result.response),
      });
      if (result.intent === 'checkpoint' || result.intent === 'week' || result.intent === 'review') await this.refreshCurriculum();
      if (result.intent === 'hint') await this.refreshReview();
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
