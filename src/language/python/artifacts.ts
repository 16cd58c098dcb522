import type { Node } from 'web-tree-sitter';
import { keywordArgument, positionalArguments, stringValue, type CallInfo, type PythonModel } from './model';
import { firstTrainingCall, isTrainingScript, trainsOnlyWhenCalled } from './training';

/**
 * Model files a training script writes over a fixed path with nothing recorded beside them:
 * shared by unversioned-model-artifact (the finding) and the project facts (which lines a DVC
 * pipeline's versioning withdraws).
 */

/** Writers whose second argument (or `filename`/`f` keyword) is where the object goes. */
export const DUMPERS = /^(joblib|pickle|dill|cloudpickle|skops\.io)\.dump$|^torch\.save$/;
/** Methods a trained model or trainer saves itself with; the first argument is where. */
export const SAVERS = /\.(save|save_model|save_pretrained|save_weights)$/;
/** Libraries whose own stores version what they save (MLflow runs, BentoML tags) or that are not models. */
const VERSIONED_STORE = /^(mlflow|bentoml|wandb|dvc|clearml|comet_ml|neptune)\.|^(np|numpy|pd|pandas|plt|matplotlib|PIL|Image|cv2|h5py)\./;
/** Files a model is kept in (for `.save(...)`, which images and figures have too). */
const MODEL_FILE = /\.(pkl|pickle|joblib|pt|pth|ckpt|h5|keras|onnx|bin|safetensors|model|cbm|ubj|sav)$|(^|[\\/])[^\\/.]*$/i;
/**
 * The script leaves a record beside the file: metrics or metadata, the file logged to a run, a
 * registry entry. `.to_json(...)` counts with a destination only: Keras' `model.to_json()` returns
 * the architecture as a string, which is part of the model, not a record of its run.
 */
