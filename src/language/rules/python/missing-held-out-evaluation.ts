import type { Node } from 'web-tree-sitter';
import { positionalArguments, type CallInfo, type PythonModel } from '../../python/model';
import { evaluatedOnTrainingData, fittedOnSplitSource, idleTrainerEvalSet, isLightningFit, lightningFitWithoutValidation, scoredLoopWithoutHeldOut } from '../../python/held-out';
import { isTestPath } from '../../python/test-code';
import { isTrainingCall, isTrainingScript, trainsOnlyWhenCalled } from '../../python/training';
import { l, pythonRule } from '../../rule';
import { isNotebookModel } from '../../python/notebooks';

/** Splitters whose held-out part the script must then use. */
const SPLIT = /(^|\.)(train_test_split|random_split)$/;
/** Evaluation that holds data out by itself (cross-validation, searches, splitters). */
const SELF_HOLDING =
  /(^|\.)(cross_val_score|cross_validate|cross_val_predict|\w*SearchCV|\w*KFold|\w*ShuffleSplit|TimeSeriesSplit|LeaveOneOut|LeavePOut|PredefinedSplit|validation_curve|learning_curve)$/;
/** Keywords that hand held-out data to a training call (Keras, XGBoost, LightGBM, HF, Lightning). */
const HELD_OUT_KEYWORDS = /\b(validation_data|validation_split|eval_set|evals|valid_sets|eval_dataset|val_dataloaders|datamodule|early_stopping_rounds)\s*=/;
/** Held-out names: `X_test`, `val_loader`, and the course style with no separator, `Xtest`, `Yval`, `testX`. */
const HELD_OUT_NAME = /(^|[^a-z])[xy]?(test|val|valid|validation|holdout|dev|eval)[xy]?([^a-z]|$)/i;
/** Calls that measure a model: metric functions, `.score`, `.evaluate`, an `evaluate_model` or `compute_metrics` helper. */
const MEASURES =
  /^sklearn\.metrics\.|(^|\.)(score|\w*_score|\w*_error|classification_report|confusion_matrix|log_loss|\w*evaluat\w*|validate|test|(compute|calc|calculate|get)_(\w+_)?metrics)$/i;
