import * as vscode from 'vscode';
import { registerTeacherParticipant } from './chat/participant';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { createProgressStore, registerCurriculum } from './curriculum';
import { registerDiagnostics } from './diagnostics';
import { registerExplainRule } from './explain';
import { registerHover } from './hover';
import { registerLanguageModelFeatures } from './lm';
import { registerTeacherPanel } from './panel/provider';
import { registerReviewWorkspace } from './review';
import { ExtensionServices } from './services-impl';
import { registerStatusBar } from './status-bar';
import { registerTeacherCommands, TeacherService } from './teacher/service';

/**
 * The composition root: create the shared services, then let each feature register itself.
 * Nothing heavy happens here; the parser loads on the first lint.
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('AI Engineering Teacher', { log: true });
  context.subscriptions.push(output);
  const started = Date.now();
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
    output.info(`activated in ${Date.now() - started} ms (VS Code ${vscode.version}, display language ${vscode.env.language})`);
  } catch (error) {
    reportActivationFailure(output, error);
  }
}

export function deactivate(): void {}

function reportActivationFailure(output: vscode.LogOutputChannel, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  output.error(`activation failed: ${detail}`);
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t(
        'AI Engineering Teacher could not start: {0}. Reload the window; if it happens again, reinstall the extension and attach the "AI Engineering Teacher" log to a bug report.',
        error instanceof Error ? error.message : String(error),
      ),
      showLog,
    )
    .then((choice) => {
      if (choice === showLog) output.show();
    });
}
