import type { Curriculum, Week } from '../../src/curriculum/types';

/** A two-week course in the contract's shape, so teacher tests do not depend on the real curriculum files. */
function week(n: number, title: [string, string], focusRules: string[]): Week {
  return {
    id: `beginner/${n}`,
    track: 'beginner',
    number: n,
    slug: `w${n}`,
    title: { ko: title[0], en: title[1] },
    seedSection: '학습 커리큘럼',
    intro: { ko: `${title[0]} 주차를 시작해요.`, en: `Welcome to ${title[1]}.` },
    objectives: [{ ko: 'ML 라이프사이클 이해', en: 'Understand the ML lifecycle' }],
    concepts: [{ ko: '모델 드리프트', en: 'Model drift' }],
    exercise: { ko: '간단한 모델 서빙 API 구축', en: 'Build a simple model-serving API' },
    starterFiles: [],
    checkpoints: [
      {
        id: `b${n}-drift`,
        question: { ko: '모델 드리프트가 무엇이고 왜 중요한가요?', en: 'What is model drift and why does it matter?' },
        rubric: [
          {
            id: 'distribution',
            label: { ko: '데이터 분포의 변화', en: 'Change in data distribution' },
            phrasings: { ko: ['분포', '데이터가 바뀌'], en: ['distribution', 'data changes'] },
            probe: { ko: '입력 데이터의 분포가 바뀌면 어떤 일이 생길까요?', en: 'What happens when the input distribution shifts?' },
          },
          {
            id: 'performance',
            label: { ko: '성능 저하', en: 'Performance degradation' },
            phrasings: { ko: ['성능 저하', '정확도가 떨어'], en: ['accuracy drops', 'performance degrad'] },
            probe: { ko: '드리프트가 모델 성능에 어떤 영향을 주나요?', en: 'How does drift affect model performance?' },
          },
          {
            id: 'monitoring',
            label: { ko: '모니터링과 탐지', en: 'Monitoring and detection' },
            phrasings: { ko: ['모니터링', '탐지'], en: ['monitor', 'detect'] },
            probe: { ko: '드리프트를 어떻게 탐지하시겠어요?', en: 'How would you detect drift?' },
          },
        ],
        passWith: 2,
      },
    ],
    focusRules,
    resources: [],
    definitionOfDone: { clearRules: focusRules },
  };
}

export const COURSE: Curriculum = {
  tracks: [{ id: 'beginner', title: { ko: '초급 과정', en: 'Beginner' }, weeks: 2 }],
  weeks: [week(1, ['MLOps 기초', 'MLOps basics'], ['debug-mode-enabled', 'unsafe-deserialization']), week(2, ['실험 관리', 'Experiment tracking'], ['missing-random-seed'])],
};
