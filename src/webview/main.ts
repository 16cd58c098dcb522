import { PanelApp, type VsCodeApi } from './app';

declare function acquireVsCodeApi(): VsCodeApi;

// The browser entry of the teacher panel (bundled to dist/webview.js). `acquireVsCodeApi` may be
// called once; the object stays inside the app.
//
// Hooks that end-to-end tests may rely on (kept stable on purpose): tabs `[role=tab]#tab-review`,
// `#tab-chat`, `#tab-curriculum` with panels `#panel-*`; cards `article.card[data-rule-id]
// [data-card-id]` with `.message`, `.question`, `.why` and revealed `.hint[data-hint-level]`;
// chat turns `.turn[data-role=learner|teacher]` with `.status-streaming|done|stopped|error`, the
// input `textarea.chat-input`; weeks `li.week[data-week="beginner/1"]`, the checkpoint box
// `textarea.checkpoint-answer`; the footer `.footer .backend[data-backend]`. Buttons are found by
// their accessible names in the teacher language (see src/shared/panel-strings.ts).
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
new PanelApp(acquireVsCodeApi(), root, window);
