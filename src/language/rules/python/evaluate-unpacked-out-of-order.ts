import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../python/model';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';
import { accuracyReadFromFirst, compiledMetrics, evaluateTargets, looksLikeKerasModel, metricKind } from '../../python/evaluate-order';

export default pythonRule({
  id: 'evaluate-unpacked-out-of-order',
  language: 'python',
  category: 'observability',
  severity: 'warning',
  anchors: ['gap:keras-evaluate-order'],
  callees: [/(^|\.)evaluate(_generator)?$/],
  messages: {
    lossFirst: l(
      "Keras의 evaluate()는 [loss, 지표...] 순서로 돌려줍니다 — 첫 값을 받는 '{name}'에는 {kind}가 아니라 loss가 들어가고, 출력·기록되는 '{kind}'는 실제로는 loss입니다",
      "Keras evaluate() returns [loss, *metrics] — '{name}', which receives the first value, holds the loss, not the {kind}, so the {kind} you print or log is really the loss",
    ),
    metricOrder: l(
      "compile(metrics=...)의 순서로 보면 이 자리의 값은 {expected}입니다 — '{name}'에는 {kind}가 아니라 {expected}가 들어갑니다",
      "By the order of compile(metrics=...), this position holds the {expected} — '{name}' receives the {expected}, not the {kind}",
    ),
    accuracyAtZero: l(
      "'{name}[0]'은 evaluate()가 돌려준 loss입니다 — 정확도는 compile(metrics=...)에 적은 순서대로 그 뒤에 옵니다 ({name}[1] ...)",
      "'{name}[0]' is the loss evaluate() returned — the accuracy comes after it, in the order compile(metrics=...) lists the metrics ({name}[1] ...)",
    ),
  },
  docs: {
    summary: l(
      'Keras evaluate의 결과를 풀거나 인덱스로 꺼낼 때, 이름이 말하는 값(acc, loss, mae, auc ...)과 실제 순서(loss가 먼저, 그다음 compile에 적은 지표 순서)가 어긋난 곳과, 결과 전체를 받은 뒤 첫 값을 정확도라고 출력·기록하는 곳을 찾습니다. 사전으로 받은 결과와 이름이 무엇을 담는지 말하지 않는 경우(score, results)는 보지 않습니다.',
      'Flags a Keras evaluate result unpacked or indexed into names that contradict its order: evaluate returns the loss first, then the metrics in the order the compile call lists them, so unpacking the accuracy first and the loss second swaps them, and printing the first item of the whole result as the accuracy prints the loss. Results taken as a dictionary and names that do not say what they hold (score, results) are not checked.',
    ),
    why: l(
      '보고서와 실험 기록의 "정확도"가 실제로는 loss가 됩니다. loss 0.3이 정확도 30 %로 읽혀 좋은 모델을 버리거나, 나쁜 모델을 배포하는 결정이 잘못된 숫자 위에서 내려집니다. 오류도 경고도 나지 않아 아무도 알아채지 못합니다.',
      'The "accuracy" in the report and the experiment log is the loss. A loss of 0.3 reads as 30 % accuracy, so a good model is dropped or a bad one is shipped on a wrong number. Nothing errors or warns, so nobody notices.',
    ),
    bad: 'import tensorflow as tf\n\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(10, activation="softmax")])\nmodel.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])\nmodel.fit(x_train, y_train, epochs=5)\nacc, loss = model.evaluate(x_test, y_test)\nprint("test accuracy", acc)\n',
    good: 'import tensorflow as tf\n\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(10, activation="softmax")])\nmodel.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])\nmodel.fit(x_train, y_train, epochs=5)\n# TODO: 이름으로 꺼내면 순서를 외울 필요가 없습니다\nresults = model.evaluate(x_test, y_test, return_dict=True)\nprint("test accuracy", results["accuracy"])\n',
  },
  weeks: ['beginner/2'],
  questions: [
    l(
      'model.evaluate()는 어떤 순서로 값을 돌려주나요? compile(metrics=...)를 바꾸면 그 순서는 어떻게 달라지나요?',
      'In what order does model.evaluate() return its values, and how does that order change when you edit compile(metrics=...)?',
    ),
    l(
      '출력된 "정확도"가 학습 로그의 val_accuracy와 비슷한지 확인해 보았나요? 다르다면 무엇을 의심해야 할까요?',
      'Did you compare the printed "accuracy" with val_accuracy in the training log? If they differ, what would you suspect?',
    ),
    l(
      '순서에 기대지 않고 이름으로 결과를 꺼내는 방법은 무엇일까요? (결과를 사전으로 받기, Keras가 붙이는 결과 이름)',
      'How could you take the results by name rather than by position? (a dictionary of results, or the names Keras gives them)',
    ),
  ],
  scaffold: {
    ko: '# TODO: evaluate() 결과를 이름으로 받기\n# 고려사항:\n# - return_dict=True로 받으면 results["loss"], results["accuracy"]로 꺼낼 수 있나요?\n# - 순서로 받는다면 [loss, compile의 metrics 순서]와 이름이 맞나요?\n',
    en: '# TODO: take the evaluate() results by name\n# Consider:\n# - with return_dict=True, can you read results["loss"] and results["accuracy"]?\n# - if you unpack by position, do the names follow [loss, *compile metrics]?\n',
  },
  check(context) {
    const { model } = context;
    if (context.calls.length === 0 || isTestPath(context.path)) return;
    // tflearn's DNN.evaluate() returns the accuracy alone, and it imports tensorflow too.
    if (!['keras', 'tensorflow', 'tf_keras'].some((module) => model.importsModule(module)) || model.importsModule('tflearn')) return;
    for (const call of context.calls) {
      const receiver = call.node.childForFieldName('function');
      if (receiver?.type !== 'attribute') continue;
      const flag = keywordArgument(call.node, 'return_dict');
      if (flag && flag.text !== 'False') continue;
      const owner = receiver.childForFieldName('object')?.text ?? '';
      if (!looksLikeKerasModel(model, owner)) continue;
      const bound = call.node.parent?.type === 'assignment' ? call.node.parent.childForFieldName('left') : undefined;
      if (bound?.type === 'identifier') {
        for (const use of accuracyReadFromFirst(model, call.node, bound.text)) context.report({ node: use, messageId: 'accuracyAtZero', data: { name: bound.text } });
        continue;
      }
      const metrics = compiledMetrics(model, owner, call.node.startIndex);
      for (const { node, name, position } of evaluateTargets(call.node)) {
        const kind = metricKind(name);
        if (kind === undefined) continue;
        if (position === 0 && kind !== 'loss') {
          context.report({ node: reportedAt(node), messageId: 'lossFirst', data: { name, kind } });
          break;
        }
        const expected = position > 0 && metrics ? metrics[position - 1] : undefined;
        // Only a name that plainly belongs elsewhere in the order: the loss, or another listed metric.
        if (expected === undefined || expected === kind || (kind !== 'loss' && !metrics?.includes(kind))) continue;
        context.report({ node: reportedAt(node), messageId: 'metricOrder', data: { name, kind, expected } });
        break;
      }
    }
  },
});

/** The statement that binds the result: the line a reviewer points at. */
function reportedAt(node: Node): Node {
  for (let n: Node | null = node; n; n = n.parent) if (n.type === 'expression_statement') return n;
  return node;
}
