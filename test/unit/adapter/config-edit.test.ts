import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/language/config';
import { disableRuleInConfig } from '../../../src/vscode/pure/config-edit';

function edited(existing: string | undefined, name = '.ai-teacher.yml', rule = 'print-instead-of-logging'): string {
  const result = disableRuleInConfig(existing, name, rule);
  assert.ok(result.ok, JSON.stringify(result));
  return result.ok ? result.text : '';
}

describe('workspace config editing', () => {
  it('creates a config that the engine reads', () => {
    const text = edited(undefined);
    const { config, errors } = parseConfig(text, '.ai-teacher.yml');
    assert.deepEqual(errors, []);
    assert.equal(config.rules['print-instead-of-logging'], 'off');
  });

  it('keeps comments, order and other keys of an existing file', () => {
    const before = '# our team config\nfailLevel: error # strict in CI\nrules:\n  # noisy in notebooks\n  missing-metrics: info\nignore:\n  - legacy/**\n';
    const after = edited(before);
    for (const kept of ['# our team config', 'failLevel: error # strict in CI', '# noisy in notebooks', 'missing-metrics: info', '- legacy/**'])
      assert.ok(after.includes(kept), kept);
    const { config } = parseConfig(after, '.ai-teacher.yml');
    assert.equal(config.rules['print-instead-of-logging'], 'off');
    assert.equal(config.rules['missing-metrics'], 'info');
    assert.equal(config.failLevel, 'error');
    assert.ok(after.indexOf('failLevel') < after.indexOf('rules') && after.indexOf('rules') < after.indexOf('ignore'));
  });

  it('adds a rules mapping when there is none, and fills a comment-only file', () => {
    assert.equal(parseConfig(edited('failLevel: info\n'), 'x.yml').config.rules['print-instead-of-logging'], 'off');
    const fromComments = edited('# nothing yet\n');
    assert.ok(fromComments.startsWith('# nothing yet'));
    assert.equal(parseConfig(fromComments, 'x.yml').config.rules['print-instead-of-logging'], 'off');
    assert.equal(parseConfig(edited('rules:\n'), 'x.yml').config.rules['print-instead-of-logging'], 'off');
  });

  it('reports no change when the rule is already off', () => {
    const text = 'rules:\n  print-instead-of-logging: off\n';
    assert.deepEqual(disableRuleInConfig(text, '.ai-teacher.yml', 'print-instead-of-logging'), { ok: true, changed: false, text });
  });

  it('refuses files it cannot edit safely', () => {
    assert.equal(disableRuleInConfig('rules: [a\n', '.ai-teacher.yml', 'x').ok, false);
    assert.deepEqual(disableRuleInConfig('- a\n- b\n', '.ai-teacher.yml', 'x'), { ok: false, reason: 'not-a-mapping' });
    assert.deepEqual(disableRuleInConfig('rules: all\n', '.ai-teacher.yml', 'x'), { ok: false, reason: 'rules-not-a-mapping' });
  });

  it('edits JSON configs', () => {
    const after = edited('{ "failLevel": "error", "rules": { "a": "info" } }', '.ai-teacher.json');
    assert.deepEqual(JSON.parse(after), { failLevel: 'error', rules: { a: 'info', 'print-instead-of-logging': 'off' } });
    assert.equal(disableRuleInConfig('{ broken', '.ai-teacher.json', 'x').ok, false);
  });
});
