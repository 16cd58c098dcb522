import { designSignals, designResponse } from './design';
import { matchTopic, knowledgeResponse, unknownResponse, entryQuestions } from './knowledge/answer';
import type { TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { renderSections, t } from './text';

export { guessIntent, isSolutionRequest } from './intent';

/**
 * Free chat: a finished solution is refused politely (whatever the phrasing), a question about
 * the craft is answered from the knowledge base, a design question gets the requirements-first
 * pattern, and anything else gets an honest "I don't know this one, what are you trying to do?".
 */

export function refusalResponse(request: TeacherRequest): TeacherResponse {
  const ko = request.lang === 'ko';
  const match = matchTopic(request);
  const topic = match ? t(request.lang, match.entry.title) : undefined;
  const questions = match ? entryQuestions(match.entry, request, undefined, 1) : [];
  const sections: TeacherSection[] = [
    {
      kind: 'text',
      markdown: ko
        ? `완성된 코드를 드리면 지금 당장은 편하지만, 다음에 비슷한 문제를 만났을 때 스스로 설계할 힘이 생기지 않아요. 그래서 ${topic ? `**${topic}** 관련해서도 ` : ''}**정답 코드는 드리지 않을게요.** 😊`
        : `A finished solution would feel good right now, but it wouldn't build the judgement you need for the next similar problem. So ${topic ? `even for **${topic}**, ` : ''}**I won't hand over the finished code.** 😊`,
    },
    {
      kind: 'questions',
      title: ko ? '🤔 **대신 함께 시작해 봐요:**' : "🤔 **Instead, let's start together:**",
      markdown: [
        ...questions,
        ko ? '지금 코드에서 어떤 부분이 가장 막막하게 느껴지나요?' : 'Which part of your code feels hardest right now?',
        ko ? '그 부분이 프로덕션에서 실패한다면, 어떤 모습으로 실패할까요?' : 'If that part failed in production, what would the failure look like?',
      ]
        .map((q) => `- ${q}`)
        .join('\n'),
    },
    {
      kind: 'invitation',
      markdown: ko
        ? '막힌 지점을 알려주시면 `/hint`로 한 단계씩 힌트를 드릴게요. TODO 골격이 필요하면 힌트 3단계에서 함께 채워 봐요.'
        : "Tell me where you're stuck and I'll give hints one step at a time with `/hint`; at hint level 3 we fill in a TODO skeleton together.",
    },
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
    topics: ['refusal', ...(match ? [match.entry.id] : [])],
  };
}

export function chatResponse(request: TeacherRequest): TeacherResponse {
  const match = matchTopic(request);
  if (match) return knowledgeResponse(request, match);
  if (designSignals(request.message)) return designResponse(request);
  return unknownResponse(request);
}
