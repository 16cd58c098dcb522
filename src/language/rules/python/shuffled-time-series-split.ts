import { hasSplat, keywordArgument, type PythonModel } from '../../python/model';
import { isTrainingScript } from '../../python/training';
import { l, pythonRule } from '../../rule';

/** Splitters that shuffle rows: train_test_split (unless shuffle=False), ShuffleSplit, KFold(shuffle=True). */
const SHUFFLING = ['sklearn.model_selection.train_test_split', 'sklearn.model_selection.ShuffleSplit', 'sklearn.model_selection.StratifiedShuffleSplit'];
const SHUFFLE_OPTIONAL = ['sklearn.model_selection.KFold', 'sklearn.model_selection.StratifiedKFold', 'sklearn.model_selection.RepeatedKFold'];
/** The file turns text into dates or downloads prices: its rows carry a time. */
const PARSES_TIME =
  /\bparse_dates\s*=|\bto_datetime\(|\bstrptime\(|\.dt\.(year|month|day|dayofweek|weekday|hour|date|quarter)\b|\bDatetimeIndex\(|\bdate_range\(|\byf\.download\(|\byfinance\b/;
/** ... and the rows are used in time order: lags and windows, a date column as a feature, a sort by date. */
const TIME_ORDERED: readonly [RegExp, (name: string) => string][] = [
  [/\.(shift|rolling|expanding|ewm|pct_change|diff)\(/, (name) => `${name}()`],
  [/\[[^\]\n]*["'](date|Date|DATE|datetime|Datetime|timestamp|Timestamp|ds)["'][^\]\n]*\]/, (name) => `'${name}'`],
  [/\.(sort_values|sort_index)\(/, (name) => `${name}()`],
];

export default pythonRule({
  id: 'shuffled-time-series-split',
  language: 'python',
  category: 'reproducibility',
  // A warning: the score is optimistic by construction, but the code runs and the fix is a design choice.
  severity: 'warning',
  anchors: ['gap:temporal-leakage'],
  callees: [...SHUFFLING, ...SHUFFLE_OPTIONAL],
  messages: {
    shuffled: l(
      '시간 순서가 있는 데이터({evidence})를 {splitter}가 무작위로 섞어 나눕니다 — 모델이 테스트 날짜보다 뒤의 데이터로 학습하므로 점수가 실제보다 좋게 나옵니다',
      '{splitter} shuffles time-ordered data ({evidence}) into train and test — the model learns from days after the ones it is tested on, so the score is better than any forecast will be',
    ),
  },
  docs: {
    summary: l(
      '날짜를 파싱하고 시차·이동창 특징이나 날짜 열을 쓰는 데이터를 train_test_split, ShuffleSplit, shuffle=True인 KFold로 무작위로 나누는 학습 스크립트를 찾습니다.',
      'Flags training scripts that parse dates, use lag/window features or a date column, and then split at random with train_test_split, ShuffleSplit or KFold(shuffle=True).',
    ),
    why: l(
      '운영에서 모델은 항상 과거로 학습해 미래를 예측합니다. 무작위 분할은 미래의 행을 학습에 섞어 넣어(시간 누수) 오프라인 점수를 부풀리고, 배포 후에야 성능이 떨어진 것을 알게 됩니다.',
      'In production a model always learns from the past to predict the future. A random split mixes future rows into training (temporal leakage), inflates the offline score, and the drop is discovered only after deployment.',
    ),
    bad: 'import pandas as pd\nfrom sklearn.ensemble import RandomForestRegressor\nfrom sklearn.model_selection import train_test_split\n\ndf = pd.read_csv("sales.csv", parse_dates=["date"])\ndf["lag_7"] = df["sales"].shift(7)\nX_train, X_test, y_train, y_test = train_test_split(df[["lag_7"]], df["sales"], random_state=0)\nRandomForestRegressor(random_state=0).fit(X_train, y_train)\n',
    good: 'import pandas as pd\nfrom sklearn.ensemble import RandomForestRegressor\nfrom sklearn.model_selection import train_test_split\n\ndf = pd.read_csv("sales.csv", parse_dates=["date"]).sort_values("date")\ndf["lag_7"] = df["sales"].shift(7)\n# TODO: 테스트 기간은 얼마나 길어야 할까요? 롤링 검증(TimeSeriesSplit)도 필요할까요?\nX_train, X_test, y_train, y_test = train_test_split(df[["lag_7"]], df["sales"], shuffle=False)\nRandomForestRegressor(random_state=0).fit(X_train, y_train)\n',
  },
  weeks: ['beginner/2', 'intermediate/5'],
  questions: [
    l(
      '운영에서 이 모델은 어느 시점의 데이터로 학습하고 어느 시점을 예측하게 되나요? 지금의 분할도 그렇게 되어 있나요?',
      'In production, which period will this model learn from and which will it predict? Does this split follow the same order?',
    ),
    l(
      '테스트 세트의 어떤 날짜보다 뒤의 행이 학습 세트에 들어 있다면, 그 점수는 무엇을 말해 줄까요?',
      'If the training set holds rows from after some test dates, what does the score tell you?',
    ),
    l(
      '{splitter} 대신 시간 순서를 지키는 검증(마지막 기간 떼어 두기, TimeSeriesSplit)은 어떻게 설계하시겠어요?',
      'Instead of {splitter}, how would you design a validation that keeps time order (holding out the last period, TimeSeriesSplit)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 시간 순서를 지키는 분할\n# 고려사항:\n# - 데이터를 날짜 순으로 정렬했나요?\n# - 마지막 기간을 테스트로 떼어 둘까요, 롤링 검증(TimeSeriesSplit)을 할까요?\n# - 시차 특징이 테스트 기간의 값을 미리 보지 않나요?\n# TODO: 무작위 분할을 시간 기준 분할로 바꾸기\n',
    en: '# TODO: a split that keeps time order\n# Consider:\n# - are the rows sorted by date?\n# - hold out the last period, or validate on rolling windows (TimeSeriesSplit)?\n# - do lag features peek into the test period?\n# TODO: replace the random split with a time-based one\n',
  },
  check(context) {
    const { model } = context;
    if (!isTrainingScript(model) && model.role !== 'script') return;
    const evidence = timeOrder(model);
    if (!evidence) return;
    for (const call of context.calls) {
      const callee = call.callee!;
      if (hasSplat(call.node)) continue;
      const shuffle = keywordArgument(call.node, 'shuffle')?.text;
      if (SHUFFLE_OPTIONAL.includes(callee) ? shuffle !== 'True' : shuffle === 'False') continue;
      const splitter = callee.slice(callee.lastIndexOf('.') + 1);
      context.report({ node: call.node.childForFieldName('function') ?? call.node, messageId: 'shuffled', data: { splitter, evidence } });
    }
  },
});

/** Why the rows are time-ordered, or undefined when nothing says so (or the file already validates in time order). */
/** A sort by a date column says both things at once: the rows carry a time and their order matters. */
const SORTS_BY_DATE = /\.(sort_values)\(\s*(?:by\s*=\s*)?\[?\s*["'](?:date|Date|DATE|datetime|Datetime|timestamp|Timestamp|ds)["']/;

function timeOrder(model: PythonModel): string | undefined {
  if (SORTS_BY_DATE.test(model.source)) {
    const source = model.uncommentedSource;
    const found = SORTS_BY_DATE.exec(source);
    if (found && !model.calls.some((c) => /(^|\.)TimeSeriesSplit$/.test(c.callee ?? ''))) return `${found[1]}()`;
  }
  if (!PARSES_TIME.test(model.source)) return undefined;
  // Comments do not count: a TODO that mentions TimeSeriesSplit has not adopted it.
  const source = model.uncommentedSource;
  if (!PARSES_TIME.test(source) || model.calls.some((c) => /(^|\.)TimeSeriesSplit$/.test(c.callee ?? ''))) return undefined;
  for (const [pattern, show] of TIME_ORDERED) {
    const found = pattern.exec(source);
    if (found) return show(found[1]);
  }
  return undefined;
}
