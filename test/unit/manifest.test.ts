import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, CONFIG_SECTION, PARTICIPANT_ID, Views } from '../../src/vscode/ids';
import { SETTING_KEYS } from '../../src/vscode/pure/settings';
import { ROOT } from '../helpers/engine';

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string }[];
    menus?: Record<string, { command: string }[]>;
    viewsContainers?: Record<string, { id: string }[]>;
    views?: Record<string, { id: string }[]>;
    chatParticipants?: { id: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const manifestText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsKo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('package.json manifest', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command);

  it('contributes exactly the command ids declared in ids.ts', () => {
    assert.deepEqual([...contributed].sort(), Object.values(Commands).sort());
  });

  it('contributes every command registered in code', () => {
    const registered = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/registerCommand\(\s*Commands\.(\w+)/g)) {
        const id = (Commands as Record<string, string>)[match[1]];
        assert.ok(id, `${path.relative(ROOT, file)} registers unknown Commands.${match[1]}`);
        registered.add(id);
      }
    }
    assert.ok(registered.size > 0);
    for (const id of registered) assert.ok(contributed.includes(id), `${id} is registered but not contributed`);
  });

  it('only refers to contributed commands in menus', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {})) {
      for (const item of items) assert.ok(contributed.includes(item.command), `${menu}: ${item.command}`);
    }
  });

  it('contributes the views and the participant declared in ids.ts', () => {
    const containers = Object.values(manifest.contributes.viewsContainers ?? {})
      .flat()
      .map((c) => c.id);
    const views = Object.values(manifest.contributes.views ?? {})
      .flat()
      .map((v) => v.id);
    assert.deepEqual(containers, [Views.container]);
    assert.deepEqual(Object.keys(manifest.contributes.views ?? {}), [Views.container]);
    const declaredViews = Object.values(Views).filter((id) => id !== Views.container);
    assert.deepEqual([...views].sort(), [...declaredViews].sort());
    assert.deepEqual(
      (manifest.contributes.chatParticipants ?? []).map((p) => p.id),
      [PARTICIPANT_ID],
    );
  });

  it('contributes every setting the adapter reads', () => {
    const properties = Object.keys(manifest.contributes.configuration.properties);
    for (const key of SETTING_KEYS) assert.ok(properties.includes(`${CONFIG_SECTION}.${key}`), key);
  });

  it('activates lazily, never on *', () => {
    const events = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*'));
    assert.ok(!events.includes('onStartupFinished'));
    assert.ok(events.includes('onLanguage:python') && events.includes('onLanguage:yaml'));
  });

  it('has every %key% in both nls files, and no stale keys', () => {
    const keys = [...manifestText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.ok(key in nls, `package.nls.json lacks ${key}`);
      assert.ok(key in nlsKo, `package.nls.ko.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nlsKo).sort(), Object.keys(nls).sort());
    for (const key of Object.keys(nls)) assert.ok(keys.includes(key), `package.nls.json has unused ${key}`);
  });
});
