import type { Finding, Lang } from '../language/types';
import { categoryLabel, severityLabel, severityNote } from '../language/vocabulary';
import { allRuleMeta, findingQuestions, ruleMeta } from './catalog';
import { fileFacts, type FileFacts } from './facts';
import { HINT_TITLES, hintLadder, hintMarkdown, lockReason, type HintLevel } from './hints';
import { knowledgeResponse, matchTopic } from './knowledge/answer';
import { rankedGroups } from './review';
import type { TeacherFollowup, TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { fence, lineLabel, renderSections, t } from './text';

/** Progressive hints (question → concept → scaffold, never the answer, earned by attempts) and "explain this rule". */

function respond(intent: TeacherResponse['intent'], sections: TeacherSection[], followups: TeacherFollowup[]): TeacherResponse {
  return { intent, markdown: renderSections(sections), sections, followups, backend: 'offline' };
}

/** The finding a hint is about: the one asked for, else the most important one of the reviewed file. */
export function hintTarget(request: TeacherRequest): { ruleId?: string; finding?: Finding } {
  if (request.finding) return { ruleId: request.finding.ruleId, finding: request.finding };
  const findings = request.review?.result.findings ?? [];
  if (request.ruleId) return { ruleId: request.ruleId, finding: rankedGroups(findings.filter((f) => f.ruleId === request.ruleId))[0]?.findings[0] };
  const top = rankedGroups(findings)[0];
  return top ? { ruleId: top.ruleId, finding: top.findings[0] } : {};
}

function factsOf(request: TeacherRequest): FileFacts | undefined {
  return request.review ? fileFacts(request.review.path, request.review.text, request.review.result) : undefined;
}

function weekTitle(request: TeacherRequest) {
  return (week: string) => request.curriculum?.curriculum?.weeks.find((w) => w.id === week)?.title[request.lang];
}

export function hintResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const { ruleId, finding } = hintTarget(request);
  if (!ruleId) {
    return respond(
      'hint',
      [
        {
          kind: 'hint',
          markdown: ko
            ? '어떤 부분에서 막히셨나요? 규칙 id(예: `debug-mode-enabled`)를 알려주시거나, 먼저 `/review`로 파일을 함께 살펴봐요.'
            : 'Where are you stuck? Tell me a rule id (e.g. `debug-mode-enabled`), or let us look at your file with `/review` first.',
        },
      ],
      [{ label: ko ? '파일 리뷰받기' : 'Review my file', prompt: '', command: 'review' }],
    );
  }
  const ladder = hintLadder(ruleId, finding, factsOf(request), lang, weekTitle(request));
  const asked = Math.min(3, Math.max(1, Math.floor(request.hintLevel ?? 1))) as HintLevel;
  const unlocked = request.memory?.hintUnlocked ?? 3;
  const level = Math.min(asked, unlocked) as HintLevel;
  const where = finding ? `${lineLabel(lang, finding.range.start.line)}: ${finding.message} (\`${ruleId}\`)` : `\`${ruleId}\``;
  const sections: TeacherSection[] = [];
  if (asked > unlocked) sections.push({ kind: 'note', markdown: `🔒 ${lockReason(asked, request.memory?.attempts ?? 0, finding, lang)}` });
  sections.push({ kind: 'hint', title: t(lang, HINT_TITLES[level - 1]), markdown: hintMarkdown(ladder, level, where, lang, fence) });
  if (asked > unlocked)
    sections.push({
      kind: 'invitation',
      markdown: ko
        ? '위 질문에 대한 여러분의 생각을 한두 문장으로 들려주세요. 그것도 한 번의 시도로 쳐요!'
        : 'Tell me what you think about the question above in a sentence or two; that counts as an attempt too!',
    });
  const followups: TeacherFollowup[] = [];
  if (level < 3 && level + 1 <= unlocked)
    followups.push({ label: ko ? `다음 힌트 (${level + 1}단계)` : `Next hint (level ${level + 1})`, prompt: `${ruleId} ${level + 1}`, command: 'hint' });
  else if (level >= 3) followups.push({ label: ko ? '고친 코드 리뷰받기' : 'Review my fix', prompt: '', command: 'review' });
  if (ruleMeta(ruleId)) followups.push({ label: ko ? '이 규칙 자세히' : 'Explain this rule', prompt: ruleId, command: 'explain' });
  return { ...respond('hint', sections, followups), topics: [ruleId] };
}

