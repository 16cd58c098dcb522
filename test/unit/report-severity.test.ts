import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../src/language/config';
import { exampleFiles } from '../../src/language/project/example';
import { lintProject } from '../../src/language/project/run';
import { isFileRule } from '../../src/language/rule';
import { engine, ROOT } from '../helpers/engine';

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
    'MODEL_PATH = "model.pkl"',
    'def load_model():',
    '    with open(MODEL_PATH, "rb") as f:',
    '        return pickle.load(f)',
    '',
  ].join('\n');

  it('unsafe-deserialization: request bytes are an error, the service loading its own file outside a request is info, a path from the caller a warning', async () => {
    const result = (await engine()).lintText('app.py', service);
    // The helper's read of MODEL_PATH is the same lesson as the import-time load: one finding, the helper's load its related place.
    assert.deepEqual(severities(result.findings, 'unsafe-deserialization'), ['4:info', '6:warning', '9:error']);
    const own = result.findings.find((f) => f.ruleId === 'unsafe-deserialization' && f.range.start.line === 3);
    assert.deepEqual(
      own?.related?.map((r) => r.range.start.line + 1),
      [13],
    );
  });

  it("unsafe-deserialization: a fixed path is the service's own file, in a handler or through a helper always called with one; one open file read three times is one finding", async () => {
    const text = [
      'import joblib, pickle',
      'from flask import Flask, request',
      'app = Flask(__name__)',
      'def load_model(name):',
      '    return joblib.load(name)',
      'clf = load_model("models/clf.joblib")',
      "@app.route('/predict', methods=['POST'])",
      'def predict():',
      "    model = joblib.load('./models/model.joblib')",
      "    other = joblib.load(request.args['path'])",
      '    return str(model.predict([request.json]))',
      'with open("bundle.pkl", "rb") as f:',
      '    encoder = pickle.load(f)',
      '    scaler = pickle.load(f)',
      '',
    ].join('\n');
    const result = (await engine()).lintText('app.py', text);
    assert.deepEqual(severities(result.findings, 'unsafe-deserialization'), ['5:info', '9:info', '10:warning', '13:info']);
  });

  it('compose: a front end nothing waits on is not asked for a healthcheck, and its depends_on on the API is at info', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/compose-missing-healthcheck/front-end.yml'), 'utf8');
    const result = (await engine()).lintText('docker-compose.yml', text);
    // The UI is waited on by the proxy, so its own healthcheck keeps the default severity.
    assert.deepEqual(severities(result.findings, 'compose-missing-healthcheck'), ['3:warning', '5:warning']);
    assert.deepEqual(severities(result.findings, 'depends-on-without-health-condition'), ['9:info', '13:info']);
  });

  it('untrusted-expression-in-run: a workflow_dispatch input is a warning (a collaborator types it), an event field of pull_request_target an error', async () => {
    const lint = await engine();
    const dispatch = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/untrusted-expression-in-run/dispatch.yml'), 'utf8');
    assert.deepEqual(severities(lint.lintText('.github/workflows/deploy.yml', dispatch).findings, 'untrusted-expression-in-run'), ['14:info', '15:warning']);
    const pr = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/untrusted-expression-in-run/pr.yml'), 'utf8');
    assert.equal(severities(lint.lintText('.github/workflows/pr.yml', pr).findings, 'untrusted-expression-in-run')[0], '18:error');
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

  it('unpinned-action: a branch is an error, a tag that receives a credential a warning, an actions/* tag in a read-only job nothing', async () => {
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
      '      - uses: some-org/publish@v1',
      '        with: { token: "${{ secrets.PUBLISH_TOKEN }}" }',
      '      - uses: actions/cache@0123456789abcdef0123456789abcdef01234567',
      '',
    ].join('\n');
    const result = (await engine()).lintText('.github/workflows/ci.yml', workflow);
    assert.deepEqual(severities(result.findings, 'unpinned-action'), ['10:error', '11:warning']);
  });
});

