// The GitHub Action (action.yml) run locally against a fixture repository: the same `run:`
// steps a runner executes (the CLI built by this clone stands in for the action's `npm ci`),
// a pull-request event, and a GitHub API on 127.0.0.1 for the comment. No network.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMENT_MARKER, eventRange, sarifRows, targets } from '../../scripts/action/run.mjs';
import { readAction, runAction, type ActionRun } from '../helpers/action-runner';
import { ROOT } from '../helpers/engine';

const FULL_SHA = /@[0-9a-f]{40}$/;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Learner', GIT_AUTHOR_EMAIL: 'l@example.com', GIT_COMMITTER_NAME: 'Learner', GIT_COMMITTER_EMAIL: 'l@example.com' },
  });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A learner's repository: the demo workspace committed, then a pull request that edits app.py and adds a service. */
function fixtureRepository(): { dir: string; base: string; head: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aet-action-repo-'));
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'demo-workspace'), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'week 1 starter');
  const base = git(dir, 'rev-parse', 'HEAD');
  fs.appendFileSync(path.join(dir, 'app.py'), '\n# TODO: validate the request body\n');
  fs.mkdirSync(path.join(dir, 'serving'));
  fs.writeFileSync(
    path.join(dir, 'serving', 'batch.py'),
    'import pickle\nimport requests\n\ndef score(url):\n    model = pickle.loads(requests.get(url).content)\n    return model\n',
  );
  fs.writeFileSync(path.join(dir, 'notes.md'), 'not linted\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'week 1 work');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

interface Recorded {
  method: string;
  url: string;
  body: string;
}

/** The GitHub REST endpoints the comment step uses, on 127.0.0.1. */
async function fakeGitHub(existing: { id: number; body: string }[]): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== 'Bearer test-token') {
        res.statusCode = 401;
        res.end('{}');
      } else if (req.method === 'GET') res.end(JSON.stringify(existing));
      else {
        res.statusCode = req.method === 'POST' ? 201 : 200;
        res.end(JSON.stringify({ id: 99 }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function step(run: ActionRun, name: RegExp) {
  const found = run.steps.find((s) => name.test(s.name));
  assert.ok(found, `no step named ${name}: ${run.steps.map((s) => s.name).join(', ')}`);
  return found;
}

describe('the GitHub Action, run locally on a fixture repository', function () {
  this.timeout(120_000);
  let repo: { dir: string; base: string; head: string };
  const event = () => ({ pull_request: { number: 7, base: { sha: repo.base }, head: { sha: repo.head } } });
  const exclude = (s: { run?: string }) => /^npm ci\b/.test(s.run ?? '');

  before(() => {
    // The action's own install step runs `npm ci`, whose `prepare` builds dist/cli.js; build it here.
    const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    repo = fixtureRepository();
  });

  after(() => fs.rmSync(repo.dir, { recursive: true, force: true }));

  it('pins every action it uses to a commit SHA and declares the inputs the docs promise', () => {
    const spec = readAction(ROOT);
    const uses = spec.runs.steps.flatMap((s) => (s.uses ? [s.uses] : []));
    assert.ok(uses.length >= 2);
    for (const ref of uses) assert.match(ref, FULL_SHA, `${ref} is not pinned to a full commit SHA`);
    for (const input of ['paths', 'language', 'fail-level', 'config', 'upload-sarif', 'summary', 'pr-comment']) assert.ok(spec.inputs?.[input], `input ${input}`);
    // Inputs reach the shell only through env:, never spliced into a script.
    for (const s of spec.runs.steps) assert.doesNotMatch(s.run ?? '', /\$\{\{/, `${s.name} splices an expression into its script`);
  });

  it('writes SARIF 2.1.0 with the findings, reviews only the changed files in the summary, comments on the pull request, and fails the job', async () => {
    const api = await fakeGitHub([]);
    try {
      const run = await runAction({
        actionPath: ROOT,
        workspace: repo.dir,
        inputs: { 'pr-comment': 'true' },
        event: event(),
        eventName: 'pull_request',
        env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'class/learner-1' },
        exclude,
      });
      assert.equal(step(run, /^Set up Node/).state, 'offline');
      assert.equal(step(run, /^Install/).state, 'excluded');
      const check = step(run, /^Check$/);
      assert.equal(check.exitCode, 0, check.output);
      assert.equal(step(run, /^Upload SARIF/).state, 'offline', 'the SARIF upload would run');

      const sarif = JSON.parse(fs.readFileSync(run.outputs['sarif-file'], 'utf8')) as {
        version: string;
        $schema: string;
        runs: {
          tool: { driver: { name: string; rules: { id: string }[] } };
          results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[] }[];
        }[];
      };
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      const results = sarif.runs[0].results;
      assert.equal(run.outputs.findings, String(results.length));
      assert.equal(run.outputs['exit-code'], '1');
      const debug = results.find((r) => r.ruleId === 'debug-mode-enabled');
      assert.ok(debug, 'no debug-mode-enabled result');
      assert.equal(debug.level, 'error');
      assert.deepEqual(debug.locations[0].physicalLocation.artifactLocation, { uri: 'app.py', uriBaseId: '%SRCROOT%' });
      assert.match(fs.readFileSync(path.join(repo.dir, 'app.py'), 'utf8').split('\n')[debug.locations[0].physicalLocation.region.startLine - 1], /debug\s*=\s*True/);
      assert.ok(results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'serving/batch.py'));
      assert.ok(
        results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('k8s/')),
        'unchanged files are still checked',
      );
      for (const r of results)
        assert.ok(
          sarif.runs[0].tool.driver.rules.some((rule) => rule.id === r.ruleId),
          `${r.ruleId} missing from tool.driver.rules`,
        );

      const summary = step(run, /job summary/);
      assert.equal(summary.exitCode, 0, summary.output);
      assert.match(run.summary, /^## 🎓 AI Engineering Teacher/);
      assert.match(run.summary, new RegExp(`\\*\\*${results.length} findings\\*\\*`));
      assert.match(run.summary, /\| `app\.py:\d+` \| `debug-mode-enabled` \| error \|/);
      assert.match(run.summary, /### The teacher's review of the changed files/);
      const reviewed = [...run.summary.matchAll(/<summary><code>([^<]+)<\/code><\/summary>/g)].map((m) => m[1]).sort();
      assert.deepEqual(reviewed, ['app.py', 'serving/batch.py'], 'only the changed Python/YAML files are reviewed');
      assert.match(run.summary, /🤔/);
      assert.match(run.summary, /TODO/);
      assert.doesNotMatch(run.summary, /debug\s*=\s*False/);

      const comment = step(run, /Comment/);
      assert.equal(comment.exitCode, 0, comment.output);
      const posts = api.requests.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 1, JSON.stringify(api.requests));
      assert.equal(posts[0].url, '/repos/class/learner-1/issues/7/comments');
      const body = (JSON.parse(posts[0].body) as { body: string }).body;
      assert.ok(body.startsWith(COMMENT_MARKER));
      assert.ok(body.includes(run.summary.trim().split('\n')[0]));

      const fail = step(run, /^Fail on findings/);
      assert.equal(fail.exitCode, 1);
      assert.equal(run.failed, true);
    } finally {
      await api.close();
    }
  });

  it('updates its earlier comment instead of adding one, in Korean when asked, and only reports with fail-level never', async () => {
    const api = await fakeGitHub([
      { id: 5, body: 'LGTM' },
      { id: 41, body: `${COMMENT_MARKER}\nold review` },
    ]);
    try {
      const run = await runAction({
        actionPath: ROOT,
        workspace: repo.dir,
        inputs: { 'pr-comment': 'true', language: 'ko', 'fail-level': 'never' },
        event: event(),
        eventName: 'pull_request',
        env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'class/learner-1' },
        exclude,
      });
      assert.deepEqual(
        api.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`),
        ['GET /repos/class/learner-1/issues/7/comments', 'PATCH /repos/class/learner-1/issues/comments/41'],
      );
      assert.match(run.summary, /AI 엔지니어링 선생님/);
      assert.match(run.summary, /[\uac00-\ud7a3]/);
      assert.equal(step(run, /^Fail on findings/).state, 'skipped');
      assert.equal(run.failed, false);
    } finally {
      await api.close();
    }
  });

  it('without a diff (a manual run) reviews the files with findings; with upload-sarif and summary off it only checks', async () => {
    const manual = await runAction({ actionPath: ROOT, workspace: repo.dir, inputs: { 'fail-level': 'error', 'max-files': '2' }, eventName: 'workflow_dispatch', exclude });
    assert.match(manual.summary, /### The teacher's review of the files with findings/);
    assert.equal([...manual.summary.matchAll(/<summary>/g)].length, 2);
    assert.match(manual.summary, /more file\(s\) not reviewed here/);
    assert.equal(step(manual, /^Comment/).state, 'skipped');

    const quiet = await runAction({ actionPath: ROOT, workspace: repo.dir, inputs: { 'upload-sarif': 'false', summary: 'false', paths: 'k8s' }, exclude });
    assert.equal(step(quiet, /^Upload SARIF/).state, 'skipped');
    assert.equal(step(quiet, /job summary/).state, 'skipped');
    assert.equal(quiet.summary, '');
    const rows = sarifRows(JSON.parse(fs.readFileSync(quiet.outputs['sarif-file'], 'utf8')));
    assert.ok(rows.length > 0 && rows.every((r) => r.file.startsWith('k8s/')), JSON.stringify(rows.map((r) => r.file)));
  });

  it("stops with the CLI's reason when the config is invalid, before anything is uploaded", async () => {
    fs.writeFileSync(path.join(repo.dir, 'bad.yml'), 'rules:\n  no-such-rule: error\n');
    try {
      const run = await runAction({ actionPath: ROOT, workspace: repo.dir, inputs: { config: 'bad.yml' }, exclude });
      const check = step(run, /^Check$/);
      assert.equal(check.exitCode, 2);
      assert.match(check.output ?? '', /::error title=AI Engineering Teacher::ai-teacher check failed \(exit code 2\)/);
      assert.equal(step(run, /^Upload SARIF/).state, 'skipped');
      assert.equal(run.failed, true);
    } finally {
      fs.rmSync(path.join(repo.dir, 'bad.yml'));
    }
  });
});

describe('action helpers', () => {
  it("never checks the action's own folder when it was checked out inside the workspace", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aet-action-targets-'));
    try {
      for (const file of ['app.py', 'src/b.py', '.ai-teacher/test/bad.py', 'tools/.ai-teacher/x.py']) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), '');
      }
      assert.deepEqual(targets('.', root, path.join(root, '.ai-teacher')).sort(), ['app.py', 'src', 'tools']);
      assert.deepEqual(targets('src app.py', root, path.join(root, '.ai-teacher')), ['src', 'app.py']);
      assert.deepEqual(targets('', root, '/elsewhere/action'), ['.']);
      assert.deepEqual(targets('tools', root, path.join(root, 'tools', '.ai-teacher')), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("reads the compared commits of pull requests and pushes, and nothing from a branch's first push", () => {
    assert.deepEqual(eventRange({ pull_request: { number: 3, base: { sha: 'a' }, head: { sha: 'b' } } }), { base: 'a', head: 'b', pr: 3 });
    assert.deepEqual(eventRange({ before: 'c', after: 'd' }), { base: 'c', head: 'd' });
    assert.deepEqual(eventRange({ before: '0000000000000000000000000000000000000000', after: 'd' }), {});
    assert.deepEqual(eventRange(undefined), {});
  });
});
