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
        // Questions are shown filled: a placeholder takes its fallback or the question is left out.
        // The summary and the example may hold code with braces; the questions never a placeholder.
        const questions = markdown.split(/^## /m).find((part) => part.startsWith(lang === 'ko' ? '스스로' : 'Questions'));
        assert.ok(questions, 'a questions section');
        assert.doesNotMatch(questions, /\{!?\w+(\|[^}]*)?\}/, 'an unfilled placeholder in the questions');
        assert.ok(markdown.includes('TODO'));
        const finding = {
          ruleId: rule.id,
          messageId: Object.keys(rule.messages)[0],
          message: '',
          category: rule.category,
          severity: rule.severity,
          range: { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } },
        };
        const question = firstQuestion(rule, finding, lang);
        assert.ok(question.trim().length > 0);
        assert.doesNotMatch(question, /\{!?\w+(\|[^}]*)?\}/);
      }
    });
  }

  it('speaks one language: category and severity words follow it, and rated cases say why', () => {
    const rule = ALL_RULES.find((r) => r.id === 'unsafe-deserialization');
    assert.ok(rule);
    const ko = renderRuleExplanation(rule, 'ko');
    assert.match(ko, /- 카테고리: 보안\n- 기본 심각도: 경고\n/);
    assert.match(ko, /  - 정보: 서비스가 시작할 때 자기 모델 파일을 한 번 불러옵니다/);
    assert.doesNotMatch(ko, /\b(security|warning)\b/);
    const en = renderRuleExplanation(rule, 'en');
    assert.match(en, /- Category: Security\n- Default severity: warning\n- Rated differently when:\n/);
    assert.match(en, /  - info: the service loads its own model file once at start-up/);
    assert.doesNotMatch(en, /[\uac00-\ud7a3]/);
  });
});
