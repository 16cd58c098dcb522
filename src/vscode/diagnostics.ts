import * as vscode from 'vscode';
import { LINTED_SCHEMES, PROJECT_LANGUAGES, sourceLanguageOf } from './convert';
import type { AdapterServices } from './services-impl';
import { markPhase } from './timing';

/** How long typing must pause before an `onType` check runs. */
export const TYPE_DEBOUNCE_MS = 400;

/**
 * When documents are checked: on open and on save by default, while typing (debounced, one
 * cancellation source per document, stale versions dropped) when `aiTeacher.lint.run` is
 * `onType`, never automatically when it is `off`. Diagnostics leave with their document unless a
 * workspace review put them there.
 *
 * Activation stays cheap: the parser's WASM starts compiling in the background right after it,
 * and the open documents are checked active editor first, so the file the learner looks at gets
 * its diagnostics before the others.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, services: AdapterServices): void {
  const queue = new LintQueue(services);
  context.subscriptions.push(queue, ...documentEvents(services, queue), ...tabEvents(services, queue), ...settingEvents(services, queue));
  // After activation returns: the engine's grammars (the active document's first) and the project config load meanwhile.
  const warmUp = setTimeout(() => {
    if (!services.settings().enable) return;
    const active = vscode.window.activeTextEditor?.document;
    void services.engine((active && sourceLanguageOf(active)) || 'python').catch(() => undefined);
    // The project config a first check reads (its folder's, cached): read while the parser loads, not after it.
    const folder = (active && vscode.workspace.getWorkspaceFolder(active.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (folder) void services.configs.forFolder(folder).catch(() => undefined);
    if (!queue.automatic()) return;
    queue.lintOpenDocuments();
    for (const document of vscode.workspace.textDocuments) if (isProjectDocument(document)) services.project.updateDocument(document);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
}

/** Runs checks now or after a typing pause, one pending check per document. */
class LintQueue implements vscode.Disposable {
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; source: vscode.CancellationTokenSource }>();

  constructor(private readonly services: AdapterServices) {}

  automatic(): boolean {
    return this.services.settings().enable && this.services.settings().run !== 'off';
  }

  now(document: vscode.TextDocument, token?: vscode.CancellationToken): void {
    this.services.lint(document, token).catch((error: unknown) => this.services.output.error(`lint of ${document.uri.toString()} failed: ${String(error)}`));
  }

  /** A debounced check while typing. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancel(key);
    const source = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.now(document, source.token);
      source.dispose();
    }, TYPE_DEBOUNCE_MS);
    this.pending.set(key, { timer, source });
  }

  cancel(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.source.cancel();
    entry.source.dispose();
    this.pending.delete(key);
  }

  /**
   * Every open lintable document: the active editor's first, then the other visible ones, then
   * the rest. The checks wait for the same engine, so they run in the order they were asked for.
   */
  lintOpenDocuments(): void {
    const rank = (document: vscode.TextDocument) => {
      if (vscode.window.activeTextEditor?.document === document) return 0;
      return vscode.window.visibleTextEditors.some((editor) => editor.document === document) ? 1 : 2;
    };
    const documents = vscode.workspace.textDocuments.filter((document) => this.services.isLintable(document));
    for (const document of documents.sort((a, b) => rank(a) - rank(b))) this.now(document);
  }

  dispose(): void {
    [...this.pending.keys()].forEach((key) => this.cancel(key));
  }
}

function documentEvents(services: AdapterServices, queue: LintQueue): vscode.Disposable[] {
  return [
    vscode.workspace.onDidOpenTextDocument((document) => {
      markPhase('event', document.uri.toString());
      services.reveal(document.uri);
      if (queue.automatic() && services.isLintable(document)) queue.now(document);
      else if (queue.automatic() && isProjectDocument(document)) services.project.updateDocument(document);
    }),
    // The text being saved is checked while VS Code writes the file. The listener returns first
    // (VS Code waits for will-save listeners before it writes), and the check's result is only
    // published at the did-save below, so `onSave` still means on save.
    vscode.workspace.onWillSaveTextDocument(({ document }) => {
      if (!queue.automatic() || !services.isLintable(document)) return;
      markPhase('saving', document.uri.toString());
      setTimeout(() => services.beginSave(document), 0);
    }),
    // The saved document is checked at once (or its check begun at will-save is used): nothing
    // else queued for it waits in front.
    vscode.workspace.onDidSaveTextDocument((document) => {
      markPhase('event', document.uri.toString());
      // Dockerfiles and requirements files have no per-file rules: the project pass reports on them.
      if (queue.automatic() && isProjectDocument(document)) services.project.updateDocument(document);
      if (!queue.automatic() || !services.isLintable(document)) return;
      queue.cancel(document.uri.toString());
      queue.now(document);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0 || !services.isLintable(event.document)) return;
      // Noted in every run mode: the save's lint then re-parses only what changed since the last one.
      services.noteChanges(event.document, event.contentChanges);
      if (queue.automatic() && services.settings().run === 'onType') queue.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      queue.cancel(document.uri.toString());
      services.forget(document.uri);
    }),
  ];
}

function tabEvents(services: AdapterServices, queue: LintQueue): vscode.Disposable[] {
  return [
    // VS Code closes a text document some time after its last tab (it may keep the model for a
    // while), so the last tab closing is what the learner sees as "closed".
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (event.closed.length === 0) return;
      const stillShown = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs.flatMap(tabUris)).map((uri) => uri.toString()));
      for (const uri of event.closed.flatMap(tabUris)) {
        if (stillShown.has(uri.toString())) continue;
        queue.cancel(uri.toString());
        services.forget(uri, true);
      }
    }),
    // A document whose tab was closed stays open underneath; showing it again checks it again.
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const { document } of editors) {
        services.reveal(document.uri);
        if (queue.automatic() && services.isLintable(document) && !services.latest(document.uri)) queue.now(document);
      }
    }),
  ];
}

function settingEvents(services: AdapterServices, queue: LintQueue): vscode.Disposable[] {
  return [
    services.onDidChangeSettings((settings) => {
      if (!settings.enable) {
        services.clearAll();
        return;
      }
      // Severity, category and cap changes only need the stored results converted again; the
      // language and the run mode need a fresh check of what is open.
      services.rerender();
      if (queue.automatic()) queue.lintOpenDocuments();
    }),
    services.configs.onDidChange(() => {
      if (queue.automatic()) queue.lintOpenDocuments();
    }),
  ];
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
