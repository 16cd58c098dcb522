import * as assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { AI_COMPLETION_SETTINGS, applyFocus, focusSettings, restoreFocus, toExtraSettings, type FocusSnapshot } from '../../../src/vscode/pure/focus-settings';

function snapshotOf(original: string | null, prefix: string[] = [], settings = AI_COMPLETION_SETTINGS): FocusSnapshot {
  const edit = applyFocus(original, prefix, settings);
  assert.ok(edit.ok, 'the edit failed');
  return { version: 1, week: 'beginner/1', file: 'file:///w/.vscode/settings.json', prefix, original, written: edit.text, entries: edit.entries };
}

describe('exercise focus mode: settings edits', () => {
  it('turns the AI completion settings off in a file that did not exist, and restores "no file"', () => {
    const snapshot = snapshotOf(null);
    assert.deepEqual(parse(snapshot.written), {
      'editor.inlineSuggest.enabled': false,
      'github.copilot.enable': { '*': false },
      'github.copilot.nextEditSuggestions.enabled': false,
    });
    assert.ok(snapshot.entries.every((e) => e.before === null));
    assert.deepEqual(restoreFocus(snapshot.written, snapshot), { text: null, kept: [] });
  });

  it('gives back the exact bytes of a file with comments, CRLF, odd spacing and values already set', () => {
    const original =
      '{\r\n  // my editor\r\n  "editor.fontSize": 15,\r\n  "editor.inlineSuggest.enabled":   true,\r\n  "github.copilot.enable": { "*": true,  "markdown": false /* prose */ },\r\n}\r\n';
    const snapshot = snapshotOf(original);
    assert.equal(snapshot.entries.find((e) => e.key === 'github.copilot.enable')?.before, '{ "*": true,  "markdown": false /* prose */ }');
    assert.equal(snapshot.entries.find((e) => e.key === 'github.copilot.nextEditSuggestions.enabled')?.before, null);
    assert.match(snapshot.written, /"editor.inlineSuggest.enabled": +false/);
    assert.match(snapshot.written, /\r\n/);
    assert.doesNotMatch(snapshot.written.replace(/\r\n/g, ''), /\n/, 'mixed line ends');
    assert.equal(restoreFocus(snapshot.written, snapshot).text, original);
  });

  it('keeps what the learner changed meanwhile and puts back each value it wrote, source text and "not set" included', () => {
    const original = '{\n\t"editor.inlineSuggest.enabled": true,\n\t"github.copilot.enable": {"*":true}\n}\n';
    const snapshot = snapshotOf(original);
    // The learner adds a setting through the Settings UI and turns Copilot's next-edit switch on again.
    const edited = snapshot.written
      .replace('{\n', '{\n\t"files.autoSave": "afterDelay",\n')
      .replace('"github.copilot.nextEditSuggestions.enabled": false', '"github.copilot.nextEditSuggestions.enabled": true');
    const restored = restoreFocus(edited, snapshot);
    assert.deepEqual(restored.kept, ['github.copilot.nextEditSuggestions.enabled']);
    assert.ok(restored.text?.includes('"github.copilot.enable": {"*":true}'), restored.text ?? '');
    assert.deepEqual(parse(restored.text ?? ''), {
      'files.autoSave': 'afterDelay',
      'editor.inlineSuggest.enabled': true,
      'github.copilot.enable': { '*': true },
      'github.copilot.nextEditSuggestions.enabled': true,
    });
  });

  it('puts a value back when the learner deleted the line focus mode wrote', () => {
    const original = '{\n\t"editor.inlineSuggest.enabled": true\n}';
    const snapshot = snapshotOf(original, [], { 'editor.inlineSuggest.enabled': false });
    const restored = restoreFocus('{\n\t"editor.tabSize": 2\n}', snapshot);
    assert.deepEqual(parse(restored.text ?? ''), { 'editor.tabSize': 2, 'editor.inlineSuggest.enabled': true });
  });

  it("writes into a workspace file's settings object and restores it", () => {
    const original = '{\n\t"folders": [{ "path": "." }]\n}\n';
    const snapshot = snapshotOf(original, ['settings']);
    assert.deepEqual((parse(snapshot.written) as { settings: unknown }).settings, focusSettings({}));
    assert.equal(restoreFocus(snapshot.written, snapshot).text, original);
    const edited = snapshot.written.replace('"folders"', '"extensions": {},\n\t"folders"');
    assert.deepEqual(parse(restoreFocus(edited, snapshot).text ?? ''), { extensions: {}, folders: [{ path: '.' }], settings: {} });
  });

  it('refuses a file that is not a JSON object instead of guessing', () => {
    assert.equal(applyFocus('[1, 2]', [], AI_COMPLETION_SETTINGS).ok, false);
    assert.equal(applyFocus('{ "settings": 3 }', ['settings'], AI_COMPLETION_SETTINGS).ok, false);
    assert.equal(applyFocus('', [], AI_COMPLETION_SETTINGS).ok, true);
  });

  it("reads the learner's extra settings as a map or a list, never aiTeacher.* or junk", () => {
    assert.deepEqual(toExtraSettings({ 'codeium.enableConfig': { '*': false }, 'aiTeacher.enable': false, 'not a key': 1 }), { 'codeium.enableConfig': { '*': false } });
    assert.deepEqual(toExtraSettings(['tabnine.experimentalAutoImports', 42]), { 'tabnine.experimentalAutoImports': false });
    assert.deepEqual(toExtraSettings('codeium.enable'), {});
    assert.deepEqual(focusSettings({ 'editor.inlineSuggest.enabled': true })['editor.inlineSuggest.enabled'], true);
  });
});
