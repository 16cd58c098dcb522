import { strict as assert } from 'node:assert';
import { PANEL_STRINGS } from '../../src/shared/panel-strings';
import type { CardView, CurriculumView, ReviewView } from '../../src/shared/protocol';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/engine';
import { buttonNamed, loadWebview, webviewBundle, type FakeWebview } from '../helpers/webview';

const card = (id: string, line: number, overrides: Partial<CardView> = {}): CardView => ({
  id,
  ruleId: 'unsafe-deserialization',
  severity: 'error',
  category: 'security',
  categoryLabel: 'Security',
  line,
  message: 'pickle.load on untrusted data',
  question: 'Where does this **file** come from?',
  why: 'Unpickling runs code.',
  hints: [
    { level: 1, text: '- Who can write to the model path?' },
    { level: 2, text: 'Loading a model is *deserialisation*.' },
    { level: 3, text: '# TODO: load with a safe format\n# <script>alert(1)</script>' },
  ],
  ...overrides,
});

const review = (cards: CardView[]): ReviewView => ({ status: 'ok', file: { name: 'app.py', uri: 'file:///w/app.py' }, cards });

const curriculum: CurriculumView = {
  tracks: [
    {
      id: 'beginner',
      title: 'Beginner',
      weeks: [
        { ref: 'beginner/1', track: 'beginner', number: 1, title: 'MLOps basics', status: 'in-progress', current: true },
        { ref: 'beginner/2', track: 'beginner', number: 2, title: 'Experiments', status: 'not-started', current: false },
      ],
    },
  ],
  current: { ref: 'beginner/1', title: 'MLOps basics', status: 'in-progress', checkpoint: { id: 'c1', question: 'Why a **health** endpoint?' } },
};

async function started(lang: 'en' | 'ko' = 'en', state?: unknown): Promise<FakeWebview> {
  const w = await loadWebview(state);
  w.send({ type: 'init', lang, strings: PANEL_STRINGS[lang], backend: { id: 'offline', label: 'Offline teacher' } });
  return w;
}