const RECORDED =
  /\.to_json\(\s*[^)\s]|\blog_artifacts?\(|\blog_model\(|\bautolog\(|\b(register_model|create_model_version)\(|\bwandb\.save\(|\bpush_to_hub\(|\bmodel_card\b|\bmetadata\b|metrics\.(json|ya?ml|txt|csv)\b|\bwrite_text\(\s*json\.dumps/;
/** A row written to a table of runs, models or metrics (`INSERT INTO models (...)`, `to_sql("model_metrics")`): a record of the run in the team's own database. */
const TABLE_RECORD = /\bINSERT\s+INTO\s+[\w."`]*(model|metric|run|experiment|evaluation|score)|\.to_sql\(\s*['"][\w.]*(model|metric|run|experiment|evaluation|score)/i;
/**
 * A row appended to a warehouse table of scores (`df.to_gbq(destination_table="proj.model_metrics.runs")`,
 * `client.insert_rows_json("proj.ds.eval_scores", rows)`): the table is named in the file, often
 * through a variable, so the write and the metrics-table name are read separately.
 */
const WAREHOUSE_WRITE = /\.(to_gbq|insert_rows(_json)?)\(/;
/** A quoted table name (no spaces, bounded, so the scan stays linear) that says it holds scores. */
const TABLE_NAME = /['"]([\w.-]{1,200})['"]/g;
const METRICS_WORD = /metric|score|evaluation|experiment/i;
const FILE_NAME = /\.(json|ya?ml|csv|tsv|txt|pkl|pickle|joblib|sav|parquet|pt|pth|h5|png|log)$/i;
function namesMetricsTable(code: string): boolean {
  for (const m of code.matchAll(TABLE_NAME)) if (METRICS_WORD.test(m[1]) && !FILE_NAME.test(m[1])) return true;
  return false;
}
/** The script tracks what it wrote with DVC (`dvc add`): the `.dvc` file keeps each version's hash. */
const DVC_ADD = /\bdvc['"]?\s*,?\s*['"]?add\b/;
/** Loaders that read a model from a local file (the first argument, or a handle opened on one). */
const LOADERS = /^(joblib|pickle|dill|cloudpickle|skops\.io)\.load$|^torch\.load$|^(tensorflow\.keras|keras|tf_keras)\.models\.load_model$|^(xgboost|lightgbm)\.\w*Booster$/;

/** Where a service loads its model from a fixed local file, in document order (the file's name with each). */
export function localModelLoads(model: PythonModel): { node: Node; name: string }[] {
  if (model.role !== 'serving') return [];
  const found: { node: Node; name: string }[] = [];
  for (const call of model.calls) {
    if (!LOADERS.test(call.callee ?? '')) continue;
    const target = positionalArguments(call.node)[0] ?? keywordArgument(call.node, 'filepath') ?? keywordArgument(call.node, 'model_file');
    const path = target ? (openedPath(model, target) ?? fixedPath(model, target, 0)) : undefined;
    if (path === undefined || /^(models|runs):\//.test(path) || !/\.\w+$/.test(path)) continue;
    found.push({ node: call.node, name: path.split(/[\\/]/).pop() || path });
  }
  return found;
}

/**
 * The script leaves a record of its run: metrics or metadata written beside the model (a
 * `metrics.json`, a bundle with its scores), the file logged to a run, a registry entry.
 * Comments do not count: a TODO about metadata has not written any.
 */
export function recordsRun(model: PythonModel): boolean {
  return [RECORDED, TABLE_RECORD].some((record) => record.test(model.source) && record.test(model.uncommentedSource)) || dumpsRecord(model.uncommentedSource);
}

/**
 * The script appends its scores to a warehouse table: a record of the run's results (not of the
 * model file, which may still be overwritten with nothing tying it to a row).
 */
export function recordsScoresInWarehouse(model: PythonModel): boolean {
  const code = model.uncommentedSource;
  return WAREHOUSE_WRITE.test(code) && namesMetricsTable(code);
}

/** `json.dump(...)` / `yaml.dump(...)` and the line before it (the `with open(...)` it writes through). */
const DUMP = /[^\n]*\n?[^\n]*\b(?:json|yaml)\.(?:safe_)?dump\([^\n]*/g;
/** What a record of the run is about: its scores, parameters, version or provenance. */
const RECORD_WORDS = /metric|score|accuracy|\bacc\b|f1|auc|rmse|mae|mse|loss|meta|param|version|run_?id|result|eval|report|stats|provenance|lineage|commit|sha/i;

/**
 * A JSON or YAML file written beside the model is a record of the run when it holds scores,
 * parameters or a version (`json.dump(metrics, f)`, `open("metadata.json")`); the feature list
 * the service needs (`json.dump(columns, f)`) is part of the model, not a record of how it was made.
 */
function dumpsRecord(source: string): boolean {
  if (!/\b(?:json|yaml)\.(?:safe_)?dump\(/.test(source)) return false;
  for (const match of source.matchAll(DUMP)) if (RECORD_WORDS.test(match[0])) return true;
  return false;
}

/** A name that already carries a version or a date. */
const VERSIONED_NAME = /(^|[^a-z])v\d+|version|\d{8}|\d{4}-\d{2}-\d{2}|latest_run|run_id/i;
/**
 * Output folders a training platform collects and versions per job (SageMaker's model dir,
 * Valohai's and Argo/Kubeflow's outputs): the same path on every run is the platform's contract.
 */
const PLATFORM_OUTPUT = /^\/(opt\/ml\/(model|output)|valohai\/outputs|outputs|tmp\/outputs)(\/|$)/;
/** Path pieces that depend only on where the script lives. */
const LOCATION = /^(os\.path\.(dirname|abspath|realpath|join)|pathlib\.Path|Path|os\.getcwd|str)$/;

/** A dumped object named as scores, metrics or a report (`results`, `eval_metrics`, `history`), not a model. */
const RESULTS = /^(\w*_)?(results?|metrics?|scores?|report|history|stats|summary|evaluation)$/i;

/** What a fitted preprocessor is called when it is saved beside the model. */
const PREPROCESSOR = /^(\w*_)?(scaler|encoder|vectori[sz]er|tokenizer|imputer|transformer|preprocessor|label_?binarizer|lb|le|pca)$/i;

/** The calls that can write a model file, for a rule's `callees`. */
/** Keras' checkpoint callback writes the model (or its weights) to its first argument during `fit`. */
const CHECKPOINT_CALLBACK = /^(tensorflow|keras|tf_keras)\.([\w.]*\.)?ModelCheckpoint$/;
export const MODEL_WRITERS: readonly RegExp[] = [DUMPERS, SAVERS, CHECKPOINT_CALLBACK];

/** Where a training script writes a model over a fixed path with no version or record beside it, in document order. */
export function unrecordedModelWrites(model: PythonModel, calls: readonly CallInfo[] = model.calls): { node: Node; name: string }[] {
  // The writes first (few files have any), the file-wide questions only when there is one.
  const found: { node: Node; name: string }[] = [];
  for (const call of calls) {
    if (!MODEL_WRITERS.some((w) => w.test(call.callee ?? ''))) continue;
    // `joblib.dump(results, "model_evaluation.pkl")`: scores or a report are written, not a model.
    if (DUMPERS.test(call.callee ?? '') && RESULTS.test(positionalArguments(call.node)[0]?.text ?? '')) continue;
    const path = savedPath(model, call);
    if (path === undefined || VERSIONED_NAME.test(path) || PLATFORM_OUTPUT.test(path)) continue;
    // The file's own name, as the script writes it (a joined path is not in the text whole).
    found.push({
      node: call.node,
      name:
        path
          .replace(/[\\/]+$/, '')
          .split(/[\\/]/)
          .pop() || path,
    });
  }
  if (found.length === 0) return found;
  // A script that fits a pipeline it imports trains too, though its role says "script".
  const trains = isTrainingScript(model) || (model.role === 'script' && firstTrainingCall(model) !== undefined);
  if (!trains || trainsOnlyWhenCalled(model) || recordsRun(model) || DVC_ADD.test(model.uncommentedSource)) return [];
  // The model before its preprocessors: a scaler or encoder saved first is not "the trained model".
  // A checkpoint callback is set up before `fit`, but the final save is where the model is kept:
  // the callback is named only when the script saves nothing else.
  const preprocessor = (w: { node: Node }) => PREPROCESSOR.test(positionalArguments(w.node)[0]?.text ?? '');
  const checkpoint = (w: { node: Node }) => CHECKPOINT_CALLBACK.test(calls.find((c) => c.node === w.node)?.callee ?? '');
  const rank = (w: { node: Node }) => (preprocessor(w) ? 2 : checkpoint(w) ? 1 : 0);
  return [0, 1, 2].flatMap((r) => found.filter((w) => rank(w) === r));
}

/** The fixed path a save call writes the model to, or undefined when the call is not one or its path varies. */
function savedPath(model: PythonModel, call: CallInfo): string | undefined {
  const callee = call.callee ?? '';
  if (VERSIONED_STORE.test(callee)) return undefined;
  const args = positionalArguments(call.node);
  if (DUMPERS.test(callee)) {
    const target = args[1] ?? keywordArgument(call.node, 'filename') ?? keywordArgument(call.node, 'f') ?? keywordArgument(call.node, 'file');
    if (!target) return undefined;
    // `pickle.dump(model, open("model.pkl", "wb"))`: the handle opened in the call itself.
    const inline = target.type === 'call' && target.childForFieldName('function')?.text === 'open' ? positionalArguments(target)[0] : undefined;
    if (inline) return fixedPath(model, inline, 0);
    return openedPath(model, target) ?? fixedPath(model, target, 0);
  }
  // `tf.keras.models.save_model(model, path)`, `tf.saved_model.save(model, path)`: a module's function takes the model first.
  const moduleFunction = /^(tensorflow|keras|tf_keras)\./.test(callee) && !CHECKPOINT_CALLBACK.test(callee) && args.length > 1;
  const target =
    (moduleFunction ? args[1] : args[0]) ??
    keywordArgument(call.node, 'filepath') ??
    keywordArgument(call.node, 'export_dir') ??
    keywordArgument(call.node, 'save_directory') ??
    keywordArgument(call.node, 'output_dir');
  if (!target) return undefined;
  const path = fixedPath(model, target, 0);
  if (path === undefined) return undefined;
  // `.save(...)` is also how figures and images are written: only a model-like file counts.
  return /\.save$/.test(callee) && !MODEL_FILE.test(path) ? undefined : path;
}

/** `with open("model.pkl", "wb") as f: pickle.dump(model, f)`: the path the handle was opened on. */
function openedPath(model: PythonModel, handle: Node): string | undefined {
  if (handle.type !== 'identifier') return undefined;
  const alias = new RegExp(`^\\s*as\\s+${handle.text}\\b`);
  for (const c of model.calls) {
    if (c.callee !== 'open' || c.node.startIndex > handle.startIndex) continue;
    if (!alias.test(model.source.slice(c.node.endIndex, c.node.endIndex + 40))) continue;
    const first = positionalArguments(c.node)[0];
    return first ? fixedPath(model, first, 0) : undefined;
  }
  return undefined;
}

/**
 * The path an expression names when it is the same on every run: a literal, a constant, or a
 * join of those with the script's own location (`os.path.dirname(__file__)`, `Path(__file__).parent`).
 * Anything read at run time (an argument, a formatted run id, a timestamp) makes it vary.
 */
function fixedPath(model: PythonModel, node: Node, depth: number): string | undefined {
  if (depth > 8) return undefined;
  switch (node.type) {
    case 'string':
      return node.namedChildren.some((c) => c?.type === 'interpolation') ? undefined : stringValue(node);
    case 'integer':
      // `version = 1` joined into the path: a number written in the code is the same on every run.
      return node.text;
    case 'concatenated_string':
      return node.namedChildren.every((c) => c?.type === 'string') ? node.namedChildren.map((c) => (c ? (stringValue(c) ?? '') : '')).join('') : undefined;
    case 'identifier': {
      if (node.text === '__file__') return '';
      const bound = lastAssignment(model, node);
      return bound ? fixedPath(model, bound, depth + 1) : undefined;
    }
    case 'attribute':
      // `Path(__file__).parent`, `BASE_DIR.parent`: the location of the code itself.
      return /^(parent|parents|stem|name)$/.test(node.childForFieldName('attribute')?.text ?? '') ? fixedPath(model, node.childForFieldName('object')!, depth + 1) : undefined;
    case 'subscript':
      return /\.parents$/.test(node.childForFieldName('value')?.text ?? '') ? '' : undefined;
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const a = left ? fixedPath(model, left, depth + 1) : undefined;
      const b = right ? fixedPath(model, right, depth + 1) : undefined;
      return a === undefined || b === undefined ? undefined : join(a, b, node.childForFieldName('operator')?.text === '/');
    }
    case 'call': {
      const callee = model.callOf(node)?.callee ?? node.childForFieldName('function')?.text ?? '';
      if (!LOCATION.test(callee) && !/\.(resolve|absolute)$/.test(callee)) return undefined;
      if (/\.(resolve|absolute)$/.test(callee)) {
        const object = node.childForFieldName('function')?.childForFieldName('object');
        return object ? fixedPath(model, object, depth + 1) : undefined;
      }
      const parts = positionalArguments(node).map((a) => fixedPath(model, a, depth + 1));
      if (parts.some((p) => p === undefined)) return undefined;
      return /dirname|abspath|realpath|getcwd/.test(callee) ? '' : parts.reduce<string>((acc, p) => join(acc, p!, true), '');
    }
    default:
      return undefined;
  }
}

function join(a: string, b: string, separator: boolean): string {
  if (!a) return b;
  if (!b) return a;
  return separator ? `${a.replace(/[\\/]$/, '')}/${b}` : a + b;
}

/** The value last assigned to this name before its use (`MODEL_PATH = ...`, `model_path = os.path.join(...)`). */
function lastAssignment(model: PythonModel, name: Node): Node | undefined {
  let found: Node | undefined;
  for (const assignment of model.assignments) {
    if (assignment.startIndex >= name.startIndex) break;
    if (assignment.childForFieldName('left')?.text === name.text) found = assignment.childForFieldName('right') ?? undefined;
  }
  return found;
}
