import type { Lang } from '../language/types';
import type { ChatTurn, LearnerProfile, TeacherResponse, TeacherSection } from './types';
import { anyMention, renderSections } from './text';

/** The first meeting (seed 대화 스타일 › 첫 만남) and how the learner's answers shape later advice. */

const GREETING_KO = `안녕하세요! AI 엔지니어링을 함께 학습할 선생님입니다! 🤖

저는 여러분에게 **완성된 MLOps 솔루션을 바로 제공하지 않습니다**.
대신 스스로 확장 가능하고 안정적인 AI 시스템을 설계할 수 있는 엔지니어링 사고력을 키워드려요.

**현재 상황을 알려주세요:**
1. 현재 ML 모델을 어떻게 배포하고 계신가요?
2. 어떤 클라우드/인프라를 사용하고 계신가요?
3. 현재 겪고 있는 운영 상의 어려움이 있나요?
4. 팀 규모와 개발/운영 경험은 어느 정도인가요?

이 정보를 바탕으로 현실적인 MLOps 로드맵을 제안해드릴게요!`;

const GREETING_EN = `Hello! I'm the teacher who will learn AI engineering with you! 🤖

I **won't hand you a finished MLOps solution right away**.
Instead, I'll help you build the engineering judgement to design scalable, reliable AI systems yourself.

**Tell me about your situation:**
1. How do you deploy your ML models today?
2. Which cloud or infrastructure do you use?
3. What operational difficulties are you facing right now?
4. How big is your team, and how much development/operations experience do you have?

With this, I'll suggest a realistic MLOps roadmap for you!`;

export function greetingText(lang: Lang): string {
  return lang === 'ko' ? GREETING_KO : GREETING_EN;
}

/** True when the teacher's last turn was the first-meeting greeting, so the learner's message answers it. */
export function answersGreeting(history: readonly ChatTurn[]): boolean {
  const last = [...history].reverse().find((turn) => turn.role === 'teacher');
  return !!last && (last.text.includes('현재 상황을 알려주세요') || last.text.includes('Tell me about your situation'));
}

const FIELDS = ['deployment', 'infrastructure', 'painPoints', 'team'] as const;

/**
 * Reads the answers to the four questions. Numbered answers map in order; free text is split
 * into sentences and each sentence goes to the field its keywords point at.
 */
export function parseProfile(answer: string, base: LearnerProfile = {}): LearnerProfile {
  const out: Record<string, string> = {};
  const numbered = [...answer.matchAll(/(?:^|\n)\s*([1-4])[.)]\s*([^\n]+)/g)];
  if (numbered.length >= 2) {
    for (const m of numbered) out[FIELDS[Number(m[1]) - 1]] = m[2].trim();
  } else {
    for (const sentence of answer
      .split(/(?<=[.!?。])\s+|\n+/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const field = fieldOf(sentence);
      if (field && !out[field]) out[field] = sentence;
    }
  }
  const level = levelOf(answer) ?? base.level;
  return { ...base, ...out, ...(level ? { level } : {}) };
}

function fieldOf(sentence: string): (typeof FIELDS)[number] | undefined {
  if (anyMention(sentence, ['팀', '명이', '혼자', '경험', 'team', 'alone', 'solo', 'experience', 'years', '년차'])) return 'team';
  if (anyMention(sentence, ['어려', '문제', '힘들', '장애', 'pain', 'problem', 'struggle', 'difficult', 'outage'])) return 'painPoints';
  if (anyMention(sentence, ['aws', 'gcp', 'azure', '클라우드', 'cloud', '온프레미스', 'on-prem', '노트북', 'laptop', 'kubernetes', 'k8s', '서버'])) return 'infrastructure';
  if (anyMention(sentence, ['배포', 'deploy', 'serve', '서빙', 'flask', 'fastapi', 'docker', 'api'])) return 'deployment';
  return undefined;
}

function levelOf(text: string): LearnerProfile['level'] {
  if (anyMention(text, ['처음', '초보', '입문', '경험 없', 'beginner', 'new to', 'no experience', 'just started'])) return 'beginner';
  if (anyMention(text, ['시니어', '10년', '플랫폼 팀', 'senior', 'platform team', 'staff engineer'])) return 'advanced';
  if (anyMention(text, ['주니어', '1년', '2년', '3년', 'junior', 'a few years', 'some experience'])) return 'intermediate';
  return undefined;
}

export type TeamScale = 'solo' | 'team' | 'platform' | 'unknown';

