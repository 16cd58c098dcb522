import * as vscode from 'vscode';
import { registerTeacherParticipant } from './chat/participant';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { createProgressStore, registerCurriculum } from './curriculum';
import { registerDiagnostics } from './diagnostics';
import { registerExplainRule } from './explain';
import { registerHover } from './hover';
import { CONFIG_SECTION } from './ids';
import { registerLanguageModelFeatures } from './lm';
import { registerTeacherPanel } from './panel/provider';
import { resolveLang, toEnum } from './pure/settings';
import { say } from './pure/strings';
import { registerReviewWorkspace } from './review';
import { ExtensionServices } from './services-impl';
import { registerStatusBar } from './status-bar';
import { markStartup } from './timing';
import { registerTeacherCommands, TeacherService } from './teacher/service';

let markChecked: () => void = () => undefined;
/**
 * Resolves once this extension host published its first findings: the entry point (boot.ts) then
 * keeps V8's compiled code of the bundle, which by then holds the code of a first check.
 */
export const checked = new Promise<void>((resolve) => (markChecked = resolve));

/**
 * The composition root: create the shared services, then let each feature register itself.
 * Nothing heavy happens here; the parser loads on the first lint.
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('AI Engineering Teacher', { log: true });
  context.subscriptions.push(output);
  const started = Date.now();
  markStartup('activation began');
  try {
    // The teacher reads the language through a late-bound getter, so it can exist before the services.
    const teacher = new TeacherService(context, output, () => services.lang());
    context.subscriptions.push(teacher);
    const services: ExtensionServices = new ExtensionServices(context, output, {
      progress: (ctx) => {
        const store = createProgressStore(ctx.globalState);
        ctx.subscriptions.push(store);
        return store;
      },
      teacher: () => teacher,
    });
    context.subscriptions.push(services);
    const first = services.onDidChangeFindings(() => {
      first.dispose();
      markChecked();
    });
    context.subscriptions.push(first);
    registerDiagnostics(context, services);
    registerCodeActions(context, services);
    registerHover(context, services);
    registerExplainRule(context, services);
    registerCommands(context, services);
    registerReviewWorkspace(context, services);
    registerStatusBar(context, services);
    registerTeacherCommands(context, teacher);
    registerTeacherParticipant(context, services);
    registerTeacherPanel(context, services);
    registerCurriculum(context, services);
    registerLanguageModelFeatures(context, services, teacher.withoutEditorModels());
    markStartup('activated');
    output.info(`activated in ${Date.now() - started} ms (VS Code ${vscode.version}, display language ${vscode.env.language})`);
  } catch (error) {
    reportActivationFailure(output, error);
  }
}

export function deactivate(): void {}

function reportActivationFailure(output: vscode.LogOutputChannel, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  output.error(`activation failed: ${detail}`);
  // The services may not exist, so the teacher language is read here directly.
  const lang = resolveLang(toEnum(vscode.workspace.getConfiguration(CONFIG_SECTION).get('teacher.language'), ['auto', 'ko', 'en'] as const, 'auto'), vscode.env.language);
  const showLog = say(lang, 'action.showLog');
  void vscode.window.showErrorMessage(say(lang, 'activation.failed', { message: error instanceof Error ? error.message : String(error) }), showLog).then((choice) => {
    if (choice === showLog) output.show();
  });
}
