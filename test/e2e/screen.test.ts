// The learner's screen, end to end in English and in Korean (code-server has no Korean language
// pack offline, so the teacher language setting switches; VS Code's own menus stay English):
// the Problems panel and the Ctrl+. menu carry no word of the other language, Start Week opens
// the starter in the teacher language with its README rendered beside it, exercise focus mode
// turns AI completions off and gives back settings.json byte for byte, and the panel fits a
// 300 px side bar (card heights are measured and written to test-results/e2e/card-heights.json).
// Runs after learner.test.ts on the same workspace.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import {
  afterFailure,
  choose,
  clickNotificationButton,
  e2eEnv,
  goToLine,
  launch,
  listFiles,
  openTabLabels,
  openWorkbench,
  poll,
  problemsText,
  quickFixTitles,
  quickOpen,
  runCommand,
  screenshot,
  statusBarText,
  teacherPanel,
  writeWorkspaceSettings,
} from './workbench';

const env = e2eEnv();
const HANGUL = /[\uac00-\ud7a3]/;
const ENGLISH_CATEGORY = /\[(validation|error handling|error-handling|observability|health|security|reliability|scalability|reproducibility|delivery)\]/i;
const ENGLISH_QUICK_FIX = /Ask the teacher|Insert TODO scaffold|Ignore \S+ on this line|Disable \S+ in workspace config/;
const SIDE_BAR_WIDTH = 300;
/** The demo's own app.py at the workspace root (Quick Open takes a full path), not a week's starter of the same name. */
const ROOT_APP = path.join(env.workspace, 'app.py');

interface Screen {
  readonly lang: 'en' | 'ko';
  /** Start Week: the track row, the week row, and the week's main starter file. */
  readonly track: [string, RegExp];
  readonly week: [string, RegExp];
  readonly main: string;
  readonly names: { review: RegExp; hint: (n: number) => string; copy: string; insert: string; focusOn: RegExp; focusItem: RegExp; chat: RegExp; send: RegExp };
}

const SCREENS: readonly Screen[] = [
  {
    lang: 'en',
    track: ['intermediate', /Intermediate track/],
    week: ['intermediate/3', /intermediate\/3\b/],
    main: 'deployment.yaml',
    names: {
      review: /^Review/,
      hint: (n) => `Hint ${n}/3`,
      copy: 'Copy',
      insert: 'Insert as TODO scaffold',
      focusOn: /^Turn off AI completions$/,
      focusItem: /focus mode/i,
      chat: /^Chat/,
      send: /^Send$/,
    },
  },
  {
    lang: 'ko',
    track: ['초급', /초급 과정/],
    week: ['beginner/2', /beginner\/2\b/],
    main: 'train.py',
    names: {
      review: /^리뷰/,
      hint: (n) => `힌트 ${n}/3`,
      copy: '복사',
      insert: 'TODO 스캐폴드로 삽입',
      focusOn: /^AI 자동 완성 끄기$/,
      focusItem: /집중 모드/,
      chat: /^채팅/,
      send: /^보내기$/,
    },
  },
];

/** Height of every card in the Review tab, by rule id. */
async function cardHeights(panel: Frame): Promise<Record<string, number>> {
  return panel
    .locator('#panel-review article.card[data-rule-id]')
    .evaluateAll((cards) => Object.fromEntries(cards.map((c) => [c.getAttribute('data-rule-id') ?? '?', Math.round(c.getBoundingClientRect().height)])));
}

/** Code inside a block must wrap or scroll within it, never push the panel wider. */
async function assertFits(block: Locator, what: string): Promise<void> {
  const sizes = await block
    .locator('pre')
    .evaluate((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth, page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  assert.ok(sizes.scroll <= sizes.client + 1, `${what}: the code is wider than its block (${sizes.scroll} > ${sizes.client} px)`);
  assert.ok(sizes.page <= sizes.view + 1, `${what}: the panel scrolls sideways (${sizes.page} > ${sizes.view} px)`);
}

/** Drags the sash between the side bar and the editor until the side bar is `width` px wide. */
async function sizeSideBar(page: Page, width: number): Promise<number> {
  const sidebar = page.locator('#workbench\\.parts\\.sidebar');
  const box = await sidebar.boundingBox();
  assert.ok(box, 'no side bar');
  if (Math.abs(box.width - width) > 2) {
    const edge = box.x + box.width;
    const sashes = await page
      .locator('.monaco-sash.vertical')
      .evaluateAll((all) => all.map((s) => s.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, h: r.height })));
    const sash = sashes.filter((s) => Math.abs(s.x - edge) < 6 && s.h > 100)[0];
    assert.ok(sash, `no sash at the side bar's edge (x=${edge})`);
    await page.mouse.move(sash.x, sash.y);
    await page.mouse.down();
    await page.mouse.move(sash.x + (width - box.width) / 2, sash.y, { steps: 4 });
    await page.mouse.move(sash.x + (width - box.width), sash.y, { steps: 4 });
    await page.mouse.up();
  }
  return Math.round((await sidebar.boundingBox())?.width ?? 0);
}