export function explainResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const id = request.ruleId ?? request.finding?.ruleId ?? request.message.trim().split(/\s+/)[0];
  const meta = ruleMeta(id);
  if (!meta) {
    // "/explain pickle" names a topic rather than a rule: answer it from the knowledge base.
    const match = request.message.trim() ? matchTopic(request) : undefined;
    if (match) return { ...knowledgeResponse(request, match), intent: 'explain' };
    const known = allRuleMeta()
      .map((r) => `\`${r.id}\``)
      .join(', ');
    return respond(
      'explain',
      [
        {
          kind: 'explain',
          markdown: ko
            ? `\`${id || '?'}\` 규칙은 아직 모르겠어요. 무엇이 궁금하신지 한 문장으로 물어봐 주시겠어요? 제가 아는 규칙: ${known}`
            : `I don't know the rule \`${id || '?'}\` yet. Could you ask what you want to know in a sentence? Rules I know: ${known}`,
        },
      ],
      [],
    );
  }
  const finding = request.finding?.ruleId === meta.id ? request.finding : undefined;
  const questions = findingQuestions(meta.id, meta.category, finding, finding ? factsOf(request) : undefined, lang);
  const sections: TeacherSection[] = [
    {
      kind: 'explain',
      markdown: `**\`${meta.id}\`** — ${t(lang, meta.docs.summary)} (${categoryLabel(meta.category, lang)}, ${severityLabel(meta.severity, lang)})${explainedCase(request.finding, meta.id, lang)}`,
    },
    { kind: 'explain', title: ko ? '**왜 중요한가요?**' : '**Why does it matter?**', markdown: t(lang, meta.docs.why) },
    { kind: 'questions', title: ko ? '**생각해 볼 질문**' : '**Questions to think about**', markdown: questions.map((q) => `- ${q}`).join('\n') },
    (request.memory?.hintUnlocked ?? 3) >= 3
      ? { kind: 'next-steps', title: ko ? '**스스로 채워 볼 골격**' : '**A skeleton to fill in yourself**', markdown: fence(meta.scaffold[lang], meta.language) }
      : { kind: 'note', markdown: `🔒 ${lockReason(3, request.memory?.attempts ?? 0, finding, lang)}` },
    {
      kind: 'text',
      markdown:
        (ko ? `관련 주차: ${meta.weeks.map((w) => `\`${w}\``).join(', ')}` : `Weeks: ${meta.weeks.map((w) => `\`${w}\``).join(', ')}`) +
        (meta.anchors?.length ? ` · ${ko ? '다른 도구' : 'Other tools'}: ${meta.anchors.join(', ')}` : ''),
    },
  ];
  const recurring = request.memory?.recurring?.[meta.id];
  if (recurring) {
    sections.unshift({
      kind: 'note',
      markdown: ko
        ? `🔁 **짧은 복습:** 이 실수는 지금까지 ${recurring.count}번 (${recurring.weeks.map((w) => `\`${w}\``).join(', ') || '여러 파일'}) 나타났어요. 이번에는 무엇이 달랐는지 함께 짚어 봐요.`
        : `🔁 **A short review:** this mistake has come up ${recurring.count} times so far (${recurring.weeks.map((w) => `\`${w}\``).join(', ') || 'several files'}). Let's look at what was different each time.`,
    });
  }
  return {
    ...respond('explain', sections, [
      { label: ko ? '힌트 1단계부터' : 'Start with hint 1', prompt: `${meta.id} 1`, command: 'hint' },
      { label: ko ? `${meta.weeks[0]} 주차 보기` : `Show week ${meta.weeks[0]}`, prompt: meta.weeks[0], command: 'week' },
    ]),
    topics: [meta.id],
  };
}

/** "This case: info: the service loads its own model file once at start-up" when the finding asked about was rated away from the default. */
function explainedCase(finding: Finding | undefined, ruleId: string, lang: Lang): string {
  const note = finding?.ruleId === ruleId ? severityNote(finding, lang) : undefined;
  return note ? `\n\n${lang === 'ko' ? '이 경우' : 'This case'} — ${note}` : '';
}
