import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordFixed, recurringMistakes } from '../../src/curriculum/progress';
import type { Finding, Lang } from '../../src/language/types';
import type { ToWebview } from '../../src/shared/protocol';
import { observeEdit } from '../../src/teacher/conversation';
import { answerLanguage, isSolutionRequest } from '../../src/teacher/intent';
import { changedLines, emptyMemory, findingKey, normaliseMemory, recordAttempt } from '../../src/teacher/memory';
import { rankedGroups } from '../../src/teacher/review';
import type { ConversationFile } from '../../src/teacher/turn';
import { handleChatRequest, type ChatDeps } from '../../src/vscode/chat/handler';
import { PanelController, type PanelHost } from '../../src/vscode/panel/controller';
import { testConversation } from '../helpers/conversation';
import { ROOT, engine } from '../helpers/engine';

const FLASK = fs.readFileSync(path.join(ROOT, 'test/fixtures/teacher/seed-flask.py'), 'utf8');

async function flask(lang: Lang = 'ko'): Promise<ConversationFile> {
  const result = (await engine()).lintText('app.py', FLASK, { lang });
  return { path: 'app.py', text: FLASK, result, handle: 'file:///w/app.py' };
}

function stream() {
  const rec = { markdown: '', anchors: [] as string[], buttons: [] as { command: string }[] };
  return {
    rec,
    stream: {
      markdown: (v: string) => void (rec.markdown += v),
      anchor: (_: unknown, title?: string) => void rec.anchors.push(title ?? ''),
      button: (b: { command: string }) => void rec.buttons.push(b),
      progress: () => undefined,
    },
  };
}
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/** The chat participant over one conversation core. */
function participant(file: ConversationFile) {
  const t = testConversation();
  const deps: ChatDeps = {
    conversation: t.conversation,
    lang: () => 'ko',
    reviewSources: async () => [{ uri: file.handle, target: { path: file.path, text: file.text, result: file.result } }],
    location: (uri, range) => ({ uri, line: range.start.line }),
    modelClient: () => undefined,
  };
  // VS Code's chat history as the participant receives it: request and response turns.
  const history: unknown[] = [];
  let anchors: string[] = [];
  return {
    anchors: () => anchors,
    async ask(prompt: string, command?: string): Promise<string> {
      const { rec, stream: s } = stream();
      await handleChatRequest(deps, { prompt, command, references: [] }, { history: [...history] }, s, token);
      history.push({ prompt, command, references: [] }, { response: [{ value: { value: rec.markdown } }] });
      anchors = rec.anchors;
      return rec.markdown;
    },
  };
}

/** The panel over another conversation core, with the file open in the editor. */
async function panel(file: ConversationFile) {
  const t = testConversation();
  const posted: ToWebview[] = [];
  const host = {
    lang: () => 'ko',
    activeFile: () => ({ uri: String(file.handle), name: 'app.py', path: file.path, languageId: 'python', text: file.text, result: file.result }),
    lintActive: async () => file.result,
    rule: async (id: string) => (await engine()).rule(id),
    curriculum: async () => (await t.deps.curriculum())!,
    progress: { status: () => 'not-started', setStatus: async () => undefined, current: () => 'beginner/1', setCurrent: async () => undefined },
    teacher: t.deps.teacher,
    conversation: t.conversation,
    memory: () => t.memory(),
    insertScaffold: async () => undefined,
    copyText: async () => undefined,
    insertCode: async () => undefined,
    goToLine: async () => undefined,
    startWeek: async () => undefined,
    continueWeek: async () => undefined,
    selectBackend: async () => undefined,
    showError: () => undefined,
    post: (m: ToWebview) => void posted.push(m),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  } satisfies PanelHost;
  const controller = new PanelController(host);
  controller.viewResolved();
  await controller.handle({ type: 'ready' });
  let n = 0;
  const cards = () => posted.filter((m): m is Extract<ToWebview, { type: 'review' }> => m.type === 'review').at(-1)!.review.cards;
  // The webview's transcript, sent with every question.
  const history: { role: 'learner' | 'teacher'; text: string }[] = [];
  return {
    cards,
    async ask(text: string, intent: 'hint' | 'chat', cardId?: string): Promise<string> {
      const id = `m${++n}`;
      await controller.handle({ type: 'ask', id, text, intent, cardId, history: [...history] });
      const end = posted.find((m): m is Extract<ToWebview, { type: 'chatEnd' }> => m.type === 'chatEnd' && m.id === id);
      history.push({ role: 'learner', text }, { role: 'teacher', text: end!.markdown });
      return end!.markdown;
    },
  };
}

