import { chatResponse, guessIntent, isSolutionRequest, refusalResponse } from './chat';
import { explainResponse, hintResponse } from './coach';
import { checkpointResponse, progressResponse, weekResponse } from './course';
import { designResponse } from './design';
import { answersGreeting, greetingText, profileReply } from './profile';
import { reviewResponse } from './review';
import { renderSections } from './text';
import type { TeacherRequest, TeacherResponse, TeacherSection } from './types';

/**
 * The offline teacher: deterministic answers built from rule metadata, the curriculum and the
 * learner profile. Same request, same response; no network, no model. It is also the fallback
 * of every model backend and the grounding its prompts carry.
 */
export function offlineTeacher(request: TeacherRequest): TeacherResponse {
  // A request for the finished answer is refused whatever the command, because that is the one rule that never bends.
  if (request.intent !== 'checkpoint' && isSolutionRequest(request.message)) {
    if (request.intent !== 'review' || !request.review) return refusalResponse(request);
    // A review still happens; the learner just hears first that it will not come with the finished code.
    const review = reviewResponse(request, request.review);
    const note = refusalResponse(request).sections[0];
    const sections = [note, ...review.sections];
    return { ...review, sections, markdown: renderSections(sections) };
  }
  const intent = request.intent === 'chat' ? resolveChatIntent(request) : request.intent;
  switch (intent) {
    case 'greeting':
      return greeting(request);
    case 'review':
      return request.review ? reviewResponse(request, request.review) : needsFile(request);
    case 'hint':
      return hintResponse(request);
    case 'explain':
      return explainResponse(request);
    case 'design':
      return designResponse(request);
    case 'checkpoint':
      return checkpointResponse(request);
    case 'week':
      return weekResponse(request);
    case 'progress':
      return progressResponse(request);
    default:
      return chatResponse(request);
  }
}

function resolveChatIntent(request: TeacherRequest): TeacherRequest['intent'] {
  if (answersGreeting(request.history)) return 'greeting';
  const guessed = guessIntent(request.message);
  // Reviewing needs a file; without one a "review" message is just chat about reviewing.
  return guessed === 'review' && !request.review ? 'chat' : guessed;
}

function greeting(request: TeacherRequest): TeacherResponse {
  if (answersGreeting(request.history) && request.message.trim()) return profileReply(request.message, request.profile, request.lang);
  const known = Object.values(request.profile).some(Boolean);
  const sections: TeacherSection[] = [{ kind: 'text', markdown: known ? welcomeBack(request) : greetingText(request.lang) }];
  return { intent: 'greeting', markdown: renderSections(sections), sections, followups: [], backend: 'offline' };
}

function needsFile(request: TeacherRequest): TeacherResponse {
  const ko = request.lang === 'ko';
  const sections: TeacherSection[] = [
    {
      kind: 'note',
      markdown: ko
        ? '리뷰할 파일이 없어요. Python이나 YAML 파일을 열어 두거나, `#file`로 파일을 붙여서 다시 `/review`를 불러 주세요.'
        : 'There is no file to review. Open a Python or YAML file, or attach one with `#file`, and call `/review` again.',
    },
  ];
  return { intent: 'review', markdown: renderSections(sections), sections, followups: [], backend: 'offline' };
}

/** A learner the teacher already knows is not asked the four questions again. */
function welcomeBack(request: TeacherRequest): string {
  const week = request.curriculum?.current ?? request.profile.currentWeek;
  if (request.lang === 'ko') {
    return `다시 만나서 반가워요! 🤖${week ? ` 지금 \`${week}\` 주차를 진행 중이시죠.` : ''}\n\n오늘은 무엇을 함께 볼까요? 코드가 있다면 \`/review\`, 설계 고민이라면 \`/design\`, 막힌 곳이 있다면 \`/hint\`로 불러 주세요.`;
  }
  return `Good to see you again! 🤖${week ? ` You're working on week \`${week}\`.` : ''}\n\nWhat shall we look at today? Use \`/review\` for code, \`/design\` for a design question, or \`/hint\` if you're stuck.`;
}
