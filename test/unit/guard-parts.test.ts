import * as assert from 'node:assert/strict';
import { nodeModulesWasm } from '../../src/language/parser';
import { CONVERSATION_BUDGET, KnownCode, LineJudge, historySpend, judgeMarkdown, teacherScaffolds } from '../../src/teacher/guard-budget';
import { IMPORT_UNITS, SKELETON_UNITS, classifyLine, proseFragments, type LineParser } from '../../src/teacher/guard-classify';
import { loadLineParser } from '../../src/teacher/guard-parser';
import { decodedLines, fold, visibleLine } from '../../src/teacher/guard-visible';
import { ROOT } from '../helpers/engine';

describe('guard: what the learner sees of a line', () => {
  const texts = (raw: string) => visibleLine(raw).segments.map((s) => s.text);
  const cases: [string, string[]][] = [
    ['3. `app = FastAPI()`', ['app = FastAPI()']],
    ['| 7 | `model = joblib.load(MODEL_PATH)` | loads it |', ['7', 'model = joblib.load(MODEL_PATH)', 'loads it']],
    ['> > - **return {"status": "ok"}**', ['return {"status": "ok"}']],
    ['#### `@app.get("/health")`', ['@app.get("/health")']],
    ['<code>if x &lt; 3:</code><br><code>y = x &amp;&amp; z</code>', ['if x < 3:', 'y = x && z']],
    ['Line 12: `raise HTTPException(500)`', ['raise HTTPException(500)']],
    ['- [x] ~~replicas: 3~~', ['replicas: 3']],
    ['[app.mount("/metrics", make_asgi_app())](#L3)', ['app.mount("/metrics", make_asgi_app())']],
    ['Escaped \\_\\_init\\_\\_ and \\*args', ['Escaped __init__ and *args']],
  ];
  for (const [raw, expected] of cases) it(`unwraps ${JSON.stringify(raw)}`, () => assert.deepEqual(texts(raw), expected));

  it('keeps code spans of a sentence apart from its words', () => {
    const [segment] = visibleLine('Set `timeout=5` on every `requests.get` call.').segments;
    assert.deepEqual(segment.spans, ['timeout=5', 'requests.get']);
    assert.equal(segment.bare.replace(/\s+/g, ' '), 'Set on every call.');
  });

  it('treats rules, breaks and blank lines as structure', () => {
    for (const raw of ['', '   ', '|---|:---:|', '***', '---']) assert.equal(visibleLine(raw).structural, true, raw);
  });

  it('folds full-width, look-alike and invisible characters', () => {
    assert.equal(fold('ｆｒｏｍ　ｆａｓｔａｐｉ ｉｍｐｏｒｔ FastAPI'), 'from fastapi import FastAPI');
    assert.equal(fold('аpp = FаstAPI()'), 'app = FastAPI()');
    assert.equal(fold('ret\u200burn va\u2060lue'), 'return value');
  });

  it('decodes what a learner decodes in seconds', () => {
    assert.deepEqual(decodedLines(Buffer.from('import os\nx = os.environ["A"]\n').toString('base64')), ['import os', 'x = os.environ["A"]']);
    assert.deepEqual(decodedLines('part = "import os\\nprint(1)\\n"'), ['part = "import os', 'print(1)', '"']);
    assert.deepEqual(decodedLines('696d706f7274206f730a7072696e742831290a'), ['import os', 'print(1)']);
    assert.deepEqual(decodedLines('just a sentence with no encoding at all'), []);
  });
});

