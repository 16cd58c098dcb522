import * as vscode from 'vscode';
import { LINTED_SCHEMES, PROJECT_LANGUAGES } from './convert';
import type { AdapterServices } from './services-impl';

/** How long typing must pause before an `onType` check runs. */
export const TYPE_DEBOUNCE_MS = 400;

/**
 * When documents are checked: on open and on save by default, while typing (debounced, one
 * cancellation source per document, stale versions dropped) when `aiTeacher.lint.run` is
 * `onType`, never automatically when it is `off`. Diagnostics leave with their document unless a
 * workspace review put them there.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, services: AdapterServices): void {
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; source: vscode.CancellationTokenSource }>();

  const cancel = (key: string) => {
    const entry = pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.source.cancel();
    entry.source.dispose();
    pending.delete(key);
  };

  const lintNow = (document: vscode.TextDocument, token?: vscode.CancellationToken) => {
    services.lint(document, token).catch((error: unknown) => services.output.error(`lint of ${document.uri.toString()} failed: ${String(error)}`));
  };

  const automatic = () => services.settings().enable && services.settings().run !== 'off';

  const lintAll = () => {
    for (const document of vscode.workspace.textDocuments) if (services.isLintable(document)) lintNow(document);
  };

  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    cancel(key);
    const source = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => {
      pending.delete(key);
      lintNow(document, source.token);
      source.dispose();
    }, TYPE_DEBOUNCE_MS);
    pending.set(key, { timer, source });
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => {
      services.reveal(document.uri);
      if (automatic() && services.isLintable(document)) lintNow(document);
      else if (automatic() && isProjectDocument(document)) services.project.updateDocument(document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      // Dockerfiles and requirements files have no per-file rules: the project pass reports on them.
      if (automatic() && isProjectDocument(document)) services.project.updateDocument(document);
      if (!automatic() || !services.isLintable(document)) return;
      cancel(document.uri.toString());
      lintNow(document);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0 || !services.isLintable(event.document)) return;
      if (automatic() && services.settings().run === 'onType') schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      cancel(document.uri.toString());
      services.forget(document.uri);
    }),
    // VS Code closes a text document some time after its last tab (it may keep the model for a
    // while), so the last tab closing is what the learner sees as "closed".
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (event.closed.length === 0) return;
      const stillShown = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs.flatMap(tabUris)).map((uri) => uri.toString()));
      for (const uri of event.closed.flatMap(tabUris)) {
        if (stillShown.has(uri.toString())) continue;
        cancel(uri.toString());
        services.forget(uri, true);
      }
    }),
    // A document whose tab was closed stays open underneath; showing it again checks it again.
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const { document } of editors) {
        services.reveal(document.uri);
        if (automatic() && services.isLintable(document) && !services.latest(document.uri)) lintNow(document);
      }
    }),
    services.onDidChangeSettings((settings) => {
      if (!settings.enable) {
        services.clearAll();
        return;
      }
      // Severity, category and cap changes only need the stored results converted again; the
      // language and the run mode need a fresh check of what is open.
      services.rerender();
      if (automatic()) lintAll();
    }),
    services.configs.onDidChange(() => {
      if (automatic()) lintAll();
    }),
    { dispose: () => [...pending.keys()].forEach(cancel) },
  );

  if (automatic()) {
    lintAll();
    for (const document of vscode.workspace.textDocuments) if (isProjectDocument(document)) services.project.updateDocument(document);
  }
}

/** Documents only the project model reads: Dockerfiles, requirements files, start scripts. */
function isProjectDocument(document: vscode.TextDocument): boolean {
  return LINTED_SCHEMES.has(document.uri.scheme) && PROJECT_LANGUAGES.includes(document.languageId);
}

function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.modified];
  return [];
}
