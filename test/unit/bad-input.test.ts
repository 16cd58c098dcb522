import * as assert from 'node:assert/strict';
import { EMPTY_CONFIG } from '../../src/language/config';
import { fileStatus } from '../../src/language/notices';
import { lintProject } from '../../src/language/project/run';
import type { LintResult } from '../../src/language/types';
import { definedNames } from '../../src/teacher/context-policy';
import { fileFacts } from '../../src/teacher/facts';
import { strengthsOf } from '../../src/teacher/strengths';
import { engine as fullEngine } from '../helpers/engine';
import { referenceEngine as engine } from '../helpers/reference-engine';

/**
 * Inputs a learner's workspace really contains. The contract: no throw, no hang, the rest of
 * the file is still linted where the tree allows, and anything skipped says why.
 */
const FLASK = 'from flask import Flask\napp = Flask(__name__)\n';
const DEBUG = 'app.run(debug=True)\n';

function at(result: LintResult): string[] {
  return result.findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.column + 1}`);
}
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('bad input', () => {
  it('an empty Python or YAML file is clean', async () => {
    const lint = await engine();
    for (const name of ['empty.py', 'empty.yaml']) {
      const result = lint.lintBytes(name, new Uint8Array());
      assert.deepEqual(result.findings, []);
      assert.deepEqual(result.notices, []);
    }
  });

  it('a binary file is skipped with a reason', async () => {
    const result = (await engine()).lintBytes('model.py', new Uint8Array([0x80, 0x04, 0x95, 0x00, 0x01, 0x02]));
    assert.deepEqual(result.findings, []);
    assert.equal(result.notices.length, 1);
    assert.equal(result.notices[0].kind, 'skipped');
    assert.equal(result.notices[0].code, 'binary');
    assert.match(result.notices[0].message, /binary/);
    assert.equal(fileStatus(result), 'skipped');
  });

  it('invalid UTF-8 is decoded with replacement characters, reported, and still linted', async () => {
    const result = (await engine()).lintBytes('app.py', bytes(FLASK, '# caf', [0xe9], '\n', DEBUG));
    assert.deepEqual(at(result), ['debug-mode-enabled@4:9']);
    assert.deepEqual(
      result.notices.map((n) => [n.kind, n.code]),
      [['encoding', 'invalid-utf8']],
    );
    assert.match(result.notices[0].message, /invalid UTF-8/);
    assert.equal(fileStatus(result), 'partial');
  });

  it('a UTF-8 BOM does not shift lines or columns', async () => {
    const result = (await engine()).lintBytes('app.py', bytes([0xef, 0xbb, 0xbf], FLASK, DEBUG));
    assert.deepEqual(at(result), ['debug-mode-enabled@3:9']);
    assert.deepEqual(result.notices, []);
  });

  it('CRLF line endings keep lines and columns right', async () => {
    const text = `${FLASK}x = 1\n    \n${DEBUG}`.replace(/\n/g, '\r\n');
    const result = (await engine()).lintText('app.py', text);
    assert.deepEqual(at(result), ['debug-mode-enabled@5:9']);
    assert.equal(result.findings[0].range.end.line, 4);
  });

  it('tabs count as one column, as in VS Code', async () => {
    const result = (await engine()).lintText('app.py', `${FLASK}if True:\n\t${DEBUG}`);
    assert.deepEqual(at(result), ['debug-mode-enabled@4:10']);
  });

  it('columns are UTF-16 code units after Korean text and emoji', async () => {
    const result = (await engine()).lintText('app.py', `${FLASK}x = '한국어 😀'; ${DEBUG}`);
    // "x = '한국어 😀'; " is 4 + 1 + 3 + 1 + 2 + 1 + 2 = 14 code units, then "app.run(" is 8.
    assert.deepEqual(at(result), ['debug-mode-enabled@3:23']);
  });

  describe('a 10 MB file', function () {
    this.timeout(120_000);
    const line = "def handler_N(request):\n    value = compute(request.args.get('x'), [1, 2, 3], {'a': 1})\n    return value\n";
    const parts = [FLASK];
    let size = FLASK.length;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const part = line.replace('N', String(i));
      parts.push(part);
      size += part.length;
    }
    parts.push(DEBUG);
    const big = parts.join('');

    it('is skipped with a reason by default', async () => {
      const result = (await engine()).lintBytes('big.py', Buffer.from(big));
      assert.deepEqual(result.findings, []);
      assert.match(result.notices[0].message, /10\.0 MB, over the 2\.0 MB limit \(maxFileSize/);
    });

    it('is linted to the end when maxFileSize is raised', async () => {
      const result = (await engine()).lintText('big.py', big, { config: { ...EMPTY_CONFIG, maxFileSize: 20 * 1024 * 1024 } });
      assert.equal(result.findings.length, 1);
      assert.equal(result.findings[0].range.start.line, big.split('\n').length - 2);
    });
  });

  it('a model load in a file with thousands of None guards and validators stays linear (model-load-failure-ignored, permissive-request-schema)', async () => {
    const guards = 'if model is None:\n    x = 1\n'.repeat(20_000);
    const validators = '    @field_validator("text"\n'.repeat(5_000);
    const text = `import joblib\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\napp = FastAPI()\ntry:\n    model = joblib.load("m.pkl")\nexcept Exception:\n    model = None\n${guards}class Req(BaseModel):\n    text: str\n${validators}\n@app.post("/p")\ndef p(req: Req):\n    return {}\n`;
    const started = Date.now();
    const result = (await engine()).lintText('app.py', text, { config: { ...EMPTY_CONFIG, maxFileSize: 20 * 1024 * 1024 } });
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.ok(Array.isArray(result.findings));
  });

  it('Python 2 syntax does not stop the rules', async () => {
    const text = `${FLASK}print "starting"\nexec "x = 1"\ntry:\n    pass\nexcept Exception, e:\n    print e\n${DEBUG}`;
    const result = (await engine()).lintText('legacy.py', text);
    assert.deepEqual(at(result), ['debug-mode-enabled@9:9']);
    // tree-sitter accepts this without an ERROR node; the promised syntax notice still comes.
    assert.deepEqual(
      result.notices.map((n) => [n.kind, n.code, n.range?.start.line]),
      [['syntax', 'python2', 2]],
    );
    assert.match(result.notices[0].message, /^Python 2 syntax near line 3 \(print statement\)/);
    assert.equal(fileStatus(result), 'partial');
  });

  it('each Python 2 construct tree-sitter accepts gets the notice; Python 3 look-alikes do not', async () => {
    const lint = await engine();
    const python2: Record<string, string> = {
      'print >>sys.stderr, "x"': 'print statement',
      'exec code in ns': 'exec statement',
      'raise ValueError, "bad"': 'raise E, "message"',
      'x = `y`': 'backtick repr',
      'ok = a <> b': '<> operator',
      's = ur"abc"': 'ur"..." string',
      'mode = 0755': 'old octal or long integer literal',
      'n = 10L': 'old octal or long integer literal',
      'def f((a, b)):\n    pass': 'tuple parameter',
    };
    for (const [line, what] of Object.entries(python2)) {
      const result = lint.lintText('legacy.py', `import os\n${line}\n`);
      assert.deepEqual(
        result.notices.map((n) => n.code),
        ['python2'],
        line,
      );
      assert.ok(result.notices[0].message.includes(`near line 2 (${what})`), `${line}: ${result.notices[0].message}`);
    }
    const python3 = [
      'print("x")',
      'print (x)',
      'print(x, file=sys.stderr)',
      'exec("x")',
      'raise E("m") from e',
      '"""use `foo` and 0755 here"""',
      'n = 0o755 + 0x1F + 00',
      'print = log.info',
      'try:\n    pass\nexcept (A, B):\n    pass',
    ];
    for (const line of python3) assert.deepEqual(lint.lintText('modern.py', `${line}\n`).notices, [], line);
  });

  describe('YAML over 32,768 lines (the grammar scanner wraps its row at 32,768)', function () {
    this.timeout(180_000);
    /**
     * One Deployment per item, every seventh without a readinessProbe, each with a block scalar
     * whose text looks like YAML keys: the scanner's wrap rows land in all kinds of lines.
     * Returns the text and the findings it must produce, computed from the generator alone.
     */
    function generate(lines: number, asList: boolean): { text: string; expected: string[]; items: number } {
      const out: string[] = asList ? ['apiVersion: v1', 'kind: List', 'items:'] : [];
      const expected: string[] = [];
      const pad = asList ? '  ' : '';
      let items = 0;
      while (out.length < lines) {
        if (!asList && items > 0) out.push('---');
        const start = out.length;
        const body = [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          `  name: api-${items}`,
          'spec:',
          '  replicas: 2',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: api',
          '          image: r/m:1.0.0',
          '          args:',
          '            - |',
          `              echo start ${items}`,
          '              port: 8080',
          '              # not a comment, a line of the script',
        ];
        if (items % 7 !== 3) body.push('          readinessProbe: {httpGet: {path: /ready, port: 8080}}');
        else expected.push(`missing-readiness-probe@${start + 10}:${pad.length + 17}`);
        out.push(...body.map((line, i) => (asList ? `${i === 0 ? '- ' : '  '}${line}` : line)));
        items++;
      }
      return { text: `${out.join('\n')}\n`, expected, items };
    }
    const big = { ...EMPTY_CONFIG, maxFileSize: 20 * 1024 * 1024 };

    it('a 100,000-line stream of documents keeps every finding at its exact line', async () => {
      const { text, expected, items } = generate(100_000, false);
      const result = (await engine()).lintText('bundle.yaml', text, { config: big });
      assert.deepEqual(result.notices, []);
      assert.equal(expected.length, Math.floor((items + 3) / 7));
      assert.deepEqual(at(result), expected);
    });

    it('a single 100,000-line document (a kubectl List) keeps every finding at its exact line', async () => {
      const { text, expected } = generate(100_000, true);
      const result = (await engine()).lintText('list.yaml', text, { config: big });
      assert.deepEqual(result.notices, []);
      assert.deepEqual(at(result), expected);
    });

    it("the issue's reproduction: a Deployment followed by 32,760 plain keys", async () => {
      const deployment =
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: r/m:1.0.0\n';
      const keys = Array.from({ length: 32_760 }, (_, i) => `k${i}: ${i}\n`).join('');
      const result = (await engine()).lintText('repro.yaml', deployment + keys, { config: big });
      assert.deepEqual(result.notices, []);
      assert.deepEqual(at(result), ['missing-readiness-probe@9:17']);
    });

    it('a block scalar across the wrap row (a ConfigMap embedding a 40,000-line file) is no syntax error', async () => {
      const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  big.txt: |\n${Array.from({ length: 40_000 }, (_, i) => `    line ${i}: value\n`).join('')}  other: x\n`;
      const deployment =
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: r/m:1.0.0\n';
      const text = `${configMap}---\n${deployment}`;
      const result = (await engine()).lintText('configmap.yaml', text, { config: big });
      assert.deepEqual(result.notices, []);
      assert.deepEqual(at(result), [`missing-readiness-probe@${40_007 + 1 + 9}:17`]);
      assert.equal(result.summary?.lineCount, text.split('\n').length);
    });

    it('a real syntax error past line 32,768 is still reported at its line, and only costs that line', async () => {
      const { text } = generate(40_000, true);
      const lines = text.split('\n');
      lines[35_000] = `${lines[35_000]} [unclosed`;
      const result = (await engine()).lintText('broken-list.yaml', lines.join('\n'), { config: big });
      assert.deepEqual(
        result.notices.map((n) => [n.kind, n.range?.start.line]),
        [['syntax', 35_000]],
      );
      assert.ok(result.findings.length > 300);
    });
  });

  it('broken YAML is reported as a syntax notice, not a crash', async () => {
    const result = (await engine()).lintText('broken.yaml', 'a: [1, 2\nb: {c: d\n  - x\n: :\n\t- tab\n');
    assert.deepEqual(result.findings, []);
    assert.ok(result.notices.some((n) => n.kind === 'syntax'));
    assert.ok(!result.notices.some((n) => n.kind === 'internal-error'));
  });

  it('pathologically deep nesting never throws', async () => {
    const lint = await engine();
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    for (const [name, text] of [
      ['deep.py', `x = ${deep}\n`],
      ['deep.yaml', `a: ${deep}\n`],
      ['deep.json.yaml', `${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}\n`],
    ]) {
      const result = lint.lintText(name, text);
      assert.ok(Array.isArray(result.findings), name);
    }
    const python = lint.lintText('deep.py', `${FLASK}x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n${DEBUG}`);
    assert.deepEqual(at(python), ['debug-mode-enabled@4:9']);
  });

  it('blank lines of spaces in a class body cannot make a scan backtrack without bound', async () => {
    // A regex that spanned a class body (whitespace-only lines matched two ways, every split of
    // their spaces tried) took 56 s on eight such lines and doubled with each one more. All rules.
    const lint = await fullEngine();
    const blank = '        \n'.repeat(40);
    const text = `from fastapi import FastAPI\nfrom pydantic import BaseModel\napp = FastAPI()\n\nclass Form(BaseModel):\n    name: str\n${blank}x = 1\n\nclass Answer(BaseModel):\n    ok: bool\n\n@app.post('/predict', response_model=Answer)\ndef predict(form: Form):\n    try:\n        return Answer(ok=bool(form.name))\n    except Exception as e:\n        return {'error': str(e)}\n`;
    const result = lint.lintText('service.py', text);
    // The response model carries the failure field, so the error returned as a 200 is a documented choice.
    assert.ok(!at(result).some((f) => f.startsWith('wrong-error-status')), at(result).join(' '));
    assert.ok(!result.notices.some((n) => n.kind === 'internal-error'));
  });

  it('a run line of many key=value pairs cannot make the bookkeeping-line check backtrack without bound', async () => {
    // `URL=a=b&a=b&... run`: one regex cut it into assignments every possible way (6 s at 22 pairs, doubling with each).
    const lint = await fullEngine();
    const line = `URL=${'a=b&'.repeat(60)} python fetch.py`;
    const workflow = `on: push\njobs:\n  fetch:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${line}\n`;
    const result = lint.lintText('.github/workflows/fetch.yml', workflow);
    // The line runs a program, so the job can hang and is asked for a timeout; assignments alone would not be.
    assert.ok(at(result).includes('missing-job-timeout@3:3'), at(result).join(' '));
    const bookkeeping = lint.lintText('.github/workflows/fetch.yml', workflow.replace(' python fetch.py', ''));
    assert.ok(!at(bookkeeping).some((f) => f.startsWith('missing-job-timeout')), at(bookkeeping).join(' '));
  });

  it('a long continued airflow users create command cannot make the command-password scan backtrack without bound', async () => {
    // The scan reads on over backslash-continued lines to the --password flag; with no flag, each
    // start of the command is read to its end once, not every way of splitting it.
    const lint = await fullEngine();
    const lines = '          --role Admin \\\n'.repeat(3000);
    const compose = `services:\n  init:\n    image: apache/airflow:2.9.3\n    command: |\n      airflow users create \\\n${lines}          --username admin\n`;
    const started = Date.now();
    const result = lint.lintText('docker-compose.yml', compose);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.ok(!at(result).some((f) => f.startsWith('literal-secret-in-env')), at(result).join(' '));
    const written = lint.lintText('docker-compose.yml', compose.replace('--username admin', '--password admin'));
    assert.ok(at(written).includes(`literal-secret-in-env@${3006}:22`), at(written).join(' '));
  });

  it('blank lines of spaces in a manifest cannot make the strengths scan backtrack without bound', async () => {
    // `^\s*-?\s*image:` over whole text tried every split of a whitespace run between its two
    // `\s*` from every line start: ten seconds on a thousand such lines, cubic in their number.
    const blank = '  \n'.repeat(1500);
    const text = `apiVersion: apps/v1\nkind: Deployment\n${blank}spec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          resources:\n${blank}            requests:\n              cpu: 100m\n`;
    const said = strengthsOf(fileFacts('deploy.yaml', text, undefined), [], 'en');
    assert.deepEqual(said, ['containers declare their `resources`', 'the image is pinned to `ghcr.io/acme/api:1.4.2`']);
  });

  it('a bentofile package item of 200,000 characters, or a multi-line one, is read in one pass', async () => {
    // The package pattern runs on one item at a time; a block scalar spanning lines is no requirement at all.
    const lint = await fullEngine();
    const long = `${'a'.repeat(200_000)}!`;
    const bentofile = `service: "service:svc"\npython:\n  packages:\n    - ${long}\n    - |\n${'      numpy  \n'.repeat(2000)}    - pandas\n`;
    const started = Date.now();
    const { results, project } = lintProject(lint, [{ path: 'bentofile.yaml', text: bentofile }]);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.deepEqual(
      project.notices.filter((n) => n.kind === 'internal-error'),
      [],
    );
    const unpinned = results.flatMap((r) => r.findings).filter((f) => f.ruleId === 'unpinned-dependencies');
    assert.deepEqual(
      unpinned.map((f) => f.range.start.line + 1),
      [4],
    );
  });

  it('a long run of empty lines cannot make the defined-names scan backtrack without bound', () => {
    // `^\s*-?\s*name:` from every line start split each run of empty lines every way between its
    // two `\s*`: three seconds on a thousand empty lines, seventeen on two thousand.
    const empty = '\n'.repeat(2000);
    const text = `import os\n${empty}class Scorer:\n${empty}    def predict(self):\n        return 1\n${empty}steps:\n  - name: build_image\n`;
    assert.deepEqual([...definedNames(text)].sort(), ['Scorer', 'build_image', 'predict', 'steps']);
  });

  it('trailing spaces after the sleeps of a worker loop cannot make its keep-alive check backtrack without bound', async () => {
    // The keep-alive pattern let the spaces after each `time.sleep(1)` go to that line or the
    // next: sixteen such lines before a line of work took over thirty seconds. All rules.
    const lint = await fullEngine();
    const sleeps = '        time.sleep(1)  \n'.repeat(40);
    const text = `import time\nimport queue\n\njobs = queue.Queue()\n\ndef work():\n    while True:\n${sleeps}        job = jobs.get()\n        job.run()\n`;
    const result = lint.lintText('worker.py', text);
    assert.ok(!result.notices.some((n) => n.kind === 'internal-error'));
    // Trailing spaces change nothing a learner is told.
    assert.deepEqual(at(result), at(lint.lintText('worker.py', text.replace(/ +\n/g, '\n'))));
  });

  it('a fallback message carried out of an except through a long line after it cannot make wrong-error-status backtrack without bound', async () => {
    // The carried-return reading looks for `name = ... message ...` and then `return ... name`
    // after the try; a 200,000-character line that names neither must stay one pass per line.
    const lint = await fullEngine();
    const long = `    note = "${'x = y; '.repeat(30_000)}"\n`.repeat(3);
    const text = `from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n@app.route("/score", methods=["POST"])\ndef score():\n    try:\n        answer = compute()\n    except ValueError:\n        message = "exception raised"\n${long}    response = {"message": message}\n    return jsonify(response)\n`;
    const started = Date.now();
    const result = lint.lintText('service.py', text);
    assert.ok(Date.now() - started < 20_000);
    assert.ok(!result.notices.some((n) => n.kind === 'internal-error'));
    assert.ok(result.findings.some((f) => f.ruleId === 'wrong-error-status'));
  });

  it('a global statement followed by a long run of spaces cannot make the main-guard loader scan backtrack without bound', async () => {
    // `global[ \t]+([\w \t,]+)$` let the spaces after `global` go to either quantifier, every split
    // tried on a line that never reaches its end: the name group now starts with a word character.
    const lint = await fullEngine();
    const spaces = ' '.repeat(20000);
    const text = `import joblib\nfrom flask import Flask\n\napp = Flask(__name__)\nmodel = None\n\n@app.route('/p')\ndef p():\n    return str(model)\n\ndef load(path):\n    global${spaces}!\n    global model\n    model = joblib.load(path)\n\nif __name__ == '__main__':\n    load('m.pkl')\n    app.run()\n`;
    const started = Date.now();
    const result = lint.lintText('serve.py', text);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.ok(at(result).includes('setup-only-in-main-guard@17:5'), at(result).join(' '));
  });

  it('a run line of 40,000 curl words is read in one pass by the deploy, step-command and smoke-check patterns', async () => {
    // Each of these looked ahead from every `curl` (or `docker compose`) to the end of the line for a
    // verb, a flag or a hook: a 200,000-character generated line took half a minute. The look-ahead is
    // now bounded and a script line is read only as far as a command runs.
    const lint = await fullEngine();
    const words = `${'curl docker compose '.repeat(13_000)}`;
    const workflow = `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: smoke test\n        run: ${words}\n      - run: ${words}\n`;
    const started = Date.now();
    const result = lint.lintText('.github/workflows/deploy.yml', workflow);
    assert.ok(!result.notices.some((n) => n.kind === 'internal-error'));
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  });

  it('a run script with a quote left open cannot make the deploy patterns scan without bound', async () => {
    // A quoted remote script is joined onto its ssh line; a stray quote once joined thousands of
    // lines into one, and the ssh look-ahead scanned the rest of that line from every "ssh" on it.
    const lint = await fullEngine();
    const lines = '          ssh host docker compose x docker compose y\n'.repeat(3000);
    const workflow = `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo "\n${lines}`;
    const started = Date.now();
    const result = lint.lintText('.github/workflows/deploy.yml', workflow);
    assert.ok(!result.notices.some((n) => n.kind === 'internal-error'));
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  });

  it('a long line of open subscripts cannot make the mutable-default scan of default-evaluated-once backtrack without bound', async () => {
    // The mutation check looks for `name[...] =` in the body; a subscript stops at the next `[`,
    // so a 180,000-character line of `items[` is one pass, not one scan to the line's end per `[`.
    const lint = await fullEngine();
    const text = `def add(item, items=[]):\n    note = "${'items['.repeat(30_000)}"\n    items.append(item)\n    return items\n`;
    const started = Date.now();
    const result = lint.lintText('helpers.py', text);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.ok(at(result).includes('default-evaluated-once@1:21'), at(result).join(' '));
  });

  it('a 100,000-character alert expression is read in one pass, however it nests', async () => {
    // The PromQL reader of mismatched-ratio-labels and histogram-quantile-without-le lexes once and gives up past a fixed nesting
    // depth; a chain of divisions, deep parentheses, unary minus runs and unclosed matchers or
    // strings must neither hang nor overflow the stack.
    const lint = await fullEngine();
    const chain = `rate(x_total{a="1"}[5m]) / rate(x_total[5m])${' / rate(x_total[5m])'.repeat(5000)}`;
    const expressions = [
      chain,
      `${'('.repeat(50_000)}x${')'.repeat(50_000)}`,
      `${'-'.repeat(100_000)}x`,
      `sum(rate(x_total{a="${'b'.repeat(100_000)}`,
      `x ${'^ x '.repeat(25_000)}`,
      `histogram_quantile(0.9, sum(rate(x_bucket[5m]))${' + histogram_quantile(0.9, sum(rate(x_bucket[5m])))'.repeat(1500)})`,
    ];
    for (const expression of expressions) {
      const text = `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: '${expression}'\n        for: 5m\n`;
      const started = Date.now();
      const result = lint.lintText('rules.yml', text);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
      assert.ok(!result.notices.some((n) => n.kind === 'internal-error'), JSON.stringify(result.notices));
    }
  });

  it('a ConfigMap prometheus.yml of long blank and near-miss lines is scanned for its scrape_interval in one pass', async () => {
    // rate-window-too-short reads `scrape_interval:` lines inside a ConfigMap's embedded text; runs of
    // spaces and tabs, and keys that never reach their colon, must not make that scan backtrack.
    const lint = await fullEngine();
    const noise = `      ${' \t'.repeat(20_000)}\n      scrape_interval${' '.repeat(20_000)}x\n`.repeat(20);
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prometheus\ndata:\n  prometheus.yml: |\n    global:\n' +
      `${noise}      scrape_interval: 15s\n    scrape_configs:\n      - job_name: api\n` +
      '  alerts.yml: |\n    groups:\n      - name: g\n        rules:\n          - alert: A\n            expr: rate(x_total[20s]) > 1\n            for: 5m\n';
    const started = Date.now();
    const result = lint.lintText('prometheus-config.yaml', text);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.ok(!result.notices.some((n) => n.kind === 'internal-error'), JSON.stringify(result.notices));
    assert.ok(
      at(result).some((f) => f.startsWith(`rate-window-too-short@${text.split('\n').length - 2}:`)),
      at(result).join(' '),
    );
  });

  it('a file that is neither Python nor YAML is skipped with a reason', async () => {
    const result = (await engine()).lintText('Dockerfile', 'FROM python:3.12\n');
    assert.match(result.notices[0].message, /not a Python or YAML file/);
  });
});
