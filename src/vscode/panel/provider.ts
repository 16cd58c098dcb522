import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../../language/types';
import { PANEL_STRINGS } from '../../shared/panel-strings';
import type { ToWebview } from '../../shared/protocol';
import { scaffoldEditAt, sourceLanguageOf } from '../convert';
import { Commands, Views } from '../ids';
import { say } from '../pure/strings';
import type { Services } from '../services';
import { PanelController, type ActiveFile, type PanelHost } from './controller';
import { buildPanelHtml, makeNonce } from './html';
import { teacherConversation, type TeacherConversation } from '../chat/conversation';

/** Documents the Review follows; output channels, diffs and settings editors are not learners' files. */
const TRACKED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
const tracked = (document: vscode.TextDocument | undefined) => (document && TRACKED_SCHEMES.has(document.uri.scheme) ? document : undefined);

/** `ProgressStore` has no event in its contract; the editor's store may add `onDidChange`. */
function onProgressChange(progress: Services['progress']): vscode.Event<unknown> {
  const event = (progress as { onDidChange?: unknown }).onDidChange;
  return typeof event === 'function' ? (event as vscode.Event<unknown>) : () => ({ dispose: () => undefined });
}

/**
 * The webview view provider: owns the view, builds its HTML, and gives the vscode-free
 * `PanelController` a host made of editor calls. Everything that decides lives in the controller.
 */
export class TeacherPanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private viewDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** The last text document the learner worked in, so focusing the panel keeps its review. */
  private lastDocument: vscode.TextDocument | undefined;
  readonly controller: PanelController;

  private readonly shared: TeacherConversation;

  constructor(private readonly services: Services) {
    this.shared = teacherConversation(services.context, services);
    this.controller = new PanelController(this.host());
    this.lastDocument = tracked(vscode.window.activeTextEditor?.document);
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focusing the panel or an output view reports `undefined`; keep following the last file then.
        if (editor) this.lastDocument = tracked(editor.document) ?? this.lastDocument;
        else if (!vscode.window.visibleTextEditors.some((e) => e.document === this.lastDocument)) this.lastDocument = undefined;
        void this.controller.refreshReview();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.lastDocument) {
          this.lastDocument = tracked(vscode.window.activeTextEditor?.document);
          void this.controller.refreshReview();
        }
      }),
      services.onDidChangeFindings((uri) => {
        if (this.lastDocument && uri.toString() === this.lastDocument.uri.toString()) void this.controller.refreshReview();
      }),
      // The curriculum's store announces progress changes (a passed checkpoint, a finished week).
      onProgressChange(services.progress)(() => void this.controller.refreshCurriculum()),
      // An attempt (a save touching a finding) may unlock a hint; a fix may end a recurring mistake.
      this.shared.onDidChangeMemory(() => {
        void this.controller.refreshReview();
        void this.controller.refreshCurriculum();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('aiTeacher')) void this.controller.refreshAll();
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    const extensionUri = this.services.context.extensionUri;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [dist, media] };
    this.controller.viewResolved();
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => void this.controller.handle(message)),
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.controller.viewHidden();
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.controller.viewDisposed();
          this.disposeView();
        }
      }),
    );
    const lang = this.services.lang();
    view.webview.html = buildPanelHtml({
      cspSource: view.webview.cspSource,
      nonce: makeNonce(),
      lang,
      title: PANEL_STRINGS[lang]['panel.label'],
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      codiconsUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'codicon.css')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
    });
  }

  /** Reveals the panel (creating the view if needed) and then does what the arguments ask. */
  async open(args: unknown): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${Views.panel}.focus`);
    await this.controller.open(args);
  }

  private post(message: ToWebview): void {
    const view = this.view;
    if (!view) return;
    view.webview.postMessage(message).then(undefined, (error: unknown) => this.services.output.warn(`teacher panel: postMessage failed: ${String(error)}`));
  }

  private activeFile(): ActiveFile | undefined {
    const document = this.lastDocument;
    if (!document || document.isClosed) return undefined;
    return {
      uri: document.uri.toString(),
      name: path.basename(document.uri.path),
      path: vscode.workspace.asRelativePath(document.uri, false),
      languageId: document.languageId,
      text: document.getText(),
      result: this.services.latest(document.uri),
    };
  }

  private async show(uriString: string, finding: Finding): Promise<vscode.TextEditor> {
    const { start, end } = finding.range;
    const selection = new vscode.Range(start.line, start.column, end.line, end.column);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uriString), { selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private host(): PanelHost {
    const services = this.services;
    const output = services.output;
    return {
      lang: () => services.lang(),
      activeFile: () => this.activeFile(),
      lintActive: async () => (this.lastDocument && !this.lastDocument.isClosed ? services.lint(this.lastDocument) : undefined),
      rule: async (id) => (await services.engine()).rule(id),
      curriculum: () => services.curriculum(),
      progress: services.progress,
      teacher: services.teacher,
      conversation: this.shared.conversation,
      memory: () => this.shared.memory.get(),
      insertScaffold: async (uri, finding) => {
        // The adapter's command takes (uri string, finding), like its quick fix.
        await this.show(uri, finding);
        await vscode.commands.executeCommand(Commands.insertScaffold, uri, finding);
      },
      copyText: async (text) => {
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage(say(services.lang(), 'copy.done'), 3000);
      },
      insertCode: async (text) => {
        // Into the file the learner worked in last, above the cursor, as comments: never as code.
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.lastDocument) ?? vscode.window.activeTextEditor;
        const language = editor && sourceLanguageOf(editor.document);
        if (!editor || !language) {
          void vscode.window.showInformationMessage(say(services.lang(), 'scaffold.noEditor'));
          return;
        }
        await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
        await vscode.workspace.applyEdit(scaffoldEditAt(editor.document, editor.selection.active.line, text, language));
      },
      goToLine: async (uri, finding) => {
        await this.show(uri, finding);
      },
      startWeek: async (track, week) => {
        await vscode.commands.executeCommand(Commands.startWeek, { track, week });
      },
      continueWeek: async () => {
        await vscode.commands.executeCommand(Commands.continueWeek);
      },
      selectBackend: async () => {
        await vscode.commands.executeCommand(Commands.selectBackend);
      },
      showError: (message) => void vscode.window.showErrorMessage(`${PANEL_STRINGS[services.lang()]['panel.label']}: ${message}`),
      post: (message) => this.post(message),
      log: { info: (m) => output.info(m), warn: (m) => output.warn(m), error: (m) => output.error(m) },
    };
  }

  private disposeView(): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
  }

  dispose(): void {
    this.controller.dispose();
    this.disposeView();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * Registers the teacher panel (`aiTeacher.panel`) and `aiTeacher.openTeacher`, which reveals it
 * and optionally focuses a finding (`{ finding, uri }`), greets a started week (`{ week }`) or
 * asks a question (`{ prompt }`).
 */
export function registerTeacherPanel(context: vscode.ExtensionContext, services: Services): TeacherPanelProvider {
  const provider = new TeacherPanelProvider(services);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(Views.panel, provider),
    vscode.commands.registerCommand(Commands.openTeacher, (args?: unknown) => provider.open(args)),
  );
  return provider;
}
