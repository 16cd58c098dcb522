import type { Finding, Lang } from '../../language/types';
import { withParticle } from '../../shared/korean';
import { factValues, fileFacts, fillTemplate } from '../facts';
import { rankedGroups } from '../review';
import type { TeacherFollowup, TeacherRequest, TeacherResponse, TeacherSection } from '../types';
import { lineLabel, renderSections, t } from '../text';
import { knowledgeBase, type KnowledgeEntry } from './base';

/**
 * A free question answered from the knowledge base, Socratically: what the idea is for in
 * production, where it shows in the learner's open file (when it does), questions back, and
 * where the course teaches it. When nothing matches, the teacher says so and asks what the
 * learner is trying to do.
 */

/** Below this BM25 score a match is a coincidence of common words, not an answer. */
const MIN_SCORE = 9;
/** Without a shared alias group, a match needs this much evidence from words alone. */
const WORDS_ONLY_SCORE = 16;
const SECOND_RATIO = 0.6;

export interface TopicMatch {
  readonly entry: KnowledgeEntry;
  readonly second?: KnowledgeEntry;
}

/** The knowledge-base entries a question is about, or undefined when none fits well enough. */
export function matchTopic(request: Pick<TeacherRequest, 'message' | 'curriculum'>): TopicMatch | undefined {
  const hits = knowledgeBase(request.curriculum?.curriculum).search(request.message, 4);
  const top = hits[0];
  if (!top || top.score < MIN_SCORE || (top.groups.length === 0 && top.score < WORDS_ONLY_SCORE)) return undefined;
  const second = hits.slice(1).find((h) => h.score >= top.score * SECOND_RATIO && h.entry.kind !== 'week' && !related(top.entry, h.entry));
  return { entry: top.entry, ...(second ? { second: second.entry } : {}) };
}

function related(a: KnowledgeEntry, b: KnowledgeEntry): boolean {
  return a.rules.includes(b.id) || b.rules.includes(a.id);
}

/** The finding of the open file that this topic is about, most important first. */
function pointerFinding(request: TeacherRequest, entry: KnowledgeEntry): Finding | undefined {
  const ids = new Set([entry.id, ...entry.rules]);
  const findings = (request.review?.result.findings ?? []).filter((f) => ids.has(f.ruleId));
  return rankedGroups(findings)[0]?.findings[0];
}

/** An entry's questions in the answer's language, filled from the finding when there is one. */
export function entryQuestions(entry: KnowledgeEntry, request: TeacherRequest, finding?: Finding, max = 2): string[] {
  const facts = request.review ? fileFacts(request.review.path, request.review.text, request.review.result) : undefined;
  const values = finding && finding.ruleId === entry.id ? factValues(finding, facts, request.lang) : {};
  return entry.questions
    .map((q) => fillTemplate(t(request.lang, q), values, request.lang))
    .filter((q): q is string => q !== undefined)
    .slice(0, max);
}

function bold(lang: Lang, title: string, particle: string): string {
  return lang === 'ko' ? `**${title}**${withParticle(title, particle).slice(title.length)}` : `**${title}**`;
}

