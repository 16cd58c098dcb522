import { strict as assert } from 'node:assert';
import { PANEL_STRINGS, format } from '../../src/shared/panel-strings';
import { LIMITS, parseToExtension, parseToWebview } from '../../src/shared/protocol';

describe('panel protocol', () => {
  it('accepts every well-formed message from the webview', () => {
    const good = [
      { type: 'ready' },
      { type: 'ask', id: 'm1', text: 'hi', intent: 'chat', history: [{ role: 'learner', text: 'a' }] },
      { type: 'ask', id: 'm2', text: 'x', intent: 'checkpoint', week: 'beginner/1', cardId: 'c', history: [] },
      { type: 'stop', id: 'm1' },
      { type: 'insertScaffold', cardId: 'c' },
      { type: 'copyText', text: '# TODO' },
      { type: 'insertCode', text: '# TODO' },
      { type: 'goToLine', cardId: 'c' },
      { type: 'startWeek', track: 'beginner', week: 1 },
      { type: 'continueWeek' },
      { type: 'selectBackend' },
      { type: 'log', level: 'warn', message: 'x' },
    ];
    for (const message of good) assert.deepEqual(JSON.parse(JSON.stringify(parseToExtension(message))), message, JSON.stringify(message));
  });

  it('rejects unknown, malformed and oversized messages from the webview (total, never throws)', () => {
    const bad: unknown[] = [
      undefined,
      null,
      42,
      'ready',
      [],
      {},
      { type: 'launchMissiles' },
      { type: 'ask', id: 'm1', text: 'hi', intent: 'rm -rf', history: [] },
      { type: 'ask', id: 'm1', text: 'hi', intent: 'chat' },
      { type: 'ask', id: 'm1', text: 'hi', intent: 'chat', history: [{ role: 'system', text: 'x' }] },
      { type: 'ask', id: 'm1', text: 'x'.repeat(LIMITS.text + 1), intent: 'chat', history: [] },
      { type: 'ask', id: 'm1', text: 'hi', intent: 'chat', history: Array(LIMITS.history + 1).fill({ role: 'learner', text: '' }) },
      { type: 'ask', id: 'm1', text: 'hi', intent: 'chat', history: [], cardId: 3 },
      { type: 'insertScaffold' },
      { type: 'copyText' },
      { type: 'insertCode', text: 'x'.repeat(LIMITS.text + 1) },
      { type: 'startWeek', track: 'beginner', week: 0 },
      { type: 'startWeek', track: 'beginner', week: 1.5 },
      { type: 'startWeek', track: 'beginner', week: '1' },
      { type: 'log', level: 'debug', message: 'x' },
    ];
    for (const message of bad) assert.equal(parseToExtension(message), undefined, JSON.stringify(message));
  });

  it('accepts well-formed messages to the webview and rejects broken ones', () => {
    const card = {
      id: 'c',
      ruleId: 'r',
      severity: 'error',
      category: 'security',
      categoryLabel: 'Security',
      line: 3,
      message: 'm',
      question: 'q',
      why: 'w',
      hints: [{ level: 1, text: 'h' }],
    };
    const good = [
      { type: 'init', lang: 'ko', strings: { a: 'b' } },
      { type: 'init', lang: 'en', strings: {}, backend: { id: 'offline', label: 'Offline' } },
      { type: 'review', review: { status: 'ok', file: { name: 'app.py', uri: 'file:///app.py' }, cards: [card] } },
      { type: 'review', review: { status: 'no-file', cards: [] } },
      { type: 'review', review: { status: 'ok', cards: [{ ...card, severity: 'info', severityReason: 'loaded once at start-up' }] } },
      {
        type: 'curriculum',
        curriculum: { tracks: [{ id: 'beginner', title: 'B', weeks: [{ ref: 'beginner/1', track: 'beginner', number: 1, title: 't', status: 'done', current: false }] }] },
      },
      { type: 'curriculum', curriculum: { tracks: [], current: { ref: 'beginner/1', title: 't', status: 'in-progress', checkpoint: { id: 'c', question: 'q' } } } },
      { type: 'backend', backend: { id: 'openai', label: 'Ollama' } },
      { type: 'focus', tab: 'review', cardId: 'c' },
      { type: 'runAsk', text: 't', intent: 'week', week: 'beginner/1' },
      { type: 'prefill', text: 't' },
      { type: 'chatChunk', id: 'm', markdown: 'x' },
      {
        type: 'chatEnd',
        id: 'm',
        markdown: 'x',
        followups: [
          { label: 'l', prompt: 'p' },
          { label: 'h', prompt: '', intent: 'hint' },
        ],
        backend: 'vscode',
        guarded: false,
        stopped: true,
      },
      { type: 'chatError', id: 'm', message: 'boom' },
    ];
    for (const message of good) assert.deepEqual(JSON.parse(JSON.stringify(parseToWebview(message))), message, JSON.stringify(message));
    const bad: unknown[] = [
      { type: 'init', lang: 'fr', strings: {} },
      { type: 'init', lang: 'ko', strings: { a: 1 } },
      { type: 'review', review: { status: 'ok', cards: [{ ...card, severity: 'fatal' }] } },
      { type: 'review', review: { status: 'ok', cards: [{ ...card, hints: [{ level: 4, text: 'h' }] }] } },
      { type: 'review', review: { status: 'weird', cards: [] } },
      { type: 'review', review: { status: 'ok', cards: [{ ...card, severityReason: 7 }] } },
      { type: 'backend', backend: { id: 'gpt', label: 'x' } },
      { type: 'focus', tab: 'settings' },
      { type: 'chatEnd', id: 'm', markdown: 'x', followups: [], guarded: false },
      { type: 'chatEnd', id: 'm', markdown: 'x', followups: [{ label: 'l', prompt: 'p', intent: 'rm' }], guarded: false, stopped: false },
      { type: 'chatChunk', id: 'm', markdown: 'x'.repeat(LIMITS.markdown + 1) },
      { type: 'eval', code: 'alert(1)' },
    ];
    for (const message of bad) assert.equal(parseToWebview(message), undefined, JSON.stringify(message));
  });

  it('has the same string keys in Korean and English, with the accessible names the e2e tests use', () => {
    assert.deepEqual(Object.keys(PANEL_STRINGS.ko).sort(), Object.keys(PANEL_STRINGS.en).sort());
    const names: [string, string, string][] = [
      ['tab.review', 'Review', '리뷰'],
      ['tab.chat', 'Chat', '채팅'],
      ['tab.curriculum', 'Curriculum', '커리큘럼'],
      ['button.insertScaffold', 'Insert TODO scaffold', 'TODO 스캐폴드 삽입'],
      ['card.goToLine', 'Go to line {line}', '{line}번째 줄로 이동'],
      ['button.askAbout', 'Ask about this', '이것에 대해 질문하기'],
      ['button.send', 'Send', '보내기'],
      ['button.start', 'Start', '시작'],
      ['button.continue', 'Continue', '이어하기'],
    ];
    for (const [key, en, ko] of names) {
      assert.equal(PANEL_STRINGS.en[key as keyof typeof PANEL_STRINGS.en], en);
      assert.equal(PANEL_STRINGS.ko[key as keyof typeof PANEL_STRINGS.ko], ko);
    }
    for (const lang of ['en', 'ko'] as const) {
      for (const [key, value] of Object.entries(PANEL_STRINGS[lang])) {
        const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        assert.deepEqual(placeholders(value), placeholders(PANEL_STRINGS.en[key as keyof typeof PANEL_STRINGS.en]), `${lang} ${key}`);
      }
    }
    assert.equal(format('{a} and {b}', { a: 1 }), '1 and {b}');
  });
});
