import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { buildPanelHtml } from '../../src/vscode/panel/html';
import { ROOT } from './engine';

let bundle: Promise<string> | undefined;

/** The webview bundle exactly as esbuild.config.mjs builds it (browser, iife), built once per run. */
export function webviewBundle(): Promise<string> {
  bundle ??= esbuild
    .build({
      entryPoints: [path.join(ROOT, 'src/webview/main.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      logLevel: 'silent',
    })
    .then((result) => result.outputFiles[0].text);
  return bundle;
}

export interface FakeWebview {
  readonly dom: JSDOM;
  readonly window: JSDOM['window'];
  readonly document: Document;
  /** Everything the webview posted to the extension. */
  readonly posted: Record<string, unknown>[];
  /** The last value given to setState. */
  state(): unknown;
  /** Delivers a message as VS Code does (a `message` event on the window). */
  send(message: unknown): void;
  /** Posted messages of one type. */
  of(type: string): Record<string, unknown>[];
  click(selector: string | Element): void;
  $(selector: string): HTMLElement | null;
  $$(selector: string): HTMLElement[];
  close(): void;
}

/** Loads the real bundle into jsdom with a fake `acquireVsCodeApi`. */
export async function loadWebview(initialState?: unknown): Promise<FakeWebview> {
  const html = buildPanelHtml({
    cspSource: 'vscode-webview://test',
    nonce: 'n0nce',
    lang: 'en',
    title: 'AI Engineering Teacher',
    scriptUri: 'vscode-webview://test/dist/webview.js',
    codiconsUri: 'vscode-webview://test/dist/codicon.css',
    styleUri: 'vscode-webview://test/media/panel.css',
  });
  const dom = new JSDOM(html, { runScripts: 'outside-only', pretendToBeVisual: true });
  const window = dom.window;
  const posted: Record<string, unknown>[] = [];
  let saved: unknown = initialState;
  let acquired = 0;
  Object.assign(window, {
    acquireVsCodeApi: () => {
      acquired++;
      if (acquired > 1) throw new Error('acquireVsCodeApi called twice');
      return {
        postMessage: (message: unknown) => posted.push(JSON.parse(JSON.stringify(message)) as Record<string, unknown>),
        getState: () => (saved === undefined ? undefined : JSON.parse(JSON.stringify(saved))),
        setState: (value: unknown) => {
          saved = JSON.parse(JSON.stringify(value));
        },
      };
    },
  });
  window.eval(await webviewBundle());
  const document = window.document;
  return {
    dom,
    window,
    document,
    posted,
    state: () => saved,
    send: (message) => {
      window.dispatchEvent(new window.MessageEvent('message', { data: message }));
    },
    of: (type) => posted.filter((m) => m.type === type),
    click: (target) => {
      const element = typeof target === 'string' ? document.querySelector(target) : target;
      if (!element) throw new Error(`nothing matches ${String(target)}`);
      (element as HTMLElement).click();
    },
    $: (selector) => document.querySelector<HTMLElement>(selector),
    $$: (selector) => Array.from(document.querySelectorAll<HTMLElement>(selector)),
    close: () => window.close(),
  };
}

/** A button by its accessible text (the visible label; our buttons put it in a `.label` span or aria-label). */
export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
}
