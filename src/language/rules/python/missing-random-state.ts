import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArgument, type PythonModel } from '../../python/model';
import { isTrainingScript } from '../../python/training';
import { seededFromEntry } from '../../project/training';
import { l, pythonRule } from '../../rule';

/**
 * Estimators, resamplers (imbalanced-learn) and splitters whose result depends on an RNG unless
 * it is seeded, in scikit-learn and the libraries learners train with beside it (Surprise
 * matrix factorisation draws its initial factors at random). XGBoost
 * (random_state=0), CatBoost (random_seed=0) and LightGBM (fixed C++ seeds) are seeded by
 * default, so asking them for a random_state would teach a wrong lesson.
 */
const RANDOMISED =
  /^(sklearn\.model_selection\.(train_test_split|ShuffleSplit|StratifiedShuffleSplit|GroupShuffleSplit|RandomizedSearchCV)|sklearn\.ensemble\.(RandomForest\w+|ExtraTrees\w+|GradientBoosting\w+|HistGradientBoosting\w+|IsolationForest|BaggingClassifier|BaggingRegressor|AdaBoost\w+)|sklearn\.tree\.(DecisionTree\w+|ExtraTree\w+)|sklearn\.neural_network\.MLP\w+|sklearn\.linear_model\.(SGD\w+)|sklearn\.cluster\.(KMeans|MiniBatchKMeans)|sklearn\.decomposition\.(TruncatedSVD)|sklearn\.mixture\.(GaussianMixture|BayesianGaussianMixture)|imblearn\.(over_sampling\.(SMOTE\w*|RandomOverSampler|ADASYN|BorderlineSMOTE|SVMSMOTE|KMeansSMOTE)|under_sampling\.RandomUnderSampler|combine\.(SMOTEENN|SMOTETomek))|surprise\.(prediction_algorithms\.[\w.]+\.)?(SVD|SVDpp|NMF|CoClustering)|surprise\.model_selection\.(split\.)?(train_test_split|ShuffleSplit))$/;
/** torch's `random_split`: seeded by `generator=torch.Generator().manual_seed(n)` or by the global torch seed. */
const RANDOM_SPLIT = /^torch\.utils\.data(\.dataset)?\.random_split$/;
const TORCH_SEEDER = /(^|\.)(manual_seed|seed_everything|set_seed|\w*seed\w*)$/i;
/** Splitters that are random only with shuffle=True. */
const SHUFFLE_SPLITTERS = /^sklearn\.model_selection\.(KFold|StratifiedKFold|GroupKFold|RepeatedKFold)$/;
const SEED_KEYWORDS = ['random_state', 'seed', 'random_seed'];

/** A seed keyword with a value other than `None` (`random_state=None` is the unseeded default written out). */
function seeded(call: Node): boolean {
  return SEED_KEYWORDS.some((k) => {
    const value = keywordArgument(call, k);
    return value !== undefined && value.text !== 'None';
  });
}
/** Optuna samplers that draw at random unless seeded (a grid is not drawn). */
const OPTUNA_SAMPLER = /^optuna\.samplers\.(TPESampler|RandomSampler|CmaEsSampler|NSGAIISampler|NSGAIIISampler|QMCSampler|GPSampler)$/;
/**
 * Splits and shuffles that draw from NumPy's global generator when given no seed: a Hugging Face
 * `Dataset.train_test_split()`/`.shuffle()`, a pandas `df.sample(frac=...)` (the learner's
 * hand-made split), scikit-learn's `shuffle(X, y)`. A global `np.random.seed` / `set_seed` makes
 * them repeatable, so they are asked only when the file seeds nothing.
 */
const GLOBAL_DRAW = /^sklearn\.utils\.shuffle$|\.(train_test_split|shuffle)$/;
/** NumPy's global seed, which scikit-learn's `random_state=None` draws from. */
const NUMPY_SEED = /^(numpy|np)\.random\.seed$/;
const GLOBAL_SEEDER = /(^|\.)(seed|manual_seed|set_seed|seed_everything|set_random_seed)$/;

