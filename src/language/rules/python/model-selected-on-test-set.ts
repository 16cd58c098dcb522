import type { Node } from 'web-tree-sitter';
import { keywordArgument, type CallInfo, type PythonModel } from '../../python/model';
import { lightningValidatesOnTest, trainerEvaluatesWhileTraining } from '../../python/held-out';
import { argumentNames, enclosingLoops, isTrainingScript, PREPROCESSING } from '../../python/training';
import { l, nodeRange, pythonRule } from '../../rule';

const SCORING =
  /(\.score|(^|\.)(accuracy_score|f1_score|roc_auc_score|precision_score|recall_score|r2_score|mean_squared_error|mean_absolute_error|log_loss|balanced_accuracy_score|evaluate))$/;
const TEST_NAME = /(^|_)test(_|$)|^(X|y)_?te$/i;
/** Signs that the loop keeps the best candidate. */
const SELECTION = /\bbest\w*\s*=|\bmax\(|\bargmax\(|\bsorted\(|\bbest_\w+/;

export default pythonRule({
  id: 'model-selected-on-test-set',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:test-set-selection'],
  messages: {
    loop: l(
      '반복문에서 테스트 데이터({data})로 점수를 매겨 최고 모델을 고릅니다 — 테스트 점수가 더 이상 일반화 성능을 말해 주지 않습니다',
      'The loop picks the best model by scoring on the test data ({data}) — the test score no longer estimates generalisation',
    ),
    compared: l(
      '후보 모델 여러 개를 테스트 데이터({data})로만 비교합니다 — 검증 세트나 교차 검증 없이 고르면 테스트 점수가 선택에 쓰입니다',
      'Several candidate models are compared on the test data ({data}) alone — without a validation split or cross-validation, the test score does the choosing',
    ),
    earlyStopping: l(
      '조기 종료/검증에 테스트 데이터({data})를 씁니다 — 학습이 테스트 세트를 보고 멈춥니다',
      'Early stopping/validation uses the test data ({data}) — training stops by looking at the test set',
    ),
    search: l(
      '하이퍼파라미터 탐색의 목적 함수가 테스트 데이터({data})로 점수를 매깁니다 — 탐색이 테스트 세트에 맞춰져 그 점수가 더 이상 일반화 성능을 말해 주지 않습니다',
      "The hyper-parameter search's objective scores on the test data ({data}) — the search tunes itself to the test set, whose score no longer estimates generalisation",
    ),
    runs: l(
      '실행 기록을 테스트 지표({data})로 정렬해 가장 좋은 실행을 고릅니다 — 테스트 세트가 선택에 쓰였으니 그 점수는 더 이상 일반화 성능을 말해 주지 않습니다',
      'The best run is picked by ordering the tracked runs on a test metric ({data}) — the test set does the choosing, so its score no longer estimates generalisation',
    ),
    lightning: l(
      'Lightning이 테스트 데이터({data})로 검증합니다 — 매 에폭의 검증 점수와 그 점수를 따르는 체크포인트·조기 종료가 테스트 세트를 보고 정해지고, 손대지 않은 평가 데이터가 남지 않습니다',
      'Lightning validates on the test data ({data}) — every epoch’s validation score, and any checkpoint or early stopping that follows it, is decided by the test set, and no untouched data is left to report the model on',
    ),
    checkpoint: l(
      '테스트 지표 {data}가 가장 좋을 때 체크포인트를 저장하거나 학습을 멈춥니다 — 저장된 모델이 테스트 세트로 골라졌습니다',
      'The checkpoint is saved (or training stopped) when the test metric {data} is best — the saved model was chosen on the test set',
    ),
  },
  severityReasons: {
    comparedOnly: {
      severity: 'info',
      message: l(
        '후보들을 테스트 점수로 나란히 비교할 뿐, 그 점수로 하나를 고르는 코드는 보이지 않습니다',
        'candidates are set side by side on test scores; no code here picks one by that score',
      ),
    },
  },
  docs: {
    summary: l(
      '반복문 안에서 테스트 세트 점수로 최고 모델/하이퍼파라미터를 고르거나, eval_set/validation_data(Lightning의 검증 로더 포함)에 테스트 세트를 넣거나, 테스트 지표로 체크포인트를 고르는 코드를 찾습니다.',
      'Flags loops that pick the best model or hyper-parameters by test-set score, eval_set/validation_data fed with the test set (Lightning’s validation loader too: `trainer.fit(model, train, test_loader)`, a data module’s `val_dataloader` over the test split), and checkpoints kept by a test metric.',
    ),
    why: l(
      '테스트 세트로 모델을 고르면 테스트 세트가 학습의 일부가 됩니다. 보고한 점수는 낙관적으로 부풀려지고, 운영 성능은 그보다 낮게 나옵니다.',
      'Choosing a model by the test set makes the test set part of training. The reported score is optimistically biased, and production performs worse.',
    ),
    bad: 'best_score, best_model = 0, None\nfor depth in [2, 4, 8]:\n    model = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)\n    score = model.score(X_test, y_test)\n    if score > best_score:\n        best_score, best_model = score, model\n',
    good: 'best_score, best_model = 0, None\nfor depth in [2, 4, 8]:\n    model = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X_train, y_train)\n    # TODO: 검증 세트는 어떻게 만들까요? 테스트 세트는 언제 한 번만 쓸까요?\n    score = model.score(X_val, y_val)\n    if score > best_score:\n        best_score, best_model = score, model\n',
  },
  weeks: ['beginner/2'],
  questions: [
    l(
      '테스트 세트로 모델을 골랐다면, 그 모델의 테스트 점수는 아직 "처음 보는 데이터"에 대한 점수일까요?',
      'If the test set chose the model, is its test score still a score on unseen data?',
    ),
    l('모델 선택에 쓸 데이터와 최종 보고에 쓸 데이터를 어떻게 나누시겠어요?', 'How would you split the data used to choose a model from the data used for the final report?'),
    l('데이터가 적다면 교차 검증이 어떤 도움이 될까요?', 'With little data, how could cross-validation help?'),
  ],
  scaffold: {
    ko: '# TODO: 모델 선택과 최종 평가 분리\n# 고려사항:\n# - train / validation / test 세 부분으로 나누기 (또는 교차 검증)\n# - 하이퍼파라미터와 조기 종료는 validation으로\n# - test는 마지막에 한 번만\n# TODO: 선택 루프의 점수 계산 데이터를 바꾸기\n',
    en: '# TODO: separate model selection from the final evaluation\n# Consider:\n# - split into train / validation / test (or use cross-validation)\n# - hyper-parameters and early stopping use validation\n# - the test set is used once, at the end\n# TODO: change the data the selection loop scores on\n',
  },
  check(context) {
    const { model } = context;
    // A service runs these checks only where it trains (a retrain route, train-then-serve).
    if (model.role === 'serving' && !isTrainingScript(model)) return;
    const selectingLoops = new Map<number, boolean>();
    const evaluators = evaluationHelpers(model);
    const testScores: CallInfo[] = [];
    const reportedLoops = new Set<number>();
    const reportedNests: Node[] = [];
    const reportedContainers = new Set<string>();
    for (const call of model.calls) {
      const callee = call.callee ?? '';
      // MLflow's search_runs(order_by=["metrics.test_rmse ASC"])[0]: the run kept is the one the test set ranks first.
      if (/(^|\.)search_runs$/.test(callee)) {
        const order = keywordArgument(call.node, 'order_by');
        const metric = order ? TEST_METRIC_ORDER.exec(order.text)?.[1] : undefined;
        if (order && metric) context.report({ node: order, messageId: 'runs', data: { data: metric } });
        continue;
      }
      const evalSet = keywordArgument(call.node, 'eval_set') ?? keywordArgument(call.node, 'validation_data');
      if (
        evalSet &&
        choosesOnEvalSet(model, call.node) &&
        /\w*test\w*/i.test(evalSet.text) &&
        /(^|[\s(\[,])((X|y|x)_?test|test_(images|labels|data|x|y|features|targets|ds|dataset|generator|gen|set))\b/i.test(evalSet.text)
      ) {
        context.report({ node: evalSet, messageId: 'earlyStopping', data: { data: evalSet.text.slice(0, 40) } });
        continue;
      }
      // A Hugging Face Trainer evaluating (and keeping checkpoints) on the test split every epoch.
      const evalDataset = /(^|\.)\w*Trainer$/.test(callee) ? keywordArgument(call.node, 'eval_dataset') : undefined;
      if (
        evalDataset &&
        TEST_DATASET.test(evalDataset.text) &&
        !carvedFromTraining(model, evalDataset.text) &&
        trainerEvaluatesWhileTraining(model) === true &&
        !keepsLastCheckpoint(model)
      ) {
        context.report({ node: evalDataset, messageId: 'earlyStopping', data: { data: evalDataset.text.slice(0, 40) } });
        continue;
      }
      // A scoring call, or a helper of this file that scores (`evaluate(model, X_test, y_test)`).
      if (!SCORING.test(callee) && !evaluators.has(callee) && !projectEvaluator(callee)) continue;
      const data = argumentNames(call.node).find((n) => TEST_NAME.test(n));
      if (!data) continue;
      if (call.inFunction && isSearchObjective(model, call.inFunction)) {
        context.report({ node: call.node, messageId: 'search', data: { data } });
        continue;
      }
      const loops = enclosingLoops(call.node, call.inFunction);
      const loop = loops[0];
      // `scores[name] = evaluate(m, X_test, y_test)` or `scores = {m: evaluate(m, X_test, y_test) for m in models}`,
      // then `max(scores, key=scores.get)`: the test scores are collected and the best is taken from them.
      const container = loop && selects(loop, selectingLoops) ? undefined : selectedScoreContainer(model.source, call.node);
      if (container) {
        if (!reportedContainers.has(container.key)) context.report({ node: container.node, messageId: 'compared', data: { data } });
        reportedContainers.add(container.key);
        continue;
      }
      if (loop && selects(loop, selectingLoops)) {
        // One finding per nest of loops: a threshold swept on the test set inside a loop over
        // models, with the AUC scored beside it, is one choice made on test data, not two.
        const outer = loops[loops.length - 1];
        if (reportedNests.some((r) => r.startIndex >= outer.startIndex && r.endIndex <= outer.endIndex)) continue;
        const kept = bestComparison(model, call.node, outer);
        context.report({
          node: call.node,
          messageId: 'loop',
          data: { data },
          ...(kept && { related: [{ range: nodeRange(kept), message: l('테스트 점수로 최고 모델을 고르는 비교', 'the comparison that keeps the best model by its test score') }] }),
        });
        reportedLoops.add(loop.id);
        reportedNests.push(outer);
      } else if (!evaluators.has(call.inFunction ? (/def\s+(\w+)/.exec(call.inFunction.text.slice(0, 200))?.[1] ?? '') : '')) testScores.push(call);
    }
    for (const loader of lightningValidatesOnTest(model)) {
      if (!carvedFromTraining(model, loader.text.replace(/^self\./, ''))) context.report({ node: loader, messageId: 'lightning', data: { data: loader.text.slice(0, 40) } });
    }
    for (const kept of testCheckpoints(model)) {
      // The selecting loop was already reported at its test score: one finding per mistake.
      if (enclosingLoops(kept.node).some((loop) => reportedLoops.has(loop.id))) continue;
      context.report({ node: kept.node, messageId: 'checkpoint', data: { data: kept.metric } });
    }
    // Two candidate models fitted and each scored on the test set, with no validation split or
    // cross-validation anywhere: the test score is what tells them apart.
    if (testScores.length >= 2 && fittedModels(model).size >= 2 && !VALIDATION.test(model.source)) {
      const data = argumentNames(testScores[1].node).find((n) => TEST_NAME.test(n)) ?? 'test';
      context.report({ node: testScores[1].node, messageId: 'compared', data: { data }, severityReason: 'comparedOnly' });
    }
  },
});

/**
 * Does a booster's `eval_set` choose anything? XGBoost and LightGBM only record the loss on it
 * unless early stopping is asked for (`early_stopping_rounds`, an `early_stopping` callback);
 * CatBoost keeps the best iteration on it by default (`use_best_model`). Keras' `validation_data`
 * is judged as before: its scores are what a learner watches epoch by epoch.
 */
function choosesOnEvalSet(model: PythonModel, call: Node): boolean {
  if (!keywordArgument(call, 'eval_set')) return true;
  return model.importsModule('catboost') || EARLY_STOPPING.test(model.source);
}

/**
 * `TrainingArguments(load_best_model_at_end=False)` with no early-stopping callback: the Trainer
 * only reports its eval scores and keeps the last step, as XGBoost does with a bare `eval_set`, so
 * nothing is chosen on that set.
 */
function keepsLastCheckpoint(model: PythonModel): boolean {
  if (EARLY_STOPPING.test(model.source)) return false;
  const args = model.calls.filter((call) => /(^|\.)\w*TrainingArguments$/.test(call.callee ?? ''));
  return args.length > 0 && args.every((call) => keywordArgument(call.node, 'load_best_model_at_end')?.text === 'False');
}

/** Early stopping asked for anywhere in the file: the constructor's or fit's rounds, a callback, a best-model switch. */
const EARLY_STOPPING = /\bearly_stopping\w*|\bEarlyStopping\b|\buse_best_model\b/;

/** An MLflow ordering on a metric of the test split: `"metrics.test_rmse ASC"`, `'metrics.rmse_test DESC'`. */
const TEST_METRIC_ORDER = /["']metrics\.(\w*(?:^|_|\b)test(?:_|\b)\w*)/i;

/** An evaluation set named as the test split: `test_dataset`, `tokenized["test"]`, `ds_test`. */
const TEST_DATASET = /(^|[^\w])(test\w*|\w+_test)\b|\[\s*["']test["']\s*\]/;

/**
 * `split = ds["train"].train_test_split(test_size=0.1)` names its validation part "test": an
 * evaluation set read from such a split (directly or through one assignment) is no test set.
 */
function carvedFromTraining(model: PythonModel, text: string): boolean {
  const name = /^(\w+)/.exec(text)?.[1];
  if (!name || !model.source.includes('train_test_split')) return false;
  const assigned = new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*([^\\n]+)`, 'm').exec(model.source)?.[1] ?? '';
  const source = /^(\w+)\s*\[/.exec(assigned)?.[1];
  const origin = source ? (new RegExp(`^[ \\t]*${source}[ \\t]*=[ \\t]*([^\\n]+)`, 'm').exec(model.source)?.[1] ?? '') : '';
  return /\.train_test_split\(/.test(assigned) || /\.train_test_split\(/.test(origin);
}

/** An Optuna (or similar) objective: a function handed a trial that suggests hyper-parameters. */
function isSearchObjective(model: PythonModel, fn: Node): boolean {
  const params = fn.childForFieldName('parameters')?.text ?? '';
  return /^\(\s*(self\s*,\s*)?trial\b/.test(params) && /\btrial\.suggest_\w+\(/.test(model.source.slice(fn.startIndex, fn.endIndex));
}

/** `if test_acc > best_acc:` (either order): a comparison of a test metric with the best so far. */
const TEST_BEST = /^[ \t]*if[ \t(]+(?:(\w*test\w*)[ \t]*[<>]=?[ \t]*best\w*|best\w*[ \t]*[<>]=?[ \t]*(\w*test\w*))[ \t)]*:/gm;
/** What keeping the best model looks like in the if's block. */
const KEEPS_BEST = /\b(torch\.save|save_model|save_pretrained|save_checkpoint|joblib\.dump|pickle\.dump|deepcopy|state_dict|best_model\w*\s*=|early_stop\w*\s*=)/;

function testCheckpoints(model: PythonModel): { node: Node; metric: string }[] {
  const kept: { node: Node; metric: string }[] = [];
  if (!/\bbest\w*/.test(model.source)) return kept;
  for (const match of model.source.matchAll(TEST_BEST)) {
    const metric = match[1] ?? match[2];
    const at = match.index + match[0].length - match[0].trimStart().length;
    const statement = model.tree.rootNode.descendantForIndex(at)?.parent;
    if (statement?.type !== 'if_statement' || !/(acc|loss|score|f1|auc|metric|err|r2|mse|rmse|mae)/i.test(metric)) continue;
    const block = statement.childForFieldName('consequence');
    if (block && KEEPS_BEST.test(model.source.slice(block.startIndex, block.endIndex))) kept.push({ node: statement.childForFieldName('condition') ?? statement, metric });
  }
  // A metric with a neutral name (`valid_accuracy`, `acc`) counted over the test loader in the
  // same epoch loop, when no validation loader is: the best epoch is chosen on test data.
  for (const match of model.source.matchAll(ANY_BEST)) {
    const metric = match[1] ?? match[2];
    if (/test|train/i.test(metric) || !/(acc|loss|score|f1|auc|metric|err|r2|mse|rmse|mae)/i.test(metric)) continue;
    const at = match.index + match[0].length - match[0].trimStart().length;
    const statement = model.tree.rootNode.descendantForIndex(at)?.parent;
    if (statement?.type !== 'if_statement') continue;
    const block = statement.childForFieldName('consequence');
    if (!block || !KEEPS_BEST.test(model.source.slice(block.startIndex, block.endIndex))) continue;
    let loop = statement.parent;
    while (loop && loop.type !== 'for_statement' && loop.type !== 'while_statement' && loop.type !== 'function_definition') loop = loop.parent;
    if (!loop || loop.type === 'function_definition') continue;
    const body = model.source.slice(loop.startIndex, statement.startIndex);
    const testAt = body.search(TEST_LOADER);
    if (testAt < 0 || VALIDATION_LOADER.test(model.source)) continue;
    // The metric is (last) computed after the test loader is read: a training loss summed before it is not a test score.
    const assigned = [...body.matchAll(new RegExp(`^[ \\t]*${metric}[ \\t]*[-+*/]?=(?!=)`, 'gm'))].pop();
    if (assigned && assigned.index > testAt) kept.push({ node: statement.childForFieldName('condition') ?? statement, metric });
  }
  return kept;
}

/**
 * The `if score > best_score:` after the test-set scoring in the same loop nest: where the choice
 * is made, and where reviewers point. Named as the related place of the finding.
 */
function bestComparison(model: PythonModel, scored: Node, nest: Node): Node | undefined {
  let offset = scored.endIndex;
  for (const line of model.source.slice(scored.endIndex, nest.endIndex).split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const code = line.trimStart();
    if (!code.startsWith('if') || !COMPARES_WITH_BEST.test(code)) continue;
    const statement = model.tree.rootNode.descendantForIndex(start + line.length - code.length)?.parent;
    if (statement?.type === 'if_statement') return statement.childForFieldName('condition') ?? statement;
  }
  return undefined;
}

/** `score > best_score`, `metrics["f1"] > self.best_f1`, `best_rmse > rmse`: a comparison with the best so far. */
const COMPARES_WITH_BEST = /[<>]=?[ \t]*(?:self\.)?best\w*|\bbest\w*[ \t]*[<>]/;

/** `if acc > best_acc:` with any metric name. */
const ANY_BEST = /^[ \t]*if[ \t(]+(?:(\w+)[ \t]*[<>]=?[ \t]*best\w*|best\w*[ \t]*[<>]=?[ \t]*(\w+))[ \t)]*:/gm;
/** A loader (or dataset) of the test split: `testloader`, `test_loader`, `test_dl`, `test_dataset`. */
const TEST_LOADER = /\btest_?(loader|dl|dataloader|data_?loader|set|ds|dataset)\b/i;
/** A loader of a validation split anywhere in the file. */
const VALIDATION_LOADER = /\b(val|valid|validation|dev)_?(loader|dl|dataloader|data_?loader|set|ds|dataset)\b/i;

/**
 * The container a test score is stored in, when the best entry is then taken from it: the score
 * assigned to `scores[key]` or built by a comprehension assigned to `scores`, followed (in the same
 * function or module) by `max(scores, ...)`, `min(scores.items(), ...)` or `sorted(scores...)`.
 * Returns the container (name and scope) and the choosing call, or undefined when the scores are only stored or printed.
 */
function selectedScoreContainer(source: string, call: Node): { key: string; node: Node } | undefined {
  let inComprehension = false;
  let n: Node | null = call.parent;
  // Up from the score through what may wrap it: `float(...)`, a comprehension's value, a dict pair.
  for (; n && n.type !== 'assignment'; n = n.parent) {
    if (/^(dictionary_comprehension|list_comprehension)$/.test(n.type)) inComprehension = true;
    else if (n.type === 'call' && !/^(float|round|int|abs)$/.test(n.childForFieldName('function')?.text ?? '')) return undefined;
    else if (!/^(argument_list|pair|parenthesized_expression|call)$/.test(n.type)) return undefined;
  }
  if (!n) return undefined;
  const left = n.childForFieldName('left');
  const target = left?.type === 'subscript' ? left.childForFieldName('value') : left;
  // `scores[key] = score` or `scores = {m: score for m in ...}`; a plain `acc = score` stores one number.
  if (target?.type !== 'identifier' || (left?.type !== 'subscript' && !inComprehension)) return undefined;
  let scope: Node | null = n.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const after = source.slice(n.endIndex, scope?.endIndex ?? source.length);
  const picked = new RegExp(`\\b(?:max|min|sorted)\\(\\s*${target.text}\\b`).exec(after);
  if (!picked || !scope) return undefined;
  // The finding goes where the choice is made: the `max(...)` call.
  const at = scope.descendantForIndex(n.endIndex + picked.index);
  const choice = at?.type === 'call' ? at : (at?.parent ?? at);
  // One finding per container and scope: `scores` in two functions are two choices.
  return choice ? { key: `${target.text}@${scope.startIndex}`, node: choice } : undefined;
}

/** Signs of a validation split or cross-validation. */
const VALIDATION = /\b(X|y|x)_?(val|valid|validation|dev)\b|\bcross_val\w*|\b\w*SearchCV\b|\bKFold\b|validation_split|\bval_\w*(loader|set|data)\b/;

/** Module-level functions that return a model's score: calls to them score as well. */
/** A scoring helper of the project's own, imported from another module (`utils.evaluate_metrics`, `from metrics import compute_scores`). */
const EVALUATOR_NAME = /\.(evaluate\w*|eval_\w+|\w*metrics?|compute_\w*|\w*scores?)$/i;
/** Libraries whose metric-named calls record or display numbers rather than compute them from data (`mlflow.log_metrics`). */
const LIBRARY_ROOT =
  /^(mlflow|wandb|neptune|comet_ml|clearml|dvclive|tensorboard\w*|torch|tensorflow|tf|keras|sklearn|numpy|np|pandas|pd|logging|optuna|evaluate|datasets|transformers)\./;

function projectEvaluator(callee: string): boolean {
  return EVALUATOR_NAME.test(callee) && !LIBRARY_ROOT.test(callee) && !/(^|\.)(log|print|plot|save|write|show|display)_?\w*$/i.test(callee);
}

function evaluationHelpers(model: PythonModel): Set<string> {
  const names = new Set<string>();
  for (const call of model.calls) {
    const fn = call.inFunction;
    if (!fn || !call.callee || !SCORING.test(call.callee) || fn.parent?.type !== 'module') continue;
    const text = model.source.slice(fn.startIndex, fn.endIndex);
    if (!returnsValue(call.node) && !/\breturn\b[^\n]*(score|acc|metric|loss|r2|rmse|mse|f1|auc)/i.test(text)) continue;
    const name = /def\s+(\w+)/.exec(text)?.[1];
    if (name) names.add(name);
  }
  return names;
}

function returnsValue(node: Node): boolean {
  for (let n = node.parent, depth = 0; n && depth < 5; n = n.parent, depth++) if (n.type === 'return_statement') return true;
  return false;
}

/** Names of the models a script fits (`clf.fit(...)`, `rf_model.fit(...)`), preprocessors left out. */
function fittedModels(model: PythonModel): Set<string> {
  const names = new Set<string>();
  for (const call of model.calls) {
    if (!call.callee || !/\.fit$/.test(call.callee) || PREPROCESSING.test(call.callee)) continue;
    const receiver = /^([A-Za-z_]\w*)\.fit\b/.exec(model.source.slice(call.node.startIndex, call.node.startIndex + 80))?.[1];
    if (receiver && !PREPROCESSING.test(model.boundCalls.get(receiver) ?? '')) names.add(receiver);
  }
  return names;
}

/** `for train_ix, test_ix in cv.split(X)`: the outer loop of a cross-validation, whose test fold is held out by construction. */
const FOLD_LOOP = /^(?:async\s+)?for\b[^\n]*\bin\s+[\w.]+\.split\(/;
/** `best_model = search.best_estimator_`: the choice a search made on its own validation folds, not on the loop's test score. */
const SEARCH_CHOICE = /\bbest\w*\s*=\s*[\w.]+\.best_(?:estimator|params|score|index)_\b/g;

function selects(loop: Node, cache: Map<number, boolean>): boolean {
  let result = cache.get(loop.id);
  if (result === undefined) {
    const chooses = (text: string) => SELECTION.test(text.replace(SEARCH_CHOICE, ''));
    result = !FOLD_LOOP.test(loop.text) && (chooses(loop.text) || chooses(loop.nextNamedSibling?.text.slice(0, 300) ?? ''));
    cache.set(loop.id, result);
  }
  return result;
}
