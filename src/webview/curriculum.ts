import type { CurriculumView, MistakeView, TrackView, WeekView } from '../shared/protocol';
import { isSendShortcut, type PanelContext } from './context';
import { button, h, rerender } from './dom';

const STATUS_ICONS: Readonly<Record<WeekView['status'], string>> = {
  'not-started': 'circle-large-outline',
  'in-progress': 'circle-large-filled',
  'checkpoint-passed': 'pass',
  done: 'pass-filled',
};

/** The Curriculum section: this week with its checkpoint, then every track and week with progress. */
export class CurriculumSection {
  private view: CurriculumView | undefined;
  /** Tracks the learner opened or closed; before any choice, the current week's track is open. */
  private readonly open = new Map<string, boolean>();

  constructor(
    private readonly ctx: PanelContext,
    readonly element: HTMLElement,
  ) {}

  update(view: CurriculumView): void {
    this.view = view;
    this.render();
  }

  render(): void {
    rerender(this.element, () => this.build());
  }

  private build(): Node[] {
    const { ctx } = this;
    const view = this.view;
    if (!view) return [];
    const nodes: Node[] = [this.current(view)];
    if (view.mistakes?.length) nodes.push(this.mistakes(view.mistakes));
    if (view.tracks.length === 0) nodes.push(h('p', { class: 'muted', text: ctx.t('curriculum.empty') }));
    const currentTrack = view.current?.ref.split('/')[0] ?? 'beginner';
    const tracks = h('div', { class: 'tracks', attrs: { role: 'group', 'aria-label': ctx.t('curriculum.label') } });
    for (const track of view.tracks) tracks.append(this.track(track, track.id === currentTrack));
    nodes.push(tracks);
    return nodes;
  }

  private current(view: CurriculumView): HTMLElement {
    const { ctx } = this;
    const current = view.current;
    if (!current) {
      return h(
        'section',
        { class: 'current', attrs: { 'aria-label': ctx.t('curriculum.noCurrent') } },
        h('p', { text: ctx.t('curriculum.noCurrent') }),
        button(ctx.t('review.startWeek1'), { icon: 'rocket', primary: true, key: 'cur-start-1', onClick: () => ctx.post({ type: 'startWeek', track: 'beginner', week: 1 }) }),
      );
    }
    const titleId = 'current-week-title';
    const section = h(
      'section',
      { class: 'current', attrs: { 'aria-labelledby': titleId } },
      h('h2', { attrs: { id: titleId }, text: ctx.t('curriculum.current', { title: `${current.ref} ${current.title}` }) }),
      h('p', { class: `status status-${current.status}`, text: ctx.t(`status.${current.status}`) }),
      button(ctx.t('button.continue'), { icon: 'debug-continue', primary: true, key: 'cur-continue', describedBy: titleId, onClick: () => ctx.post({ type: 'continueWeek' }) }),
    );
    const checkpoint = current.checkpoint;
    if (checkpoint) {
      const answer = h('textarea', {
        class: 'checkpoint-answer',
        attrs: { rows: '4', 'aria-label': ctx.t('curriculum.answer'), placeholder: ctx.t('curriculum.answerPlaceholder'), 'data-key': 'checkpoint-answer' },
      });
      answer.value = ctx.state.checkpointDraft;
      answer.addEventListener('input', () => {
        ctx.state.checkpointDraft = answer.value;
        ctx.save();
      });
      const send = () => {
        const text = answer.value.trim();
        if (!text) return;
        ctx.state.checkpointDraft = '';
        answer.value = '';
        ctx.ask(text, 'checkpoint', { week: current.ref });
      };
      answer.addEventListener('keydown', (event) => {
        if (isSendShortcut(event)) {
          event.preventDefault();
          send();
        }
      });
      section.append(
        h(
          'div',
          { class: 'checkpoint', attrs: { role: 'group', 'aria-labelledby': 'checkpoint-title' } },
          h('h3', { attrs: { id: 'checkpoint-title' }, text: ctx.t('curriculum.checkpoint') }),
          h('div', { class: 'markdown' }, ctx.md.render(checkpoint.question)),
          answer,
          button(ctx.t('button.sendAnswer'), { icon: 'send', key: 'checkpoint-send', onClick: send }),
        ),
      );
    }
    return section;
  }

  /** Recurring mistakes, each with a short review that asks the teacher about its rule. */
  private mistakes(mistakes: readonly MistakeView[]): HTMLElement {
    const { ctx } = this;
    const list = h('ul', { class: 'mistakes' });
    for (const m of mistakes) {
      const text = ctx.t('curriculum.mistake', { rule: m.ruleId, count: m.count, weeks: m.weeks.join(', ') || '-' });
      list.append(
        h(
          'li',
          { class: 'mistake', attrs: { 'data-rule-id': m.ruleId } },
          h('span', { text: m.cameBack ? `${text} · ${ctx.t('curriculum.mistakeBack')}` : text }),
          ' ',
          button(ctx.t('button.shortReview'), {
            icon: 'history',
            key: `mistake-${m.ruleId}`,
            onClick: () => ctx.ask(m.prompt, 'chat', { display: `${ctx.t('button.shortReview')}: ${m.ruleId}` }),
          }),
        ),
      );
    }
    return h(
      'section',
      { class: 'mistakes', attrs: { 'aria-labelledby': 'mistakes-title' } },
      h('h3', { attrs: { id: 'mistakes-title' }, text: ctx.t('curriculum.mistakes') }),
      list,
    );
  }

  private track(track: TrackView, open: boolean): HTMLElement {
    const { ctx } = this;
    const details = h(
      'details',
      { class: 'track', attrs: { 'data-track': track.id } },
      h(
        'summary',
        { attrs: { 'data-key': `track-${track.id}` } },
        h('span', { class: 'track-title', text: track.title }),
        ' ',
        h('span', { class: 'muted', text: ctx.t('curriculum.weeks', { count: track.weeks.length }) }),
      ),
    );
    details.open = this.open.get(track.id) ?? open;
    details.addEventListener('toggle', () => this.open.set(track.id, details.open));
    const list = h('ul', { class: 'weeks' });
    for (const week of track.weeks) {
      const titleId = `week-${week.track}-${week.number}`;
      const action = week.current
        ? button(ctx.t('button.continue'), { icon: 'debug-continue', key: `${week.ref}#continue`, describedBy: titleId, onClick: () => ctx.post({ type: 'continueWeek' }) })
        : button(ctx.t('button.start'), {
            icon: 'play',
            key: `${week.ref}#start`,
            describedBy: titleId,
            onClick: () => ctx.post({ type: 'startWeek', track: week.track, week: week.number }),
          });
      list.append(
        h(
          'li',
          { class: `week status-${week.status}${week.current ? ' current' : ''}`, attrs: { 'data-week': week.ref } },
          h('span', { class: `codicon codicon-${STATUS_ICONS[week.status]}`, attrs: { 'aria-hidden': 'true' } }),
          h('span', { class: 'week-title', attrs: { id: titleId }, text: ctx.t('curriculum.week', { number: week.number, title: week.title }) }),
          h('span', { class: 'status', text: ctx.t(`status.${week.status}`) }),
          action,
        ),
      );
    }
    details.append(list);
    return details;
  }
}
