import type { CardView, ReviewView } from '../shared/protocol';
import type { PanelContext } from './context';
import { textCodeBlock } from './code';
import { button, h, icon, rerender } from './dom';

const SEVERITY_ICONS: Readonly<Record<CardView['severity'], string>> = { error: 'error', warning: 'warning', info: 'info' };

/** The Review section: the active file's findings as teacher cards. */
export class ReviewSection {
  private review: ReviewView | undefined;
  /** Cards whose "Why it matters" the learner opened; a re-render (after a save) keeps them open. */
  private readonly whyOpen = new Set<string>();

  constructor(
    private readonly ctx: PanelContext,
    readonly element: HTMLElement,
  ) {}

  update(review: ReviewView): void {
    this.review = review;
    this.render();
  }

  render(): void {
    rerender(this.element, () => this.build());
  }

  /** Scrolls a card into view and focuses it (from `openTeacher` with a finding). */
  focusCard(cardId: string): void {
    const card = Array.from(this.element.querySelectorAll<HTMLElement>('[data-card-id]')).find((e) => e.dataset.cardId === cardId);
    if (!card) return;
    card.scrollIntoView?.({ block: 'nearest' });
    card.focus();
  }

  private build(): Node[] {
    const { ctx } = this;
    const review = this.review;
    if (!review) return [];
    if (review.status === 'no-file' || review.status === 'unsupported') {
      return [
        h(
          'div',
          { class: 'empty' },
          h('p', { text: ctx.t(review.status === 'no-file' ? 'review.noFile' : 'review.unsupported') }),
          button(ctx.t('review.startWeek1'), { icon: 'rocket', key: 'start-week-1', primary: true, onClick: () => ctx.post({ type: 'startWeek', track: 'beginner', week: 1 }) }),
        ),
      ];
    }
    const header = h(
      'div',
      { class: 'review-header' },
      h('h2', { class: 'file', text: ctx.t('review.file', { file: review.file?.name ?? '', count: review.cards.length }) }),
      button(ctx.t('review.askReview'), { icon: 'comment-discussion', key: 'ask-review', onClick: () => ctx.ask(ctx.t('review.askReview'), 'review') }),
    );
    if (review.status === 'pending') return [header, h('p', { class: 'muted', text: ctx.t('review.pending'), attrs: { role: 'status' } })];
    if (review.cards.length === 0) return [header, h('p', { class: 'empty', text: ctx.t('review.none') })];
    const list = h('ul', { class: 'cards', attrs: { 'aria-label': review.file?.name } });
    for (const card of review.cards) list.append(h('li', {}, this.card(card, review.file?.uri ?? '')));
    return [header, list];
  }

