import type { Node } from 'web-tree-sitter';
import { keywordArgument, type PythonModel } from './model';

/**
 * Model references that move without a code change, beyond registries and hubs: the newest
 * model file on disk (`max(files, key=os.path.getctime)`, `sorted(glob(...))[-1]`) and provider
 * aliases that follow the vendor's newest release (`claude-3-5-sonnet-latest`, `gpt-4o-latest`).
 */

/** Words that say a file list holds models: without them a newest-file pick is a log or a data file. */
const MODEL_HINT = /model|checkpoint|ckpt|weights|\.(pkl|joblib|pt|pth|h5|keras|onnx|bin|safetensors)\b/i;
/** Where file names come from: a directory listing or a glob. */
const LISTING = /\b(os\.listdir|glob\.glob|glob|iglob|os\.scandir|\.glob|\.rglob|\.iterdir)\s*\(/;
const BY_TIME = /^(os\.path\.)?get[cm]time$|st_[cm]time/;
/** Keywords through which an LLM client or wrapper names its model. */
const MODEL_KEYWORDS = new Set(['model', 'model_name', 'model_id', 'deployment_name', 'engine']);
/** A provider alias that tracks the newest snapshot: `...-latest`. */
const LATEST_ALIAS = /^[\w.:/-]+-latest$/;

export interface MovingReference {
  readonly node: Node;
  readonly kind: 'newest-file' | 'alias';
  readonly ref: string;
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const content = node.namedChildren.filter((c) => c?.type === 'string_content');
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return content.map((c) => c!.text).join('');
}

/** The statement that holds `node`, for the words around a pick (`latest_model = ...`). */
function statementOf(node: Node): Node {
  let current: Node = node;
  while (current.parent && !/statement$|^module$|^block$/.test(current.parent.type)) current = current.parent;
  return current;
}

export function movingModelReferences(model: PythonModel): MovingReference[] {
  const found: MovingReference[] = [];
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    const node = call.node;
    if (callee === 'max' || callee === 'sorted') {
      const args = node.childForFieldName('arguments');
      const key = keywordArgument(node, 'key')?.text ?? '';
      const byTime = BY_TIME.test(key) || /get[cm]time|st_[cm]time/.test(key);
      const fromListing = LISTING.test(args?.text ?? '');
      // `sorted(...)` picks only when indexed: `sorted(glob(...))[-1]`.
      const parent = node.parent;
      const newestIndex = parent?.type === 'subscript' && /^\[\s*-1\s*\]$/.test(parent.text.slice(node.text.length).trim());
      const picks = callee === 'max' ? byTime || fromListing : newestIndex && (byTime || fromListing);
      if (!picks) continue;
      const context = statementOf(node).text;
      if (MODEL_HINT.test(context)) found.push({ node: callee === 'sorted' ? parent! : node, kind: 'newest-file', ref: node.text.slice(0, 80) });
      continue;
    }
    for (const name of MODEL_KEYWORDS) {
      const value = stringValue(keywordArgument(node, name));
      if (value && LATEST_ALIAS.test(value)) found.push({ node: keywordArgument(node, name)!, kind: 'alias', ref: value });
    }
  }
  return found;
}
