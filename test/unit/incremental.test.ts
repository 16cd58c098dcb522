import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { multiDocYaml, pythonService } from '../../scripts/bench-corpus';
import type { LintEngine } from '../../src/language/engine';
import { EMPTY_CONFIG } from '../../src/language/config';
import { coverChange, diffEdit, nodeModulesWasm, ParserHost, type ChangedSpan } from '../../src/language/parser';
import { Relocator, StatementMemo } from '../../src/language/incremental';
import { undefinedNamesOf } from '../../src/language/python/module-names';
import { PythonModel, type CallInfo, type PythonNodes } from '../../src/language/python/model';
import { undefinedNames } from '../../src/language/python/scopes';
import { yamlSegments } from '../../src/language/yaml/model';
import { nodeRange } from '../../src/language/rule';
import { engine, ROOT } from '../helpers/engine';
import { seeded } from '../helpers/leaky-server';

/**
 * The one-line re-lint (`lintDocument`) builds on the lint before it: nodes found again by
 * position, local rules' findings kept outside the edited statements (incremental.ts). Whatever
 * it keeps, the result must be the one a full lint gives. These tests type into real files:
 * random edits of every kind (insert, delete, change, at the top, middle and end, inside strings
 * and comments, breaking the syntax and mending it, suppression comments, renamed functions and
 * imports), each checked against a full lint of the same text.
 */

type Edit = (lines: string[], at: number, pick: <T>(items: readonly T[]) => T, rand: () => number) => void;

const SNIPPETS = [
  'x = 1',
  'result = requests.get(url)',
  'data = pickle.loads(payload)',
  'print("debug", value)',
  'try:',
  'except Exception:',
  '    pass',
  'return jsonify({"ok": True})',
  'import subprocess',
  'from flask import request',
  'model = joblib.load("model.pkl")',
  '@app.route("/health")',
  'def helper(value):',
  'class Service(Base):',
  'if __name__ == "__main__":',
  'subprocess.run(f"ls {path}", shell=True)',
  'yaml.load(open(path))',
  'eval(expression)',
  'logger.error(str(error))',
  'cursor.execute(f"SELECT * FROM t WHERE id = {user_id}")',
  'features = float(request.json["x"])',
  'prediction = model.predict(features)',
  '@app.errorhandler(Exception)',
  'app.register_error_handler(ValueError, handle_bad_input)',
  'def predict(payload):',
  'frame = pd.read_csv(path)',
  'scores = clf.predict(frame)',
  'for _, row in frame.iterrows():',
  'print(accuracy_score(labels, scores))',
  'MODEL_ID = "acme/sentiment"',
  'tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)',
  'files = glob.glob("models/*.pkl")',
  'chosen = files[0]',
  '"""',
  "'",
  '(',
  ')',
  '',
];

