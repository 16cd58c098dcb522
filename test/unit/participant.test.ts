import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from '../../src/language/types';
import { greetingText } from '../../src/teacher/profile';
import type { LearnerProfile } from '../../src/teacher/types';
import { followupsFor, handleChatRequest, historyTurns, type ChatDeps, type ChatRequestLike, type ReviewSource } from '../../src/vscode/chat/handler';
import { Commands, PARTICIPANT_ID } from '../../src/vscode/ids';
import { lmClient, type LmApi } from '../../src/vscode/teacher/lm-client';
import { testConversation } from '../helpers/conversation';
import { ROOT, engine } from '../helpers/engine';

const FLASK = fs.readFileSync(path.join(ROOT, 'test/fixtures/teacher/seed-flask.py'), 'utf8');

class FakeLanguageModelError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const fakeLmApi: LmApi = {
  userMessage: (text) => ({ role: 'user', text }),
  assistantMessage: (text) => ({ role: 'assistant', text }),
  token: () => ({ token: {}, dispose: () => undefined }),
  languageModelErrorCode: (e) => (e instanceof FakeLanguageModelError ? e.code : undefined),
};

function fakeModel(pieces: readonly string[], fail?: Error) {
  const model = {
    name: 'Fake GPT',
    vendor: 'test',
    requests: [] as unknown[][],
    sendRequest(messages: unknown[]) {
      model.requests.push(messages);
      if (fail) return Promise.reject(fail);
      return Promise.resolve({
        text: (async function* () {
          for (const p of pieces) yield p;
        })(),
      });
    },
  };
  return model;
}

interface Recorded {
  markdown: string;
  anchors: { value: unknown; title?: string }[];
  buttons: { command: string; title: string; arguments?: unknown[] }[];
  progress: string[];
}

function fakeStream(onMarkdown?: () => void) {
  const rec: Recorded = { markdown: '', anchors: [], buttons: [], progress: [] };
  return {
    rec,
    stream: {
      markdown: (v: string) => {
        rec.markdown += v;
        onMarkdown?.();
      },
      anchor: (value: unknown, title?: string) => rec.anchors.push({ value, title }),
      button: (b: { command: string; title: string; arguments?: unknown[] }) => rec.buttons.push(b),
      progress: (v: string) => rec.progress.push(v),
    },
  };
}

function fakeToken() {
  const listeners: (() => unknown)[] = [];
  return {
    isCancellationRequested: false,
    onCancellationRequested: (l: () => unknown) => (listeners.push(l), { dispose: () => undefined }),
    cancel() {
      this.isCancellationRequested = true;
      listeners.forEach((l) => l());
    },
  };
}

async function flaskSource(): Promise<ReviewSource> {
  const result = (await engine()).lintText('app.py', FLASK, { lang: 'ko' });
  return { uri: 'file:///w/app.py', target: { path: 'app.py', text: FLASK, result } };
}

function deps(extra: { sources?: ReviewSource[]; profileValue?: LearnerProfile } = {}) {
  const t = testConversation({ profile: extra.profileValue });
  const d: ChatDeps & { saved: LearnerProfile[]; statuses: typeof t.statuses; core: typeof t } = {
    conversation: t.conversation,
    lang: () => 'ko',
    reviewSources: async () => extra.sources ?? [],
    location: (uri: unknown, range: Range) => ({ uri, line: range.start.line }),
    modelClient: (model) => lmClient(model as ReturnType<typeof fakeModel>, fakeLmApi, () => 'ko'),
    saved: t.saved,
    statuses: t.statuses,
    core: t,
  };
  return d;
}

const req = (prompt: string, command?: string, model?: unknown): ChatRequestLike => ({ prompt, command, references: [], model });
const requestTurn = (prompt: string, command?: string) => ({ prompt, command, participant: PARTICIPANT_ID, references: [] });
const responseTurn = (text: string) => ({ participant: PARTICIPANT_ID, response: [{ value: { value: text } }], result: {} });

