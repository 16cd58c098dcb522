import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringTables, tableProblems } from '../../src/shared/i18n';
import { ROOT } from '../helpers/engine';

/** Every source file under src/, relative to the repository root. */
function sources(dir = path.join(ROOT, 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('one language all the way through', () => {
  it('every string table has every key in English and Korean, with the same placeholders', async () => {
    // Load every module that declares a table, so a table added anywhere is walked too.
    const declaring = sources().filter((file) => !file.includes(`${path.sep}webview${path.sep}`) && /\bdefineStrings\s*[<(]/.test(fs.readFileSync(file, 'utf8')));
    for (const file of declaring) await import(file);
    const tables = stringTables();
    const names = tables.map((t) => t.name);
    for (const expected of ['adapter', 'panel', 'categories', 'severities', 'rule-page', 'readme'])
      assert.ok(names.includes(expected), `no "${expected}" table among ${names.join(', ')}`);
    assert.ok(tables.length >= declaring.length, `${declaring.length} files declare tables but only ${tables.length} registered`);
    assert.deepEqual(tables.flatMap(tableProblems), []);
  });

  it('finds a missing or mismatched translation (the check itself works)', () => {
    const problems = tableProblems({ name: 'probe', en: { a: 'A {n}', b: 'B', c: 'C' }, ko: { a: '가', b: ' ', c: '다' } as Record<string, string> });
    assert.deepEqual(problems, ['probe: "a" placeholders differ: en {n} vs ko {}', 'probe: "b" has no Korean text']);
  });

  it('no adapter text goes through vscode.l10n, which follows the display language instead of the teacher language', () => {
    const offenders = sources().filter((file) => /vscode\.l10n\.t\s*\(|from '@vscode\/l10n'/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((f) => path.relative(ROOT, f)),
      [],
    );
  });
});