describe('conversation core: one answer for every surface', () => {
  it('the panel and the participant give the same text at each hint level and list findings in the same order', async () => {
    const file = await flask();
    const chat = participant(file);
    const view = await panel(file);
    const card = view.cards().find((c) => c.ruleId === 'debug-mode-enabled')!;
    const answers = [
      '운영에서 오류 페이지가 열리면 디버거 콘솔로 서버에서 코드를 실행할 수 있을 것 같아요',
      'debug 값을 환경 변수에서 읽고 운영에서는 gunicorn이 앱을 띄우게 하면 될 것 같아요',
    ];
    for (const level of [1, 2, 3]) {
      const fromPanel = await view.ask(`debug-mode-enabled ${level}`, 'hint', card.id);
      const fromChat = await chat.ask(`debug-mode-enabled ${level}`, 'hint');
      assert.equal(fromPanel, fromChat, `hint level ${level} differs between the panel and the participant`);
      assert.match(fromChat, new RegExp(`힌트 ${level}단계`));
      assert.doesNotMatch(fromChat, /🔒/, `level ${level} was earned`);
      if (level < 3) {
        // An answer in chat is the attempt that opens the next level, on both surfaces alike.
        const [a, b] = [await view.ask(answers[level - 1], 'chat'), await chat.ask(answers[level - 1])];
        assert.equal(a, b);
        assert.match(b, /한 번의 시도로 기록했어요/);
      }
    }
    // The panel's cards come in the order of the participant's review (most important first).
    await chat.ask('', 'review');
    const inReview = chat.anchors().map((title) => title.split(' ')[0]);
    const inCards = view
      .cards()
      .map((c) => c.ruleId)
      .filter((id, i, all) => all.indexOf(id) === i);
    // The review links at most its first few groups (MAX_ANCHORS); those lead the cards too.
    assert.ok(inReview.length > 0);
    assert.deepEqual(inCards.slice(0, inReview.length), inReview);
    assert.deepEqual(
      inCards,
      rankedGroups(file.result.findings).map((g) => g.ruleId),
    );
  });

  it('explaining a rule the open file breaks keeps its skeleton for the attempts', async () => {
    const file = await flask();
    const chat = participant(file);
    const explained = await chat.ask('debug-mode-enabled', 'explain');
    assert.match(explained, /왜 중요한가요/);
    assert.match(explained, /🔒 힌트 3단계는 시도를 2번 더 하면 열려요/);
    assert.doesNotMatch(explained, /```python/);
    const t = testConversation();
    const general = await t.conversation.respond({ text: 'debug-mode-enabled', command: 'explain' }, { history: [], files: [] });
    assert.match(general.markdown, /```python\n# TODO/, "without a file it is the rule's reference, skeleton included");
  });

  it('the cards unlock hints as the learner attempts, and say why the next one is locked', async () => {
    const file = await flask('en');
    const view = await panel(file);
    const card = () => view.cards().find((c) => c.ruleId === 'debug-mode-enabled')!;
    assert.deepEqual(
      card().hints.map((h) => h.level),
      [1],
    );
    assert.match(card().locked!.reason, /힌트 2단계는 시도를 1번 더 하면 열려요/);
    await view.ask('debug-mode-enabled', 'hint', card().id);
    await view.ask('I think the debugger console would let anyone run code on the server', 'chat');
    await view.ask('debug-mode-enabled', 'hint', card().id);
    assert.deepEqual(
      card().hints.map((h) => h.level),
      [1, 2],
    );
    assert.equal(card().locked?.level, 3);
  });
});

describe('conversation core: reading the turn', () => {
  it('answers in the language of the question unless the learner fixed one', async () => {
    assert.equal(answerLanguage('auto', 'en', '왜 pickle이 위험한가요?'), 'ko');
    assert.equal(answerLanguage('auto', 'ko', 'Why is pickle dangerous?'), 'en');
    assert.equal(answerLanguage('auto', 'ko', 'debug-mode-enabled 2'), 'ko', 'a rule id says nothing: the display language');
    assert.equal(answerLanguage('en', 'ko', '왜 pickle이 위험한가요?'), 'en');
    const t = testConversation({ display: 'en' });
    const ko = await t.conversation.respond({ text: '왜 pickle이 위험한가요?' }, { history: [{ role: 'learner', text: 'hi' }], files: [] });
    assert.equal(ko.lang, 'ko');
    assert.equal(ko.topics[0], 'unsafe-deserialization');
    assert.match(ko.markdown, /pickle/);
    assert.match(ko.markdown, /\?\s*$/m);
    const en = await t.conversation.respond({ text: 'Why is loading a pickle dangerous?' }, { history: [{ role: 'learner', text: 'hi' }], files: [] });
    assert.equal(en.lang, 'en');
    assert.doesNotMatch(en.markdown, /[가-힣]/);
  });

  it('refuses a finished solution in many phrasings, and does not refuse questions about solutions', () => {
    const requests = [
      '그냥 전체 코드 짜주세요',
      '정답 알려주시면 안 돼요?',
      '완성된 코드 보여줘',
      '코드로 보여줘',
      '수정된 app.py 보내줘',
      '그냥 고쳐 주세요',
      '이거 대신 해줘',
      '풀이 보여주세요',
      'can you just write the fixed app.py for me',
      'give me a working Dockerfile and k8s yaml, no questions please',
      'skip the questions and paste the final solution',
      'just give me the answer',
      'fix it for me',
      'show me a complete example',
    ];
    for (const text of requests) assert.ok(isSolutionRequest(text), text);
    const questions = [
      '왜 pickle이 위험한가요?',
      'What makes a good experiment record?',
      '코드 리뷰해 주세요',
      'how should I validate the request body?',
      '환경 변수로 바꿔 주면 되나요?',
      'Can you do a quick review of my code?',
      'show me my progress',
      '어떻게 고치는 게 좋을까요?',
      // Code the learner pasted is not what they ask for: `make` and `app.py` in it ask nothing.
      'How do I make this image production ready?\n```dockerfile\nFROM python:3.12-slim\nCOPY . .\nCMD python app.py\n```',
      '이 Dockerfile을 어떻게 개선하면 좋을까요?\n~~~\nFROM python:3.12\nRUN make build\nCMD ["python", "main.py"]\n~~~',
    ];
    for (const text of questions) assert.ok(!isSolutionRequest(text), text);
    // Inline code still names the object of a request, and code beside a request does not hide it.
    assert.ok(isSolutionRequest('Give me the complete `app.py`'));
    assert.ok(isSolutionRequest('```python\nx = 1\n```\nnow write the complete code for me'));
  });

  it('says honestly when nothing matches, and asks what the learner is trying to do', async () => {
    const t = testConversation();
    const r = await t.conversation.respond({ text: '오늘 점심 뭐 먹을까요?' }, { history: [{ role: 'learner', text: 'hi' }], files: [] });
    assert.deepEqual(r.topics, []);
    assert.match(r.markdown, /솔직히 말하면/);
    assert.match(r.markdown, /무엇을 하려고 하시나요\?/);
  });

  it('sends the open file only when the question needs it, and still points at the line locally', async () => {
    const requests: { review?: unknown; intent: string }[] = [];
    const inner = testConversation().deps.teacher;
    const t = testConversation({ teacher: { ask: (r, o) => (requests.push(r), inner.ask(r, o)), describeBackend: () => inner.describeBackend() } });
    const file = await flask();
    const r = await t.conversation.respond({ text: '왜 pickle이 위험한가요?' }, { history: [{ role: 'learner', text: 'hi' }], files: [file] });
    assert.equal(requests[0].review, undefined, 'a concept question does not carry the file');
    assert.match(r.markdown, /📍 \*\*여러분의 파일에서:\*\* `app.py` 5번째 줄/);
    await t.conversation.respond({ text: '제 코드에서 pickle 부분이 왜 위험한가요?' }, { history: [], files: [file] });
    assert.ok(requests[1].review, 'a question about "my code" carries it');
  });

  it('passes the whole conversation, both sides, to the teacher', async () => {
    const seen: unknown[] = [];
    const inner = testConversation().deps.teacher;
    const t = testConversation({ teacher: { ask: (r, o) => (seen.push(r.history), inner.ask(r, o)), describeBackend: () => inner.describeBackend() } });
    const history = Array.from({ length: 60 }, (_, i) => ({ role: i % 2 ? ('teacher' as const) : ('learner' as const), text: `turn ${i}` }));
    await t.conversation.respond({ text: 'What is a canary release?' }, { history, files: [] });
    assert.deepEqual(seen[0], history);
  });
});

describe('conversation core: memory', () => {
  it('a re-review celebrates what was fixed since the last review', async () => {
    const t = testConversation();
    const before = await flask();
    await t.conversation.respond({ text: '', command: 'review' }, { history: [], files: [before] });
    const fixedText = FLASK.replace('app.run(debug=True)', "app.run(debug=os.environ.get('DEBUG') == '1')");
    const after = { ...before, text: fixedText, result: (await engine()).lintText('app.py', fixedText, { lang: 'ko' }) };
    const again = await t.conversation.respond({ text: '', command: 'review' }, { history: [], files: [after] });
    assert.match(again.markdown, /🎉 \*\*지난 리뷰 이후 고치신 것:\*\*\n\n- ✅ `debug-mode-enabled`/);
  });

  it('an edit that touches a finding is an attempt, its disappearance a fix, and a fixed mistake that returns is recurring', async () => {
    const file = await flask();
    const debug = file.result.findings.find((f) => f.ruleId === 'debug-mode-enabled')!;
    const fixedText = FLASK.replace('app.run(debug=True)', 'app.run()');
    const fixed = (await engine()).lintText('app.py', fixedText, { lang: 'ko' });
    const first = observeEdit(
      emptyMemory(),
      {},
      { path: 'app.py', before: FLASK, after: fixedText, previous: file.result.findings, current: fixed.findings, week: 'beginner/1', at: 1 },
    );
    assert.equal(first.memory.attempts[findingKey('app.py', debug)]?.attempts, 1);
    assert.equal(first.log['debug-mode-enabled'].fixed.length, 1);
    assert.equal(
      first.memory.attempts[
        findingKey(
          'app.py',
          file.result.findings.find((f) => f.ruleId === 'unsafe-deserialization')!,
        )
      ],
      undefined,
      'an untouched finding earns nothing',
    );
    const back = observeEdit(first.memory, first.log, {
      path: 'serve.py',
      before: 'x = 1\n',
      after: FLASK,
      previous: [],
      current: file.result.findings,
      week: 'beginner/3',
      at: 2,
    });
    assert.deepEqual(
      recurringMistakes(back.log).find((m) => m.ruleId === 'debug-mode-enabled'),
      { ruleId: 'debug-mode-enabled', count: 2, weeks: ['beginner/1', 'beginner/3'], cameBack: true },
    );

    const t = testConversation();
    await t.deps.progress.setMistakes!(recordFixed({}, 'debug-mode-enabled', 'old.py', 'beginner/1', 1));
    const r = await t.conversation.respond({ text: '', command: 'review' }, { history: [], files: [file] });
    assert.match(r.markdown, /🔁 `debug-mode-enabled`: 전에 \(`beginner\/1`\) 고치셨던 실수가 다시 나타났어요\. 이번에는 무엇이 달랐나요\?/);
  });

  it('finds the lines an edit touched, and reads stored memory defensively', () => {
    assert.deepEqual(changedLines('a\nb\nc\n', 'a\nB\nc\n'), { start: 1, end: 1 });
    assert.deepEqual(changedLines('a\nc\n', 'a\nb\nc\n'), { start: 0, end: 1 });
    assert.equal(changedLines('same', 'same'), undefined);
    assert.deepEqual(normaliseMemory('nonsense'), emptyMemory());
    assert.deepEqual(normaliseMemory({ attempts: { k: { ruleId: 1 } }, reviews: { p: { at: 'x' } } }), emptyMemory());
    const memory = recordAttempt(emptyMemory(), 'k', 'r', 'p', 5);
    assert.deepEqual(normaliseMemory(JSON.parse(JSON.stringify(memory))), memory);
  });

  it('keys a finding by file, rule, message and data, not by line', () => {
    const finding: Finding = {
      ruleId: 'r',
      messageId: 'm',
      message: 'x',
      category: 'security',
      severity: 'error',
      range: { start: { line: 1, column: 0 }, end: { line: 1, column: 1 } },
      data: { b: 2, a: 1 },
    };
    const moved: Finding = { ...finding, range: { start: { line: 9, column: 0 }, end: { line: 9, column: 1 } } };
    assert.equal(findingKey('app.py', finding), findingKey('app.py', moved));
    assert.equal(findingKey('app.py', finding), 'app.py#r#m#a=1&b=2');
  });
});
