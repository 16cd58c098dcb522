import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArgument } from '../../python/model';
import { l, pythonRule } from '../../rule';

/** LightGBM's row-sampling fraction and its aliases (the scikit-learn wrapper calls it `subsample`). */
const FRACTION = /^(bagging_fraction|subsample|sub_row|bagging)$/;
/** Parameter names only LightGBM uses: a dict holding one of them is LightGBM's, so its `subsample` is too. */
const LIGHTGBM_ONLY = /^(num_leaves|bagging_fraction|feature_fraction|min_data_in_leaf|min_sum_hessian_in_leaf|lambda_l1|lambda_l2|boosting_type|max_bin)$/;
/** The scikit-learn wrappers, whose `subsample` is the same fraction. */
const WRAPPER = /^lightgbm(\.sklearn)?\.LGBM(Classifier|Regressor|Ranker|Model)$/;

/** The key of a dictionary pair written as a string (`'bagging_fraction': 0.8`). */
function keyName(pair: Node): string | undefined {
  const key = pair.childForFieldName('key');
  return key?.type === 'string' ? key.text.replace(/^[rbuf]*['"]|['"]$/gi, '') : undefined;
}

/** A fraction of 1 samples every row: nothing is lost when bagging stays off. */
function samplesEveryRow(value: Node | null | undefined): boolean {
  return value !== null && value !== undefined && /^1(\.0*)?$/.test(value.text);
}

export default pythonRule({
  id: 'lightgbm-bagging-without-frequency',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:lightgbm-bagging-freq'],
  query: '(dictionary) @dict',
  callees: [/(^|\.)LGBM(Classifier|Regressor|Ranker|Model)$/],
  messages: {
    ignored: l(
      "LightGBM은 bagging_freq(subsample_freq)가 0이면 행 샘플링을 하지 않습니다 — '{name}'은(는) 설정만 있고 학습에는 아무 영향이 없습니다 (튜닝했다면 그 차원도 헛돈 것입니다)",
      "LightGBM samples rows only when bagging_freq (subsample_freq) is above 0 — '{name}' is set but changes nothing in training (and if it was tuned, that search dimension was wasted)",
    ),
  },
  docs: {
    summary: l(
      'LightGBM 파라미터(딕셔너리, LGBMClassifier/LGBMRegressor)에 bagging_fraction이나 subsample을 주면서 bagging_freq/subsample_freq는 어디에도 주지 않은 곳을 찾습니다.',
      'Flags LightGBM parameters (a params dict, LGBMClassifier/LGBMRegressor) that set bagging_fraction or subsample while no bagging_freq/subsample_freq is set anywhere in the file.',
    ),
    why: l(
      'LightGBM의 bagging_freq 기본값은 0이고, 0이면 bagging이 꺼져 bagging_fraction(scikit-learn 래퍼에서는 subsample)은 무시됩니다. 경고도 없습니다. 기록된 설정에는 0.8로 샘플링했다고 남지만 실제로는 모든 행으로 학습했고, Optuna가 이 값을 탐색했다면 시도 횟수만 낭비한 것입니다. XGBoost에서 subsample이 바로 동작하는 것과 다르기 때문에 자주 생기는 실수입니다.',
      'LightGBM’s bagging_freq defaults to 0, and at 0 bagging is off and bagging_fraction (subsample in the scikit-learn wrapper) is ignored, with no warning. The recorded configuration says rows were sampled at 0.8 while every row was used; if Optuna searched this value, those trials were spent on nothing. It is a common slip because XGBoost’s subsample works on its own.',
    ),
    bad: 'import lightgbm as lgb\n\nparams = {\n    "objective": "binary",\n    "num_leaves": 63,\n    "bagging_fraction": 0.8,\n    "feature_fraction": 0.8,\n}\nbooster = lgb.train(params, lgb.Dataset(X, label=y))\n',
    good: 'import lightgbm as lgb\n\nparams = {\n    "objective": "binary",\n    "num_leaves": 63,\n    "bagging_fraction": 0.8,\n    # TODO: 몇 번째 반복마다 다시 샘플링할까요?\n    "bagging_freq": 1,\n    "feature_fraction": 0.8,\n}\nbooster = lgb.train(params, lgb.Dataset(X, label=y))\n',
  },
  weeks: ['beginner/3', 'intermediate/5'],
  questions: [
    l(
      'bagging_freq가 0일 때 LightGBM은 {name|이 값}으로 무엇을 하나요? 이 설정으로 학습한 모델과 {name|이 값} 없이 학습한 모델은 무엇이 다를까요?',
      'With bagging_freq at 0, what does LightGBM do with {name|this value}? How would a model trained with it differ from one trained without it?',
    ),
    l(
      '기록된 하이퍼파라미터와 실제로 학습에 쓰인 설정이 다르다면, 나중에 이 실험을 재현하거나 비교할 때 무엇이 어긋날까요?',
      'If the recorded hyper-parameters differ from what training actually used, what goes wrong when this experiment is reproduced or compared later?',
    ),
  ],
  scaffold: {
    ko: '# TODO: LightGBM이 이 샘플링 설정을 실제로 쓰게 하기\n# 고려사항:\n# - 문서에서 bagging이 켜지는 조건은 무엇인가요? 두 파라미터 중 무엇이 빠졌나요?\n# - 샘플링이 필요 없다면 이 값을 남겨 둘 이유가 있나요?\n# - 튜닝 중이라면 어떤 값들을 함께 탐색해야 할까요?\n# TODO: 파라미터에서 bagging이 켜지는지 확인하기\n',
    en: '# TODO: make LightGBM actually use this sampling setting\n# Consider:\n# - when does the documentation say bagging is on, and which of the two parameters is missing?\n# - no sampling wanted? is there a reason to keep this value?\n# - tuning? which values must be searched together?\n# TODO: check that the parameters switch bagging on\n',
  },
  check(context) {
    const { model } = context;
    if (!model.importsModule('lightgbm')) return;
    // Set anywhere (a later `params["bagging_freq"] = 1`, a config key): bagging may be on.
    if (/\b(bagging_freq|subsample_freq)\b/.test(model.uncommentedSource)) return;
    // GOSS samples by gradient and ignores bagging; random-forest mode refuses to run without it.
    if (/\b(goss|data_sample_strategy)\b/.test(model.uncommentedSource)) return;
    for (const { captures } of context.matches) {
      const dict = captures.dict!;
      if (dict.namedChildren.some((child) => child?.type === 'dictionary_splat')) continue;
      const pairs = dict.namedChildren.filter((child): child is Node => child?.type === 'pair');
      const names = pairs.map(keyName);
      // `subsample` is XGBoost's too: only a dict that is LightGBM's by another key counts.
      if (!names.some((name) => name !== undefined && LIGHTGBM_ONLY.test(name))) continue;
      const fraction = pairs.find((pair) => FRACTION.test(keyName(pair) ?? ''));
      if (!fraction || samplesEveryRow(fraction.childForFieldName('value'))) continue;
      context.report({ node: fraction, messageId: 'ignored', data: { name: keyName(fraction) ?? 'bagging_fraction' } });
    }
    for (const call of context.calls) {
      if (!WRAPPER.test(call.callee ?? '') || hasSplat(call.node)) continue;
      const fraction = keywordArgument(call.node, 'subsample') ?? keywordArgument(call.node, 'bagging_fraction');
      if (!fraction || samplesEveryRow(fraction)) continue;
      context.report({ node: fraction.parent ?? fraction, messageId: 'ignored', data: { name: fraction.parent?.childForFieldName('name')?.text ?? 'subsample' } });
    }
  },
});