export function knowledgeResponse(request: TeacherRequest, match: TopicMatch): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const { entry, second } = match;
  const title = t(lang, entry.title);
  const finding = pointerFinding(request, entry);
  const sections: TeacherSection[] = [
    {
      kind: 'acknowledge',
      markdown: ko ? `좋은 질문이에요! ${bold(lang, title, '은')} 프로덕션에서 이런 의미가 있어요.` : `Good question! Here is what ${bold(lang, title, '')} means in production.`,
    },
    { kind: 'explain', title: ko ? '🏭 **프로덕션에서 왜 중요할까요?**' : '🏭 **Why does it matter in production?**', markdown: t(lang, entry.why) },
  ];
  if (finding && request.review) {
    const where = `\`${request.review.path}\` ${lineLabel(lang, finding.range.start.line)}`;
    sections.push({ kind: 'note', title: ko ? '📍 **여러분의 파일에서:**' : '📍 **In your file:**', markdown: `${where}: ${finding.message} (\`${finding.ruleId}\`)` });
  }
  const questions = entryQuestions(entry, request, finding);
  if (questions.length === 0) questions.push(ko ? '이 개념이 여러분의 서비스에서는 어디에 해당할까요?' : 'Where does this idea show up in your own service?');
  sections.push({ kind: 'questions', title: ko ? '🤔 **생각해 볼 질문:**' : '🤔 **Questions to think about:**', markdown: questions.map((q) => `- ${q}`).join('\n') });
  const pointers: string[] = [];
  if (entry.weeks[0]) pointers.push(ko ? `이 주제는 \`${entry.weeks[0]}\` 주차에서 다뤄요.` : `Week \`${entry.weeks[0]}\` covers this topic.`);
  const rule = entry.kind === 'rule' ? entry.id : entry.rules[0];
  if (rule) pointers.push(ko ? `관련 규칙: \`${rule}\` (\`/explain ${rule}\`)` : `Related rule: \`${rule}\` (\`/explain ${rule}\`)`);
  if (second) pointers.push(ko ? `함께 보면 좋은 주제: **${t(lang, second.title)}**` : `Worth a look alongside: **${t(lang, second.title)}**`);
  if (pointers.length) sections.push({ kind: 'text', markdown: `📚 ${pointers.join(' · ')}` });
  sections.push({
    kind: 'invitation',
    markdown: ko
      ? '여러분의 생각을 한두 문장으로 들려주세요. 거기서부터 함께 더 깊이 들어가 볼게요!'
      : "Tell me what you think in a sentence or two, and we'll go deeper from there!",
  });
  const followups: TeacherFollowup[] = [];
  if (rule) followups.push({ label: ko ? `규칙 설명: ${rule}` : `Explain ${rule}`, prompt: rule, command: 'explain' });
  if (finding) followups.push({ label: ko ? `힌트: ${finding.ruleId}` : `Hint: ${finding.ruleId}`, prompt: finding.ruleId, command: 'hint' });
  if (entry.weeks[0]) followups.push({ label: ko ? `${entry.weeks[0]} 주차 보기` : `Show week ${entry.weeks[0]}`, prompt: entry.weeks[0], command: 'week' });
  return { intent: 'chat', markdown: renderSections(sections), sections, followups, backend: 'offline', topics: [entry.id, ...(second ? [second.id] : [])] };
}

/** Nothing in the course fits: say so honestly and ask what the learner is trying to do. */
export function unknownResponse(request: TeacherRequest): TeacherResponse {
  const ko = request.lang === 'ko';
  const sections: TeacherSection[] = [
    {
      kind: 'text',
      markdown: ko
        ? '솔직히 말하면, 이 질문은 제가 아는 AI 엔지니어링·MLOps 내용과 잘 연결되지 않아요. 아는 척 일반적인 이야기를 늘어놓기보다 먼저 여쭤볼게요.'
        : "To be honest, I can't connect this question to what I know about AI engineering and MLOps, and I'd rather ask than give you a generic paragraph.",
    },
    {
      kind: 'questions',
      title: ko ? '🤔 **무엇을 하려고 하시나요?**' : '🤔 **What are you trying to do?**',
      markdown: ko
        ? '- 지금 만들거나 운영하려는 것은 무엇인가요? (모델 서빙 API, 학습 파이프라인, 배포 설정 ...)\n- 어디에서 막히셨나요? 오류 메시지나 코드 한 부분을 보여주실 수 있나요?'
        : '- What are you building or running? (a model-serving API, a training pipeline, a deployment config ...)\n- Where are you stuck? Could you share an error message or a piece of the code?',
    },
    {
      kind: 'invitation',
      markdown: ko
        ? '예를 들어 "모델 드리프트는 어떻게 알아채나요?", "카나리 배포는 어떻게 하나요?"처럼 물어봐 주셔도 좋고, 코드가 있다면 `/review`로 함께 볼 수 있어요.'
        : 'You could ask, for example, "How do I notice model drift?" or "How does a canary release work?", or show me your code with `/review`.',
    },
  ];
  return {
    intent: 'chat',
    markdown: renderSections(sections),
    sections,
    followups: [
      { label: ko ? '내 코드 리뷰받기' : 'Review my code', prompt: '', command: 'review' },
      { label: ko ? '설계 질문하기' : 'Ask a design question', prompt: request.message, command: 'design' },
    ],
    backend: 'offline',
    topics: [],
  };
}