export default pythonRule({
  id: 'missing-random-state',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['dslinter:W5509'],
  messages: {
    noState: l('{name}에 random_state가 없습니다 — 실행마다 다른 분할/모델이 나옵니다', '{name} has no random_state — each run gives a different split or model'),
    globalSeedOnly: l(
      '{name}에 random_state가 없어 NumPy 전역 시드로만 고정됩니다 — 그 앞에 난수를 쓰는 호출이 하나 늘면 분할/모델이 바뀝니다',
      "{name} has no random_state and is seeded only through NumPy's global seed — one more random call before it changes the split or model",
    ),
    noSampler: l(
      'optuna.create_study에 시드를 준 sampler가 없습니다 — 같은 코드로 다시 탐색해도 다른 하이퍼파라미터가 나옵니다',
      'optuna.create_study has no seeded sampler — searching again with the same code finds different hyper-parameters',
    ),
    noRstate: l(
      'hyperopt fmin에 rstate가 없습니다 — 시드 없는 난수 생성기로 탐색해서, 같은 코드로 다시 돌려도 다른 하이퍼파라미터가 나옵니다',
      'hyperopt fmin has no rstate: it searches with an unseeded generator, so the same code finds different hyper-parameters',
    ),
    noGenerator: l(
      'random_split에 시드를 준 generator가 없고 파일 어디에서도 torch 시드를 고정하지 않습니다 — 실행마다 다른 샘플이 테스트 세트에 들어갑니다',
      'random_split gets no seeded generator and nothing in the file seeds torch — each run puts different samples in the test set',
    ),
  },
  docs: {
    summary: l(
      'train_test_split, 랜덤 포레스트, 부스팅, shuffle=True인 KFold, imbalanced-learn의 SMOTE, GaussianMixture, Surprise의 SVD 등을 random_state 없이 만드는 호출과, 시드 없는 torch random_split, 시드를 준 sampler 없는 Optuna study, rstate 없는 hyperopt fmin을 찾습니다. 전역 시드가 없는 파일에서는 seed 없는 Hugging Face Dataset의 train_test_split/shuffle, random_state 없는 pandas sample(frac=...)과 sklearn.utils.shuffle, 학습 스크립트에서 뽑은 뒤 계속 쓰는 sample(n)도 찾습니다. pytest·unittest 테스트 모듈은 보지 않습니다.',
      'Flags train_test_split, random forests, boosting, KFold(shuffle=True), imbalanced-learn SMOTE, GaussianMixture, Surprise SVD and similar created without random_state, torch random_split with no seed, Optuna studies with no seeded sampler and hyperopt fmin with no rstate; in files that set no global seed, also Hugging Face Dataset train_test_split/shuffle without seed, pandas sample(frac=...) and sklearn.utils.shuffle without random_state, and a sample(n) of rows a training script goes on to use. pytest and unittest test modules are not checked.',
    ),
    why: l(
      '데이터 분할과 모델 내부의 무작위성이 실행마다 달라지면, 두 실험의 차이가 코드 변경 때문인지 우연인지 알 수 없습니다.',
      'If splits and model randomness change on every run, you cannot tell whether a difference between experiments comes from your change or from chance.',
    ),
    bad: 'from sklearn.model_selection import train_test_split\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\n',
    good: 'from sklearn.model_selection import train_test_split\n\n# TODO: 시드는 설정에서 받아 실험 기록에 남기세요\nSEED = 42\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)\n',
  },
  weeks: ['beginner/2'],
  questions: [
    l('이 분할을 다시 실행하면 테스트 세트에 같은 샘플이 들어갈까요?', 'If you rerun this split, will the same samples land in the test set?'),
    l('두 실험의 점수 차이가 0.01이라면, 그게 코드 변경 때문인지 어떻게 확인하시겠어요?', 'If two experiments differ by 0.01, how would you check it comes from your change?'),
  ],
  scaffold: {
    ko: '# TODO: 무작위성 고정\n# 고려사항:\n# - 분할, 모델, 교차 검증 중 어디에 random_state가 필요한가요?\n# - 시드 하나로 모두 관리할까요? 값은 어디에 기록할까요?\n# TODO: random_state=SEED 전달\n',
    en: '# TODO: fix the randomness\n# Consider:\n# - which of split, model and cross-validation need random_state?\n# - manage them with one seed? where is it recorded?\n# TODO: pass random_state=SEED\n',
  },
  check(context) {
    const { model } = context;
    // A service runs these checks only where it trains (a retrain route, train-then-serve); a test
    // fits a toy model to check a shape or a pipeline, not a run anyone reproduces.
    if ((model.role === 'serving' && !isTrainingScript(model)) || model.role === 'test') return;
    let numpySeeded: boolean | undefined;
    for (const call of model.calls) {
      const callee = call.callee ?? '';
      if (RANDOM_SPLIT.test(callee)) {
        if (
          !keywordArgument(call.node, 'generator') &&
          !hasSplat(call.node) &&
          !model.calls.some((c) => TORCH_SEEDER.test(c.callee ?? '') && !/Generator\.manual_seed$/.test(c.callee ?? ''))
        ) {
          context.report({ node: call.node.childForFieldName('function') ?? call.node, messageId: 'noGenerator' });
        }
        continue;
      }
      // A study with no sampler gets an unseeded TPE sampler: the search cannot be repeated.
      if (callee === 'optuna.create_study' && !keywordArgument(call.node, 'sampler') && !hasSplat(call.node)) {
        context.report({ node: call.node.childForFieldName('function') ?? call.node, messageId: 'noSampler' });
        continue;
      }
      // hyperopt draws from a fresh `np.random.default_rng()`, which no global seed reaches.
      if (callee === 'hyperopt.fmin' && !keywordArgument(call.node, 'rstate') && !hasSplat(call.node)) {
        context.report({ node: call.node.childForFieldName('function') ?? call.node, messageId: 'noRstate' });
        continue;
      }
      if (drawsFromGlobalRng(model, callee || methodName(call.node), call.node)) {
        if (!seeded(call.node) && !keywordArgument(call.node, 'generator') && !hasSplat(call.node) && !model.calls.some((c) => GLOBAL_SEEDER.test(c.callee ?? ''))) {
          context.report({
            node: call.node.childForFieldName('function') ?? call.node,
            messageId: 'noState',
            data: { name: (callee || methodName(call.node)).split('.').pop() ?? callee },
          });
        }
        continue;
      }
      const randomised = RANDOMISED.test(callee) || OPTUNA_SAMPLER.test(callee) || (SHUFFLE_SPLITTERS.test(callee) && keywordArgument(call.node, 'shuffle')?.text === 'True');
      if (!randomised || hasSplat(call.node)) continue;
      if (seeded(call.node)) continue;
      if (/train_test_split$/.test(callee) && keywordArgument(call.node, 'shuffle')?.text === 'False') continue;
      // An explicit `random_state=None` (often copied from an estimator's printed parameters) is where the fix goes.
      const unseeded = SEED_KEYWORDS.map((k) => keywordArgument(call.node, k)).find((v) => v?.text === 'None')?.parent;
      // `np.random.seed(40)` does make an unseeded scikit-learn call repeat: the message says what is fragile instead.
      numpySeeded ??= model.calls.some((c) => NUMPY_SEED.test(c.callee ?? ''));
      const messageId = numpySeeded && /^sklearn\./.test(callee) ? 'globalSeedOnly' : 'noState';
      context.report({ node: unseeded ?? call.node.childForFieldName('function') ?? call.node, messageId, data: { name: callee.split('.').pop() ?? callee } });
    }
  },
  // `random_split` draws from the global torch generator: in a trainer module imported by a
  // script that seeds torch, that seed reaches it. Estimators keep their own random_state finding.
  project(context) {
    for (const path of seededFromEntry(context.view)) {
      for (const line of context.view.python.get(path)?.randomSplits ?? []) context.withdraw(path, line);
    }
  },
});

