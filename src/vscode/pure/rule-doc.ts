import { defineStrings, translate } from '../../shared/i18n';
import type { Finding, Lang, RuleMeta } from '../../language/types';
import { firstQuestion as teacherFirstQuestion, questionsOfRule } from '../../teacher/catalog';
import { categoryLabel, severityLabel } from '../../language/vocabulary';
import { scaffoldComment } from './scaffold-plan';

/**
 * The rule explanation the "more" link and a diagnostic's code open: what the rule flags, why it
 * matters in production, the teacher's questions and the TODO scaffold, all from the rule's
 * metadata (the same source as the generated rule reference), in the teacher's language.
 */
const LABELS = defineStrings(
  'rule-page',
  {
    why: 'Why it matters in production',
    questions: 'Questions to answer yourself',
    scaffold: 'TODO scaffold',
    example: 'Where it shows up',
    weeks: 'Curriculum',
    category: 'Category',
    severity: 'Default severity',
    cases: 'Rated differently when',
    note: 'The teacher gives questions and TODOs instead of a finished answer. Save again when you have found yours.',
  },
  {
    why: '프로덕션에서 왜 중요할까요?',
    questions: '스스로 답해 보세요',
    scaffold: 'TODO 스캐폴드',
    example: '이런 코드에서 나타납니다',
    weeks: '커리큘럼',
    category: '카테고리',
    severity: '기본 심각도',
    cases: '이런 경우에는 심각도가 달라집니다',
    note: '선생님은 완성된 답 대신 질문과 TODO를 드립니다. 답을 찾으면 다시 저장해 보세요.',
  },
);

export function renderRuleExplanation(rule: RuleMeta, lang: Lang): string {
  const t = (key: keyof typeof LABELS.en) => translate(LABELS, lang, key);
  const fence = rule.language;
  // Reasons are templates filled from a finding's data; on the rule page they read as cases.
  const cases = Object.values(rule.severityReasons ?? {}).map((reason) => `  - ${severityLabel(reason.severity, lang)}: ${reason.message[lang].replace(/\{(\w+)\}/g, '…')}`);
  const parts = [
    `# ${rule.id}`,
    '',
    rule.docs.summary[lang],
    '',
    `- ${t('category')}: ${categoryLabel(rule.category, lang)}`,
    `- ${t('severity')}: ${severityLabel(rule.severity, lang)}`,
    ...(cases.length ? [`- ${t('cases')}:`, ...cases] : []),
    `- ${t('weeks')}: ${rule.weeks.map((week) => `\`${week}\``).join(', ')}`,
    '',
    `## ${t('why')}`,
    '',
    rule.docs.why[lang],
    '',
    `## ${t('questions')}`,
    '',
    ...questionsOfRule(rule, lang).map((question, index) => `${index + 1}. ${question}`),
    '',
    `## ${t('example')}`,
    '',
    '```' + fence,
    rule.docs.bad.replace(/\s+$/, ''),
    '```',
    '',
    `## ${t('scaffold')}`,
    '',
    '```' + fence,
    ...scaffoldComment(rule.scaffold[lang]),
    '```',
    '',
    `> ${t('note')}`,
    '',
  ];
  return parts.join('\n');
}

/** The hover's first question, or the summary when a rule has no question. */
/** The teacher's first question about this finding, filled from its data (never a raw `{placeholder}`). */
export function firstQuestion(rule: RuleMeta, finding: Finding, lang: Lang): string {
  return teacherFirstQuestion(finding, lang, [rule]) ?? rule.docs.summary[lang];
}
