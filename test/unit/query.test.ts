import * as assert from 'node:assert/strict';
import { EMPTY_CONFIG } from '../../src/language/config';
import { LintEngine } from '../../src/language/engine';
import { nodeModulesWasm } from '../../src/language/parser';
import { l, pythonRule, type PythonRule } from '../../src/language/rule';
import { ROOT } from '../helpers/engine';

/** A throwaway rule: reports every match of `query` with the pattern index as data. */
function queryRule(id: string, query: string | undefined, seen: string[] = []): PythonRule {
  return pythonRule({
    id,
    language: 'python',
    category: 'reliability',
    severity: 'warning',
    messages: { hit: l('{pattern}', '{pattern}') },
    docs: { summary: l('가', 'a'), why: l('가', 'a'), bad: '', good: '' },
    weeks: ['beginner/1'],
    questions: [l('가?', 'a?'), l('나?', 'b?')],
    scaffold: l('# TODO', '# TODO'),
    query,
    check(context) {
      seen.push(context.path);
      for (const match of context.matches) {
        context.report({ node: match.captures.hit, messageId: 'hit', data: { pattern: match.pattern } });
      }
    },
  });
}

const SOURCE = 'import os\nos.system(cmd)\nprint(1)\nx = eval(text)\n';

describe('query-based matching', () => {
  it('hands each rule only the matches of its own patterns, numbered within its query', async () => {
    const calls = queryRule('calls', '(call function: (identifier) @hit (#eq? @hit "print"))\n(call function: (identifier) @hit (#eq? @hit "eval"))');
    const attributes = queryRule('attributes', '(call function: (attribute) @hit)');
    const engine = await LintEngine.create(nodeModulesWasm(ROOT), [attributes, calls]);
    const result = engine.lintText('a.py', SOURCE);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.range.start.line, f.message]),
      [
        ['attributes', 1, '0'],
        ['calls', 2, '0'],
        ['calls', 3, '1'],
      ],
    );
    engine.dispose();
  });

  it('runs a rule with a query only in files where it matched; a rule without one runs everywhere', async () => {
    const withQuery: string[] = [];
    const without: string[] = [];
    const engine = await LintEngine.create(nodeModulesWasm(ROOT), [
      queryRule('needs-eval', '(call function: (identifier) @hit (#eq? @hit "eval"))', withQuery),
      queryRule('always', undefined, without),
    ]);
    engine.lintText('match.py', SOURCE);
    engine.lintText('other.py', 'print(1)\n');
    assert.deepEqual(withQuery, ['match.py']);
    assert.deepEqual(without, ['match.py', 'other.py']);
    engine.dispose();
  });

  it('turns a query that does not compile into an internal error for that rule only', async () => {
    const engine = await LintEngine.create(nodeModulesWasm(ROOT), [
      queryRule('broken', '(call (no_such_node) @hit)'),
      queryRule('fine', '(call function: (identifier) @hit (#eq? @hit "print"))'),
    ]);
    const result = engine.lintText('a.py', SOURCE);
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['fine'],
    );
    assert.equal(result.notices.length, 1);
    assert.equal(result.notices[0].kind, 'internal-error');
    assert.equal(result.notices[0].ruleId, 'broken');
    engine.dispose();
  });

  it('rejects two queries that are broken alone even when their joined text would compile', async () => {
    const engine = await LintEngine.create(nodeModulesWasm(ROOT), [
      queryRule('first-half', '(call'),
      queryRule('second-half', ') @hit'),
      queryRule('fine', '(call function: (identifier) @hit (#eq? @hit "print"))\n(call function: (identifier) @hit (#eq? @hit "eval"))'),
    ]);
    const result = engine.lintText('a.py', SOURCE);
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.range.start.line, f.message]),
      [
        ['fine', 2, '0'],
        ['fine', 3, '1'],
      ],
    );
    assert.deepEqual(result.notices.map((n) => [n.kind, n.ruleId]).sort(), [
      ['internal-error', 'first-half'],
      ['internal-error', 'second-half'],
    ]);
    engine.dispose();
  });

  it('skips the queries of rules switched off by configuration', async () => {
    const seen: string[] = [];
    const engine = await LintEngine.create(nodeModulesWasm(ROOT), [queryRule('off-rule', '(call) @hit', seen)]);
    const result = engine.lintText('a.py', SOURCE, { config: { ...EMPTY_CONFIG, rules: { 'off-rule': 'off' } } });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(seen, []);
    engine.dispose();
  });

  it('hands a rule the calls its callees name, resolved through imports, aliases and module-level instances', async () => {
    const seen: string[] = [];
    const rule: PythonRule = {
      ...queryRule('named', undefined, seen),
      callees: ['pickle.load', '.fit_transform', /^requests\.(get|post)$/],
      check(context) {
        seen.push(context.path);
        for (const call of context.calls) context.report({ node: call.node, messageId: 'hit', data: { pattern: call.callee ?? '' } });
      },
    };
    const engine = await LintEngine.create(nodeModulesWasm(ROOT), [rule]);
    const text = 'from pickle import load as unpickle\nimport requests as r\nscaler.fit_transform(x)\nunpickle(f)\nr.get(u)\nr.put(u)\nfit_transform(y)\n';
    assert.deepEqual(
      engine.lintText('a.py', text).findings.map((f) => [f.range.start.line, f.message]),
      [
        [2, 'scaler.fit_transform'],
        [3, 'pickle.load'],
        [4, 'requests.get'],
        [6, 'fit_transform'],
      ],
    );
    engine.lintText('none.py', 'import pickle\npickle.dumps(x)\n');
    assert.deepEqual(seen, ['a.py'], 'a rule whose callees are not called here does not run');
    engine.dispose();
  });

  it('runs a rule with both a query and callees where either found something', async () => {
    const seen: string[] = [];
    const rule: PythonRule = { ...queryRule('both', '(call function: (attribute) @hit)', seen), callees: ['print'] };
    const engine = await LintEngine.create(nodeModulesWasm(ROOT), [rule]);
    engine.lintText('query.py', 'os.getcwd()\n');
    engine.lintText('callee.py', 'print(1)\n');
    engine.lintText('neither.py', 'len(x)\n');
    assert.deepEqual(seen, ['query.py', 'callee.py']);
    engine.dispose();
  });
});
