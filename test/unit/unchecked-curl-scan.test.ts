import * as assert from 'node:assert/strict';
import { LintEngine } from '../../src/language/engine';
import { nodeModulesWasm } from '../../src/language/parser';
import { ruleById } from '../../src/language/rules';
import { ROOT } from '../helpers/engine';

describe('hollow-ci-step on bad input', function () {
  this.timeout(60000);

  it('a run line of many curl words cannot make the unchecked-curl scan backtrack without bound', async () => {
    // `curl\s[^\n]*https?://` retried the rest of the line from every `curl`: 18 s on a 280 kB line of them.
    // Only this rule runs, so the time is its own.
    const lint = await LintEngine.create(nodeModulesWasm(ROOT), [ruleById('hollow-ci-step')!]);
    const line = `${' curl x'.repeat(40000)} curl -X POST "$HOOK"`;
    const workflow = `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy\n        run: ${line}\n`;
    const started = Date.now();
    const result = lint.lintText('.github/workflows/deploy.yml', workflow);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.ok(
      result.findings.some((f) => f.ruleId === 'hollow-ci-step'),
      JSON.stringify(result.findings.map((f) => f.ruleId)),
    );
  });
});