function editsWith(snippets: readonly string[]): Record<string, Edit> {
  return {
    appendComment: (lines, at) => {
      lines[at] += '  # edited';
    },
    insertLine: (lines, at, pick) => {
      const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? '';
      lines.splice(at, 0, indent + pick(snippets));
    },
    copyLine: (lines, at, pick) => {
      // Deletions can empty the file: there is then no line to copy.
      lines.splice(at, 0, lines.length > 0 ? pick(lines) : '');
    },
    deleteLine: (lines, at) => {
      lines.splice(at, 1);
    },
    changeLine: (lines, at, pick) => {
      const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? '';
      lines[at] = indent + pick(snippets);
    },
    insertText: (lines, at, pick, rand) => {
      const line = lines[at] ?? '';
      const column = Math.floor(rand() * (line.length + 1));
      lines[at] = line.slice(0, column) + pick(['(', ')', '"', "'", ':', ' ', 'x', '.load', ', timeout=5', '#', '\\', 'async ', '_v2', '\t']) + line.slice(column);
    },
    deleteText: (lines, at, _pick, rand) => {
      const line = lines[at] ?? '';
      const column = Math.floor(rand() * line.length);
      lines[at] = line.slice(0, column) + line.slice(column + 1 + Math.floor(rand() * 4));
    },
    insideString: (lines, at) => {
      for (let i = 0; i < lines.length; i++) {
        const row = (at + i) % lines.length;
        const quote = lines[row].search(/["']/);
        if (quote !== -1) {
          lines[row] = `${lines[row].slice(0, quote + 1)}v2 ${lines[row].slice(quote + 1)}`;
          return;
        }
      }
    },
    renameDef: (lines, at) => {
      for (let i = 0; i < lines.length; i++) {
        const row = (at + i) % lines.length;
        if (/\bdef \w+/.test(lines[row])) {
          lines[row] = lines[row].replace(/\bdef (\w+)/, 'def $1_renamed');
          return;
        }
      }
    },
    addImport: (lines, _at, pick) => {
      lines.splice(
        0,
        0,
        pick([
          'import pickle',
          'import requests',
          'from flask import Flask',
          'import yaml',
          'import torch',
          'from fastapi import FastAPI',
          'from transformers import AutoTokenizer',
        ]),
      );
    },
    suppress: (lines, at, pick) => {
      lines[at] += pick(['  # ai-teacher: ignore', '  # ai-teacher: ignore[print-instead-of-logging]']);
    },
    suppressAbove: (lines, at) => {
      const indent = /^\s*/.exec(lines[at] ?? '')?.[0] ?? '';
      lines.splice(at, 0, `${indent}# ai-teacher: ignore`);
    },
    indent: (lines, at) => {
      lines[at] = `    ${lines[at] ?? ''}`;
    },
    dedent: (lines, at) => {
      lines[at] = (lines[at] ?? '').replace(/^ {1,4}/, '');
    },
    joinLines: (lines, at) => {
      if (at + 1 < lines.length) lines.splice(at, 2, `${lines[at]} ${lines[at + 1].trim()}`);
    },
    atEnd: (lines, _at, pick) => {
      lines.push(pick(snippets));
    },
    // Typing inside a function's body, the edit a re-lint meets most and the one whose findings
    // elsewhere the statement- and handler-local rules keep.
    insideBody: (lines, at, pick) => {
      for (let i = 0; i < lines.length; i++) {
        const row = (at + i) % lines.length;
        const indent = /^[ \t]+(?=\S)/.exec(lines[row])?.[0];
        if (indent === undefined) continue;
        lines.splice(row + 1, 0, indent + pick(snippets));
        return;
      }
    },
    addDecorator: (lines, at, pick) => {
      for (let i = 0; i < lines.length; i++) {
        const row = (at + i) % lines.length;
        const def = /^([ \t]*)(?:async\s+)?def\b/.exec(lines[row]);
        if (!def) continue;
        lines.splice(row, 0, def[1] + pick(['@app.route("/v2/predict", methods=["POST"])', '@app.get("/health")', '@celery.task', '@staticmethod', '@app.on_event("startup")']));
        return;
      }
    },
  };
}

const EDITS = editsWith(SNIPPETS);

/** The rules that became `local: 'statement'` after the first ones, typed into by a test of their own. */
const STATEMENT_SCOPED = [
  'retry-without-backoff',
  'wrong-error-status',
  'unauthenticated-state-change',
  'job-without-error-handling',
  'unbounded-request-input',
  'default-evaluated-once',
  // Whole-file, but its check now reads only the main guard's items: typed into as the others are.
  'setup-only-in-main-guard',
];
/** Lines those rules look at: retries and waits, error answers and their statuses, error handlers. */
const SCOPED_EDITS = editsWith([
  ...SNIPPETS,
  'for attempt in range(3):',
  'time.sleep(2 ** attempt)',
  'continue',
  'return {"error": str(error)}',
  'return jsonify({"error": "not found"}), 400',
  'raise ValueError("bad input")',
  'abort(400)',
  'raise HTTPException(status_code=400, detail="missing")',
  'if model is None:',
  'if not api_key:',
  'except KeyError:',
  'api_key: str = Security(header)',
  '@app.errorhandler(ValueError)',
  '@app.delete("/models/{name}")',
  '@app.before_request',
  'token = request.headers.get("Authorization")',
  '# login_required',
  '@celery.task(bind=True)',
  'schedule.every(5).minutes.do(helper)',
  'scheduler.add_job(refresh, "interval", minutes=5)',
  'logger.exception("job failed")',
  'def on_failure(self, exc, task_id, args, kwargs, einfo):',
  'app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024',
  'app.config.from_object("settings")',
  'upload = request.files["image"]',
  'image = base64.b64decode(request.json["image"])',
  'class Item(BaseModel):',
  'name: str',
  'def create(item: Item, note: str = Query(...)):',
  '@app.post("/items", response_model=Item)',
  'def record(event, seen=[], at=datetime.now()):',
  'seen.append(event)',
  'created_at = Column(DateTime, default=datetime.utcnow())',
  'stamp: datetime = datetime.now()',
  '@dataclass',
  'global model',
  'model = joblib.load(MODEL_PATH)',
  'load_model()',
]);

/**
 * Lines typed into the fixtures of the rules whose per-statement parts a re-lint keeps
 * (`PythonModel.perStatement`): names bound, used and hidden (`undefined-name`), apps and the
 * routes registered on them (`duplicate-route`).
 */
const PART_RULES = ['undefined-name', 'duplicate-route'];
const PART_EDITS = editsWith([
  ...SNIPPETS,
  'global counter',
  'counter = 0',
  'counter += 1',
  'return undefined_thing',
  'value = helper_defined_later(value)',
  'def helper_defined_later(value):',
  'class Schema:',
  '    field = other_field',
  'import numpy as np',
  'from typing import TYPE_CHECKING',
  'if TYPE_CHECKING:',
  'except NameError:',
  'except ImportError:',
  'values = [item for item in items if item]',
  'squares = (lambda n: n * factor)(3)',
  'if (total := compute()) > 0:',
  'del counter',
  'nonlocal counter',
  'for name in names:',
  'with open(path) as handle:',
  'raise HTTPException(status_code=422)',
  'match command:',
  '    case Point(x=px):',
  'app = Flask(__name__)',
  'api = FastAPI()',
  'router = APIRouter()',
  '@app.route("/predict", methods=["POST"])',
  '@app.route("/predict", methods=["GET", "POST"], endpoint="predict")',
  '@api.get("/items/{item_id}")',
  '@router.post("/items")',
  'app.add_url_rule("/predict", "predict", predict, methods=["POST"])',
  'api.add_api_route("/items", list_items, methods=["GET"])',
]);

/** Lines typed into YAML: keys, items, document markers, anchors, broken syntax and suppressions. */
const YAML_SNIPPETS = [
  '---',
  'kind: Deployment',
  'apiVersion: apps/v1',
  '  replicas: 1',
  '      image: nginx:latest',
  '    - name: app',
  '      env:',
  '        - name: PASSWORD',
  '          value: hunter2',
  '  privileged: true',
  'base: &base',
  '  <<: *base',
  '      runs-on: ubuntu-latest',
  '      - uses: actions/checkout@v4',
  '        run: curl http://example.com | sh',
  'services:',
  '  web:',
  '    image: redis',
  '    ports: ["8080:80"]',
  'groups:',
  '  - alert: Down',
  '# ai-teacher: ignore',
  '  key: value  # ai-teacher: ignore',
  '[',
  '"',
  ': :',
  '',
];
const YAML_EDITS = editsWith(YAML_SNIPPETS);
/** Edits at the documents' edges: markers with content or comments, `...` and `%` lines, trailing blanks. */
const MULTI_DOCUMENT_SNIPPETS = [
  ...YAML_SNIPPETS,
  '---',
  '---',
  '--- # next',
  '--- !!map',
  '...',
  '%YAML 1.2',
  '# a comment before the marker',
  'key: |',
  '  block text',
  'value: x   ',
  '   ',
  'kind: HorizontalPodAutoscaler',
  'kind: LimitRange',
  '    name: ${{ githb.sha }}',
];

function filesEndingIn(pattern: RegExp, dirs = ['test/fixtures', 'test/accuracy/cases/dev']): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) out.push(full);
    }
  };
  dirs.forEach((dir) => walk(path.join(ROOT, dir)));
  return out;
}

