import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';
import { keywordArgument, positionalArguments, subjectArgument } from './nodes';

/**
 * Missing values filled with statistics of the whole frame (`df.fillna(df.median())`,
 * `df["age"].fillna(df["age"].mean())`) before the same scope splits off its test set: the test
 * rows' values shaped the training features. Shared by preprocessing-fit-before-split.
 */
export function imputedBeforeSplit(model: PythonModel): { call: CallInfo; data: string }[] {
  if (!/\.fillna\s*\(/.test(model.source) || !/train_test_split/.test(model.source)) return [];
  const splits = model.calls.filter((c) => /(^|\.)train_test_split$/.test(c.callee ?? ''));
  const found: { call: CallInfo; data: string }[] = [];
  for (const call of model.calls) {
    // By the text: a subscript receiver (`df["age"].fillna`) has no resolved callee.
    if (!/\.fillna$/.test(call.node.childForFieldName('function')?.text ?? '')) continue;
    const args = call.node.childForFieldName('arguments')?.text ?? '';
    if (!/\.(mean|median|mode)\s*\(/.test(args)) continue;
    const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
    // The frame's own name (`df` of `df["age"].fillna(...)`), which the statistic must also read.
    const data = /^[A-Za-z_]\w*/.exec(receiver?.text ?? '')?.[0];
    if (!data || !new RegExp(`\\b${data}\\b`).test(args)) continue;
    const scope = call.inFunction?.id;
    if (splits.some((s) => s.node.startIndex > call.node.startIndex && s.inFunction?.id === scope)) found.push({ call, data });
  }
  return found;
}

/**
 * Names that say "held out of training": `X_test`, `test_df`, `x_val`, `X_valid2`, `holdout`,
 * `Xtest`. A fallback: the evaluation split is first recognised by what the code does.
 */
const HELD_OUT_NAME = /(^|_)(test|tests|testing|val|valid|validation|holdout|hold_out)(_|$|\d)|^[xX]_?(test|val|valid)$|^(test|val|valid)[A-Z]/i;
/** Labels: encoding or scaling the target learns nothing about the features. */
const LABEL_NAME = /^[yY](_|$)|^[yY](test|val|valid)$|label|target/i;
/** Transformers that learn nothing, so fitting them again changes nothing. */
const STATELESS = /\b(FunctionTransformer|Binarizer|Normalizer|HashingVectorizer)\(/;
const REFIT = /\.(fit|fit_transform|fit_resample)$/;
const SPLIT = /(^|\.)train_test_split$/;
/** Box-Cox and Yeo-Johnson estimate their own lambda unless they are given one. */
const POWER = /(^|\.)(boxcox|yeojohnson)$/;

/** The name a data argument is read from: `test_df` of `test_df["text"]`, `X_test.values`, `X_test.to_numpy()`. */
export function dataRoot(node: Node | undefined): string | undefined {
  for (let n = node, depth = 0; n && depth < 6; depth++) {
    if (n.type === 'identifier') return n.text;
    if (n.type === 'subscript') n = n.childForFieldName('value') ?? undefined;
    else if (n.type === 'attribute') n = n.childForFieldName('object') ?? undefined;
    else if (n.type === 'call') {
      // A method of the data (`X_test.to_numpy()`), not a function of it (`pd.concat([...])`).
      const fn = n.childForFieldName('function');
      n = fn?.type === 'attribute' ? (fn.childForFieldName('object') ?? undefined) : undefined;
    } else return undefined;
  }
  return undefined;
}

/**
 * Is `name`, as read at `at` inside `scope`, evaluation data? The second (fourth, ...) value a
 * `train_test_split` in the same scope binds it to says so, and so does a name taken from such
 * a value (`X_te = test.drop(columns=...)`); a name that says so (`X_test`, `x_val`) is the fallback.
 */
function isHeldOut(model: PythonModel, name: string, scope: Node | undefined, at: number, depth = 0): boolean {
  if (LABEL_NAME.test(name)) return false;
  if (HELD_OUT_NAME.test(name)) return true;
  if (depth > 3) return false;
  const start = scope?.startIndex ?? 0;
  // Up to the start of the line read at: `X_te = custom.fit_transform(X_te)` reads the earlier binding.
  const text = model.source.slice(start, Math.max(start, model.source.lastIndexOf('\n', at - 1) + 1));
  const binding = new RegExp(`^[ \\t]*(?:[\\w, \\t]*,[ \\t]*)?${name}\\b[\\w, \\t]*=(?!=)[ \\t]*(.*)$`, 'gm');
  let last: RegExpExecArray | undefined;
  for (let m = binding.exec(text); m; m = binding.exec(text)) last = m;
  if (!last) return false;
  const lineStart = start + last.index;
  const split = model.calls.find((c) => SPLIT.test(c.callee ?? '') && c.node.startIndex >= lineStart && c.node.startIndex <= lineStart + last[0].length);
  if (split) {
    const assignment = split.node.parent?.type === 'assignment' ? split.node.parent : undefined;
    const left = assignment?.childForFieldName('left');
    const names = left && /^(pattern_list|tuple_pattern)$/.test(left.type) ? left.namedChildren.map((n) => n?.text) : [];
    const position = names.indexOf(name);
    return position > 0 && position % 2 === 1;
  }
  // `X_te = test.drop(...)`, `X_val = valid[features]`: read from held-out data.
  const root = /^([A-Za-z_]\w*)\s*[[.]/.exec(last[1])?.[1];
  return root !== undefined && root !== name && isHeldOut(model, root, scope, lineStart, depth + 1);
}

export interface HeldOutFit {
  readonly call: CallInfo;
  readonly data: string;
  /** The transformer fitted again (its text), when it was first fitted on training data. */
  readonly refitted?: string;
  /** The function that estimates its statistics again (`stats.boxcox`), for a power transform. */
  readonly helper?: string;
}

/**
 * Preprocessing fitted on the evaluation data: a known scaler/encoder fitted on held-out data
 * (`StandardScaler().fit_transform(X_val)`), a transformer or pipeline of any kind fitted again
 * on held-out data after it was fitted on the training data (`pipeline.fit_transform(X_valid)`,
 * `vectorizer.fit_transform(test_df["text"])`), and a second Box-Cox that estimates its own lambda
 * on the test data. `isPreprocessor` says whether a fit's receiver is a known transformer.
 * Transforming the test data, refitting on train+test concatenated, per-fold fits and models
 * fitted on the training data are not reported.
 */
export function fittedOnHeldOut(model: PythonModel, isPreprocessor: (call: CallInfo) => boolean): HeldOutFit[] {
  if (!/\.fit|boxcox|yeojohnson/.test(model.source)) return [];
  const found: HeldOutFit[] = [];
  const fits = model.calls.filter((c) => REFIT.test(c.callee ?? '') || REFIT.test(c.node.childForFieldName('function')?.text ?? ''));
  for (const call of fits) {
    const data = dataRoot(subjectArgument(call.node, 'X'));
    if (!data || !isHeldOut(model, data, call.inFunction, call.node.startIndex)) continue;
    const known = isPreprocessor(call);
    const refitted = refittedReceiver(model, call, fits, known);
    if (refitted) found.push({ call, data, refitted });
    // A known transformer fitted on evaluation data it is handed as a plain name.
    else if (known && subjectArgument(call.node, 'X')?.type === 'identifier') found.push({ call, data });
  }
  // `stats.boxcox(test)` after `stats.boxcox(train)`: each estimates its own lambda.
  const powers = model.calls.filter((c) => POWER.test(c.callee ?? '') && !/^(?!scipy)\w+\./.test(c.callee ?? ''));
  for (const call of powers) {
    if (positionalArguments(call.node).length > 1 || keywordArgument(call.node, 'lmbda')) continue;
    const data = dataRoot(positionalArguments(call.node)[0]);
    if (!data || !isHeldOut(model, data, call.inFunction, call.node.startIndex)) continue;
    const earlier = powers.some((c) => {
      const trained = dataRoot(positionalArguments(c.node)[0]);
      return c.node.startIndex < call.node.startIndex && trained !== undefined && !isHeldOut(model, trained, c.inFunction, c.node.startIndex);
    });
    if (earlier) found.push({ call, data, helper: call.node.childForFieldName('function')?.text ?? 'boxcox' });
  }
  return found;
}

/**
 * The transformer (its text) this held-out fit fits again: the same receiver was fitted earlier
 * in the same scope on training data. A model (`.fit` on a receiver that never `.transform`s)
 * and a stateless transformer are not.
 */
function refittedReceiver(model: PythonModel, call: CallInfo, fits: readonly CallInfo[], known: boolean): string | undefined {
  const fn = call.node.childForFieldName('function');
  const receiver = fn?.childForFieldName('object');
  // A name or attribute, or one element of a dict or list of them (`encoders[col]`, one encoder per column).
  if (!receiver || !/^[\w.]+(\[[\w.'"]+\])?$/.test(receiver.text)) return undefined;
  const name = receiver.text;
  const escaped = name.replace(/[.[\]]/g, '\\$&');
  if (!known && fn?.childForFieldName('attribute')?.text === 'fit' && !new RegExp(`\\b${escaped}\\.transform\\(`).test(model.source)) return undefined;
  if (STATELESS.test(new RegExp(`\\b${escaped}\\s*=\\s*([^\\n]*)`).exec(model.source)?.[1] ?? '')) return undefined;
  const earlier = fits.some((c) => {
    if (c.node.startIndex >= call.node.startIndex || c.inFunction?.id !== call.inFunction?.id) return false;
    if (c.node.childForFieldName('function')?.childForFieldName('object')?.text !== name) return false;
    const trained = dataRoot(subjectArgument(c.node, 'X'));
    return trained !== undefined && !LABEL_NAME.test(trained) && !isHeldOut(model, trained, c.inFunction, c.node.startIndex);
  });
  return earlier ? name : undefined;
}
