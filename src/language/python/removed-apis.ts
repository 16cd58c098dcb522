import type { Node } from 'web-tree-sitter';
import type { PythonModel } from './model';
import { keywordArgument } from './model';
import type { Range } from '../types';

/**
 * Library APIs that a current install no longer has: tutorial code copied from a few years ago
 * (`from sklearn.externals import joblib`, `load_boston`, `np.float`, `from langchain.chains
 * import RetrievalQA` on LangChain 1.x) fails at import or at the call on a fresh environment.
 * Each entry names the distribution and the release that removed it, so the project pass can
 * keep quiet where the dependency list pins a release that still has it.
 */
export interface RemovedApi {
  readonly id: string;
  /** The distributions whose version decides (`scikit-learn`; Lightning is published under two names). */
  readonly packages: readonly string[];
  /** The first release without the API. */
  readonly removedIn: string;
  /** What the code uses, as the learner wrote it (`mean_squared_error(squared=False)`). */
  readonly what: string;
  /** What replaces it. */
  readonly instead: string;
  /**
   * Removed recently (2024 on): an environment made a year ago still has it, so the finding needs
   * a dependency list that declares the package with no upper bound, the one case where a fresh
   * install is known to get the release without it.
   */
  readonly recent?: true;
  /** Said once per file: one old import path is the same lesson as the next. */
  readonly oncePerFile?: true;
}

