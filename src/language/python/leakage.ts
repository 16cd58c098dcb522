import type { CallInfo, PythonModel } from './model';

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
