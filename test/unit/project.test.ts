import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import { kubectlApplies, launchesIn, launchOf, splitCommand } from '../../src/language/project/commands';
import { dockerfileFacts, instructions } from '../../src/language/project/dockerfile';
import type { PythonFacts } from '../../src/language/project/facts';
import { ProjectIndex } from '../../src/language/project/index';
import { factsForIndex } from '../../src/language/project/indexing';
import { lintProject, runProjectRules, withProjectFindings } from '../../src/language/project/run';
import picomatch from 'picomatch';
import { isLockFile, PROJECT_FILE_GLOB, projectFileKind, requirementsFacts } from '../../src/language/project/text-facts';
import { engine } from '../helpers/engine';

/** The project model's parts, each on the smallest input that shows it. */

async function pythonFacts(path: string, text: string): Promise<PythonFacts> {
  const facts = (await engine()).lintText(path, text, { facts: true }).facts;
  assert.equal(facts?.kind, 'python');
  return facts as PythonFacts;
}

describe('project model', () => {
  describe('Python facts', () => {
    it('reads apps, routers with prefixes, routes, mounts and error handlers', async () => {
      const facts = await pythonFacts(
        'main.py',
        [
          'from fastapi import FastAPI, APIRouter',
          'from .routers import v1 as version_one',
          'from prometheus_client import make_asgi_app',
          'app = FastAPI()',
          'router = APIRouter(prefix="/api")',
          '@router.get("/items/{item_id}")',
          'def item(item_id: int): ...',
          'app.include_router(router, prefix="/v2")',
          'app.include_router(version_one.router)',
          'app.mount("/metrics", make_asgi_app())',
          '@app.exception_handler(ValueError)',
          'async def on_value_error(request, exc): ...',
          'app.add_api_route("/ping", ping, methods=["GET"])',
        ].join('\n'),
      );
      assert.deepEqual(
        facts.objects.map((o) => [o.name, o.role, o.framework, o.prefix]),
        [
          ['app', 'app', 'fastapi', undefined],
          ['router', 'router', 'fastapi', '/api'],
        ],
      );
      assert.deepEqual(
        facts.routes.map((r) => [r.owner, r.path, r.methods?.join()]),
        [
          ['router', '/items/{item_id}', 'GET'],
          ['app', '/ping', 'GET'],
        ],
      );
      assert.deepEqual(
        facts.mounts.map((m) => [m.owner, m.kind, m.target ?? m.callTarget, m.prefix]),
        [
          ['app', 'include_router', 'router', '/v2'],
          ['app', 'include_router', 'version_one.router', undefined],
          ['app', 'mount', 'prometheus_client.make_asgi_app', '/metrics'],
        ],
      );
      assert.deepEqual(
        facts.errorHandlers.map((h) => h.exception),
        ['ValueError'],
      );
      assert.ok(facts.metrics);
      assert.deepEqual(
        facts.imports.find((i) => i.local === 'version_one'),
        { local: 'version_one', module: '.routers', name: 'v1' },
      );
    });

    it('reads the port a script listens on, literal or from the environment with its default', async () => {
      const facts = await pythonFacts(
        'serve.py',
        [
          'import os',
          'from flask import Flask',
          'app = Flask(__name__)',
          'PORT = int(os.getenv("PORT", "8080"))',
          "if __name__ == '__main__':",
          '    app.run(host="0.0.0.0", port=PORT, debug=True)',
        ].join('\n'),
      );
      const [listener] = facts.listeners;
      assert.equal(listener.via, 'flask-run');
      assert.deepEqual(listener.port, { env: 'PORT', value: 8080 });
      assert.ok(listener.devServer && listener.runsAsScript && listener.inMainGuard);
      assert.equal(listener.debugRange?.start.line, 5);
    });

    it('takes no app from a call named like an Object method (constructor, toString)', async () => {
      const facts = await pythonFacts('m.py', 'app = constructor()\nrouter = toString()\nvalue = hasOwnProperty()\n');
      assert.deepEqual(facts.objects, []);
    });

    it('counts a chained Instrumentator().instrument(app).expose(app) as metrics', async () => {
      const facts = await pythonFacts('m.py', 'from fastapi import FastAPI\nimport monitoring\napp = FastAPI()\nmonitoring.Instrumentator().instrument(app).expose(app)\n');
      assert.ok(facts.metrics);
    });

    it('indexes a module that cannot hold facts from its imports alone, without parsing it', async () => {
      const calls: string[] = [];
      const fake = { factsOf: (path: string) => (calls.push(path), undefined) };
      const facts = factsForIndex(fake, 'pkg/__init__.py', 'from .v1 import router\n__all__ = ["router"]\n');
      assert.deepEqual(calls, []);
      assert.deepEqual((facts as PythonFacts).imports, [{ local: 'router', module: '.v1', name: 'router' }]);
      factsForIndex(fake, 'pkg/app.py', 'from flask import Flask\n');
      assert.deepEqual(calls, ['pkg/app.py']);
    });

    it('summarises methods as Class.method and names calls through instances, self and injected parameters by the class', async () => {
      const facts = await pythonFacts(
        'api.py',
        [
          'import joblib',
          'from fastapi import FastAPI, Depends',
          'from services import RemoteService',
          'app = FastAPI()',
          'class Scorer:',
          '    def __init__(self):',
          '        self.model = joblib.load("m.joblib")',
          '    def score_rows(self, rows):',
          '        return self.prepare(rows)',
          '    def prepare(self, rows):',
          '        return self.model.predict(rows)',
          'scorer = Scorer()',
          'remote: RemoteService = RemoteService("http://x")',
          'backup = Scorer()',
          'backup = joblib.load("backup.joblib")',
          '@app.post("/a")',
          'def a(rows: list):',
          '    return scorer.score_rows(rows)',
          '@app.post("/b")',
          'def b(rows: list, svc: RemoteService = Depends(RemoteService)):',
          '    return svc.fetch(rows), remote.fetch(rows)',
        ].join('\n'),
      );
      const byName = new Map(facts.functions?.map((f) => [f.name, f]));
      assert.deepEqual(
        byName.get('Scorer.score_rows')?.calls.map((c) => c.name),
        ['Scorer.prepare'],
      );
      assert.equal(byName.get('Scorer.prepare')?.work?.what, 'self.model.predict');
      // `backup` is bound twice, the second time to something else: it names no class.
      assert.deepEqual(facts.instances, [
        { name: 'app', cls: 'FastAPI' },
        { name: 'scorer', cls: 'Scorer' },
        { name: 'remote', cls: 'RemoteService' },
      ]);
      const calls = (facts.handlerCalls ?? []).map((c) => [c.handler, c.name, c.written]);
      assert.deepEqual(calls, [
        ['a', 'Scorer.score_rows', 'scorer.score_rows'],
        ['b', 'RemoteService', undefined],
        ['b', 'RemoteService.fetch', 'svc.fetch'],
        ['b', 'RemoteService.fetch', 'remote.fetch'],
      ]);
    });
  });

  describe('commands', () => {
    it('splits shell lines, unwraps sh -c and wrappers, and finds the server, its module and port', () => {
      assert.deepEqual(splitCommand(`gunicorn -b "0.0.0.0:8000" 'app:create_app()' && echo done`), ['gunicorn', '-b', '0.0.0.0:8000', 'app:create_app()', '&&', 'echo', 'done']);
      const [gunicorn] = launchesIn(splitCommand('sh -c "cd /app && exec pipenv run gunicorn --bind :${PORT:-9000} wsgi:app"'));
      assert.deepEqual([gunicorn.server, gunicorn.module, gunicorn.port], ['gunicorn', 'wsgi', { env: 'PORT', value: 9000 }]);
      assert.deepEqual(launchOf(['uvicorn', 'app.main:app', '--reload']), {
        server: 'uvicorn',
        module: 'app.main',
        port: { value: 8000 },
        dev: false,
        reload: true,
        text: 'uvicorn app.main:app --reload',
        loopback: true,
      });
      // Where the server listens and what else the line does: a host, a cd, a second program.
      assert.equal(launchOf(['uvicorn', 'app.main:app', '--host', '0.0.0.0'])?.loopback, undefined);
      assert.equal(launchOf(['flask', 'run'], { FLASK_RUN_HOST: '0.0.0.0' })?.loopback, undefined);
      assert.equal(launchOf(['flask', 'run', '-h', 'localhost'])?.loopback, true);
      const [moved] = launchesIn(splitCommand('sh -c "cd src && uvicorn main:app --host 0.0.0.0"'));
      assert.deepEqual([moved.movesPath, moved.shared], [true, undefined]);
      const [api] = launchesIn(splitCommand('python api.py & streamlit run ui.py'));
      assert.deepEqual([api.file, api.shared, api.movesPath], ['api.py', true, undefined]);
      assert.equal(launchOf(['python', '-u', 'api.py'])?.file, 'api.py');
      assert.deepEqual(launchOf(['python', 'manage.py', 'runserver', '0.0.0.0:8001'])?.port, { value: 8001 });
      const flask = launchOf(['flask', 'run', '--port', '5001'], { FLASK_APP: 'service/app.py' });
      assert.deepEqual([flask?.server, flask?.file, flask?.port?.value, flask?.dev], ['flask-run', 'service/app.py', 5001, true]);
      assert.equal(launchOf(['gunicorn', '-c', 'gunicorn.conf.py', 'app:app'])?.port, undefined, 'a config file may set the port');
      assert.equal(launchOf(['python', '-c', 'print(1)']), undefined);
    });

    it('reads the manifests a script applies with kubectl, and leaves computed, remote and stdin paths out', () => {
      const script = [
        'kubectl apply -f ./k8s/ --namespace prod',
        'kubectl create --filename=deploy/job.yaml',
        'kubectl apply -k overlays/prod',
        'kubectl set image deployment/api api=img:1 || kubectl apply -f k8s/api.yaml',
        'kubectl apply -f $MANIFEST_DIR && kubectl apply -f https://example.com/x.yaml && cat x | kubectl apply -f -',
        'kubectl get pods -f k8s/',
      ].join('\n');
      const applies = kubectlApplies(script).map((a) => [a.verb, a.path, a.written, a.kustomize, a.fallback]);
      assert.deepEqual(applies, [
        ['apply', 'k8s', './k8s/', false, false],
        ['create', 'deploy/job.yaml', 'deploy/job.yaml', false, false],
        ['apply', 'overlays/prod', 'overlays/prod', true, false],
        ['apply', 'k8s/api.yaml', 'k8s/api.yaml', false, true],
      ]);
      assert.equal(script.slice(kubectlApplies(script)[1].index).split(' ')[0], 'kubectl');
    });
  });

  describe('Dockerfile reader', () => {
    it('joins continuations, drops comments inside them, skips heredocs and honours the escape directive', () => {
      const text = [
        '# escape=`',
        'FROM python:3.12 AS base',
        'RUN apt-get update && `',
        '# a comment in the middle',
        '    apt-get install -y curl',
        'RUN <<EOF',
        'USER root',
        'EOF',
        'USER 1000',
      ].join('\n');
      assert.deepEqual(
        instructions(text).map((i) => [i.keyword, i.args, i.range.start.line, i.range.end.line]),
        [
          ['FROM', 'python:3.12 AS base', 1, 1],
          ['RUN', 'apt-get update &&  apt-get install -y curl', 2, 4],
          ['RUN', '<<EOF', 5, 7],
          ['USER', '1000', 8, 8],
        ],
      );
    });

    it('reads stages, exec and shell forms, ENV forms and ARG defaults in FROM', () => {
      const facts = dockerfileFacts(
        'ARG PY=3.11\nFROM python:${PY}-slim AS app\nENV A=1 B="two words"\nENV LEGACY value here\nEXPOSE 8000/tcp\nCMD ["gunicorn", "app:app"]\nHEALTHCHECK --interval=5s CMD curl -f http://localhost:8000/health\n',
      );
      const [stage] = facts.stages;
      assert.equal(stage.image, 'python:3.11-slim');
      assert.equal(stage.alias, 'app');
      assert.deepEqual(stage.env, { A: '1', B: 'two words', LEGACY: 'value here' });
      assert.deepEqual(
        stage.envs?.map((e) => [e.name, e.value, e.range.start.line]),
        [
          ['A', '1', 2],
          ['B', 'two words', 2],
          ['LEGACY', 'value here', 3],
        ],
      );
      assert.deepEqual(
        stage.expose.map((e) => e.port),
        [8000],
      );
      assert.deepEqual(stage.cmd?.words, ['gunicorn', 'app:app']);
      assert.equal(stage.healthcheck?.text, 'curl -f http://localhost:8000/health');
    });
  });

  describe('requirements', () => {
    it('tells pinned from unpinned and skips options, includes and paths', () => {
      const facts = requirementsFacts(
        'flask==3.0.2\nnumpy>=1.26 # comment\npandas\n-r base.txt\n-e ./lib\ntorch @ https://x/torch.whl\nuvicorn[standard]==0.29.0 ; python_version >= "3.9"\n',
      );
      assert.deepEqual(
        facts.packages.map((p) => [p.name, p.pinned]),
        [
          ['flask', true],
          ['numpy', false],
          ['pandas', false],
          ['torch', true],
          ['uvicorn', true],
        ],
      );
      assert.deepEqual(
        facts.packages.filter((p) => p.marked).map((p) => p.name),
        ['uvicorn'],
        'only the line with an environment marker is marked',
      );
      assert.equal(projectFileKind('svc/requirements-prod.txt'), 'requirements');
      assert.equal(projectFileKind('svc/requirement.txt'), 'requirements');
      assert.equal(projectFileKind('backend/req.txt'), 'requirements');
      assert.equal(projectFileKind('logs/request_log.txt'), undefined);
      assert.equal(projectFileKind('deploy/Dockerfile.gpu'), 'dockerfile');
      assert.equal(projectFileKind('README.md'), undefined);
      assert.equal(projectFileKind('web/vercel.json'), 'platform');
      assert.equal(projectFileKind('infra/gcp-sa-key.json'), 'keyfile');
      assert.equal(projectFileKind('data/person_keypoints_train2017.json'), undefined, 'data files are not opened');
    });

    it('names in its editor glob exactly the files it reads (the editor watches and indexes by that glob)', () => {
      const inGlob = picomatch(PROJECT_FILE_GLOB, { dot: true });
      const names = [
        'app.py',
        'stubs.pyi',
        'k8s/deploy.yaml',
        '.github/workflows/ci.yml',
        'Dockerfile',
        'Dockerfile.gpu',
        'Dockerfile-dev',
        'Dockerfile_prod',
        'api.Dockerfile',
        'serve.dockerfile',
        'Containerfile',
        'Containerfile.cpu',
        'requirements.txt',
        'requirements-dev.txt',
        'dev-requirements.txt',
        'requirements.in',
        'requirement.txt',
        'requirments.txt',
        'req.txt',
        'reqs-dev.txt',
        'request_log.txt',
        'constraints.txt',
        'pyproject.toml',
        'Pipfile',
        'setup.cfg',
        'poetry.lock',
        'uv.lock',
        'pdm.lock',
        'Pipfile.lock',
        'pylock.toml',
        'pylock.dev.toml',
        'Procfile',
        'scripts/run.sh',
        '.env',
        '.env.production',
        'prod.env',
        'vercel.json',
        'netlify.toml',
        'zappa_settings.json',
        'key.json',
        'sa-key.json',
        'serviceAccountKey.json',
        'config/yotta-ml3-6bf205da4810.json',
        'credentials.json',
        'deploy/id_rsa',
        'certs/server.pem',
        'tls.key',
        '.aws/credentials',
        'data/annotations.json',
        'person_keypoints_train2017.json',
        'README.md',
        'notes.txt',
        'package.json',
        'package-lock.json',
        'Cargo.lock',
        'model.pkl',
        'Makefile',
        'tox.ini',
      ];
      for (const name of names) {
        assert.equal(inGlob(`svc/${name}`), projectFileKind(`svc/${name}`) !== undefined, name);
      }
      // Dotenv templates match the glob (`.env.*`) but hold no values: the index drops them by kind.
      for (const name of ['.env.example', '.env.sample', 'example.env']) assert.equal(projectFileKind(`svc/${name}`), undefined, name);
      // The editor reads a lock file for its presence only, whatever its size.
      assert.equal(isLockFile('svc/poetry.lock'), true);
      assert.equal(isLockFile('svc/pyproject.toml'), false);
    });
  });

  describe('entry points', () => {
    const flask = (route: string) => `from flask import Flask\napp = Flask(__name__)\n\n@app.route('${route}')\ndef handler():\n    return 'ok'\n`;
    const entryPoints = async (files: { path: string; text: string }[]) => {
      const { index } = lintProject(await engine(), files);
      return index.view().entryPoints;
    };

    it('knows the files a compose command or a start script runs, and what they import', async () => {
      const compose = 'services:\n  api:\n    build: .\n    command: gunicorn -b 0.0.0.0:8000 wsgi:app\n';
      const found = await entryPoints([
        { path: 'docker-compose.yml', text: compose },
        { path: 'wsgi.py', text: 'from api.main import app\n' },
        { path: 'api/main.py', text: flask('/predict') },
        { path: 'requirements.txt', text: 'flask==3.0.3\n' },
        { path: 'demo.py', text: flask('/hello') },
      ]);
      assert.equal(found.known, true);
      assert.ok(found.served.has('wsgi.py') && found.served.has('api/main.py'));
      assert.deepEqual([...found.unserved], ['demo.py']);

      const scripted = await entryPoints([
        { path: 'run.sh', text: '#!/bin/sh\nexec uvicorn serve:app --port 8000\n' },
        { path: 'serve.py', text: 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/predict")\ndef predict():\n    return 1\n' },
        { path: 'main_v1.py', text: flask('/predict') },
      ]);
      assert.deepEqual([...scripted.unserved], ['main_v1.py']);
    });

    it('calls nothing unserved when no launcher reaches an app, or when the other app is another service', async () => {
      const none = await entryPoints([
        { path: 'app.py', text: flask('/predict') },
        { path: 'demo.py', text: flask('/hello') },
      ]);
      assert.equal(none.known, false);
      assert.equal(none.unserved.size, 0);

      const twoServices = await entryPoints([
        { path: 'api/Dockerfile', text: 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "app.py"]\n' },
        { path: 'api/app.py', text: flask('/predict') },
        { path: 'monitor/requirements.txt', text: 'flask==3.0.3\n' },
        { path: 'monitor/app.py', text: flask('/drift') },
      ]);
      assert.equal(twoServices.known, true);
      assert.equal(twoServices.unserved.size, 0);
    });
  });

  describe('index and project pass', () => {
    const app = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n";
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: acme/api:1\n      readinessProbe:\n        httpGet:\n          path: /healthz\n          port: 5000\n';

    it('re-indexes only the file that changed, and the finding follows the change', async () => {
      const lint = await engine();
      const index = new ProjectIndex('/p');
      const manifestFacts = lint.lintText('/p/k8s/pod.yaml', manifest, { facts: true }).facts;
      index.set('/p/k8s/pod.yaml', manifestFacts);
      index.set('/p/app.py', lint.lintText('/p/app.py', app, { facts: true }).facts);
      const first = runProjectRules(index);
      assert.deepEqual([...first.findings.keys()], ['/p/k8s/pod.yaml']);
      const [finding] = first.findings.get('/p/k8s/pod.yaml')!;
      assert.equal(finding.ruleId, 'probe-path-not-served');
      assert.equal(finding.range.start.line, 10);
      assert.match(finding.message, /\/healthz.*app\.py.*\/health/);
      assert.deepEqual(
        finding.related?.map((r) => r.path),
        ['/p/app.py', '/p/app.py'],
      );

      const version = index.version;
      index.set('/p/app.py', lint.lintText('/p/app.py', app.replace("'/health'", "'/healthz'"), { facts: true }).facts);
      assert.equal(index.version, version + 1);
      assert.equal(index.get('/p/k8s/pod.yaml'), manifestFacts, 'the other file keeps its facts');
      assert.equal(runProjectRules(index).findings.size, 0);
    });

    it('applies the target file config and suppression comments to project findings', async () => {
      const lint = await engine();
      const files = [
        { path: 'app.py', text: app },
        { path: 'pod.yaml', text: manifest.replace('path: /healthz', 'path: /healthz  # ai-teacher: ignore[probe-path-not-served]') },
      ];
      assert.deepEqual(lintProject(lint, files).project.findings.size, 0);
      const off = lintProject(lint, [files[0], { path: 'pod.yaml', text: manifest }], {
        config: { rules: { 'probe-path-not-served': 'off' }, categories: {}, ignore: [], failLevel: 'warning' },
      });
      assert.equal(off.project.findings.size, 0);
      const info = lintProject(lint, [files[0], { path: 'pod.yaml', text: manifest }], { config: { rules: {}, categories: { health: 'info' }, ignore: [], failLevel: 'warning' } });
      assert.equal(info.project.findings.get('pod.yaml')?.[0].severity, 'info');
    });

    it('leaves app.run(debug=True) in __main__ alone when the image serves the module with gunicorn, and reports it when the image runs the file', async () => {
      const lint = await engine();
      const predict = "from flask import Flask\napp = Flask(__name__)\nif __name__ == '__main__':\n    app.run(debug=True)\n";
      const alone = lint.lintText('predict.py', predict).findings.find((f) => f.ruleId === 'debug-mode-enabled');
      assert.equal(alone?.severity, 'error', 'without a project the per-file rule stands');
      const debugWith = (cmd: string) =>
        lintProject(lint, [
          { path: 'predict.py', text: predict },
          { path: 'Dockerfile', text: `FROM python:3.12-slim\nUSER 1000\nCMD ${cmd}\n` },
        ]).results[0].findings.filter((f) => f.ruleId === 'debug-mode-enabled');
      assert.deepEqual(debugWith('["gunicorn", "predict:app"]'), []);
      assert.deepEqual(
        debugWith('["python", "predict.py"]').map((f) => [f.range.start.line, f.severity]),
        [[3, 'error']],
      );
    });

    it("names the helper's failing call and its per-request load as related places of the handler's finding", async () => {
      const lint = await engine();
      const main = "from fastapi import FastAPI\nfrom service import score\napp = FastAPI()\n\n@app.post('/predict')\ndef predict(x: float):\n    return {'y': score(x)}\n";
      const service = "import joblib\n\ndef score(x):\n    model = joblib.load('model.joblib')\n    return float(model.predict([[x]])[0])\n";
      const { project } = lintProject(lint, [
        { path: 'main.py', text: main },
        { path: 'service.py', text: service },
      ]);
      const at = (ruleId: string) =>
        project.findings
          .get('main.py')
          ?.filter((f) => f.ruleId === ruleId)
          .map((f) => [f.range.start.line, ...(f.related ?? []).map((r) => `${r.path}:${r.range.start.line}`)]);
      assert.deepEqual(at('handler-without-error-handling'), [[6, 'service.py:4']]);
      assert.deepEqual(at('model-loaded-per-request'), [[6, 'service.py:3']]);
    });

    it('names the first open model library as the related place of an unpinned requirements list', async () => {
      const lint = await engine();
      const related = (text: string) =>
        [...lintProject(lint, [{ path: 'requirements.txt', text }]).project.findings]
          .flatMap(([, findings]) => findings.filter((f) => f.ruleId === 'unpinned-dependencies'))
          .map((f) => [f.range.start.line, ...(f.related ?? []).map((r) => `${r.path}:${r.range.start.line}`)]);
      // The squiggle stays on the first open line; scikit-learn is where a pickled model breaks.
      assert.deepEqual(related('pandas>=2.0\nnumpy==1.26.4\nscikit_learn>=1.3\n'), [[0, 'requirements.txt:2']]);
      // When the list starts with the model library, or names none, there is nothing else to point at.
      assert.deepEqual(related('torch\ntorchvision\n'), [[0]]);
      assert.deepEqual(related('fastapi\nuvicorn\n'), [[0]]);
    });

    it('names the app that mounts a silent router as a related place of service-without-logging', async () => {
      const lint = await engine();
      const main = 'from fastapi import FastAPI\nfrom routes import router\n\napp = FastAPI()\napp.include_router(router)\n';
      const routes = "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post('/predict')\ndef predict(x: float):\n    return {'y': x}\n";
      const { project } = lintProject(lint, [
        { path: 'main.py', text: main },
        { path: 'routes.py', text: routes },
      ]);
      const found = [...project.findings].flatMap(([file, findings]) =>
        findings.filter((f) => f.ruleId === 'service-without-logging').map((f) => [file, f.range.start.line, ...(f.related ?? []).map((r) => `${r.path}:${r.range.start.line}`)]),
      );
      assert.deepEqual(found, [['routes.py', 2, 'main.py:3']]);
    });

    it('names the start command as the related place of an import the command cannot reach', async () => {
      const lint = await engine();
      const { project } = lintProject(lint, [
        { path: 'app/__init__.py', text: '' },
        { path: 'app/main.py', text: 'from fastapi import FastAPI\nfrom .service import score\n\napp = FastAPI()\n' },
        { path: 'app/service.py', text: 'def score(x):\n    return x\n' },
        { path: 'Dockerfile', text: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app/ /app/\nUSER 1000\nCMD ["uvicorn", "main:app"]\n' },
      ]);
      const found = [...project.findings].flatMap(([file, findings]) =>
        findings.filter((f) => f.ruleId === 'import-not-on-start-path').map((f) => [file, f.range.start.line, ...(f.related ?? []).map((r) => `${r.path}:${r.range.start.line}`)]),
      );
      assert.deepEqual(found, [['app/main.py', 1, 'Dockerfile:4']]);
    });

    it("says when the helper's try only raises again, and how Gradio answers a failure", async () => {
      const lint = await engine();
      const main =
        "from flask import Flask\nfrom pipeline import estimate\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return {'y': estimate(1.0)}\n";
      const pipeline =
        'import sys\nimport joblib\nmodel = joblib.load("m.joblib")\n\ndef estimate(x):\n    try:\n        return float(model.predict([[x]])[0])\n    except Exception as e:\n        raise RuntimeError(str(e))\n';
      const { project } = lintProject(lint, [
        { path: 'main.py', text: main },
        { path: 'pipeline.py', text: pipeline },
      ]);
      const reached = project.findings.get('main.py')?.filter((f) => f.ruleId === 'handler-without-error-handling') ?? [];
      assert.deepEqual(
        reached.map((f) => [f.range.start.line, f.messageId, f.related?.map((r) => `${r.path}:${r.range.start.line}`)]),
        [[6, 'rethrown', ['pipeline.py:6']]],
      );
      assert.match(reached[0].message, /raise RuntimeError/);
      const gradio =
        "import gradio as gr\nimport joblib\nmodel = joblib.load('m.joblib')\n\ndef predict(x):\n    return model.predict([[x]])[0]\n\ngr.Interface(fn=predict, inputs='number', outputs='text').launch()\n";
      const [result] = lintProject(lint, [{ path: 'app.py', text: gradio }]).results;
      assert.deepEqual(
        result.findings.filter((f) => f.ruleId === 'handler-without-error-handling').map((f) => [f.range.start.line, f.messageId]),
        [[5, 'gradio']],
      );
    });

    it('merges by withdrawing the per-file finding on the same rule and line only', () => {
      const finding = (ruleId: string, line: number) => ({
        ruleId,
        messageId: 'm',
        message: 'm',
        category: 'health' as const,
        severity: 'warning' as const,
        range: { start: { line, column: 0 }, end: { line, column: 1 } },
      });
      const result = { path: 'a.py', findings: [finding('missing-health-endpoint', 3), finding('missing-metrics', 3), finding('missing-health-endpoint', 9)], notices: [] };
      const merged = withProjectFindings(result, {
        findings: new Map([['a.py', [finding('probe-path-not-served', 1)]]]),
        withdrawn: new Map([['a.py', new Set(['missing-health-endpoint@3'])]]),
        notices: [],
      });
      assert.deepEqual(
        merged.findings.map((f) => `${f.ruleId}@${f.range.start.line}`),
        ['probe-path-not-served@1', 'missing-metrics@3', 'missing-health-endpoint@9'],
      );
    });
  });

  describe('command line', () => {
    it('reports a cross-file finding with the file that causes it, in JSON and SARIF', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-cli-project-'));
      try {
        fs.mkdirSync(path.join(dir, 'k8s'));
        fs.writeFileSync(path.join(dir, 'app.py'), "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n");
        fs.writeFileSync(
          path.join(dir, 'k8s', 'pod.yaml'),
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: acme/api:1\n      readinessProbe:\n        httpGet:\n          path: /healthz\n          port: 5000\n',
        );
        const run = async (format: string) => {
          let out = '';
          await runCli(['check', '.', '--format', format, '--lang', 'en'], { cwd: dir, env: {}, stderrIsTTY: false, stdout: (t) => void (out += t), stderr: () => undefined });
          return JSON.parse(out) as Record<string, unknown>;
        };
        const json = (await run('json')) as { files: { path: string; findings: { ruleId: string; related?: { path: string; line: number }[] }[] }[] };
        const probe = json.files.find((f) => f.path === 'k8s/pod.yaml')?.findings.find((f) => f.ruleId === 'probe-path-not-served');
        assert.deepEqual(
          probe?.related?.map((r) => `${r.path}:${r.line}`),
          ['app.py:2', 'app.py:4'],
        );
        const sarif = (await run('sarif')) as { runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
        const result = sarif.runs[0].results.find((r) => r.ruleId === 'probe-path-not-served');
        assert.deepEqual(
          result?.relatedLocations?.map((r) => r.physicalLocation.artifactLocation.uri),
          ['app.py', 'app.py'],
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
