import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleFiles } from '../../src/language/project/example';
import { lintProject } from '../../src/language/project/run';
import { isFileRule, type Rule } from '../../src/language/rule';
import { ALL_RULES } from '../../src/language/rules';
import { CATEGORIES, SEVERITIES } from '../../src/language/types';
import { engine, ROOT } from '../helpers/engine';

const TRACK_WEEKS: Record<string, number> = { beginner: 6, intermediate: 8, advanced: 10, capstone: 3 };

describe('rule metadata', () => {
  it('has at least one rule and unique ids', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('lists rules sorted by id within each folder', () => {
    for (const folder of ['python', 'yaml', 'project']) {
      const ids = ALL_RULES.filter((r) => folderOf(r) === folder).map((r) => r.id);
      assert.deepEqual(ids, [...ids].sort());
    }
  });

  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      it('is defined in a file named after its id', () => {
        const file = path.join(ROOT, 'src', 'language', 'rules', folderOf(rule), `${rule.id}.ts`);
        assert.ok(fs.existsSync(file), `expected ${file}`);
        assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      });

      it('uses the fixed vocabulary', () => {
        assert.ok((CATEGORIES as readonly string[]).includes(rule.category));
        assert.ok(SEVERITIES.includes(rule.severity));
      });

      it('ranks security and health above style: their default is warning or error', () => {
        if (rule.category === 'security' || rule.category === 'health') assert.notEqual(rule.severity, 'info');
      });

      it('speaks Korean and English everywhere', () => {
        assert.ok(rule.questions.length >= 2, 'at least two Socratic questions');
        for (const text of [rule.docs.summary, rule.docs.why, rule.scaffold, ...rule.questions, ...Object.values(rule.messages)]) {
          assert.ok(text.ko.trim() && text.en.trim(), 'both ko and en are filled');
          assert.match(text.ko, /[가-힣]/, `Korean text expected: ${text.ko}`);
        }
        assert.match(rule.scaffold.ko, /TODO/);
        assert.match(rule.scaffold.en, /TODO/);
        for (const question of rule.questions) assert.match(question.en, /\?/);
      });

      it('names existing curriculum weeks', () => {
        assert.ok(rule.weeks.length >= 1);
        for (const week of rule.weeks) {
          const [track, number] = week.split('/');
          assert.ok(TRACK_WEEKS[track] !== undefined && Number(number) >= 1 && Number(number) <= TRACK_WEEKS[track], `unknown week ${week}`);
        }
      });

      it('has a query that compiles, if it declares one', async () => {
        if (!rule.query) return;
        const lint = await engine();
        const ext = rule.language === 'python' ? 'py' : 'yaml';
        // A broken query would surface as an internal-error notice naming the rule.
        const result = lint.lintText(`example.${ext}`, rule.docs.bad);
        assert.deepEqual(
          result.notices.filter((n) => n.ruleId === rule.id),
          [],
        );
      });

      it('names its callees as dotted names or stateless regular expressions, if it declares any', () => {
        if (!isFileRule(rule) || rule.language !== 'python' || !rule.callees) return;
        assert.ok(rule.callees.length > 0, 'an empty callees list would keep the rule from ever running');
        for (const name of rule.callees) {
          if (name instanceof RegExp) assert.ok(!name.global && !name.sticky, `${name} keeps state between tests`);
          else assert.match(name, /^\.?[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/, `${name} is not a dotted name`);
        }
      });

      it('fires on its own bad example and stays silent on its good example', async () => {
        const lint = await engine();
        if (rule.project) {
          // Examples of project rules (and of per-file rules with a project hook) run as projects.
          const fired = (text: string) =>
            lintProject(lint, exampleFiles(text, rule.language))
              .results.flatMap((r) => r.findings)
              .filter((f) => f.ruleId === rule.id);
          assert.ok(fired(rule.docs.bad).length > 0, 'bad example must fire');
          assert.deepEqual(fired(rule.docs.good), [], 'good example must stay silent');
          if (!isFileRule(rule)) return;
        }
        const ext = rule.language === 'python' ? 'py' : 'yaml';
        const bad = lint.lintText(`example.${ext}`, rule.docs.bad);
        assert.ok(
          bad.findings.some((f) => f.ruleId === rule.id),
          'bad example must fire',
        );
        const good = lint.lintText(`example.${ext}`, rule.docs.good);
        assert.deepEqual(
          good.findings.filter((f) => f.ruleId === rule.id),
          [],
          'good example must stay silent',
        );
      });
    });
  }
});

/** Per-file rules live under their language's folder, project rules under `project/`. */
function folderOf(rule: Rule): string {
  return isFileRule(rule) ? rule.language : 'project';
}
