import { ALL_RULES, ruleById } from '../language/rules';
import type { Category, Finding, Lang, Localized, RuleMeta } from '../language/types';
import { factValues, fillTemplate, type FileFacts } from './facts';
import { loc } from './text';

/**
 * The teacher reads rule metadata (questions, scaffolds, docs) from the same source the lint
 * engine runs, so "explain this rule" and reviews never drift from the rules themselves.
 */
export function ruleMeta(id: string | undefined): RuleMeta | undefined {
  return id ? ruleById(id) : undefined;
}

export function allRuleMeta(): readonly RuleMeta[] {
  return [...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Questions for a finding whose rule the teacher does not know (a newer engine, a plugin):
 * the category still tells what to ask about.
 */
export const CATEGORY_QUESTIONS: Readonly<Record<Category, readonly Localized[]>> = {
  security: [
    loc('이 부분을 악의적인 사용자가 본다면 무엇을 시도할 수 있을까요?', 'If a malicious user reached this part, what could they try?'),
    loc('이 값이나 동작을 신뢰해도 되는 근거는 무엇인가요?', 'What makes this value or behaviour trustworthy?'),
  ],
  validation: [
    loc('예상하지 못한 형태의 입력이 들어오면 어떻게 되나요?', 'What happens when input arrives in a shape you did not expect?'),
    loc('입력의 스키마를 어디에서 정의하고 검증하시겠어요?', 'Where would you define and check the schema of the input?'),
  ],
  'error-handling': [
    loc('여기서 예외가 나면 사용자와 운영자는 각각 무엇을 보게 되나요?', 'When this raises, what do the user and the operator each see?'),
    loc('어떤 실패는 재시도하고, 어떤 실패는 바로 알려야 할까요?', 'Which failures should be retried and which reported right away?'),
  ],
  observability: [
    loc('이 부분이 느려지거나 실패하면 어떻게 알아차리실 건가요?', 'If this part slows down or fails, how will you notice?'),
    loc('어떤 메트릭이나 로그가 있으면 원인을 빨리 찾을 수 있을까요?', 'Which metric or log would lead you to the cause quickly?'),
  ],
  health: [
    loc('오케스트레이터는 이 서비스가 살아 있고 준비됐는지 어떻게 알 수 있나요?', 'How does the orchestrator know this service is alive and ready?'),
    loc('"살아 있음"과 "요청을 받을 준비가 됨"은 어떻게 다를까요?', 'How does "alive" differ from "ready to take requests"?'),
  ],
  reliability: [
    loc('이 부분이 멈추거나 느려지면 시스템 전체에 어떤 영향이 있을까요?', 'If this part hangs or slows down, what happens to the whole system?'),
    loc('장애가 발생하면 어떻게 대응하고 복구하시겠어요?', 'When it fails, how will you respond and recover?'),
  ],
  scalability: [
    loc('동시 요청이 10배가 되면 어디가 먼저 병목이 될까요?', 'If concurrent requests grow tenfold, where is the first bottleneck?'),
    loc('이 자원은 요청마다 필요한가요, 아니면 한 번만 준비하면 되나요?', 'Is this resource needed per request, or can it be prepared once?'),
  ],
  reproducibility: [
    loc('6개월 뒤 같은 결과를 다시 만들 수 있나요? 무엇이 필요할까요?', 'Could you reproduce the same result six months from now? What would you need?'),
    loc('지금 실행되는 버전이 정확히 무엇인지 어떻게 알 수 있나요?', 'How can you tell exactly which version is running now?'),
  ],
  delivery: [
    loc('이 파이프라인이 품질 문제를 놓치면 누가, 언제 알게 되나요?', 'If this pipeline lets a quality problem through, who finds out and when?'),
    loc('배포를 멈추거나 되돌리는 조건은 무엇인가요?', 'What conditions should stop or roll back a deployment?'),
  ],
};

export function ruleQuestions(ruleId: string, category: Category): readonly Localized[] {
  return ruleMeta(ruleId)?.questions ?? CATEGORY_QUESTIONS[category];
}

/**
 * A rule's questions for one finding, in one language, filled from the finding's data and the
 * file's facts. Questions that need a fact this finding does not have are left out (a question
 * never names what is not there); when none is left, the category's questions stand in.
 */
export function findingQuestions(ruleId: string, category: Category, finding: Finding | undefined, facts: FileFacts | undefined, lang: Lang): string[] {
  const values = factValues(finding, facts, lang);
  const filled = ruleQuestions(ruleId, category)
    .map((q) => fillTemplate(q[lang], values, lang))
    .filter((q): q is string => q !== undefined);
  return filled.length ? filled : CATEGORY_QUESTIONS[category].map((q) => q[lang]);
}

/** The questions a rule asks with no finding to fill them from (the rule page, SARIF's rule help); a rule the catalog does not know asks its own. */
export function questionsOfRule(rule: RuleMeta, lang: Lang): string[] {
  return ruleMeta(rule.id) ? findingQuestions(rule.id, rule.category, undefined, undefined, lang) : rule.questions.map((q) => q[lang]);
}

/** The teacher's first question about a finding, filled from its data; a rule the catalog does not know (one of `rules`) asks its own first question. */
export function firstQuestion(finding: Finding, lang: Lang, rules: readonly RuleMeta[] = []): string | undefined {
  if (!ruleMeta(finding.ruleId)) return rules.find((r) => r.id === finding.ruleId)?.questions[0]?.[lang];
  return findingQuestions(finding.ruleId, finding.category, finding, undefined, lang)[0];
}

/** A scaffold for an unknown rule: only considerations, since the teacher does not know the fix's shape. */
export function ruleScaffold(ruleId: string, category: Category, lang: Lang): string {
  const meta = ruleMeta(ruleId);
  if (meta) return meta.scaffold[lang];
  const [q1, q2] = CATEGORY_QUESTIONS[category];
  return lang === 'ko' ? `# TODO: ${ruleId} 개선\n# 고려사항:\n# - ${q1.ko}\n# - ${q2.ko}\n` : `# TODO: improve ${ruleId}\n# Consider:\n# - ${q1.en}\n# - ${q2.en}\n`;
}
