// The editor adapter inside a real extension host: activation, diagnostics on open and save,
// the scaffold quick fix, hover, rule explanation, Review Workspace and settings. The runner
// opens a temporary copy of test/fixtures/integration-workspace, so tests may write into it.
// Every wait polls with a timeout; nothing depends on a fixed sleep except the one negative check.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, EXTENSION_ID } from '../../src/vscode/ids';
import { codeOf, waitFor } from './helpers';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

function waitForRule(uri: vscode.Uri, ruleId: string, extra: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic> {
  return waitFor(
    () => ours(uri).find((d) => codeOf(d) === ruleId && extra(d)),
    (found) => found !== undefined,
    `${ruleId} on ${uri.path}`,
  ) as Promise<vscode.Diagnostic>;
}

function folder(): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.[0];
  assert.ok(found, 'the integration workspace is not open');
  return found;
}

function fixture(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...relative.split('/'));
}

/** Every line of `before` appears in `after`, unchanged and in order. */
function assertLinesIntact(before: string, after: string): void {
  const original = before.split(/\r?\n/);
  let cursor = 0;
  for (const line of after.split(/\r?\n/)) if (cursor < original.length && line === original[cursor]) cursor += 1;
  assert.strictEqual(cursor, original.length, `original line ${cursor + 1} was changed: ${JSON.stringify(original[cursor])}`);
}

const FLASK_DEBUG = "from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    app.run(debug=True)\n";

