// Playwright helpers for driving the code-server workbench the way a learner does: Quick Open,
// the command palette, the Problems panel, editor tabs and the teacher panel's webview.
// Every wait polls with a bound and fails with what it last saw, never with a bare timeout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';

export interface E2eEnv {
  url: string;
  workspace: string;
  resultsDir: string;
  chromium: string;
  /** Chromium flags, owned by scripts/vscode/lib.mjs so the harness and the suite launch it alike. */
  browserArgs: string[];
  root: string;
}

/** What scripts/vscode/e2e.mjs hands the suite. */
export function e2eEnv(): E2eEnv {
  const need = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the e2e suite through \`npm run test:e2e\` (scripts/vscode/e2e.mjs)`);
    return value;
  };
  return {
    url: need('AI_TEACHER_E2E_URL'),
    workspace: need('AI_TEACHER_E2E_WORKSPACE'),
    resultsDir: need('AI_TEACHER_E2E_RESULTS'),
    chromium: process.env.AI_TEACHER_E2E_CHROMIUM ?? '/usr/bin/chromium',
    browserArgs: JSON.parse(need('AI_TEACHER_E2E_BROWSER_ARGS')) as string[],
    root: path.resolve(__dirname, '..', '..'),
  };
}

export async function launch(env: E2eEnv): Promise<{ browser: Browser; page: Page }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: env.chromium, headless: true, args: env.browserArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: process.env.AI_TEACHER_E2E_LOCALE ?? 'en-US' });
  return { browser, page };
}

/**
 * The browser of one suite: a page on the workbench (waiting for `expectFile` in the explorer)
 * opened before the first test, a screenshot of every failed test, and the browser closed at
 * the end. Read `page` once the suite has started (in hooks and tests).
 */
export function workbenchSuite(env: E2eEnv, expectFile: string): { readonly page: Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  suiteSetup(async () => {
    ({ browser, page } = await launch(env));
    await openWorkbench(page, env, expectFile);
  });
  suiteTeardown(async () => {
    await browser?.close();
  });
  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) await afterFailure(page, env, this.currentTest.title);
  });
  return {
    get page() {
      if (!page) throw new Error('the workbench page is not open yet: read it inside a hook or test');
      return page;
    },
  };
}

/** After a failed step: a screenshot of what the learner would see, then close menus and pickers so a retry starts clean. */
export async function afterFailure(page: Page, env: E2eEnv, title: string): Promise<void> {
  await screenshot(page, env, `failed-${title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => {});
  for (let i = 0; i < 2; i++) await page.keyboard.press('Escape').catch(() => {});
}

/** Polls `read` until it returns something truthy; fails with `what` and the last value seen. */
export async function poll<T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}. Last seen: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export async function screenshot(page: Page, env: E2eEnv, name: string): Promise<void> {
  fs.mkdirSync(env.resultsDir, { recursive: true });
  await page.screenshot({ path: path.join(env.resultsDir, `${name}.png`) });
}

/**
 * Opens the workbench on the workspace and waits until the explorer lists `expectFile`.
 * Rarely the first load of a fresh server shows the folder as unresolvable (an error row instead
 * of its files) and never retries by itself; a reload fixes that, so try up to three loads.
 */
export async function openWorkbench(page: Page, env: E2eEnv, expectFile: string): Promise<void> {
  const url = `${env.url}/?folder=${encodeURIComponent(env.workspace)}`;
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${expectFile}"]`);
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1) await page.goto(url);
    else await page.reload();
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    try {
      await poll(`the explorer to list ${expectFile}`, async () => (await row.count()) > 0, 20_000);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`      (the explorer did not list ${expectFile} on load ${attempt}; reloading)`);
    }
  }
}

async function quickInput(page: Page, text: string, pick: RegExp, what: string, clickTimeoutMs = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  const label = await poll(
    what,
    async () => {
      const labels = await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
      return labels.find((l) => pick.test(l)) ?? (labels.length ? false : undefined);
    },
    20_000,
  );
  // Click the row by its label, not by its index: the list may still be filling (recent files,
  // then search results), and an index read a moment ago can point at another row by now.
  await rows
    .and(page.locator(`[aria-label="${label.replace(/["\\]/g, '\\$&')}"]`))
    .first()
    .click({ timeout: clickTimeoutMs });
}

/** Quick Open (Ctrl+P) a workspace file by name and wait for its editor tab; `pick` chooses among same-named files. */
export async function quickOpen(page: Page, fileName: string, pick = new RegExp(escape(fileName))): Promise<void> {
  await page.keyboard.press('Control+P');
  if (path.isAbsolute(fileName)) {
    // A full path: Quick Open puts that very file first; Enter opens it (same-named files follow).
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(fileName);
    const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
    await poll(`Quick Open to offer ${fileName}`, async () => pick.test((await first.getAttribute('aria-label').catch(() => '')) ?? ''), 20_000);
    await page.keyboard.press('Enter');
  } else {
    await quickInput(page, fileName, pick, `Quick Open to offer ${fileName}`);
  }
  await poll(`an active editor tab for ${fileName}`, async () => (await activeTabLabel(page)).includes(path.basename(fileName)), 20_000);
}

