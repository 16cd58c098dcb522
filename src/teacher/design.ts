import type { Localized } from '../language/types';
import { teamScale } from './profile';
import type { TeacherRequest, TeacherResponse, TeacherSection } from './types';
import { anyMention, loc, renderSections, t } from './text';

/**
 * Requirements-first architecture coaching (seed: 아키텍처 질문 받았을 때 대응 패턴). It asks about
 * performance, data and operations before any technology, and never names a stack.
 */

interface Signal {
  readonly id: string;
  readonly words: readonly string[];
  readonly topic: Localized;
  readonly performance?: readonly Localized[];
  readonly data?: readonly Localized[];
  readonly operations?: readonly Localized[];
}

const SIGNALS: readonly Signal[] = [
  {
    id: 'realtime',
    words: ['실시간', 'real-time', 'realtime', 'online', '온라인', 'low latency', '저지연'],
    topic: loc('실시간', 'real-time'),
    performance: [
      loc('요청이 몰릴 때 잠시 대기열에 넣어도 되나요, 아니면 항상 즉시 응답해야 하나요?', 'When requests pile up, may they wait in a queue, or must every answer be immediate?'),
    ],
    data: [loc('실시간 피처 업데이트가 필요한가요?', 'Do you need real-time feature updates?')],
  },
  {
    id: 'batch',
    words: ['batch', '배치', '일간', 'daily', 'nightly', '야간', '스케줄'],
    topic: loc('배치', 'batch'),
    performance: [loc('배치 한 번을 끝내야 하는 시간 창(time window)은 얼마인가요?', 'Within what time window must one batch run finish?')],
    data: [loc('한 번에 처리하는 데이터 크기는 GB, TB, PB 중 어느 쪽인가요?', 'Is one run GB, TB or PB of data?')],
    operations: [loc('배치가 중간에 실패하면 처음부터 다시 돌리나요, 이어서 돌리나요?', 'If a batch fails halfway, do you restart it or resume it?')],
  },
  {
    id: 'recommend',
    words: ['추천', 'recommend', 'recsys', '개인화', 'personaliz'],
    topic: loc('추천 시스템', 'recommendation system'),
    data: [loc('모델 예측 결과를 캐시할 수 있나요?', 'Can model predictions be cached?'), loc('사용자별 개인화 수준은?', 'How personalised must results be per user?')],
  },
  {
    id: 'llm',
    words: ['llm', '생성형', 'generative', 'gpt', 'rag', '챗봇', 'chatbot', '언어 모델', 'language model'],
    topic: loc('LLM 서비스', 'LLM service'),
    performance: [loc('첫 토큰까지의 시간과 전체 응답 시간 중 무엇이 더 중요한가요?', 'Which matters more: time to first token or total response time?')],
    data: [loc('프롬프트와 응답에 개인정보가 들어가나요? 어디까지 저장해도 되나요?', 'Do prompts and answers contain personal data? How much may you store?')],
    operations: [
      loc('요청당 비용 상한은 얼마인가요?', 'What is the cost ceiling per request?'),
      loc('답변 품질이 나빠진 것을 어떻게 측정하시겠어요?', 'How will you measure that answer quality got worse?'),
    ],
  },
  {
    id: 'streaming',
    words: ['스트리밍', 'streaming', 'kafka', '이벤트', 'event'],
    topic: loc('스트리밍 파이프라인', 'streaming pipeline'),
    data: [loc('이벤트 순서가 중요한가요? 중복 이벤트는 어떻게 다루나요?', 'Does event order matter? How do you handle duplicate events?')],
    operations: [loc('소비가 생산을 못 따라가면(lag) 어떻게 알아차리나요?', 'How would you notice consumers falling behind producers (lag)?')],
  },
  {
    id: 'fraud',
    words: ['사기', 'fraud', '이상 탐지', 'anomaly'],
    topic: loc('이상 탐지 시스템', 'anomaly detection system'),
    operations: [loc('오탐과 미탐 중 어느 쪽의 비용이 더 큰가요?', 'Which costs more: a false alarm or a missed case?')],
  },
];

