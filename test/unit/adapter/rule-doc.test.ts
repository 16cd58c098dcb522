import * as assert from 'node:assert/strict';
import { ALL_RULES } from '../../../src/language/rules';
import { firstQuestion, renderRuleExplanation } from '../../../src/vscode/pure/rule-doc';

describe('rule explanation', () => {
  for (const rule of ALL_RULES) {
    it(`${rule.id}: has why, every question and the scaffold in both languages`, () => {
      for (const lang of ['ko', 'en'] as const) {
        const markdown = renderRuleExplanation(rule, lang);
        assert.ok(markdown.startsWith(`# ${rule.id}\n`));
        assert.ok(markdown.includes(rule.docs.why[lang]));
        for (const question of rule.questions) assert.ok(markdown.includes(question[lang]));
        assert.ok(markdown.includes('TODO'));
        assert.equal(firstQuestion(rule, lang), rule.questions[0][lang]);
      }
    });
  }

});
