// Every save publishes what a full lint of the saved text gives: the extension re-lints
// incrementally, begins the check at will-save while VS Code writes the file, and reuses the
// check of a text it has already seen; none of that may change a diagnostic. Each save's
// Problems entries are compared with a fresh engine's full lint of the same text, converted by
// the same function.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LintEngine } from '../../src/language/engine';
import { bundledWasm } from '../../src/language/parser';
import { toDiagnostics } from '../../src/vscode/convert';
import { CONFIG_SECTION, DIAGNOSTIC_SOURCE, EXTENSION_ID } from '../../src/vscode/ids';
import { normaliseSettings, resolveLang } from '../../src/vscode/pure/settings';
import { codeOf, nextDiagnosticsChange } from './helpers';

/** A Flask service with a dozen handlers, each with the usual findings. */
function service(handlers = 12): string {
  const lines = ['import pickle', 'import requests', 'from flask import Flask, request, jsonify', '', 'app = Flask(__name__)', ''];
  for (let i = 0; i < handlers; i++) {
    lines.push(
      `@app.route('/predict/${i}', methods=['POST'])`,
      `def predict_${i}():`,
      '    data = request.json',
      `    model = pickle.load(open('model_${i}.pkl', 'rb'))`,
      `    response = requests.get('http://feature-store/${i}')`,
      '    try:',
      "        result = model.predict([data['features']])",
      '    except Exception:',
      '        pass',
      "    return jsonify({'prediction': result[0], 'extra': response.json()})",
      '',
    );
  }
  lines.push("if __name__ == '__main__':", '    app.run(debug=True)', '');
  return lines.join('\n');
}

/** What a diagnostic shows, for comparison. */
function shown(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${diagnostic.severity} ${codeOf(diagnostic)} ${diagnostic.message}`;
}

function ours(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map(shown)
    .sort();
}

suite('saves: every save publishes what a full lint gives', () => {
  let engine: LintEngine;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    engine = await LintEngine.create(bundledWasm(path.join(extension.extensionPath, 'dist')));
  });

  suiteTeardown(() => engine?.dispose());

  test('appends, edits inside and between handlers, deletions and a save of the same text', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'parity', 'service.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(service()));
    const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const settings = normaliseSettings((key) => configuration.get(key));
    const lang = resolveLang(settings.teacherLanguage, vscode.env.language);
    const expected = (text: string) => toDiagnostics(engine.lintText(uri.path, text).findings, settings, lang, uri).map(shown).sort();

    const opened = nextDiagnosticsChange(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    try {
      await opened;
      assert.deepStrictEqual(ours(uri), expected(document.getText()), 'after opening');
      const line = (text: string) => document.getText().split('\n').indexOf(text);
      const edits: [string, (edit: vscode.TextEditorEdit) => void][] = [
        ['a comment appended', (edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), '# note\n')],
        ['a print inside a handler', (edit) => edit.insert(new vscode.Position(line('def predict_3():') + 2, 0), "    print('features', data)\n")],
        ['the try/except of a handler removed', (edit) => edit.delete(new vscode.Range(line('def predict_5():') + 4, 0, line('def predict_5():') + 8, 0))],
        [
          'a handler added between two others',
          (edit) => edit.insert(new vscode.Position(line('def predict_7():') - 1, 0), "@app.get('/health')\ndef health():\n    return 'ok'\n\n"),
        ],
        ['debug mode turned off', (edit) => edit.replace(new vscode.Range(line('    app.run(debug=True)'), 0, line('    app.run(debug=True)') + 1, 0), '    app.run()\n')],
        ['the first handler deleted', (edit) => edit.delete(new vscode.Range(line('def predict_0():') - 1, 0, line('def predict_1():') - 1, 0))],
        ['a syntax error typed and saved', (edit) => edit.insert(new vscode.Position(line('def predict_9():') + 1, 0), '    if data\n')],
        ['a line typed and deleted again (the same text as the last save)', (edit) => edit.insert(new vscode.Position(0, 0), '# draft\n')],
      ];
      for (const [what, change] of edits) {
        assert.ok(await editor.edit(change), `could not apply: ${what}`);
        if (what.startsWith('a line typed and deleted')) assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, 1, 0))));
        const published = nextDiagnosticsChange(uri);
        assert.ok(await document.save(), `could not save: ${what}`);
        await published;
        assert.deepStrictEqual(ours(uri), expected(document.getText()), `after saving with ${what}`);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'parity'), { recursive: true });
    }
  });
});
