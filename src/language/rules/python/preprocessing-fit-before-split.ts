import type { Node } from 'web-tree-sitter';
import type { PythonModel } from '../../python/model';
import { dataRoot, fittedOnHeldOut, imputedBeforeSplit } from '../../python/leakage';
import { parametersAt } from '../../python/scan';
import { argumentNames, boundCallee, isTrainingScript } from '../../python/training';
import { l, pythonRule } from '../../rule';

/** Transformers that learn statistics from the data they are fitted on. */
const PREPROCESSOR =
  /^sklearn\.(preprocessing|impute|feature_selection|decomposition|feature_extraction(\.text)?)\.\w+$|^imblearn\.(over_sampling|under_sampling|combine)\.\w+$|^sklearn\.compose\.(ColumnTransformer|make_column_transformer)$|^category_encoders\.\w+$/;
const FIT = /\.(fit|fit_transform|fit_resample)$/;
/** A subscript reading the label column: `df["label"]`, `data[["target"]]`, `df["y"]`. */
const LABEL_COLUMN = /^[\w.]+\[\s*\[?\s*["'](?:\w*(?:label|target)\w*|y)["']\s*\]?\s*\]$/i;
/** Stateless transformers and label encoders learn nothing that leaks test statistics. */
const HARMLESS = /\.(LabelEncoder|LabelBinarizer|MultiLabelBinarizer|FunctionTransformer|Binarizer|Normalizer|HashingVectorizer)$/;

export default pythonRule({
  id: 'preprocessing-fit-before-split',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['dslinter:W5518'],
  messages: {
    beforeSplit: l(
      "'{data}'에 전처리기를 fit한 뒤에 train/test로 나눕니다 — 테스트 데이터의 통계가 학습에 새어 들어갑니다",
      "A preprocessor is fitted on '{data}' before it is split into train/test — test statistics leak into training",
    ),
    helperOnTest: l(
      "{helper}()가 테스트 데이터 '{data}'에서 통계(구간, 분위수, 스케일)를 새로 계산합니다 — 학습과 테스트의 특징이 서로 다른 기준으로 만들어집니다",
      "{helper}() computes its statistics (bins, quantiles, scales) afresh on the test data '{data}' — train and test features are built on different scales",
    ),
    resampledBeforeSplit: l(
      "'{data}'를 나누기 전에 리샘플링(SMOTE 등)합니다 — 테스트 행을 본떠 만든 합성 샘플이 학습에 들어가고, 테스트 세트도 실제 분포가 아니게 됩니다",
      "'{data}' is resampled (SMOTE and the like) before the split: synthetic rows made from test rows reach training, and the test set no longer has the real class balance",
    ),
    imputedBeforeSplit: l(
      "결측값을 '{data}' 전체의 통계(평균·중앙값·최빈값)로 채운 뒤에 train/test로 나눕니다 — 테스트 행의 값이 학습 특징에 섞여 들어갑니다",
      "Missing values are filled with statistics (mean, median, mode) of the whole '{data}' before the train/test split — the test rows' values leak into the training features",
    ),
    refitOnHeldOut: l(
      "'{transformer}'을(를) 학습 데이터에 fit한 뒤 학습에 쓰지 않은 데이터 '{data}'에 다시 fit합니다 — 이 데이터는 학습과 다른 통계(범주, 스케일, 어휘)로 변환되어 점수와 예측이 서빙 때와 달라지고, 그 데이터의 통계가 전처리에 새어 들어갑니다",
      "'{transformer}' was fitted on the training data and is fitted again on the held-out data '{data}' — that data is transformed with statistics (categories, scales, vocabulary) other than training's, so its scores and predictions differ from serving, and its own statistics leak into the preprocessing",
    ),
    onTest: l("전처리기를 테스트 데이터 '{data}'에 fit합니다 — transform만 해야 합니다", "A preprocessor is fitted on the test data '{data}' — it should only transform it"),
    atPredict: l(
      "{function}()가 들어온 데이터 '{data}'에 전처리기를 다시 fit합니다 — 예측할 때마다 학습과 다른 통계(평균, 스케일, 범주)로 입력을 바꿉니다",
      "{function}() fits the preprocessor again on the incoming data '{data}' — every prediction transforms its input with statistics (means, scales, categories) other than training's",
    ),
  },
  docs: {
    summary: l(
      '스케일러/인코더(ColumnTransformer, category_encoders 포함)/임퓨터를 전체 데이터에 fit하거나, 결측값을 전체 프레임의 통계로 채운(`df.fillna(df.median())`) 뒤 나누거나, SMOTE 같은 리샘플러로 전체 데이터를 리샘플링한 뒤 train_test_split 하거나, 테스트/검증 데이터에 fit하거나(학습 데이터에 fit한 파이프라인·벡터라이저·인코더를 `X_val`, `test_df[...]`, train_test_split의 두 번째 값에 다시 fit하는 경우, 테스트 데이터에서 Box-Cox 람다를 새로 추정하는 경우 포함), 예측 함수 안에서 예측할 데이터에 다시 fit하는 코드를 찾습니다.',
      'Flags scalers, encoders (column transformers and category_encoders too) and imputers fitted on (and SMOTE-style resamplers applied to) the full data before train_test_split, missing values filled with whole-frame statistics (`df.fillna(df.median())`) before it, fitted on test or validation data (including a pipeline, vectorizer or encoder fitted on the training split and fitted again on `X_val`, `test_df[...]` or the second value of train_test_split, and a second Box-Cox that estimates its own lambda on the test data), or fitted again inside a predict function on the data to be predicted.',
    ),
    why: l(
      '전체 데이터로 평균·분산·어휘를 계산하면 테스트 세트의 정보가 학습에 섞입니다(데이터 누수). 오프라인 점수는 좋아 보이지만 운영에서는 그 성능이 나오지 않습니다.',
      'Computing means, variances or vocabularies on all data mixes test information into training (leakage). Offline scores look good; production does not match them.',
    ),
    bad: 'from sklearn.model_selection import train_test_split\nfrom sklearn.preprocessing import StandardScaler\n\nscaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)\nX_train, X_test, y_train, y_test = train_test_split(X_scaled, y, random_state=0)\n',
    good: 'from sklearn.model_selection import train_test_split\nfrom sklearn.preprocessing import StandardScaler\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)\n# TODO: 전처리와 모델을 하나의 Pipeline으로 묶으면 무엇이 좋아질까요?\nscaler = StandardScaler()\nX_train_scaled = scaler.fit_transform(X_train)\nX_test_scaled = scaler.transform(X_test)\n',
  },
  weeks: ['beginner/4', 'intermediate/5'],
  questions: [
    l(
      "이 전처리기가 '{data}'에서 계산한 통계(평균, 표준편차, 범주 목록)에는 어떤 행이 들어 있나요? 테스트 세트도 포함되나요?",
      "Which rows went into the statistics (means, deviations, categories) this preprocessor computed from '{data}'? Does the test set count?",
    ),
    l('운영에서 새로 들어오는 데이터에는 어떤 통계로 전처리하게 될까요?', 'In production, which statistics will new data be transformed with?'),
    l('전처리와 모델을 한 단위로 저장하면 서빙할 때 무엇이 쉬워질까요?', 'What gets easier at serving time if preprocessing and model are saved as one unit?'),
  ],
  scaffold: {
    ko: '# TODO: 데이터 누수 없는 전처리\n# 고려사항:\n# - 먼저 나누고, 학습 데이터에만 fit 하기\n# - 테스트/운영 데이터에는 transform만\n# - 교차 검증에서는 Pipeline이 폴드마다 fit 하도록\n# TODO: 분할 → fit(train) → transform(test) 순서로 재배치\n',
    en: '# TODO: preprocessing without leakage\n# Consider:\n# - split first, then fit on the training data only\n# - only transform test and production data\n# - in cross-validation, let a Pipeline fit per fold\n# TODO: reorder as split -> fit(train) -> transform(test)\n',
  },
  check(context) {
    const { model } = context;
    // Fitting at prediction time is the same leak in a service that never trains, so it is checked first.
    const atPredict = new Set<number>();
    for (const call of model.calls) {
      if (!call.inFunction || !call.callee || !FIT.test(call.callee)) continue;
      const name = call.inFunction.childForFieldName('name')?.text ?? '';
      if (!PREDICTS.test(name) || !isPreprocessor(model, call.callee, call.node)) continue;
      atPredict.add(call.node.id);
      context.report({ node: call.node, messageId: 'atPredict', data: { function: name, data: argumentNames(call.node)[0] ?? 'X' } });
    }
    // A service runs the other checks only where it trains (a retrain route, train-then-serve).
    if (model.role === 'serving' && !isTrainingScript(model)) return;
    const splits = model.calls.filter((c) => /(^|\.)train_test_split$/.test(c.callee ?? ''));
    const onHeldOut = new Set<number>();
    for (const { call, data, refitted, helper } of fittedOnHeldOut(model, (c) => !!c.callee && isPreprocessor(model, c.callee, c.node))) {
      if (atPredict.has(call.node.id)) continue;
      onHeldOut.add(call.node.id);
      if (helper) context.report({ node: call.node, messageId: 'helperOnTest', data: { data, helper } });
      else if (refitted) context.report({ node: call.node, messageId: 'refitOnHeldOut', data: { data, transformer: refitted } });
      else context.report({ node: call.node, messageId: 'onTest', data: { data } });
    }
    for (const call of model.calls) {
      if (atPredict.has(call.node.id) || onHeldOut.has(call.node.id) || !call.callee || !FIT.test(call.callee) || !isPreprocessor(model, call.callee, call.node)) continue;
      const inputs = argumentNames(call.node);
      // A resampler handed columns (`rus.fit_resample(df[["review"]], df["label"])`) resamples that frame's rows.
      // So does a preprocessor handed an expression of a frame (`scaler.fit_transform(df[features])`,
      // `df.drop(columns=["y"])`): the rows it learns from are that frame's. A label column is no feature.
      const first = call.node.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
      const expression = first && first.type !== 'keyword_argument' && !(first.type === 'subscript' && LABEL_COLUMN.test(first.text)) ? dataRoot(first) : undefined;
      const data = inputs[0] ?? (/fit_resample$/.test(call.callee) ? dataRoot(first) : expression);
      // Encoding the labels (`y`) before the split leaks nothing about the features.
      if (!data || /^y(_|$)|label|target/i.test(data)) continue;
      // A test frame's expression (`scaler.fit_transform(test_df[["abs_error"]])`) may be a report's own column: only a test array named as such is judged here.
      if (/test/i.test(data)) {
        if (!inputs[0]) continue;
        context.report({ node: call.node, messageId: 'onTest', data: { data } });
        continue;
      }
      const output = assignedName(call.node);
      const later = splits.find((s) => s.node.startIndex > call.node.startIndex && argumentNames(s.node).some((n) => n === data || n === output));
      if (later) context.report({ node: call.node, messageId: /fit_resample$/.test(call.callee) ? 'resampledBeforeSplit' : 'beforeSplit', data: { data } });
    }
    for (const { call, data } of imputedBeforeSplit(model)) context.report({ node: call.node, messageId: 'imputedBeforeSplit', data: { data } });
    // A feature function that learns statistics from whatever it is given (`pd.qcut`, an
    // unconditional `fit_transform`), applied to the test data on its own.
    const learners = statisticHelpers(model);
    if (learners.size === 0) return;
    for (const call of model.calls) {
      const learnsFrom = call.callee ? learners.get(call.callee) : undefined;
      if (!learnsFrom) continue;
      // Only an argument that lands in a parameter the helper learns from (`fit_transform(df)`).
      const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      const data = args.find((arg, i) => arg?.type === 'identifier' && learnsFrom.has(i) && /(^|_)test(_|$)|^(X|y)_?te$/i.test(arg.text))?.text;
      if (data) context.report({ node: call.node, messageId: 'helperOnTest', data: { data, helper: call.callee! } });
    }
  },
});

/** Data-fitting calls that a feature function may hide. */
const LEARNS = /\b(?:pd|pandas)\.qcut\(|\.fit_transform\(|\bKBinsDiscretizer\(/g;

/**
 * Module-level functions that learn statistics from their input every time they run (no
 * `if is_training:` branch picks between fitting and reusing): name -> the positions of the
 * parameters they learn from.
 */
function statisticHelpers(model: PythonModel): Map<string, Set<number>> {
  const helpers = new Map<string, Set<number>>();
  if (!/qcut|fit_transform|KBinsDiscretizer/.test(model.source)) return helpers;
  for (const fn of model.functions) {
    if (fn.parent?.type !== 'module') continue;
    const text = model.source.slice(fn.startIndex, fn.endIndex);
    const learned = [...text.matchAll(LEARNS)];
    if (learned.length === 0) continue;
    // `if is_training: scaler.fit_transform(...) else: scaler.transform(...)` reuses what was learned.
    if (/\.transform\(/.test(text) && /\bif\b/.test(text.slice(0, learned[0].index))) continue;
    const name = /def\s+(\w+)/.exec(text)?.[1];
    const params = parametersAt(model.source, fn.startIndex).map((p) => p.name);
    const positions = new Set<number>();
    for (const m of learned) {
      const args = /^\(([^)\n]*)/.exec(text.slice(m.index + m[0].length - 1))?.[1] ?? '';
      params.forEach((param, i) => {
        if (new RegExp(`\\b${param}\\b`).test(args)) positions.add(i);
      });
    }
    if (name && positions.size > 0) helpers.set(name, positions);
  }
  return helpers;
}

/** Functions that turn new inputs into predictions; fitting there learns from the input itself. */
const PREDICTS = /^(predict|infer|inference|forecast|classify|score_input)\w*$|_predict$/i;

/** `StandardScaler().fit(...)`, or `scaler.fit(...)` / `self.scaler.fit(...)` after `scaler = StandardScaler()`. */
function isPreprocessor(model: PythonModel, callee: string, call: Node): boolean {
  const target = callee.replace(FIT, '');
  if (PREPROCESSOR.test(target)) return !HARMLESS.test(target);
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  const constructed = receiver ? (boundCallee(model, receiver) ?? '') : '';
  // A Pipeline answers fit_transform only when every step transforms: imputer + scaler, no model.
  if (/\.fit_transform$/.test(callee) && TRANSFORMING_PIPELINE.test(constructed)) return true;
  return PREPROCESSOR.test(constructed) && !HARMLESS.test(constructed);
}

/** A scikit-learn Pipeline; `.fit_transform` on one fits transformers only (a final model has no transform). */
const TRANSFORMING_PIPELINE = /^sklearn\.pipeline\.(Pipeline|make_pipeline)$/;

/** The name a call's result is bound to; of `X_res, y_res = ...`, the first. */
function assignedName(call: Node): string | undefined {
  const parent = call.parent;
  const left = parent?.type === 'assignment' ? parent.childForFieldName('left') : undefined;
  const first = left && /^(pattern_list|tuple_pattern)$/.test(left.type) ? left.namedChildren[0] : left;
  return first?.type === 'identifier' ? first.text : undefined;
}
