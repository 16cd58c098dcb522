// The project model inside a real extension host: the demo workspace (copied into a folder of
// the integration workspace) has a readinessProbe on /health and an app without that route.
// Adding the route clears the cross-file finding on the manifest, which is never opened;
// renaming the route on save brings it back, with related information pointing at app.py.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, EXTENSION_ID } from '../../src/vscode/ids';
import { codeOf, waitFor } from './helpers';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

function has(uri: vscode.Uri, ruleId: string): boolean {
  return ours(uri).some((d) => codeOf(d) === ruleId);
}

async function replaceAll(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
  assert.ok(await document.save(), 'the document was not saved');
}

suite('project model: cross-file checks in the editor', () => {
  let demo: vscode.Uri;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace is not open');
    demo = vscode.Uri.joinPath(folder.uri, 'demo');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'demo-workspace'), demo, { overwrite: true });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(demo, { recursive: true, useTrash: false });
  });

  test('a probe on a route the app does not serve is reported on the manifest, and follows edits of app.py', async () => {
    const app = vscode.Uri.joinPath(demo, 'app.py');
    const manifest = vscode.Uri.joinPath(demo, 'k8s', 'deployment.yaml');
    const document = await vscode.workspace.openTextDocument(app);
    await vscode.window.showTextDocument(document);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === manifest.toString()), 'the manifest must not be open');

    // As shipped: the probe checks /health, which the app does not have yet. The demo folder was
    // just copied in, so this first wait also covers the watcher's events and the index reading
    // it, which take seconds on a loaded 2-core CI machine.
    await waitFor(() => has(manifest, 'probe-path-not-served'), Boolean, 'probe-path-not-served on the demo manifest', 60_000);

    const original = document.getText();
    const withHealth = original.replace("@app.route('/predict'", "@app.route('/health')\ndef health():\n    return {'status': 'ok'}\n\n\n@app.route('/predict'");
    assert.notStrictEqual(withHealth, original, 'the demo app changed shape');
    await replaceAll(document, withHealth);
    await waitFor(
      () => has(manifest, 'probe-path-not-served') || has(app, 'missing-health-endpoint'),
      (present) => !present,
      'the probe finding and missing-health-endpoint to clear',
    );

    // Rename the route on save: the manifest (still closed) is reported again, pointing at app.py.
    await replaceAll(document, withHealth.replace("@app.route('/health')", "@app.route('/healthz')"));
    const diagnostic = await waitFor(
      () => ours(manifest).find((d) => codeOf(d) === 'probe-path-not-served'),
      (d) => d !== undefined,
      'probe-path-not-served after the rename',
    );
    assert.match(diagnostic!.message, /\/health\b/);
    assert.match(diagnostic!.message, /app\.py/);
    const related = diagnostic!.relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri.toString() === app.toString()),
      `related information should point at app.py: ${JSON.stringify(related.map((r) => r.location.uri.toString()))}`,
    );
    const manifestText = new TextDecoder().decode(await vscode.workspace.fs.readFile(manifest));
    assert.match(manifestText.split('\n')[diagnostic!.range.start.line], /path: \/health/);
  });

  test('a folder moved as a whole takes its project findings along (the watcher may report the folder alone)', async () => {
    const from = vscode.Uri.joinPath(demo, 'k8s');
    const to = vscode.Uri.joinPath(demo, 'deploy');
    const before = vscode.Uri.joinPath(from, 'deployment.yaml');
    const after = vscode.Uri.joinPath(to, 'deployment.yaml');
    await waitFor(() => has(before, 'probe-path-not-served'), Boolean, 'probe-path-not-served on the manifest before the move', 60_000);
    await vscode.workspace.fs.rename(from, to);
    await waitFor(() => has(after, 'probe-path-not-served') && !has(before, 'probe-path-not-served'), Boolean, 'the finding to move with the folder', 60_000);
  });

  test('a Dockerfile is checked with the project: root user, and the development server it starts', async () => {
    const dockerfile = vscode.Uri.joinPath(demo, 'Dockerfile');
    await vscode.workspace.fs.writeFile(dockerfile, new TextEncoder().encode('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n'));
    const document = await vscode.workspace.openTextDocument(dockerfile);
    await vscode.window.showTextDocument(document);
    await waitFor(() => has(dockerfile, 'container-runs-as-root') && has(dockerfile, 'development-server-in-container'), Boolean, 'Dockerfile findings');
    const devServer = ours(dockerfile).find((d) => codeOf(d) === 'development-server-in-container')!;
    assert.strictEqual(devServer.range.start.line, 3);
    assert.ok((devServer.relatedInformation ?? []).some((r) => r.location.uri.path.endsWith('/demo/app.py')));

    // Serving with gunicorn instead clears the development-server finding on save.
    await replaceAll(document, 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:5000", "app:app"]\n');
    await waitFor(
      () => has(dockerfile, 'development-server-in-container'),
      (present) => !present,
      'development-server-in-container to clear',
    );
    assert.ok(has(dockerfile, 'container-runs-as-root'));
  });
});