export const REMOVED_APIS: Readonly<Record<string, RemovedApi>> = {
  sklearnExternals: {
    id: 'sklearnExternals',
    packages: ['scikit-learn'],
    removedIn: '0.23',
    what: 'sklearn.externals.joblib',
    instead: 'import joblib',
  },
  sklearnOldModules: {
    id: 'sklearnOldModules',
    packages: ['scikit-learn'],
    removedIn: '0.20',
    what: 'sklearn.cross_validation / sklearn.grid_search',
    instead: 'sklearn.model_selection',
  },
  sklearnImputer: { id: 'sklearnImputer', packages: ['scikit-learn'], removedIn: '0.22', what: 'sklearn.preprocessing.Imputer', instead: 'sklearn.impute.SimpleImputer' },
  loadBoston: {
    id: 'loadBoston',
    packages: ['scikit-learn'],
    removedIn: '1.2',
    what: 'load_boston()',
    instead: 'fetch_california_housing() or fetch_openml(name="house_prices")',
  },
  plotMetrics: {
    id: 'plotMetrics',
    packages: ['scikit-learn'],
    removedIn: '1.2',
    what: 'plot_confusion_matrix / plot_roc_curve / plot_precision_recall_curve',
    instead: 'ConfusionMatrixDisplay.from_estimator / RocCurveDisplay.from_estimator',
  },
  getFeatureNames: { id: 'getFeatureNames', packages: ['scikit-learn'], removedIn: '1.2', what: '.get_feature_names()', instead: '.get_feature_names_out()' },
  normalizeArgument: {
    id: 'normalizeArgument',
    packages: ['scikit-learn'],
    removedIn: '1.2',
    what: 'LinearRegression(normalize=...)',
    instead: 'a StandardScaler step in a Pipeline',
  },
  maxFeaturesAuto: {
    id: 'maxFeaturesAuto',
    packages: ['scikit-learn'],
    removedIn: '1.3',
    what: "RandomForestClassifier(max_features='auto')",
    instead: "max_features='sqrt' for a classifier, 1.0 for a regressor",
  },
  sparseArgument: {
    id: 'sparseArgument',
    packages: ['scikit-learn'],
    removedIn: '1.4',
    what: 'OneHotEncoder(sparse=...)',
    instead: 'OneHotEncoder(sparse_output=...)',
    recent: true,
  },
  squaredArgument: {
    id: 'squaredArgument',
    packages: ['scikit-learn'],
    removedIn: '1.6',
    what: 'mean_squared_error(squared=False)',
    instead: 'root_mean_squared_error()',
    recent: true,
  },
  numpyAliases: {
    id: 'numpyAliases',
    packages: ['numpy'],
    removedIn: '1.24',
    what: 'np.float / np.int / np.bool / np.object',
    instead: 'float, int, bool, object (or np.float64 ...)',
  },
  pandasIteritems: { id: 'pandasIteritems', packages: ['pandas'], removedIn: '2.0', what: '.iteritems()', instead: '.items()' },
  // One lesson per file: the second append of a metrics log is the same fix.
  pandasAppend: {
    id: 'pandasAppend',
    packages: ['pandas'],
    removedIn: '2.0',
    what: 'DataFrame.append()',
    instead: 'pd.concat([frame, new_rows], ignore_index=True)',
    oncePerFile: true,
  },
  flaskFirstRequest: {
    id: 'flaskFirstRequest',
    packages: ['flask'],
    removedIn: '2.3',
    what: '@app.before_first_request',
    instead: 'set-up at start-up, before the app serves (in create_app or at module level)',
  },
  pydanticBaseSettings: {
    id: 'pydanticBaseSettings',
    packages: ['pydantic'],
    removedIn: '2.0',
    what: 'from pydantic import BaseSettings',
    instead: 'from pydantic_settings import BaseSettings (the pydantic-settings package)',
  },
  lightningGpus: {
    id: 'lightningGpus',
    packages: ['pytorch-lightning', 'lightning'],
    removedIn: '2.0',
    what: 'Trainer(gpus=...)',
    instead: 'Trainer(accelerator="gpu", devices=...)',
  },
  lightningCoreModule: {
    id: 'lightningCoreModule',
    packages: ['pytorch-lightning'],
    removedIn: '1.9',
    what: 'pytorch_lightning.core.lightning',
    instead: 'from pytorch_lightning import LightningModule (lightning.pytorch on Lightning 2)',
  },
  torchmetricsTask: {
    id: 'torchmetricsTask',
    packages: ['torchmetrics'],
    removedIn: '0.11',
    what: 'a torchmetrics classification metric without task= (Accuracy(), F1Score(num_classes=...))',
    instead: 'Accuracy(task="multiclass", num_classes=...) or MulticlassAccuracy(num_classes=...)',
    oncePerFile: true,
  },
  tensorflowV1: {
    id: 'tensorflowV1',
    packages: ['tensorflow', 'tensorflow-cpu', 'tensorflow-gpu'],
    removedIn: '2.0',
    what: 'tf.Session / tf.placeholder / tf.contrib',
    instead: 'TensorFlow 2 eager code (or tf.compat.v1 while migrating)',
  },
  openaiV0: {
    id: 'openaiV0',
    packages: ['openai'],
    removedIn: '1.0',
    what: 'the openai 0.x module API (openai.ChatCompletion, openai.Completion, openai.Embedding)',
    instead: 'a client: client = OpenAI(timeout=...); client.chat.completions.create(...)',
    // Removed in November 2023, but learner lists still pin 0.27/0.28 on purpose: only a list that
    // asks for a 1.x release (or any release) is known to install the package without it.
    recent: true,
    oncePerFile: true,
  },
  langchainLegacy: {
    id: 'langchainLegacy',
    packages: ['langchain'],
    removedIn: '1.0',
    what: 'a LangChain 0.x import path',
    instead: 'the provider package (langchain_openai ...), langchain_core, langchain_community, langchain_text_splitters or langchain_classic',
    recent: true,
    oncePerFile: true,
  },
  evidentlyLegacy: {
    id: 'evidentlyLegacy',
    packages: ['evidently'],
    removedIn: '0.7',
    what: 'the pre-0.7 Evidently API (evidently.report, evidently.metric_preset, evidently.test_suite ...)',
    instead: 'the 0.7 API (from evidently import Report; from evidently.presets import DataDriftPreset), or evidently.legacy.* while migrating',
    // Moved under evidently.legacy in 2025: an environment made before then still has it.
    recent: true,
    oncePerFile: true,
  },
};

