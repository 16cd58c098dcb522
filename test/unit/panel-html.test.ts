import { strict as assert } from 'node:assert';
import { JSDOM } from 'jsdom';
import { buildPanelHtml, makeNonce } from '../../src/vscode/panel/html';

const input = {
  cspSource: 'https://abc.vscode-cdn.net',
  nonce: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  lang: 'ko' as const,
  title: 'AI 엔지니어링 선생님 "quoted" <b>',
  scriptUri: 'https://abc.vscode-cdn.net/ext/dist/webview.js',
  codiconsUri: 'https://abc.vscode-cdn.net/ext/dist/codicon.css',
  styleUri: 'https://abc.vscode-cdn.net/ext/media/panel.css',
};

describe('panel HTML', () => {
  const html = buildPanelHtml(input);
  const document = new JSDOM(html).window.document;

  it('sets a strict CSP with the nonce', () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    assert.equal(csp, `default-src 'none'; style-src ${input.cspSource}; font-src ${input.cspSource}; img-src ${input.cspSource} data:; script-src 'nonce-${input.nonce}'`);
    assert.doesNotMatch(csp!, /unsafe-inline|unsafe-eval|\*/);
  });

  it('has only nonce-carrying external scripts, no inline script or style', () => {
    const scripts = Array.from(document.querySelectorAll('script'));
    assert.equal(scripts.length, 1);
    for (const script of scripts) {
      assert.equal(script.getAttribute('nonce'), input.nonce);
      assert.equal(script.getAttribute('src'), input.scriptUri);
      assert.equal(script.textContent, '');
    }
    assert.equal(document.querySelectorAll('style, [style]').length, 0);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  });

  it('loads only the webview URIs it was given', () => {
    const links = Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map((l) => l.getAttribute('href'));
    assert.deepEqual(links, [input.codiconsUri, input.styleUri]);
    for (const match of html.matchAll(/(?:src|href)="([^"]*)"/g)) assert.ok(match[1].startsWith(input.cspSource), match[1]);
    assert.equal(document.documentElement.lang, 'ko');
    assert.equal(document.title, input.title, 'the title is escaped, not parsed');
    assert.equal(document.querySelectorAll('title b').length, 0);
  });

  it('makes a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{32}$/);
  });
});
