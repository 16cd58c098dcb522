import * as assert from 'node:assert/strict';
import type { Category, Finding, Severity } from '../../../src/language/types';
import { planDiagnostics, type PlanSettings } from '../../../src/vscode/pure/diagnostic-plan';
import { DEFAULT_SETTINGS } from '../../../src/vscode/pure/settings';

function finding(ruleId: string, line: number, severity: Severity = 'warning', category: Category = 'reliability'): Finding {
  return { ruleId, messageId: 'm', message: `${ruleId} message`, category, severity, range: { start: { line, column: 2 }, end: { line, column: 8 } } };
}

const base: PlanSettings = DEFAULT_SETTINGS;

describe('finding to diagnostic plan', () => {
  it('puts the category in the message, in the teacher language, and keeps the range', () => {
    const [plan] = planDiagnostics([finding('debug-mode-enabled', 4, 'error', 'security')], base);
    assert.equal(plan.message, '[Security] debug-mode-enabled message');
    assert.equal(plan.level, 'error');
    assert.deepEqual(plan.range, { start: { line: 4, column: 2 }, end: { line: 4, column: 8 } });
    assert.equal(planDiagnostics([finding('debug-mode-enabled', 4, 'error', 'security')], base, 'ko')[0].message, '[보안] debug-mode-enabled message');
    assert.equal(planDiagnostics([finding('x', 4, 'error', 'error-handling')], base, 'ko')[0].message, '[오류 처리] x message');
  });

  it("adds the rule's reason when it rated the case away from the default, unless the user overrode the level", () => {
    const mild: Finding = {
      ...finding('unsafe-deserialization', 3, 'info', 'security'),
      severityReasonId: 'ownArtifact',
      severityReason: '서비스가 시작할 때 자기 모델 파일을 한 번 불러옵니다',
    };
    assert.equal(planDiagnostics([mild], base, 'ko')[0].message, '[보안] unsafe-deserialization message (정보: 서비스가 시작할 때 자기 모델 파일을 한 번 불러옵니다)');
    const overridden = planDiagnostics([mild], { ...base, severityOverrides: { 'unsafe-deserialization': 'warning' } }, 'ko')[0];
    assert.equal(overridden.level, 'warning');
    assert.equal(overridden.message, '[보안] unsafe-deserialization message');
  });

  it("shows the engine's severity, including a security finding the rule judged mild", () => {
    const plans = planDiagnostics(
      [finding('a', 0, 'error'), finding('b', 1, 'warning'), finding('c', 2, 'info', 'observability'), finding('d', 3, 'info', 'security'), finding('e', 4, 'info', 'health')],
      base,
    );
    assert.deepEqual(
      plans.map((p) => p.level),
      ['error', 'warning', 'info', 'info', 'info'],
    );
  });

  it('applies overrides by rule id before category, including hint and off', () => {
    const settings: PlanSettings = { ...base, severityOverrides: { security: 'hint', 'hardcoded-secret': 'error', observability: 'off' } };
    const plans = planDiagnostics(
      [finding('debug-mode-enabled', 0, 'error', 'security'), finding('hardcoded-secret', 1, 'warning', 'security'), finding('missing-metrics', 2, 'warning', 'observability')],
      settings,
    );
    assert.deepEqual(
      plans.map((p) => [p.finding.ruleId, p.level]),
      [
        ['debug-mode-enabled', 'hint'],
        ['hardcoded-secret', 'error'],
      ],
    );
  });

  it('drops categories that are not enabled', () => {
    const plans = planDiagnostics([finding('a', 0, 'warning', 'security'), finding('b', 1, 'warning', 'delivery')], { ...base, categories: ['delivery'] });
    assert.deepEqual(
      plans.map((p) => p.finding.ruleId),
      ['b'],
    );
  });

  it('caps per file, keeping the most severe and then document order', () => {
    const findings = [finding('i1', 0, 'info', 'observability'), finding('w1', 1), finding('e1', 2, 'error'), finding('i2', 3, 'info', 'observability'), finding('e2', 4, 'error')];
    const plans = planDiagnostics(findings, { ...base, maxProblemsPerFile: 3 });
    assert.deepEqual(
      plans.map((p) => p.finding.ruleId),
      ['w1', 'e1', 'e2'],
    );
  });

  it('repairs a reversed range instead of failing', () => {
    const reversed: Finding = { ...finding('x', 3), range: { start: { line: 3, column: 5 }, end: { line: 2, column: 0 } } };
    const [plan] = planDiagnostics([reversed], base);
    assert.deepEqual(plan.range, { start: { line: 3, column: 5 }, end: { line: 3, column: 5 } });
  });

  it('sorts by position', () => {
    const plans = planDiagnostics([finding('b', 5), finding('a', 1)], base);
    assert.deepEqual(
      plans.map((p) => p.finding.ruleId),
      ['a', 'b'],
    );
  });
});