export interface RemovedApiUse {
  readonly id: string;
  readonly range: Range;
  /** The name as written, for the message (`sklearn.externals`, `langchain.chains`). */
  readonly written: string;
}

const SKLEARN_OLD_MODULES = /^sklearn\.(cross_validation|grid_search|learning_curve)(\.|$)/;
/** The forests whose `max_features='auto'` scikit-learn 1.3 removed (an InvalidParameterError at fit). */
const FOREST = /^sklearn\.ensemble\.(RandomForest|ExtraTrees)(Classifier|Regressor)$/;
const SKLEARN_PLOTS = /^sklearn\.metrics\.(plot_confusion_matrix|plot_roc_curve|plot_precision_recall_curve|plot_det_curve)$/;
/** What LangChain 1.x keeps in the `langchain` namespace (by module, the names it still exports; `*` for all). */
const LANGCHAIN_V1: Readonly<Record<string, ReadonlySet<string> | '*'>> = {
  agents: new Set(['create_agent', 'AgentState', 'middleware', 'structured_output']),
  'agents.middleware': '*',
  'agents.structured_output': '*',
  messages: '*',
  tools: '*',
  chat_models: new Set(['init_chat_model', 'BaseChatModel']),
  embeddings: new Set(['init_embeddings', 'Embeddings']),
  rate_limiters: '*',
};
/** The entries a by-name import already reported, by the callee a later call resolves to. */
const REMOVED_BY_CALLEE: Readonly<Record<string, string>> = {
  'sklearn.datasets.load_boston': 'loadBoston',
  'sklearn.preprocessing.Imputer': 'sklearnImputer',
  'sklearn.metrics.plot_confusion_matrix': 'plotMetrics',
  'sklearn.metrics.plot_roc_curve': 'plotMetrics',
  'sklearn.metrics.plot_precision_recall_curve': 'plotMetrics',
  'sklearn.metrics.plot_det_curve': 'plotMetrics',
};
/** The 0.x resource classes of the `openai` module, gone in 1.0: `openai.ChatCompletion.create(...)`. */
const OPENAI_V0 = /^openai\.(ChatCompletion|Completion|Embedding|Edit|Image|Moderation|FineTune|Audio)\.a?create$/;
const TRAINER = /^(pytorch_lightning|lightning|lightning\.pytorch)\.Trainer$/;
/** torchmetrics' task wrappers: since 0.11 they need `task=` ("binary", "multiclass", "multilabel"). */
const TORCHMETRICS_TASKED =
  /^torchmetrics(\.classification)?\.(Accuracy|Precision|Recall|F1Score|FBetaScore|AUROC|AveragePrecision|ConfusionMatrix|Specificity|StatScores|CohenKappa|MatthewsCorrCoef|JaccardIndex|ROC|PrecisionRecallCurve|CalibrationError|HammingDistance|HingeLoss|ExactMatch)$/;
const TENSORFLOW_V1 = /^tensorflow\.(Session|InteractiveSession|placeholder|get_default_graph|global_variables_initializer|contrib\.\w+(\.\w+)*)$/;

const usesCache = new WeakMap<PythonModel, RemovedApiUse[]>();

/** The removed APIs this file uses, in source order. */
export function removedApiUses(model: PythonModel): readonly RemovedApiUse[] {
  let found = usesCache.get(model);
  if (!found) usesCache.set(model, (found = collect(model)));
  return found;
}

/** Modules of the Evidently API that 0.7 moved under `evidently.legacy` (the new API lives in evidently, evidently.presets, evidently.metrics). */
const EVIDENTLY_LEGACY = /^evidently\.(report|metric_preset|test_suite|test_preset|dashboard|model_profile|tabs|pipeline)(\.|$)/;