/** A split or shuffle of the kinds GLOBAL_DRAW names, told apart from sklearn's own (seeded by random_state) and from list shuffles. */
function drawsFromGlobalRng(model: PythonModel, callee: string, call: Node): boolean {
  if (callee === 'sklearn.utils.shuffle') return true;
  // `df.sample(frac=0.8)` splits (or `frac=1` shuffles) training data; sampling rows to look at or score is no split.
  if (/\.sample$/.test(callee) && !callee.startsWith('random.')) {
    if (keywordArgument(call, 'frac') !== undefined) return isTrainingScript(model) || /\.drop\(\s*\w+\.index\b/.test(model.source);
    // `train = data.sample(5000)` in a training script: the rows the model learns from change every run.
    return isTrainingScript(model) && importsPandas(model) && takesRowCount(call) && sampleIsUsed(model, call);
  }
  if (!GLOBAL_DRAW.test(callee) || callee.startsWith('sklearn.') || callee.startsWith('random.') || callee.startsWith('np.') || callee.startsWith('numpy.')) return false;
  // A method on a Hugging Face dataset: the file imports `datasets`.
  return [...model.imports.values()].some((target) => target === 'datasets' || target.startsWith('datasets.'));
}

/** `.shuffle` for `load_dataset(...)["train"].shuffle()`, whose receiver resolves to no dotted name. */
function methodName(call: Node): string {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' ? `.${fn.childForFieldName('attribute')?.text ?? ''}` : '';
}

/** The file imports pandas, so `.sample(n)` is most likely a DataFrame's (not a distribution's). */
function importsPandas(model: PythonModel): boolean {
  return [...model.imports.values()].some((target) => target === 'pandas' || target.startsWith('pandas.'));
}

/** `.sample(n=5000)` or `.sample(5000)` / `.sample(N_ROWS)`: a row count, not a shape or a tensor size. */
function takesRowCount(call: Node): boolean {
  if (keywordArgument(call, 'n') !== undefined) return true;
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  return first !== undefined && (first.type === 'integer' || first.type === 'identifier' || first.type === 'attribute');
}

/**
 * The sample (or a method chain on it: `.reset_index(drop=True)`) is kept in a variable that later
 * code works with; `preview = df.sample(5)` that is only printed, or never read, is a look at the data.
 */
function sampleIsUsed(model: PythonModel, call: Node): boolean {
  let node: Node = call;
  while (node.parent && (node.parent.type === 'attribute' || (node.parent.type === 'call' && node.parent.childForFieldName('function')?.id === node.id))) node = node.parent;
  const assignment = node.parent;
  const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === node.id ? assignment.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return false;
  const later = model.source.slice(assignment!.endIndex);
  for (const line of later.split('\n')) {
    if (!new RegExp(`\\b${target.text}\\b`).test(line)) continue;
    if (!/^\s*(print|display|logger\.\w+|logging\.\w+)\(/.test(line)) return true;
  }
  return false;
}
