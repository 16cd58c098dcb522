import * as assert from 'node:assert/strict';
import { parseConfig } from '../../src/language/config';
import { engine } from '../helpers/engine';

const severities = (findings: readonly { ruleId: string; severity: string; range: { start: { line: number } } }[], ruleId: string) =>
  findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line + 1}:${f.severity}`);

describe('severity of a single report', () => {
  const service = [
    'import pickle',
    'from flask import Flask, request',
    'app = Flask(__name__)',
    "model = pickle.load(open('model.pkl', 'rb'))",
    'def load(path):',
    '    return pickle.load(open(path, "rb"))',
    "@app.route('/upload', methods=['POST'])",
    'def upload():',
    '    return str(pickle.loads(request.data))',
    '',
  ].join('\n');

  it('unsafe-deserialization: request bytes are an error, a start-up load of a literal path is info, the rest a warning', async () => {
    const result = (await engine()).lintText('app.py', service);
    assert.deepEqual(severities(result.findings, 'unsafe-deserialization'), ['4:info', '6:warning', '9:error']);
  });

  it('a config setting for the rule or its category wins over the report', async () => {
    const lint = await engine();
    for (const text of ['rules:\n  unsafe-deserialization: warning\n', 'categories:\n  security: warning\n']) {
      const { config, errors } = parseConfig(text, '.ai-teacher.yml');
      assert.deepEqual(errors, []);
      const result = lint.lintText('app.py', service, { config });
      assert.deepEqual(severities(result.findings, 'unsafe-deserialization'), ['4:warning', '6:warning', '9:warning']);
    }
  });

  it('unpinned-action: a branch is an error, a third-party tag a warning, an actions/* tag info', async () => {
    const workflow = [
      'on: push',
      'permissions: { contents: read }',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    timeout-minutes: 10',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: some-org/setup-tool@v2.1.0',
      '      - uses: some-org/deploy@main',
      '      - uses: actions/cache@0123456789abcdef0123456789abcdef01234567',
      '',
    ].join('\n');
    const result = (await engine()).lintText('.github/workflows/ci.yml', workflow);
    assert.deepEqual(severities(result.findings, 'unpinned-action'), ['8:info', '9:warning', '10:error']);
  });
});
