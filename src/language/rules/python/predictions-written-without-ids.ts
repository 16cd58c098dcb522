import type { Node } from 'web-tree-sitter';
import type { PythonModel } from '../../python/model';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** DataFrame writers: the file or table a batch job leaves behind. */
const FRAME_WRITE = /\.(to_csv|to_parquet|to_json|to_excel|to_sql|to_feather)$/;
/** NumPy writers of a bare array: `np.savetxt(path, preds)`. */
const ARRAY_WRITE = /^numpy\.(savetxt|save)$/;
/** Names that hold model outputs: `preds`, `y_pred`, `predictions`, `probas`. */
const PREDICTION_NAME = /^(y_?)?(pred|preds|predicted|prediction|predictions|hat|probas?|probabilities|scores)$|^y_?hat$/i;
/** The same with a qualifier: `test_predictions`, `val_preds`, `self.predictions` (scores excluded: `cv_scores` are not outputs per row). */
const QUALIFIED_PREDICTION_NAME = /^\w+_(pred|preds|predicted|predictions|probas?|probabilities)$/i;
/** Calls that produce model outputs. */
const PREDICT_CALL = /(^|\.)predict(_proba|_log_proba)?$/;

export default pythonRule({
  id: 'predictions-written-without-ids',
  language: 'python',
  category: 'reproducibility',
  // Info: the job works; what is lost is which row each prediction belongs to and which model made it.
  severity: 'info',
  anchors: ['gap:prediction-lineage'],
  callees: [FRAME_WRITE, ARRAY_WRITE],
  messages: {
    bare: l(
      '예측값만 따로 저장합니다 ({writer}) — 어느 입력 행(ID)의 예측인지, 어느 모델 버전이 만들었는지가 파일에 남지 않습니다',
      'The predictions are written on their own ({writer}) — nothing in the output says which input row (id) each belongs to or which model version produced it',
    ),
  },
  docs: {
    summary: l(
      '배치 예측 코드에서 예측 배열만으로 만든 DataFrame/Series(pd.DataFrame(preds), pd.Series(predictions))를 to_csv·to_parquet·to_sql 등으로 쓰거나, np.savetxt/np.save로 예측 배열을 그대로 저장하는 경우를 찾습니다. 입력 프레임에 예측 열을 붙여 쓰거나, ID 열·index를 함께 넘기면 제외합니다. 요청 핸들러 안의 기록은 다루지 않습니다.',
      'Flags batch-scoring code that writes a DataFrame or Series built from the prediction array alone (pd.DataFrame(preds), pd.Series(predictions)) with to_csv, to_parquet, to_sql and the like, or saves the prediction array itself with np.savetxt/np.save. Predictions added as a column of the input frame, or written with an id column or an index, are left alone, and so are writes inside request handlers.',
    ),
    why: l(
      '예측 파일은 나중에 실제 결과와 맞춰 보고(모니터링, 재학습 라벨), 문제가 생기면 어느 모델이 만들었는지 추적하는 데 쓰입니다. 행 순서만으로 입력과 이어 붙이면 정렬·필터 한 번에 어긋나고, 모델 버전이 없으면 모델을 바꾼 뒤 어떤 예측이 어느 모델 것인지 알 수 없습니다.',
      'A prediction file is later joined with actual outcomes (monitoring, labels for retraining) and traced back to the model when something goes wrong. Joined to its inputs by row order alone, one sort or filter misaligns them; with no model version, after the model is replaced nobody can tell which model made which prediction.',
    ),
    bad: "import joblib\nimport pandas as pd\n\nmodel = joblib.load('model.joblib')\ndata = pd.read_csv('new_rows.csv')\npreds = model.predict(data)\npd.DataFrame(preds).to_csv('predictions.csv', index=False)\n",
    good: "import joblib\nimport pandas as pd\n\nMODEL_VERSION = '2024-05-01'  # TODO: 레지스트리 버전이나 학습 run id를 어디서 가져올까요?\nmodel = joblib.load('model.joblib')\ndata = pd.read_csv('new_rows.csv')\nout = data[['customer_id']].copy()\nout['prediction'] = model.predict(data.drop(columns=['customer_id']))\nout['model_version'] = MODEL_VERSION\nout.to_csv('predictions.csv', index=False)\n",
  },
  weeks: ['intermediate/5', 'advanced/5'],
  questions: [
    l(
      '한 달 뒤 이 파일의 5번째 예측이 틀렸다는 신고가 오면, 어떤 고객(입력)의 예측이었는지 어떻게 찾으시겠어요?',
      'A month from now someone reports that the fifth prediction in this file was wrong: how would you find which customer (input) it was for?',
    ),
    l(
      '모델을 새 버전으로 바꾼 뒤에도 예전 예측 파일이 어느 모델에서 나왔는지 알 수 있나요?',
      'After the model is replaced by a new version, can you still tell which model produced an older prediction file?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 예측과 함께 남길 것 정하기\n# 고려사항:\n# - 입력 행을 다시 찾을 수 있는 키(ID)는 무엇인가요?\n# - 모델 버전(레지스트리 버전, run id, 파일 해시)은 어디서 얻나요?\n# - 예측 시각도 필요할까요?\n# TODO: 예측 열을 ID·모델 버전과 같은 프레임에 담아 저장\n',
    en: '# TODO: decide what is written with the predictions\n# Consider:\n# - which key (id) finds the input row again?\n# - where does the model version come from (registry version, run id, file hash)?\n# - is the prediction time needed too?\n# TODO: write the prediction column in one frame with the id and the model version\n',
  },
  check(context) {
    if (isTestPath(context.path)) return;
    const { model } = context;
    const calleeOf = new Map<number, string | undefined>();
    for (const call of model.calls) calleeOf.set(call.node.id, call.callee);
    const predictionName = (name: string) => PREDICTION_NAME.test(name) || assignedFromPredict(model.source, name);
    const predictionValue = (node: Node | null | undefined): boolean =>
      !!node &&
      ((node.type === 'identifier' && (predictionName(node.text) || QUALIFIED_PREDICTION_NAME.test(node.text))) ||
        (node.type === 'attribute' && PREDICTION_NAME.test(node.childForFieldName('attribute')?.text ?? '')) ||
        (node.type === 'attribute' && QUALIFIED_PREDICTION_NAME.test(node.childForFieldName('attribute')?.text ?? '')) ||
        (node.type === 'call' && PREDICT_CALL.test(calleeOf.get(node.id) ?? node.childForFieldName('function')?.text ?? '')));
    for (const call of context.calls) {
      if (model.enclosingHandler(call.node)) continue;
      let bare = false;
      if (ARRAY_WRITE.test(call.callee ?? '')) bare = predictionValue(positional(call.node)[1]);
      else {
        const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
        const frame = receiver?.type === 'call' ? receiver : receiver?.type === 'identifier' ? frameBoundTo(model, receiver.text, call.node, calleeOf) : undefined;
        bare = !!frame && /^pandas\.(DataFrame|Series)$/.test(calleeOf.get(frame.id) ?? '') && builtFromPredictionsAlone(frame, predictionValue);
      }
      if (!bare) continue;
      context.report({ node: call.node, messageId: 'bare', data: { writer: (call.callee ?? '').split('.').pop() ?? '' } });
      return;
    }
  },
});

function positional(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((n): n is Node => n !== null && n.type !== 'keyword_argument');
}

/**
 * `pd.DataFrame(preds)`, `pd.Series(predictions)`, `pd.DataFrame({'prediction': preds})`: the frame
 * holds nothing but model outputs. An `index=` (ids as the index) or any other column keeps the link.
 */
function builtFromPredictionsAlone(frame: Node, predictionValue: (node: Node | null | undefined) => boolean): boolean {
  const args = frame.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.some((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'index')) return false;
  const first = positional(frame)[0];
  if (!first) return false;
  if (first.type === 'dictionary') {
    const pairs = first.namedChildren.filter((n): n is Node => n?.type === 'pair');
    return pairs.length > 0 && pairs.every((p) => predictionValue(p.childForFieldName('value')));
  }
  return predictionValue(first);
}

/** `result = model.predict(x)` somewhere in the file: the name holds predictions whatever it is called. */
function assignedFromPredict(source: string, name: string): boolean {
  return new RegExp(`(^|[\\s(,])${name}\\s*=\\s*[\\w.\\[\\]'"]*\\.predict(_proba|_log_proba)?\\(`, 'm').test(source);
}

/**
 * `out = pd.DataFrame({...})` then `out.to_csv(...)`: the frame call last bound to the name before
 * the write, if nothing adds a column to it in between (`out["id"] = ...`, `out.insert`, `out.assign`).
 */
function frameBoundTo(model: PythonModel, name: string, write: Node, calleeOf: Map<number, string | undefined>): Node | undefined {
  let frame: Node | undefined;
  for (const call of model.calls) {
    if (call.node.startIndex >= write.startIndex) break;
    const assignment = call.node.parent;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== call.node.id) continue;
    if (assignment.childForFieldName('left')?.text !== name) continue;
    frame = /^pandas\.(DataFrame|Series)$/.test(calleeOf.get(call.node.id) ?? '') ? call.node : undefined;
  }
  if (!frame) return undefined;
  const between = model.source.slice(frame.endIndex, write.startIndex);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}\\s*(\\[[^\\]]*\\]\\s*=[^=]|\\.(insert|assign|join|merge|set_index)\\s*\\(|\\.index\\s*=[^=]|=[^=])`).test(between) ? undefined : frame;
}
