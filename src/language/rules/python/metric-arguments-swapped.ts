import type { Node } from 'web-tree-sitter';
import { positionalArguments } from '../../python/model';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/**
 * scikit-learn metrics whose value changes when (y_true, y_pred) are swapped. Accuracy, F1 and
 * the squared or absolute errors are symmetric, so a swap there changes nothing.
 */
const ORDERED =
  /^sklearn\.metrics\.(r2_score|precision_score|recall_score|fbeta_score|balanced_accuracy_score|roc_auc_score|average_precision_score|classification_report|confusion_matrix|precision_recall_fscore_support|mean_absolute_percentage_error|explained_variance_score|log_loss|brier_score_loss)$/;
/** Words of a name that holds predictions: `y_pred`, `predictions`, `yhat`, `test_probs`. */
const PREDICTED = /^(pred|preds|predict|predicted|prediction|predictions|hat|yhat|proba|probas|probs|probabilities)$/i;
/** Words of a name that holds the truth: `y_test`, `y_true`, `labels`, `val_targets`, or plain `y`. */
const TRUE = /^(test|true|val|valid|label|labels|target|targets|actual|gt|truth)$/i;

function words(node: Node): string[] {
  const name = node.type === 'attribute' ? (node.childForFieldName('attribute')?.text ?? '') : node.type === 'identifier' ? node.text : '';
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split('_');
}

function holdsPredictions(node: Node): boolean {
  if (node.type === 'call') return /\.predict(_proba)?$/.test(node.childForFieldName('function')?.text ?? '');
  return words(node).some((w) => PREDICTED.test(w));
}

function holdsTruth(node: Node): boolean {
  const parts = words(node);
  if (parts.some((w) => PREDICTED.test(w) || /^(score|scores|prob)$/i.test(w))) return false;
  return (node.type === 'identifier' && /^[yY]$/.test(node.text)) || parts.some((w) => TRUE.test(w));
}

export default pythonRule({
  id: 'metric-arguments-swapped',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:sklearn-metric-argument-order'],
  callees: [ORDERED],
  messages: {
    swapped: l(
      "{metric}()는 (y_true, y_pred) 순서로 받습니다 — 여기서는 예측 '{pred}'이 정답 자리에, 정답 '{truth}'이 예측 자리에 있어 값이 달라집니다",
      "{metric}() takes (y_true, y_pred) — here the predictions '{pred}' sit in the truth's place and the truth '{truth}' in the predictions', which changes the value",
    ),
  },
  docs: {
    summary: l(
      '순서에 따라 값이 달라지는 scikit-learn 지표(r2_score, precision/recall, roc_auc_score, confusion_matrix, classification_report, MAPE ...)에 예측을 첫 번째, 정답을 두 번째로 넘긴 호출을 찾습니다. 이름(y_pred, predictions / y_test, y_true, labels)이나 model.predict(...) 호출로 판단하며, 키워드로 넘긴 인자와 대칭인 지표(accuracy, F1, MSE, MAE)는 보지 않습니다.',
      'Flags scikit-learn metrics whose value depends on the order (r2_score, precision/recall, roc_auc_score, confusion_matrix, classification_report, MAPE ...) called with the predictions first and the truth second, judged by the names (y_pred, predictions / y_test, y_true, labels) or a model.predict(...) call. Keyword arguments and symmetric metrics (accuracy, F1, MSE, MAE) are not checked.',
    ),
    why: l(
      'R²는 정답의 분산으로 나누므로 순서를 바꾸면 다른 숫자가 됩니다. precision과 recall은 서로 뒤바뀌고, 혼동 행렬은 전치되어 "실제"와 "예측" 축이 바뀝니다. 이 숫자로 모델을 고르거나 배포를 결정하면 잘못된 근거 위에서 결정하게 됩니다.',
      'R² divides by the variance of the truth, so a swap gives another number; precision and recall trade places, and a confusion matrix is transposed so its "actual" and "predicted" axes are swapped. Choosing or shipping a model on that number is a decision on a wrong basis.',
    ),
    bad: 'from sklearn.metrics import r2_score\n\ny_pred = model.predict(X_test)\nr2 = r2_score(y_pred, y_test)\nprint("R2", r2)\n',
    good: 'from sklearn.metrics import r2_score\n\ny_pred = model.predict(X_test)\n# TODO: 키워드로 넘기면 순서를 헷갈릴 일이 없습니다\nr2 = r2_score(y_true=y_test, y_pred=y_pred)\nprint("R2", r2)\n',
  },
  weeks: ['beginner/2'],
  questions: [
    l(
      '이 지표는 어떤 순서로 인자를 받나요? 두 인자를 바꾸면 값이 같을까요, 달라질까요?',
      'In what order does this metric take its arguments, and does its value stay the same when you swap them?',
    ),
    l('정밀도와 재현율이 뒤바뀌었다면, 이 모델에 대한 결론은 어떻게 달라질까요?', 'If precision and recall were swapped, how would your conclusion about this model change?'),
  ],
  scaffold: {
    ko: '# TODO: 지표에 정답과 예측을 제자리에 넘기기\n# 고려사항:\n# - 첫 번째가 정답(y_true), 두 번째가 예측(y_pred)인가요?\n# - y_true=..., y_pred=... 키워드로 넘기면 더 분명한가요?\n',
    en: '# TODO: pass the truth and the predictions in their places\n# Consider:\n# - is the truth (y_true) first and the prediction (y_pred) second?\n# - would y_true=..., y_pred=... keywords make it plain?\n',
  },
  check(context) {
    if (context.calls.length === 0 || isTestPath(context.path)) return;
    for (const call of context.calls) {
      const [first, second] = positionalArguments(call.node);
      if (!first || !second || !holdsPredictions(first) || !holdsTruth(second)) continue;
      const metric = (call.callee ?? '').split('.').pop() ?? 'metric';
      context.report({ node: call.node, messageId: 'swapped', data: { metric, pred: first.text, truth: second.text } });
    }
  },
});