const SCORES = /(^|\.)(score|predict|predict_proba|evaluate)$/;
/** A call in an expression that measures or applies a model (a metric, `.score`, `.predict`, `.evaluate`). */
const MEASURING_CALL = /\b(predict\w*|score|\w+_score|\w+_error|\w*evaluat\w*|classification_report|confusion_matrix|log_loss)\s*\(/;
/** Reading a prepared training split (`train.csv`, `split="train"`): the held-out part lives elsewhere. */
const TRAINING_SPLIT =
  /["'][^"'\n]*(?:^|[\\/_.-])train(?:ing)?(?:[\\/_.-][^"'\n]*)?\.(?:csv|tsv|parquet|jsonl?|feather|pkl|pickle|npy|npz|txt|arrow)["']|\bsplit\s*=\s*["']train|\[\s*["']train["']\s*\]|\btrain\s*=\s*True\b|\btrain_(?:path|file|dir|data|csv|set)\b/i;

export default pythonRule({
  id: 'missing-held-out-evaluation',
  language: 'python',
  category: 'reproducibility',
  // A warning, not an error: the run works, but its one number says nothing about new data.
  severity: 'warning',
  anchors: ['gap:no-held-out-evaluation'],
  messages: {
    fitOnAll: l(
      "train_test_split이 나눈 전체 '{data}'로 모델을 학습합니다 — 평가용 '{held}'의 행도 학습에 들어갔으므로, 그 점수는 새 데이터에서의 성능이 아닙니다",
      "The model is fitted on '{data}', the whole data train_test_split divided — the rows of '{held}' were trained on too, so the score on them is not performance on new data",
    ),
    sameData: l(
      "모델을 학습한 '{data}'로 다시 채점합니다 — 이 점수는 외운 정도이지, 새 데이터에서의 성능이 아닙니다",
      "The model is scored on '{data}', the data it was trained on — the number measures memory, not performance on new data",
    ),
    splitUnused: l(
      "평가용으로 떼어 둔 '{held}'를 어디에도 쓰지 않습니다 — 모델은 한 번도 평가받지 않고 저장됩니다",
      "The held-out split '{held}' is never used — the model is kept without ever being evaluated",
    ),
    scoreDropped: l(
      '평가 결과를 계산하고 버립니다 — 점수가 출력되지도, 기록되지도, 모델 옆에 저장되지도 않아 이 모델이 얼마나 좋은지 아무도 알 수 없습니다',
      'The evaluation is computed and thrown away — the score is neither printed, logged nor stored beside the model, so nobody learns how good it is',
    ),
    noHeldOut: l(
      '모든 행으로 학습하고, 보지 못한 데이터로 평가하지 않습니다 — 이 모델이 얼마나 좋은지 아무것도 말해 주지 않습니다',
      'The model trains on every row and is never evaluated on data it has not seen — nothing says how good it is',
    ),
  },
  docs: {
    summary: l(
      'train_test_split이 나눈 전체 데이터로 학습한 뒤 테스트 부분으로 채점하거나, 학습한 데이터로 다시 채점하거나(Trainer의 eval_dataset·Keras의 validation_data가 학습 데이터인 경우, Surprise trainset의 build_testset()으로 평가하는 경우, 떼어 둔 데이터 없이 점수를 내는 PyTorch 루프 포함), train_test_split로 떼어 둔 테스트 데이터를 쓰지 않거나, 검증 데이터 없이 학습만 하는(검증 로더 없는 Lightning fit 포함) 학습 스크립트와, 평가 결과(Keras model.evaluate, HF trainer.evaluate)를 계산만 하고 버리는 경우를 찾습니다.',
      'Flags training scripts that fit a model on the whole data train_test_split divided and then score it on the test part, score a model on its own training data (also as a Trainer eval_dataset or Keras validation_data, a Surprise trainset.build_testset(), or a PyTorch loop that reports a score with no held-out data anywhere), split off a test set and never use it, or train with no held-out data at all (a Lightning fit with no validation loader too); also an evaluation (Keras model.evaluate, HF trainer.evaluate) whose result is thrown away.',
    ),
    why: l(
      '학습 데이터에서의 점수는 거의 항상 좋게 나옵니다. 보지 못한 데이터로 평가하지 않으면 과적합을 알아챌 수 없고, 새 모델이 지금 모델보다 나은지 비교할 기준도 없습니다.',
      'Scores on training data are nearly always good. Without an evaluation on unseen data you cannot see overfitting, and you have no baseline to tell whether a new model beats the current one.',
    ),
    bad: 'import joblib\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.model_selection import train_test_split\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)\nmodel = RandomForestClassifier(random_state=0)\nmodel.fit(X_train, y_train)\njoblib.dump(model, "model.joblib")\n',
    good: 'import joblib\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import f1_score\nfrom sklearn.model_selection import train_test_split\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)\nmodel = RandomForestClassifier(random_state=0)\nmodel.fit(X_train, y_train)\n# TODO: 이 점수를 어디에 기록하고, 기준에 못 미치면 어떻게 할까요?\nscore = f1_score(y_test, model.predict(X_test))\njoblib.dump(model, "model.joblib")\n',
  },
  weeks: ['beginner/2', 'beginner/4'],
  questions: [
    l('이 모델이 한 번도 보지 못한 데이터에서 얼마나 맞힐지, 지금 코드로 알 수 있나요?', 'Can this code tell you how well the model does on data it has never seen?'),
    l("'{held}'는 무엇을 재려고 떼어 두었나요? 그 점수는 어디에 남기면 좋을까요?", "What did you hold '{held}' out to measure? Where should that score be kept?"),
    l(
      "'{data}'의 정답을 이미 본 모델에게 '{data}'를 다시 풀게 하면, 그 점수로 무엇을 결정할 수 있을까요?",
      "If a model that has seen the answers for '{data}' is tested on '{data}' again, what can that score decide?",
    ),
    l(
      '평가 점수가 지금 서빙 중인 모델보다 낮으면 이 스크립트는 어떻게 해야 할까요? 그래도 모델을 저장하나요?',
      'If the held-out score is below the model now serving, what should this script do? Save the model anyway?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 보지 못한 데이터로 평가하기\n# 고려사항:\n# - 학습 전에 검증/테스트 데이터를 떼어 두었나요? (시계열이면 시간 순서대로)\n# - 어떤 지표가 이 문제에 맞나요? (정확도, F1, MAE ...)\n# - 점수는 어디에 기록하고, 어떤 기준을 넘어야 모델을 저장할까요?\n# TODO: 떼어 둔 데이터로 지표를 계산하고 기록하기\n',
    en: '# TODO: evaluate on unseen data\n# Consider:\n# - is validation/test data held out before training? (in time order for a time series)\n# - which metric fits the problem? (accuracy, F1, MAE ...)\n# - where is the score recorded, and what bar must it clear before the model is saved?\n# TODO: compute and record a metric on the held-out data\n',
  },
  check(context) {
    // A notebook saved as a script is an exploration, not the code that runs (see isNotebookExport).
    if (isNotebookModel(context.model)) return;
    const { model } = context;
    // Tests fit toy models on purpose and check what they learned on the same rows.
    if (!isTrainingScript(model) || isTestPath(model.path)) return;
    const same = evaluatedOnTrainingData(model);
    if (same) {
      context.report({ node: same.node, messageId: 'sameData', data: { data: same.data } });
      return;
    }
    const dropped = droppedEvaluation(model);
    if (dropped) {
      context.report({ node: dropped, messageId: 'scoreDropped' });
      return;
    }
    // Lightning's fit owns its validation loop: with no loader for it, nothing is held out, wherever the fit lives.
    const lightning = lightningFitWithoutValidation(model);
    if (lightning) {
      context.report({ node: lightning.node, messageId: 'noHeldOut' });
      return;
    }
    // A Trainer handed an eval set it never evaluates (no strategy in its arguments, no evaluate()/predict()).
    const idle = idleTrainerEvalSet(model);
    if (idle) {
      context.report({ node: idle, messageId: 'splitUnused', data: { held: idle.text } });
      return;
    }
    const fits = model.calls.filter((c) => isSupervisedFit(model, c));
    if (fits.length === 0) {
      const scored = trainsOnlyWhenCalled(model) ? undefined : scoredLoopWithoutHeldOut(model);
      if (scored) context.report({ range: model.rangeOf(scored.start, scored.end), messageId: 'noHeldOut' });
      return;
    }
    let unused = false;
    let code: string | undefined;
    for (const split of model.calls) {
      if (!SPLIT.test(split.callee ?? '')) continue;
      const held = heldOutNames(split.node);
      // Used means read in the end: a held-out part only turned into other names that nothing reads
      // (`X_test_scaled = scaler.transform(X_test)`, `test_x = test["review"]`) was still never evaluated on.
      code ??= model.source.replace(/#[^\n]*/g, (comment) => ' '.repeat(comment.length));
      const from = statementOf(split.node).endIndex;
      if (held.length === 0 || held.some((name) => readLater(model, code!, name, from, !split.inFunction, 0))) continue;
      // A split at module level makes globals: a function defined above it (an Optuna `objective`,
      // an `evaluate()` called from `__main__`) reads them when it runs.
      if (!split.inFunction && held.some((name) => readInFunctionAbove(model, split.node, name))) continue;
      const fit = fits.find((f) => f.node.startIndex > split.node.startIndex);
      context.report({ node: fit?.node ?? split.node, messageId: 'splitUnused', data: { held: held.join(', ') } });
      unused = true;
    }
    if (unused) return;
    const whole = fittedOnSplitSource(model, (c) => isSupervisedFit(model, c));
    if (whole) {
      context.report({ node: whole.fit, messageId: 'fitOnAll', data: { data: whole.data, held: whole.held } });
      return;
    }
    if (holdsDataOut(model)) return;
    for (const fit of fits) {
      const data = positionalArguments(fit.node)[0];
      if (data?.type !== 'identifier') continue;
      // The same name in another function (`def fit(self, X, y)` / `def predict(self, X)`) is other data.
      const scorer = model.calls.find(
        (c) =>
          c.node.startIndex > fit.node.endIndex && c.inFunction?.id === fit.inFunction?.id && SCORES.test(c.callee ?? '') && positionalArguments(c.node)[0]?.text === data.text,
      );
      if (scorer) {
        context.report({ node: scorer.node, messageId: 'sameData', data: { data: data.text } });
        return;
      }
    }
    if (trainsOnlyWhenCalled(model) || TRAINING_SPLIT.test(model.source)) return;
    context.report({ node: fits[0].node, messageId: 'noHeldOut' });
  },
});

/** `est.fit(X, y)` (features and labels), `xgb.train(params, dtrain)`, or a Hugging Face `Trainer.train()`. */
function isSupervisedFit(model: PythonModel, call: CallInfo): boolean {
  if (!isTrainingCall(model, call)) return false;
  const callee = call.callee ?? '';
  if (/Trainer\.train$/.test(callee)) return true;
  return /(^|\.)(fit|train)$/.test(callee) && positionalArguments(call.node).length >= 2;
}

/** Anything in the file that evaluates on data kept out of training. */
function holdsDataOut(model: PythonModel): boolean {
  if (HELD_OUT_KEYWORDS.test(model.uncommentedSource)) return true;
  return model.calls.some((c) => {
    const callee = c.callee ?? '';
    if (SELF_HOLDING.test(callee)) return true;
    // A training routine handed held-out data (`trainer.train(epochs, train_loader, test_loader)`,
    // `fit(X_train, y_train, X_val, y_val)`) evaluates on it inside, where this file cannot see.
    if (/(^|\.)(fit|train)$/.test(callee) && heldOutArgument(c.node)) return true;
    // A split whose held-out part is used somewhere (passed to a helper, scored ...).
    if (SPLIT.test(callee)) return true;
    // Lightning's `trainer.fit(model, train_loader, val_loader)`, the trainer known by its class or by the binding of its receiver.
    if (/(^|\.)fit$/.test(callee) && positionalArguments(c.node).length >= 3 && (/Trainer\.fit$/.test(callee) || isLightningFit(model, c))) return true;
    return MEASURES.test(callee) && HELD_OUT_NAME.test(model.source.slice(c.node.startIndex, c.node.endIndex));
  });
}

/** An argument (positional or keyword value) named as held-out data: `test_loader`, `X_val`, `valid_ds`. */
function heldOutArgument(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  return (args?.namedChildren ?? []).some((arg) => {
    const value = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
    return value?.type === 'identifier' && HELD_OUT_NAME.test(value.text);
  });
}

/** The held-out targets of `X_train, X_test, y_train, y_test = train_test_split(...)`: every second name. */
function heldOutNames(split: Node): string[] {
  const assignment = split.parent?.type === 'assignment' ? split.parent : undefined;
  const left = assignment?.childForFieldName('left');
  if (!left || (left.type !== 'pattern_list' && left.type !== 'tuple_pattern')) return [];
  const names = left.namedChildren.map((n) => (n?.type === 'identifier' ? n.text : ''));
  if (names.some((n) => n === '') || names.length % 2 !== 0) return [];
  return names.filter((_, i) => i % 2 === 1);
}

/**
 * A model's or trainer's own `.evaluate(...)` whose result nothing keeps: a bare statement, or
 * names bound to it that nothing reads. Not `mlflow.evaluate` (a module's function, which logs its
 * results) nor `self.evaluate()` (the class's own method, which may record them).
 */
function droppedEvaluation(model: PythonModel): Node | undefined {
  let code: string | undefined;
  for (const call of model.calls) {
    const fn = call.node.childForFieldName('function');
    // Keras 2's `evaluate_generator` (beside `fit_generator`) scores a generator the same way.
    if (fn?.type !== 'attribute' || !/^evaluate(_generator)?$/.test(fn.childForFieldName('attribute')?.text ?? '')) continue;
    const receiver = fn.childForFieldName('object');
    if (receiver?.type !== 'identifier' || receiver.text === 'self' || model.imports.has(receiver.text)) continue;
    const parent = call.node.parent;
    if (parent?.type === 'expression_statement') return call.node;
    if (parent?.type !== 'assignment' || parent.parent?.type !== 'expression_statement' || parent.childForFieldName('right')?.id !== call.node.id) continue;
    const left = parent.childForFieldName('left');
    const bound = left?.type === 'identifier' ? [left] : left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : [];
    if (bound.length === 0 || bound.some((n) => n?.type !== 'identifier')) continue;
    code ??= model.source.replace(/#[^\n]*/g, (comment) => ' '.repeat(comment.length));
    const moduleLevel = !call.inFunction;
    if (bound.every((n) => !readLater(model, code!, n!.text, parent.endIndex, moduleLevel, 0) && !(moduleLevel && readInFunctionAbove(model, parent, n!.text)))) return call.node;
  }
  return undefined;
}

/**
 * Is `name` read after `from` in the code (comments blanked, offsets kept)? A read that only binds
 * other plain names (`X_test_scaled = scaler.transform(X_test)`) counts through those names: it is
 * a use when one of them is read later, or (at module level) by a function defined above.
 */
function readLater(model: PythonModel, code: string, name: string, from: number, moduleLevel: boolean, depth: number): boolean {
  if (depth > 4) return true;
  const pattern = new RegExp(`\\b${name}\\b`, 'g');
  pattern.lastIndex = from;
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    // `self.test` or `args.test` is another name.
    if (code[match.index - 1] === '.') continue;
    const at = match.index;
    const assignment = model.assignments.find((a) => {
      const right = a.childForFieldName('right');
      return right !== null && right.startIndex <= at && at < right.endIndex;
    });
    const left = assignment?.childForFieldName('left');
    if (!assignment || !left || assignment.parent?.type !== 'expression_statement') return true;
    // Scoring on it is the use, whatever becomes of the score (`score = f1_score(y_test, model.predict(X_test))`).
    if (MEASURING_CALL.test(assignment.childForFieldName('right')?.text ?? '')) return true;
    const bound = left.type === 'identifier' ? [left] : left.type === 'pattern_list' || left.type === 'tuple_pattern' ? left.namedChildren : [];
    if (bound.length === 0 || bound.some((n) => n?.type !== 'identifier')) return true;
    const names = bound.map((n) => n!.text);
    // Rebinding the name itself (`X_test = X_test.fillna(0)`): what counts is what follows.
    if (names.includes(name)) return readLater(model, code, name, assignment.endIndex, moduleLevel, depth + 1);
    if (names.some((n) => readLater(model, code, n, assignment.endIndex, moduleLevel, depth + 1) || (moduleLevel && readInFunctionAbove(model, assignment, n)))) return true;
    pattern.lastIndex = assignment.endIndex;
  }
  return false;
}

/** Does a function defined before this module-level node read the global `name`? */
function readInFunctionAbove(model: PythonModel, node: Node, name: string): boolean {
  const pattern = new RegExp(`\\b${name}\\b`);
  return model.functions.some((fn) => fn.startIndex < node.startIndex && pattern.test(model.source.slice(fn.startIndex, Math.min(fn.endIndex, node.startIndex))));
}

function statementOf(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'block' && n.parent.type !== 'module') n = n.parent;
  return n;
}
