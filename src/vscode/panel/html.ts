import { randomBytes } from 'node:crypto';
import type { PanelLang } from '../../shared/protocol';

/** What the HTML needs from the webview: its CSP source and the webview URIs of our files. */
export interface PanelHtmlInput {
  readonly cspSource: string;
  readonly nonce: string;
  readonly lang: PanelLang;
  readonly title: string;
  /** `webview.asWebviewUri` of dist/webview.js, dist/codicon.css and media/panel.css. */
  readonly scriptUri: string;
  readonly codiconsUri: string;
  readonly styleUri: string;
}

/** A fresh nonce for every render: 32 hex characters from a CSPRNG. */
export function makeNonce(): string {
  return randomBytes(16).toString('hex');
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

/** Our own attribute values (URIs, a title) are escaped; model text never goes through here. */
function attr(value: string): string {
  return value.replace(/[&"<>']/g, (c) => ATTR_ESCAPES[c]);
}

/**
 * The panel's HTML shell (pure). A strict CSP: nothing by default, styles and fonts only from the
 * extension, images from the extension or `data:`, and one script identified by its nonce. The
 * body is empty; the bundle builds the UI with the DOM API.
 */
export function buildPanelHtml(input: PanelHtmlInput): string {
  const csp = ["default-src 'none'", `style-src ${input.cspSource}`, `font-src ${input.cspSource}`, `img-src ${input.cspSource} data:`, `script-src 'nonce-${input.nonce}'`].join(
    '; ',
  );
  return `<!DOCTYPE html>
<html lang="${attr(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.codiconsUri)}">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>${attr(input.title)}</title>
</head>
<body>
<main id="app" aria-label="${attr(input.title)}"></main>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}
