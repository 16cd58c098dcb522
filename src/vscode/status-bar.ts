import * as vscode from 'vscode';
import { Commands } from './ids';
import type { AdapterServices } from './services-impl';

/** The active file's findings count (and the current week, when one is started); click to open the teacher. */
export function registerStatusBar(context: vscode.ExtensionContext, services: AdapterServices): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('aiTeacher.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('AI Teacher');
  item.command = Commands.openTeacher;

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!services.settings().enable || !document || !services.isLintable(document)) {
      item.hide();
      return;
    }
    const count = services.diagnostics.get(document.uri)?.length ?? 0;
    const week = safeCurrentWeek(services);
    item.text = `$(mortar-board) ${count}${week ? ` · ${week}` : ''}`;
    item.tooltip = week
      ? vscode.l10n.t('AI Teacher: {0} findings in this file; current week {1}. Click to open the teacher.', count, week)
      : vscode.l10n.t('AI Teacher: {0} findings in this file. Click to open the teacher.', count);
    item.accessibilityInformation = { label: typeof item.tooltip === 'string' ? item.tooltip : String(count) };
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    services.onDidChangeFindings((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) update();
    }),
    services.onDidChangeSettings(update),
  );
  // The curriculum's progress store announces week changes; the fallback store does not.
  const onProgress = (services.progress as { onDidChange?: vscode.Event<unknown> }).onDidChange;
  if (typeof onProgress === 'function') context.subscriptions.push(onProgress(update));
  update();
  return item;
}

function safeCurrentWeek(services: AdapterServices): string | undefined {
  try {
    return services.progress.current();
  } catch {
    return undefined;
  }
}
