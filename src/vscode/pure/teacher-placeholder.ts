import { ALL_RULES } from '../../language/rules';
import type { TeacherGateway, TeacherRequest, TeacherResponse, TeacherSection } from '../../teacher/types';
import { renderRuleExplanation } from './rule-doc';
import { scaffoldComment } from './scaffold-plan';

/**
 * A stand-in TeacherGateway that answers only from rule metadata and calls nothing remote. It
 * exists so the adapter works before the teacher area's TeacherService is merged; extension.ts
 * swaps it for the real one in a single line.
 */
export function createPlaceholderTeacher(): TeacherGateway {
  return {
    ask(request: TeacherRequest): Promise<TeacherResponse> {
      return Promise.resolve(answer(request));
    },
    describeBackend() {
      return Promise.resolve({ id: 'offline' as const, label: 'offline' });
    },
  };
}

function answer(request: TeacherRequest): TeacherResponse {
  const lang = request.lang;
  const ruleId = request.ruleId ?? request.finding?.ruleId;
  const rule = ruleId ? ALL_RULES.find((candidate) => candidate.id === ruleId) : undefined;
  const sections: TeacherSection[] = [];
  if (rule && request.intent === 'explain') {
    sections.push({ kind: 'explain', markdown: renderRuleExplanation(rule, lang) });
  } else if (rule) {
    const level = Math.max(1, Math.min(3, request.hintLevel ?? 1));
    const questions = rule.questions.slice(0, level).map((question) => `- ${question[lang]}`);
    sections.push({ kind: 'questions', markdown: questions.join('\n') });
    if (level >= 2) sections.push({ kind: 'hint', markdown: rule.docs.why[lang] });
    if (level >= 3) sections.push({ kind: 'next-steps', markdown: ['```', ...scaffoldComment(rule.scaffold[lang]), '```'].join('\n') });
  } else {
    sections.push({
      kind: 'text',
      markdown:
        lang === 'ko'
          ? '선생님이 아직 준비 중이에요. 진단 위에서 "이 문제를 선생님께 질문하기"를 눌러 규칙 설명과 질문을 먼저 보세요.'
          : 'The teacher is still getting ready. Use "Ask the teacher about this" on a diagnostic to see the rule explanation and its questions.',
    });
  }
  return { intent: request.intent, markdown: sections.map((section) => section.markdown).join('\n\n'), sections, followups: [], backend: 'offline' };
}
