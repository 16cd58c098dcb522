import * as assert from 'node:assert/strict';
import { ALL_RULES } from '../../../src/language/rules';
import { firstQuestion, renderRuleExplanation } from '../../../src/vscode/pure/rule-doc';
import { createPlaceholderTeacher } from '../../../src/vscode/pure/teacher-placeholder';

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

  it('the placeholder teacher answers offline from rule data', async () => {
    const rule = ALL_RULES[0];
    const teacher = createPlaceholderTeacher();
    const response = await teacher.ask({ intent: 'hint', lang: 'ko', message: '', ruleId: rule.id, hintLevel: 1, profile: {}, history: [] });
    assert.equal(response.backend, 'offline');
    assert.ok(response.markdown.includes(rule.questions[0].ko));
    assert.deepEqual(await teacher.describeBackend(), { id: 'offline', label: 'offline' });
  });
});
