import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadWithCodeCache } from '../../src/vscode/boot';

describe('the extension entry point: the bundle through V8 code cache', () => {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'boot-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const caches = () => fs.readdirSync(folder).filter((name) => name.endsWith('.code-cache'));
  const bundle = (body: string) => {
    const file = path.join(folder, 'main.js');
    fs.writeFileSync(file, body);
    return file;
  };
  const BODY =
    'const path = require("node:path");\nexports.answer = () => 42;\nexports.file = __filename;\nexports.base = path.basename(__dirname);\nmodule.exports.later = async () => (await import("node:path")).sep;';

  it('runs the file as CommonJS, writes the cache when asked, then reads it and asks for none', async () => {
    const file = bundle(BODY);
    const first = loadWithCodeCache(file);
    const exports = first.exports as { answer(): number; file: string; base: string; later(): Promise<string> };
    assert.equal(exports.answer(), 42);
    assert.equal(exports.file, file);
    assert.equal(exports.base, path.basename(folder));
    assert.equal(await exports.later(), path.sep);
    assert.ok(first.save, 'no cache yet: a save is offered');
    assert.deepEqual(caches(), []);
    await first.save();
    assert.equal(caches().length, 1);
    const second = loadWithCodeCache(file);
    assert.equal((second.exports as { answer(): number }).answer(), 42);
    assert.equal(second.save, undefined, 'the cache was read: nothing to save');
  });

  it('never reads the cache of another text, and the new cache replaces the old one', async () => {
    const file = bundle(BODY);
    await loadWithCodeCache(file).save?.();
    const [old] = caches();
    fs.writeFileSync(file, BODY.replace('42', '43'));
    const changed = loadWithCodeCache(file);
    assert.equal((changed.exports as { answer(): number }).answer(), 43);
    assert.ok(changed.save);
    await changed.save();
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], old);
  });

  it('a cache that cannot be written leaves the file running', async () => {
    const file = bundle(BODY);
    const loaded = loadWithCodeCache(file);
    fs.rmSync(folder, { recursive: true, force: true });
    await loaded.save?.();
    assert.equal((loaded.exports as { answer(): number }).answer(), 42);
  });
});
