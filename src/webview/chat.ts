import { LIMITS, type ChatTurnView, type PanelIntent, type ToWebview } from '../shared/protocol';
import { isSendShortcut, type PanelContext } from './context';
import { withCodeActions } from './code';
import { button, h, icon, rerender } from './dom';
import { MAX_TRANSCRIPT, type TranscriptEntry } from './state';

type ChatEnd = Extract<ToWebview, { type: 'chatEnd' }>;

/**
 * The Chat section: the transcript (kept in state), streaming answers, a Stop button and the
 * input box. The learner's words are shown as text; the teacher's as sanitised Markdown.
 */
export class ChatSection {
  private readonly log: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private counter = 0;

  constructor(
    private readonly ctx: PanelContext,
    readonly element: HTMLElement,
  ) {
    this.log = h('div', { class: 'transcript', attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': ctx.t('chat.label'), tabindex: '0' } });
    this.input = h('textarea', {
      class: 'chat-input',
      attrs: { rows: '3', 'aria-label': ctx.t('chat.input'), placeholder: ctx.t('chat.placeholder'), 'data-key': 'chat-input' },
    });
    this.input.value = ctx.state.draft;
    this.input.addEventListener('input', () => {
      ctx.state.draft = this.input.value;
      ctx.save();
    });
    this.input.addEventListener('keydown', (event) => {
      if (isSendShortcut(event)) {
        event.preventDefault();
        this.sendDraft();
      }
    });
    this.sendButton = button(ctx.t('button.send'), { icon: 'send', key: 'chat-send', primary: true, onClick: () => this.sendDraft() });
    this.stopButton = button(ctx.t('button.stop'), { icon: 'debug-stop', key: 'chat-stop', onClick: () => this.stop() });
    const clear = button(ctx.t('button.clear'), { icon: 'clear-all', key: 'chat-clear', onClick: () => this.clear() });
    const form = h('div', { class: 'chat-form' }, this.input, h('div', { class: 'chat-buttons' }, this.sendButton, this.stopButton, clear));
    element.replaceChildren(this.log, form);
    this.render();
  }

  private streaming(): TranscriptEntry | undefined {
    return this.ctx.state.transcript.find((e) => e.status === 'streaming');
  }

  render(): void {
    const { ctx } = this;
    rerender(this.log, () => {
      if (ctx.state.transcript.length === 0) return [h('p', { class: 'empty', text: ctx.t('chat.empty') })];
      return ctx.state.transcript.map((entry) => this.entry(entry));
    });
    this.updateButtons();
    this.log.scrollTop = this.log.scrollHeight;
  }

  private updateButtons(): void {
    const busy = this.streaming() !== undefined;
    this.sendButton.disabled = busy;
    this.stopButton.hidden = !busy;
    this.stopButton.disabled = !busy;
  }

  private entry(entry: TranscriptEntry): HTMLElement {
    const { ctx } = this;
    const teacher = entry.role === 'teacher';
    const body = h('div', { class: 'body' });
    this.fillBody(body, entry);
    const followups =
      teacher && entry.followups && entry.followups.length > 0
        ? h(
            'div',
            { class: 'followups', attrs: { role: 'group', 'aria-label': ctx.t('chat.followups') } },
            ...entry.followups.map((f, i) =>
              button(f.label, { icon: 'arrow-right', key: `${entry.id}#followup-${i}`, onClick: () => ctx.ask(f.prompt, f.intent ?? 'chat', { display: f.label }) }),
            ),
          )
        : undefined;
    return h(
      'div',
      {
        class: `turn ${entry.role} status-${entry.status}`,
        attrs: { 'data-entry-id': entry.id, 'data-role': entry.role, 'aria-busy': entry.status === 'streaming' ? 'true' : undefined },
      },
      h('div', { class: 'who' }, icon(teacher ? 'mortar-board' : 'account'), h('span', { text: ctx.t(teacher ? 'chat.teacher' : 'chat.learner') })),
      body,
      entry.guarded ? h('p', { class: 'note', text: ctx.t('chat.guarded') }) : undefined,
      followups,
    );
  }

  private fillBody(body: HTMLElement, entry: TranscriptEntry): void {
    const { ctx } = this;
    if (entry.role === 'learner') {
      body.replaceChildren(h('p', { class: 'learner-text', text: entry.text }));
      return;
    }
    if (entry.status === 'error') {
      body.replaceChildren(h('p', { class: 'error', text: ctx.t('chat.error', { message: entry.text }) }));
      return;
    }
    const parts: Node[] = [];
    // Code blocks get their actions once the answer is complete (a streaming block is still growing).
    if (entry.text)
      parts.push(h('div', { class: 'markdown' }, entry.status === 'streaming' ? ctx.md.render(entry.text) : withCodeActions(ctx, ctx.md.render(entry.text), entry.id)));
    if (entry.status === 'streaming' && !entry.text) parts.push(h('p', { class: 'muted', text: ctx.t('chat.thinking') }));
    if (entry.status === 'stopped') parts.push(h('p', { class: 'muted', text: ctx.t('chat.stopped') }));
    body.replaceChildren(...parts);
  }

  private sendDraft(): void {
    const text = this.input.value.trim();
    if (!text || this.streaming()) return;
    this.input.value = '';
    this.ctx.state.draft = '';
    this.ask(text, 'chat');
  }

  /** Adds the learner's turn and an empty teacher turn, then asks the extension. */
  /** `display` is what the transcript shows for the learner when it differs from what is sent (a followup's label). */
  ask(text: string, intent: PanelIntent, extra: { cardId?: string; week?: string; display?: string } = {}): boolean {
    if (this.streaming()) return false;
    const { state } = this.ctx;
    const history: ChatTurnView[] = state.transcript
      .filter((e) => e.status === 'done' && e.text)
      .slice(-LIMITS.history)
      .map((e) => ({ role: e.role, text: e.text }));
    const id = `m${Date.now().toString(36)}-${++this.counter}`;
    state.transcript.push({ id: `${id}-q`, role: 'learner', text: extra.display ?? text, status: 'done' });
    state.transcript.push({ id, role: 'teacher', text: '', status: 'streaming' });
    if (state.transcript.length > MAX_TRANSCRIPT) state.transcript.splice(0, state.transcript.length - MAX_TRANSCRIPT);
    this.ctx.save();
    this.render();
    this.ctx.post({ type: 'ask', id, text: text.slice(0, LIMITS.text), intent, cardId: extra.cardId, week: extra.week, history });
    return true;
  }

  prefill(text: string): void {
    this.input.value = text;
    this.ctx.state.draft = text;
    this.ctx.save();
    this.input.focus();
  }

  focusInput(): void {
    this.input.focus();
  }

  private find(id: string): TranscriptEntry | undefined {
    return this.ctx.state.transcript.find((e) => e.id === id && e.role === 'teacher');
  }

  chunk(id: string, markdown: string): void {
    const entry = this.find(id);
    if (!entry || entry.status !== 'streaming') return;
    entry.text += markdown;
    const body = Array.from(this.log.querySelectorAll<HTMLElement>('[data-entry-id]'))
      .find((e) => e.dataset.entryId === id)
      ?.querySelector<HTMLElement>('.body');
    if (body) this.fillBody(body, entry);
    else this.render();
    this.log.scrollTop = this.log.scrollHeight;
  }

  end(message: ChatEnd): void {
    const entry = this.find(message.id);
    if (!entry) return;
    // The final Markdown is authoritative (it passed the no-solution guard as a whole); a stopped
    // answer keeps what had streamed.
    if (message.markdown) entry.text = message.markdown;
    entry.status = message.stopped ? 'stopped' : 'done';
    entry.followups = message.followups.map((f) => ({ ...f }));
    entry.guarded = message.guarded;
    this.ctx.save();
    this.render();
  }

  error(id: string, message: string): void {
    const entry = this.find(id);
    if (!entry) return;
    entry.text = message;
    entry.status = 'error';
    this.ctx.save();
    this.render();
  }

  /** Stops locally at once (the extension may be gone) and tells the extension to abort. */
  private stop(): void {
    const entry = this.streaming();
    if (!entry) return;
    this.ctx.post({ type: 'stop', id: entry.id });
    entry.status = 'stopped';
    this.ctx.save();
    this.render();
    this.input.focus();
  }

  private clear(): void {
    const entry = this.streaming();
    if (entry) this.ctx.post({ type: 'stop', id: entry.id });
    this.ctx.state.transcript = [];
    this.ctx.save();
    this.render();
    this.input.focus();
  }
}