const BASE = {
  performance: [
    loc('QPS(초당 요청 수)가 얼마나 되나요?', 'How many requests per second (QPS) do you expect?'),
    loc('응답 시간 SLA는 몇 ms인가요?', 'What is the response-time SLA in ms?'),
    loc('피크 시간과 평상시 트래픽 비율은?', 'What is the ratio of peak to normal traffic?'),
  ],
  data: [
    loc('입력 데이터는 어디에서 오고, 얼마나 자주 바뀌나요?', 'Where does the input data come from, and how often does it change?'),
    loc('데이터 품질 문제(누락, 이상값)는 어디에서 걸러내나요?', 'Where do you catch data-quality problems (missing values, outliers)?'),
  ],
  operations: [
    loc('99.9% 가용성이 필요한가요?', 'Do you need 99.9% availability?'),
    loc('모델 업데이트는 얼마나 자주 하나요?', 'How often will you update the model?'),
    loc('장애 시 fallback 전략이 있나요?', 'Do you have a fallback strategy for failures?'),
  ],
};

/** A message that asks how to build or deploy a system, rather than about one concept. */
export function designSignals(message: string): boolean {
  return (
    SIGNALS.some((s) => anyMention(message, s.words)) ||
    anyMention(message, ['설계', '아키텍처', '어떻게 배포', '배포해야', '구축', 'architecture', 'design', 'how should i deploy', 'how do i deploy', 'how should we build'])
  );
}

export function designResponse(request: TeacherRequest): TeacherResponse {
  const { lang, message } = request;
  const ko = lang === 'ko';
  const hits = SIGNALS.filter((s) => anyMention(message, s.words));
  const merge = (key: 'performance' | 'data' | 'operations') => {
    const specific = hits.flatMap((s) => s[key] ?? []);
    // Specific questions first, then the general ones; three or four per group keeps it answerable.
    return [...specific, ...BASE[key]]
      .slice(0, Math.max(3, Math.min(4, specific.length + 2)))
      .map((q) => `- ${t(lang, q)}`)
      .join('\n');
  };
  const topic = hits.map((s) => t(lang, s.topic)).join(' ');
  const opening = topic
    ? ko
      ? `${topic} 배포, 복잡한 엔지니어링 문제네요!`
      : `Deploying a ${topic}: a complex engineering problem!`
    : ko
      ? '좋은 설계 질문이네요! 복잡한 엔지니어링 문제일수록 기술보다 요구사항이 먼저예요.'
      : 'A good design question! The more complex the problem, the more the requirements come before the technology.';
  const groups = ko
    ? [`**1. 성능 요구사항**\n${merge('performance')}`, `**2. 데이터 요구사항**\n${merge('data')}`, `**3. 운영 요구사항**\n${merge('operations')}`]
    : [`**1. Performance requirements**\n${merge('performance')}`, `**2. Data requirements**\n${merge('data')}`, `**3. Operational requirements**\n${merge('operations')}`];
  const scale = teamScale(request.profile);
  if (scale === 'solo' || scale === 'team' || scale === 'platform') {
    const q = {
      solo: loc(
        '혼자 운영하신다면, 새벽 장애에 누가 대응하나요? 직접 운영할 부분과 맡길 부분을 어떻게 나누시겠어요?',
        'If you run it alone, who answers a 3 a.m. outage? What would you operate yourself and what would you hand off?',
      ),
      team: loc('팀에서 이 시스템을 누가 소유하고, 배포 권한은 누구에게 있나요?', 'Who on the team owns this system, and who may deploy it?'),
      platform: loc('여러 팀이 이 구조를 재사용하려면 무엇을 표준화해야 할까요?', 'If many teams reuse this design, what must be standardised?'),
    }[scale];
    groups.push(ko ? `**4. 팀과 운영 역량**\n- ${q.ko}` : `**4. Team and operating capacity**\n- ${q.en}`);
  }
  const sections: TeacherSection[] = [
    { kind: 'acknowledge', markdown: opening },
    { kind: 'requirements', title: ko ? '🤔 **먼저 요구사항을 분석해봅시다:**' : "🤔 **Let's analyse the requirements first:**", markdown: groups.join('\n\n') },
    {
      kind: 'invitation',
      markdown: ko
        ? '이런 요구사항들을 정의해주시면, 적합한 아키텍처를 함께 설계해볼게요!'
        : "Once you've defined these requirements, we'll design a fitting architecture together!",
    },
  ];
  return {
    intent: 'design',
    markdown: renderSections(sections),
    sections,
    followups: [
      {
        label: ko ? '요구사항 답하기' : 'Answer the requirements',
        prompt: ko ? 'QPS: , 응답 시간 SLA: , 가용성 목표: ' : 'QPS: , latency SLA: , availability target: ',
        command: 'design',
      },
    ],
    backend: 'offline',
  };
}
