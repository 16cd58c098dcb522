import type { CardView, ReviewView } from '../shared/protocol';
import type { PanelContext } from './context';
import { button, h, icon, rerender } from './dom';

const SEVERITY_ICONS: Readonly<Record<CardView['severity'], string>> = { error: 'error', warning: 'warning', info: 'info' };

/** The Review section: the active file's findings as teacher cards. */
export class ReviewSection {
  private review: ReviewView | undefined;

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
        h('div', { class: 'empty' },
          h('p', { text: ctx.t(review.status === 'no-file' ? 'review.noFile' : 'review.unsupported') }),
          button(ctx.t('review.startWeek1'), { icon: 'rocket', key: 'start-week-1', primary: true, onClick: () => ctx.post({ type: 'startWeek', track: 'beginner', week: 1 }) }),
        ),
      ];
    }
    const header = h('div', { class: 'review-header' },
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
          ? h('pre', { class: 'scaffold' }, h('code', { text: hint.text }))
          : h('div', { class: 'markdown' }, ctx.md.render(hint.text));
      hints.append(
        h('li', { class: `hint level-${hint.level}`, attrs: { tabindex: '-1', 'data-key': `${key}#hint-${hint.level}`, 'data-hint-level': String(hint.level) } },
          h('h4', { text: ctx.t(`card.hint${hint.level}`) }),
          body,
        ),
      );
    }
    const next = revealed < card.hints.length
      ? button(ctx.t('card.nextHint', { level: revealed + 1 }), {
          icon: 'lightbulb',
          key: `${key}#next-hint`,
          onClick: () => this.reveal(key, revealed + 1),
        })
      : card.locked
        ? h('p', { class: 'hint-locked muted', attrs: { 'data-locked-level': String(card.locked.level) } }, icon('lock'), ' ', h('strong', { text: ctx.t('card.locked', { level: card.locked.level }) }), ' ', card.locked.reason)
        : card.hints.length > 0
          ? h('p', { class: 'muted', text: ctx.t('card.allHints') })
          : undefined;
    return h('article', {
        class: `card severity-${card.severity}`,
        attrs: { 'aria-labelledby': `${domId}-title`, 'data-card-id': card.id, 'data-rule-id': card.ruleId, tabindex: '-1', 'data-key': `${key}#card` },
      },
      h('header', { class: 'card-header' },
        icon(SEVERITY_ICONS[card.severity]),
        h('h3', { class: 'card-title', attrs: { id: `${domId}-title` } },
          h('span', { class: 'visually-hidden', text: `${ctx.t(`severity.${card.severity}`)}: ` }),
          h('span', { class: 'category', text: card.categoryLabel }),
          ' · ',
          h('span', { class: 'line', text: ctx.t('card.line', { line: card.line }) }),
          ' · ',
          h('code', { class: 'rule-id', text: card.ruleId }),
        ),
      ),
      h('p', { class: 'message', text: card.message }),
      h('div', { class: 'question markdown' }, ctx.md.render(card.question)),
      card.why
        ? h('section', { class: 'why', attrs: { 'aria-label': ctx.t('card.why') } }, h('h4', { text: ctx.t('card.why') }), h('div', { class: 'markdown' }, ctx.md.render(card.why)))
        : undefined,
      hints,
      next,
      h('div', { class: 'actions', attrs: { role: 'group', 'aria-label': card.ruleId } },
        button(ctx.t('button.insertScaffold'), { icon: 'add', key: `${key}#scaffold`, onClick: () => ctx.post({ type: 'insertScaffold', cardId: card.id }) }),
        button(ctx.t('button.goToLine'), { icon: 'go-to-file', key: `${key}#goto`, onClick: () => ctx.post({ type: 'goToLine', cardId: card.id }) }),
        button(ctx.t('button.askAbout'), {
          icon: 'comment-discussion',
          key: `${key}#ask`,
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
