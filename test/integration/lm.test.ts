// The teacher for agents and for the Chat view, in a real extension host: the language-model
// tools answer `vscode.lm.invokeTool` with findings, questions and a TODO skeleton (never a fix),
// and the extension's own model "AI Teacher (offline)" is listed and answers `sendRequest`.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, TEACHER_MODEL, Tools } from '../../src/vscode/ids';
import { AGENT_CONTRACT } from '../../src/teacher/tool-results';

const CONTRACT_FIRST_LINE = AGENT_CONTRACT.split('\n')[0];

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

async function rejection(promise: Thenable<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return assert.fail('the call did not fail');
}

/** Lines of fenced code that are neither comments nor blank: what a "fix" would consist of. */
function codeLines(text: string): string[] {
  const blocks = [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split('\n')).filter((line) => line.trim() && !/^\s*(#|\/\/)/.test(line));
}

suite('language-model tools and the teacher model', () => {
  let folder: vscode.WorkspaceFolder;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'the integration workspace is not open');
    folder = first;
  });

  test('the three tools are registered with the schemas package.json declares', () => {
    for (const name of Object.values(Tools)) {
      const tool = vscode.lm.tools.find((t) => t.name === name);
      assert.ok(tool, `${name} is not in vscode.lm.tools (${vscode.lm.tools.map((t) => t.name).join(', ')})`);
      assert.ok(tool.description.length > 40, `${name} has no model description`);
      assert.strictEqual((tool.inputSchema as { type?: string } | undefined)?.type, 'object');
    }
  });

  test("aiTeacher_review of a workspace file: findings with lines, the teacher's questions and a TODO skeleton, no fix", async () => {
    const text = await invoke(Tools.review, { filePath: 'app.py' });
    assert.ok(text.startsWith(CONTRACT_FIRST_LINE), `the result does not open with the teaching contract:\n${text.slice(0, 300)}`);
    for (const rule of ['debug-mode-enabled', 'unsafe-deserialization', 'unvalidated-request-payload']) {
      assert.match(text, new RegExp(`app\\.py:\\d+ \\[\\w+, [\\w-]+\\] ${rule}: `), `no finding line for ${rule}`);
    }
    assert.match(text, /app\.py:15 \[[^\]]+\] debug-mode-enabled/, 'debug mode is not reported on line 15');
    assert.match(text, /🤔/, 'no questions section');
    assert.match(text, /\?/);
    assert.match(text, /TODO/, 'no TODO skeleton');
    assert.deepStrictEqual(codeLines(text), [], 'the skeleton contains code beyond comments');
    assert.doesNotMatch(text, /debug\s*=\s*False/);
  });

  test('aiTeacher_review of a line range reports only the findings there', async () => {
    const text = await invoke(Tools.review, { filePath: 'app.py', startLine: 14, endLine: 15 });
    assert.match(text, /Findings in app\.py \(lines 14-15\): 1\b/, text.slice(0, 600));
    assert.match(text, /debug-mode-enabled/);
    assert.doesNotMatch(text.split("The teacher's review")[0], /unsafe-deserialization/, 'a finding outside the range was listed');
  });

  test('aiTeacher_review without a path reviews the active editor; a YAML file gets YAML findings', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'deployment.yaml'));
    await vscode.window.showTextDocument(document);
    const text = await invoke(Tools.review, {});
    assert.match(text, /Findings in deployment\.yaml: [1-9]/, text.slice(0, 600));
    assert.match(text, /deployment\.yaml:\d+ \[\w+, [\w-]+\] missing-(readiness|liveness)-probe/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('aiTeacher_review refuses files outside the workspace and files it cannot lint, with messages a model can act on', async () => {
    assert.match(
      await rejection(vscode.lm.invokeTool(Tools.review, { input: { filePath: '/etc/hostname' }, toolInvocationToken: undefined })),
      /not a readable file inside the open workspace/,
    );
    assert.match(await rejection(vscode.lm.invokeTool(Tools.review, { input: { filePath: 'no-such-file.py' }, toolInvocationToken: undefined })), /no-such-file\.py/);
  });

  test('aiTeacher_explainRule explains a known rule and lists the known ids for an unknown one', async () => {
    const text = await invoke(Tools.explainRule, { ruleId: 'missing-readiness-probe' });
    assert.ok(text.startsWith(CONTRACT_FIRST_LINE));
    assert.match(text, /Rule missing-readiness-probe \(yaml, health/);
    assert.match(text, /\?/);
    const message = await rejection(vscode.lm.invokeTool(Tools.explainRule, { input: { ruleId: 'make-it-fast' }, toolInvocationToken: undefined }));
    assert.match(message, /Unknown rule id "make-it-fast"/);
    assert.match(message, /debug-mode-enabled/);
  });

  test("aiTeacher_weekContext gives a week's exercise and rules, and rejects an unknown week", async () => {
    const text = await invoke(Tools.weekContext, { week: 'beginner/1' });
    assert.ok(text.startsWith(CONTRACT_FIRST_LINE));
    assert.match(text, /Week beginner\/1/);
    assert.match(text, /debug-mode-enabled|unsafe-deserialization/);
    assert.match(await rejection(vscode.lm.invokeTool(Tools.weekContext, { input: { week: 'beginner/99' }, toolInvocationToken: undefined })), /Unknown week "beginner\/99"/);
  });

  test('"AI Teacher (offline)" is a selectable model that reviews a pasted Flask app without handing over a fix', async () => {
    const models = await vscode.lm.selectChatModels({ vendor: TEACHER_MODEL.vendor });
    assert.strictEqual(models.length, 1, `models of ${TEACHER_MODEL.vendor}: ${models.map((m) => m.name).join(', ')}`);
    const [model] = models;
    assert.strictEqual(model.name, 'AI Teacher (offline)');
    const code =
      "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return 'ok'\n\nif __name__ == '__main__':\n    app.run(debug=True)\n";
    const response = await model.sendRequest(
      [vscode.LanguageModelChatMessage.User(`Can you review this?\n\n\`\`\`python\n${code}\`\`\``)],
      {},
      new vscode.CancellationTokenSource().token,
    );
    let text = '';
    for await (const piece of response.text) text += piece;
    assert.match(text, /debug-mode-enabled/, text.slice(0, 800));
    assert.match(text, /🤔/);
    assert.match(text, /TODO/);
    assert.doesNotMatch(text, /debug\s*=\s*False/);
    const count = await model.countTokens('twelve chars');
    assert.ok(count > 0 && count < 12);
  });
});
