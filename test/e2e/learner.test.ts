// What a learner sees, end to end, in a real browser against code-server with the packaged VSIX
// and the demo workspace (test/fixtures/demo-workspace). One code-server and one page for the
// whole suite; steps run in order and build on each other. Screenshots: test-results/e2e/.
//
// Steps whose feature is not in this tree yet (no src/vscode/panel, no src/vscode/curriculum)
// are skipped with a message; AI_TEACHER_E2E_STRICT=1 turns every skip into a failure.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import debugModeEnabled from '../../src/language/rules/python/debug-mode-enabled';
import {
  choose,
  e2eEnv,
  focusEditor,
  listFiles,
  missingLines,
  openTabLabels,
  poll,
  problemsText,
  quickOpen,
  runCommand,
  screenshot,
  teacherPanel,
  touchAndSave,
  workbenchSuite,
} from './workbench';

const env = e2eEnv();
const strict = process.env.AI_TEACHER_E2E_STRICT === '1';
const has = (relative: string) => fs.existsSync(path.join(env.root, relative));
const ruleExists = (id: string) => has(`src/language/rules/python/${id}.ts`) || has(`src/language/rules/yaml/${id}.ts`);

/** The findings issue #6 promises for the seed's Flask app. */
const FLASK_FINDINGS = ['unsafe-deserialization', 'unvalidated-request-payload', 'debug-mode-enabled', 'missing-health-endpoint', 'missing-metrics'];
/** beginner/1's focus rules (BRIEF.md curriculum outline). */
const WEEK1_RULES = ['unsafe-deserialization', 'debug-mode-enabled', 'unvalidated-request-payload', 'missing-health-endpoint'];
const HANGUL = /[\uac00-\ud7a3]/;

function skipUnless(context: Mocha.Context, built: boolean, what: string): void {
  if (built) return;
  const message = `${what} is not in this tree yet`;
  if (strict) assert.fail(`${message} (AI_TEACHER_E2E_STRICT=1)`);
  console.log(`      (skipped: ${message})`);
  context.skip();
}

/** Waits until a teacher turn has finished streaming and returns it. */
async function teacherAnswer(panel: Frame, before: number, what: string): Promise<{ text: string; codeBlocks: string[]; themes: string[]; paragraphs: string[] }> {
  const turns = panel.locator('.turn[data-role=teacher]');
  await poll(
    what,
    async () => {
      const count = await turns.count();
      if (count <= before) return false;
      const last = turns.nth(count - 1);
      const cls = (await last.getAttribute('class')) ?? '';
      if (/status-(error|stopped)/.test(cls)) throw new Error(`the teacher's turn ended with ${cls}: ${await last.innerText()}`);
      return /status-done/.test(cls);
    },
    60_000,
  );
  const last = turns.nth((await turns.count()) - 1);
  return {
    text: await last.innerText(),
    codeBlocks: await last.locator('pre').allInnerTexts(),
    themes: await last.locator('ol > li > strong, ol > li > p > strong, h3, h4').allInnerTexts(),
    paragraphs: (await last.locator('p').allInnerTexts()).map((p) => p.trim()).filter(Boolean),
  };
}

