import type { Node } from 'web-tree-sitter';
import type { PythonModel } from './model';
import { keywordNameAt } from './scan';
import { firstTrainingCall, isTrainingScript } from './training';

/**
 * Hyper-parameters written as literals in a script that records its runs in a tracker but never
 * logs them: shared by hyperparameters-not-logged.
 */

/** Keyword names that are hyper-parameters of a model, an optimiser or a training loop (not seeds, splits or worker counts). */
const HYPER =
  /^(n_estimators|max_depth|max_leaf_nodes|min_samples_(split|leaf)|max_features|learning_rate|lr|eta|num_leaves|num_boost_round|num_iterations|iterations|depth|l2_leaf_reg|epochs|num_epochs|num_train_epochs|max_epochs|batch_size|per_device_train_batch_size|C|alpha|l1_ratio|gamma|subsample|colsample_bytree|reg_alpha|reg_lambda|min_child_weight|dropout|weight_decay|momentum|n_neighbors|kernel|penalty|hidden_size|num_layers|patience|early_stopping_rounds|warmup_steps|n_components|n_clusters)$/;
/** String values only name a choice for these (`kernel="rbf"`); elsewhere a string is a path or a label. */
const STRING_CHOICE = /^(kernel|penalty)$/;
/** The script records runs in a tracker (MLflow or W&B). */
const TRACKS = /\bmlflow\.(log_metrics?|start_run|(\w+\.)?log_model)\s*\(|\bwandb\.(log|init)\s*\(/;
/** Logging that covers parameters we cannot list: autologging, a whole config or an estimator's own parameters. */
// HF TrainingArguments are logged whole by the MLflow and W&B callbacks; Lightning logs what save_hyperparameters keeps.
const LOGS_ALL = /\bautolog\s*\(|\.get_params\s*\(|\bwandb\.config\b|\bconfig\s*=|\bTrainingArguments\s*\(|\bsave_hyperparameters\s*\(/;
/** The calls that log parameters, with their arguments. */
const LOG_PARAMS = /\b(log_params?|log_hyperparams|set_tags?)\s*\(/g;

/**
 * Any record of how the run was configured, for a run that logs no parameter by name: a logged
 * parameter or tag, autologging, an estimator's own parameters, a config handed to the tracker as a
 * keyword or updated on the run, a logged dict, HF TrainingArguments, Lightning's saved hyper-parameters.
 * (Stricter than LOGS_ALL about `config=`: an assignment `config = load(...)` records nothing.)
 */
const RECORDS_SETTINGS =
  /\b(log_params?|log_hyperparams|set_tags?|log_dict|autolog)\s*\(|\.get_params\s*\(|\bwandb\.config\b|\.config\.update\s*\(|[(,]\s*config\s*=(?!=)|\bTrainingArguments\s*\(|\bsave_hyperparameters\s*\(/;
/** Calls that record a run's outcome: the metrics first, then the run's start (a W&B run with no config). */
const RECORDS_OUTCOME = /^(mlflow\.log_metrics?|wandb\.log)$/;
const STARTS_RUN = /^(mlflow\.start_run|wandb\.init)$/;

export interface UnloggedHyperparameters {
  readonly node: Node;
  readonly names: string[];
}

/** The text of every parameter-logging call's arguments, in one string. */
function loggedText(source: string): string {
  let text = '';
  for (const match of source.matchAll(LOG_PARAMS)) {
    // The arguments up to the closing parenthesis at depth zero (bounded: a call rarely spans more).
    let depth = 0;
    const start = match.index + match[0].length - 1;
    for (let i = start; i < Math.min(source.length, start + 2000); i++) {
      const ch = source[i];
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth--;
      if (depth === 0) {
        text += source.slice(start, i + 1) + '\n';
        break;
      }
    }
  }
  return text;
}

/** Literal hyper-parameters of a tracked training script that no parameter-logging call mentions, in document order. */
export function unloggedHyperparameters(model: PythonModel): UnloggedHyperparameters | undefined {
  const source = model.source;
  if (!TRACKS.test(source) || LOGS_ALL.test(source)) return undefined;
  // A training function in a library counts too: its literals are fixed whoever calls it.
  if (!isTrainingScript(model) && firstTrainingCall(model) === undefined) return undefined;
  const logged = loggedText(source);
  const names: string[] = [];
  let first: Node | undefined;
  for (const keyword of model.keywordArguments) {
    const name = keywordNameAt(source, keyword.startIndex);
    if (!name || !HYPER.test(name)) continue;
    const value = keyword.childForFieldName('value');
    const literal = value?.type === 'integer' || value?.type === 'float' || (value?.type === 'string' && STRING_CHOICE.test(name));
    if (!literal || new RegExp(`\\b${name}\\b`).test(logged) || names.includes(name)) continue;
    // A function's default (`def train(epochs=10)`) is not a literal the run was built with unless called so.
    if (keyword.parent?.type !== 'argument_list') continue;
    names.push(name);
    first ??= keyword;
  }
  return first ? { node: first, names } : undefined;
}

/**
 * A tracked training run that records its scores (or starts a W&B run) but no parameter at all:
 * the model is built with defaults or from variables (`LinearRegression(fit_intercept=fit_intercept)`),
 * so there is no literal for `unloggedHyperparameters` to name, and the run still says nothing about
 * how the model was made. The run must record a score (or be a W&B run) and start in this file (a `start_run`/`wandb.init`, or a metric
 * logged at module level): a training helper that logs inside a run its caller opened leaves the
 * parameters to the caller. Returns the call to report: `wandb.init`, else the first metric logged.
 */
export function runWithoutParameters(model: PythonModel): Node | undefined {
  const source = model.uncommentedSource;
  if (!TRACKS.test(source) || RECORDS_SETTINGS.test(source)) return undefined;
  if (!isTrainingScript(model) && firstTrainingCall(model) === undefined) return undefined;
  const outcome = model.calls.find((c) => RECORDS_OUTCOME.test(c.callee ?? ''));
  const start = model.calls.find((c) => STARTS_RUN.test(c.callee ?? ''));
  if (!start && (!outcome || outcome.inFunction)) return undefined;
  // A run that only stores a model (no score) is a registry upload, not an experiment to compare;
  // a W&B run is the exception: its scores are logged wherever the loop runs, the config only at `init`.
  if (!outcome && start?.callee !== 'wandb.init') return undefined;
  // W&B takes its config at `init`, where the finding goes; an MLflow run is reported at its first score.
  return (start?.callee === 'wandb.init' ? start : outcome)?.node;
}
