import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { collectFiles } from '../../src/cli/walk';
import { runIn, treesRemovedAfter } from '../helpers/cli';
import { referenceConfig } from '../helpers/reference-engine';

const FLASK_DEBUG = 'from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: r/m:1.0.0\n';

const cli = (cwd: string, ...argv: string[]) => runIn(cwd, argv);
const cliWith = (stderrIsTTY: boolean, cwd: string, ...argv: string[]) => runIn(cwd, argv, { stderrIsTTY });

describe('cli', () => {
  const make = treesRemovedAfter();

  describe('walker', () => {
    it('finds Python and YAML files in a stable order and skips environments, output and .gitignore', () => {
      const root = make({
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.github/workflows/ci.yml': '',
        '.gitignore': 'secret/\n*.gen.py\n!keep.gen.py\n',
        'b.py': '',
        'a.yaml': '',
        'c.yml': '',
        'stub.pyi': '',
        'README.md': '',
        Dockerfile: '',
        'sub/.gitignore': 'local.py\n',
        'sub/local.py': '',
        'sub/z.py': '',
        'sub/x.gen.py': '',
        'sub/keep.gen.py': '',
        'secret/s.py': '',
        'node_modules/m/i.py': '',
        'venv/lib/v.py': '',
        '.venv/v.py': '',
        'myenv/pyvenv.cfg': '',
        'myenv/e.py': '',
        'mlruns/0/meta.yaml': '',
        '__pycache__/c.py': '',
        'dist/d.py': '',
        'build/b.py': '',
        '.tox/t.py': '',
        'pkg.egg-info/x.py': '',
        'lib/site-packages/s.py': '',
      });
      const { files } = collectFiles(['.'], root);
      assert.deepEqual(
        files.map((f) => path.relative(root, f)),
        ['.github/workflows/ci.yml', 'a.yaml', 'b.py', 'c.yml', 'stub.pyi', 'sub/keep.gen.py', 'sub/z.py'],
      );
    });

    it('lints explicitly named files even when excluded, unless forceExclude is set', () => {
      const root = make({ '.git/HEAD': '', '.gitignore': 'gen/\n', 'gen/g.py': '', 'venv/v.py': '' });
      assert.deepEqual(
        collectFiles(['gen/g.py', 'venv/v.py', 'gen'], root).files.map((f) => path.relative(root, f)),
        ['gen/g.py', 'venv/v.py'],
      );
      assert.deepEqual(collectFiles(['gen/g.py', 'venv/v.py', 'gen'], root, { forceExclude: true }).files, []);
    });

    it('applies folder exclusions to named paths with forceExclude outside a repository too', () => {
      const root = make({ 'venv/v.py': '', 'env1/pyvenv.cfg': '', 'env1/lib/e.py': '', 'src/a.py': '' });
      const named = ['venv/v.py', 'env1/lib/e.py', 'src/a.py'];
      assert.deepEqual(
        collectFiles(named, root, { forceExclude: true }).files.map((f) => path.relative(root, f)),
        ['src/a.py'],
      );
      assert.equal(collectFiles(named, root).files.length, 3);
    });

    it('honours a parent .gitignore up to the repository root', () => {
      const root = make({ '.git/HEAD': '', '.gitignore': 'generated.py\n', 'pkg/generated.py': '', 'pkg/ok.py': '' });
      assert.deepEqual(
        collectFiles(['pkg'], root).files.map((f) => path.relative(root, f)),
        ['pkg/ok.py'],
      );
    });
  });

  describe('check', () => {
    it('prints text findings with a teacher question and a summary; exit 1', async () => {
      const root = make({ 'app.py': FLASK_DEBUG, 'k8s/deploy.yaml': DEPLOYMENT });
      const { code, out } = await cli(root, 'check', '.', '--lang', 'en');
      assert.equal(code, 1);
      const outLines = out.split('\n');
      assert.equal(outLines[0], 'app.py');
      assert.equal(outLines[1], '  3:9  error  debug-mode-enabled  [security]  The flask app runs in debug mode');
      assert.match(outLines[2], /^ {14}\? \S/);
      assert.equal(outLines[3], 'k8s/deploy.yaml');
      assert.match(outLines[4], /^ {2}9:17 {2}warning {2}missing-readiness-probe {2}\[health\] {2}Container "api"/);
      assert.match(out, /\n2 findings \(1 error, 1 warning, 0 info\) in 2 files checked\nby category: health 1, security 1\n$/);
    });

    it('speaks Korean with --lang ko', async () => {
      const root = make({ 'app.py': FLASK_DEBUG });
      const { out } = await cli(root, 'check', 'app.py', '--lang', 'ko');
      assert.match(out, /debug 모드로 실행됩니다/);
      assert.match(out, /파일 1개 검사, 발견 1건/);
    });

    it('exits 0 when nothing reaches the fail level', async () => {
      const root = make({ 'app.py': FLASK_DEBUG, 'ok.py': 'print(1)\n' });
      assert.equal((await cli(root, 'check', 'ok.py')).code, 0);
      assert.equal((await cli(root, 'check', 'app.py', '--fail-level', 'error')).code, 1);
      const config = make({ '.ai-teacher.yml': referenceConfig({ 'debug-mode-enabled': 'info' }), 'app.py': FLASK_DEBUG });
      assert.equal((await cli(config, 'check', '.')).code, 0);
      assert.equal((await cli(config, 'check', '.', '--fail-level', 'info')).code, 1);
    });

    it('prints findings and notices per file as JSON', async () => {
      const root = make({ 'app.py': FLASK_DEBUG, 'bin.py': '\0\0\0' });
      const { code, out } = await cli(root, 'check', '.', '--format', 'json');
      assert.equal(code, 1);
      const json = JSON.parse(out);
      assert.deepEqual(
        json.files.map((f: { path: string }) => f.path),
        ['app.py', 'bin.py'],
      );
      assert.equal(json.files[0].findings[0].ruleId, 'debug-mode-enabled');
      assert.equal(json.files[0].findings[0].line, 3);
      assert.ok(json.files[0].findings[0].question);
      assert.equal(json.files[1].notices[0].kind, 'skipped');
    });

    it('writes SARIF 2.1.0 with rules, relative locations and notifications', async () => {
      const root = make({ 'src/my app.py': FLASK_DEBUG, 'broken.py': 'def f(:\n' });
      const { out } = await cli(root, 'check', '.', '--format', 'sarif');
      const sarif = JSON.parse(out);
      assert.equal(sarif.version, '2.1.0');
      const run = sarif.runs[0];
      const rules = run.tool.driver.rules;
      const index = rules.findIndex((r: { id: string }) => r.id === 'debug-mode-enabled');
      const rule = rules[index];
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.help.markdown);
      assert.equal(rule.properties.category, 'security');
      assert.deepEqual(rule.properties.tags.slice(0, 2), ['security', 'B201']);
      assert.equal(rule.defaultConfiguration.level, 'error');
      const result = run.results[0];
      assert.equal(result.ruleId, 'debug-mode-enabled');
      assert.equal(result.ruleIndex, index);
      assert.equal(result.level, 'error');
      assert.ok(result.message.text);
      assert.deepEqual(result.locations[0].physicalLocation, {
        artifactLocation: { uri: 'src/my%20app.py', uriBaseId: '%SRCROOT%' },
        region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 19 },
      });
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${root}/`);
      const notification = run.invocations[0].toolExecutionNotifications[0];
      assert.equal(notification.descriptor.id, 'syntax');
      assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, 'broken.py');
    });

    it('discovers the config upwards from the target and applies its ignore globs', async () => {
      const root = make({
        '.ai-teacher.yaml': referenceConfig({}, 'ignore:\n  - legacy/**\n'),
        'svc/legacy/old.py': FLASK_DEBUG,
        'svc/legacy/x.py': '',
        'legacy/old.py': FLASK_DEBUG,
        'svc/app.py': 'x = 1\n',
      });
      const { code, out } = await cli(path.join(root, 'svc'), 'check', '.', '../legacy/old.py');
      // svc/legacy is not matched by "legacy/**" relative to the config's folder; the explicit file is linted.
      assert.equal(code, 1);
      assert.match(out, /^legacy\/old\.py\n {2}3:9 /m);
      assert.match(out, /^\.\.\/legacy\/old\.py\n {2}3:9 /m);
      const sarif = JSON.parse((await cli(path.join(root, 'svc'), 'check', '../legacy/old.py', '--format', 'sarif')).out);
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, `file://${root}/legacy/old.py`);
      const ignored = await cli(root, 'check', '.');
      assert.doesNotMatch(ignored.out, /^legacy\//m);
    });

    it('exits 2 with a clear message for usage and config errors', async () => {
      const root = make({ 'app.py': '', 'bad.yml': 'rules:\n  no-such-rule: off\n', '.ai-teacher.json': '{"failLevel": "loud"}' });
      const cases: [string[], RegExp][] = [
        [['check'], /no paths given/],
        [['check', 'nope.py'], /path not found: nope\.py/],
        [['check', '.', '--format', 'xml'], /--format must be one of text, json, sarif/],
        [['check', '.', '--fail-level', 'fatal'], /--fail-level must be one of/],
        [['check', '.', '--wat'], /^ai-teacher check: unknown option --wat\n$/],
        [['check', '.', '--config', 'bad.yml'], /unknown rule "no-such-rule"/],
        [['check', '.', '--config', 'missing.yml'], /cannot read the config: no such file/],
        [['check', '.'], /\.ai-teacher\.json: failLevel must be error, warning or info/],
        [['frobnicate'], /unknown command "frobnicate"/],
        [[], /Usage: ai-teacher <command>/],
      ];
      for (const [argv, message] of cases) {
        const { code, err } = await cli(root, ...argv);
        assert.equal(code, 2, argv.join(' '));
        assert.match(err, message, argv.join(' '));
      }
    });

    it('draws a progress line on stderr only for long runs on a terminal', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 210; i++) files[`m/f${String(i).padStart(3, '0')}.py`] = 'x = 1\n';
      const root = make(files);
      const tty = await cliWith(true, root, 'check', '.');
      assert.match(tty.err, /checked 210\/210 files/);
      assert.doesNotMatch(tty.out, /checked \d+\//);
      assert.equal((await cli(root, 'check', '.')).err, '');
      assert.equal((await cliWith(true, root, 'check', 'm/f001.py')).err, '');
    });

    it('warns on stderr when there is nothing to check, and exits 0', async () => {
      const root = make({ 'README.md': '# hi\n', 'node_modules/x/a.py': '' });
      const { code, out, err } = await cli(root, 'check', '.');
      assert.equal(code, 0);
      assert.match(err, /no Python or YAML files found/);
      assert.match(out, /0 findings in 0 files checked/);
      assert.deepEqual(JSON.parse((await cli(root, 'check', '.', '--format', 'json')).out).files, []);
      const sarif = JSON.parse((await cli(root, 'check', '.', '--format', 'sarif')).out);
      assert.deepEqual(sarif.runs[0].results, []);
      assert.deepEqual(sarif.runs[0].invocations[0].toolExecutionNotifications, []);
    });

    it('prints help and the version', async () => {
      const root = make({});
      assert.match((await cli(root, '--help')).out, /check +Check Python and YAML/);
      assert.match((await cli(root, 'check', '--help')).out, /--fail-level/);
      assert.match((await cli(root, '--version')).out, /^\d+\.\d+\.\d+\n$/);
    });
  });

  describe('entry point', () => {
    it('sets the process exit code and writes to stdout and stderr', () => {
      const main = path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts');
      const fixture = path.join(__dirname, '..', 'fixtures', 'rules', 'debug-mode-enabled', 'flask.py');
      const run = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', main, ...argv], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      const found = run('check', fixture, '--format', 'json');
      assert.equal(found.status, 1, found.stderr);
      const findings = JSON.parse(found.stdout).files[0].findings as { ruleId: string }[];
      assert.equal(findings.filter((f) => f.ruleId === 'debug-mode-enabled').length, 3);
      const usage = run('check', '--format', 'xml', fixture);
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /--format must be one of/);
    });
  });

  describe('rules', () => {
    it('lists every rule, or its metadata as JSON', async () => {
      const root = make({});
      const text = await cli(root, 'rules', '--lang', 'en');
      assert.match(text.out, /^debug-mode-enabled +python +security +error +Flags/m);
      const json = JSON.parse((await cli(root, 'rules', '--json')).out);
      assert.ok(json.some((r: { id: string; questions: unknown[] }) => r.id === 'missing-readiness-probe' && r.questions.length >= 2));
    });
  });
});
