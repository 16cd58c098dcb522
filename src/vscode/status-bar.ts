import * as vscode from 'vscode';
import { Commands } from './ids';
import { say } from './pure/strings';
import type { AdapterServices } from './services-impl';

/**
 * The active file's findings count; click to open the teacher. The current week has its own item
 * (src/vscode/curriculum), which also shows when no Python or YAML file is open.
 */
export function registerStatusBar(context: vscode.ExtensionContext, services: AdapterServices): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('aiTeacher.status', vscode.StatusBarAlignment.Left, 10);
  item.command = Commands.openTeacher;

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!services.settings().enable || !document || !services.isLintable(document)) {
      item.hide();
      return;
    }
    const count = services.diagnostics.get(document.uri)?.length ?? 0;
    const lang = services.lang();
    item.name = say(lang, 'status.name');
    item.text = `$(mortar-board) ${count}`;
    item.tooltip = say(lang, 'status.tooltip', { count });
    item.accessibilityInformation = { label: item.tooltip };
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
  update();
  return item;
}