const IMPORT_LINE = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+([^\n#]+)|import[ \t]+([\w.]+))/gm;

/**
 * `df = df.append(row, ignore_index=True)`: a list's append returns None and takes no keywords, so
 * an append whose result is kept, or that is given `ignore_index` / `sort` / `verify_integrity`,
 * is pandas' (DataFrame or Series), removed in pandas 2.0.
 */
function frameAppend(call: Node, model: PythonModel): boolean {
  // `np.append(values, x)`: a module's own function (numpy's), not a method of a frame.
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (receiver?.type === 'identifier' && model.imports.has(receiver.text)) return false;
  if (call.parent?.type === 'assignment' && call.parent.childForFieldName('right')?.id === call.id) return true;
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some(
    (argument) => argument?.type === 'keyword_argument' && /^(ignore_index|sort|verify_integrity)$/.test(argument.childForFieldName('name')?.text ?? ''),
  );
}

function collect(model: PythonModel): RemovedApiUse[] {
  const source = model.source;
  const found: RemovedApiUse[] = [];
  const at = (start: number, end: number, id: string, written: string) => found.push({ id, range: model.rangeOf(start, end), written });
  const importedByName = new Set<string>();
  // Imports, as written: the module paths and names of this file.
  if (/\b(sklearn|langchain|pydantic|pytorch_lightning|evidently)\b/.test(source)) {
    for (const match of source.matchAll(IMPORT_LINE)) {
      const module = match[1] ?? match[3];
      const names = match[2]
        ?.replace(/[()\\]/g, ' ')
        .split(',')
        .map((n) => n.trim().split(/\s+/)[0])
        .filter(Boolean);
      const start = match.index + match[0].indexOf(module);
      const end = start + module.length;
      const full = names?.map((n) => `${module}.${n}`) ?? [module];
      // A removed function imported by name fails here, at the import, before any call.
      const named = full.find((f) => f === 'sklearn.datasets.load_boston' || SKLEARN_PLOTS.test(f) || f === 'sklearn.preprocessing.Imputer');
      if (named) {
        const id = named.endsWith('load_boston') ? 'loadBoston' : named.endsWith('Imputer') ? 'sklearnImputer' : 'plotMetrics';
        importedByName.add(id);
        at(start, end, id, named.slice(module.length + 1));
      } else if (/^sklearn\.externals(\.|$)/.test(module) || full.includes('sklearn.externals.joblib')) at(start, end, 'sklearnExternals', 'sklearn.externals');
      else if (SKLEARN_OLD_MODULES.test(module) || full.some((f) => SKLEARN_OLD_MODULES.test(f))) at(start, end, 'sklearnOldModules', module);
      else if (module === 'pydantic' && names?.includes('BaseSettings')) at(start, end, 'pydanticBaseSettings', 'pydantic.BaseSettings');
      else if (/^langchain\.\w/.test(module) && !langchainV1(module.slice('langchain.'.length), names)) at(start, end, 'langchainLegacy', module);
      else if (/^pytorch_lightning\.core\.lightning$/.test(module)) at(start, end, 'lightningCoreModule', module);
      else if (EVIDENTLY_LEGACY.test(module)) at(start, end, 'evidentlyLegacy', module);
    }
  }
  const sklearn = model.importsModule('sklearn');
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (sklearn) {
      if (importedByName.has(REMOVED_BY_CALLEE[callee] ?? '')) continue;
      if (callee === 'sklearn.datasets.load_boston') at(call.node.startIndex, call.node.endIndex, 'loadBoston', 'load_boston()');
      else if (SKLEARN_PLOTS.test(callee)) at(call.node.startIndex, call.node.endIndex, 'plotMetrics', callee.slice('sklearn.metrics.'.length));
      else if (callee === 'sklearn.preprocessing.Imputer') at(call.node.startIndex, call.node.endIndex, 'sklearnImputer', 'Imputer');
      else if (/^sklearn\.metrics\.(mean_squared_error|mean_squared_log_error)$/.test(callee) && keywordArgument(call.node, 'squared'))
        at(call.node.startIndex, call.node.endIndex, 'squaredArgument', `${callee.slice('sklearn.metrics.'.length)}(squared=...)`);
      else if (FOREST.test(callee) && /^['"]auto['"]$/.test(keywordArgument(call.node, 'max_features')?.text ?? ''))
        at(call.node.startIndex, call.node.endIndex, 'maxFeaturesAuto', `${callee.slice('sklearn.ensemble.'.length)}(max_features='auto')`);
      else if (callee === 'sklearn.preprocessing.OneHotEncoder' && keywordArgument(call.node, 'sparse'))
        at(call.node.startIndex, call.node.endIndex, 'sparseArgument', 'OneHotEncoder(sparse=...)');
      else if (/^sklearn\.linear_model\.(LinearRegression|Ridge|Lasso|ElasticNet|Lars|LassoLars)$/.test(callee) && keywordArgument(call.node, 'normalize'))
        at(call.node.startIndex, call.node.endIndex, 'normalizeArgument', `${callee.slice('sklearn.linear_model.'.length)}(normalize=...)`);
      else if (/\.get_feature_names$/.test(callee) && call.node.childForFieldName('arguments')?.namedChildCount === 0)
        at(call.node.startIndex, call.node.endIndex, 'getFeatureNames', '.get_feature_names()');
    }
    if (OPENAI_V0.test(callee)) at(call.node.startIndex, call.node.endIndex, 'openaiV0', callee.slice(0, callee.lastIndexOf('.')));
    else if (TRAINER.test(callee) && keywordArgument(call.node, 'gpus')) at(call.node.startIndex, call.node.endIndex, 'lightningGpus', 'Trainer(gpus=...)');
    else if (TORCHMETRICS_TASKED.test(callee) && !keywordArgument(call.node, 'task') && call.node.childForFieldName('arguments')?.namedChildren[0]?.type !== 'string')
      at(call.node.startIndex, call.node.endIndex, 'torchmetricsTask', `${callee.slice(callee.lastIndexOf('.') + 1)}()`);
    else if (TENSORFLOW_V1.test(callee)) at(call.node.startIndex, call.node.endIndex, 'tensorflowV1', `tf.${callee.slice('tensorflow.'.length)}`);
    else if (/\.iteritems$/.test(callee) && model.importsModule('pandas') && call.node.childForFieldName('arguments')?.namedChildCount === 0)
      at(call.node.startIndex, call.node.endIndex, 'pandasIteritems', '.iteritems()');
    else if (/\.append$/.test(callee) && model.importsModule('pandas') && frameAppend(call.node, model))
      at(call.node.startIndex, call.node.endIndex, 'pandasAppend', `${callee.slice(0, -'.append'.length)}.append()`);
  }
  // `@app.before_first_request` is a decorator, not a call.
  if (model.importsModule('flask') && source.includes('before_first_request')) {
    for (const match of source.matchAll(/^[ \t]*@[ \t]*[\w.]+\.before_first_request\b/gm)) {
      const start = match.index + match[0].indexOf('@');
      at(start, match.index + match[0].length, 'flaskFirstRequest', '@before_first_request');
    }
  }
  // NumPy's aliases of the builtins, removed in 1.24: `np.float`, `np.int` (not `np.float64`).
  for (const [local, module] of model.imports) {
    if (module !== 'numpy') continue;
    for (const match of source.matchAll(new RegExp(`(?<![\\w.])${local}\\.(float|int|bool|object|str|complex|long|unicode)\\b(?![\\w.])`, 'g'))) {
      const node = model.tree.rootNode.descendantForIndex(match.index);
      if (node?.type !== 'identifier' || node.parent?.type !== 'attribute') continue;
      at(match.index, match.index + match[0].length, 'numpyAliases', match[0]);
    }
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}

/** Whether LangChain 1.x still has this `from langchain.<sub> import names` (or `import langchain.<sub>`). */
function langchainV1(sub: string, names: readonly string[] | undefined): boolean {
  const kept = LANGCHAIN_V1[sub];
  if (kept === undefined) return false;
  if (kept === '*' || names === undefined) return true;
  return names.every((name) => name === '*' || kept.has(name));
}