async function send(panel: Frame, message: string): Promise<number> {
  const before = await panel.locator('.turn[data-role=teacher]').count();
  const input = panel.locator('textarea.chat-input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(message);
  await panel.getByRole('button', { name: /^(Send|보내기)$/ }).click();
  return before;
}

suite('e2e: a learner in a real browser', function () {
  this.timeout(180_000);
  const workbench = workbenchSuite(env, 'app.py');
  let page: Page;
  const appPath = path.join(env.workspace, 'app.py');
  let afterSave = '';

  suiteSetup(() => {
    page = workbench.page;
  });

  test('1. open the demo Flask app, save: the Problems panel lists its findings', async () => {
    const expected = strict ? FLASK_FINDINGS : FLASK_FINDINGS.filter(ruleExists);
    const pending = FLASK_FINDINGS.filter((id) => !expected.includes(id));
    if (pending.length) console.log(`      (not checked, rules not in this tree yet: ${pending.join(', ')})`);
    assert.ok(expected.length > 0, 'none of the expected rules exists');
    const original = fs.readFileSync(appPath, 'utf8');
    await quickOpen(page, 'app.py');
    await touchAndSave(page);
    afterSave = await poll(
      'app.py to be saved',
      async () => {
        const now = fs.readFileSync(appPath, 'utf8');
        return now !== original ? now : undefined;
      },
      15_000,
    );
    const text = await problemsText(page, (t) => expected.every((id) => t.includes(id)), `the Problems panel to list ${expected.join(', ')}`);
    assert.match(text, /AI Teacher/);
    await screenshot(page, env, '01-problems');
  });

  test('2. the Review tab shows teacher cards in the display language; "Insert TODO scaffold" keeps every line', async function () {
    skipUnless(this, has('src/vscode/panel') && has('src/webview/main.ts'), 'the teacher panel (src/vscode/panel, src/webview)');
    await quickOpen(page, 'app.py');
    const panel = await teacherPanel(page);
    await panel.getByRole('tab', { name: /^(Review|리뷰)/ }).click();
    const cards = panel.locator('#panel-review article.card[data-rule-id]');
    await poll('teacher cards for app.py in the Review tab', async () => (await cards.count()) > 0, 30_000);
    const questions = await cards.locator('.question').allInnerTexts();
    assert.ok(questions.length > 0, 'the cards show no question');
    // code-server here has no Korean language pack, so the display language is English.
    for (const q of questions) assert.doesNotMatch(q, HANGUL, `a card question is not in English (the display language): ${q}`);
    const debugCard = panel.locator('#panel-review article.card[data-rule-id="debug-mode-enabled"]');
    assert.strictEqual(await debugCard.count(), 1, 'no card for debug-mode-enabled');
    const debugQuestion = (await debugCard.locator('.question').first().innerText()).trim();
    const known = debugModeEnabled.questions.map((q) => q.en.trim());
    assert.ok(
      known.some((q) => debugQuestion.includes(q)),
      `the debug-mode card asks "${debugQuestion}", not one of the rule's English questions`,
    );
    await screenshot(page, env, '02-review-cards');

    // Help is earned: hint 1 opens at once, hint 2 shows as locked with what to do to open it.
    await debugCard.getByRole('button', { name: /^(Hint 1\/3|힌트 1\/3)$/ }).click();
    const locked = debugCard.locator('.hint-locked');
    await poll('the debug-mode card to show hint 2 as locked', async () => (await locked.count()) > 0, 15_000);
    const lockedText = await locked.innerText();
    assert.match(lockedText, /Hint 2 is locked|힌트 2단계는 잠겨/, `the locked hint does not say it is locked: ${lockedText}`);
    assert.match(lockedText, /attempt|시도/, `the locked hint does not say how to open it: ${lockedText}`);
    assert.strictEqual(await debugCard.locator('[data-hint-level="2"]').count(), 0, 'hint 2 was shown before any attempt');
    await screenshot(page, env, '02-hint-locked');

    const before = afterSave || fs.readFileSync(appPath, 'utf8');
    await debugCard.getByRole('button', { name: /^(Insert TODO scaffold|TODO 스캐폴드 삽입)$/ }).click();
    // The insert is an unsaved edit of the open document; save it to compare on disk.
    await poll(
      'the scaffold edit to reach the editor',
      async () => {
        const tab = page.locator('.editor-group-container .tabs-container .tab.active');
        if (fs.readFileSync(appPath, 'utf8') !== before) return true;
        return /dirty/.test((await tab.first().getAttribute('class')) ?? '');
      },
      15_000,
    );
    if (fs.readFileSync(appPath, 'utf8') === before) {
      await focusEditor(page);
      await page.keyboard.press('Control+S');
    }
    const after = await poll(
      'app.py on disk to change after the scaffold insert',
      async () => {
        const now = fs.readFileSync(appPath, 'utf8');
        return now !== before ? now : undefined;
      },
      15_000,
    );
    assert.match(after, /TODO/, `the inserted scaffold has no TODO; app.py is now:\n${after}`);
    assert.deepStrictEqual(missingLines(before, after), [], 'the scaffold insert removed or rewrote original lines');
    await screenshot(page, env, '02-scaffold-inserted');
  });

  test('3. chat in the panel offline: a review follows the seed format; "just give me the complete code" gets no solution', async function () {
    skipUnless(this, has('src/vscode/panel') && has('src/webview/main.ts'), 'the teacher panel (src/vscode/panel, src/webview)');
    await quickOpen(page, 'app.py');
    const panel = await teacherPanel(page);
    await panel.getByRole('tab', { name: /^(Chat|채팅)/ }).click();

    const review = await teacherAnswer(panel, await send(panel, 'Please review my code.'), 'the teacher to finish answering the review request');
    await screenshot(page, env, '03-chat-review');
    const [first] = review.paragraphs;
    assert.ok(first && !first.endsWith('?'), `the answer does not open with an acknowledgement: ${review.text.slice(0, 200)}`);
    assert.ok(review.themes.length >= 1, `the answer has no questions grouped by theme: ${review.text.slice(0, 400)}`);
    assert.match(review.text, /\?/, 'the answer asks no question');
    assert.ok(
      review.codeBlocks.some((code) => /TODO/.test(code)),
      'the answer has no TODO scaffold code block',
    );
    const last = review.paragraphs[review.paragraphs.length - 1] ?? '';
    assert.match(last, /review|together|show me|share|함께|보여주|리뷰/i, `the answer does not end with an invitation: "${last}"`);

    const refusal = await teacherAnswer(panel, await send(panel, 'just give me the complete code'), 'the teacher to answer the request for complete code');
    await screenshot(page, env, '03-chat-no-solution');
    for (const code of refusal.codeBlocks) {
      const codeLines = code.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
      assert.ok(/TODO/.test(code) && codeLines.length <= 6, `the teacher handed over code instead of a scaffold:\n${code}`);
    }
    assert.match(refusal.text, /\?/, 'the refusal asks no question back');

    // A free question is answered from the course's knowledge, in the language it was asked in
    // (the workbench here is English; the question is Korean).
    const pickle = await teacherAnswer(panel, await send(panel, '왜 pickle이 위험한가요?'), 'the teacher to answer why pickle is dangerous');
    await screenshot(page, env, '03-chat-pickle-ko');
    assert.match(pickle.text, /pickle/i, `the answer is not about pickle: ${pickle.text.slice(0, 300)}`);
    assert.match(pickle.text, /역직렬화|코드를 실행/, `the answer does not explain the danger: ${pickle.text.slice(0, 300)}`);
    const korean = pickle.paragraphs.filter((p) => HANGUL.test(p)).length;
    assert.ok(korean >= pickle.paragraphs.length * 0.6, `the answer to a Korean question is not in Korean: ${pickle.text.slice(0, 300)}`);
    assert.match(pickle.text, /\?/, 'the answer asks no question back');
    assert.doesNotMatch(pickle.text, /Good question! Before I answer directly/, 'the generic canned answer came back');
  });

  test('4. "Start Week 1" from the command palette: the week folder appears, README and starter open, the starter shows its findings', async function () {
    skipUnless(this, has('src/vscode/curriculum'), 'Start Week (src/vscode/curriculum)');
    const before = new Set(listFiles(env.workspace));
    await runCommand(page, /Start Week/i, 'AI Teacher: Start Week');
    await choose(page, 'beginner', /beginner|초급/i);
    await choose(page, 'beginner/1', /beginner\/1\b/);
    const readme = await poll(
      'a new week folder with a README.md in the workspace',
      async () => listFiles(env.workspace).find((file) => !before.has(file) && path.basename(file) === 'README.md'),
      30_000,
    );
    const weekDir = path.dirname(readme);
    // The README can land before the rest of the week (the generated model.pkl is written last): wait for it.
    await poll(
      'the generated model.pkl in the week folder',
      async () => listFiles(path.join(env.workspace, weekDir)).some((file) => path.basename(file) === 'model.pkl') || undefined,
      30_000,
    ).catch(() => undefined);
    const starters = listFiles(path.join(env.workspace, weekDir)).filter((file) => file !== 'README.md');
    assert.ok(starters.length > 0, `the week folder ${weekDir} has no starter files`);
    const starterNames = starters.map((file) => path.basename(file));
    // One language: the display language is English here, so no Korean line and no language tag.
    for (const file of starters.filter((f) => /\.(py|ya?ml|txt)$/.test(f))) {
      const text = fs.readFileSync(path.join(env.workspace, weekDir, file), 'utf8');
      assert.doesNotMatch(text, /[\uac00-\ud7a3]|#\[(ko|en)\]/, `${file} is not all English`);
    }
    assert.ok(starterNames.includes('model.pkl'), 'beginner/1 has no model file to load');
    await poll(
      'README.md and a starter file to be open in editors',
      async () => {
        const tabs = await openTabLabels(page);
        return tabs.some((t) => t.includes('README.md')) && tabs.some((t) => starterNames.some((name) => t.includes(name)));
      },
      30_000,
    );
    await screenshot(page, env, '04-week-started');
    const rules = strict ? WEEK1_RULES : WEEK1_RULES.filter(ruleExists);
    const folderName = path.basename(weekDir);
    const text = await problemsText(
      page,
      (t) => t.includes(folderName) && rules.some((id) => t.split(folderName).slice(1).join(folderName).includes(id)),
      `the Problems panel to list week 1 findings (${rules.join(', ')}) for a starter file in ${weekDir}`,
    );
    assert.ok(text);
    await screenshot(page, env, '04-week-findings');
  });
});