  private card(card: CardView, uri: string): HTMLElement {
    const { ctx } = this;
    const key = `${uri}|${card.id}`;
    const revealed = Math.min(ctx.state.revealed[key] ?? 0, card.hints.length);
    const domId = `card-${hashId(key)}`;
    const hints = h('ol', { class: 'hints' });
    for (const hint of card.hints.slice(0, revealed)) {
      const body =
        hint.level === 3
          ? textCodeBlock(ctx, hint.text, { key: `${key}#hint-code`, onInsert: () => ctx.post({ type: 'insertScaffold', cardId: card.id }) })
          : h('div', { class: 'markdown' }, ctx.md.render(hint.text));
      hints.append(
        h(
          'li',
          { class: `hint level-${hint.level}`, attrs: { tabindex: '-1', 'data-key': `${key}#hint-${hint.level}`, 'data-hint-level': String(hint.level) } },
          h('h4', { text: ctx.t(`card.hint${hint.level}`) }),
          body,
        ),
      );
    }
    // The next hint is the first action (one row less per card); when all are shown, a note says so.
    const next =
      revealed < card.hints.length
        ? button(ctx.t('card.nextHint', { level: revealed + 1 }), {
            icon: 'lightbulb',
            key: `${key}#next-hint`,
            onClick: () => this.reveal(key, revealed + 1),
          })
        : undefined;
    // Once the open levels are read: why the next one is still locked, or that all are shown.
    const allShown =
      revealed < card.hints.length
        ? undefined
        : card.locked
          ? h(
              'p',
              { class: 'hint-locked muted', attrs: { 'data-locked-level': String(card.locked.level) } },
              icon('lock'),
              ' ',
              h('strong', { text: ctx.t('card.locked', { level: card.locked.level }) }),
              ' ',
              card.locked.reason,
            )
          : card.hints.length > 0
            ? h('p', { class: 'muted', text: ctx.t('card.allHints') })
            : undefined;
    // "Why it matters" starts folded, so a 300 px side bar shows several cards at once.
    const why = h(
      'details',
      { class: 'why' },
      h('summary', { text: ctx.t('card.why') }),
      card.why ? h('div', { class: 'markdown' }, ctx.md.render(card.why)) : undefined,
      h('p', { class: 'rule' }, `${ctx.t('card.rule')}: `, h('code', { class: 'rule-id', text: card.ruleId })),
    );
    why.open = this.whyOpen.has(key);
    why.addEventListener('toggle', () => (why.open ? this.whyOpen.add(key) : this.whyOpen.delete(key)));
    const lineLabel = ctx.t('card.line', { line: card.line });
    const severity = ctx.t(`severity.${card.severity}`);
    return h(
      'article',
      {
        class: `card severity-${card.severity}`,
        attrs: { 'aria-labelledby': `${domId}-title`, 'data-card-id': card.id, 'data-rule-id': card.ruleId, tabindex: '-1', 'data-key': `${key}#card` },
      },
      h(
        'header',
        { class: 'card-header' },
        icon(SEVERITY_ICONS[card.severity]),
        h(
          'h3',
          { class: 'card-title', attrs: { id: `${domId}-title`, title: card.ruleId } },
          h('span', { class: 'visually-hidden', text: `${severity}: ` }),
          h('span', { class: 'category', text: card.categoryLabel }),
          ' · ',
          // The line number is the way to the code: one row less than a separate button.
          h('button', {
            class: 'line link',
            text: lineLabel,
            attrs: { type: 'button', 'data-key': `${key}#goto`, 'aria-label': ctx.t('card.goToLine', { line: card.line }) },
            onClick: () => ctx.post({ type: 'goToLine', cardId: card.id }),
          }),
        ),
      ),
      h('p', { class: 'message', text: card.message }),
      card.severityReason ? h('p', { class: 'severity-reason', text: ctx.t('card.reason', { severity, reason: card.severityReason }) }) : undefined,
      h('div', { class: 'question markdown' }, ctx.md.render(card.question)),
      why,
      hints,
      allShown,
      h(
        'div',
        { class: 'actions', attrs: { role: 'group', 'aria-label': card.ruleId } },
        next,
        button(ctx.t('button.insertScaffoldShort'), {
          icon: 'add',
          key: `${key}#scaffold`,
          ariaLabel: ctx.t('button.insertScaffold'),
          onClick: () => ctx.post({ type: 'insertScaffold', cardId: card.id }),
        }),
        button(ctx.t('button.askAbout'), {
          icon: 'comment-discussion',
          key: `${key}#ask`,
          iconOnly: true,
          onClick: () => ctx.ask(ctx.t('chat.askAbout', { line: card.line, message: card.message, rule: card.ruleId }), 'hint', { cardId: card.id }),
        }),
      ),
    );
  }

  private reveal(key: string, level: number): void {
    this.ctx.state.revealed[key] = level;
    this.ctx.save();
    this.render();
    // The button moved down; put focus on the hint just revealed so screen readers read it.
    const hint = Array.from(this.element.querySelectorAll<HTMLElement>('[data-key]')).find((e) => e.dataset.key === `${key}#hint-${level}`);
    hint?.focus();
  }
}

/** A short DOM-safe id from any string (card ids contain `@`, `:` and `#`). */
function hashId(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}
