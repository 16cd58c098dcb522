import { enclosingFunction } from '../../python/nodes';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** pandas methods that return a new frame and leave the one they are called on as it was (unless `inplace=True`). */
const COPYING = /^(drop|dropna|fillna|sort_values|sort_index|reset_index|set_index|rename|drop_duplicates|astype|replace|interpolate|reindex)$/;
/** Names learners give a DataFrame (`df`, `train_df`, `df_test`). */
const FRAME_NAME = /^(df|df_\w+|\w+_df)$/;

/** Is `name` a DataFrame in `scope`: annotated as one, or assigned from a pandas call? */
function isFrame(name: string, scope: string): boolean {
  if (FRAME_NAME.test(name)) return true;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}\\s*:\\s*(pd\\.|pandas\\.)?DataFrame\\b|\\b${escaped}\\s*=\\s*(pd|pandas)\\.`).test(scope);
}

export default pythonRule({
  id: 'dataframe-result-discarded',
  language: 'python',
  local: 'statement',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:pandas-result-discarded'],
  messages: {
    discarded: l(
      '{name}.{method}()은 새 DataFrame을 돌려주고 {name}은 그대로 둡니다 — 결과를 받지 않았으니 이 줄은 아무 일도 하지 않고, 뒤의 코드는 바뀌지 않은 데이터를 씁니다',
      '{name}.{method}() returns a new DataFrame and leaves {name} as it was — the result is dropped, so this line does nothing and the code after it works on the unchanged data',
    ),
  },
  docs: {
    summary: l(
      'pandas DataFrame에 drop, dropna, fillna, sort_values, reset_index, rename, astype 같은 메서드를 부르고 결과를 변수에 받지도, inplace=True를 주지도 않은 문장을 찾습니다. DataFrame은 df·train_df 같은 이름, DataFrame 타입 표기, pd.* 호출에서 온 값으로 알아봅니다.',
      'Flags statements that call drop, dropna, fillna, sort_values, reset_index, rename, astype and the like on a pandas DataFrame without assigning the result or passing inplace=True. A DataFrame is recognised by its name (df, train_df), a DataFrame annotation, or a value built by a pd.* call.',
    ),
    why: l(
      '이 메서드들은 복사본을 돌려줍니다. 결과를 버리면 지우려던 ID 열이 특성으로 모델에 들어가고, 정렬하려던 시계열이 파일 순서대로 남습니다. 오류 없이 조용히 틀린 예측이나 학습이 됩니다 — 학습과 서빙이 서로 다른 열을 보는 training-serving skew의 흔한 원인입니다.',
      'These methods return a copy. Drop the result and the ID column you meant to remove reaches the model as a feature, or the time series you meant to sort stays in file order. Nothing fails: predictions or training are quietly wrong — a common cause of training-serving skew, where the two see different columns.',
    ),
    bad: "import pandas as pd\n\ndef features(record: dict) -> pd.DataFrame:\n    df = pd.DataFrame([record])\n    df.drop(columns=['Loan_ID'])\n    return df\n",
    good: "import pandas as pd\n\ndef features(record: dict) -> pd.DataFrame:\n    df = pd.DataFrame([record])\n    # TODO: 학습 때 쓴 열 목록과 같은지도 확인할까요?\n    df = df.drop(columns=['Loan_ID'])\n    return df\n",
  },
  weeks: ['beginner/2', 'beginner/4'],
  questions: [
    l('이 줄 바로 뒤에서 {name}을 출력하면 무엇이 바뀌어 있을까요?', 'If you print {name} right after this line, what has changed?'),
    l(
      '모델이 받는 열이 학습 때와 같은지 어떻게 확인할 수 있을까요? (열 목록 비교, 테스트)',
      'How could you check that the model receives the same columns as in training? (compare the column lists, a test)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 변환 결과를 받기\n# 고려사항:\n# - 결과를 같은 이름에 다시 담을까요, 새 이름에 담을까요?\n# - 모델에 넘기기 전에 열 목록이 학습 때와 같은지 확인하나요?\n# df = df.TODO(...)\n',
    en: '# TODO: keep the result of the transformation\n# Consider:\n# - assign it back to the same name, or to a new one?\n# - check the columns against the training columns before predicting?\n# df = df.TODO(...)\n',
  },
  query: '(expression_statement (call function: (attribute object: (identifier) @frame attribute: (identifier) @method) arguments: (argument_list) @args) @call)',
  check(context) {
    const { model } = context;
    if (isTestPath(context.path) || !model.importsModule('pandas')) return;
    for (const { captures } of context.matches) {
      const { frame, method, args, call } = captures;
      if (!COPYING.test(method.text)) continue;
      // `inplace=True` changes the frame itself; `inplace=flag` may.
      const inplace = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'inplace');
      if (inplace && inplace.childForFieldName('value')?.text !== 'False') continue;
      const fn = enclosingFunction(call);
      const scope = fn ? model.source.slice(fn.startIndex, fn.endIndex) : model.source;
      if (!isFrame(frame.text, scope)) continue;
      context.report({ node: call, messageId: 'discarded', data: { name: frame.text, method: method.text } });
    }
  },
});