describe('guard: is it code, and how much implementation', () => {
  const kinds: [string, boolean, string, number][] = [
    ['model = joblib.load(MODEL_PATH)', false, 'code', 1],
    ['except Exception:', true, 'code', 1],
    ['return {"prediction": float(prediction)}', false, 'code', 1],
    ['@app.post("/predict")', false, 'code', 1],
    ['uvicorn.run(app, host="0.0.0.0", port=8080)', false, 'code', 1],
    ['initialDelaySeconds: 20', true, 'code', 1],
    ['image: registry.example.com/model-api:1.4.2', false, 'code', 1],
    ['RUN pip install --no-cache-dir -r requirements.txt', false, 'code', 1],
    ['kubectl apply -f deployment.yaml', false, 'code', 1],
    ['"features": [1, 2, 3],', true, 'code', 1],
    ['x = 1  # TODO', true, 'code', 1],
    ['replicas: 3  # TODO: check', true, 'code', 1],
    ['from fastapi import FastAPI', true, 'skeleton', IMPORT_UNITS],
    ['def predict(body: PredictRequest) -> dict:', true, 'skeleton', SKELETON_UNITS],
    ['class PredictRequest(BaseModel):', true, 'skeleton', SKELETON_UNITS],
    ['readinessProbe:', true, 'skeleton', SKELETON_UNITS],
    ['self.model_cache = {}', true, 'skeleton', SKELETON_UNITS],
    ['pass', true, 'skeleton', 0],
    ['# TODO: 스키마 불일치 감지', true, 'comment', 0],
    ['port: # TODO', true, 'skeleton', 0],
    ['path: <your-path>', true, 'comment', 0],
    ['# app = FastAPI()', true, 'code', 1],
    ['Note: this is fine for local development.', false, 'prose', 0],
    ['이 코드가 운영 서버에서 그대로 실행되면 어떻게 될까요?', false, 'prose', 0],
    ['make the deployment production ready', true, 'prose', 0],
    ['Which metrics would you watch first, and why?', false, 'prose', 0],
  ];
  for (const [text, fenced, kind, units] of kinds) {
    it(`${JSON.stringify(text)}${fenced ? ' (in a fence)' : ''} is ${kind} (${units})`, () => assert.deepEqual(classifyLine(text, { fenced }), { kind, units }));
  }

  it('finds code written into sentences, Korean or English', () => {
    const units = (text: string) => proseFragments(text).reduce((s, f) => s + f.units, 0);
    assert.equal(units('먼저 app = FastAPI(title="api") 로 앱을 만드세요.'), 1);
    assert.equal(units('40번째 줄에는 except Exception: 을 적어 주세요.'), 1);
    assert.equal(units('그다음 replicas: 3 을 넣고 strategy: 도 추가해요.'), 1 + SKELETON_UNITS);
    assert.equal(units('Then call requests.get(url, timeout=5) before returning.'), 1);
    assert.equal(units('The predict() handler calls model.predict() directly.'), 0, 'naming functions is not writing them');
    assert.equal(units('모델 드리프트가 무엇이고 왜 중요한가요?'), 0);
  });
});

describe('guard: the budget over a conversation', () => {
  const judge = (known = new KnownCode()) => new LineJudge(known);
  const cost = (md: string, known?: KnownCode) => judgeMarkdown(md, judge(known)).reduce((s, l) => s + l.units, 0);

  it('charges every new line of code, whatever TODOs sit beside it', () => {
    const block = '```python\n# TODO: step 1\nx = load()\n# TODO: step 2\ny = x.run()\n```';
    assert.equal(cost(block), 2);
  });

  it("charges nothing for the learner's own lines or the teacher's scaffolds", () => {
    const known = new KnownCode().add('app = Flask(__name__)\napp.run(debug=True)\n').add(teacherScaffolds());
    assert.equal(cost('```python\napp = Flask(__name__)\n   app.run(debug=True)\n```', known), 0);
    assert.equal(cost('Look at `app.run(debug=True)` on line 14.', known), 0);
  });

  it('counts earlier teacher turns once, and remembers a hold', () => {
    const turn = '```python\na = f(1)\nb = g(2)\nc = h(3)\n```';
    const spend = historySpend([turn, turn, 'Plain words.'], new KnownCode());
    assert.equal(spend.units, 3, 'a repeated answer is not charged twice');
    assert.equal(spend.heldBack, false);
    assert.equal(historySpend(["> 🛡️ I've held back the rest: ..."], new KnownCode()).heldBack, true);
    assert.ok(CONVERSATION_BUDGET > 3);
  });
});

describe('guard: the tree-sitter view of a line', () => {
  let parser: LineParser;
  before(async () => (parser = await loadLineParser(nodeModulesWasm(ROOT))));

  it('tells statements from mentions and from prose', () => {
    assert.equal(parser.python('not isinstance(features, list) or len(features) != 4'), 'code');
    assert.equal(parser.python('{"status": "ok", "model_loaded": model is not None}'), 'code');
    assert.equal(parser.python('x = compute(1)'), 'code');
    for (const mention of ['request.json', 'predict()', 'model.predict()', 'FLASK_DEBUG', '"text"', '42']) assert.equal(parser.python(mention), 'trivial', mention);
    for (const prose of ['What happens when it fails?', 'Use a timeout (for example 5 seconds).', '입력 검증이 없어요']) assert.equal(parser.python(prose), 'error', prose);
  });

  it('makes the guard recognise expressions no pattern names', () => {
    assert.equal(classifyLine('not isinstance(features, list) or len(features) != 4', { fenced: true }).kind, 'code');
    assert.equal(classifyLine('any(v != v for v in values) and total > limit', { parser }).kind, 'code');
  });
});