/** Types `steps` random edits into `text`, comparing the re-lint with a full lint after each. */
function typeInto(lint: LintEngine, name: string, text: string, seed: number, steps: number, options = {}, edits = EDITS): number {
  const rand = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const kinds = Object.keys(edits);
  const key = `typing/${seed}/${name}`;
  let lines = text.split('\n');
  lint.lintDocument(key, text, options);
  let compared = 0;
  try {
    for (let step = 0; step < steps; step++) {
      // A third of the Python edits type inside a function's body, where the most findings are kept.
      const kind = edits !== YAML_EDITS && rand() < 0.33 ? 'insideBody' : pick(kinds);
      // Mostly one edit at a time; sometimes back to the original text, as an undo does.
      if (rand() < 0.08) lines = text.split('\n');
      else {
        const where = rand();
        const at = where < 0.15 ? 0 : where > 0.85 ? Math.max(0, lines.length - 1) : Math.floor(rand() * lines.length);
        edits[kind](lines, Math.min(at, Math.max(0, lines.length - 1)), pick, rand);
      }
      const version = lines.join('\n');
      const incremental = lint.lintDocument(key, version, options);
      const full = lint.lintText(key, version, options);
      assert.deepEqual(incremental, full, `${name}, seed ${seed}, step ${step} (${kind}): the re-lint differs from a full lint`);
      compared++;
    }
  } finally {
    lint.forget(key);
  }
  return compared;
}

