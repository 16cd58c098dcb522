import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../rule';
import type { EffectFact } from '../project/facts';
import { keywordArgument, positionalArguments, stringValue, type CallInfo, type PythonModel } from './model';

/**
 * A function that writes its data to a fixed file and reads it back: `cv2.imwrite("input.jpg",
 * img)` then `predict("input.jpg")`, `open("class.txt", "w")` then `open("class.txt")`,
 * `blob.download_to_filename("model.pkl")` then `pickle.load(open("model.pkl", "rb"))`. Run once
 * per request or task, two concurrent runs share the file: one overwrites the other's input, or
 * reads a file the other is still writing. A path built from the call (`f"{uuid4()}.jpg"`, a
 * parameter, `tempfile`) is not fixed, and neither is a write that is never read back (a log).
 */

/** Methods that write to the path in their first argument (PIL and werkzeug `save`, OpenCV, pandas, GCS). */
const WRITE_FIRST = /(^|\.)(save|imwrite|savefig|to_csv|to_parquet|to_excel|to_json|to_pickle|download_to_filename)$/;
/** Calls that write to the path in their second argument (`joblib.dump(obj, path)`, `torch.save(obj, path)`, `urlretrieve(url, path)`). */
const WRITE_SECOND = /^(joblib\.dump|torch\.save|urllib\.request\.urlretrieve|wget\.download)$/;
/** Calls that only remove or test the file: they do not read it back. */
const NOT_A_READ = /^(os\.(remove|unlink|path\.exists|path\.isfile)|shutil\.rmtree)$|\.(unlink|exists|is_file)$/;
/** Names and calls a fixed path is built from: constants, `os.path.join`, `Path`, `__file__`. */
const FIXED_PART = /^(os|path|join|abspath|dirname|Path|__file__|resolve|parent)$|^[A-Z][A-Z0-9_]*$/;

/** The scratch file a function writes and reads back, at the write, or undefined. */
export function scratchRoundTrip(model: PythonModel, fn: Node, calls: readonly CallInfo[]): EffectFact | undefined {
  for (let i = 0; i < calls.length; i++) {
    const target = writtenPath(calls[i]);
    const key = target && fixedPath(model, fn, target);
    if (!key) continue;
    for (let j = i + 1; j < calls.length; j++) {
      const later = calls[j];
      if (later.node.startIndex < calls[i].node.endIndex || NOT_A_READ.test(later.callee ?? '') || writtenPath(later)) continue;
      if (positionalArguments(later.node).some((a) => argumentKey(a) === key.text)) return { what: key.shown, range: nodeRange(calls[i].node) };
    }
  }
  return undefined;
}

function writtenPath(call: CallInfo): Node | undefined {
  // `request.files["file"].save(...)` resolves to no dotted name: its written text still ends in the method.
  const callee = call.callee ?? call.node.childForFieldName('function')?.text ?? '';
  // The arguments only for a call that writes: every call of a function is asked, most write nothing.
  if (callee === 'open') {
    const args = positionalArguments(call.node);
    const mode = keywordArgument(call.node, 'mode') ?? args[1];
    const text = mode ? stringValue(mode) : undefined;
    return text !== undefined && /[wax]/.test(text) ? args[0] : undefined;
  }
  if (WRITE_SECOND.test(callee)) return positionalArguments(call.node)[1];
  if (callee.endsWith('.download_file')) return positionalArguments(call.node)[2];
  return WRITE_FIRST.test(callee) && call.node.childForFieldName('function')?.type === 'attribute' ? positionalArguments(call.node)[0] : undefined;
}

/** How an argument is compared: a string by its value, a name or an expression by its text. */
function argumentKey(node: Node): string {
  const value = stringValue(node);
  return value !== undefined ? `"${value}"` : node.text;
}

/**
 * The path argument's key when the path is the same on every call: a literal, a fixed expression
 * (`os.path.join(UPLOAD_DIR, "input.jpg")`), or a name the function or the module binds to one.
 */
function fixedPath(model: PythonModel, fn: Node, arg: Node): { text: string; shown: string } | undefined {
  const value = stringValue(arg);
  if (value !== undefined) return value.length > 0 ? { text: `"${value}"`, shown: value } : undefined;
  if (arg.type === 'identifier') {
    const bound = boundValue(model.source.slice(fn.startIndex, fn.endIndex), arg.text) ?? boundValue(model.source, arg.text, true);
    return bound !== undefined && fixedExpression(bound) ? { text: arg.text, shown: shownPath(bound) } : undefined;
  }
  return arg.type === 'call' && fixedExpression(arg.text) ? { text: arg.text, shown: shownPath(arg.text) } : undefined;
}

/** The right-hand side of the only assignment to `name` (at the module's top level when `topLevel`). */
function boundValue(text: string, name: string, topLevel = false): string | undefined {
  const indent = topLevel ? '' : '[ \\t]+';
  const found = [...text.matchAll(new RegExp(`^${indent}${name}[ \\t]*(?::[^=\\n]*)?=[ \\t]*(.+)$`, 'gm'))];
  return found.length === 1 ? found[0][1].trim() : undefined;
}

/** A literal, or a join of literals and constants: no parameter, f-string field or other call in it. */
function fixedExpression(text: string): boolean {
  if (/^(['"])[^'"{}]+\1$/.test(text)) return true;
  if (!/^(os\.path\.(join|abspath)|Path)\(/.test(text) || /\bf['"]|\{/.test(text)) return false;
  const names = text.replace(/(['"])[^'"]*\1/g, '').match(/[A-Za-z_]\w*/g) ?? [];
  return names.every((name) => FIXED_PART.test(name));
}

function shownPath(text: string): string {
  const literals = text.match(/(['"])([^'"]+)\1/g);
  return literals ? literals[literals.length - 1].slice(1, -1) : text;
}
