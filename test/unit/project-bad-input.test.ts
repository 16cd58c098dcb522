import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/command';
import { ProjectIndex } from '../../src/language/project/index';
import { lintProject, runProjectRules } from '../../src/language/project/run';
import { projectRule, l } from '../../src/language/rule';
import { engine } from '../helpers/engine';

/**
 * The project pass never crashes a run: broken and hostile files, cycles between modules and
 * stages, a 5,000-file tree, symbolic link loops and files that vanish while the CLI runs.
 */

interface Report {
  files: { path: string; findings: { ruleId: string; line: number }[]; notices: { kind: string; code?: string; message: string }[] }[];
  totals: { files: number; findings: number };
}

async function check(dir: string, ...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd: dir, env: {}, stderrIsTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await runCli(['check', '.', '--format', 'json', '--lang', 'en', ...args], io);
  return { code, report: JSON.parse(out) as Report, stderr: err };
}

function write(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}

function internalErrors(report: Report): string[] {
  return report.files.flatMap((f) => f.notices.filter((n) => n.kind === 'internal-error').map((n) => `${f.path}: ${n.message}`));
}

describe('project pass on bad input', function () {
  this.timeout(180_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-project-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('survives broken files, import and mount cycles, stage cycles and hostile commands', async () => {
    write(tmp, {
      'app/main.py': 'from fastapi import FastAPI\nfrom app.a import router\napp = FastAPI()\napp.include_router(router)\ndef broken(:\n',
      'app/a.py': 'from fastapi import APIRouter\nfrom app.b import router as b\nrouter = APIRouter()\nrouter.include_router(b)\n',
      'app/b.py': 'from fastapi import APIRouter\nfrom app.a import router as a\nrouter = APIRouter()\nrouter.include_router(a)\nrouter.include_router(router)\n',
      'app/self.py': 'from app.self import x as x\nfrom .self import y\n',
      'print2.py': 'print "python 2"\nexec "code"\n',
      Dockerfile: 'FROM a AS a\nFROM a AS b\nFROM b\nCMD ["unterminated\nENTRYPOINT \\\nHEALTHCHECK CMD curl http://localhost:99999999/x\nUSER\nEXPOSE abc 70000\nRUN <<EOF\n',
      'binary/Dockerfile': new Uint8Array([0, 1, 2, 0xff, 0, 0x46, 0x52, 0x4f, 0x4d]),
      'requirements.txt': '-r requirements.txt\n==1.0\n[extra]\nflask==\n\u0000\n',
      'k8s/broken.yaml':
        'kind: Deployment\napiVersion: apps/v1\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n          readinessProbe: [unclosed\n          image: {{ .Values.image }}\n',
      'k8s/weird.yaml': 'kind: Service\napiVersion: v1\nspec:\n  selector: [not, a, map]\n  ports: "8080"\n---\nkind: Pod\napiVersion: v1\nspec:\n  containers: {a: 1}\n',
      'compose.yaml':
        'services:\n  api:\n    build: {context: ../../../../..}\n    command: ["sh", "-c", "sh -c \\"sh -c \\\\\\"sh -c gunicorn\\\\\\"\\""]\n    ports: ["a:b", 8000-8010, {target: x}]\n    healthcheck: {test: 42}\n',
      'start.sh': 'exec ./start.sh\n',
      Procfile: 'web: sh start.sh\nworker\n: \n',
    });
    const { code, report, stderr } = await check(tmp);
    assert.notEqual(code, 2, stderr);
    assert.deepEqual(internalErrors(report), []);
    assert.ok(
      report.files.some((f) => f.path === 'Dockerfile'),
      'the Dockerfile is checked',
    );
  });

  it('keeps the run when a project rule throws: one notice, the other rules still report', async () => {
    const lint = await engine();
    const index = lintProject(lint, [{ path: 'Dockerfile', text: 'FROM python:3.6\n' }]).index;
    const failing = projectRule({
      scope: 'project',
      id: 'boom',
      language: 'dockerfile',
      category: 'security',
      severity: 'warning',
      messages: {},
      docs: { summary: l('x', 'x'), why: l('x', 'x'), bad: '', good: '' },
      weeks: ['beginner/1'],
      questions: [],
      scaffold: l('x', 'x'),
      project: () => {
        throw new Error('kaboom');
      },
    });
    const { ALL_RULES } = await import('../../src/language/rules');
    const result = runProjectRules(index, { rules: [failing, ...ALL_RULES] });
    assert.deepEqual(
      result.notices.map((n) => n.ruleId),
      ['boom'],
    );
    assert.ok(result.findings.get('Dockerfile')?.some((f) => f.ruleId === 'end-of-life-base-image'));
  });

  it('checks a 5,000-file tree and still finds the one mismatched probe in it', async () => {
    for (let i = 0; i < 1000; i++) {
      const service = `svc${i}`;
      write(tmp, {
        [`${service}/app/main.py`]: `from fastapi import FastAPI\nfrom app.routers import api\napp = FastAPI()\napp.include_router(api.router, prefix="/v1")\n`,
        [`${service}/app/routers/api.py`]: `from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/health")\ndef health():\n    return {}\n`,
        [`${service}/app/__init__.py`]: '',
        [`${service}/Dockerfile`]: `FROM python:3.12-slim\nUSER 1000\nCMD ["uvicorn", "app.main:app", "--port", "${8000 + (i % 10)}"]\n`,
        [`${service}/k8s.yaml`]: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${service}\nspec:\n  containers:\n    - name: ${service}\n      image: acme/${service}:1\n      readinessProbe:\n        httpGet:\n          path: ${i === 777 ? '/health' : '/v1/health'}\n          port: ${8000 + (i % 10)}\n`,
      });
    }
    const { code, report, stderr } = await check(tmp);
    assert.notEqual(code, 2, stderr);
    assert.equal(report.totals.files, 5000);
    assert.deepEqual(internalErrors(report), []);
    const probes = report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'probe-path-not-served').map((x) => `${f.path}:${x.line}`));
    assert.deepEqual(probes, ['svc777/k8s.yaml:11']);
  });

  it('does not follow symbolic link loops, and reads a Dockerfile through a file link', async function () {
    write(tmp, {
      'svc/app.py': "from flask import Flask\napp = Flask(__name__)\n@app.route('/ping')\ndef ping():\n    return 'ok'\napp.run()\n",
      'real/Dockerfile': 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
    });
    try {
      fs.symlinkSync('.', path.join(tmp, 'loop'), 'dir');
      fs.symlinkSync('..', path.join(tmp, 'svc', 'up'), 'dir');
      fs.symlinkSync(path.join(tmp, 'real', 'Dockerfile'), path.join(tmp, 'svc', 'Dockerfile'));
      fs.symlinkSync(path.join(tmp, 'missing'), path.join(tmp, 'svc', 'requirements.txt'));
    } catch {
      this.skip();
    }
    const { code, report, stderr } = await check(tmp);
    assert.notEqual(code, 2, stderr);
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['real/Dockerfile', 'svc/Dockerfile', 'svc/app.py', 'svc/requirements.txt']);
    // The dangling link is reported as left behind, not read and not an error.
    assert.deepEqual(
      report.files.find((f) => f.path === 'svc/requirements.txt')?.notices.map((n) => n.code),
      ['broken-link'],
    );
    assert.ok(report.files.find((f) => f.path === 'svc/Dockerfile')?.findings.some((f) => f.ruleId === 'development-server-in-container'));
  });

  it('treats files that vanish while the run reads them as unreadable, not as a crash', async () => {
    for (let i = 0; i < 40; i++)
      write(tmp, {
        [`m${String(i).padStart(2, '0')}/app.py`]: 'from flask import Flask\napp = Flask(__name__)\n',
        [`m${String(i).padStart(2, '0')}/Dockerfile`]: 'FROM python:3.12\n',
      });
    // The CLI's own `fs` module object (a namespace import only re-exports it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs = require('node:fs') as { openSync: typeof fs.openSync };
    const original = nodeFs.openSync;
    let reads = 0;
    const patched = ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      // Halfway through, every file not read yet disappears.
      if (++reads === 40) fs.rmSync(path.join(tmp), { recursive: true, force: true });
      return original(file, flags ?? 'r', mode);
    }) as typeof fs.openSync;
    nodeFs.openSync = patched;
    let result: Awaited<ReturnType<typeof check>>;
    try {
      result = await check(tmp);
    } finally {
      nodeFs.openSync = original;
      fs.mkdirSync(tmp, { recursive: true });
    }
    assert.notEqual(result.code, 2, result.stderr);
    assert.deepEqual(internalErrors(result.report), []);
    const unreadable = result.report.files.filter((f) => f.notices.some((n) => /cannot read/.test(n.message)));
    assert.ok(unreadable.length > 0, 'files that vanished are reported as unreadable');
    assert.equal(result.report.totals.files, 80);
  });

  it('an index of nothing, or of files with no facts, yields no findings', () => {
    const index = new ProjectIndex();
    index.set('a.py', undefined);
    assert.equal(runProjectRules(index).findings.size, 0);
  });
});