describe('chat participant handler', () => {
  it('first meeting: greets and asks the four questions', async () => {
    const { rec, stream } = fakeStream();
    const result = await handleChatRequest(deps(), req('안녕하세요!'), { history: [] }, stream, fakeToken());
    assert.ok(rec.markdown.includes('현재 상황을 알려주세요'));
    for (const n of ['1.', '2.', '3.', '4.']) assert.ok(rec.markdown.includes(n));
    assert.equal(result.metadata.intent, 'greeting');
  });

  it('remembers the answers to the four questions as a profile', async () => {
    const d = deps();
    const { rec, stream } = fakeStream();
    const answer = '1. 노트북에서 Flask로 돌려요\n2. 아직 클라우드는 안 써요\n3. 배포가 자주 깨져요\n4. 혼자 개발하고 경험은 처음이에요';
    await handleChatRequest(d, req(answer), { history: [requestTurn('안녕하세요'), responseTurn(greetingText('ko'))] }, stream, fakeToken());
    assert.equal(d.saved.length, 1);
    assert.equal(d.saved[0].team, '혼자 개발하고 경험은 처음이에요');
    assert.equal(d.saved[0].level, 'beginner');
    assert.match(rec.markdown, /beginner\/1/);
  });

  it('/review: the seed format, anchors to the lines and an insert-scaffold button', async () => {
    const { rec, stream } = fakeStream();
    const result = await handleChatRequest(deps({ sources: [await flaskSource()] }), req('', 'review'), { history: [] }, stream, fakeToken());
    assert.match(rec.markdown, /Flask로 모델 서빙을 구현하셨네요!/);
    assert.match(rec.markdown, /🤔 \*\*하지만 프로덕션 관점에서 개선할 점들이 있어요:\*\*/);
    assert.match(rec.markdown, /💡 \*\*다음 단계로 개선해보세요:\*\*/);
    assert.match(rec.markdown, /개선된 버전을 보여주시면 함께 리뷰해볼게요!/);
    assert.ok(rec.anchors.length >= 1);
    assert.deepEqual(rec.anchors.find((a) => a.title?.startsWith('debug-mode-enabled'))?.value, { uri: 'file:///w/app.py', line: 13 });
    const button = rec.buttons.find((b) => b.command === Commands.insertScaffold);
    assert.ok(button);
    const [uri, finding] = button.arguments as [string, { ruleId: string; range: { start: { line: number } } }];
    assert.equal(uri, 'file:///w/app.py');
    assert.equal(finding.ruleId, 'debug-mode-enabled');
    assert.equal(finding.range.start.line, 13);
    assert.ok(result.metadata.followups.some((f) => f.command === 'hint'));
    assert.deepEqual(
      followupsFor(result).map((f) => f.command),
      result.metadata.followups.map((f) => f.command),
    );
  });

  it('/review without a file asks for one', async () => {
    const { rec, stream } = fakeStream();
    await handleChatRequest(deps(), req('', 'review'), { history: [] }, stream, fakeToken());
    assert.match(rec.markdown, /리뷰할 파일이 없어요/);
  });

  it('/review with request.model streams the guarded model answer, the persona first as its own user message', async () => {
    const model = fakeModel([
      'Flask로 잘 만드셨네요! ',
      '14번째 줄의 debug 설정은 운영에서 어떤 위험이 있을까요?\n',
      '```python\n' + Array.from({ length: 16 }, (_, i) => `line_${i} = fix(${i})`).join('\n') + '\n```\n',
    ]);
    const { rec, stream } = fakeStream();
    const result = await handleChatRequest(
      deps({ sources: [await flaskSource()] }),
      req('', 'review', model),
      { history: [requestTurn('hi'), responseTurn('hello')] },
      stream,
      fakeToken(),
    );
    assert.equal(result.metadata.backend, 'vscode');
    assert.match(rec.markdown, /어떤 위험이 있을까요/);
    assert.ok(!rec.markdown.includes('line_5 = fix(5)'), 'the guard replaced the finished code');
    const sent = model.requests[0] as { role: string; text: string }[];
    // The LM API has no system role: the rules go first as a user message of their own, never mixed with learner code.
    assert.equal(sent[0].role, 'user');
    assert.match(sent[0].text, /^You are "AI 엔지니어링 선생님"/);
    assert.ok(!sent[0].text.includes('<learner_code path'));
    assert.match(sent.at(-1)!.text, /<learner_code path="app.py">/);
    assert.ok(
      (model.requests[0] as { role: string }[]).some((m) => m.role === 'assistant'),
      'teacher turns are in the history',
    );
  });

  it('a LanguageModelError falls back to the offline teacher with a friendly note', async () => {
    const model = fakeModel([], new FakeLanguageModelError('NoPermissions'));
    const { rec, stream } = fakeStream();
    const result = await handleChatRequest(deps(), req('실시간 추천 시스템을 어떻게 배포해야 하나요?', 'design', model), { history: [] }, stream, fakeToken());
    assert.equal(result.metadata.backend, 'offline');
    assert.match(rec.markdown, /언어 모델 사용 동의가 없어요/);
    assert.match(rec.markdown, /먼저 요구사항을 분석해봅시다/);
  });

  it('/hint: level 2 is locked until an attempt, which an answer in chat makes; level 3 offers the scaffold', async () => {
    const d = deps({ sources: [await flaskSource()] });
    const one = fakeStream();
    await handleChatRequest(d, req('', 'hint'), { history: [] }, one.stream, fakeToken());
    assert.match(one.rec.markdown, /힌트 1단계/);
    const rule = /\(`([a-z-]+)`\)/.exec(one.rec.markdown)![1];
    const locked = fakeStream();
    await handleChatRequest(d, req('', 'hint'), { history: [requestTurn('', 'hint'), responseTurn(one.rec.markdown)] }, locked.stream, fakeToken());
    assert.match(locked.rec.markdown, /🔒 힌트 2단계는 시도를 1번 더 하면 열려요/);
    assert.doesNotMatch(locked.rec.markdown, /힌트 2단계 — 개념/);
    const answer = fakeStream();
    await handleChatRequest(
      d,
      req('운영 서버에서 에러 페이지가 열리면 디버거로 코드를 실행할 수 있을 것 같아요'),
      { history: [requestTurn('', 'hint'), responseTurn(locked.rec.markdown)] },
      answer.stream,
      fakeToken(),
    );
    assert.match(answer.rec.markdown, /한 번의 시도로 기록했어요/);
    assert.match(answer.rec.markdown, /힌트 2단계 — 개념/);
    const three = fakeStream();
    await handleChatRequest(d, req(`${rule} 3`, 'hint'), { history: [] }, three.stream, fakeToken());
    assert.match(three.rec.markdown, /🔒 힌트 3단계/, 'a second attempt is needed for the skeleton');
    assert.ok(!three.rec.buttons.some((b) => b.command === Commands.insertScaffold));
    await handleChatRequest(
      d,
      req('debug 값은 환경 변수에서 읽고 운영에서는 gunicorn으로 띄우면 될 것 같아요'),
      { history: [responseTurn(three.rec.markdown)] },
      fakeStream().stream,
      fakeToken(),
    );
    const skeleton = fakeStream();
    await handleChatRequest(d, req(`${rule} 3`, 'hint'), { history: [] }, skeleton.stream, fakeToken());
    assert.match(skeleton.rec.markdown, /힌트 3단계 — 골격/);
    assert.ok(skeleton.rec.buttons.some((b) => b.command === Commands.insertScaffold));
    assert.equal(skeleton.rec.anchors.length, 1);
  });

  it('/explain a rule by id', async () => {
    const { rec, stream } = fakeStream();
    await handleChatRequest(deps(), req('missing-readiness-probe', 'explain'), { history: [] }, stream, fakeToken());
    assert.match(rec.markdown, /왜 중요한가요/);
    assert.match(rec.markdown, /readinessProbe/);
  });

  it('/design asks requirements before any technology', async () => {
    const { rec, stream } = fakeStream();
    await handleChatRequest(deps(), req('실시간 추천 시스템을 어떻게 배포해야 하나요?', 'design'), { history: [] }, stream, fakeToken());
    assert.match(rec.markdown, /1\. 성능 요구사항/);
    assert.ok(!/Kubernetes|Redis|FastAPI/.test(rec.markdown));
  });

  it('/week shows the week and a start-week button with {track, week}', async () => {
    const { rec, stream } = fakeStream();
    const result = await handleChatRequest(deps(), req('beginner/2', 'week'), { history: [] }, stream, fakeToken());
    assert.match(rec.markdown, /실험 관리/);
    assert.deepEqual(rec.buttons.find((b) => b.command === Commands.startWeek)?.arguments, [{ track: 'beginner', week: 2 }]);
    assert.equal(result.metadata.week, 'beginner/2');
  });

  it('/checkpoint asks, then assesses and records a pass', async () => {
    const d = deps();
    const ask = fakeStream();
    await handleChatRequest(d, req('', 'checkpoint'), { history: [] }, ask.stream, fakeToken());
    assert.match(ask.rec.markdown, /모델 드리프트가 무엇이고 왜 중요한가요/);
    const answer = fakeStream();
    await handleChatRequest(d, req('입력 데이터의 분포가 바뀌어서 정확도가 떨어지는 현상이에요', 'checkpoint'), { history: [] }, answer.stream, fakeToken());
    assert.match(answer.rec.markdown, /통과/);
    assert.match(answer.rec.markdown, /드리프트를 어떻게 탐지하시겠어요/);
    assert.equal(d.statuses.get('beginner/1'), 'checkpoint-passed');
    const salad = fakeStream();
    await handleChatRequest(deps(), req('데이터 분포 성능 저하 모니터링', 'checkpoint'), { history: [] }, salad.stream, fakeToken());
    assert.match(salad.rec.markdown, /아직이에요/);
  });

  it('/progress shows the tracks', async () => {
    const d = deps();
    d.statuses.set('beginner/1', 'done');
    const { rec, stream } = fakeStream();
    await handleChatRequest(d, req('', 'progress'), { history: [] }, stream, fakeToken());
    assert.match(rec.markdown, /초급 과정/);
    assert.match(rec.markdown, /1\/2/);
  });

  it('"give me the code" is refused politely with a question, without calling the model', async () => {
    const model = fakeModel(['here is the full code']);
    const { rec, stream } = fakeStream();
    await handleChatRequest(deps({ profileValue: { team: '3명' } }), req('정답 코드 전체 줘', undefined, model), { history: [responseTurn('x')] }, stream, fakeToken());
    assert.match(rec.markdown, /정답 코드는 드리지 않을게요/);
    assert.equal(model.requests.length, 0);
  });

  it('cancellation stops the model stream', async () => {
    const token = fakeToken();
    const model = fakeModel(['첫 문장은 충분히 길어서 곧바로 학습자에게 스트리밍되는 설명입니다.\n', 'two\n', 'three\n']);
    const { rec, stream } = fakeStream(() => token.cancel());
    await handleChatRequest(deps(), req('모니터링은 어디서부터 시작하죠?', undefined, model), { history: [responseTurn('x')] }, stream, token);
    assert.ok(!rec.markdown.includes('three'));
    assert.ok(!rec.markdown.includes('오프라인'));
  });

  it('history keeps both sides of this participant only', () => {
    const turns = historyTurns([requestTurn('hello'), responseTurn('hi!'), { participant: 'other.participant', prompt: 'x' }, requestTurn('d', 'design')]);
    assert.deepEqual(turns, [
      { role: 'learner', text: 'hello' },
      { role: 'teacher', text: 'hi!' },
      { role: 'learner', text: '/design d' },
    ]);
  });
});
