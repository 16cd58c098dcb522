import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';
import { shortCallee as short } from './effects';
import { cachedByDecorator, createdOnce, decoratorText, EMBEDDING_CLASSES, MODEL_LOADER } from './serving';

/**
 * Streamlit runs the whole script again on every widget change: a model or vector index loaded
 * at the script's top level, or in a function the top level calls, is read again on every
 * interaction unless `@st.cache_resource` (or `@st.cache_data`, the older `@st.cache`) keeps it,
 * or the script keeps it in `st.session_state` behind an `if ... not in st.session_state:`.
 * A module the script imports runs once per process (Python caches imports), so only a file
 * that draws the page itself counts as the script.
 */

const STREAMLIT_CACHE = /@[ \t]*(?:st|streamlit)\.(?:cache_resource|cache_data|cache|experimental_singleton|experimental_memo)\b/;
/**
 * Loads by a library. `from model_loader import load_model` names a project function the
 * per-file pass cannot see into, often behind `@st.cache_resource` in its own file: not judged.
 */
const LIBRARY =
  /^(pickle|dill|cloudpickle|joblib|torch|safetensors|skops|onnx|onnxruntime|transformers|mlflow|bentoml|tensorflow|keras|tf_keras|xgboost|lightgbm|catboost|ultralytics|sentence_transformers|spacy|whisper|faster_whisper|langchain\w*|llama_index|fastai|tensorflow_hub|gensim|lightning|pytorch_lightning|diffusers|peft|timm|open_clip|faiss|chromadb)\./;
/**
 * Work as heavy as a model load that a rerun repeats: building a vector index embeds every
 * document again (`FAISS.from_texts`, `Chroma.from_documents`, llama_index's
 * `VectorStoreIndex.from_documents`), and a local embedding model is a model
 * (`HuggingFaceEmbeddings(...)` downloads and loads sentence-transformers weights).
 */
const HEAVY = new RegExp(`(^|\\.)(from_texts|from_documents|from_embeddings|from_loaders)$|(^|\\.)(${EMBEDDING_CLASSES}|FastEmbedEmbeddings)$`);
const GUARD = /session_state|\bis\s+None\b|\bnot\s+in\b|^\s*not\s+\w/;
const MAX_DEPTH = 3;

export interface RerunLoad {
  /** The top-level call that runs on every rerun: the load itself, or the call into the function that loads. */
  readonly node: Node;
  readonly callee: string;
  /** The function of this file the top-level call enters, when the load is inside it. */
  readonly helper?: string;
  /** An index build (`FAISS.from_texts`) rather than a model load. */
  readonly index: boolean;
  /** The load itself, inside the helper, when the top-level call only reaches it. */
  readonly load?: Node;
  /** The load sits in the page function (`main()`) itself: it is the reported node, and `helper` names that function. */
  readonly inPage?: boolean;
}

export function rerunLoads(model: PythonModel): RerunLoad[] {
  if (!model.importsModule('streamlit')) return [];
  const top: CallInfo[] = [];
  const byFunction = new Map<string, CallInfo[]>();
  const functions = new Map<string, Node>();
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn.childForFieldName('name')?.text;
    if (name && definition.parent?.type === 'module') functions.set(name, fn);
  }
  for (const call of model.calls) {
    const fn = call.inFunction;
    if (!fn) {
      if (!inClass(call.node)) top.push(call);
      continue;
    }
    const name = fn.childForFieldName('name')?.text;
    if (name === undefined || functions.get(name)?.id !== fn.id) continue;
    const list = byFunction.get(name);
    if (list) list.push(call);
    else byFunction.set(name, [call]);
  }
  // The script draws the page: a Streamlit call at its top level or in a function the top level runs.
  const draws = (calls: readonly CallInfo[] | undefined) => calls?.some((c) => c.callee?.startsWith('streamlit.')) ?? false;
  let script = draws(top);
  const loads: RerunLoad[] = [];
  const reported = new Set<number>();
  for (const call of top) {
    const callee = call.callee ?? '';
    // A function of this file is followed (`load_model()` may be cached), whatever its name says.
    const name = ownFunction(call, functions);
    if (name === undefined) {
      if (libraryLoad(callee) && !guardedAtTop(call.node)) loads.push({ node: call.node, callee: short(callee), index: indexBuild(callee) });
      continue;
    }
    if (guardedAtTop(call.node)) continue;
    const found = loadIn(model, name, functions, byFunction, new Set(), 0);
    if (found.draws) script = true;
    if (found.load && !reported.has(found.load.node.id)) {
      reported.add(found.load.node.id);
      const callee = short(found.load.callee ?? '');
      const index = indexBuild(found.load.callee ?? '');
      // An entry point (`main()`, or a call under `if __name__ == "__main__":`) that draws the page is the
      // script's body: the call a reader points at is the one in the deepest function on the way that
      // draws the page too, not the `main()` at the bottom of the file.
      const site = name === 'main' || underMainGuard(call.node) ? found.site : undefined;
      if (site === found.load) loads.push({ node: found.load.node, callee, helper: found.fn, index, inPage: true });
      else loads.push({ node: (site ?? call).node, callee, helper: found.fn, index, load: found.load.node });
    }
  }
  return script ? loads : [];
}

