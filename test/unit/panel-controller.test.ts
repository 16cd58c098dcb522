import { strict as assert } from 'node:assert';
import type { Curriculum, ProgressStore, WeekStatus } from '../../src/curriculum/types';
import type { Finding, Lang, LintResult, WeekRef } from '../../src/language/types';
import type { ToWebview } from '../../src/shared/protocol';
import { Conversation } from '../../src/teacher/conversation';
import { emptyMemory, type LearnerMemory } from '../../src/teacher/memory';
import type { AskOptions, TeacherFollowup, TeacherGateway, TeacherRequest, TeacherResponse } from '../../src/teacher/types';
import { PanelController, type ActiveFile, type PanelHost } from '../../src/vscode/panel/controller';
import { parseOpenArgs } from '../../src/vscode/panel/requests';
import { buildCards, buildCurriculumView } from '../../src/vscode/panel/view-model';
import { engine } from '../helpers/engine';

const FLASK = "from flask import Flask\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    app.run(debug=True)\n";

const curriculum: Curriculum = {
  tracks: [
    { id: 'beginner', title: { ko: '초급', en: 'Beginner' }, weeks: 2 },
    { id: 'capstone', title: { ko: '캡스톤', en: 'Capstone' }, weeks: 1 },
  ],
  weeks: [2, 1].map((number) => ({
    id: `beginner/${number}` as WeekRef,
    track: 'beginner' as const,
    number,
    slug: `w${number}`,
    title: { ko: `${number}주차`, en: `Week ${number} title` },
    seedSection: 's',
    intro: { ko: '', en: '' },
    objectives: [],
    concepts: [],
    exercise: { ko: '', en: '' },
    starterFiles: [],
    checkpoints: [
      {
        id: `cp${number}`,
        question: { ko: '왜 헬스 체크가 필요할까요?', en: 'Why a health check?' },
        rubric: [
          {
            id: 'ready',
            label: { ko: '준비 상태 확인', en: 'Readiness check' },
            phrasings: { ko: ['준비 상태'], en: ['readiness'] },
            probe: { ko: '준비는 어떻게 알까요?', en: 'How do you know it is ready?' },
          },
        ],
        passWith: 1,
      },
    ],
    focusRules: [],
    resources: [],
    definitionOfDone: { clearRules: [] },
  })),
};

class FakeProgress implements ProgressStore {
  statuses = new Map<string, WeekStatus>();
  currentWeek: WeekRef | undefined;
  status(week: WeekRef): WeekStatus {
    return this.statuses.get(week) ?? 'not-started';
  }
  async setStatus(week: WeekRef, status: WeekStatus): Promise<void> {
    this.statuses.set(week, status);
  }
  current(): WeekRef | undefined {
    return this.currentWeek;
  }
  async setCurrent(week: WeekRef): Promise<void> {
    this.currentWeek = week;
  }
}

