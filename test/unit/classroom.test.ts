// What a classroom copies from this repository must hold up: the workflow in docs/classroom.md
// passes the project's own rules and uses only inputs the action has, and the pre-commit hook
// runs the packaged CLI the way pre-commit does (the staged files as arguments).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readAction } from '../helpers/action-runner';
import { engine, ROOT } from '../helpers/engine';

const doc = fs.readFileSync(path.join(ROOT, 'docs', 'classroom.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
const workflows = yamlBlocks.filter((block) => /^jobs:/m.test(block));

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types_or?: string[];
  require_serial?: boolean;
}

describe('docs/classroom.md', () => {
  it('has a workflow to copy, and every YAML block in it parses', () => {
    assert.ok(workflows.length >= 1, 'no workflow in docs/classroom.md');
    for (const block of yamlBlocks) assert.doesNotThrow(() => parse(block), block.slice(0, 200));
  });

  it("gives workflows that pass the project's own rules (pinned SHAs, permissions, timeouts, nothing spliced into run:)", async () => {
    const lint = await engine();
    for (const [i, workflow] of workflows.entries()) {
      const result = lint.lintText(`.github/workflows/example-${i}.yml`, workflow, { lang: 'en', language: 'yaml' });
      assert.ok(!result.notices.some((n) => n.kind === 'syntax' || n.kind === 'skipped'), JSON.stringify(result.notices));
      assert.deepEqual(
        result.findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`),
        [],
        `example workflow ${i} has findings`,
      );
    }
  });

  it('would be flagged if it were careless: the same rules catch a tag, a missing timeout and write-all', async () => {
    // The check above only means something if the rules look at these workflows at all.
    const careless = workflows[0]
      .replace(/@[0-9a-f]{40}/, '@v4')
      .replace(/^ *timeout-minutes: \d+\n/m, '')
      .replace('permissions: {}', 'permissions: write-all');
    const result = (await engine()).lintText('.github/workflows/careless.yml', careless, { lang: 'en', language: 'yaml' });
    assert.deepEqual(result.notices, []);
    const ids = result.findings.map((f) => f.ruleId);
    for (const id of ['unpinned-action', 'missing-job-timeout', 'unrestricted-token-permissions']) assert.ok(ids.includes(id), `${id} not reported: ${ids.join(', ')}`);
  });

  it('passes only inputs the action declares, and its input table lists each of them once', () => {
    const inputs = Object.keys(readAction(ROOT).inputs ?? {});
    for (const workflow of workflows) {
      const parsed = parse(workflow) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
      const steps = Object.values(parsed.jobs).flatMap((job) => job.steps);
      const teacher = steps.find((s) => s.uses === './.ai-teacher');
      assert.ok(teacher, 'the workflow does not run the teacher action');
      for (const key of Object.keys(teacher.with ?? {})) assert.ok(inputs.includes(key), `the workflow passes "${key}", which action.yml does not declare`);
    }
    const table = [...doc.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...table].sort(), [...inputs].sort());
  });
});

describe('.pre-commit-hooks.yaml', function () {
  this.timeout(120_000);
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it("declares a node hook whose entry is the package's own bin, for Python and YAML files, in one process", () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'ai-teacher');
    assert.equal(hook.language, 'node');
    assert.ok(manifest.bin[hook.entry.split(' ')[0]], `${hook.entry} does not start with a bin of package.json`);
    assert.deepEqual(hook.types_or, ['python', 'pyi', 'yaml']);
    assert.equal(hook.require_serial, true);
  });

  it('runs as pre-commit runs it: the entry plus the staged files; fails on a finding, passes clean files, skips ignored ones', () => {
    const [hook] = hooks;
    const [bin, ...args] = hook.entry.split(' ');
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'aet-pre-commit-'));
    try {
      // pre-commit runs inside a git repository; .gitignore files are read from its root down.
      assert.equal(spawnSync('git', ['init', '-q'], { cwd: repo }).status, 0);
      fs.writeFileSync(path.join(repo, 'serve.py'), 'from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n');
      fs.writeFileSync(path.join(repo, 'util.py'), 'def add(a, b):\n    return a + b\n');
      fs.mkdirSync(path.join(repo, 'generated'));
      fs.writeFileSync(path.join(repo, 'generated', 'serve.py'), 'from flask import Flask\nFlask(__name__).run(debug=True)\n');
      fs.writeFileSync(path.join(repo, '.gitignore'), 'generated/\n');
      const hookRun = (...files: string[]) =>
        spawnSync(process.execPath, [path.join(ROOT, manifest.bin[bin]), ...args, ...files], { cwd: repo, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      const failing = hookRun('serve.py', 'util.py');
      assert.equal(failing.status, 1, failing.stdout + failing.stderr);
      assert.match(failing.stdout, /^serve\.py\n(.*\n)*\s+3:\d+\s+error\s+debug-mode-enabled/m);
      assert.equal(hookRun('util.py').status, 0);
      const ignored = hookRun('generated/serve.py');
      assert.equal(ignored.status, 0, `--force-exclude should skip a .gitignore'd file: ${ignored.stdout}`);
      assert.doesNotMatch(ignored.stdout, /debug-mode-enabled/);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('is installable by pre-commit: `npm pack` carries the built CLI, its grammars and the course data', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    for (const needed of ['package.json', 'dist/cli.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-python.wasm', 'dist/tree-sitter-yaml.wasm'])
      assert.ok(files.includes(needed), `${needed} is not packed`);
    assert.ok(
      files.some((f) => f.startsWith('curriculum/') && f.endsWith('.yaml')),
      'the curriculum is not packed',
    );
    assert.ok(!files.some((f) => /^(src|test)\//.test(f) || f.endsWith('.vsix')), 'sources, tests or a VSIX are packed');
  });
});
