import * as assert from 'node:assert/strict';
import { CATEGORIES } from '../../../src/language/types';
import { DEFAULT_SETTINGS, normaliseSettings, resolveLang, SETTING_KEYS, toMaxProblems, type SettingKey } from '../../../src/vscode/pure/settings';

const from = (values: Partial<Record<SettingKey, unknown>>) => normaliseSettings((key) => values[key]);

describe('adapter settings', () => {
  it('gives the defaults when nothing is set', () => {
    assert.deepEqual(from({}), DEFAULT_SETTINGS);
    assert.ok(Object.isFrozen(from({})));
  });

  it('never throws, whatever the raw values are', () => {
    const junk: unknown[] = [null, 42, 'nonsense', [], {}, { a: 1 }, NaN, Infinity, -5, true, Symbol('x'), () => 1];
    for (const value of junk) {
      const values = Object.fromEntries(SETTING_KEYS.map((key) => [key, value]));
      assert.doesNotThrow(() => from(values));
    }
    assert.deepEqual(
      normaliseSettings(() => {
        throw new Error('broken configuration');
      }),
      DEFAULT_SETTINGS,
    );
  });

  it('accepts the documented values and forgiving spellings', () => {
    const settings = from({
      enable: false,
      'lint.run': 'onType',
      'lint.severityOverrides': { 'debug-mode-enabled': 'HINT', security: 'information', observability: 'none', bad: 'loud', ' ': 'off' },
      'lint.categories': ['security', 'Health', 'nope', 3],
      'lint.maxProblemsPerFile': '25',
      'teacher.language': 'ko',
      'teacher.backend': 'offline',
      'openai.baseUrl': ' https://example.com/v1 ',
      'openai.model': '  qwen2.5 ',
      'privacy.allowRemoteModel': true,
    });
    assert.equal(settings.enable, false);
    assert.equal(settings.run, 'onType');
    assert.deepEqual(settings.severityOverrides, { 'debug-mode-enabled': 'hint', security: 'info', observability: 'off' });
    assert.deepEqual(settings.categories, ['health', 'security']);
    assert.equal(settings.maxProblemsPerFile, 25);
    assert.equal(settings.teacherLanguage, 'ko');
    assert.equal(settings.backend, 'offline');
    assert.equal(settings.openaiBaseUrl, 'https://example.com/v1');
    assert.equal(settings.openaiModel, 'qwen2.5');
    assert.equal(settings.allowRemoteModel, true);
  });

  it('falls back on invalid values', () => {
    const settings = from({ 'lint.run': 'sometimes', 'openai.baseUrl': 'file:///etc/passwd', 'openai.model': '   ', 'lint.categories': 'security' });
    assert.equal(settings.run, 'onSave');
    assert.equal(settings.openaiBaseUrl, DEFAULT_SETTINGS.openaiBaseUrl);
    assert.equal(settings.openaiModel, DEFAULT_SETTINGS.openaiModel);
    assert.deepEqual(settings.categories, [...CATEGORIES]);
  });

  it('clamps the problem cap', () => {
    assert.equal(toMaxProblems(0), 1);
    assert.equal(toMaxProblems(3.7), 3);
    assert.equal(toMaxProblems(1e12), 10_000);
    assert.equal(toMaxProblems('many'), 100);
  });

  it('resolves the teacher language from the display language when auto', () => {
    assert.equal(resolveLang('auto', 'ko'), 'ko');
    assert.equal(resolveLang('auto', 'ko-KR'), 'ko');
    assert.equal(resolveLang('auto', 'en-US'), 'en');
    assert.equal(resolveLang('auto', undefined), 'en');
    assert.equal(resolveLang('en', 'ko'), 'en');
    assert.equal(resolveLang('ko', 'de'), 'ko');
  });
});