/** What a function of this file does when the top level calls it: whether it draws, and its first load on every call. */
function loadIn(
  model: PythonModel,
  name: string,
  functions: ReadonlyMap<string, Node>,
  byFunction: ReadonlyMap<string, CallInfo[]>,
  seen: Set<string>,
  depth: number,
): { draws: boolean; load?: CallInfo; fn?: string; site?: CallInfo } {
  const fn = functions.get(name);
  if (!fn || seen.has(name) || depth > MAX_DEPTH) return { draws: false };
  seen.add(name);
  if (cachedByDecorator(model, fn) || STREAMLIT_CACHE.test(decoratorText(model, fn))) return { draws: false };
  const calls = byFunction.get(name) ?? [];
  // `site`: the call on the way to the load in the deepest function that draws the page itself.
  const page = calls.some((c) => c.callee?.startsWith('streamlit.'));
  let draws = page;
  let fnText: string | undefined;
  for (const call of calls) {
    const callee = call.callee ?? '';
    const inner = ownFunction(call, functions);
    if (inner === undefined && !libraryLoad(callee)) continue;
    fnText ??= model.source.slice(fn.startIndex, fn.endIndex);
    if (createdOnce(call.node, fn, fnText, model)) continue;
    if (inner === undefined) return { draws, load: call, fn: name, site: page ? call : undefined };
    const found = loadIn(model, inner, functions, byFunction, seen, depth + 1);
    draws ||= found.draws;
    if (found.load) return { draws, load: found.load, fn: found.fn, site: found.site ?? (page ? call : undefined) };
  }
  return { draws };
}

/** `FAISS.from_texts` and its kin: every document embedded again. */
function indexBuild(callee: string): boolean {
  return /(^|\.)(from_texts|from_documents|from_embeddings|from_loaders)$/.test(callee);
}

function libraryLoad(callee: string): boolean {
  return (MODEL_LOADER.test(callee) || HEAVY.test(callee)) && LIBRARY.test(callee);
}

/** `helper(...)` where `helper` is a module-level function of this file. */
function ownFunction(call: CallInfo, functions: ReadonlyMap<string, Node>): string | undefined {
  const fn = call.node.childForFieldName('function');
  return fn?.type === 'identifier' && functions.has(fn.text) ? fn.text : undefined;
}

/** Under `if "model" not in st.session_state:` or `if MODEL is None:` at the top level: once per session or process. */
function guardedAtTop(call: Node): boolean {
  for (let n = call.parent; n; n = n.parent) {
    if (n.type === 'if_statement' && GUARD.test(n.childForFieldName('condition')?.text ?? '')) return true;
    if (n.type === 'module') break;
  }
  return false;
}

/** Under `if __name__ == "__main__":` at the top level. */
function underMainGuard(call: Node): boolean {
  for (let n = call.parent; n; n = n.parent) {
    if (n.type === 'if_statement' && /__name__\s*==\s*["']__main__["']/.test(n.childForFieldName('condition')?.text ?? '')) return true;
    if (n.type === 'module') break;
  }
  return false;
}

function inClass(call: Node): boolean {
  for (let n = call.parent; n; n = n.parent) if (n.type === 'class_definition') return true;
  return false;
}
