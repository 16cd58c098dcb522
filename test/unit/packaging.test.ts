import * as assert from 'node:assert/strict';
import { listFiles, PackageManager } from '@vscode/vsce';
import { ROOT } from '../helpers/engine';

describe('VSIX contents', () => {
  it('ships the extension, the panel and the grammars, but not the CLI bundle the extension never loads', async () => {
    const files = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).map((file) => file.split('\\').join('/'));
    for (const needed of [
      'dist/extension.js',
      'dist/extension-main.js',
      'dist/webview.js',
      'dist/web-tree-sitter.wasm',
      'dist/tree-sitter-python.wasm',
      'dist/tree-sitter-yaml.wasm',
      'package.json',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the VSIX`);
    }
    assert.deepEqual(
      files.filter((file) => /^dist\/cli\.js/.test(file)),
      [],
    );
    // The V8 code cache the extension keeps next to its bundle (src/vscode/boot.ts) belongs to one machine's V8.
    assert.deepEqual(
      files.filter((file) => file.endsWith('.code-cache')),
      [],
    );
  });
});
