import { commentLanguage, type Category, type Finding, type Lang, type WeekRef } from '../language/types';
import { findingQuestions, ruleMeta, ruleScaffold } from './catalog';
import type { FileFacts } from './facts';
import { THEME_OF, THEME_TITLE, lineLabel, loc, t } from './text';

/**
 * The hint ladder of a finding, one source for every surface (chat, panel cards, CLI):
 *   1 questions (the rule's questions, filled from the learner's file)
 *   2 the concept (why it matters in production, and the week that teaches it)
 *   3 a TODO skeleton (never the finished fix)
 * Help is earned: level 2 opens after one attempt on the finding (an edit and save that touches
 * its lines, or an answer in chat), level 3 after a second.
 */

export type HintLevel = 1 | 2 | 3;

export interface HintStep {
  readonly level: HintLevel;
  /** Markdown for levels 1 and 2; the scaffold's plain text for level 3. */
  readonly text: string;
}

export interface HintLadder {
  readonly ruleId: string;
  /** The first question: what a card shows on its face and a level-1 chat hint opens with. */
  readonly question: string;
  readonly steps: readonly [HintStep, HintStep, HintStep];
  readonly language: 'python' | 'yaml';
}

export const HINT_TITLES = [
  loc('🤔 **힌트 1단계 — 질문**', '🤔 **Hint level 1 — a question**'),
  loc('📚 **힌트 2단계 — 개념**', '📚 **Hint level 2 — the concept**'),
  loc('🧩 **힌트 3단계 — 골격**', '🧩 **Hint level 3 — a skeleton**'),
];

export type WeekTitle = (week: WeekRef) => string | undefined;

export function hintLadder(ruleId: string, finding: Finding | undefined, facts: FileFacts | undefined, lang: Lang, weekTitle: WeekTitle = () => undefined): HintLadder {
  const meta = ruleMeta(ruleId);
  const category: Category = finding?.category ?? meta?.category ?? 'reliability';
  const questions = findingQuestions(ruleId, category, finding, facts, lang);
  const level1 =
    questions.length > 1
      ? questions
          .slice(1)
          .map((q) => `- ${q}`)
          .join('\n')
      : questions[0];
  const concept = meta ? t(lang, meta.docs.why) : t(lang, THEME_TITLE[THEME_OF[category]]);
  const week = meta?.weeks[0];
  const title = week ? weekTitle(week) : undefined;
  const ko = lang === 'ko';
  const level2 = [
    ko ? `**핵심 개념:** ${concept}` : `**Key concept:** ${concept}`,
    ...(week ? [ko ? `📚 이 개념은 \`${week}\`${title ? ` ${title}` : ''} 주차에서 다뤄요.` : `📚 Week \`${week}\`${title ? ` ${title}` : ''} covers this concept.`] : []),
  ].join('\n\n');
  return {
    ruleId,
    question: questions[0],
    steps: [
      { level: 1, text: level1 },
      { level: 2, text: level2 },
      { level: 3, text: ruleScaffold(ruleId, category, lang) },
    ],
    language: meta ? commentLanguage(meta.language) : facts?.language === 'yaml' ? 'yaml' : 'python',
  };
}

/** How many levels an attempt count opens: 1 at first, then one more per attempt, up to 3. */
export function unlockedLevel(attempts: number): HintLevel {
  return Math.min(3, 1 + Math.max(0, Math.floor(attempts))) as HintLevel;
}

/** Why a level is still locked, in the learner's language, with what to do to open it. */
export function lockReason(level: HintLevel, attempts: number, finding: Finding | undefined, lang: Lang): string {
  const ko = lang === 'ko';
  const needed = level - 1 - attempts;
  const where = finding ? lineLabel(lang, finding.range.start.line) : ko ? '해당 줄' : 'its lines';
  return ko
    ? `힌트 ${level}단계는 시도를 ${needed}번 더 하면 열려요 (지금까지 시도 ${attempts}번). ${where}을 직접 고쳐 저장하거나, 앞 단계의 질문에 대한 생각을 채팅으로 답해 주세요.`
    : `Hint level ${level} opens after ${needed} more attempt${needed === 1 ? '' : 's'} (${attempts} so far). Edit and save ${where} yourself, or answer the previous level's question in chat.`;
}

/** The chat text of one rung: where the finding is, then the step (the first question opens level 1). */
export function hintMarkdown(ladder: HintLadder, level: HintLevel, where: string, lang: Lang, fence: (code: string, info: string) => string): string {
  const step = ladder.steps[level - 1];
  if (level === 1) return `${where}\n\n**${ladder.question}**${ladder.steps[0].text !== ladder.question ? `\n\n${step.text}` : ''}`;
  if (level === 2) return `${where}\n\n${step.text}`;
  const outro =
    lang === 'ko'
      ? 'TODO와 고려사항을 하나씩 직접 채워 보세요. 어떤 값을 고르셨는지, 왜 그렇게 정했는지도 함께 알려주세요.'
      : 'Fill in the TODOs and considerations yourself, one by one. Tell me which values you chose and why.';
  return `${where}\n\n${fence(step.text, ladder.language)}\n\n${outro}`;
}
