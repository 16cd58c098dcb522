import type { Node } from 'web-tree-sitter';
import { subjectArgument, type CallInfo, type PythonModel } from './model';
import { resolveString } from './references';

/** Training data that moves under a script: a query window relative to now, an input file the script rewrites. Shared by unversioned-training-data. */

/** A query bound relative to the moment it runs (`>= NOW() - INTERVAL 30 DAY`): a window that moves, not a snapshot. */
export const RELATIVE_TO_NOW = /\b(current_timestamp|current_date|sysdate|getdate\s*\(|now\s*\(|dateadd\s*\(|date_sub\s*\(|date_add\s*\()/i;
/** Writers of a data frame to a file, by the method's name. */
const FRAME_WRITER = /\.(to_csv|to_parquet|to_json|to_excel|to_feather|to_pickle)$/;
/** A query, written in the call or assigned to the name, that selects rows relative to the moment it runs. */
export function movingWindow(model: PythonModel, arg: Node): boolean {
  let text = arg.text;
  if (arg.type === 'identifier') {
    const assigned = new RegExp(`^[ \\t]*${arg.text}[ \\t]*=[ \\t]*[rbfRBF]{0,2}("""[\\s\\S]*?"""|'''[\\s\\S]*?'''|"[^"\\n]*"|'[^'\\n]*')`, 'm').exec(model.source);
    text = assigned?.[1] ?? '';
  }
  return /\bselect\b[\s\S]*\bfrom\b/i.test(text) && RELATIVE_TO_NOW.test(text);
}

/** A frame written back to the local file it was read from (`read_csv(p)` ... `to_csv(p)`), once per file. */
export function overwrittenInputs(
  model: PythonModel,
  reads: readonly CallInfo[],
  keywordOf: (call: CallInfo) => string | undefined,
  report: (node: Node, ref: string) => void,
): void {
  if (!/\.to_(csv|parquet|json|excel|feather|pickle)\s*\(/.test(model.source)) return;
  const inputs = new Map<string, Node>();
  for (const call of reads) {
    const arg = subjectArgument(call.node, keywordOf(call));
    const ref = arg ? (resolveString(model, arg)?.value.trim() ?? arg.text) : undefined;
    if (ref && !/^https?:|\bselect\b/i.test(ref)) inputs.set(arg!.type === 'string' ? ref : arg!.text, call.node);
  }
  if (inputs.size === 0) return;
  for (const call of model.calls) {
    if (!FRAME_WRITER.test(call.node.childForFieldName('function')?.text ?? '')) continue;
    const arg = subjectArgument(call.node, 'path_or_buf') ?? subjectArgument(call.node, 'path');
    if (!arg) continue;
    const key = arg.type === 'string' ? (resolveString(model, arg)?.value.trim() ?? arg.text) : arg.text;
    const read = inputs.get(key) ?? inputs.get(resolveString(model, arg)?.value.trim() ?? '\0');
    // `if path.exists(): df = read_csv(path) else: df = build(); df.to_csv(path)` caches a file it
    // did not find: the write never follows the read in one run.
    if (read !== undefined && read.startIndex < call.node.startIndex && !exclusiveBranches(read, call.node)) return report(arg, key);
  }
}

/** The branch of an `if` statement a node sits in: its body, an `elif` or the `else`. */
const BRANCH = new Set(['block', 'elif_clause', 'else_clause']);

/** True when `a` and `b` lie in different branches of one `if` statement, so only one of them runs. */
function exclusiveBranches(a: Node, b: Node): boolean {
  for (let node: Node | null = a; node?.parent; node = node.parent) {
    const parent: Node = node.parent;
    if (parent.type !== 'if_statement' || !BRANCH.has(node.type)) continue;
    if (b.startIndex < parent.startIndex || b.endIndex > parent.endIndex) continue;
    const other = parent.namedChildren.find((child) => child !== null && BRANCH.has(child.type) && child.startIndex <= b.startIndex && b.endIndex <= child.endIndex);
    if (other && other.id !== node.id) return true;
  }
  return false;
}
