import { recurringMistakes, type MistakeLog } from '../../curriculum/progress';
import type { Curriculum, ProgressStore } from '../../curriculum/types';
import type { Finding, Lang, RuleMeta } from '../../language/types';
import { categoryLabel } from '../../language/vocabulary';
import type { CardView, CurriculumView, TrackView } from '../../shared/protocol';
import type { FileFacts } from '../../teacher/facts';
import { hintLadder, lockReason, unlockedLevel, type WeekTitle } from '../../teacher/hints';
import { byImportance } from '../../teacher/text';

/**
 * Pure conversions from the language layer and the curriculum to what the panel shows. No
 * `vscode` here, so the unit tests run them in plain Node.
 */

/**
 * A card id that stays the same when the file is re-linted, so the webview keeps the hint levels
 * the learner already revealed. It leaves the position out on purpose: inserting a scaffold above
 * a finding moves it down, and that must not hide the hints again.
 */
export function cardIdOf(finding: Finding, occurrence: number): string {
  return `${finding.ruleId}#${finding.messageId}${occurrence ? `~${occurrence}` : ''}`;
}

export interface CardSource {
  readonly id: string;
  readonly finding: Finding;
}

/** What the cards need to know about the file and the learner, beyond the findings. */
export interface CardContext {
  readonly lang: Lang;
  readonly facts?: FileFacts;
  readonly weekTitle: WeekTitle;
  /** Attempts on a finding so far (help is earned by attempts). */
  readonly attempts: (finding: Finding) => number;
}

/**
 * Turns findings into teacher cards, in the teacher's order of importance. The question and the
 * hint levels come from the conversation core's hint ladder (the same text the chat shows), and
 * only the levels the learner's attempts have unlocked are sent; the next one says why it is
 * locked. Findings of unknown rules still get a card.
 */
export function buildCards(findings: readonly Finding[], rule: (id: string) => RuleMeta | undefined, context: CardContext): { cards: CardView[]; sources: CardSource[] } {
  const { lang } = context;
  const seen = new Map<string, number>();
  const cards: CardView[] = [];
  const sources: CardSource[] = [];
  for (const finding of [...findings].sort(byImportance)) {
    const base = cardIdOf(finding, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const id = cardIdOf(finding, occurrence);
    const meta = rule(finding.ruleId);
    const ladder = meta ? hintLadder(finding.ruleId, finding, context.facts, lang, context.weekTitle) : undefined;
    const attempts = context.attempts(finding);
    const unlocked = unlockedLevel(attempts);
    cards.push({
      id,
      ruleId: finding.ruleId,
      severity: finding.severity,
      category: finding.category,
      categoryLabel: categoryLabel(finding.category, lang),
      line: finding.range.start.line + 1,
      message: finding.message,
      ...(finding.severityReason ? { severityReason: finding.severityReason } : {}),
      question: ladder?.question ?? finding.message,
      why: meta ? meta.docs.why[lang] : '',
      hints: ladder ? ladder.steps.filter((s) => s.level <= unlocked).map((s) => ({ level: s.level, text: s.text })) : [],
      ...(ladder && unlocked < 3 ? { locked: { level: (unlocked + 1) as 2 | 3, reason: lockReason((unlocked + 1) as 2 | 3, attempts, finding, lang) } } : {}),
    });
    sources.push({ id, finding });
  }
  return { cards, sources };
}

/** Tracks and weeks with the learner's progress; the current week carries its first checkpoint; recurring mistakes propose a short review. */
export function buildCurriculumView(curriculum: Curriculum, progress: ProgressStore, lang: Lang, mistakes: MistakeLog = progress.mistakes?.() ?? {}): CurriculumView {
  const recurring = recurringMistakes(mistakes)
    .slice(0, 5)
    .map((m) => ({ ruleId: m.ruleId, count: m.count, weeks: m.weeks, cameBack: m.cameBack, prompt: `/explain ${m.ruleId}` }));
  const withMistakes = recurring.length ? { mistakes: recurring } : {};
  const current = progress.current();
  const tracks: TrackView[] = curriculum.tracks.map((track) => ({
    id: track.id,
    title: track.title[lang],
    weeks: curriculum.weeks
      .filter((week) => week.track === track.id)
      .sort((a, b) => a.number - b.number)
      .map((week) => ({
        ref: week.id,
        track: week.track,
        number: week.number,
        title: week.title[lang],
        status: progress.status(week.id),
        current: week.id === current,
      })),
  }));
  const week = current ? curriculum.weeks.find((w) => w.id === current) : undefined;
  if (!week) return { tracks, ...withMistakes };
  const checkpoint = week.checkpoints[0];
  return {
    tracks,
    ...withMistakes,
    current: {
      ref: week.id,
      title: week.title[lang],
      status: progress.status(week.id),
      checkpoint: checkpoint ? { id: checkpoint.id, question: checkpoint.question[lang] } : undefined,
    },
  };
}
