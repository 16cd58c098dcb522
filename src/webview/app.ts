import { PANEL_STRINGS, format, type StringKey } from '../shared/panel-strings';
import { TABS, parseToWebview, type BackendInfo, type PanelIntent, type PanelLang, type SentView, type TabId, type ToExtension, type ToWebview } from '../shared/protocol';
import { ChatSection } from './chat';
import type { PanelContext } from './context';
import { CurriculumSection } from './curriculum';
import { button, h, icon } from './dom';
import { createMarkdownRenderer, type MarkdownRenderer } from './markdown';
import { ReviewSection } from './review';
import { restoreState, type PanelState } from './state';

/** The part of `acquireVsCodeApi()` the panel uses (the object stays private to this module). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

const TAB_ICONS: Readonly<Record<TabId, string>> = { review: 'checklist', chat: 'comment-discussion', curriculum: 'mortar-board' };

/**
 * The teacher panel in the webview. It waits for `init` (language and strings), builds the
 * tabs, and from then on only reacts to validated messages from the extension.
 */
export class PanelApp {
  private readonly state: PanelState;
  private readonly md: MarkdownRenderer;
  private lang: PanelLang = 'en';
  private strings: Readonly<Record<string, string>> = PANEL_STRINGS.en;
  private backend: BackendInfo | undefined;
  /** What left the machine for the last answer, shown in the footer. */
  private sent: SentView | undefined;
  private review: ReviewSection | undefined;
  private chat: ChatSection | undefined;
  private curriculum: CurriculumSection | undefined;
  private footer: HTMLElement | undefined;
  private tabs = new Map<TabId, { tab: HTMLButtonElement; panel: HTMLElement }>();
  private last: { review?: ToWebview; curriculum?: ToWebview } = {};

  constructor(
    private readonly api: VsCodeApi,
    private readonly root: HTMLElement,
    win: Window,
  ) {
    this.state = restoreState(api.getState());
    this.md = createMarkdownRenderer(win);
    win.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    this.post({ type: 'ready' });
  }

  private post(message: ToExtension): void {
    this.api.postMessage(message);
  }

  private save(): void {
    this.api.setState(this.state);
  }

  /** Every message from the extension goes through the protocol's validator first. */
  receive(data: unknown): void {
    const message = parseToWebview(data);
    if (!message) {
      const type = typeof data === 'object' && data !== null && 'type' in data ? String((data as { type: unknown }).type).slice(0, 50) : typeof data;
      this.post({ type: 'log', level: 'warn', message: `ignored message from the extension: ${type}` });
      return;
    }
    try {
      this.dispatch(message);
    } catch (error) {
      this.post({ type: 'log', level: 'error', message: `${message.type}: ${(error as Error)?.stack ?? String(error)}`.slice(0, 4000) });
    }
  }

  private dispatch(message: ToWebview): void {
    if (message.type === 'init') return this.init(message.lang, message.strings, message.backend);
    // Nothing can be shown before the strings arrive; the extension sends init first.
    if (!this.review || !this.chat || !this.curriculum) return;
    switch (message.type) {
      case 'review':
        this.last.review = message;
        return this.review.update(message.review);
      case 'curriculum':
        this.last.curriculum = message;
        return this.curriculum.update(message.curriculum);
      case 'backend':
        this.backend = message.backend;
        return this.renderFooter();
      case 'focus':
        this.selectTab(message.tab);
        if (message.cardId) this.review.focusCard(message.cardId);
        return;
      case 'runAsk':
        this.ask(message.text, message.intent, { cardId: message.cardId, week: message.week });
        return;
      case 'prefill':
        this.selectTab('chat');
        return this.chat.prefill(message.text);
      case 'chatChunk':
        return this.chat.chunk(message.id, message.markdown);
      case 'chatEnd':
        this.sent = message.sent;
        this.renderFooter();
        return this.chat.end(message);
      case 'chatError':
        return this.chat.error(message.id, message.message);
    }
  }

  private t = (key: StringKey, values?: Readonly<Record<string, string | number>>): string => format(this.strings[key] ?? PANEL_STRINGS.en[key] ?? key, values);

