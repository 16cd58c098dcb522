import * as assert from 'node:assert/strict';
import { warmUp } from '../../../src/vscode/warm-up';
import { engine } from '../../helpers/engine';

describe('editor warm-up samples', () => {
  for (const language of ['python', 'yaml'] as const) {
    it(`runs the ${language} rules, model and facts on its sample without a failure`, async () => {
      const result = warmUp(await engine(), language);
      assert.ok(result, 'the sample was linted');
      // A sample that no rule reports on would leave the rules' code cold.
      const rules = new Set(result.findings.map((finding) => finding.ruleId));
      assert.ok(rules.size >= 5, `only ${rules.size} rules reported: ${[...rules].join(', ')}`);
      assert.deepEqual(
        result.notices.filter((notice) => notice.kind !== 'skipped'),
        [],
      );
      assert.ok(result.facts, 'the project facts were read');
    });
  }
});
