import type { Curriculum, ProgressStore } from '../../curriculum/types';
import { mostSevereFirst, type Finding, type Lang, type RuleMeta, type WeekRef } from '../../language/types';
import { categoryLabel } from '../../language/vocabulary';
import type { CardView, CurriculumView, HintView, TrackView } from '../../shared/protocol';
import { format } from '../../shared/panel-strings';

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

/** Looks up a week's title for the concept hint, if the curriculum knows it. */
export type WeekTitle = (week: WeekRef) => string | undefined;

function fill(text: string, finding: Finding): string {
  return finding.data ? format(text, finding.data) : text;
}

/**
 * The three hint levels of a finding, from the rule's metadata (the same source the offline
 * teacher uses): 1 the remaining Socratic questions, 2 the concept (what the rule is about and
 * the curriculum week that teaches it), 3 the TODO scaffold. Never a finished fix.
 */
export function hintsOf(rule: RuleMeta, finding: Finding, lang: Lang, weekTitle: WeekTitle): HintView[] {
  const questions = rule.questions.slice(1).map((q) => `- ${fill(q[lang], finding)}`);
  const level1 = questions.length > 0 ? questions.join('\n') : fill(rule.questions[0]?.[lang] ?? finding.message, finding);
  const week = rule.weeks[0];
  const title = week ? weekTitle(week) : undefined;
  const weekLine = week ? (lang === 'ko' ? `\n\n📚 커리큘럼: \`${week}\`${title ? ` ${title}` : ''}` : `\n\n📚 Curriculum: \`${week}\`${title ? ` ${title}` : ''}`) : '';
  const level2 = `${rule.docs.summary[lang]}${weekLine}`;
  return [
    { level: 1, text: level1 },
    { level: 2, text: level2 },
    { level: 3, text: rule.scaffold[lang] },
  ];
}

export interface CardSource {
  readonly id: string;
  readonly finding: Finding;
}

/** Turns findings into teacher cards; findings of unknown rules still get a plain card. */
export function buildCards(
  findings: readonly Finding[],
  rule: (id: string) => RuleMeta | undefined,
  lang: Lang,
  weekTitle: WeekTitle,
): { cards: CardView[]; sources: CardSource[] } {
  const seen = new Map<string, number>();
  const cards: CardView[] = [];
  const sources: CardSource[] = [];
  // Most important first, as the teacher reviews: errors, then warnings, then the rest; by line within.
  const ordered = [...findings].sort((a, b) => mostSevereFirst(a.severity, b.severity) || a.range.start.line - b.range.start.line);
  for (const finding of ordered) {
    const base = cardIdOf(finding, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const id = cardIdOf(finding, occurrence);
    const meta = rule(finding.ruleId);
    cards.push({
      id,
      ruleId: finding.ruleId,
      severity: finding.severity,
      category: finding.category,
      categoryLabel: categoryLabel(finding.category, lang),
      line: finding.range.start.line + 1,
      message: finding.message,
      ...(finding.severityReason ? { severityReason: finding.severityReason } : {}),
      question: meta?.questions[0] ? fill(meta.questions[0][lang], finding) : finding.message,
      why: meta ? meta.docs.why[lang] : '',
      hints: meta ? hintsOf(meta, finding, lang, weekTitle) : [],
    });
    sources.push({ id, finding });
  }
  return { cards, sources };
}

/** Tracks and weeks with the learner's progress; the current week carries its first checkpoint. */
export function buildCurriculumView(curriculum: Curriculum, progress: ProgressStore, lang: Lang): CurriculumView {
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
  if (!week) return { tracks };
  const checkpoint = week.checkpoints[0];
  return {
    tracks,
    current: {
      ref: week.id,
      title: week.title[lang],
      status: progress.status(week.id),
      checkpoint: checkpoint ? { id: checkpoint.id, question: checkpoint.question[lang] } : undefined,
    },
  };
}
