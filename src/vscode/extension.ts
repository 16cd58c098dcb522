import * as vscode from 'vscode';
import { registerCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { registerExplainRule } from './explain';
import { registerHover } from './hover';
import { createFallbackProgressStore } from './progress-fallback';
import { createPlaceholderTeacher } from './pure/teacher-placeholder';
import { registerReviewWorkspace } from './review';
import { ExtensionServices } from './services-impl';
import { registerStatusBar } from './status-bar';

/**
 * The composition root: create the shared services, then let each feature register itself.
 * Nothing heavy happens here; the parser loads on the first lint.
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('AI Engineering Teacher', { log: true });
  context.subscriptions.push(output);
  const started = Date.now();
  try {
    const services = new ExtensionServices(context, output, {
      // Swap for the curriculum area's createProgressStore(context.globalState) once merged.
      progress: (ctx) => createFallbackProgressStore(ctx.globalState),
      // Swap for the teacher area's TeacherService (src/vscode/teacher/service.ts) once merged.
      teacher: () => createPlaceholderTeacher(),
    });
    context.subscriptions.push(services);
    registerDiagnostics(context, services);
    registerCodeActions(context, services);
    registerHover(context, services);
    registerExplainRule(context, services);
    registerCommands(context, services);
    registerReviewWorkspace(context, services);
    registerStatusBar(context, services);
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