/** A teacher that streams its answer in pieces and honours the abort signal. */
class FakeTeacher implements TeacherGateway {
  requests: TeacherRequest[] = [];
  release: (() => void) | undefined;
  hold = false;
  fail: Error | undefined;
  checkpointPassed = false;
  followups: TeacherFollowup[] = [{ label: 'Next', prompt: '/hint', command: 'x' }];
  async ask(request: TeacherRequest, options: AskOptions = {}): Promise<TeacherResponse> {
    this.requests.push(request);
    if (this.fail) throw this.fail;
    options.onChunk?.('Hello ');
    if (this.hold) {
      await new Promise<void>((resolve, reject) => {
        this.release = resolve;
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    options.onChunk?.('learner');
    const response: TeacherResponse = { intent: request.intent, markdown: 'Hello **learner**', sections: [], followups: this.followups, backend: 'offline' };
    return this.checkpointPassed ? Object.assign(response, { checkpoint: { covered: ['a'], missing: [], passed: true } }) : response;
  }
  async describeBackend() {
    return { id: 'offline' as const, label: 'Offline teacher' };
  }
}

async function setup(options: { lang?: Lang; file?: Partial<ActiveFile> | null; lint?: boolean } = {}) {
  const lint = await engine();
  // Only this rule's finding, so the expectations hold however many rules the catalogue grows to.
  const full = lint.lintText('app.py', FLASK, { lang: options.lang ?? 'en' });
  const result: LintResult = { ...full, findings: full.findings.filter((f) => f.ruleId === 'debug-mode-enabled') };
  const posted: ToWebview[] = [];
  const calls: string[] = [];
  const logs: string[] = [];
  const progress = new FakeProgress();
  const teacher = new FakeTeacher();
  let file: ActiveFile | undefined =
    options.file === null
      ? undefined
      : { uri: 'file:///w/app.py', name: 'app.py', path: 'app.py', languageId: 'python', text: FLASK, result: options.lint === false ? undefined : result, ...options.file };
  let memory: LearnerMemory = emptyMemory();
  const conversation = new Conversation({
    teacher,
    langSetting: () => 'auto',
    displayLang: () => options.lang ?? 'en',
    curriculum: async () => curriculum,
    progress,
    profile: () => ({}),
    saveProfile: async () => undefined,
    memory: { get: () => memory, set: async (m) => void (memory = m) },
  });
  const host: PanelHost = {
    lang: () => options.lang ?? 'en',
    conversation,
    memory: () => memory,
    activeFile: () => file,
    lintActive: async () => {
      calls.push('lint');
      return result;
    },
    rule: async (id) => lint.rule(id),
    curriculum: async () => curriculum,
    progress,
    teacher,
    insertScaffold: async (uri, finding) => void calls.push(`scaffold ${uri} ${finding.ruleId}`),
    copyText: async (text) => void calls.push(`copy ${text}`),
    insertCode: async (text) => void calls.push(`insert ${text}`),
    goToLine: async (uri, finding) => void calls.push(`goto ${uri} ${finding.range.start.line}`),
    startWeek: async (track, week) => {
      if (track === 'missing') throw new Error("command 'aiTeacher.startWeek' not found");
      calls.push(`start ${track}/${week}`);
    },
    showError: (message) => void calls.push(`error ${message}`),
    continueWeek: async () => void calls.push('continue'),
    selectBackend: async () => void calls.push('backend'),
    post: (message) => posted.push(message),
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
  };
  const controller = new PanelController(host);
  controller.viewResolved();
  return {
    controller,
    posted,
    calls,
    logs,
    progress,
    teacher,
    result,
    setFile: (f: ActiveFile | undefined) => (file = f),
    of: <T extends ToWebview['type']>(type: T) => posted.filter((m): m is Extract<ToWebview, { type: T }> => m.type === type),
  };
}

describe('teacher panel controller', () => {
  it('answers ready with init, the review cards, the curriculum and the backend', async () => {
    const t = await setup();
    await t.controller.handle({ type: 'ready' });
    assert.equal(t.posted[0].type, 'init');
    const [review] = t.of('review');
    assert.equal(review.review.status, 'ok');
    assert.equal(review.review.file?.name, 'app.py');
    const [card] = review.review.cards;
    assert.equal(card.ruleId, 'debug-mode-enabled');
    assert.equal(card.line, 5);
    assert.match(card.question, /error page/);
    assert.match(card.why, /Werkzeug/);
    // Help is earned: only level 1 is sent before an attempt, and the card says why level 2 waits.
    assert.deepEqual(
      card.hints.map((h) => h.level),
      [1],
    );
    assert.match(card.hints[0].text, /development and production/);
    assert.equal(card.locked?.level, 2);
    assert.match(card.locked?.reason ?? '', /Hint level 2 opens after 1 more attempt \(0 so far\)\. Edit and save line 5/);
    assert.deepEqual(t.of('backend')[0].backend, { id: 'offline', label: 'Offline teacher' });
    assert.equal(t.of('curriculum').length, 1);
  });

  it('sends nothing before the webview is ready, and Korean cards in Korean', async () => {
    const t = await setup({ lang: 'ko' });
    await t.controller.refreshReview();
    assert.equal(t.posted.length, 0);
    await t.controller.handle({ type: 'ready' });
    const init = t.posted[0];
    assert.ok(init.type === 'init' && init.lang === 'ko' && init.strings['tab.review'] === '리뷰');
    assert.match(t.of('review')[0].review.cards[0].question, /오류 페이지/);
    assert.equal(t.of('review')[0].review.cards[0].categoryLabel, '보안');
    await t.controller.refreshBackend();
    assert.deepEqual(t.of('backend').at(-1)?.backend, { id: 'offline', label: '오프라인 선생님' });
  });

  it('explains what to do when no file or an unsupported file is active, and lints an unlinted file', async () => {
    const none = await setup({ file: null });
    await none.controller.handle({ type: 'ready' });
    assert.equal(none.of('review')[0].review.status, 'no-file');
    const md = await setup({ file: { languageId: 'markdown', name: 'README.md' } });
    await md.controller.handle({ type: 'ready' });
    assert.equal(md.of('review')[0].review.status, 'unsupported');
    const fresh = await setup({ lint: false });
    await fresh.controller.handle({ type: 'ready' });
    assert.deepEqual(
      fresh.of('review').map((m) => m.review.status),
      ['pending', 'ok'],
    );
    assert.deepEqual(fresh.calls, ['lint']);
  });

  it('maps card buttons to the editor, and ignores unknown cards and messages', async () => {
    const t = await setup();
    await t.controller.handle({ type: 'ready' });
    const id = t.of('review')[0].review.cards[0].id;
    await t.controller.handle({ type: 'insertScaffold', cardId: id });
    await t.controller.handle({ type: 'goToLine', cardId: id });
    await t.controller.handle({ type: 'insertScaffold', cardId: 'nope' });
    await t.controller.handle({ type: 'startWeek', track: 'beginner', week: 1 });
    await t.controller.handle({ type: 'continueWeek' });
    await t.controller.handle({ type: 'selectBackend' });
    await t.controller.handle({ type: 'copyText', text: 'x = 1' });
    await t.controller.handle({ type: 'insertCode', text: '# TODO: y' });
    await t.controller.handle({ type: 'executeCommand', command: 'workbench.action.terminal.new' });
    await t.controller.handle('ready');
    assert.deepEqual(t.calls, [
      'scaffold file:///w/app.py debug-mode-enabled',
      'goto file:///w/app.py 4',
      'start beginner/1',
      'continue',
      'backend',
      'copy x = 1',
      'insert # TODO: y',
    ]);
    assert.equal(t.logs.filter((l) => /unknown card|ignored/.test(l)).length, 3);
    await t.controller.handle({ type: 'startWeek', track: 'missing', week: 1 });
    assert.equal(t.calls.at(-1), "error command 'aiTeacher.startWeek' not found");
  });

  it('keeps card ids stable across re-lints', async () => {
    const t = await setup();
    await t.controller.handle({ type: 'ready' });
    await t.controller.refreshReview();
    const [a, b] = t.of('review');
    assert.deepEqual(
      a.review.cards.map((c) => c.id),
      b.review.cards.map((c) => c.id),
    );
  });

  it('streams a question to the teacher with the file, the finding and the history', async () => {
    const t = await setup();
    t.progress.currentWeek = 'beginner/1';
    await t.controller.handle({ type: 'ready' });
    const cardId = t.of('review')[0].review.cards[0].id;
    await t.controller.handle({ type: 'ask', id: 'm1', text: 'What now?', intent: 'explain', cardId, history: [{ role: 'learner', text: 'hi' }] });
    const [request] = t.teacher.requests;
    assert.equal(request.intent, 'explain');
    assert.equal(request.finding?.ruleId, 'debug-mode-enabled');
    assert.equal(request.ruleId, 'debug-mode-enabled');
    assert.equal(request.review?.path, 'app.py');
    assert.equal(request.review?.result.findings.length, 1);
    assert.deepEqual(request.history, [{ role: 'learner', text: 'hi' }]);
    assert.equal(request.curriculum?.current, 'beginner/1');
    assert.deepEqual(
      t.of('chatChunk').map((m) => m.markdown),
      ['Hello ', 'learner'],
    );
    const [end] = t.of('chatEnd');
    // The turn ends with everything the learner saw stream by: that is what the history keeps.
    // The offline teacher sent nothing anywhere, and the footer says so (`sent: {}`).
    assert.deepEqual(end, {
      type: 'chatEnd',
      id: 'm1',
      markdown: 'Hello learner',
      followups: [{ label: 'Next', prompt: '/hint' }],
      backend: 'offline',
      guarded: false,
      stopped: false,
      sent: {},
    });
  });

  it('understands slash commands and review requests typed in the chat, and records a passed checkpoint', async () => {
    const t = await setup();
    t.progress.currentWeek = 'beginner/2';
    await t.controller.handle({ type: 'ready' });
    await t.controller.handle({ type: 'ask', id: 'r', text: '/review please', intent: 'chat', history: [] });
    await t.controller.handle({ type: 'ask', id: 'k', text: 'Can you review my service?', intent: 'chat', history: [] });
    await t.controller.handle({ type: 'ask', id: 'd', text: '/design a recommender', intent: 'chat', history: [] });
    assert.deepEqual(
      t.teacher.requests.map((r) => [r.intent, r.message]),
      [
        ['review', 'please'],
        ['review', 'Can you review my service?'],
        ['design', 'a recommender'],
      ],
    );
    t.teacher.requests = [];
    await t.controller.handle({ type: 'ask', id: 'm', text: 'it tells the balancer', intent: 'checkpoint', history: [] });
    const request = t.teacher.requests[0];
    assert.equal(request.week, 'beginner/2');
    assert.equal(request.curriculum?.current, 'beginner/2');
    assert.equal(request.curriculum?.checkpoint?.id, 'cp2');
    assert.equal(request.curriculum?.statuses?.['beginner/1'], 'not-started');
    assert.equal(request.grade?.passed, false);
    assert.equal(t.progress.status('beginner/2'), 'not-started', 'not passed, no progress');
    await t.controller.handle({
      type: 'ask',
      id: 'm2',
      text: 'The readiness check tells the balancer when the pod can take traffic, so no request reaches a pod that is still loading its model.',
      intent: 'checkpoint',
      week: 'beginner/2',
      history: [],
    });
    assert.equal(t.progress.status('beginner/2'), 'checkpoint-passed');
  });

  it('reads the rule and level of hint followups, and passes teacher commands on as intents', async () => {
    const t = await setup();
    await t.controller.handle({ type: 'ready' });
    await t.controller.handle({ type: 'ask', id: 'h', text: 'debug-mode-enabled 2', intent: 'hint', history: [] });
    await t.controller.handle({ type: 'ask', id: 'h2', text: '/hint', intent: 'chat', history: [] });
    await t.controller.handle({ type: 'ask', id: 'e', text: 'debug-mode-enabled', intent: 'explain', history: [] });
    const [hint, bare, explain] = t.teacher.requests;
    assert.deepEqual([hint.intent, hint.ruleId, hint.hintLevel, hint.finding?.range.start.line, hint.memory?.hintUnlocked], ['hint', 'debug-mode-enabled', 2, 4, 1]);
    // A bare /hint continues with the finding the conversation is on.
    assert.deepEqual([bare.intent, bare.ruleId, bare.hintLevel], ['hint', 'debug-mode-enabled', 2]);
    assert.deepEqual([explain.intent, explain.ruleId], ['explain', 'debug-mode-enabled']);
    t.teacher.followups = [
      { label: 'Next hint (level 2)', prompt: 'debug-mode-enabled 2', command: 'hint' },
      { label: 'Review again', prompt: '', command: 'review' },
      { label: 'Open', prompt: 'x', command: 'workbench.action.terminal.new' },
    ];
    await t.controller.handle({ type: 'ask', id: 'f', text: 'x', intent: 'chat', history: [] });
    assert.deepEqual(t.of('chatEnd').at(-1)!.followups, [
      { label: 'Next hint (level 2)', prompt: 'debug-mode-enabled 2', intent: 'hint' },
      { label: 'Review again', prompt: '', intent: 'review' },
      { label: 'Open', prompt: 'x' },
    ]);
  });

  it('stops a running answer when asked', async () => {
    const t = await setup();
    await t.controller.handle({ type: 'ready' });
    t.teacher.hold = true;
    const running = t.controller.handle({ type: 'ask', id: 'm2', text: 'long', intent: 'chat', history: [] });
    await new Promise((resolve) => setImmediate(resolve));
    await t.controller.handle({ type: 'stop', id: 'm2' });
    await running;
    assert.deepEqual(
      t.of('chatChunk').map((m) => m.markdown),
      ['Hello '],
    );
    assert.deepEqual(t.of('chatEnd'), [{ type: 'chatEnd', id: 'm2', markdown: '', followups: [], guarded: false, stopped: true }]);
  });

  it('reports a failing teacher as a chat error', async () => {
    const t = await setup();
    await t.controller.handle({ type: 'ready' });
    t.teacher.fail = new Error('endpoint down');
    await t.controller.handle({ type: 'ask', id: 'm3', text: 'x', intent: 'chat', history: [] });
    assert.deepEqual(t.of('chatError'), [{ type: 'chatError', id: 'm3', message: 'endpoint down' }]);
  });

  it('openTeacher arguments: a finding, a started week, a prompt (queued until ready)', async () => {
    const t = await setup();
    const finding: Finding = t.result.findings[0];
    await t.controller.open({ finding, uri: { scheme: 'file', toString: () => 'file:///w/app.py' } });
    assert.equal(t.posted.length, 0, 'nothing is posted before ready');
    await t.controller.handle({ type: 'ready' });
    const focus = t.of('focus');
    const runAsk = t.of('runAsk');
    assert.equal(focus.length, 1);
    assert.equal(runAsk[0].intent, 'hint');
    assert.equal(runAsk[0].cardId, focus[0].cardId);
    assert.match(runAsk[0].text, /^Line 5: The flask app runs in debug mode/);

    await t.controller.open({ week: 'beginner/1' });
    const week = t.of('runAsk')[1];
    assert.equal(week.intent, 'week');
    assert.equal(week.week, 'beginner/1');
    assert.match(week.text, /beginner\/1 Week 1 title/);

    await t.controller.open({ prompt: 'How do I version models?' });
    assert.deepEqual(t.of('runAsk')[2], { type: 'runAsk', text: 'How do I version models?', intent: 'chat' });

    // A finding from another file gets an ad-hoc card, so the question still carries it.
    await t.controller.open({ finding: { ...finding, range: { start: { line: 40, column: 0 }, end: { line: 40, column: 3 } } }, uri: 'file:///w/other.py' });
    const adhoc = t.of('runAsk')[3];
    assert.match(String(adhoc.cardId), /^adhoc-/);
    await t.controller.handle({ type: 'ask', id: 'q', text: adhoc.text, intent: 'hint', cardId: adhoc.cardId, history: [] });
    const request = t.teacher.requests.at(-1)!;
    assert.equal(request.finding?.range.start.line, 40);
    assert.equal(request.review, undefined, "the active file is not another file's review");
  });

  it('waits for the reloaded webview after the view was hidden', async () => {
    const t = await setup();
    await t.controller.handle({ type: 'ready' });
    t.controller.viewHidden();
    const before = t.posted.length;
    await t.controller.open({ prompt: 'Hello?' });
    await t.controller.refreshReview();
    assert.equal(t.posted.length, before);
    await t.controller.handle({ type: 'ready' });
    assert.equal(t.posted[before].type, 'init');
    assert.deepEqual(t.posted.at(-1), { type: 'runAsk', text: 'Hello?', intent: 'chat' });
  });

  it('parses openTeacher arguments totally', () => {
    assert.deepEqual(parseOpenArgs(undefined), { kind: 'none' });
    assert.deepEqual(parseOpenArgs('beginner/1'), { kind: 'none' });
    assert.deepEqual(parseOpenArgs({ week: 'beginner/3' }), { kind: 'week', week: 'beginner/3' });
    assert.deepEqual(parseOpenArgs({ track: 'advanced', week: 2 }), { kind: 'week', week: 'advanced/2' });
    assert.deepEqual(parseOpenArgs({ week: { track: 'capstone', week: 1 } }), { kind: 'week', week: 'capstone/1' });
    assert.deepEqual(parseOpenArgs({ week: 'expert/1' }), { kind: 'none' });
    assert.deepEqual(parseOpenArgs({ finding: { ruleId: 'x' } }), { kind: 'none' });
    assert.deepEqual(parseOpenArgs({ prompt: '  ' }), { kind: 'none' });
    assert.deepEqual(parseOpenArgs({ prompt: 'Why?' }), { kind: 'prompt', prompt: 'Why?', send: true });
    assert.deepEqual(parseOpenArgs({ prompt: 'Why?', send: false }), { kind: 'prompt', prompt: 'Why?', send: false });
  });

  it('gives findings of unknown rules a plain card and numbers repeated findings', async () => {
    const t = await setup();
    const finding = t.result.findings[0];
    const moved = { ...finding, range: { start: { line: 9, column: 0 }, end: { line: 9, column: 1 } } };
    const context = { lang: 'en' as const, weekTitle: () => undefined, attempts: () => 0 };
    const { cards, sources } = buildCards([finding, moved, { ...finding, ruleId: 'not-a-rule' }], () => undefined, context);
    assert.deepEqual(
      cards.map((c) => c.id),
      ['debug-mode-enabled#runDebug', 'not-a-rule#runDebug', 'debug-mode-enabled#runDebug~1'],
    );
    assert.equal(cards[1].question, finding.message);
    assert.deepEqual(cards[1].hints, []);
    assert.equal(sources[2].finding.range.start.line, 9);
    const ordered = buildCards(
      [
        { ...finding, severity: 'info' },
        { ...moved, severity: 'error' },
      ],
      () => undefined,
      context,
    );
    assert.deepEqual(
      ordered.cards.map((c) => [c.severity, c.line]),
      [
        ['error', 10],
        ['info', 5],
      ],
      'errors first',
    );
  });

  it('builds the curriculum view with progress, sorted weeks and the current checkpoint', () => {
    const progress = new FakeProgress();
    progress.currentWeek = 'beginner/2';
    progress.statuses.set('beginner/1', 'done');
    progress.statuses.set('beginner/2', 'in-progress');
    const view = buildCurriculumView(curriculum, progress, 'ko');
    assert.deepEqual(
      view.tracks[0].weeks.map((w) => [w.ref, w.status, w.current]),
      [
        ['beginner/1', 'done', false],
        ['beginner/2', 'in-progress', true],
      ],
    );
    assert.equal(view.tracks[0].title, '초급');
    assert.deepEqual(view.tracks[1].weeks, []);
    assert.deepEqual(view.current, { ref: 'beginner/2', title: '2주차', status: 'in-progress', checkpoint: { id: 'cp2', question: '왜 헬스 체크가 필요할까요?' } });
  });
});
