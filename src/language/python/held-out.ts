import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';
import { enclosingFunction, keywordArgument, positionalArguments } from './nodes';

/**
 * The shapes of "evaluated on what it learned" that are not a `fit` followed by a `score` on
 * the same name: a Hugging Face trainer whose eval set is its training set, a Keras fit whose
 * validation data is its training data, a Surprise model tested on its trainset's
 * `build_testset()`, a Lightning fit with no validation loader, and a hand-written PyTorch loop
 * that measures the model on the tensors it trained on.
 */

const HF_TRAINER = /(^|\.)(\w*Trainer)$/;
const KERAS_FIT = /(^|\.)fit$/;
const LIGHTNING_FIT = /(^|\.)Trainer\.fit$/;
/** A name that says "kept out of training": `X_test`, `val_loader`, `holdout`, `dev_set`, `eval_ds`. */
const HELD_OUT_WORD = /(^|[^a-z])(test|tests|val|valid|validation|holdout|dev|eval)([^a-z]|$)/i;
/** Torchvision and datasets ways of asking for the other split. */
const OTHER_SPLIT = /\btrain\s*=\s*False\b|\bsplit\s*=\s*["'](test|val|valid|validation)|\[\s*["'](test|validation)["']\s*\]/;
/** What a hand-written loop computes when it reports a score. */
const METRIC = /^[ \t]*(\w*(acc|accuracy|f1|auc|precision|recall|score|correct)\w*)\s*[+]?=|(^|[^\w.])\w*_score\(|\.log_metrics?\(/im;

/** Surprise's accuracy functions, scoring the predictions of `algo.test(...)`. */
const SURPRISE_SCORE = /\baccuracy\.(rmse|mae|mse|fcp)\s*\(/;

export interface SameData {
  readonly node: Node;
  readonly data: string;
}

/** A trainer or fit given its own training data as the evaluation data. */
export function evaluatedOnTrainingData(model: PythonModel): SameData | undefined {
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (HF_TRAINER.test(callee) && /^(transformers|trl|setfit|sentence_transformers)\./.test(callee)) {
      const train = keywordArgument(call.node, 'train_dataset');
      const evaluation = keywordArgument(call.node, 'eval_dataset');
      if (train && evaluation && train.text === evaluation.text) return { node: evaluation, data: train.text };
    } else if (/\.build_testset$/.test(callee) && SURPRISE_SCORE.test(model.source) && [...model.imports.values()].some((t) => t.split('.')[0] === 'surprise')) {
      // Surprise's `Trainset.build_testset()` returns the trainset's own ratings (the held-out
      // ones come from `surprise.model_selection.train_test_split`).
      const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
      return { node: call.node, data: receiver?.text ?? 'trainset' };
    } else if (KERAS_FIT.test(callee)) {
      const validation = keywordArgument(call.node, 'validation_data');
      // The positional arguments are read out of WASM only for a fit that names validation data.
      if (!validation) continue;
      const [x, y] = positionalArguments(call.node);
      if (!x || !y) continue;
      const parts = validation.type === 'tuple' || validation.type === 'list' ? validation.namedChildren.map((n) => n?.text) : [];
      if (parts.length >= 2 && parts[0] === x.text && parts[1] === y.text) return { node: validation, data: x.text };
    }
  }
  return undefined;
}

/** `trainer.fit(model, train_loader)` with no validation loader or datamodule, in a function that holds nothing out. */
export function lightningFitWithoutValidation(model: PythonModel): CallInfo | undefined {
  // Every name a Lightning fit is resolved through is a piece of the source: without the word in
  // the file, no \`fit\` call's scope needs reading.
  if (!model.source.includes('lightning')) return undefined;
  for (const call of model.calls) {
    if (!isLightningFit(model, call)) continue;
    const args = positionalArguments(call.node);
    if (args.length !== 2 || /\b(val_dataloaders|datamodule)\s*=/.test(call.node.text)) continue;
    // The second argument may be a datamodule, which brings its own validation loader: only a loader says "training data only".
    if (!/loader/i.test(args[1].text)) continue;
    const scope = enclosingFunction(call.node)?.text ?? model.source;
    if (!holdsOut(scope)) return call;
  }
  return undefined;
}

export function isLightningFit(model: PythonModel, call: CallInfo): boolean {
  const callee = call.callee ?? '';
  if (LIGHTNING_FIT.test(callee)) return /lightning/.test(callee);
  const receiver = /^(\w+)\.fit$/.exec(callee)?.[1];
  if (!receiver) return false;
  // A trainer made in the same function (`trainer = L.Trainer(...)`): the nearest binding before the call decides.
  const scope = enclosingFunction(call.node);
  const text = model.source.slice(scope?.startIndex ?? 0, call.node.startIndex);
  const bindings = [...text.matchAll(new RegExp(`\\b${receiver}\\s*=\\s*([\\w.]+)\\(`, 'g'))];
  const factory = bindings.at(-1)?.[1];
  if (!factory) return false;
  const [head, ...rest] = factory.split('.');
  const resolved = [model.imports.get(head) ?? head, ...rest].join('.');
  return /lightning/.test(resolved) && /(^|\.)Trainer$/.test(resolved);
}

/**
 * A PyTorch loop (`loss.backward()`) in a script that keeps no data out anywhere and still
 * reports a score: the score is on the training tensors. Returns where the score is computed.
 */
export function scoredLoopWithoutHeldOut(model: PythonModel): { start: number; end: number } | undefined {
  const backward = model.calls.find((c) => /(^|\.)backward$/.test(c.callee ?? ''));
  if (!backward || holdsOut(model.source)) return undefined;
  const after = model.source.slice(backward.node.endIndex);
  const metric = METRIC.exec(after);
  if (!metric) return undefined;
  const start = backward.node.endIndex + metric.index + (metric[0].length - metric[0].trimStart().length);
  return { start, end: start + metric[0].trim().length };
}

/** Does this text name held-out data (an identifier or a split argument)? `model.eval()` is a mode switch, not data. */
function holdsOut(text: string): boolean {
  if (OTHER_SPLIT.test(text)) return true;
  const code = text.replace(/#[^\n]*/g, '').replace(/\.eval\s*\(\s*\)/g, '');
  for (const word of code.match(/[A-Za-z_]\w*/g) ?? []) if (HELD_OUT_WORD.test(word)) return true;
  return false;
}

/**
 * Whether this file's `TrainingArguments` make a Hugging Face Trainer look at `eval_dataset` while it
 * trains: an evaluation strategy other than "no", `eval_steps`, or `load_best_model_at_end`. Undefined
 * when the file writes no `TrainingArguments` (they come from elsewhere: nothing is known).
 */
export function trainerEvaluatesWhileTraining(model: PythonModel): boolean | undefined {
  const args = model.calls.filter((call) => /(^|\.)\w*TrainingArguments$/.test(call.callee ?? ''));
  if (args.length === 0) return undefined;
  return args.some((call) => {
    const strategy = keywordArgument(call.node, 'eval_strategy') ?? keywordArgument(call.node, 'evaluation_strategy');
    if (strategy && !/^(["'])no\1$|\.NO$/.test(strategy.text)) return true;
    if (keywordArgument(call.node, 'eval_steps')) return true;
    const best = keywordArgument(call.node, 'load_best_model_at_end');
    return best !== undefined && best.text !== 'False';
  });
}

/**
 * A Hugging Face Trainer given an `eval_dataset` that nothing ever looks at: the file's
 * `TrainingArguments` evaluate nothing during training and no `.evaluate()`/`.predict()` follows.
 */
export function idleTrainerEvalSet(model: PythonModel): Node | undefined {
  if (trainerEvaluatesWhileTraining(model) !== false) return undefined;
  if (model.calls.some((call) => /\.(evaluate|predict)$/.test(call.callee ?? '') || /^(evaluate|predict)$/.test(call.callee ?? ''))) return undefined;
  for (const call of model.calls) {
    if (!HF_TRAINER.test(call.callee ?? '') || /TrainingArguments$/.test(call.callee ?? '')) continue;
    const evalSet = keywordArgument(call.node, 'eval_dataset');
    if (evalSet) return evalSet;
  }
  return undefined;
}

/** A loader or data set of the test split, as Lightning is handed one: `test_loader`, `testloader`, `self.test_dataset`, `dm.test_dataloader()`. */
const TEST_SPLIT_LOADER = /^(?:self\.)?test_?(?:loader|dl|dataloader|data_?loader|set|ds|dataset|data)s?$|^\w+\.test_dataloader\(\)$/i;

/**
 * Lightning validating on the test split: a `Trainer.fit(model, train, test_loader)` (or
 * `val_dataloaders=test_loader`), or a data module whose `val_dataloader` serves the test
 * split. Every epoch's validation scores, and any checkpoint or early stopping that follows
 * them, then look at the test set.
 */
export function lightningValidatesOnTest(model: PythonModel): Node[] {
  if (!model.importsModule('lightning') && !model.importsModule('pytorch_lightning')) return [];
  const found: Node[] = [];
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (/(^|\.)fit$/.test(callee) && isLightningFit(model, call)) {
      const validation = keywordArgument(call.node, 'val_dataloaders') ?? positionalArguments(call.node)[2];
      if (validation && TEST_SPLIT_LOADER.test(validation.text)) found.push(validation);
    } else if (/(^|\.)DataLoader$/.test(callee) && enclosingFunction(call.node)?.childForFieldName('name')?.text === 'val_dataloader') {
      const data = positionalArguments(call.node)[0] ?? keywordArgument(call.node, 'dataset');
      if (data && TEST_SPLIT_LOADER.test(data.text)) found.push(data);
    }
  }
  return found;
}

/** Calls that apply or measure a model on data: `predict`, `score`, `evaluate`, a metric function. */
const APPLIED = /(^|\.)(predict\w*|score|evaluate|\w+_score|\w+_error|classification_report|confusion_matrix)$/;

/** A fit on the whole data a split divided, followed by an evaluation on its held-out part. */
export interface FitOnSplitSource {
  readonly fit: Node;
  readonly data: string;
  readonly held: string;
}

/**
 * `X_train, X_test, y_train, y_test = train_test_split(X, y)`, then `model.fit(X, y)` and a
 * prediction or score on `X_test` in the same function: the held-out rows were part of what the
 * model learned. A refit on all the data after the evaluation (for the final model) is fine, as is
 * a source name bound again between the split and the fit.
 */
export function fittedOnSplitSource(model: PythonModel, isFit: (call: CallInfo) => boolean): FitOnSplitSource | undefined {
  for (const split of model.calls) {
    if (!/(^|\.)train_test_split$/.test(split.callee ?? '')) continue;
    const assignment = split.node.parent;
    const left = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === split.node.id ? assignment.childForFieldName('left') : undefined;
    if (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern') continue;
    const names = left.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment').map((n) => (n.type === 'identifier' ? n.text : ''));
    const sources = positionalArguments(split.node).map((a) => (a.type === 'identifier' ? a.text : ''));
    if (sources.length === 0 || sources[0] === '' || names.length !== sources.length * 2 || names.includes('')) continue;
    const held = names.filter((_, i) => i % 2 === 1);
    const scope = split.inFunction?.id;
    const fit = model.calls.find((c) => c.node.startIndex > assignment!.endIndex && c.inFunction?.id === scope && isFit(c) && positionalArguments(c.node)[0]?.text === sources[0]);
    if (!fit) continue;
    const rebound = model.assignments.some(
      (a) => a.startIndex > assignment!.endIndex && a.startIndex < fit.node.startIndex && new RegExp(`(^|[^\\w.])${sources[0]}\\b`).test(a.childForFieldName('left')?.text ?? ''),
    );
    if (rebound) continue;
    const heldRead = new RegExp(`(^|[^\\w.])(${held.join('|')})\\b`);
    const scored = model.calls.find(
      (c) =>
        c.node.startIndex > fit.node.endIndex && c.inFunction?.id === scope && APPLIED.test(c.callee ?? '') && heldRead.test(c.node.childForFieldName('arguments')?.text ?? ''),
    );
    if (scored) return { fit: fit.node, data: sources[0], held: held[0] };
  }
  return undefined;
}
