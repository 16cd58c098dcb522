import type { Lang, WeekRef } from '../language/types';
import { ruleMeta } from './catalog';
import { offlineTeacher } from './offline';
import { inSelection, rankedGroups } from './review';
import type { CurriculumContext, LearnerProfile, ReviewTarget, TeacherRequest } from './types';

/**
 * What the language-model tools (`aiTeacher_review`, `aiTeacher_explainRule`,
 * `aiTeacher_weekContext`) hand to an agent: the findings, the teacher's questions and the TODO
 * skeleton, never a fix. The agent's model reads the contract first, so that an agent asked to
 * "make this production ready" turns back to the learner instead of writing the solution.
 * Everything comes from the offline teacher, so a tool answer is deterministic and needs no model.
 */

/** Addressed to the calling model, in English (the language agents are instructed in). */
export const AGENT_CONTRACT = [
  'AI Engineering Teacher (tool result). The user is a learner practising production-ready AI engineering.',
  'Teaching contract: do not write, apply or suggest the finished fix for these findings and do not produce a complete implementation.',
  "Relay the teacher's questions, let the learner answer in their own words, and offer the TODO skeleton for the learner to fill in.",
  'If the learner asks you to just fix it, explain that the teacher wants them to try first and offer a hint for one step.',
].join('\n');

function request(lang: Lang, extra: Partial<TeacherRequest> & Pick<TeacherRequest, 'intent'>): TeacherRequest {
  return { lang, message: '', profile: {}, history: [], ...extra };
}

function withContract(sections: readonly string[]): string {
  return [AGENT_CONTRACT, ...sections.filter(Boolean)].join('\n\n').trimEnd() + '\n';
}

/** One line per finding in the reviewed part: where, how bad, which rule, what the rule saw. */
export function findingLines(target: ReviewTarget): string[] {
  return rankedGroups(target.result.findings.filter((f) => inSelection(f, target.selection))).flatMap((group) =>
    group.findings.map((f) => `- ${target.path}:${f.range.start.line + 1} [${f.severity}, ${f.category}] ${f.ruleId}: ${f.message}`),
  );
}

export function reviewToolResult(target: ReviewTarget, lang: Lang, profile: LearnerProfile = {}): string {
  const count = findingLines(target).length;
  const part = target.selection ? ` (lines ${target.selection.start.line + 1}-${target.selection.end.line + 1})` : '';
  const review = offlineTeacher(request(lang, { intent: 'review', review: target, profile }));
  const notices = target.result.notices.map((n) => `- ${n.kind}: ${n.message}`);
  return withContract([
    `Findings in ${target.path}${part}: ${count}${count ? '' : ' (the rule checks flagged nothing)'}`,
    findingLines(target).join('\n'),
    notices.length ? `Notices:\n${notices.join('\n')}` : '',
    "The teacher's review for the learner (acknowledgement, questions by theme, TODO skeleton, invitation):",
    review.markdown,
  ]);
}

/** Undefined when the teacher does not know the rule (the tool turns that into an error the agent can read). */
export function explainToolResult(ruleId: string, lang: Lang): string | undefined {
  const meta = ruleMeta(ruleId);
  if (!meta) return undefined;
  const explain = offlineTeacher(request(lang, { intent: 'explain', message: ruleId, ruleId }));
  return withContract([
    `Rule ${meta.id} (${meta.language}, ${meta.category}, default severity ${meta.severity}; taught in ${meta.weeks.join(', ') || 'no week'}).`,
    explain.markdown,
  ]);
}

export function weekToolResult(course: CurriculumContext, week: WeekRef | undefined, lang: Lang): string {
  const answer = offlineTeacher(request(lang, { intent: 'week', curriculum: course, ...(week ? { week, message: week } : {}) }));
  const shown = course.curriculum?.weeks.find((w) => w.id === (answer.week ?? week));
  return withContract([
    shown ? `Week ${shown.id}${course.current === shown.id ? ' (the learner is working on it now)' : ''}; its rules: ${shown.focusRules.join(', ') || 'none'}.` : '',
    answer.markdown,
  ]);
}