describe('teacher panel webview (bundle in jsdom)', () => {
  it('says ready first and builds named tabs and a footer after init', async () => {
    const w = await started();
    assert.deepEqual(w.posted[0], { type: 'ready' });
    const tabs = w.$$('[role="tab"]');
    assert.deepEqual(
      tabs.map((t) => t.textContent),
      ['Review', 'Chat', 'Curriculum'],
    );
    for (const tab of tabs) {
      const panel = w.document.getElementById(tab.getAttribute('aria-controls')!);
      assert.equal(panel?.getAttribute('role'), 'tabpanel');
      assert.equal(panel?.getAttribute('aria-labelledby'), tab.id);
    }
    assert.equal(w.$('[role="tab"][aria-selected="true"]')?.textContent, 'Review');
    assert.match(w.$('.footer .backend')!.textContent!, /Offline teacher/);
    w.click(buttonNamed(w.document, 'Change teacher backend')!);
    assert.equal(w.of('selectBackend').length, 1);
    w.close();
  });

  it('says in the footer what left the machine with the last answer', async () => {
    const w = await started();
    const sentLine = () => w.$('.footer .sent');
    assert.equal(sentLine(), null, 'nothing is claimed before an answer');
    const ask = (text: string) => {
      const input = w.$('textarea') as HTMLTextAreaElement;
      input.value = text;
      w.click(buttonNamed(w.document, 'Send')!);
      return String(w.of('ask').at(-1)!.id);
    };
    const end = (id: string, sent?: object) => w.send({ type: 'chatEnd', id, markdown: 'ok', followups: [], guarded: false, stopped: false, ...(sent ? { sent } : {}) });
    end(ask('hi'), {});
    assert.equal(sentLine()!.textContent, 'Last answer: nothing left this computer');
    end(ask('What is drift?'), { to: 'llama3.1 @ 127.0.0.1:11434' });
    assert.equal(sentLine()!.textContent, 'Sent to llama3.1 @ 127.0.0.1:11434: your question and this conversation');
    end(ask('review my code'), { to: 'GPT-4o (copilot)', file: 'app.py', lines: 14, selection: false });
    assert.equal(sentLine()!.textContent, 'Sent to GPT-4o (copilot): your question, this conversation and app.py (14 lines)');
    assert.equal(sentLine()!.getAttribute('data-sent'), 'file');
    w.close();
  });

  it('speaks Korean when the extension says so', async () => {
    const w = await started('ko');
    assert.deepEqual(
      w.$$('[role="tab"]').map((t) => t.textContent),
      ['리뷰', '채팅', '커리큘럼'],
    );
    assert.equal(w.document.documentElement.lang, 'ko');
    w.send({ type: 'review', review: review([card('a', 3)]) });
    for (const name of ['TODO 스캐폴드 삽입', '3번째 줄로 이동', '이것에 대해 질문하기', '보내기']) assert.ok(buttonNamed(w.document, name), name);
    w.send({ type: 'curriculum', curriculum });
    assert.ok(buttonNamed(w.document, '이어하기'));
    assert.ok(buttonNamed(w.document, '시작'));
    w.close();
  });

  it('shows teacher cards for an update and reveals hint levels one at a time', async () => {
    const w = await started();
    w.send({ type: 'review', review: review([card('a', 3), card('b', 9, { severity: 'warning' })]) });
    const cards = w.$$('article.card');
    assert.equal(cards.length, 2);
    assert.equal(cards[0].dataset.cardId, 'a');
    assert.match(cards[0].querySelector('.message')!.textContent!, /pickle\.load/);
    assert.equal(cards[0].querySelector('.question strong')?.textContent, 'file');
    assert.match(cards[0].querySelector('.why')!.textContent!, /Why it matters in production/);
    assert.equal(cards[0].querySelectorAll('.hint').length, 0);
    for (let level = 1; level <= 3; level++) {
      const next = buttonNamed(w.$$('article.card')[0], `Hint ${level}/3`);
      assert.ok(next, `button for hint ${level}`);
      w.click(next);
      const shown = w.$$('article.card')[0].querySelectorAll<HTMLElement>('.hint');
      assert.deepEqual(
        Array.from(shown).map((e) => e.dataset.hintLevel),
        ['1', '2', '3'].slice(0, level),
      );
      assert.equal(w.document.activeElement, shown[level - 1], 'focus moves to the new hint');
    }
    assert.equal(buttonNamed(w.$$('article.card')[0], 'Hint 4/3'), undefined);
    // The scaffold is shown as text in a code block, never parsed as HTML.
    const scaffold = w.$('article.card .code-block pre code')!;
    assert.match(scaffold.textContent!, /<script>alert\(1\)<\/script>/);
    assert.equal(w.$$('article.card script').length, 0);
    // The other card is untouched.
    assert.equal(w.$$('article.card')[1].querySelectorAll('.hint').length, 0);
    w.close();
  });

  it('fits a narrow side bar: "Why it matters" folded, the next hint among the actions, code blocks with Copy and Insert', async () => {
    const w = await started();
    w.send({ type: 'review', review: review([card('a', 3, { severity: 'info', severityReason: 'the service loads its own model file once at start-up' })]) });
    const why = w.$('article.card details.why') as HTMLDetailsElement;
    assert.ok(why, '"Why it matters" is not a disclosure');
    assert.equal(why.open, false, '"Why it matters" starts open');
    assert.equal(why.querySelector('summary')?.textContent, 'Why it matters in production');
    why.open = true;
    why.dispatchEvent(new w.window.Event('toggle'));
    assert.match(w.$('article.card .severity-reason')!.textContent!, /^Info: the service loads its own model file once at start-up$/);
    const actions = w.$('article.card .actions')!;
    assert.ok(buttonNamed(actions, 'Hint 1/3'), 'the next hint is not among the actions');
    for (let level = 1; level <= 3; level++) w.click(buttonNamed(w.document, `Hint ${level}/3`)!);
    assert.equal((w.$('article.card details.why') as HTMLDetailsElement).open, true, 'a re-render folded "Why it matters" again');
    const block = w.$('article.card .hint.level-3 .code-block')!;
    assert.equal(block.querySelector('pre')?.getAttribute('tabindex'), '0', 'the code block is not focusable');
    assert.equal(block.querySelector('[role="group"]')?.getAttribute('aria-label'), 'Code block actions');
    w.click(buttonNamed(block, 'Copy')!);
    assert.deepEqual(w.of('copyText'), [{ type: 'copyText', text: '# TODO: load with a safe format\n# <script>alert(1)</script>' }]);
    assert.ok(buttonNamed(block, 'Copied'), 'Copy gives no feedback');
    w.click(buttonNamed(block, 'Insert as TODO scaffold')!);
    assert.deepEqual(w.of('insertScaffold'), [{ type: 'insertScaffold', cardId: 'a' }], 'a card scaffold is inserted at its finding');

    // A code block in a finished chat answer: its own text is inserted (as comments, by the extension).
    w.send({ type: 'runAsk', text: 'Show me a skeleton', intent: 'chat' });
    const id = String(w.of('ask')[0].id);
    w.send({ type: 'chatEnd', id, markdown: 'Try this:\n\n```python\n# TODO: validate the payload\n```\n\nWhat fields?', followups: [], guarded: false, stopped: false });
    const answer = w.$$('.turn.teacher').at(-1)!;
    w.click(buttonNamed(answer, 'Insert as TODO scaffold')!);
    assert.deepEqual(w.of('insertCode'), [{ type: 'insertCode', text: '# TODO: validate the payload\n' }]);
    w.close();
  });

  it('shows a locked hint level with why it is locked, and no button for it', async () => {
    const w = await started();
    const locked = card('a', 3, {
      hints: [{ level: 1, text: '- Who can write to the model path?' }],
      locked: { level: 2, reason: 'Hint level 2 opens after 1 more attempt (0 so far).' },
    });
    w.send({ type: 'review', review: review([locked]) });
    assert.equal(w.$$('article.card .hint-locked').length, 0, 'nothing is said about level 2 before level 1 is read');
    w.click(buttonNamed(w.$$('article.card')[0], 'Hint 1/3')!);
    const note = w.$('article.card .hint-locked')!;
    assert.equal(note.dataset.lockedLevel, '2');
    assert.match(note.textContent!, /Hint 2 is locked.*Hint level 2 opens after 1 more attempt/);
    assert.equal(buttonNamed(w.$$('article.card')[0], 'Hint 2/3'), undefined);
    w.close();
  });

  it('lists recurring mistakes in the Curriculum tab with a short review that asks the teacher', async () => {
    const w = await started();
    w.send({
      type: 'curriculum',
      curriculum: {
        ...curriculum,
        mistakes: [{ ruleId: 'debug-mode-enabled', count: 3, weeks: ['beginner/1', 'beginner/3'], cameBack: true, prompt: '/explain debug-mode-enabled' }],
      },
    });
    w.click('#tab-curriculum');
    const item = w.$('li.mistake[data-rule-id="debug-mode-enabled"]')!;
    assert.match(item.textContent!, /debug-mode-enabled: 3 times \(beginner\/1, beginner\/3\) · fixed once, back again/);
    w.click(buttonNamed(item, 'Short review')!);
    const [ask] = w.of('ask');
    assert.deepEqual([ask.text, ask.intent], ['/explain debug-mode-enabled', 'chat']);
    assert.equal(w.$('[role="tab"][aria-selected="true"]')?.textContent, 'Chat');
    w.close();
  });

  it('card buttons post the right messages', async () => {
    const w = await started();
    w.send({ type: 'review', review: review([card('a', 3)]) });
    w.click(buttonNamed(w.document, 'Insert TODO scaffold')!);
    w.click(buttonNamed(w.document, 'Go to line 3')!);
    assert.deepEqual(w.of('insertScaffold'), [{ type: 'insertScaffold', cardId: 'a' }]);
    assert.deepEqual(w.of('goToLine'), [{ type: 'goToLine', cardId: 'a' }]);
    w.click(buttonNamed(w.document, 'Ask about this')!);
    const [ask] = w.of('ask');
    assert.equal(ask.intent, 'hint');
    assert.equal(ask.cardId, 'a');
    assert.match(String(ask.text), /Line 3: pickle\.load/);
    assert.equal(w.$('[role="tab"][aria-selected="true"]')?.textContent, 'Chat');
    w.close();
  });

  it('explains the empty state and offers week 1', async () => {
    const w = await started();
    w.send({ type: 'review', review: { status: 'no-file', cards: [] } });
    assert.match(w.$('#panel-review')!.textContent!, /Open a Python or YAML file/);
    w.click(buttonNamed(w.document, 'Start week 1')!);
    assert.deepEqual(w.of('startWeek'), [{ type: 'startWeek', track: 'beginner', week: 1 }]);
    w.send({ type: 'review', review: review([]) });
    w.click(buttonNamed(w.document, 'Ask for a review of this file')!);
    assert.equal(w.of('ask')[0].intent, 'review');
    w.close();
  });

  it('streams an answer, sends with Ctrl+Enter, and stops', async () => {
    const w = await started();
    w.click('#tab-chat');
    const input = w.$('textarea.chat-input') as HTMLTextAreaElement;
    input.value = 'How do I add a health check?';
    input.dispatchEvent(new w.window.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    const [ask] = w.of('ask');
    assert.equal(ask.text, 'How do I add a health check?');
    assert.equal(ask.intent, 'chat');
    assert.deepEqual(ask.history, []);
    const id = String(ask.id);
    assert.equal(buttonNamed(w.document, 'Send')!.disabled, true);
    w.send({ type: 'chatChunk', id, markdown: 'What should ' });
    w.send({ type: 'chatChunk', id, markdown: '**happen**?' });
    const teacher = () => w.$$('.turn.teacher').at(-1)!;
    assert.equal(teacher().querySelector('strong')?.textContent, 'happen');
    w.send({
      type: 'chatEnd',
      id,
      markdown: 'What should **happen** when the model is missing?',
      followups: [
        { label: 'Hint', prompt: '/hint' },
        { label: 'Next hint (level 2)', prompt: 'debug-mode-enabled 2', intent: 'hint' },
      ],
      guarded: false,
      stopped: false,
    });
    assert.match(teacher().textContent!, /when the model is missing/);
    assert.equal(buttonNamed(w.document, 'Send')!.disabled, false);
    w.click(buttonNamed(w.document, 'Hint')!);
    const second = w.of('ask')[1];
    assert.equal(second.text, '/hint');
    assert.deepEqual(second.history, [
      { role: 'learner', text: 'How do I add a health check?' },
      { role: 'teacher', text: 'What should **happen** when the model is missing?' },
    ]);
    w.send({
      type: 'chatEnd',
      id: String(second.id),
      markdown: 'ok',
      followups: [{ label: 'Next hint (level 2)', prompt: 'debug-mode-enabled 2', intent: 'hint' }],
      guarded: false,
      stopped: false,
    });
    w.click(buttonNamed(w.document, 'Next hint (level 2)')!);
    const third = w.of('ask')[2];
    assert.equal(third.text, 'debug-mode-enabled 2');
    assert.equal(third.intent, 'hint');
    assert.equal(w.$$('.turn.learner').at(-1)!.textContent!.includes('Next hint (level 2)'), true, 'the learner turn shows the label');
    w.send({ type: 'chatChunk', id: String(third.id), markdown: 'Partial' });
    w.click(buttonNamed(w.document, 'Stop')!);
    assert.deepEqual(w.of('stop'), [{ type: 'stop', id: third.id }]);
    w.send({ type: 'chatChunk', id: String(third.id), markdown: ' ignored after stop' });
    assert.match(teacher().textContent!, /Partial\s*\(stopped\)/);
    assert.doesNotMatch(teacher().textContent!, /ignored/);
    w.close();
  });

  it('renders a malicious model reply inert', async () => {
    const w = await started();
    w.send({ type: 'runAsk', text: 'review', intent: 'review' });
    const id = String(w.of('ask')[0].id);
    const evil = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=2</script>',
      '[click me](javascript:window.__pwned=3)',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![pixel](https://evil.example/p.png)',
      '<a href="javascript:alert(1)">raw</a>',
      '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
      '[ok](https://example.com/docs)',
    ].join('\n\n');
    w.send({ type: 'chatChunk', id, markdown: evil });
    w.send({ type: 'chatEnd', id, markdown: evil, followups: [], guarded: true, stopped: false });
    const body = w.$$('.turn.teacher').at(-1)!;
    assert.equal(body.querySelectorAll('img, script, iframe, style, object, embed').length, 0);
    for (const element of Array.from(body.querySelectorAll('*'))) {
      for (const attr of Array.from(element.attributes)) assert.ok(!/^on/i.test(attr.name), `${element.tagName} has ${attr.name}`);
    }
    const links = Array.from(body.querySelectorAll('a'));
    const hrefs = links.map((a) => a.getAttribute('href'));
    assert.ok(hrefs.includes('https://example.com/docs'));
    for (const href of hrefs) assert.match(String(href), /^https:\/\//, 'only http(s) links survive');
    for (const a of links) assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
    assert.match(body.textContent!, /<img src=x onerror/, 'raw HTML is shown as text');
    assert.match(body.textContent!, /replaced by a scaffold/, 'guard note shown');
    assert.equal((w.window as unknown as { __pwned?: number }).__pwned, undefined);
    w.close();
  });

  it('keeps tab, transcript and revealed hints through setState/getState', async () => {
    const w = await started();
    w.send({ type: 'review', review: review([card('a', 3)]) });
    w.click(buttonNamed(w.document, 'Hint 1/3')!);
    w.click(buttonNamed(w.document, 'Hint 2/3')!);
    w.send({ type: 'runAsk', text: 'Why pickle?', intent: 'chat' });
    const id = String(w.of('ask')[0].id);
    w.send({ type: 'chatEnd', id, markdown: 'What could **run** when it loads?', followups: [], guarded: false, stopped: false });
    w.send({ type: 'runAsk', text: 'And then?', intent: 'chat' });
    (w.$('textarea.chat-input') as HTMLTextAreaElement).value = 'draft';
    w.$('textarea.chat-input')!.dispatchEvent(new w.window.Event('input'));
    const saved = w.state();
    w.close();

    const again = await started('en', saved);
    assert.equal(again.$('[role="tab"][aria-selected="true"]')?.textContent, 'Chat');
    const turns = again.$$('.turn');
    assert.deepEqual(
      turns.map((t) => t.dataset.role),
      ['learner', 'teacher', 'learner', 'teacher'],
    );
    assert.equal(turns[1].querySelector('strong')?.textContent, 'run');
    assert.match(turns[3].textContent!, /\(stopped\)/, 'an answer interrupted by a reload is marked stopped');
    assert.equal((again.$('textarea.chat-input') as HTMLTextAreaElement).value, 'draft');
    assert.equal(buttonNamed(again.document, 'Send')!.disabled, false);
    again.send({ type: 'review', review: review([card('a', 3)]) });
    assert.equal(again.$$('article.card .hint').length, 2);
    again.close();
  });

  it('shows the curriculum with Start/Continue and a checkpoint box that asks the teacher', async () => {
    const w = await started();
    w.send({ type: 'curriculum', curriculum });
    w.click('#tab-curriculum');
    const weeks = w.$$('li.week');
    assert.deepEqual(
      weeks.map((e) => e.dataset.week),
      ['beginner/1', 'beginner/2'],
    );
    w.click(buttonNamed(weeks[1], 'Start')!);
    assert.deepEqual(w.of('startWeek'), [{ type: 'startWeek', track: 'beginner', week: 2 }]);
    w.click(buttonNamed(weeks[0], 'Continue')!);
    assert.equal(w.of('continueWeek').length, 1);
    assert.equal(w.$('.checkpoint strong')?.textContent, 'health');
    const answer = w.$('textarea.checkpoint-answer') as HTMLTextAreaElement;
    answer.value = 'So the load balancer knows the model is loaded';
    answer.dispatchEvent(new w.window.KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
    const [ask] = w.of('ask');
    assert.equal(ask.intent, 'checkpoint');
    assert.equal(ask.week, 'beginner/1');
    assert.equal(w.$('[role="tab"][aria-selected="true"]')?.textContent, 'Chat');
    w.close();
  });

  it('moves between tabs with the arrow keys (roving tabindex)', async () => {
    const w = await started();
    const review = w.$('#tab-review')!;
    review.focus();
    review.dispatchEvent(new w.window.KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    assert.equal(w.document.activeElement?.id, 'tab-chat');
    assert.equal(w.$('#tab-chat')!.getAttribute('tabindex'), '0');
    assert.equal(review.getAttribute('tabindex'), '-1');
    assert.equal(w.$('#panel-review')!.hidden, true);
    w.$('#tab-chat')!.dispatchEvent(new w.window.KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    assert.equal(w.document.activeElement?.id, 'tab-curriculum');
    w.close();
  });

  it('prefills the chat box without sending', async () => {
    const w = await started();
    w.send({ type: 'prefill', text: 'How should I version models?' });
    assert.equal(w.$('[role="tab"][aria-selected="true"]')?.textContent, 'Chat');
    assert.equal((w.$('textarea.chat-input') as HTMLTextAreaElement).value, 'How should I version models?');
    assert.equal(w.document.activeElement, w.$('textarea.chat-input'));
    assert.equal(w.of('ask').length, 0);
    w.close();
  });

  it('ignores and logs unknown or malformed messages', async () => {
    const w = await started();
    w.send({ type: 'nonsense' });
    w.send({ type: 'review', review: { status: 'ok', cards: [{ id: 1 }] } });
    w.send('just a string');
    assert.equal(w.of('log').length, 3);
    assert.equal(w.$$('article.card').length, 0);
    w.close();
  });

  it('never writes HTML strings itself and needs no eval (the CSP has no unsafe-eval)', async () => {
    const dir = path.join(ROOT, 'src/webview');
    for (const file of fs.readdirSync(dir)) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, file);
    }
    assert.doesNotMatch(await webviewBundle(), /\beval\(|new Function\(/);
  });
});