async function updateSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('aiTeacher').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('adapter: the extension in a real VS Code', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
  });

  test('activates without errors and registers its commands', async () => {
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const id of [Commands.reviewWorkspace, Commands.explainRule, Commands.askTeacher, Commands.insertScaffold, Commands.ignoreOnLine, Commands.disableRule]) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  test('diagnostics appear when the Flask app is opened, with source, code link and category', async () => {
    const uri = fixture('serving/service.py');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const debug = await waitForRule(uri, 'debug-mode-enabled');
    assert.match(document.lineAt(debug.range.start.line).text, /debug\s*=\s*True/);
    assert.match(debug.message, /^\[Security\] /);
    assert.strictEqual(debug.severity, vscode.DiagnosticSeverity.Error);
    const code = debug.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.target.scheme, 'command');
    assert.ok(code.target.path.includes(Commands.explainRule));
  });

  test('diagnostics follow a save', async () => {
    const uri = fixture('serving/save-check.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('from flask import Flask\n\napp = Flask(__name__)\n'));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), "\nif __name__ == '__main__':\n    app.run(debug=True)\n"));
      const saved = Date.now();
      assert.strictEqual(await document.save(), true, 'the document did not save');
      await waitForRule(uri, 'debug-mode-enabled');
      console.log(`[adapter] save-to-diagnostics: ${Date.now() - saved} ms`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('an untitled Python editor is linted in memory', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: FLASK_DEBUG });
    await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'debug-mode-enabled');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the scaffold quick fix inserts comments and leaves every original line intact', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: FLASK_DEBUG });
    await vscode.window.showTextDocument(document);
    try {
      const diagnostic = await waitForRule(document.uri, 'debug-mode-enabled');
      const before = document.getText();
      const actions = await waitFor(
        () =>
          Promise.resolve(
            vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value),
          ),
        (found) => (found ?? []).some((a) => a.edit && a.edit.get(document.uri).some((e) => e.newText.includes('TODO'))),
        'a scaffold quick fix',
      );
      const titles = actions.map((a) => a.title);
      assert.ok(
        actions.some((a) => a.command?.command === Commands.askTeacher),
        `no "ask the teacher" action among ${JSON.stringify(titles)}`,
      );
      // An untitled editor has no workspace folder, so "Disable rule in workspace config" is disabled and not listed.
      assert.ok(!actions.some((a) => a.command?.command === Commands.disableRule), `unexpected "disable rule" action among ${JSON.stringify(titles)}`);
      assert.ok(
        actions.some((a) => a.edit?.get(document.uri).some((e) => e.newText.includes('ai-teacher: ignore[debug-mode-enabled]'))),
        'no "ignore on this line" action',
      );
      const scaffold = actions.find((a) => a.edit?.get(document.uri).some((e) => e.newText.includes('TODO')));
      assert.ok(scaffold?.edit);
      const edits = scaffold.edit.get(document.uri);
      assert.strictEqual(edits.length, 1, 'the scaffold is one insertion');
      assert.ok(edits[0].range.isEmpty, 'the scaffold edit replaces nothing');
      assert.ok(await vscode.workspace.applyEdit(scaffold.edit));
      const after = document.getText();
      assert.notStrictEqual(after, before);
      assertLinesIntact(before, after);
      const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
      assert.ok(added.length > 0 && added.every((line) => line.trimStart().startsWith('#')), `inserted lines are not all comments: ${JSON.stringify(added)}`);
      assert.ok(
        added.every((line) => line.startsWith('    #')),
        'the scaffold is indented like the finding line',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('hover shows the teacher question and the explanation opens', async () => {
    const uri = fixture('serving/service.py');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const debug = await waitForRule(uri, 'debug-mode-enabled');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, debug.range.start.translate(0, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('debug-mode-enabled') && text.includes(Commands.explainRule), `hover was: ${text}`);
    const explanation = await vscode.workspace.openTextDocument(vscode.Uri.parse('ai-teacher-rule:/debug-mode-enabled.md?en'));
    assert.ok(explanation.getText().startsWith('# debug-mode-enabled'));
    assert.ok(explanation.getText().includes('TODO'));
    // The code action context is built from the workbench's markers, which follow the extension host a moment later.
    const actions = await waitFor(
      () =>
        Promise.resolve(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, debug.range, vscode.CodeActionKind.QuickFix.value)),
      (found) => (found ?? []).length >= 3,
      'quick fixes on service.py',
    );
    const seen = JSON.stringify(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]));
    assert.ok(
      actions.some((a) => a.command?.command === Commands.disableRule),
      `a workspace file offers "Disable rule in workspace config": ${seen}`,
    );
    await vscode.commands.executeCommand(Commands.explainRule, 'debug-mode-enabled');
  });

  test('"Ask the teacher" from the cursor finds the finding and opens a teacher without a model', async () => {
    const uri = fixture('serving/service.py');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const debug = await waitForRule(uri, 'debug-mode-enabled');
    editor.selection = new vscode.Selection(debug.range.start, debug.range.start);
    // No model is signed in here, so this goes to the teacher panel (or, before the panel exists,
    // the rule explanation); either way it must not throw.
    await vscode.commands.executeCommand(Commands.askTeacher);
  });

  test('Review Workspace fills diagnostics for files that are not open, honouring .gitignore and files.exclude', async () => {
    const manifest = fixture('k8s/model-server.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === manifest.toString()), 'the manifest must not be open');
    const files = vscode.workspace.getConfiguration('files', folder().uri);
    await files.update('exclude', { '**/excluded': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const started = Date.now();
      const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>(Commands.reviewWorkspace);
      console.log(`[adapter] review workspace: ${JSON.stringify(summary)} in ${Date.now() - started} ms`);
      assert.ok(summary && summary.files >= 2 && !summary.cancelled, JSON.stringify(summary));
      await waitForRule(manifest, 'missing-readiness-probe');
      assert.deepStrictEqual(ours(fixture('ignored/skipped.py')), [], '.gitignore was not honoured');
      assert.deepStrictEqual(ours(fixture('excluded/also-skipped.py')), [], 'files.exclude was not honoured');
    } finally {
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a severity override takes effect without reopening the file', async () => {
    const uri = fixture('serving/service.py');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForRule(uri, 'debug-mode-enabled', (d) => d.severity === vscode.DiagnosticSeverity.Error);
    try {
      await updateSetting('lint.severityOverrides', { 'debug-mode-enabled': 'hint' });
      await waitForRule(uri, 'debug-mode-enabled', (d) => d.severity === vscode.DiagnosticSeverity.Hint);
      await updateSetting('lint.severityOverrides', { security: 'off' });
      await waitFor(
        () => ours(uri).some((d) => codeOf(d) === 'debug-mode-enabled'),
        (present) => !present,
        'debug-mode-enabled to disappear',
      );
    } finally {
      await updateSetting('lint.severityOverrides', undefined);
    }
    await waitForRule(uri, 'debug-mode-enabled', (d) => d.severity === vscode.DiagnosticSeverity.Error);
  });

  test('lint.run off stops checking on save', async () => {
    const uri = fixture('serving/run-off.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x = 1\n'));
    try {
      await updateSetting('lint.run', 'off');
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), FLASK_DEBUG));
      await document.save();
      // A negative check needs a wait; the positive checks above finish well within it.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepStrictEqual(ours(uri), []);
      await updateSetting('lint.run', undefined);
      await document.save();
      await waitForRule(uri, 'debug-mode-enabled');
    } finally {
      await updateSetting('lint.run', undefined);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
  test('lint.run onType checks while typing, without a save', async () => {
    const uri = fixture('serving/on-type.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x = 1\n'));
    try {
      await updateSetting('lint.run', 'onType');
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), FLASK_DEBUG));
      await waitForRule(uri, 'debug-mode-enabled');
      assert.ok(document.isDirty, 'the check ran before any save');
    } finally {
      await updateSetting('lint.run', undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('the teacher language setting re-renders messages and the hover in Korean', async () => {
    const uri = fixture('serving/service.py');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    try {
      await updateSetting('teacher.language', 'ko');
      const debug = await waitForRule(uri, 'debug-mode-enabled', (d) => /[가-힣]/.test(d.message));
      assert.match(debug.message, /^\[보안\] /);
      // The quick fixes speak the teacher language too, whatever VS Code's display language is.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, debug.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title).filter((title) => title.includes('debug-mode-enabled'));
      assert.ok(titles.length >= 3, `too few quick fixes: ${titles.join(' | ')}`);
      for (const title of titles) assert.match(title.replace(/\([^)]*\)|[\w-]+-[\w-]+/g, ''), /^[^A-Za-z]*(TODO[^A-Za-z]*)?$/, `an English quick-fix title: ${title}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, debug.range.start.translate(0, 1));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /[가-힣]/, `hover was not Korean: ${text}`);
    } finally {
      await updateSetting('teacher.language', undefined);
    }
    await waitForRule(uri, 'debug-mode-enabled', (d) => !/[가-힣]/.test(d.message));
  });

  test('diagnostics leave with a closed document', async () => {
    const uri = fixture('serving/closing.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(FLASK_DEBUG));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitForRule(uri, 'debug-mode-enabled');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitFor(
        () => ours(uri).length,
        (count) => count === 0,
        'diagnostics of the closed document to go',
      );
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('Disable rule in workspace config creates .ai-teacher.yml and the finding goes away', async () => {
    const uri = fixture('serving/service.py');
    const config = fixture('.ai-teacher.yml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForRule(uri, 'debug-mode-enabled');
    try {
      assert.strictEqual(await vscode.commands.executeCommand(Commands.disableRule, 'debug-mode-enabled', uri.toString()), true);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
      assert.match(text, /rules:\s*\n\s+debug-mode-enabled: off/);
      await waitFor(
        () => ours(uri).some((d) => codeOf(d) === 'debug-mode-enabled'),
        (present) => !present,
        'debug-mode-enabled to go away',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(config);
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForRule(uri, 'debug-mode-enabled');
  });
});