  private context(): PanelContext {
    return {
      t: this.t,
      md: this.md,
      state: this.state,
      save: () => this.save(),
      post: (m) => this.post(m),
      ask: (text, intent, extra) => this.ask(text, intent, extra),
      selectTab: (tab) => this.selectTab(tab),
    };
  }

  private ask(text: string, intent: PanelIntent, extra?: { cardId?: string; week?: string; display?: string }): void {
    this.selectTab('chat');
    if (!this.chat?.ask(text, intent, extra)) this.chat?.prefill(text);
  }

  private init(lang: PanelLang, strings: Readonly<Record<string, string>>, backend: BackendInfo | undefined): void {
    this.lang = lang;
    this.strings = strings;
    if (backend) this.backend = backend;
    this.root.ownerDocument.documentElement.lang = lang;
    this.root.setAttribute('aria-label', this.t('panel.label'));
    const ctx = this.context();
    const tablist = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': this.t('tabs.label') } });
    const panels: HTMLElement[] = [];
    this.tabs.clear();
    for (const id of TABS) {
      const tab = h(
        'button',
        {
          class: 'tab',
          attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'data-tab': id },
          onClick: () => this.selectTab(id, true),
        },
        icon(TAB_ICONS[id]),
        h('span', { text: this.t(`tab.${id}`) }),
      );
      tab.addEventListener('keydown', (event) => this.onTabKey(event, id));
      const panel = h('section', { class: `panel panel-${id}`, attrs: { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: '0' } });
      tablist.append(tab);
      panels.push(panel);
      this.tabs.set(id, { tab, panel });
    }
    this.review = new ReviewSection(ctx, this.tabs.get('review')!.panel);
    this.chat = new ChatSection(ctx, this.tabs.get('chat')!.panel);
    this.curriculum = new CurriculumSection(ctx, this.tabs.get('curriculum')!.panel);
    this.footer = h('footer', { class: 'footer', attrs: { 'aria-label': this.t('footer.unknown') } });
    this.root.replaceChildren(tablist, ...panels, this.footer);
    this.selectTab(this.state.tab);
    this.renderFooter();
    // A re-init (language change) keeps the latest content until the fresh one arrives.
    if (this.last.review) this.dispatch(this.last.review);
    if (this.last.curriculum) this.dispatch(this.last.curriculum);
  }

  /** WAI-ARIA tabs: arrow keys, Home and End move between tabs (roving tabindex). */
  private onTabKey(event: KeyboardEvent, id: TabId): void {
    const index = TABS.indexOf(id);
    const target =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    this.selectTab(target, true);
  }

  selectTab(id: TabId, focusTab = false): void {
    this.state.tab = id;
    this.save();
    for (const [tabId, { tab, panel }] of this.tabs) {
      const selected = tabId === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.classList.toggle('selected', selected);
      panel.hidden = !selected;
    }
    if (focusTab) this.tabs.get(id)?.tab.focus();
  }

  private renderFooter(): void {
    if (!this.footer) return;
    const label = this.backend ? this.t('footer.backend', { label: this.backend.label }) : this.t('footer.unknown');
    this.footer.setAttribute('aria-label', label);
    this.footer.replaceChildren(
      icon(this.backend?.id === 'offline' ? 'plug' : this.backend ? 'sparkle' : 'loading'),
      h('span', { class: 'backend', text: label, attrs: { 'data-backend': this.backend?.id, role: 'status' } }),
      ...(this.sent ? [h('span', { class: 'sent', text: this.sentText(this.sent), attrs: { 'data-sent': this.sent.to ? (this.sent.file ? 'file' : 'question') : 'none' } })] : []),
      button(this.t('footer.change'), {
        icon: 'settings-gear',
        key: 'backend-change',
        ariaLabel: this.t('button.changeBackend'),
        onClick: () => this.post({ type: 'selectBackend' }),
      }),
    );
  }

  private sentText(sent: SentView): string {
    if (!sent.to) return this.t('footer.sent.none');
    if (!sent.file) return this.t('footer.sent.question', { to: sent.to });
    return this.t(sent.selection ? 'footer.sent.selection' : 'footer.sent.file', { to: sent.to, file: sent.file, lines: sent.lines ?? 0 });
  }

  get language(): PanelLang {
    return this.lang;
  }
}
