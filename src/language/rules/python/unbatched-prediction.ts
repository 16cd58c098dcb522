import type { Node } from 'web-tree-sitter';
import type { PythonModel } from '../../python/model';
import { keywordArgument } from '../../python/nodes';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

const PREDICT = /(^|\.)(predict|predict_proba|predict_log_proba|decision_function)$/;
/** A prediction service called per row is the same loop with a network round trip added. */
const POST = /^(requests|httpx)\.post$/;
const READ = /^pandas\.(read_csv|read_parquet|read_json|read_excel|read_feather|read_table)$/;
/** A model loaded in the file: the script scores with it. */
const LOADS_MODEL = /(^|\.)(joblib\.load|pickle\.load|cloudpickle\.load|dill\.load|load_model|torch\.load|from_pretrained)$/;
const EVALUATES = /(^|\.)(\w+_score|confusion_matrix|classification_report|\w+_error|evaluate)$/;
/** Iterating the rows of a frame or an array by position. */
/** Arguments that turn one item into a batch of one: `x.reshape(1, -1)`, `x.unsqueeze(0)`, `x[None]`, `[[...]]`. */
const ONE_ROW = /\.reshape\(\s*1\s*,|\.unsqueeze\(\s*0\s*\)|\[\s*None\b|\[\s*\[/;
const ROW_ITERABLE = /\.(iterrows|itertuples)\s*\(|^range\s*\(\s*(len\s*\(|[\w.]+\.shape\s*\[\s*0\s*\])/;

export default pythonRule({
  id: 'unbatched-prediction',
  language: 'python',
  category: 'scalability',
  // A warning: row-at-a-time scoring is slower by orders of magnitude, and the fix is local.
  severity: 'warning',
  anchors: ['gap:per-row-prediction'],
  messages: {
    perRow: l(
      '{call}()가 루프 안에서 한 행씩 호출됩니다 ({loop}) — 벡터화된 예측을 행 수만큼 나눠 부르는 셈입니다',
      '{call}() runs once per row inside the loop ({loop}) — a vectorised prediction is split into one call per row',
    ),
    wholeInput: l(
      "배치 스코어링이 '{data}' 입력 파일 전체를 한 번에 메모리로 읽어 예측합니다 — 입력이 커지면 작업이 메모리에서 죽습니다",
      "The batch job reads the whole input file into '{data}' and scores it in one go — a larger input kills the job on memory",
    ),
  },
  severityReasons: {
    wholeInput: {
      severity: 'info',
      message: l('작은 입력에서는 문제가 없고, 입력이 커질 때를 대비한 설계 질문입니다', 'harmless on small inputs: a design question for when the input grows'),
    },
  },
  docs: {
    summary: l(
      '행마다 predict를 부르는 루프(iterrows, itertuples, range(len(X)), 한 행짜리 배열, apply(axis=1))와 예측 API에 행마다 보내는 요청, 그리고 입력 파일 전체를 한 번에 읽어 예측하는 배치 스크립트를 찾습니다.',
      'Flags predict called once per row in a loop (iterrows, itertuples, range(len(X)), one-row arrays, apply(axis=1)), prediction APIs posted to once per row, and batch scripts that read their whole input file at once to score it.',
    ),
    why: l(
      '모델의 predict는 행렬 한 번에 여러 행을 계산하도록 만들어져 있습니다. 한 행씩 부르면 호출 오버헤드가 행 수만큼 쌓여 수십~수백 배 느려지고, API라면 요청이 행 수만큼 생깁니다. 반대로 파일 전체를 한 번에 읽으면 입력이 커지는 날 작업이 메모리 부족으로 죽습니다. 적당한 크기의 묶음(chunk)이 둘 다 해결합니다.',
      'A model’s predict is built to score many rows in one matrix operation. Calling it per row pays the call overhead once per row — tens to hundreds of times slower — and against an API it sends one request per row. Reading the whole file at once is the opposite failure: the day the input grows, the job dies on memory. Bounded chunks solve both.',
    ),
    bad: 'import joblib\nimport pandas as pd\n\nmodel = joblib.load("model.joblib")\ndf = pd.read_csv("new_customers.csv")\npreds = []\nfor _, row in df.iterrows():\n    preds.append(model.predict([row.values])[0])\ndf["churn"] = preds\n',
    good: 'import joblib\nimport pandas as pd\n\nmodel = joblib.load("model.joblib")\n# TODO: 묶음 크기는 메모리와 처리 시간을 보고 정하기\nfor i, chunk in enumerate(pd.read_csv("new_customers.csv", chunksize=50_000)):\n    chunk["churn"] = model.predict(chunk)  # TODO: 한 번에 한 묶음씩 예측\n    chunk.to_csv(f"scored/part-{i}.csv", index=False)\n',
  },
  weeks: ['intermediate/4', 'advanced/3'],
  questions: [
    l(
      '행이 100만 개라면 이 코드는 {call|predict}()를 몇 번 부르나요? 한 번에 1만 행씩 부르면요?',
      'With a million rows, how many times does this code call {call|predict}()? And in batches of 10,000?',
    ),
    l(
      '입력 파일이 지금의 100배가 되는 날, 이 작업의 메모리는 어떻게 될까요? 한 번에 얼마나 읽으면 충분할까요?',
      'On the day the input file is a hundred times larger, what happens to this job’s memory? How much does it need to read at a time?',
    ),
    l(
      '예측 결과를 행 순서와 다시 맞추려면 묶음마다 무엇을 함께 남겨야 할까요? (ID 열)',
      'To line predictions up with their rows again, what must each batch carry along? (an ID column)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 묶음(batch) 단위로 예측하기\n# 고려사항:\n# - 한 번에 몇 행을 예측할까요? (메모리, 지연)\n# - 입력을 chunksize로 나눠 읽을 수 있나요?\n# - 결과에 ID와 모델 버전을 함께 남기나요?\n# TODO: 루프 대신 model.predict(batch) 한 번\n',
    en: '# TODO: predict in batches\n# Consider:\n# - how many rows per prediction call? (memory, latency)\n# - can the input be read in chunks (chunksize)?\n# - do results keep the row ID and the model version?\n# TODO: one model.predict(batch) instead of the loop\n',
  },
  callees: [PREDICT, POST, READ],
  // A row loop lies in the call's own statement. A whole-file read is judged by two readings of
  // the rest of the file, the fact below: whether the file loads a model (and evaluates), and the
  // names later passed to predict.
  local: 'statement',
  statementFact: (model) =>
    model.role === 'serving' || model.role === 'training' ? '-' : `${scoresWithModel(model)} ${[...model.source.matchAll(SCORED)].map((m) => m[2]).join(',')}`,
  check(context) {
    const { model } = context;
    if (isTestPath(model.path)) return;
    let loadsModel: boolean | undefined;
    for (const call of context.calls) {
      const callee = call.callee ?? '';
      if (READ.test(callee)) {
        if (model.role === 'serving' || model.role === 'training') continue;
        // An evaluation script (predictions compared with labels) reads a fixed test set, not a growing batch.
        loadsModel ??= scoresWithModel(model.whole);
        const data = loadsModel ? scoredWhole(model.source, call.node) : undefined;
        if (data) context.report({ node: call.node, messageId: 'wholeInput', data: { data }, severityReason: 'wholeInput' });
        continue;
      }
      // Most calls sit in no loop: with no `for` or `.apply(` between the enclosing function's start and the call, skip the tree walk.
      const start = call.node.startIndex;
      const scope = call.inFunction?.startIndex ?? 0;
      if (model.source.lastIndexOf('for ', start) < scope && model.source.lastIndexOf('.apply(', start) < scope) continue;
      if (POST.test(callee) && !/predict|score|infer/i.test(call.node.text)) continue;
      const loop = rowLoop(call.node);
      if (loop) context.report({ node: call.node, messageId: 'perRow', data: { call: callee.split('.').pop() ?? callee, loop } });
    }
  },
});

/** The file loads a model and is no evaluation script (predictions compared with labels). */
function scoresWithModel(model: PythonModel): boolean {
  return model.calls.some((c) => LOADS_MODEL.test(c.callee ?? '')) && !model.calls.some((c) => EVALUATES.test(c.callee ?? ''));
}

/** A name passed to predict, as `scoredWhole` looks for one. */
const SCORED = /\.(predict|predict_proba)\(\s*([A-Za-z_]\w*)/g;

/** The row loop (or row-wise apply) this call runs in, as short text; undefined when it scores whole batches. */
function rowLoop(call: Node): string | undefined {
  const args = call.childForFieldName('arguments')?.text ?? '';
  const receiver = call.childForFieldName('function')?.childForFieldName('object')?.text ?? '';
  for (let n = call.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return undefined;
    if (n.type === 'call' && /\.apply$/.test(n.childForFieldName('function')?.text ?? '') && keywordArgument(n, 'axis')?.text === '1') return 'apply(axis=1)';
    if (n.type !== 'for_statement') continue;
    const iterable = n.childForFieldName('right')?.text ?? '';
    const names = (n.childForFieldName('left')?.text.match(/[A-Za-z_]\w*/g) ?? []).filter((name) => name !== '_');
    const uses = (name: string) => new RegExp(`\\b${name}\\b`).test(args) && !new RegExp(`\\b${name}\\b`).test(receiver);
    if (!names.some(uses)) continue;
    // `for row in rows: predict([row])`: the loop makes a one-row batch out of each item.
    const oneRow = names.some((name) => uses(name) && (new RegExp(`\\[\\s*${name}\\s*\\]`).test(args) || ONE_ROW.test(args)));
    if (ROW_ITERABLE.test(iterable) || oneRow) return `for ... in ${iterable.length > 40 ? iterable.slice(0, 37) + '...' : iterable}`;
  }
  return undefined;
}

/** `df = pd.read_csv(path)` with no chunking whose frame is then passed to a predict call: the frame's name. */
function scoredWhole(source: string, read: Node): string | undefined {
  if (/\b(chunksize|nrows|iterator)\s*=/.test(read.text)) return undefined;
  const assignment = read.parent?.type === 'assignment' ? read.parent : undefined;
  const name = assignment?.childForFieldName('left')?.text;
  if (!name || !/^[A-Za-z_]\w*$/.test(name)) return undefined;
  const after = source.slice(read.endIndex);
  return new RegExp(`\\.(predict|predict_proba)\\(\\s*${name}\\b`).test(after) ? name : undefined;
}