suite("e2e: the learner's screen in one language, a panel that fits, focus mode", function () {
  this.timeout(240_000);
  let browser: Browser;
  let page: Page;
  const measured: Record<string, unknown> = {};

  suiteSetup(async () => {
    ({ browser, page } = await launch(env));
    await openWorkbench(page, env, 'app.py');
  });

  suiteTeardown(async () => {
    fs.mkdirSync(env.resultsDir, { recursive: true });
    fs.writeFileSync(path.join(env.resultsDir, 'card-heights.json'), `${JSON.stringify(measured, null, 2)}\n`);
    await browser?.close();
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) await afterFailure(page, env, this.currentTest.title);
  });

  for (const screen of SCREENS) {
    const { lang, names } = screen;

    test(`${lang} 1. the Problems panel and the Ctrl+. menu speak only the teacher language`, async () => {
      writeWorkspaceSettings(env, { 'aiTeacher.teacher.language': lang });
      await quickOpen(page, ROOT_APP, /app\.py/);
      const problems = await problemsText(
        page,
        (t) => (lang === 'ko' ? t.includes('[보안]') && !ENGLISH_CATEGORY.test(t) : t.includes('[Security]')),
        `the Problems panel to show ${lang} categories`,
      );
      if (lang === 'ko') assert.doesNotMatch(problems, ENGLISH_CATEGORY, 'an English category is left in the Problems panel');
      await screenshot(page, env, `${lang}-01-problems`);

      const line =
        fs
          .readFileSync(path.join(env.workspace, 'app.py'), 'utf8')
          .split(/\r?\n/)
          .findIndex((l) => /debug\s*=\s*True/.test(l)) + 1;
      assert.ok(line > 0, 'app.py has no debug=True line');
      await goToLine(page, line);
      const titles = await quickFixTitles(page, (t) => t.filter((x) => x.includes('debug-mode-enabled')).length >= 3, "the quick-fix menu to offer the teacher's fixes");
      const ours = titles.filter((t) => t.includes('debug-mode-enabled'));
      await screenshot(page, env, `${lang}-02-quick-fix`);
      await page.keyboard.press('Escape');
      if (lang === 'ko') {
        for (const title of ours) assert.doesNotMatch(title, ENGLISH_QUICK_FIX, `an English quick-fix title: ${title}`);
        assert.ok(
          ours.every((t) => HANGUL.test(t)),
          `a quick-fix title without Korean: ${ours.join(' | ')}`,
        );
      } else {
        assert.ok(
          ours.some((t) => /^Ask the teacher/.test(t)),
          `no "Ask the teacher" fix: ${ours.join(' | ')}`,
        );
      }
    });

    test(`${lang} 2. Start Week: the starter in the teacher language, the README rendered beside it; focus mode on and off`, async () => {
      const settingsFile = writeWorkspaceSettings(env, { 'aiTeacher.teacher.language': lang });
      const settingsBefore = fs.readFileSync(settingsFile);
      const before = new Set(listFiles(env.workspace));
      await runCommand(page, /Start Week/i, 'AI Teacher: Start Week');
      await choose(page, screen.track[0], screen.track[1]);
      await choose(page, screen.week[0], screen.week[1]);
      const readme = await poll('a new week folder with a README.md', async () => listFiles(env.workspace).find((f) => !before.has(f) && path.basename(f) === 'README.md'), 30_000);
      const weekDir = path.join(env.workspace, path.dirname(readme));
      // The extension host writes the week's files one after another: README.md can be on disk a
      // moment before the starter is.
      const main = await poll(`${screen.main} in ${weekDir}`, async () => listFiles(weekDir).find((f) => path.basename(f) === screen.main), 15_000);
      for (const file of [readme, path.join(path.dirname(readme), main)]) {
        const text = fs.readFileSync(path.join(env.workspace, file), 'utf8');
        assert.doesNotMatch(text, /#\[(ko|en)\]/, `${file} keeps language tags`);
        if (lang === 'en') assert.doesNotMatch(text, HANGUL, `${file} has Korean in an English week: ${text.split('\n').find((l) => HANGUL.test(l))}`);
        else assert.match(text, HANGUL, `${file} has no Korean in a Korean week`);
      }
      await poll(
        'the starter and the README preview to be open',
        async () => {
          const tabs = await openTabLabels(page);
          return tabs.some((t) => t.includes(screen.main)) && tabs.some((t) => /Preview README\.md|README\.md.*Preview/i.test(t));
        },
        30_000,
      );
      const weekId = screen.week[0];
      await poll(
        'the README preview to render the week',
        async () => {
          for (const frame of page.frames())
            if (
              (
                await frame
                  .locator('h1')
                  .allInnerTexts()
                  .catch(() => [])
              ).some((t) => t.includes(weekId))
            )
              return true;
          return false;
        },
        30_000,
      );
      await screenshot(page, env, `${lang}-03-week-started`);

      await clickNotificationButton(page, names.focusOn);
      await poll('focus mode to write the workspace settings', async () => /"editor\.inlineSuggest\.enabled": false/.test(fs.readFileSync(settingsFile, 'utf8')), 15_000);
      const item = await poll('the focus mode status bar item', () => statusBarText(page, names.focusItem), 15_000);
      assert.match(item, lang === 'ko' ? /집중/ : /Focus/);
      await screenshot(page, env, `${lang}-04-focus-on`);

      await page
        .locator('#workbench\\.parts\\.statusbar .statusbar-item')
        .filter({ hasText: lang === 'ko' ? '집중' : 'Focus' })
        .first()
        .click();
      await poll('settings.json to be byte for byte what it was', async () => fs.readFileSync(settingsFile).equals(settingsBefore), 15_000);
      await poll('the focus mode item to go', async () => (await statusBarText(page, names.focusItem)) === undefined, 15_000);
      await screenshot(page, env, `${lang}-05-focus-off`);
    });

    test(`${lang} 3. the panel at 300 px: compact cards, a code scaffold that wraps, with Copy and Insert`, async () => {
      await quickOpen(page, ROOT_APP, /app\.py/);
      const panel = await teacherPanel(page);
      const width = await sizeSideBar(page, SIDE_BAR_WIDTH);
      await panel.getByRole('tab', { name: names.review }).click();
      const debugCard = panel.locator('#panel-review article.card[data-rule-id="debug-mode-enabled"]');
      await poll('the debug-mode card', async () => (await debugCard.count()) === 1, 30_000);
      const heights = await cardHeights(panel);
      const viewport = await panel.evaluate(() => window.innerHeight);
      measured[lang] = { sideBarWidth: width, panelViewport: viewport, cardHeights: heights };
      console.log(`      (${lang}: side bar ${width} px, card heights ${JSON.stringify(heights)})`);
      assert.ok(Math.abs(width - SIDE_BAR_WIDTH) <= 4, `the side bar is ${width} px, not ${SIDE_BAR_WIDTH}`);
      const folded = await debugCard.locator('details.why').evaluate((d) => !(d as HTMLDetailsElement).open);
      assert.ok(folded, '"Why it matters" is open by default');
      await panel.locator('#panel-review .review-header').scrollIntoViewIfNeeded();
      await screenshot(page, env, `${lang}-06-panel-cards`);

      // Help is earned: two answers to the hint's question in chat open level 3 (the scaffold).
      await panel.getByRole('tab', { name: names.chat }).click();
      const turns = panel.locator('.turn[data-role=teacher]');
      const attempts =
        lang === 'ko'
          ? [
              '/hint debug-mode-enabled 1',
              '디버그 모드가 켜져 있으면 포트에 접근한 누구나 디버거로 코드를 실행할 수 있을 것 같아요',
              '운영 환경에서는 환경 변수로 debug 설정을 끄고 배포 설정에서 확인하면 될 것 같아요',
            ]
          : [
              '/hint debug-mode-enabled 1',
              'With debug on, anyone who reaches the port could run code through the debugger',
              'I would read the debug flag from an environment variable and keep it off in production',
            ];
      for (const text of attempts) {
        const before = await turns.count();
        await panel.locator('textarea.chat-input').fill(text);
        await panel.getByRole('button', { name: names.send }).click();
        await poll('the teacher to answer', async () => (await turns.count()) > before && /status-done/.test((await turns.last().getAttribute('class')) ?? ''), 60_000);
      }
      await panel.getByRole('tab', { name: names.review }).click();
      const block = debugCard.locator('.hint.level-3 .code-block');
      await poll(
        'the debug-mode card to show hint 3, the scaffold',
        async () => {
          for (let n = 1; n <= 3; n++) {
            const next = debugCard.getByRole('button', { name: names.hint(n), exact: true });
            if (await next.count()) await next.click();
          }
          return block.isVisible();
        },
        30_000,
      );
      for (const name of [names.copy, names.insert]) assert.strictEqual(await block.getByRole('button', { name, exact: true }).count(), 1, `no "${name}" on the scaffold`);
      await assertFits(block, 'hint 3');
      await block.locator('.code-actions').scrollIntoViewIfNeeded();
      await screenshot(page, env, `${lang}-07-panel-scaffold`);

      await panel.getByRole('tab', { name: names.chat }).click();
      const answers = panel.locator('.turn[data-role=teacher]');
      const count = await answers.count();
      await panel.locator('textarea.chat-input').fill('/hint debug-mode-enabled 3');
      await panel.getByRole('button', { name: names.send }).click();
      await poll("the teacher's hint", async () => (await answers.count()) > count && /status-done/.test((await answers.last().getAttribute('class')) ?? ''), 60_000);
      const chatBlock = answers.last().locator('.code-block').first();
      await chatBlock.waitFor({ state: 'visible', timeout: 10_000 });
      assert.strictEqual(await chatBlock.getByRole('button', { name: names.insert, exact: true }).count(), 1, 'the chat scaffold has no insert action');
      await assertFits(chatBlock, 'the chat scaffold');
      if (lang === 'ko') assert.match(await answers.last().innerText(), HANGUL);
      await chatBlock.locator('.code-actions').scrollIntoViewIfNeeded();
      await screenshot(page, env, `${lang}-08-chat-scaffold`);
    });
  }
});
