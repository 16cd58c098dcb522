// Smoke test inside a real extension host: the extension activates cleanly and the fixture
// Flask app gets diagnostics after it is opened and saved.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, EXTENSION_ID } from '../../src/vscode/ids';
import { codeOf, waitFor } from './helpers';

suite('smoke: the extension in a real VS Code', () => {
  test('activates without errors', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this extension host`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('diagnostics appear for the fixture Flask app after open and save', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace is not open');
    const uri = vscode.Uri.joinPath(folder.uri, 'app.py');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    // A save only happens for a dirty document: append a newline, then save.
    await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, '\n'));
    assert.strictEqual(await document.save(), true, 'the document did not save');
    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE),
      (found) => found.some((d) => codeOf(d) === 'debug-mode-enabled'),
      'a debug-mode-enabled diagnostic on app.py',
    );
    const debug = diagnostics.find((d) => codeOf(d) === 'debug-mode-enabled');
    assert.ok(debug);
    assert.match(document.lineAt(debug.range.start.line).text, /debug\s*=\s*True/);
  });
});
