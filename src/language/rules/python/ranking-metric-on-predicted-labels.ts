import type { Node } from 'web-tree-sitter';
import { keywordArgument, positionalArguments } from '../../python/model';
import { l, pythonRule } from '../../rule';

/** The score argument of each metric that needs scores or probabilities, by keyword. */
const SCORE_KEYWORD: Readonly<Record<string, string>> = {
  roc_auc_score: 'y_score',
  average_precision_score: 'y_score',
  roc_curve: 'y_score',
  precision_recall_curve: 'y_score',
  log_loss: 'y_pred',
  brier_score_loss: 'y_proba',
};
/**
 * Libraries whose `predict` returns scores rather than labels: a Keras model, an XGBoost or
 * LightGBM Booster from `train()`, a statsmodels Logit, H2O. In a file that uses one of them a
 * `.predict()` output may well be a probability.
 */
const SCORING_PREDICT =
  /\b(?:tensorflow|keras|torch|statsmodels|h2o|pycaret)\b|\b(?:xgb|xgboost|lgb|lightgbm)\.train\s*\(|\bBooster\s*\(|\bpredict\s*\([^)]*\boutput_margin\s*=|\bpredict\s*\([^)]*\braw_score\s*=/;
/** `model.predict(X)`: a call whose attribute is exactly `predict`, not indexed afterwards. */
const PREDICT_CALL = /^[\w.]+\.predict\s*\(/;

export default pythonRule({
  id: 'ranking-metric-on-predicted-labels',
  language: 'python',
  category: 'reproducibility',
  // A warning: the number is computed, it just measures one threshold instead of the ranking.
  severity: 'warning',
  anchors: ['gap:auc-on-labels', 'sklearn:roc_auc_score(y_score)'],
  callees: [
    'sklearn.metrics.roc_auc_score',
    'sklearn.metrics.average_precision_score',
    'sklearn.metrics.roc_curve',
    'sklearn.metrics.precision_recall_curve',
    'sklearn.metrics.log_loss',
    'sklearn.metrics.brier_score_loss',
  ],
  messages: {
    labels: l(
      '{metric}에 .predict()가 낸 예측 레이블을 넘깁니다 — 점수나 확률(predict_proba, decision_function)이 아니므로 이 값은 한 임계값에서의 결과일 뿐이고, 다중 클래스에서는 오류가 납니다',
      '{metric} is given the predicted labels from .predict(), not scores or probabilities (predict_proba, decision_function): the number measures one threshold, and multiclass targets raise',
    ),
  },
  docs: {
    summary: l(
      'roc_auc_score, average_precision_score, roc_curve, precision_recall_curve, log_loss, brier_score_loss에 scikit-learn식 .predict()의 결과(레이블)를 직접 또는 변수로 넘기는 경우를 찾습니다. predict가 점수를 돌려주는 라이브러리(Keras, XGBoost/LightGBM의 train() Booster, statsmodels)를 쓰는 파일은 보지 않습니다.',
      'Flags roc_auc_score, average_precision_score, roc_curve, precision_recall_curve, log_loss and brier_score_loss given the output of a scikit-learn style .predict() (labels), directly or through a variable. Files that use a library whose predict returns scores (Keras, an XGBoost/LightGBM train() Booster, statsmodels) are left alone.',
    ),
    why: l(
      'AUC와 PR 곡선은 모델이 매긴 점수의 순서를 평가합니다. 0과 1뿐인 레이블을 넘기면 곡선은 점 하나가 되고, 보고된 AUC는 모델 비교나 임계값 선택에 쓸 수 없는 다른 숫자가 됩니다. 다중 클래스에서는 scikit-learn이 오류를 내 학습 실행이 끝에서 실패합니다.',
      'AUC and precision-recall curves judge the order of the scores a model gives. Passing 0/1 labels collapses the curve to a single point, so the reported AUC is a different number that cannot compare models or choose a threshold. With more than two classes scikit-learn raises, and the training run fails at the very end.',
    ),
    bad: 'from sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import roc_auc_score\n\nmodel = LogisticRegression(max_iter=1000).fit(X_train, y_train)\ny_pred = model.predict(X_test)\nauc = roc_auc_score(y_test, y_pred)\n',
    good: 'from sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import roc_auc_score\n\nmodel = LogisticRegression(max_iter=1000).fit(X_train, y_train)\n# TODO: 양성 클래스의 확률을 쓰세요. 다중 클래스라면 multi_class는 무엇으로 할까요?\ny_score = model.predict_proba(X_test)[:, 1]\nauc = roc_auc_score(y_test, y_score)\n',
  },
  weeks: ['beginner/2'],
  questions: [
    l(
      '{metric}은(는) 모델이 매긴 순서를 평가합니다. 0과 1만 넘기면 그 순서에 대해 무엇이 남나요?',
      '{metric} judges the order of the model’s scores. What is left of that order when it only gets 0s and 1s?',
    ),
    l(
      '이 모델에서 양성 클래스의 점수는 어느 메서드가 돌려주나요? 클래스가 셋 이상이면 어떻게 되나요?',
      'Which method of this model returns the positive-class score, and what changes with three or more classes?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 순위 지표에는 점수나 확률을 넘기기\n# 고려사항:\n# - predict_proba(X)[:, 1] 또는 decision_function(X)을 쓸 수 있나요?\n# - 다중 클래스라면 multi_class="ovr"와 전체 확률 행렬이 필요합니다\n# - 레이블 기반 지표(정확도, F1)와 순위 지표를 함께 기록하나요?\n',
    en: '# TODO: give ranking metrics scores or probabilities\n# Consider:\n# - can you use predict_proba(X)[:, 1] or decision_function(X)?\n# - multiclass needs multi_class="ovr" and the full probability matrix\n# - do you log label metrics (accuracy, F1) beside the ranking metric?\n',
  },
  check(context) {
    if (SCORING_PREDICT.test(context.model.uncommentedSource)) return;
    for (const { node, callee } of context.calls) {
      const metric = (callee ?? '').slice((callee ?? '').lastIndexOf('.') + 1);
      const keyword = SCORE_KEYWORD[metric];
      if (!keyword) continue;
      const score = keywordArgument(node, keyword) ?? positionalArguments(node)[1];
      if (score && predictedLabels(context.model.source, node, score)) context.report({ node, messageId: 'labels', data: { metric } });
    }
  },
});

/** Is `score` a `.predict(...)` call, or a name last bound to one before `call` in the same scope? */
function predictedLabels(source: string, call: Node, score: Node): boolean {
  if (score.type === 'call') return PREDICT_CALL.test(score.text);
  if (score.type !== 'identifier') return false;
  let scope: Node | null = call.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const before = source.slice(scope?.startIndex ?? 0, call.startIndex);
  const name = score.text;
  // Every binding of the name in the scope before the call; the last one decides (tuple targets and loops make it unknown).
  const assigned = String.raw`^[ \t]*(?:[\w.]+[ \t]*,[ \t]*)*` + name + String.raw`\b[ \t]*(?:,[^=\n]*)?(?::[^=\n]*)?=(?!=)[ \t]*(.*)$`;
  const looped = String.raw`\bfor\b[^\n]*\b` + name + String.raw`\b[^\n]*\bin\b`;
  const bindings = [...before.matchAll(new RegExp(`${assigned}|${looped}`, 'gm'))];
  const last = bindings.at(-1);
  if (!last || last[1] === undefined) return false;
  const value = last[1].replace(/\s+#.*$/, '').trim();
  if (!PREDICT_CALL.test(value) || !wholeCall(value)) return false;
  // `a, b = x.predict(...)` is not a labels vector; only a plain `name = x.predict(...)`.
  return new RegExp(`^[ \\t]*${name}[ \\t]*(?::[^=\\n]*)?=`).test(last[0]);
}

/** Does the call that opens `value` run to its end (`m.predict(f(X))`, not `m.predict(X)[:, 1]` or `m.predict(X) > 0.5`)? */
function wholeCall(value: string): boolean {
  let depth = 0;
  for (let i = value.indexOf('('); i < value.length; i++) {
    if (value[i] === '(') depth++;
    else if (value[i] === ')' && --depth === 0) return value.slice(i + 1).trim() === '';
  }
  return false;
}
