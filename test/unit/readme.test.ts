import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { README, renderRuleTable, walkthroughMedia, withRuleTable } from '../../scripts/gen-docs';
import { ALL_RULES } from '../../src/language/rules';

describe('README', () => {
  it('has an up-to-date rule table', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const expected = withRuleTable(readme, renderRuleTable(ALL_RULES));
    assert.ok(readme === expected, 'The rule table in README.md is out of date: run `npm run docs` and commit README.md');
  });

  it('has up-to-date walkthrough media, generated from the curriculum', async () => {
    for (const [file, text] of await walkthroughMedia()) {
      const full = path.join(path.dirname(README), file);
      assert.ok(fs.existsSync(full) && fs.readFileSync(full, 'utf8') === text, `${file} is out of date: run \`npm run docs\` and commit it`);
    }
  });

  it('lists every rule once', () => {
    const table = renderRuleTable(ALL_RULES);
    for (const rule of ALL_RULES) assert.equal(table.split(`| \`${rule.id}\` |`).length, 2, rule.id);
  });

  it('has no relative links, which vsce refuses to package without a repository URL', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).filter((target) => !/^(https?:|mailto:|#)/.test(target));
    assert.deepEqual(relative, []);
  });
});
