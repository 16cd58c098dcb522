import type { Finding, Lang } from '../language/types';
import { categoryLabel, severityLabel, severityNote } from '../language/vocabulary';
import { allRuleMeta, ruleMeta, ruleQuestions, ruleScaffold } from './catalog';
import { rankedGroups } from './review';
import type { TeacherFollowup, TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { THEME_OF, THEME_TITLE, fence, lineLabel, loc, renderSections, t } from './text';

/** Progressive hints (question → concept → scaffold, never the answer) and "explain this rule". */

export const HINT_TITLES = [
  loc('🤔 **힌트 1단계 — 질문**', '🤔 **Hint level 1 — a question**'),
  loc('📚 **힌트 2단계 — 개념**', '📚 **Hint level 2 — the concept**'),
  loc('🧩 **힌트 3단계 — 골격**', '🧩 **Hint level 3 — a skeleton**'),
];

function respond(intent: TeacherResponse['intent'], sections: TeacherSection[], followups: TeacherFollowup[]): TeacherResponse {
  return { intent, markdown: renderSections(sections), sections, followups, backend: 'offline' };
}

/** The finding a hint is about: the one asked for, else the most important one of the reviewed file. */
function hintTarget(request: TeacherRequest): { ruleId?: string; finding?: Finding } {
  if (request.finding) return { ruleId: request.finding.ruleId, finding: request.finding };
  const findings = request.review?.result.findings ?? [];
  if (request.ruleId) return { ruleId: request.ruleId, finding: findings.find((f) => f.ruleId === request.ruleId) };
  const top = rankedGroups(findings)[0];
  return top ? { ruleId: top.ruleId, finding: top.findings[0] } : {};
}

export function hintResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const { ruleId, finding } = hintTarget(request);
  if (!ruleId) {
    return respond('hint', [{ kind: 'hint', markdown: ko ? '어떤 부분에서 막히셨나요? 규칙 id(예: `debug-mode-enabled`)를 알려주시거나, 먼저 `/review`로 파일을 함께 살펴봐요.' : 'Where are you stuck? Tell me a rule id (e.g. `debug-mode-enabled`), or let us look at your file with `/review` first.' }], [
      { label: ko ? '파일 리뷰받기' : 'Review my file', prompt: '', command: 'review' },
    ]);
  }
  const meta = ruleMeta(ruleId);
  const category = finding?.category ?? meta?.category ?? 'reliability';
  const questions = ruleQuestions(ruleId, category);
  const level = Math.max(1, Math.floor(request.hintLevel ?? 1));
  const where = finding ? `${lineLabel(lang, finding.range.start.line)}: ${finding.message} (\`${ruleId}\`)` : `\`${ruleId}\``;
  const language = meta?.language ?? 'python';
  const sections: TeacherSection[] = [];
  if (level === 1) {
    sections.push({ kind: 'hint', title: t(lang, HINT_TITLES[0]), markdown: `${where}\n\n${t(lang, questions[0])}` });
  } else if (level === 2) {
    const concept = meta ? t(lang, meta.docs.why) : t(lang, THEME_TITLE[THEME_OF[category]]);
    const week = meta?.weeks[0];
    const lines = [`${where}`, '', ko ? `**핵심 개념:** ${concept}` : `**Key concept:** ${concept}`];
    if (week) lines.push('', ko ? `이 개념은 \`${week}\` 주차에서 다뤄요.` : `Week \`${week}\` covers this concept.`);
    if (questions[1]) lines.push('', t(lang, questions[1]));
    sections.push({ kind: 'hint', title: t(lang, HINT_TITLES[1]), markdown: lines.join('\n') });
  } else {
    const scaffold = fence(ruleScaffold(ruleId, category, lang), language);
    const outro =
      level === 3
        ? ko ? 'TODO와 고려사항을 하나씩 직접 채워 보세요. 어떤 값을 고르셨는지, 왜 그렇게 정했는지도 함께 알려주세요.' : 'Fill in the TODOs and considerations yourself, one by one. Tell me which values you chose and why.'
        : ko ? '힌트는 여기까지예요. 이제 직접 시도해 볼 차례예요! 💪 작성하신 코드를 보여주시면 함께 리뷰해볼게요.' : "That's the last hint. Now it's your turn to try! 💪 Show me what you write and we'll review it together.";
    sections.push({ kind: 'hint', title: t(lang, HINT_TITLES[2]), markdown: `${where}\n\n${scaffold}\n\n${outro}` });
  }
  const followups: TeacherFollowup[] =
    level < 3
      ? [{ label: ko ? `다음 힌트 (${level + 1}단계)` : `Next hint (level ${level + 1})`, prompt: `${ruleId} ${level + 1}`, command: 'hint' }]
      : [{ label: ko ? '고친 코드 리뷰받기' : 'Review my fix', prompt: '', command: 'review' }];
  if (meta) followups.push({ label: ko ? '이 규칙 자세히' : 'Explain this rule', prompt: ruleId, command: 'explain' });
  return respond('hint', sections, followups);
}

export function explainResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const id = request.ruleId ?? request.finding?.ruleId ?? request.message.trim().split(/\s+/)[0];
  const meta = ruleMeta(id);
  if (!meta) {
    const known = allRuleMeta().map((r) => `\`${r.id}\``).join(', ');
    return respond('explain', [{ kind: 'explain', markdown: ko ? `\`${id || '?'}\` 규칙은 아직 모르겠어요. 제가 아는 규칙: ${known}` : `I don't know the rule \`${id || '?'}\` yet. Rules I know: ${known}` }], []);
  }
  const sections: TeacherSection[] = [
    { kind: 'explain', markdown: `**\`${meta.id}\`** — ${t(lang, meta.docs.summary)} (${categoryLabel(meta.category, lang)}, ${severityLabel(meta.severity, lang)})${explainedCase(request.finding, meta.id, lang)}` },
    { kind: 'explain', title: ko ? '**왜 중요한가요?**' : '**Why does it matter?**', markdown: t(lang, meta.docs.why) },
    { kind: 'questions', title: ko ? '**생각해 볼 질문**' : '**Questions to think about**', markdown: meta.questions.map((q) => `- ${t(lang, q)}`).join('\n') },
    { kind: 'next-steps', title: ko ? '**스스로 채워 볼 골격**' : '**A skeleton to fill in yourself**', markdown: fence(meta.scaffold[lang], meta.language) },
    { kind: 'text', markdown: (ko ? `관련 주차: ${meta.weeks.map((w) => `\`${w}\``).join(', ')}` : `Weeks: ${meta.weeks.map((w) => `\`${w}\``).join(', ')}`) + (meta.anchors?.length ? ` · ${ko ? '다른 도구' : 'Other tools'}: ${meta.anchors.join(', ')}` : '') },
  ];
  return respond('explain', sections, [
    { label: ko ? '힌트 1단계부터' : 'Start with hint 1', prompt: `${meta.id} 1`, command: 'hint' },
    { label: ko ? `${meta.weeks[0]} 주차 보기` : `Show week ${meta.weeks[0]}`, prompt: meta.weeks[0], command: 'week' },
  ]);
}

/** "This case: info: the service loads its own model file once at start-up" when the finding asked about was rated away from the default. */
function explainedCase(finding: Finding | undefined, ruleId: string, lang: Lang): string {
  const note = finding?.ruleId === ruleId ? severityNote(finding, lang) : undefined;
  return note ? `\n\n${lang === 'ko' ? '이 경우' : 'This case'} — ${note}` : '';
}
