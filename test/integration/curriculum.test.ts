// "Start Week N" inside a real extension host: the command with arguments scaffolds the week
// folder in the test workspace and opens the README and the main starter file.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID } from '../../src/vscode/ids';
import { waitFor } from './helpers';

interface StartedWeek {
  readonly week: string;
  readonly folder: vscode.Uri;
  readonly created: boolean;
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview && /markdown/i.test(tab.input.viewType)));
}

function openTabs(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('curriculum: Start Week in a real VS Code', () => {
  let weekDir: vscode.Uri;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace is not open');
    weekDir = vscode.Uri.joinPath(folder.uri, 'ai-teacher', 'beginner', 'week-01-mlops-basics');
    // An earlier run would make the command ask (modal) whether to open or copy the folder.
    if (await exists(weekDir)) await vscode.workspace.fs.delete(weekDir, { recursive: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('startWeek("beginner", 1) creates the week folder and opens README.md and app.py', async () => {
    const started = await vscode.commands.executeCommand<StartedWeek | undefined>(Commands.startWeek, 'beginner', 1);
    assert.ok(started, 'the command returned nothing');
    assert.strictEqual(started.week, 'beginner/1');
    assert.strictEqual(started.created, true);
    assert.strictEqual(started.folder.toString(), weekDir.toString());

    const readme = vscode.Uri.joinPath(weekDir, 'README.md');
    const app = vscode.Uri.joinPath(weekDir, 'app.py');
    assert.ok(await exists(readme), 'README.md was not created');
    assert.ok(await exists(app), 'app.py was not created');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(readme));
    assert.match(text, /beginner\/1/);
    assert.match(text, /모델 드리프트|model drift/);

    await waitFor(openTabs, (tabs) => tabs.includes(app.toString()), 'app.py to be open');
    // The README is rendered (the Markdown preview, a webview tab), beside the starter, not opened as source.
    const preview = await waitFor(previewTabs, (tabs) => tabs.some((t) => t.label.includes('README.md')), 'a Markdown preview of README.md');
    assert.ok(!openTabs().includes(readme.toString()), 'README.md is open as Markdown source');
    const previewGroup = vscode.window.tabGroups.all.find((g) => g.tabs.includes(preview.find((t) => t.label.includes('README.md'))!));
    const appGroup = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === app.toString()));
    assert.ok(previewGroup && appGroup && previewGroup !== appGroup, 'the README preview is not beside the starter');
    const layout = await vscode.commands.executeCommand<{ groups: { size: number }[] }>('vscode.getEditorLayout');
    assert.ok(layout.groups.length === 2 && layout.groups[0].size > layout.groups[1].size * 1.3, `the starter is not the wider side: ${JSON.stringify(layout)}`);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), app.toString(), 'app.py is the active editor');
    const english = new TextDecoder().decode(await vscode.workspace.fs.readFile(app));
    assert.ok(!/#\[(ko|en)\]/.test(english), 'the starter keeps its language tags');
  });

  test('continueWeek reopens the current week without writing anything', async () => {
    const app = vscode.Uri.joinPath(weekDir, 'app.py');
    const before = await vscode.workspace.fs.readFile(app);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const continued = await vscode.commands.executeCommand<StartedWeek | undefined>(Commands.continueWeek);
    assert.ok(continued);
    assert.strictEqual(continued.week, 'beginner/1');
    assert.strictEqual(continued.created, false);
    await waitFor(openTabs, (tabs) => tabs.includes(app.toString()), 'app.py to be open again');
    assert.deepStrictEqual(await vscode.workspace.fs.readFile(app), before);
  });
});
