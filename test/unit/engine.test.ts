import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_CONFIG, parseConfig, type ProjectConfig } from '../../src/language/config';
import { LintEngine, WARM_UP_BATCH } from '../../src/language/engine';
import { nodeModulesWasm } from '../../src/language/parser';
import { l, pythonRule, yamlRule, type PythonRule, type YamlRule } from '../../src/language/rule';
import { ALL_RULES } from '../../src/language/rules';
import { WARM_UP_SAMPLES } from '../../src/language/warm-up';
import type { LintResult } from '../../src/language/types';
import { engine as fullEngine, ROOT } from '../helpers/engine';
import { referenceEngine as engine, REFERENCE_RULES } from '../helpers/reference-engine';

const FLASK = 'from flask import Flask\napp = Flask(__name__)\n';
const DEBUG = 'app.run(debug=True)\n';
const lines = (result: LintResult, ruleId = 'debug-mode-enabled') => result.findings.filter((f) => f.ruleId === ruleId).map((f) => f.range.start.line + 1);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: model-api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/model-api:1.4.2
`;

describe('engine', () => {
  it('keeps linting after a syntax error in the middle of the file', async () => {
    const text = `${FLASK}${DEBUG}def broken(:\n    return )\n\nclass Half(\n${DEBUG}`;
    const result = (await engine()).lintText('app.py', text);
    assert.deepEqual(lines(result), [3, 8]);
    const syntax = result.notices.filter((n) => n.kind === 'syntax');
    assert.equal(syntax.length, 1);
    assert.match(syntax[0].message, /near line 4/);
  });

  it('names the line the YAML parser stopped at in the syntax notice, not the top of the file', async () => {
    const steps = Array.from({ length: 8 }, (_, i) => `      - name: Step ${i}\n        run: echo ${i}\n\n`).join('');
    const text = `name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps}      - name: Debug: show remote\n        run: git remote -v\n`;
    for (const path of ['.github/workflows/ci.yml', 'k8s/config.yaml']) {
      const result = (await engine()).lintText(path, text);
      const syntax = result.notices.filter((n) => n.kind === 'syntax');
      assert.equal(syntax.length, 1, path);
      assert.match(syntax[0].message, /near line 31;/, path);
      assert.equal(syntax[0].range?.start.line, 30, path);
    }
  });

  it('lints a Helm template through its neutralised text, without a syntax notice for its {{ }}', async () => {
    const plain = (await engine()).lintText('templates/deployment.yaml', DEPLOYMENT);
    const text = DEPLOYMENT.replace('name: model-api', 'name: {{ .Values.name }}');
    const result = (await engine()).lintText('templates/deployment.yaml', text);
    assert.deepEqual(
      result.findings.map((f) => `${f.ruleId}:${f.range.start.line}`),
      plain.findings.map((f) => `${f.ruleId}:${f.range.start.line}`),
    );
    assert.deepEqual(result.notices, []);
  });

  it('turns a rule that throws into one internal-error notice; the other rules still report', async () => {
    const throwing: PythonRule = pythonRule({
      ...(REFERENCE_RULES[0] as PythonRule),
      id: 'always-throws',
      messages: { boom: l('펑', 'boom') },
      check() {
        throw new Error('kaboom');
      },
    });
    const lint = await LintEngine.create(nodeModulesWasm(ROOT), [...REFERENCE_RULES, throwing]);
    const result = lint.lintText('app.py', `${FLASK}${DEBUG}`);
    assert.deepEqual(lines(result), [3]);
    assert.deepEqual(result.notices, [{ kind: 'internal-error', ruleId: 'always-throws', message: 'rule always-throws failed: kaboom' }]);
  });

  it('reports a YAML rule that throws once per file, not once per document', async () => {
    const readiness = REFERENCE_RULES[1] as YamlRule;
    const throwing: YamlRule = yamlRule({
      ...readiness,
      id: 'yaml-throws',
      check() {
        throw new Error('bad document');
      },
    });
    const lint = await LintEngine.create(nodeModulesWasm(ROOT), [...REFERENCE_RULES, throwing]);
    const result = lint.lintText('stack.yaml', `${DEPLOYMENT}---\n${DEPLOYMENT}---\n${DEPLOYMENT}`);
    assert.equal(result.findings.filter((f) => f.ruleId === 'missing-readiness-probe').length, 3);
    assert.deepEqual(result.notices, [{ kind: 'internal-error', ruleId: 'yaml-throws', message: 'rule yaml-throws failed: bad document' }]);
  });

  it('tells onPhase when a lint has parsed, matched and checked, in that order, before it returns', async () => {
    const lint = await engine();
    for (const [path, text] of [
      ['app.py', `${FLASK}${DEBUG}`],
      ['k8s/deployment.yaml', DEPLOYMENT],
    ]) {
      const phases: string[] = [];
      const result = lint.lintText(path, text, { onPhase: (phase) => phases.push(phase) });
      assert.deepEqual(phases, ['parsed', 'matched', 'checked'], path);
      assert.ok(result.findings.length > 0, path);
    }
    const phases: string[] = [];
    lint.lintDocument('file:///phases.py', `${FLASK}${DEBUG}`, { onPhase: (phase) => phases.push(phase) });
    lint.lintDocument('file:///phases.py', `${FLASK}# edited\n${DEBUG}`, { onPhase: (phase) => phases.push(`re-${phase}`) });
    lint.forget('file:///phases.py');
    assert.deepEqual(phases, ['parsed', 'matched', 'checked', 're-parsed', 're-matched', 're-checked']);
  });

  it('carries the related places a rule names in the same file, in the requested language', async () => {
    const lint = await fullEngine();
    const train =
      'from sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import accuracy_score\n\nmodel = LogisticRegression()\nmodel.fit(X_train, y_train)\nacc = accuracy_score(y_test, model.predict(X_test))\nprint(f"accuracy: {acc}")\n';
    const finding = lint.lintText('train.py', train, { lang: 'en' }).findings.find((f) => f.ruleId === 'missing-experiment-tracking');
    assert.equal(finding?.range.start.line, 4);
    assert.deepEqual(
      finding?.related?.map((r) => [r.path, r.range.start.line, r.message]),
      [['train.py', 6, 'the score that is printed and lost']],
    );
  });

  it('names a converting call as the learner wrote it, not by its resolved last part', async () => {
    const lint = await fullEngine();
    const app =
      'import io\n\nimport numpy as np\nfrom flask import Flask, request\nfrom PIL import Image\n\napp = Flask(__name__)\n\n\n@app.route("/image", methods=["POST"])\ndef image():\n    img = Image.open(request.files["file"])\n    return {"size": img.size}\n\n\n@app.route("/array", methods=["POST"])\ndef array():\n    arr = np.load(io.BytesIO(request.data))\n    return {"shape": arr.shape}\n\n\n@app.route("/age", methods=["POST"])\ndef age():\n    return {"age": float(request.form["age"])}\n';
    const whats = lint
      .lintText('app.py', app, { lang: 'en' })
      .findings.filter((f) => f.ruleId === 'unguarded-request-conversion')
      .map((f) => f.data?.what);
    assert.deepEqual(whats, ['Image.open(...)', 'np.load(...)', 'float(...)']);
  });

  it('names the further own-artifact loads of a file as related places of its one unsafe-deserialization finding', async () => {
    const lint = await fullEngine();
    const steps =
      'import joblib\n\n\nclass Training:\n    def load(self):\n        a = joblib.load("data/X.pkl")\n        b = joblib.load("data/y.pkl")\n        return a, b\n\n\ndef scaler():\n    return joblib.load("data/scaler.pkl")\n';
    const findings = lint.lintText('steps.py', steps, { lang: 'en' }).findings.filter((f) => f.ruleId === 'unsafe-deserialization');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => r.range.start.line)]),
      [[5, [6, 11]]],
    );
  });

  it("names the client a same-file helper builds as the related place of the handler's per-request finding", async () => {
    const lint = await fullEngine();
    const app =
      'import boto3\nfrom fastapi import FastAPI, UploadFile\n\napp = FastAPI()\n\n\ndef upload(data, key):\n    s3 = boto3.client("s3")\n    s3.upload_fileobj(data, "bucket", key)\n\n\n@app.post("/predict")\ndef predict(file: UploadFile):\n    upload(file.file, file.filename)\n    return {"ok": True}\n';
    const findings = lint.lintText('app.py', app, { lang: 'en' }).findings.filter((f) => f.ruleId === 'client-created-per-request');
    // The squiggle is on the handler's call (line 13); the helper's boto3.client (line 7) is where the fix goes.
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.message])]),
      [[13, [[7, 'the client built on every request']]]],
    );
  });

  it('names where a FastAPI handler reads an upload whole as the related place of its unbounded UploadFile', async () => {
    const lint = await fullEngine();
    const app =
      'from fastapi import FastAPI, File, UploadFile\n\napp = FastAPI()\n\n@app.post("/predict")\nasync def predict(file: UploadFile = File(...)):\n    name = file.filename\n    log(name)\n    contents = await file.read()\n    return {"n": len(contents)}\n';
    const findings = lint.lintText('main.py', app, { lang: 'en' }).findings.filter((f) => f.ruleId === 'unbounded-request-input');
    // The squiggle is on the parameter (line 5); `await file.read()` (line 8) is where the memory goes.
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.range.start.column, r.message])]),
      [[5, [[8, 4, 'where the whole upload is read into memory']]]],
    );
  });

  it('names the best-so-far comparison as the related place of a test-set model selection in a loop', async () => {
    const lint = await fullEngine();
    const script =
      'from sklearn.metrics import f1_score\n\nbest_f1 = -1.0\nfor name, model in models.items():\n    model.fit(X_train, y_train)\n    score = f1_score(y_test, model.predict(X_test))\n    log(name, score)\n    if score > best_f1:\n        best_f1 = score\n        best_model = model\n';
    const findings = lint.lintText('train.py', script, { lang: 'en' }).findings.filter((f) => f.ruleId === 'model-selected-on-test-set');
    // The squiggle is on the test-set scoring (line 5); the `if score > best_f1` (line 7) is where the choice is made.
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.message])]),
      [[5, [[7, 'the comparison that keeps the best model by its test score']]]],
    );
  });

  it('names the first unseeded draw and the Lightning trainer as related places of a missing-random-seed finding', async () => {
    const lint = await fullEngine();
    const script =
      'import numpy as np\nimport pytorch_lightning as pl\n\nnoise = np.random.randn(100)\nmodel = build(noise)\ntrainer = pl.Trainer(max_epochs=3)\ntrainer.fit(model)\n';
    const findings = lint.lintText('train.py', script, { lang: 'en' }).findings.filter((f) => f.ruleId === 'missing-random-seed');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.message])]),
      [
        [
          6,
          [
            [3, 'a draw from the unseeded global generator'],
            [5, 'the Trainer that runs the unseeded training'],
          ],
        ],
      ],
    );
    // Seeded, the script has no finding and so no related place.
    const seeded = lint.lintText('train.py', script.replace('noise =', 'pl.seed_everything(0)\nnoise ='), { lang: 'en' }).findings;
    assert.equal(seeded.filter((f) => f.ruleId === 'missing-random-seed').length, 0);
  });

  it('names the answer a health check always gives 200 with as the related place of its finding', async () => {
    const lint = await fullEngine();
    const app =
      'import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\ntry:\n    model = joblib.load("model.joblib")\nexcept FileNotFoundError:\n    model = None\n\n\n@app.get("/health")\ndef health():\n    loaded = model is not None\n    def label(ok):\n        return "up" if ok else "down"\n    status = label(loaded)\n    return {"status": status, "model_loaded": loaded}\n';
    const findings = lint.lintText('app.py', app, { lang: 'en' }).findings.filter((f) => f.ruleId === 'health-check-always-ok');
    // The squiggle stays on the route's name; the related place is the route's own last return (line 17), not the nested helper's.
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.message])]),
      [[11, [[16, 'the answer that says 200']]]],
    );
  });

  it('names the line a hollow CI step prints its success on as the related place of the step', async () => {
    const lint = await fullEngine();
    const workflow =
      'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy to production\n        run: |\n          echo "Deploying..."\n          # kubectl apply -f k8s/\n          echo "Deployment completed!"\n      - name: Run health checks\n        run: echo "Health checks passed!"\n';
    const findings = lint.lintText('.github/workflows/cd.yml', workflow, { lang: 'en' }).findings.filter((f) => f.ruleId === 'hollow-ci-step');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.range.start.column])]),
      [
        [5, [[9, 10]]],
        [10, [[11, 13]]],
      ],
    );
  });

  it('names the first host of an Ingress without TLS as the related place of its finding on spec', async () => {
    const lint = await fullEngine();
    const ingress =
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: api.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: api, port: {number: 80}}\n';
    const findings = lint.lintText('k8s/ingress.yaml', ingress, { lang: 'en' }).findings.filter((f) => f.ruleId === 'ingress-without-tls');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.message])]),
      [[4, [[7, 'the host served without a certificate']]]],
    );
  });

  it('names the other tagged actions of a write-token workflow as related places of its one unpinned-action finding', async () => {
    const lint = await fullEngine();
    const workflow =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      packages: write\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n        with:\n          password: ${{ secrets.GITHUB_TOKEN }}\n      - uses: docker/build-push-action@v5\n';
    const findings = lint.lintText('.github/workflows/build.yml', workflow, { lang: 'en' }).findings.filter((f) => f.ruleId === 'unpinned-action');
    assert.deepEqual(
      findings.map((f) => [f.range.start.line, f.related?.map((r) => [r.range.start.line, r.message])]),
      [
        [
          7,
          [
            [8, 'docker/login-action on a movable tag'],
            [11, 'docker/build-push-action on a movable tag'],
          ],
        ],
      ],
    );
  });

  it("reads a linted Python document's project facts from its kept tree, as a lint with facts gives them", async () => {
    const lint = await engine();
    const app = readFileSync(join(ROOT, 'test/fixtures/demo-workspace/app.py'), 'utf8');
    const key = 'file:///facts-later/app.py';
    assert.equal(lint.documentFacts(key), undefined);
    lint.lintDocument(key, app);
    const later = lint.documentFacts(key);
    assert.ok(later);
    assert.deepEqual(later, lint.lintText(key, app, { facts: true }).facts);
    lint.lintDocument('file:///facts-later/deploy.yaml', DEPLOYMENT);
    assert.equal(lint.documentFacts('file:///facts-later/deploy.yaml'), undefined);
    lint.forget(key);
    lint.forget('file:///facts-later/deploy.yaml');
    assert.equal(lint.documentFacts(key), undefined);
  });

  describe('warmUp', () => {
    it('parses valid samples of every grammar once, and changes no later finding', async () => {
      const cold = await LintEngine.create(nodeModulesWasm(ROOT));
      for (const [language, sample] of Object.entries(WARM_UP_SAMPLES)) {
        const tree = (cold as unknown as { parsers: { parse(l: string, t: string): { rootNode: { hasError: boolean; descendantCount: number }; delete(): void } } }).parsers.parse(
          language,
          sample,
        );
        // A sample with syntax errors would warm the parser's error recovery, not the code real files take.
        assert.equal(tree.rootNode.hasError, false, language);
        assert.ok(tree.rootNode.descendantCount > 300, language);
        tree.delete();
      }
      assert.equal(cold.warmUp('python'), true);
      assert.equal(cold.warmUp('python'), false, 'a second warm-up does nothing');
      assert.equal(cold.warmUp('yaml'), true);
      const text = `${FLASK}${DEBUG}`;
      assert.deepEqual(cold.lintDocument('a.py', text).findings, (await LintEngine.create(nodeModulesWasm(ROOT))).lintDocument('a.py', text).findings);
    });

    it('does nothing once a document was linted (that lint warmed the same code)', async () => {
      const used = await LintEngine.create(nodeModulesWasm(ROOT));
      used.lintDocument('app.py', FLASK);
      assert.equal(used.warmUp('yaml'), false);
      assert.equal(used.warmUp('python'), false);
      const pythonOnly = await LintEngine.create(nodeModulesWasm(ROOT), ALL_RULES, ['python']);
      assert.equal(pythonOnly.warmUp('yaml'), false, 'a grammar that is not loaded is left alone');
    });

    it("lints the rules' own examples (the first alone, then in batches), then stops, and changes no later finding", async () => {
      const engine = await LintEngine.create(nodeModulesWasm(ROOT), ALL_RULES, ['python']);
      assert.equal(engine.warmUpRule('yaml'), false, 'a grammar that is not loaded is left alone');
      const examples = ALL_RULES.filter((rule) => !('scope' in rule) && rule.language === 'python').length;
      let steps = 0;
      while (engine.warmUpRule('python')) steps++;
      assert.equal(steps, 1 + Math.ceil((examples - 1) / WARM_UP_BATCH), 'the first example alone, then a batch per step');
      assert.equal(engine.warmUpRule('python'), false, 'done once every example ran');
      const fresh = await LintEngine.create(nodeModulesWasm(ROOT), ALL_RULES, ['python']);
      for (const rule of ALL_RULES.filter((each) => !('scope' in each) && each.language === 'python')) {
        for (const text of [rule.docs.bad, rule.docs.good, `${FLASK}${DEBUG}`]) {
          assert.deepEqual(engine.lintText(`${rule.id}.py`, text).findings, fresh.lintText(`${rule.id}.py`, text).findings, rule.id);
        }
      }
    });

    it('lints no example once a document was linted', async () => {
      const engine = await LintEngine.create(nodeModulesWasm(ROOT));
      assert.equal(engine.warmUpRule('yaml'), true);
      engine.lintDocument('app.py', FLASK);
      assert.equal(engine.warmUpRule('python'), false);
      assert.equal(engine.warmUpRule('yaml'), false);
    });

    it("compiles a grammar's queries as a step of its own, once, and the sample run still follows", async () => {
      const engine = await LintEngine.create(nodeModulesWasm(ROOT), ALL_RULES, ['python']);
      assert.equal(engine.compileQueries('yaml'), false, 'a grammar that is not loaded is left alone');
      assert.equal(engine.compileQueries('python'), true);
      assert.equal(engine.compileQueries('python'), false, 'compiled once');
      assert.equal(engine.warmUp('python'), true);
      const text = `${FLASK}${DEBUG}`;
      assert.deepEqual(engine.lintDocument('a.py', text).findings, (await LintEngine.create(nodeModulesWasm(ROOT))).lintDocument('a.py', text).findings);
    });
  });

  describe('incremental lintDocument', () => {
    /** A small deterministic PRNG, so a failure can be replayed. */
    function random(seed: number): () => number {
      return () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
    }
    const SNIPPETS = [
      DEBUG,
      "    app.run(host='0.0.0.0', debug=True)\n",
      '# 한국어 주석: 모델을 불러옵니다 😀\n',
      "app.config['DEBUG'] = True\n",
      'def predict(x):\n    return x\n',
      'if __name__ == "__main__":\n',
      'class Broken(:\n',
      "x = '문자열'; app.debug = True\n",
      '\n',
      'import uvicorn\nuvicorn.run(app, reload=True)\n',
    ];

    function mutate(text: string, next: () => number): string {
      const textLines = text.split('\n');
      const at = Math.floor(next() * textLines.length);
      const choice = next();
      if (choice < 0.35) textLines.splice(at, 0, SNIPPETS[Math.floor(next() * SNIPPETS.length)].replace(/\n$/, ''));
      else if (choice < 0.6 && textLines.length > 3) textLines.splice(at, 1 + Math.floor(next() * 2));
      else {
        // An edit in the middle of a line: insert or delete a few characters.
        const line = textLines[at] ?? '';
        const column = Math.floor(next() * (line.length + 1));
        textLines[at] =
          next() < 0.5
            ? line.slice(0, column) + ['x', ' ', '(', '한', ')', ':', 'True'][Math.floor(next() * 7)] + line.slice(column)
            : line.slice(0, column) + line.slice(column + 2);
      }
      return textLines.join('\n');
    }

    for (const [name, start] of [
      ['python', `${FLASK}\n${DEBUG}\ndef handler():\n    # 요청 처리\n    return 'ok'\n\nif __name__ == '__main__':\n    app.run(debug=True)\n`],
      ['yaml', `${DEPLOYMENT}---\n# 두 번째 문서\n${DEPLOYMENT}`],
    ] as const) {
      it(`matches a full lint after every one of 150 random edits (${name})`, async () => {
        const lint = await engine();
        const key = `doc-${name}.${name === 'python' ? 'py' : 'yaml'}`;
        const next = random(name.length * 7919);
        let text: string = start;
        try {
          for (let step = 0; step < 150; step++) {
            text = name === 'python' ? mutate(text, next) : mutate(text, next).replace(/\(|\)/g, '');
            const incremental = lint.lintDocument(key, text);
            const full = lint.lintText(key, text);
            assert.deepEqual(incremental, full, `step ${step} diverged for:\n${text}`);
          }
        } finally {
          lint.forget(key);
        }
      });
    }

    it('starts over when the language of a key changes', async () => {
      const lint = await engine();
      lint.lintDocument('untitled:1', `${FLASK}${DEBUG}`, { language: 'python' });
      const result = lint.lintDocument('untitled:1', DEPLOYMENT, { language: 'yaml' });
      assert.deepEqual(result, lint.lintText('untitled:1', DEPLOYMENT, { language: 'yaml' }));
      assert.equal(result.findings.length, 1);
      lint.forget('untitled:1');
    });
  });

  describe('suppression comments', () => {
    const lintWith = async (text: string) => lines((await engine()).lintText('app.py', `${FLASK}${text}`));

    it('`# ai-teacher: ignore` silences every rule on its line', async () => {
      assert.deepEqual(await lintWith(`app.run(debug=True)  # ai-teacher: ignore\n${DEBUG}`), [4]);
    });
    it('`ignore[rule]` silences only the named rules', async () => {
      assert.deepEqual(await lintWith(`app.run(debug=True)  # ai-teacher: ignore[debug-mode-enabled]\n`), []);
      assert.deepEqual(await lintWith(`app.run(debug=True)  # ai-teacher: ignore[other-rule]\n`), [3]);
      assert.deepEqual(await lintWith(`app.run(debug=True)  # ai-teacher: ignore[other-rule, debug-mode-enabled]\n`), []);
    });
    it('a comment alone on its line applies to the next line only', async () => {
      assert.deepEqual(await lintWith(`# ai-teacher: ignore[debug-mode-enabled]\n${DEBUG}${DEBUG}`), [5]);
    });
    it('`ignore-file[rule]` silences the rule in the whole file', async () => {
      assert.deepEqual(await lintWith(`${DEBUG}# ai-teacher: ignore-file[debug-mode-enabled]\n${DEBUG}`), []);
    });
    it('works in YAML on the line before a key', async () => {
      const text = DEPLOYMENT.replace('        - name: api', '        # ai-teacher: ignore[missing-readiness-probe]\n        - name: api');
      assert.deepEqual((await engine()).lintText('deploy.yaml', text).findings, []);
      assert.equal((await engine()).lintText('deploy.yaml', DEPLOYMENT).findings.length, 1);
    });
  });

  describe('config', () => {
    const withConfig = async (yaml: string) => {
      const { config, errors } = parseConfig(yaml, '.ai-teacher.yml', new Set(ALL_RULES.map((r) => r.id)));
      assert.deepEqual(errors, []);
      return (await engine()).lintText('app.py', `${FLASK}${DEBUG}`, { config });
    };
    const severities = (result: LintResult) => result.findings.map((f) => f.severity);

    it('changes a rule severity', async () => {
      assert.deepEqual(severities(await withConfig('rules:\n  debug-mode-enabled: info\n')), ['info']);
    });
    it('turns a rule off', async () => {
      assert.deepEqual(severities(await withConfig('rules:\n  debug-mode-enabled: off\n')), []);
    });
    it('changes or turns off a whole category; a rule entry wins over its category', async () => {
      assert.deepEqual(severities(await withConfig('categories:\n  security: warning\n')), ['warning']);
      assert.deepEqual(severities(await withConfig('categories:\n  security: off\n')), []);
      assert.deepEqual(severities(await withConfig('categories:\n  security: off\nrules:\n  debug-mode-enabled: error\n')), ['error']);
    });
    it('reports every problem in a config file instead of throwing', () => {
      const known = new Set(ALL_RULES.map((r) => r.id));
      const { errors } = parseConfig(
        'rules:\n  no-such-rule: off\n  debug-mode-enabled: loud\ncategories:\n  speed: off\nfailLevel: panic\nmaxFileSize: -1\nextra: 1\n',
        'c.yml',
        known,
      );
      assert.equal(errors.length, 6, errors.join('\n'));
      assert.match(parseConfig('rules: [', 'c.yml').errors[0], /cannot parse/);
      assert.match(parseConfig('[1]', 'c.json').errors[0], /top level must be a mapping/);
      const empty: ProjectConfig = parseConfig('', 'c.yml').config;
      assert.deepEqual(empty, EMPTY_CONFIG);
    });
  });
});
