import type { TeacherIntent, TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { anyMention, loc, renderSections, t } from './text';

/** Free chat: guess what the learner wants, refuse finished solutions politely, and answer with a question. */

/** Asking for the finished thing, in either language. Checked before anything else. */
export const SOLUTION_REQUEST = [
  '정답', '전체 코드', '완성된 코드', '완성 코드', '코드 짜줘', '코드 짜 줘', '코드를 짜', '코드 작성해줘', '코드 작성해 줘', '대신 작성', '다 만들어', '그냥 알려줘', '답 알려줘', '답을 알려',
  'full code', 'complete code', 'finished code', 'full solution', 'write it for me', 'write the code', 'just give me', 'give me the code', 'give me the answer', 'do it for me', 'fixed version',
];

const INTENT_WORDS: readonly (readonly [TeacherIntent, readonly string[]])[] = [
  ['greeting', ['안녕', '처음 뵙', 'hello', 'hi there', 'nice to meet']],
  ['hint', ['힌트', 'hint', '막혔', '막혀', 'stuck']],
  ['review', ['리뷰', '봐주세요', '봐 주세요', '검토', 'review', 'check my', 'look at my']],
  ['checkpoint', ['체크포인트', 'checkpoint', '퀴즈', 'quiz']],
  ['progress', ['진도', '진행 상황', '진행상황', 'progress', 'how far']],
  ['week', ['주차', 'this week', 'week ', '과제가 뭐', 'assignment']],
  ['design', ['설계', '아키텍처', '어떻게 배포', '배포해야', '구축하려', 'architecture', 'design', 'how should i deploy', 'how do i deploy', 'system for']],
];

export function isSolutionRequest(message: string): boolean {
  return anyMention(message, SOLUTION_REQUEST);
}

/** The intent of a message without a slash command; `chat` when nothing fits. */
export function guessIntent(message: string): TeacherIntent {
  for (const [intent, words] of INTENT_WORDS) if (anyMention(message, words)) return intent;
  return 'chat';
}

export function refusalResponse(request: TeacherRequest): TeacherResponse {
  const ko = request.lang === 'ko';
  const sections: TeacherSection[] = [
    {
      kind: 'text',
      markdown: ko
        ? '완성된 코드를 드리면 지금 당장은 편하지만, 다음에 비슷한 문제를 만났을 때 스스로 설계할 힘이 생기지 않아요. 그래서 **정답 코드는 드리지 않을게요.** 😊'
        : "A finished solution would feel good right now, but it wouldn't build the judgement you need for the next similar problem. So **I won't hand over the finished code.** 😊",
    },
    {
      kind: 'questions',
      title: ko ? '🤔 **대신 함께 시작해 봐요:**' : "🤔 **Instead, let's start together:**",
      markdown: ko
        ? '- 지금 코드에서 어떤 부분이 가장 막막하게 느껴지나요?\n- 그 부분이 프로덕션에서 실패한다면, 어떤 모습으로 실패할까요?'
        : '- Which part of your code feels hardest right now?\n- If that part failed in production, what would the failure look like?',
    },
    { kind: 'invitation', markdown: ko ? '막힌 지점을 알려주시면 `/hint`로 한 단계씩 힌트를 드릴게요.' : "Tell me where you're stuck and I'll give hints one step at a time with `/hint`." },
  ];
  return {
    intent: 'chat',
    markdown: renderSections(sections),
    sections,
    followups: [
      { label: ko ? '힌트 받기' : 'Get a hint', prompt: '', command: 'hint' },
      { label: ko ? '내 코드 리뷰받기' : 'Review my code', prompt: '', command: 'review' },
    ],
    backend: 'offline',
  };
}

const SYSTEM_QUESTIONS = [
  loc('이 시스템이 실제 프로덕션에서 어떻게 동작할까요?', 'How will this system behave in real production?'),
  loc('확장성과 안정성은 어떻게 보장하나요?', 'How do you guarantee scalability and reliability?'),
  loc('장애가 발생하면 어떻게 대응하나요?', 'When something fails, how do you respond?'),
];

export function chatResponse(request: TeacherRequest): TeacherResponse {
  const { lang } = request;
  const ko = lang === 'ko';
  const sections: TeacherSection[] = [
    { kind: 'text', markdown: ko ? '좋은 질문이에요! 바로 답을 드리기 전에, 시스템 전체의 관점에서 먼저 생각해 봐요.' : "Good question! Before I answer directly, let's look at it from the whole system's point of view." },
    { kind: 'questions', title: ko ? '🤔 **생각해 볼 질문:**' : '🤔 **Questions to think about:**', markdown: SYSTEM_QUESTIONS.map((q) => `- ${t(lang, q)}`).join('\n') },
    { kind: 'invitation', markdown: ko ? '여러분의 생각을 들려주시면, 거기서부터 함께 더 깊이 들어가 볼게요. 코드가 있다면 `/review`, 설계 고민이라면 `/design`도 좋아요.' : "Tell me what you think and we'll go deeper from there. If you have code, try `/review`; for a design question, `/design`." },
  ];
  return {
    intent: 'chat',
    markdown: renderSections(sections),
    sections,
    followups: [
      { label: ko ? '설계 질문하기' : 'Ask a design question', prompt: request.message, command: 'design' },
      { label: ko ? '내 코드 리뷰받기' : 'Review my code', prompt: '', command: 'review' },
    ],
    backend: 'offline',
  };
}
