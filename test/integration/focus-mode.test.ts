// Exercise focus mode inside a real extension host: the toggle command writes the workspace's
// .vscode/settings.json, VS Code picks the values up, and turning it off gives back exactly the
// bytes that were there, including "there was no file". A second FocusMode over the same storage
// plays the next session after a crash; dispose() plays a clean shutdown.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FocusMode } from '../../src/vscode/curriculum/focus-mode';
import { Commands, EXTENSION_ID } from '../../src/vscode/ids';
import { DEFAULT_SETTINGS } from '../../src/vscode/pure/settings';
import { waitFor } from './helpers';

const KEYS = ['editor.inlineSuggest.enabled', 'github.copilot.enable', 'github.copilot.nextEditSuggestions.enabled'];

function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
  } as vscode.Memento;
}

suite('exercise focus mode in a real VS Code', () => {
  let root: vscode.Uri;
  let settingsFile: string;
  let dotVscode: string;
  const userValues = () => KEYS.map((key) => JSON.stringify(vscode.workspace.getConfiguration().inspect(key)?.globalValue));
  let userBefore: string[];
  const inlineSuggest = () => {
    const inspected = vscode.workspace.getConfiguration('editor', root).inspect<boolean>('inlineSuggest.enabled');
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
  };
  const toggle = (...args: unknown[]) => vscode.commands.executeCommand<boolean>(Commands.toggleFocusMode, ...args);
  const session = (storage: string) =>
    new FocusMode({
      storage: vscode.Uri.file(storage),
      globalState: memento(),
      lang: () => 'en',
      settings: () => DEFAULT_SETTINGS,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });

  // Earlier suites may leave a .vscode/settings.json (settings they set and unset); it is put
  // aside so this suite starts from "no file", and put back afterwards.
  let saved: Buffer | undefined;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace is not open');
    root = folder.uri;
    dotVscode = path.join(root.fsPath, '.vscode');
    settingsFile = path.join(dotVscode, 'settings.json');
    if (fs.existsSync(dotVscode)) {
      assert.deepStrictEqual(fs.readdirSync(dotVscode), ['settings.json'], '.vscode/ holds more than settings.json');
      saved = fs.readFileSync(settingsFile);
      fs.rmSync(dotVscode, { recursive: true });
    }
    userBefore = userValues();
  });

  suiteTeardown(() => {
    fs.rmSync(dotVscode, { recursive: true, force: true });
    if (saved) {
      fs.mkdirSync(dotVscode);
      fs.writeFileSync(settingsFile, saved);
    }
  });

  test('"not set": turning it on writes the workspace settings, turning it off removes the file and folder it created', async () => {
    assert.strictEqual(await toggle('beginner/1'), true, 'focus mode did not turn on');
    await waitFor(inlineSuggest, (value) => value === false, 'VS Code to read editor.inlineSuggest.enabled = false from the workspace');
    const written = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    assert.deepStrictEqual(written, { 'editor.inlineSuggest.enabled': false, 'github.copilot.enable': { '*': false }, 'github.copilot.nextEditSuggestions.enabled': false });
    assert.deepStrictEqual(userValues(), userBefore, 'user settings changed');

    assert.strictEqual(await toggle(), false, 'focus mode did not turn off');
    assert.ok(!fs.existsSync(settingsFile), 'settings.json is still there although it did not exist before');
    assert.ok(!fs.existsSync(dotVscode), '.vscode/ is still there although focus mode created it');
    await waitFor(inlineSuggest, (value) => value === undefined, 'editor.inlineSuggest.enabled to be "not set" again');
    assert.deepStrictEqual(userValues(), userBefore, 'user settings changed');
  });

  test('byte for byte: comments, CRLF, odd spacing and values that were set all come back exactly', async () => {
    const original = Buffer.from(
      '\ufeff{\r\n  // the learner\'s own settings\r\n  "editor.fontSize": 15,\r\n  "editor.inlineSuggest.enabled":   true,\r\n  "github.copilot.enable": { "*": true,  "markdown": false /* prose */ },\r\n}\r\n',
      'utf8',
    );
    fs.mkdirSync(dotVscode, { recursive: true });
    fs.writeFileSync(settingsFile, original);
    await waitFor(inlineSuggest, (value) => value === true, "VS Code to read the learner's own value");
    assert.strictEqual(await toggle('beginner/1'), true);
    await waitFor(inlineSuggest, (value) => value === false, "focus mode's value");
    assert.strictEqual(vscode.workspace.getConfiguration('editor', root).get('fontSize'), 15, "the learner's other setting was lost");
    assert.strictEqual(await toggle(), false);
    assert.deepStrictEqual(fs.readFileSync(settingsFile), original, 'settings.json is not byte for byte what it was');
    await waitFor(inlineSuggest, (value) => value === true, "the learner's value to be back");
    assert.deepStrictEqual(userValues(), userBefore, 'user settings changed');
    fs.rmSync(dotVscode, { recursive: true, force: true });
  });

  test('a setting the learner changes while it is on stays; the ones focus mode wrote go back', async () => {
    assert.strictEqual(await toggle('beginner/1'), true);
    await waitFor(inlineSuggest, (value) => value === false, "focus mode's value");
    await vscode.workspace.getConfiguration('editor', root).update('tabSize', 3, vscode.ConfigurationTarget.WorkspaceFolder);
    assert.strictEqual(await toggle(), false);
    const after = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    assert.deepStrictEqual(after, { 'editor.tabSize': 3 });
    await vscode.workspace.getConfiguration('editor', root).update('tabSize', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    fs.rmSync(dotVscode, { recursive: true, force: true });
  });

  test('a crash with focus mode on: the next session finds the persisted snapshot and restores exactly', async () => {
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'aet-focus-'));
    const original = '{\n\t"editor.inlineSuggest.enabled": true\n}';
    fs.mkdirSync(dotVscode, { recursive: true });
    fs.writeFileSync(settingsFile, original);
    const crashed = session(storage);
    assert.strictEqual(await crashed.turnOn('beginner/2', root, false), true);
    await waitFor(inlineSuggest, (value) => value === false, "focus mode's value");
    // VS Code dies: no turnOff, no dispose. The next session starts from the storage alone.
    const next = session(storage);
    await next.load();
    assert.strictEqual(next.snapshot?.week, 'beginner/2', 'the next session does not know focus mode is on');
    assert.strictEqual(await next.turnOff(), true);
    assert.strictEqual(fs.readFileSync(settingsFile, 'utf8'), original);
    await waitFor(inlineSuggest, (value) => value === true, "the learner's value to be back");

    // A clean shutdown restores at once (synchronously) and notes the week to resume.
    const clean = session(storage);
    await clean.load();
    assert.strictEqual(await clean.turnOn('beginner/2', root, false), true);
    clean.dispose();
    assert.strictEqual(fs.readFileSync(settingsFile, 'utf8'), original, 'dispose() did not restore');
    const later = session(storage);
    await later.load();
    assert.strictEqual(later.snapshot, undefined);
    assert.strictEqual(later.resumeWeek, 'beginner/2');
    fs.rmSync(dotVscode, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });
});