/** Runs a command from the palette by (part of) its title. */
export async function runCommand(page: Page, title: string | RegExp, typed?: string): Promise<void> {
  const text = typed ?? (typeof title === 'string' ? title : title.source);
  const pick = typeof title === 'string' ? new RegExp(escape(title), 'i') : title;
  // On a busy machine an editor or preview still opening from the step before can take the focus
  // and close the palette between finding the row and clicking it; open the palette again then.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    try {
      await quickInput(page, `>${text}`, pick, `the command palette to offer "${text}"`, 10_000);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`      (the command palette closed before "${text}" was chosen on try ${attempt}; opening it again)`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Answers an open quick pick by typing a filter and choosing the first row matching `pick`. */
export async function choose(page: Page, filter: string, pick: RegExp): Promise<void> {
  await quickInput(page, filter, pick, `a quick pick row matching ${pick}`);
}

/**
 * Waits until the workbench knows the extension's contributions (its "AI Teacher" activity bar
 * entry is there): on a fresh server the command palette lists commands as they were when it
 * opened, so a command typed earlier is never found.
 */
export async function extensionContributions(page: Page): Promise<void> {
  const entry = page.locator('.activitybar .action-item .action-label[aria-label^="AI Teacher"]');
  await poll('the "AI Teacher" activity bar entry (the extension\'s contributions)', async () => (await entry.count()) > 0, 60_000);
}

/**
 * Opens a top-level workspace file by clicking its explorer row (no file search, which a fresh
 * server on a busy machine can take longer than Quick Open's wait to finish), then waits for its tab.
 */
export async function openFromExplorer(page: Page, fileName: string): Promise<void> {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`).first().dblclick();
  await poll(`an active editor tab for ${fileName}`, async () => (await activeTabLabel(page)).includes(fileName), 30_000);
}

export async function activeTabLabel(page: Page): Promise<string> {
  const tab = page.locator('.editor-group-container.active .tabs-container .tab.active');
  return (await tab.count()) ? ((await tab.first().getAttribute('aria-label')) ?? '') : '';
}

export async function openTabLabels(page: Page): Promise<string[]> {
  return page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? t.textContent ?? ''));
}

/** Makes the active editor dirty without changing its code (a trailing newline), then saves. */
export async function touchAndSave(page: Page): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
}

/** Moves keyboard focus to the active editor (clicking its tab; the text area may be covered). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .tabs-container .tab.active').first().click();
  await poll('the editor to take focus', async () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')), 5_000);
}

/** Opens the Problems panel and returns its text once `ready` accepts it. */
export async function problemsText(page: Page, ready: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
  return poll(
    what,
    async () => {
      const text = await panel.innerText();
      return ready(text) ? text : undefined;
    },
    timeoutMs,
  );
}

/**
 * Shows the teacher panel (activity bar container `aiTeacher`, webview view `aiTeacher.panel`)
 * and returns the webview's inner frame, found by its stable hook `#tab-review`.
 */
export async function teacherPanel(page: Page, timeoutMs = 30_000): Promise<Frame> {
  // "Focus on … View" shows the view without toggling it closed (a click on the activity bar
  // item would hide the sidebar when the container is already showing).
  await runCommand(page, /AI Teacher: Focus on .* View/i, 'AI Teacher: Focus on');
  const seen: string[] = [];
  try {
    return await poll(
      'the teacher panel webview (a frame containing #tab-review)',
      async () => {
        seen.length = 0;
        for (const frame of page.frames()) {
          seen.push(frame.url().slice(0, 80));
          if (
            await frame
              .locator('#tab-review')
              .count()
              .catch(() => 0)
          )
            return frame;
        }
        return undefined;
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(
      `The teacher panel is absent: no webview frame with the tab #tab-review appeared within ${timeoutMs / 1000}s after showing the "AI Teacher" view container. ` +
        `Is the webview view aiTeacher.panel registered (src/vscode/panel) and wired in extension.ts? Frames seen: ${seen.join(' | ')}\n(${(error as Error).message})`,
    );
  }
}

/** Lines of `before` must all appear in `after`, in order (a scaffold only adds lines). */
export function missingLines(before: string, after: string): string[] {
  const afterLines = after.split(/\r?\n/);
  const missing: string[] = [];
  let at = 0;
  for (const line of before.split(/\r?\n/)) {
    const found = afterLines.indexOf(line, at);
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

/** Every file (relative path) under a folder, for spotting what a command created. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Writes the workspace's `.vscode/settings.json` (what a learner's own edit of it would do). */
export function writeWorkspaceSettings(env: E2eEnv, settings: Record<string, unknown>): string {
  const file = path.join(env.workspace, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  return file;
}

/** Clicks a button of a notification toast, found by its exact text. */
export async function clickNotificationButton(page: Page, name: RegExp, timeoutMs = 20_000): Promise<void> {
  const button = page.locator('.notifications-toasts .notification-list-item .monaco-button').filter({ hasText: name });
  await poll(`a notification button ${name}`, async () => (await button.count()) > 0, timeoutMs);
  await button.first().click();
}

/** The text of the status bar item whose label matches, or undefined when it is not shown. */
export async function statusBarText(page: Page, label: RegExp): Promise<string | undefined> {
  const texts = await page
    .locator('#workbench\\.parts\\.statusbar .statusbar-item')
    .evaluateAll((items) => items.map((i) => `${i.getAttribute('aria-label') ?? ''}\u0000${i.textContent ?? ''}`));
  const found = texts.find((t) => label.test(t));
  return found?.split('\u0000')[1];
}

/** Moves the cursor to a line (Ctrl+G) in the active editor. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
}

/** Opens the quick-fix menu (Ctrl+.) at the cursor and returns the titles it lists. */
export async function quickFixTitles(page: Page, expect: (titles: string[]) => boolean, what: string): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row');
  let asked = 0;
  return poll(
    what,
    async () => {
      // The fixes are computed after the menu opens; ask again if it opened empty or not at all.
      if ((await rows.count()) === 0 && Date.now() - asked > 3000) {
        await page.keyboard.press('Escape');
        await focusEditor(page);
        await page.keyboard.press('Control+.');
        asked = Date.now();
      }
      const titles = (await rows.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      return titles.length && expect(titles) ? titles : undefined;
    },
    30_000,
  );
}