describe('incremental re-lint', () => {
  it('gives a full lint’s result after every random edit of the Python fixtures', async function () {
    // About 75 s on a quiet 2-core machine; over 500 s when a bench and a CI run share it, so the limit is generous.
    this.timeout(1_800_000);
    const lint = await engine();
    const files = filesEndingIn(/\.py$/);
    assert.ok(files.length > 50, `expected the rule fixtures and the accuracy corpus, found ${files.length} files`);
    let compared = 0;
    files.forEach((file, i) => {
      compared += typeInto(lint, path.relative(ROOT, file), fs.readFileSync(file, 'utf8'), 1000 + i, 12);
    });
    assert.ok(compared >= files.length * 12);
  });

  it('gives a full lint’s result after many edits of the fixtures of the rules with a statement fact', async function () {
    // Their findings read a little of the rest of the file (`PythonRule.statementFact`): typed into longer.
    this.timeout(600_000);
    const lint = await engine();
    const files = ['unbatched-prediction', 'unpinned-model-reference'].flatMap((rule) => filesEndingIn(/\.py$/, [`test/fixtures/rules/${rule}`]));
    assert.ok(files.length >= 6, `expected the fixtures of the rules, found ${files.length} files`);
    files.forEach((file, i) => {
      for (let seed = 0; seed < 4; seed++) typeInto(lint, path.relative(ROOT, file), fs.readFileSync(file, 'utf8'), 5000 + 10 * i + seed, 30);
    });
  });

  it('gives a full lint’s result after many edits of the fixtures of the statement-scoped rules, each in a longer file', async function () {
    // A fixture is short, and an edit of a statement in it is often most of the file, which a
    // re-lint lints in full: functions after it make each edit a small part of the file, so the
    // statement-local path (its view, its facts, its kept findings) runs on every rule's own cases.
    this.timeout(180_000);
    const lint = await engine();
    const filler = Array.from({ length: 16 }, (_, i) => `def filler_${i}(value):\n    return value + ${i}\n`).join('\n');
    const files = STATEMENT_SCOPED.flatMap((rule) => filesEndingIn(/\.py$/, [`test/fixtures/rules/${rule}`]));
    assert.ok(files.length >= STATEMENT_SCOPED.length, `expected the fixtures of the rules, found ${files.length} files`);
    files.forEach((file, i) => {
      const text = `${fs.readFileSync(file, 'utf8')}\n\n${filler}`;
      for (let seed = 0; seed < 3; seed++) typeInto(lint, path.relative(ROOT, file), text, 7000 + 10 * i + seed, 20, {}, SCOPED_EDITS);
    });
  });

  it('gives a full lint’s result after many edits of the fixtures of the rules whose per-statement parts are kept', async function () {
    // Their findings join every top-level statement's part (`PythonModel.perStatement`); a re-lint
    // reads the edited statements only. Functions after each fixture keep an edit a small part of the file.
    this.timeout(240_000);
    const lint = await engine();
    const filler = Array.from({ length: 16 }, (_, i) => `def filler_${i}(value):\n    return value + counter + ${i}\n`).join('\n');
    const files = PART_RULES.flatMap((rule) => filesEndingIn(/\.py$/, [`test/fixtures/rules/${rule}`]));
    assert.ok(files.length >= 6, `expected the fixtures of the rules, found ${files.length} files`);
    files.forEach((file, i) => {
      const text = `${fs.readFileSync(file, 'utf8')}\n\n${filler}`;
      for (let seed = 0; seed < 3; seed++) typeInto(lint, path.relative(ROOT, file), text, 8000 + 10 * i + seed, 25, {}, PART_EDITS);
    });
    for (let seed = 1; seed <= 2; seed++) typeInto(lint, 'service.py', pythonService(1000), 8500 + seed, 25, {}, PART_EDITS);
  });

  it('joins the per-statement scope walk to the whole-file walk’s answer, and walks only the edited statements after an edit', async function () {
    this.timeout(600_000);
    const lint = await engine();
    const host = await ParserHost.create(nodeModulesWasm(ROOT), ['python']);
    // Every Python fixture and dev case: the same names, places and functions as one walk of the whole tree.
    for (const file of filesEndingIn(/\.py$/)) {
      const text = fs.readFileSync(file, 'utf8');
      const tree = host.parse('python', text);
      try {
        const model = new PythonModel(tree, file, text);
        const joined = undefinedNamesOf(model).map((use) => [use.name, use.range, use.inFunction?.startIndex, use.inFunction?.name]);
        const whole = undefinedNames(tree.rootNode, text).map((use) => [
          use.name,
          nodeRange(use.node),
          use.inFunction?.startIndex,
          use.inFunction ? (use.inFunction.childForFieldName('name')?.text ?? '?') : undefined,
        ]);
        assert.deepEqual(joined, whole, path.relative(ROOT, file));
      } finally {
        tree.delete();
      }
    }
    // An edit inside one function of the service: the other statements' parts are taken over.
    const proto = StatementMemo.prototype as unknown as { values: (key: string, statements: readonly unknown[], compute: (s: unknown) => unknown) => unknown[] };
    const values = proto.values;
    let computed = 0;
    // Per key (each whole-file helper split by statement): the re-lint walks the edited statement only, for each of them.
    let perKey = new Map<string, number>();
    proto.values = function (this: StatementMemo, key, statements, compute) {
      return values.call(this, key, statements, (statement: unknown) => {
        computed++;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        return compute(statement);
      });
    };
    try {
      const text = pythonService(1000);
      const key = 'typing/kept-parts.py';
      lint.lintDocument(key, text);
      const full = computed;
      computed = 0;
      perKey = new Map();
      const lines = text.split('\n');
      const row = lines.findIndex((line, i) => i > lines.length / 2 && /^    return\b/.test(line));
      lines[row] += '  # edited';
      lint.lintDocument(key, lines.join('\n'));
      lint.forget(key);
      assert.ok(full > 20, `expected the first lint to walk every statement, walked ${full}`);
      assert.ok(computed >= 1, `expected the re-lint to walk the edited statement, walked ${computed} of ${full}`);
      for (const [key, count] of perKey) assert.ok(count <= 2, `expected the re-lint to walk the edited statement only for ${key}, walked ${count} of ${full}`);
    } finally {
      proto.values = values;
    }
  });

  it('answers linesMatch as a test of the whole text, in a full lint and after edits that add or remove a match', async function () {
    this.timeout(600_000);
    // Line-confined patterns of the kinds the rules ask (`PythonModel.linesMatch`): anchored, case-blind, with lookbehind.
    const patterns = [
      /^#[ \t]*In\[[ \t\d]*\]:?[ \t]*$/m,
      /^[ \t]*get_ipython\(\)/m,
      /listdir|glob|scandir|iterdir/,
      /gpt-|claude-|ollama/i,
      /(?<![.\w])(?:exec|eval|globals)[^\S\n]*(?:\(|$)/m,
      /^[A-Za-z_]\w*[ \t]*=[ \t]*\{\}/m,
    ];
    const host = await ParserHost.create(nodeModulesWasm(ROOT), ['python']);
    const texts = [
      ...filesEndingIn(/\.py$/).map((file) => fs.readFileSync(file, 'utf8')),
      'import os; cache = {}\nx = 1\n',
      'a = 1; exec\\\n(code)\n',
      '# In[3]:\r\nprint(1)\r\n',
      'def f():\n    return """\nget_ipython()\n"""\n',
      '@app.get("/")\ndef g():\n    exec (x)\n',
    ];
    for (const text of texts) {
      const tree = host.parse('python', text);
      try {
        const model = new PythonModel(tree, 'app.py', text);
        for (const pattern of patterns) assert.equal(model.linesMatch(pattern), pattern.test(text), `${pattern} on ${text.slice(0, 60)}`);
      } finally {
        tree.delete();
      }
    }
    // Through the engine: each edit adds or removes what a rule's `linesMatch` gate looks for, in one statement of the service.
    const lint = await engine();
    const text = pythonService(1000);
    const key = 'typing/lines-match.py';
    const lines = text.split('\n');
    const row = lines.findIndex((line, i) => i > lines.length / 2 && /^    return\b/.test(line));
    const inserted = (...added: string[]) => [...lines.slice(0, row), ...added, ...lines.slice(row)].join('\n');
    const versions = [
      text,
      inserted('    get_ipython().system("ls")'),
      text,
      inserted('    exec(code)'),
      inserted('    exec(code)', '    files = os.listdir("models")'),
      text,
      inserted('', 'cache = {}', 'from helpers import *'),
      text,
    ];
    try {
      for (const version of versions) assert.deepEqual(lint.lintDocument(key, version), lint.lintText(key, version));
    } finally {
      lint.forget(key);
    }
  });

  it('gives a full lint’s result while typing into the 1,000-line service, in both languages and with a config', async function () {
    this.timeout(600_000);
    const lint = await engine();
    const text = pythonService(1000);
    for (let seed = 1; seed <= 4; seed++) typeInto(lint, 'service.py', text, seed, 25, { lang: seed % 2 ? 'en' : 'ko' });
    const config = { ...EMPTY_CONFIG, rules: { 'print-instead-of-logging': 'off' as const, 'http-call-without-timeout': 'error' as const } };
    typeInto(lint, 'service.py', text, 99, 25, { config });
  });

  it('gives a full lint’s result after every random edit of the YAML fixtures and a long stream', async function () {
    this.timeout(600_000);
    const lint = await engine();
    const files = filesEndingIn(/\.ya?ml$/);
    assert.ok(files.length > 50, `expected the rule fixtures and the accuracy corpus, found ${files.length} files`);
    files.forEach((file, i) => typeInto(lint, path.relative(ROOT, file), fs.readFileSync(file, 'utf8'), 3000 + i, 8, {}, YAML_EDITS));
    const stream = multiDocYaml(100);
    for (let seed = 1; seed <= 3; seed++) typeInto(lint, 'stack.yaml', stream, seed, 25, { lang: seed % 2 ? 'en' : 'ko' }, YAML_EDITS);
    const config = { ...EMPTY_CONFIG, rules: { 'mutable-image-tag': 'off' as const, 'missing-resource-requirements': 'error' as const } };
    typeInto(lint, 'stack.yaml', stream, 99, 25, { config }, YAML_EDITS);
  });

  it('gives a full lint’s result after random edits of multi-document YAML parsed by its documents', async function () {
    // lintDocument parses a plain multi-document file by its `---` documents (yamlSegments) and
    // re-parses only those an edit touched; the edits here add and remove document markers, type
    // `...` and `%` lines (a whole-file parse then), break a document and mend it.
    this.timeout(600_000);
    const lint = await engine();
    const edits = editsWith(MULTI_DOCUMENT_SNIPPETS);
    const streams = [
      multiDocYaml(120),
      [
        '# leading comment',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: settings}',
        'data:',
        '  script: |+',
        '    echo hi',
        '',
        '# about the next one   ',
        '--- # the deployment',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  replicas: 1',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:latest   ',
        '          args: &args [a, b]',
        '---',
        '---',
        'services:',
        '  web:',
        '    image: redis',
        '    command: >',
        '      run',
        '      it',
        '',
        '',
      ].join('\n'),
    ];
    let segmented = 0;
    let compared = 0;
    streams.forEach((stream, s) => {
      for (let seed = 1; seed <= 4; seed++) {
        compared += typeInto(lint, `stream${s}.yaml`, stream, 7000 + 10 * s + seed, 30, { lang: seed % 2 ? 'en' : 'ko', facts: seed > 2 }, edits);
        if (yamlSegments(stream)) segmented++;
      }
    });
    assert.equal(compared, 2 * 4 * 30);
    assert.equal(segmented, 8, 'each stream is parsed by its documents');
  });

  it('moves a kept YAML finding’s related places with it when lines are added above its document', async () => {
    // publish-on-pull-request reports at the trigger and relates the step that ships, far below it.
    const lint = await engine();
    const workflow = [
      'on:',
      '  pull_request:',
      'jobs:',
      '  publish:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: docker push ghcr.io/acme/app:${{ github.sha }}',
      '',
    ].join('\n');
    const key = '.github/workflows/publish.yml';
    const first = lint.lintDocument(key, workflow);
    const shipping = first.findings.find((f) => f.ruleId === 'publish-on-pull-request');
    assert.ok(shipping?.related?.length, 'the finding relates the step that ships');
    const edited = `# a comment\n# and another\n${workflow}`;
    const relinted = lint.lintDocument(key, edited);
    lint.forget(key);
    assert.deepEqual(relinted.findings, lint.lintText(key, edited).findings);
    const moved = relinted.findings.find((f) => f.ruleId === 'publish-on-pull-request')!;
    assert.equal(moved.related![0].range.start.line, shipping.related![0].range.start.line + 2);
  });

  it('re-reads a helper’s leaked exception when the handler stops sending the helper’s value back', async () => {
    // exception-leaked-to-client is handler-local, but a helper's `return str(e)` leaks only through the
    // handler that returns its value: the finding names the call and that return as related places.
    const lint = await engine();
    const service = [
      'from flask import Flask, request',
      'import requests',
      '',
      'app = Flask(__name__)',
      '',
      '',
      'def ask_model(text):',
      '    try:',
      '        return requests.post("http://model:8000/predict", json={"text": text}, timeout=5).json()["label"]',
      '    except Exception as e:',
      '        return str(e)',
      '',
      '',
      '@app.route("/predict", methods=["POST"])',
      'def predict():',
      '    label = ask_model(request.form["text"])',
      '    return {"label": label}',
      '',
    ].join('\n');
    const key = 'leaks/app.py';
    const first = lint.lintDocument(key, service);
    const leak = first.findings.find((f) => f.ruleId === 'exception-leaked-to-client');
    assert.equal(leak?.range.start.line, 10);
    assert.deepEqual(
      leak.related?.map((r) => r.range.start.line),
      [15, 16],
    );
    const edited = service.replace('    return {"label": label}', '    return {"status": "queued"}');
    const relinted = lint.lintDocument(key, edited);
    lint.forget(key);
    assert.deepEqual(relinted.findings, lint.lintText(key, edited).findings);
    assert.ok(!relinted.findings.some((f) => f.ruleId === 'exception-leaked-to-client'));
  });

  it('drops a placeholder signing key’s finding when an edit in a function body removes the only signing call', async () => {
    // The random-edit test found it: the finding sits on the module constant, the use that makes it one
    // (`jwt.encode(payload, SECRET_KEY, ...)`) inside a function the edit changed.
    const lint = await engine();
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/hardcoded-secret/placeholder_signing_key.py'), 'utf8');
    const key = 'signing/app.py';
    assert.ok(lint.lintDocument(key, text).findings.some((f) => f.ruleId === 'hardcoded-secret'));
    const edited = text.replace('    return jwt.encode(payload, SECRET_KEY, algorithm=ALGORITHM)', '    return payload');
    assert.notEqual(edited, text);
    const relinted = lint.lintDocument(key, edited);
    lint.forget(key);
    assert.deepEqual(relinted.findings, lint.lintText(key, edited).findings);
    assert.ok(!relinted.findings.some((f) => f.ruleId === 'hardcoded-secret'));
  });

  it('reads the module-level binding of an environment debug value when an edit re-runs the rule on the __main__ block', async () => {
    // Code typed after a return can move the region over the next statement: debug-mode-enabled then runs on
    // a statement view, and the binding it looks up (`debug = os.environ['debug']`) lies outside it.
    const lint = await engine();
    // The corpus file where the random-edit test found it: code typed after the route's return.
    const app = fs.readFileSync(path.join(ROOT, 'test/accuracy/cases/dev/flask-k8s-configmap-secret-sample/repo/app/app.py'), 'utf8');
    const key = 'debug/app.py';
    assert.ok(lint.lintDocument(key, app).findings.some((f) => f.ruleId === 'debug-mode-enabled'));
    const edited = app.replace('    return "Hello"', '    return "Hello"\n    x = 1');
    assert.notEqual(edited, app);
    const relinted = lint.lintDocument(key, edited);
    lint.forget(key);
    assert.deepEqual(relinted.findings, lint.lintText(key, edited).findings);
    assert.ok(relinted.findings.some((f) => f.ruleId === 'debug-mode-enabled'));
  });

  it('moves the related place of a Hub id named through a constant when an edit in another function assigns that constant again', async () => {
    // The random-edit test found it: a second `MODEL_ID = ...` with the same value, typed into another
    // function, moves the place the full lint names while the load's own statement is untouched.
    const lint = await engine();
    const text = [
      'from transformers import AutoTokenizer',
      '',
      '',
      'def load():',
      '    MODEL_ID = "acme/sentiment"',
      '    return AutoTokenizer.from_pretrained(MODEL_ID)',
      '',
      '',
      'def other():',
      '    return 1',
      '',
    ].join('\n');
    const key = 'hub-constant/app.py';
    const before = lint.lintDocument(key, text).findings.find((f) => f.ruleId === 'unpinned-model-reference' && f.related?.length);
    assert.ok(before, 'the load is reported with the constant as its related place');
    const edited = text.replace('    return 1', '    MODEL_ID = "acme/sentiment"\n    return 1');
    const relinted = lint.lintDocument(key, edited);
    lint.forget(key);
    assert.deepEqual(relinted.findings, lint.lintText(key, edited).findings);
  });

  it('re-reads an LLM alias bound in one function and named in another when an edit in the binding function keeps it', async () => {
    // The random-edit test found it (a dedented line left a call at module level): the alias is reported where
    // it is written, but the call that names it lies in another top-level statement, which an edit of the
    // binding function's body does not re-read.
    const lint = await engine();
    const filler = Array.from({ length: 12 }, (_, i) => `def filler_${i}(value):\n    return value + ${i}\n`).join('\n');
    const text = [
      'from openai import OpenAI',
      '',
      'client = OpenAI()',
      '',
      '',
      'def configure():',
      '    model_used = "gpt-3.5-turbo"',
      '    return 1',
      '',
      '',
      'def ask(prompt):',
      '    return client.chat.completions.create(model=model_used, messages=[prompt])',
      '',
      '',
      filler,
    ].join('\n');
    const key = 'alias-elsewhere/agent.py';
    const alias = (findings: readonly { ruleId: string; messageId: string }[]) => findings.filter((f) => f.ruleId === 'unpinned-model-reference' && f.messageId === 'alias');
    assert.equal(alias(lint.lintDocument(key, text).findings).length, 1, 'the alias is reported where it is written');
    const edited = text.replace('    return 1', '    x = 2\n    return 1');
    const relinted = lint.lintDocument(key, edited);
    lint.forget(key);
    assert.deepEqual(relinted.findings, lint.lintText(key, edited).findings);
    assert.equal(alias(relinted.findings).length, 1);
  });

  it('finds the longest common prefix and suffix of two long texts, as a scan character by character does', () => {
    const scan = (before: string, after: string) => {
      let start = 0;
      while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
      let oldEnd = before.length;
      let newEnd = after.length;
      while (oldEnd > start && newEnd > start && before[oldEnd - 1] === after[newEnd - 1]) {
        oldEnd--;
        newEnd--;
      }
      return [start, oldEnd, newEnd];
    };
    const rand = seeded(7);
    // Repeated lines, so that the texts agree again right after an edit; edits at, before and after every 256th character.
    const base = Array.from({ length: 120 }, (_, i) => `value = compute(row, ${i % 3})\n`).join('');
    const cases: string[] = ['', 'x', `${base}${base}`, base.slice(1), base.slice(0, -1), `x${base}`, `${base}x`];
    for (const at of [0, 1, 255, 256, 257, 511, 512, 1000, base.length - 257, base.length - 256, base.length - 1, base.length]) {
      cases.push(base.slice(0, at) + 'edited' + base.slice(at), base.slice(0, at) + base.slice(at + 1), base.slice(0, at) + base.slice(at, at + 300) + base.slice(at));
    }
    for (let i = 0; i < 200; i++) {
      const from = Math.floor(rand() * base.length);
      const to = Math.min(base.length, from + Math.floor(rand() * 600));
      cases.push(base.slice(0, from) + base.slice(Math.floor(rand() * base.length), Math.floor(rand() * base.length)) + base.slice(to));
    }
    for (const after of cases) {
      const edit = diffEdit(base, after);
      if (after === base) {
        assert.equal(edit, undefined);
        continue;
      }
      assert.deepEqual([edit!.startIndex, edit!.oldEndIndex, edit!.newEndIndex], scan(base, after), JSON.stringify(after.slice(0, 80)));
    }
  });

  it('re-parses from the editor’s change spans, and ignores a span that does not fit the text', async () => {
    const lint = await engine();
    const rand = seeded(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
    const key = 'typing/changes.py';
    let text = pythonService(1000);
    lint.lintDocument(key, text);
    try {
      for (let step = 0; step < 40; step++) {
        // One event's changes, applied one after the other as VS Code does (a multi-cursor edit, a paste).
        const before = text;
        let span: ChangedSpan | undefined;
        for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
          const offset = Math.floor(rand() * text.length);
          const length = Math.min(text.length - offset, Math.floor(rand() * 12));
          const inserted = pick(['x', '(', '\n', '    ', '"', '  # c', 'model.predict(x)', '']);
          text = text.slice(0, offset) + inserted + text.slice(offset + length);
          span = coverChange(span, offset, length, inserted.length);
        }
        const edit = diffEdit(before, text, span);
        if (edit && span) {
          assert.deepEqual([edit.startIndex, edit.oldEndIndex, edit.newEndIndex], [span.start, span.oldEnd, span.newEnd]);
          assert.equal(before.slice(0, span.start) + text.slice(span.start, span.newEnd) + before.slice(span.oldEnd), text);
        }
        // Every fourth lint gets a span from another text (a missed event): it must be ignored.
        const changed = step % 4 === 3 ? { start: 10, oldEnd: 10, newEnd: 15 } : span;
        assert.deepEqual(lint.lintDocument(key, text, { changed }), lint.lintText(key, text), `step ${step}`);
      }
    } finally {
      lint.forget(key);
    }
  });

  it('builds the call layer of a re-lint from the lint before it as a full build of the same text would', async function () {
    // Every call layer a re-lint keeps (`PythonModel.reuseCalls`) is compared with one built afresh
    // from the same tree and node lists: resolved names, enclosing functions, instances, bindings.
    this.timeout(600_000);
    const lint = await engine();
    const proto = PythonModel.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const reuse = proto.reuseCalls;
    let reused = 0;
    proto.reuseCalls = function (this: PythonModel, ...args: unknown[]) {
      const layer = reuse.apply(this, args) as { calls: CallInfo[]; instances: Map<string, string>; boundCalls: Map<string, string> } | undefined;
      if (!layer) return layer;
      reused++;
      const own = this as unknown as { nodes: PythonNodes };
      const fresh = new PythonModel(this.tree, this.path, this.source, own.nodes);
      const shape = (calls: readonly CallInfo[]) => calls.map((call) => [call.node.startIndex, call.callee, call.inFunction?.startIndex]);
      assert.deepEqual(shape(layer.calls), shape(fresh.calls));
      assert.deepEqual([...layer.instances], [...fresh.instances]);
      assert.deepEqual([...layer.boundCalls], [...fresh.boundCalls]);
      return layer;
    };
    try {
      const text = pythonService(1000);
      for (let seed = 1; seed <= 3; seed++) typeInto(lint, 'service.py', text, 300 + seed, 25, {}, SCOPED_EDITS);
      const files = filesEndingIn(/\.py$/, ['test/fixtures/rules/unsafe-deserialization', 'test/fixtures/rules/model-loaded-per-request']);
      const filler = Array.from({ length: 16 }, (_, i) => `def filler_${i}(value):\n    return helper(value) + ${i}\n`).join('\n');
      files.forEach((file, i) => typeInto(lint, path.relative(ROOT, file), `${fs.readFileSync(file, 'utf8')}\n\n${filler}`, 400 + i, 15, {}, SCOPED_EDITS));
    } finally {
      proto.reuseCalls = reuse;
    }
    assert.ok(reused > 20, `expected re-lints that keep the call layer, found ${reused}`);
  });

  it('re-runs a statement-local rule on the whole file when an edit in a function body changes its statement fact', async () => {
    const lint = await engine();
    // Filler keeps the edited function a small part of the file, as an edit in the editor is.
    const filler = Array.from({ length: 30 }, (_, i) => `def filler_${i}(value):\n    return value + ${i}\n`).join('\n');
    const cases: [string, string, string, string][] = [
      // A later predict of the frame read at module level.
      [
        'unbatched-prediction',
        'import pandas as pd\nimport joblib\n\nclf = joblib.load("model.pkl")\nframe = pd.read_csv("input.csv")\n\n\ndef score():\n    return clf.predict(other)\n',
        'predict(other)',
        'predict(frame)',
      ],
      // A constant bound in a function body names the model loaded at module level.
      [
        'unpinned-model-reference',
        'from transformers import AutoModel\n\n\ndef configure():\n    MODEL_ID = "./local"\n    return MODEL_ID\n\n\nmodel = AutoModel.from_pretrained(MODEL_ID)\n',
        '"./local"',
        '"acme/model"',
      ],
      // A credential check is told only in a file that mentions credentials somewhere.
      [
        'wrong-error-status',
        'from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n@app.get("/items")\ndef items(credentials: str = ""):\n    if not credentials:\n        raise HTTPException(status_code=400, detail="missing")\n    return {}\n\n\ndef helper():\n    return "x"\n',
        'return "x"',
        'return "token"',
      ],
      // An app-wide authentication hook speaks for every handler.
      [
        'unauthenticated-state-change',
        'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/models/<name>", methods=["DELETE"])\ndef delete_model(name):\n    registry.remove(name)\n    return "", 204\n\n\ndef helper():\n    return "x"\n',
        'return "x"',
        'return "before_request token"',
      ],
      // A helper that starts (or stops) writing into the vector store makes the open upload route calling it a finding.
      [
        'unauthenticated-state-change',
        'from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/documents", methods=["POST"])\ndef add_document():\n    index_docs(request.files["file"].read())\n    return {"ok": True}\n\n\ndef index_docs(doc):\n    chunks.append(doc)\n',
        'chunks.append(doc)',
        'vectorstore.add_documents([doc])',
      ],
      [
        'unauthenticated-state-change',
        'from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/documents", methods=["POST"])\ndef add_document():\n    index_docs(request.files["file"].read())\n    return {"ok": True}\n\n\ndef index_docs(doc):\n    vectorstore.add_documents([doc])\n',
        'vectorstore.add_documents([doc])',
        'chunks.append(doc)',
      ],
      // A helper that starts calling a hosted model makes the open GET route calling it a finding.
      [
        'unauthenticated-state-change',
        'from flask import Flask, request\nfrom openai import OpenAI\n\napp = Flask(__name__)\nclient = OpenAI()\n\n\n@app.route("/answer")\ndef answer():\n    return {"text": ask(request.args.get("q", ""))}\n\n\ndef ask(question):\n    return question.strip()\n',
        'question.strip()',
        'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])',
      ],
      // A function registered as a scheduled job by a call in another function's body.
      ['job-without-error-handling', 'import schedule\n\n\ndef refresh():\n    fetch_data()\n\n\ndef main():\n    pass\n', '    pass', '    schedule.every(5).minutes.do(refresh)'],
      // A Flask app that limits the request size anywhere, a call in another function included.
      [
        'unbounded-request-input',
        'from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/upload", methods=["POST"])\ndef upload():\n    data = request.files["image"].read()\n    return {"size": len(data)}\n\n\ndef configure():\n    pass\n',
        '    pass',
        '    app.config.update(MAX_CONTENT_LENGTH=1024)',
      ],
      // The tokenizer and the model of one id, in two statements close together: one lesson.
      [
        'unpinned-model-reference',
        'from transformers import AutoModel, AutoTokenizer\n\n\ndef tokenizer():\n    return AutoTokenizer.from_pretrained("acme/one")\n\ndef model():\n    return AutoModel.from_pretrained("acme/two")\n',
        '"acme/one"',
        '"acme/two"',
      ],
    ];
    for (const [rule, head, from, to] of cases) {
      const text = `${head}\n\n${filler}`;
      const key = `typing/fact-${rule}.py`;
      lint.lintDocument(key, text);
      const edited = text.replace(from, to);
      const ids = (result: { findings: readonly { ruleId: string; range: { start: { line: number } } }[] }) =>
        result.findings.filter((f) => f.ruleId === rule).map((f) => f.range.start.line);
      const incremental = ids(lint.lintDocument(key, edited));
      lint.forget(key);
      assert.deepEqual(incremental, ids(lint.lintText(key, edited)), `${rule}: ${from} -> ${to}`);
      assert.notDeepEqual(ids(lint.lintText(key, text)), ids(lint.lintText(key, edited)), `${rule}: the edit changes a finding outside the edited function`);
    }
  });

  it('re-runs the statement-local rules when an edit in a function body changes which functions are queue tasks', async () => {
    // A RabbitMQ callback is a queue task by a `basic_consume` in another statement (python/workers.ts).
    const lint = await engine();
    const callback = (name: string) => `def ${name}(ch, method, properties, body):\n    with open("/tmp/out.csv", "a") as file:\n        file.write(body.decode())\n`;
    const before = `import pika\n\nchannel = pika.BlockingConnection(pika.ConnectionParameters("localhost")).channel()\n\n\n${callback('on_score')}\n\n${callback('on_label')}\n\ndef main():\n    channel.basic_consume(queue="scores", on_message_callback=on_score)\n    channel.start_consuming()\n`;
    const tasks = (text: string) => lint.lintText('worker.py', text).findings.filter((f) => f.ruleId === 'job-without-error-handling').length;
    for (const after of [
      before.replace('on_message_callback=on_score', 'on_message_callback=on_label'),
      before.replace('    channel.basic_consume(queue="scores", on_message_callback=on_score)\n', '    pass\n'),
    ]) {
      lint.lintDocument('consumer.py', before);
      assert.equal(tasks(before), 1);
      assert.deepEqual(lint.lintDocument('consumer.py', after), lint.lintText('consumer.py', after));
      lint.forget('consumer.py');
    }
  });

  it('re-reads which functions return another service’s answer when an edit makes or unmakes one, and keeps it when an edit is elsewhere', async () => {
    // A handler converting what a helper fetched: the helper's answer is not the request (conversions.ts, `upstreamHelpers`).
    const lint = await engine();
    const filler = Array.from({ length: 30 }, (_, i) => `def filler_${i}(value):\n    return value + ${i}\n`).join('\n');
    // Another function that calls out, so that the file asks which functions do in every version.
    const notify = 'def notify(event):\n    return requests.post("http://hooks/events", json=event, timeout=5)\n';
    const fetching = `import requests\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/score", methods=["POST"])\ndef score():\n    data = fetch_profile(request.args["user"])\n    return {"score": float(data["score"])}\n\n\ndef fetch_profile(user):\n    return requests.get(f"http://profiles/{user}", timeout=5).json()\n\n\n${notify}\n\n${filler}`;
    const local = fetching.replace('return requests.get(f"http://profiles/{user}", timeout=5).json()', 'return {"score": user}');
    const rules = (result: { findings: readonly { ruleId: string }[] }) => result.findings.map((f) => f.ruleId).filter((id) => /error-handling|conversion/.test(id));
    assert.notDeepEqual(rules(lint.lintText('a.py', fetching)), rules(lint.lintText('a.py', local)));
    for (const [before, after] of [
      [fetching, local],
      [local, fetching],
      [fetching, fetching.replace('float(data["score"])', 'float(data["rank"])')],
      [local, local.replace('float(data["score"])', 'float(data["rank"])')],
    ]) {
      lint.lintDocument('typing/upstream.py', before);
      assert.deepEqual(lint.lintDocument('typing/upstream.py', after), lint.lintText('typing/upstream.py', after));
      lint.forget('typing/upstream.py');
    }
  });

  it('keeps a finding whose call and read are two module-level statements when the read is edited', async () => {
    // `response = requests.post(...)` and `print(response.json())` at module level: the finding on
    // the read depends on the call's statement, so an edit of the read must not lose it.
    const lint = await engine();
    const text = 'import requests\n\nresponse = requests.post(URL, json={}, timeout=5)\nprint(response.json())\n';
    const edited = text.replace('print(response.json())', 'print(response.json())  # edited');
    const key = 'typing/module-read.py';
    lint.lintDocument(key, text);
    const after = lint.lintDocument(key, edited);
    lint.forget(key);
    assert.ok(after.findings.some((f) => f.ruleId === 'response-status-unchecked'));
    assert.deepEqual(after, lint.lintText(key, edited));
  });

  it('moves the query matches a re-lint does not read through several edits, to where a full lint finds them', async function () {
    this.timeout(120_000);
    // The matches of the local rules outside each edit are moved without being read (`MovedMatch`),
    // shift upon shift; the last edit adds an import, which makes every rule read all of them.
    const lint = await engine();
    const lines = pythonService(1000).split('\n');
    const key = 'typing/moved-matches.py';
    lint.lintDocument(key, lines.join('\n'));
    // A node moved to the wrong place is not found there and the engine lints in full instead,
    // which hides the mistake from the findings: count those fallbacks.
    const find = Relocator.prototype.find;
    let lost = 0;
    Relocator.prototype.find = function (this: Relocator, start: number, end: number) {
      try {
        return find.call(this, start, end);
      } catch (error) {
        lost++;
        throw error;
      }
    };
    const edits: ((at: string[]) => void)[] = [
      (at) => at.splice(100, 0, '# a new comment line', '# and another'),
      (at) => (at[400] += '  # edited'),
      (at) => at.splice(700, 0, '# below the middle'),
      (at) => at.splice(100, 2),
      (at) => at.splice(1, 0, 'import shutil'),
    ];
    try {
      for (const edit of edits) {
        edit(lines);
        const text = lines.join('\n');
        assert.deepEqual(lint.lintDocument(key, text), lint.lintText(key, text));
      }
    } finally {
      Relocator.prototype.find = find;
    }
    assert.equal(lost, 0);
    const last = lint.lintDocument(key, lines.join('\n'));
    lint.forget(key);
    for (const rule of ['subprocess-shell-true', 'command-failure-ignored'])
      assert.ok(
        last.findings.some((f) => f.ruleId === rule),
        `expected findings of ${rule}`,
      );
  });

  it('keeps findings of local rules below an edit and moves them by its line delta', async () => {
    const lint = await engine();
    const text = pythonService(1000);
    const lines = text.split('\n');
    const key = 'typing/moved.py';
    const before = lint.lintDocument(key, text);
    lines.splice(100, 0, '# a new comment line', '# and another');
    const after = lint.lintDocument(key, lines.join('\n'));
    lint.forget(key);
    const moved = (line: number) => (line >= 100 ? line + 2 : line);
    assert.deepEqual(
      after.findings.map((f) => `${f.ruleId}@${f.range.start.line}`),
      before.findings.map((f) => `${f.ruleId}@${moved(f.range.start.line)}`),
    );
  });
});