/** How big the learner's world is; a team of one on a laptop needs different next steps than a platform team. */
export function teamScale(profile: LearnerProfile): TeamScale {
  const text = `${profile.team ?? ''} ${profile.infrastructure ?? ''}`;
  if (anyMention(text, ['플랫폼', 'platform', 'sre', 'mlops 팀', 'mlops team'])) return 'platform';
  const people = /(\d+)\s*(?:명|people|persons|engineers|members)/i.exec(text);
  if (people) return Number(people[1]) <= 1 ? 'solo' : Number(people[1]) >= 10 ? 'platform' : 'team';
  if (anyMention(text, ['혼자', '1인', '개인', 'solo', 'alone', 'just me', 'myself', '노트북', 'laptop'])) return 'solo';
  if (anyMention(text, ['팀', 'team'])) return 'team';
  return 'unknown';
}

/** One paragraph under the scaffold that fits the learner's situation (empty when we know nothing). */
export function profileAdvice(profile: LearnerProfile, lang: Lang): string {
  switch (teamScale(profile)) {
    case 'solo':
      return lang === 'ko'
        ? '🧑‍💻 혼자 노트북에서 시작하신다면: 위 TODO 중 **가장 위의 하나만** 먼저 해결해 보세요. 지금 단계에서는 클러스터나 큰 도구보다, 로컬에서 다시 검사해 보고 "무엇이 달라졌나"를 설명할 수 있는 것이 더 중요해요.'
        : '🧑‍💻 Working alone on a laptop? Tackle **only the top TODO** first. At this stage, re-checking locally and being able to explain "what changed" matters more than clusters or big tools.';
    case 'team':
      return lang === 'ko'
        ? '👥 팀으로 일하신다면: 이 중 어떤 항목을 코드 리뷰 체크리스트에 넣을지 팀과 함께 정해 보세요. 누가 어떤 기준으로 "프로덕션 준비 완료"를 판단하나요?'
        : '👥 Working as a team? Decide together which of these belong on your code-review checklist. Who decides "production ready", and by what criteria?';
    case 'platform':
      return lang === 'ko'
        ? '🏗️ 플랫폼 팀이라면: 한 서비스만 고치기보다, 이 개선을 모든 서비스가 따르는 공통 템플릿이나 CI 품질 게이트로 만들 방법을 고민해 보세요. 예외는 누가, 어떻게 승인하나요?'
        : '🏗️ On a platform team? Rather than fixing one service, think about turning this into a shared template or a CI quality gate every service follows. Who approves exceptions, and how?';
    default:
      return '';
  }
}

/** The reply to the learner's answers: what the teacher understood, and where to start. */
export function profileReply(answer: string, base: LearnerProfile, lang: Lang): TeacherResponse {
  const profile = parseProfile(answer, base);
  const ko = lang === 'ko';
  const labels = ko
    ? { deployment: '배포 방식', infrastructure: '인프라', painPoints: '어려움', team: '팀과 경험' }
    : { deployment: 'Deployment', infrastructure: 'Infrastructure', painPoints: 'Pain points', team: 'Team and experience' };
  const understood = FIELDS.filter((f) => profile[f]).map((f) => `- **${labels[f]}**: ${profile[f]}`);
  const level = profile.level ?? 'beginner';
  const start = `${level}/1`;
  const sections: TeacherSection[] = [
    { kind: 'acknowledge', markdown: ko ? '알려주셔서 고마워요! 제가 이해한 내용은 이래요:' : 'Thanks for telling me! Here is what I understood:' },
    { kind: 'text', markdown: understood.length ? understood.join('\n') : ko ? '- (아직 구체적인 정보가 없어요)' : '- (nothing specific yet)' },
    {
      kind: 'text',
      markdown: ko
        ? `🗺️ **제안하는 출발점:** \`${start}\` 주차부터 시작해 보면 어떨까요? 각 주차는 직접 코드를 작성하고, 제가 질문과 TODO 골격으로 리뷰하는 방식이에요.`
        : `🗺️ **Suggested starting point:** how about week \`${start}\`? Each week you write the code yourself, and I review it with questions and TODO skeletons.`,
    },
  ];
  const advice = profileAdvice(profile, lang);
  if (advice) sections.push({ kind: 'text', markdown: advice });
  sections.push({
    kind: 'invitation',
    markdown: ko
      ? '그 전에 하나만 더 물어볼게요: 지금 운영 중인 시스템에서 **가장 먼저 장애가 난다면 어디일 것 같나요?**'
      : 'One more question first: in the system you run today, **where do you think the first outage would happen?**',
  });
  return {
    intent: 'greeting',
    markdown: renderSections(sections),
    sections,
    followups: [
      { label: ko ? `${start} 주차 보기` : `Show week ${start}`, prompt: start, command: 'week' },
      { label: ko ? '지금 파일 리뷰받기' : 'Review my current file', prompt: '', command: 'review' },
    ],
    backend: 'offline',
    profile,
  };
}
