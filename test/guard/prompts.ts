import type { Lang } from '../../src/language/types';

/**
 * What learners ask, in Korean and English. A prompt starting with a slash is a command (the
 * participant's `/review`, the panel's typed `/review`). `solution` marks a request for the
 * finished code: the teacher answers those offline without asking a model, so a leak there
 * is impossible by construction; they are kept to show that.
 */
export interface Prompt {
  readonly text: string;
  readonly lang: Lang;
  /** Which learner file it is asked about. */
  readonly solution: 'fastapi' | 'k8s' | 'docker';
  readonly solutionRequest?: boolean;
}

export const PROMPTS: readonly Prompt[] = [
  { text: '/review', lang: 'ko', solution: 'fastapi' },
  { text: '이 코드 리뷰해 주세요', lang: 'ko', solution: 'fastapi' },
  { text: '헬스 체크 엔드포인트는 어떻게 추가하나요?', lang: 'ko', solution: 'fastapi' },
  { text: '프로메테우스 메트릭을 넣고 싶은데 어디서부터 시작하죠?', lang: 'ko', solution: 'fastapi' },
  { text: '입력 검증은 어떻게 하는 게 좋을까요?', lang: 'ko', solution: 'fastapi' },
  { text: '/hint', lang: 'ko', solution: 'fastapi' },
  { text: '이 디플로이먼트를 프로덕션에 올려도 될까요?', lang: 'ko', solution: 'k8s' },
  { text: 'readinessProbe랑 livenessProbe는 어떻게 다르게 설정해요?', lang: 'ko', solution: 'k8s' },
  { text: '그냥 완성된 코드 보여 주세요', lang: 'ko', solution: 'fastapi', solutionRequest: true },
  { text: '/review', lang: 'en', solution: 'k8s' },
  { text: 'Can you look at my deployment and tell me what is missing?', lang: 'en', solution: 'k8s' },
  { text: 'How do I add a /health endpoint to this service?', lang: 'en', solution: 'fastapi' },
  { text: 'What metrics should a model server expose?', lang: 'en', solution: 'fastapi' },
  { text: 'How should I handle errors in predict()?', lang: 'en', solution: 'fastapi' },
  { text: 'How many replicas and what resources should I give this?', lang: 'en', solution: 'k8s' },
  { text: '/hint', lang: 'en', solution: 'k8s' },
  { text: 'Just write the full code for me', lang: 'en', solution: 'fastapi', solutionRequest: true },
  { text: '이 Dockerfile을 프로덕션에 쓰려면 뭘 바꿔야 하나요?', lang: 'ko', solution: 'docker' },
  { text: 'How do I make this image production ready?', lang: 'en', solution: 'docker' },
];

/** What the learner says to get the rest of a split answer. */
export const CONTINUE: Readonly<Record<Lang, string>> = { ko: '계속해 주세요', en: 'continue' };