describe('severity reasons', () => {
  const reasons = (findings: readonly { ruleId: string; severity: string; severityReason?: string }[], ruleId: string) =>
    findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.severity}: ${f.severityReason ?? '-'}`);

  it('a case rated away from the default carries its reason, rendered in the requested language', async () => {
    const text = [
      'import pickle',
      'from flask import Flask, request',
      'app = Flask(__name__)',
      "model = pickle.load(open('model.pkl', 'rb'))",
      '@app.route("/u", methods=["POST"])',
      'def upload():',
      '    return str(pickle.loads(request.data))',
      '',
    ].join('\n');
    const lint = await engine();
    assert.deepEqual(reasons(lint.lintText('app.py', text).findings, 'unsafe-deserialization'), [
      'info: the service loads its own model file once at start-up',
      'error: request bytes are deserialised: anyone who can send a request can run code on the server',
    ]);
    const ko = lint.lintText('app.py', text, { lang: 'ko' }).findings.filter((f) => f.ruleId === 'unsafe-deserialization');
    assert.equal(ko[0].severityReasonId, 'ownArtifact');
    assert.match(ko[0].severityReason ?? '', /시작할 때/);
  });

  it('a config setting drops the reason: the learner decided the level', async () => {
    const { config } = parseConfig('rules:\n  unsafe-deserialization: warning\n', '.ai-teacher.yml');
    const result = (await engine()).lintText('app.py', "import pickle\nmodel = pickle.load(open('model.pkl', 'rb'))\n", { config });
    assert.deepEqual(reasons(result.findings, 'unsafe-deserialization'), ['warning: -']);
  });

  it('every declared reason moves the level away from the default and has both texts', async () => {
    const lint = await engine();
    for (const rule of lint.rules) {
      for (const [id, reason] of Object.entries(rule.severityReasons ?? {})) {
        assert.notEqual(reason.severity, rule.severity, `${rule.id}.${id} has the default severity`);
        assert.ok(reason.message.ko.trim() && reason.message.en.trim(), `${rule.id}.${id} lacks a text`);
      }
    }
  });

  it('across every rule fixture and docs example, a finding away from its default severity says why', async () => {
    const lint = await engine();
    const samples: [string, string][] = [];
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'rules');
    const projects: { path: string; text: string }[][] = [];
    for (const dir of fs.readdirSync(fixtures)) {
      for (const file of fs.readdirSync(path.join(fixtures, dir))) {
        const full = path.join(fixtures, dir, file);
        // A fixture folder is a small project: its findings come with the project pass.
        if (fs.statSync(full).isDirectory()) projects.push(filesUnder(full));
        else samples.push([full, fs.readFileSync(full, 'utf8')]);
      }
    }
    for (const rule of lint.rules) {
      if (isFileRule(rule))
        samples.push([rule.language === 'python' ? 'bad.py' : rule.documentKinds.includes('github-actions') ? '.github/workflows/bad.yml' : 'bad.yaml', rule.docs.bad]);
      else projects.push(exampleFiles(rule.docs.bad, rule.language));
    }
    const findings = [
      ...samples.flatMap(([file, text]) => lint.lintText(file, text).findings.map((f) => [file, f] as const)),
      ...projects.flatMap((files) => lintProject(lint, files).results.flatMap((r) => r.findings.map((f) => [r.path, f] as const))),
    ];
    let moved = 0;
    for (const [file, finding] of findings) {
      const rule = lint.rule(finding.ruleId);
      if (!rule || finding.severity === rule.severity) continue;
      moved++;
      assert.ok(finding.severityReason, `${file}: ${finding.ruleId} is ${finding.severity} (default ${rule.severity}) without a reason`);
      assert.equal(rule.severityReasons?.[finding.severityReasonId ?? '']?.severity, finding.severity, `${file}: ${finding.ruleId}'s reason names another level`);
    }
    assert.ok(moved > 0, 'no sample rates a case away from its default, so this test checks nothing');
  });
});

function filesUnder(dir: string, base = dir): { path: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [{ path: path.relative(base, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') }];
  });
}
