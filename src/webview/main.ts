import { PanelApp, type VsCodeApi } from './app';

declare function acquireVsCodeApi(): VsCodeApi;

// The browser entry of the teacher panel (bundled to dist/webview.js). `acquireVsCodeApi` may be
// called once; the object stays inside the app.
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
new PanelApp(acquireVsCodeApi(), root, window);
