import type { Node } from 'web-tree-sitter';
import { stringValue, type CallInfo, type HandlerInfo, type PythonModel } from './model';
import { exceptClauses } from './errors';
import type { PythonFacts } from '../project/facts';
import type { ProjectView } from '../project/index';
import type { Range } from '../types';
import { RememberingRegExp } from '../regexp';

/**
 * App-level facts for the "once per serving app" rules (health, metrics). Aggregation across
 * files is out of scope, so these rules only speak when one file clearly holds the whole app.
 */

export interface ServingApp {
  /** Where to report: the app creation (`app = Flask(__name__)`), else the first handler. */
  readonly node: Node;
  readonly framework: 'flask' | 'fastapi' | 'grpc' | MicroFramework;
  /** Routers or blueprints from other files are mounted, so routes may live elsewhere. */
  readonly mountsOtherRoutes: boolean;
  readonly routes: readonly string[];
}

/** The other web frameworks a learner serves a model with; their apps are found by the same rules. */
export type MicroFramework = 'aiohttp' | 'sanic' | 'falcon' | 'tornado';

const APP_CREATORS: Readonly<Record<string, 'flask' | 'fastapi' | MicroFramework>> = {
  'flask.Flask': 'flask',
  'fastapi.FastAPI': 'fastapi',
  'aiohttp.web.Application': 'aiohttp',
  'sanic.Sanic': 'sanic',
  'falcon.API': 'falcon',
  'falcon.App': 'falcon',
  'falcon.asgi.App': 'falcon',
  'tornado.web.Application': 'tornado',
};

/** The display name of each app framework, for messages. */
export const APP_FRAMEWORK_NAMES: Readonly<Record<ServingApp['framework'], string>> = {
  flask: 'Flask',
  fastapi: 'FastAPI',
  grpc: 'gRPC',
  aiohttp: 'aiohttp',
  sanic: 'Sanic',
  falcon: 'Falcon',
  tornado: 'Tornado',
};

/** A path literal (`'/health'`, `r"/api/v0/predict"`): Tornado's route table, Falcon's and aiohttp's registrations. */
const PATH_LITERAL = /[rRuU]?(['"])(\/[\w\-./{}<>:]*)\1/g;
/** An aiohttp/Sanic app given routes defined elsewhere: a sub-application, a route table or blueprint from another module. */
const MICRO_MOUNTS = /\.(add_subapp|add_routes|blueprint|mount)\s*\(|\bsetup_routes\s*\(/;
const MOUNTS = /\.(include_router|register_blueprint|mount|add_namespace)$/;
const RAY_INGRESS = /@[ \t]*(ray\.)?serve\.ingress[ \t]*\(/;

/** The single app this file creates, or undefined (routers-only modules, BentoML, Ray Serve, Django). */
export function servingApp(model: PythonModel): ServingApp | undefined {
  if (model.role !== 'serving') return undefined;
  if (model.framework === 'grpc') {
    const servicer = model.classes.find((c) => /Servicer\b/.test(c.childForFieldName('superclasses')?.text ?? ''));
    return servicer ? { node: servicer.childForFieldName('name') ?? servicer, framework: 'grpc', mountsOtherRoutes: false, routes: [] } : undefined;
  }
  let creation: Node | undefined;
  let framework: 'flask' | 'fastapi' | MicroFramework | undefined;
  const routes: string[] = [];
  let mountsOtherRoutes = false;
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (!creation && APP_CREATORS[callee]) {
      creation = call.node.parent?.type === 'assignment' ? call.node.parent : call.node;
      framework = APP_CREATORS[callee];
    }
    if (MOUNTS.test(callee)) mountsOtherRoutes = true;
    if (/\.add_url_rule$|\.add_api_route$|\.add_route$/.test(callee)) {
      const first = call.node.childForFieldName('arguments')?.namedChildren[0];
      const route = first ? stringValue(first) : undefined;
      if (route) routes.push(route);
    }
  }
  if (!creation || !framework) return undefined;
  // A FastAPI app handed to Ray Serve (`@serve.ingress(app)`): Ray's proxy answers /-/healthz, its
  // controller health-checks each replica, and it logs and counts every request (ray_serve_*).
  if (RAY_INGRESS.test(model.source) && model.importsModule('ray')) return undefined;
  for (const handler of model.handlers) if (handler.route) routes.push(handler.route);
  if (framework !== 'flask' && framework !== 'fastapi') {
    // Routes are registered by path literals (a route table, `add_route('/x', ...)`, decorators): any path
    // the file names may be a route. An app with no handler of its own gets them from another module.
    for (const m of model.source.matchAll(PATH_LITERAL)) routes.push(m[2]);
    if (model.handlers.length === 0 && (framework === 'aiohttp' || framework === 'sanic' || MICRO_MOUNTS.test(model.source))) mountsOtherRoutes = true;
  }
  return { node: creation, framework, mountsOtherRoutes, routes };
}

/**
 * A health route: any segment of the path names a probe (`/health`, `/api/v1/healthz`,
 * `/live_check`, `/ready-check`, `/heartbeat`, `/ping`).
 */
/**
 * Calls that read a whole model (or a fitted preprocessor) from disk, bytes or the network. Only
 * loads of a model: gensim's are its `models` (not `corpora`, which is data), Surprise's `dump.load`
 * (not `Dataset.load_from_file`), TorchScript, Prophet's JSON, OpenCV DNN nets, Stable-Baselines3 and
 * AutoGluon predictors, TFLite interpreters and llama.cpp models.
 */
export const MODEL_LOADER: RegExp = new RememberingRegExp(
  /^(pickle|dill|cloudpickle|joblib|torch|torch\.hub|tensorflow_hub)\.load$|^(pickle|dill|cloudpickle)\.loads$|^safetensors(\.\w+)*\.load(_file)?$|^(skops\.io|onnx)\.load$|(^|\.)(from_pretrained|load_model|InferenceSession|load_learner|load_from_checkpoint|load_weights|load_local)$|^(mlflow(\.\w+)*|bentoml(\.\w+)*)\.load_model$|^(tensorflow|keras)(\.\w+)*\.load_model$|^tensorflow(\.\w+)*\.saved_model\.load$|^xgboost\.Booster$|^lightgbm\.Booster$|^ultralytics\.(YOLO|RTDETR|SAM)$|^transformers\.pipeline$|^sentence_transformers\.(SentenceTransformer|CrossEncoder)$|^spacy\.load$|^(whisper|faster_whisper)\.(load_model|WhisperModel)$|^torch\.jit\.load$|^surprise\.dump\.load$|^gensim\.models(\.\w+)*\.(load|load_word2vec_format|load_facebook_model|load_facebook_vectors)$|^gensim\.downloader\.load$|^prophet\.serialize\.model_from_json$|^cv2\.dnn\.readNet(From\w+)?$|^stable_baselines3(\.\w+)*\.(PPO|A2C|DQN|SAC|TD3|DDPG)\.load$|^autogluon(\.\w+)*\.(TabularPredictor|TimeSeriesPredictor|MultiModalPredictor)\.load$|^(tflite_runtime\.interpreter|tensorflow\.lite)\.Interpreter$|^llama_cpp\.Llama$/,
);

/**
 * An unpickled credential, not a model: `creds = pickle.load(token)` (the Google OAuth quick-start's
 * token.pickle), `cookies = pickle.load(f)`. Told by the name the value is kept under, or by the
 * file it is read from; `tokenizer = pickle.load(f)` is a preprocessor and stays a load.
 */
const CREDENTIAL_NAME = /^(?:\w+_)?(?:creds?|credentials?|tokens?|cookies?)$/i;
const CREDENTIAL_SOURCE = /\b(?:\w+_)?(?:creds?|credentials?|tokens?|cookies?)(?:_(?:path|file))?\b|(?:token|credential|cookie)s?\.(?:pickle|pkl)\b/i;
export function loadsCredentials(call: Node): boolean {
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id) {
    const left = parent.childForFieldName('left');
    const name = left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : left?.text;
    if (name !== undefined && CREDENTIAL_NAME.test(name)) return true;
  }
  return CREDENTIAL_SOURCE.test(call.childForFieldName('arguments')?.text ?? '');
}

/**
 * Embedding models that load their weights when built: LangChain's `HuggingFaceEmbeddings` and kin,
 * Chroma's `SentenceTransformerEmbeddingFunction`. Built per request, they read a sentence-transformer
 * from disk (or the Hub) every time. Apart from `MODEL_LOADER`, whose other readers ask whether a
 * service has a model to report on (an embedding model is not the one its health route speaks for).
 */
export const EMBEDDING_CLASSES =
  'HuggingFaceEmbeddings|HuggingFaceBgeEmbeddings|HuggingFaceInstructEmbeddings|SentenceTransformerEmbeddings|SentenceTransformerEmbeddingFunction|InstructorEmbeddingFunction';
/** An embedding model built by its LangChain or Chroma class, by resolved callee. */
export const EMBEDDING_MODEL = new RegExp(`^(langchain\\w*|chromadb)(\\.\\w+)*\\.(${EMBEDDING_CLASSES})$`);

/**
 * Can the service run without its model? A load inside a `try` that carries on, or after an
 * early `return` of its function (`if not path.exists(): return`), leaves the model unset
 * while the app keeps serving. A load that simply raises stops the start-up instead.
 */
export function modelMayBeMissing(model: PythonModel): boolean {
  let result = softLoads.get(model);
  if (result === undefined) softLoads.set(model, (result = computeSoftLoad(model)));
  return result;
}

const softLoads = new WeakMap<PythonModel, boolean>();

function computeSoftLoad(model: PythonModel): boolean {
  for (const call of model.calls) {
    if (!call.callee || !MODEL_LOADER.test(call.callee)) continue;
    const fn = call.inFunction;
    // A `try` holding the call starts inside its innermost function (or the module) before it; without
    // the word there, the walk up out of WASM is spared.
    if (/\btry\b/.test(model.source.slice(fn?.startIndex ?? 0, call.node.startIndex)))
      for (let n = call.node.parent, child = call.node; n; child = n, n = n.parent) {
        if (n.type === 'try_statement' && n.childForFieldName('body')?.id === child.id && (handlerRecovers(n) || inHandler(model, call.node))) return true;
        if (n.type === 'function_definition') break;
      }
    // An earlier `return` in the load's function, not the `return joblib.load(...)` that holds it.
    const before = fn ? model.source.slice(fn.startIndex, model.source.lastIndexOf('\n', call.node.startIndex) + 1) : '';
    if (/^[ \t]+return\b/m.test(before)) return true;
  }
  return false;
}

/**
 * A `try` whose handlers let the process go on: at least one `except` that does not end in a
 * `raise` or an exit. `except Exception as e: log(e); raise RuntimeError(...)` fails fast, and so
 * does a `try`/`finally` with no handler: the model is never missing while the service runs.
 */
export function handlerRecovers(tryStatement: Node): boolean {
  return exceptClauses(tryStatement).some((clause) => {
    const blocks = clause.namedChildren.filter((c) => c?.type === 'block');
    const last = blocks[blocks.length - 1]?.lastNamedChild;
    return !(last?.type === 'raise_statement' || (last?.type === 'expression_statement' && EXIT_CALL.test(last.text)));
  });
}

/** A load inside a route handler: whatever its `except` raises becomes an error answer, and the service runs on. */
function inHandler(model: PythonModel, node: Node): boolean {
  return model.handlers.some((h) => h.node.startIndex <= node.startIndex && node.endIndex <= h.node.endIndex);
}

const EXIT_CALL = /^(?:sys\.exit|exit|quit|os\._exit)\s*\(/;

/**
 * `if MODEL is None: MODEL = load(...)`, `global MODEL` or caching on `app.state`: an object
 * built inside a function but kept for the process, not rebuilt per call. `fnText` is the
 * function's source, which rules most functions out before any statement is marshalled.
 */
export function createdOnce(call: Node, fn: Node, fnText: string, model?: PythonModel): boolean {
  if (!model || mayKeep(model, call, fn, fnText)) {
    for (let n = call.parent; n && n.id !== fn.id; n = n.parent) {
      if (n.type === 'if_statement' && onceCondition(n.childForFieldName('condition')?.text ?? '', fnText)) return true;
      if (n.type === 'assignment' && KEEPING_TARGET.test(n.childForFieldName('left')?.text ?? '')) return true;
    }
  }
  if (memoised(call, fn, fnText)) return true;
  if (!/\bglobal\b/.test(fnText)) return false;
  // `global MODEL` then `MODEL = load(...)`: kept for the process. A `global history` in the same
  // function says nothing about the client it builds into a local (`llm = Client()`).
  const kept = new Set<string>();
  for (const s of fn.childForFieldName('body')?.namedChildren ?? []) if (s?.type === 'global_statement') for (const name of s.namedChildren) if (name) kept.add(name.text);
  if (kept.size === 0) return false;
  for (let n = call.parent; n && n.id !== fn.id; n = n.parent) {
    if (n.type !== 'assignment') continue;
    const left = n.childForFieldName('left');
    const targets = left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : [left];
    return targets.some((t) => t !== null && t !== undefined && kept.has(t.text));
  }
  return false;
}

/** `x[key] = ` (not `==`): what the store of `memoised` starts with, after the subscript. */
const SUBSCRIPT_STORE = /\][ \t]*=(?!=)/g;

/**
 * A cache looked up first and filled after the load: `if key in _models: return _models[key]`,
 * then `m = load(...)` and `_models[key] = m`. The load runs once per key, not once per call.
 */
function memoised(call: Node, fn: Node, fnText: string): boolean {
  let holder = call.parent;
  if (holder?.type === 'await') holder = holder.parent;
  const left = holder?.type === 'assignment' ? holder.childForFieldName('left') : undefined;
  if (left?.type !== 'identifier') return false;
  const offset = call.startIndex - fn.startIndex;
  if (offset <= 0 || offset >= fnText.length) return false;
  // Most calls have no store into a subscript after them, nor their name: no expression to build.
  SUBSCRIPT_STORE.lastIndex = offset;
  if (!SUBSCRIPT_STORE.test(fnText) || !fnText.includes(left.text, offset)) return false;
  const stored = new RegExp(`^[ \\t]*([A-Za-z_][\\w.]*)\\[[^\\]\\n]+\\][ \\t]*=[ \\t]*${left.text}[ \\t]*(?:#.*)?$`, 'm').exec(fnText.slice(offset));
  if (!stored) return false;
  const cache = stored[1].replace(/\./g, '\\.');
  // The lookup before the load: a membership test (not `not in`, which guards the fill itself) that returns the cached entry.
  return new RegExp(`\\bif\\s+[^\\n:]*(?<!\\bnot)\\s+in\\s+${cache}\\s*:\\s*(?:#[^\\n]*)?\\s*return\\s+${cache}\\[`).test(fnText.slice(0, offset));
}

/** An `if` condition that builds an object only the first time (`if MODEL is None:`, `if not client:`). */
const ONCE_CONDITION = /\bis\s+None\b|^\s*not\s+\w|\bnot\s+in\b/;

/**
 * Can this `if` make a load run once per process (`if model is None:`, `if not loaded:`)? Not when
 * it tests a property of a local computed on every call (`runs = search_runs(...)` then
 * `if not runs.empty:`): that is a condition of this call's data, and the load under it runs each time.
 */
function onceCondition(condition: string, fnText: string): boolean {
  if (!ONCE_CONDITION.test(condition)) return false;
  const local = /^\s*not\s+([A-Za-z_]\w*)\s*\.\s*\w+\s*$/.exec(condition)?.[1];
  if (local === undefined || local === 'self' || new RegExp(`\\bglobal\\b[^\\n]*\\b${local}\\b`).test(fnText)) return true;
  return !new RegExp(`^[ \\t]+${local}[ \\t]*=(?!=)`, 'm').test(fnText);
}

/** An assignment target that keeps the object for later calls (`app.state.model = ...`, `_cache[key] = ...`). */
const KEEPING_TARGET = /^(\w+\.)*(state|cache|_cache)\b|\[/;
/** The keeping assignments of each file (see `mayKeep`), as `[start, end)` spans. */
const keepingSpans = new WeakMap<PythonModel, (readonly [number, number])[]>();

/**
 * Can a statement between `fn` and the call keep the call's result? Only an `if` written before
 * the call in a function that says `None` or `not`, or one of the file's keeping assignments
 * around the call; the walk up the tree (a WASM call and a node object per step) is left for
 * those. Without the answer from the text (a call outside `fnText`), it says yes.
 */
function mayKeep(model: PythonModel, call: Node, fn: Node, fnText: string): boolean {
  const at = call.startIndex;
  const offset = at - fn.startIndex;
  if (offset <= 0 || offset >= fnText.length) return true;
  if ((fnText.includes('None') || fnText.includes('not')) && fnText.lastIndexOf('if', offset - 1) >= 0) return true;
  const whole = model.whole;
  let spans = keepingSpans.get(whole);
  if (!spans) {
    spans = [];
    for (const assignment of whole.assignments) if (KEEPING_TARGET.test(assignment.childForFieldName('left')?.text ?? '')) spans.push([assignment.startIndex, assignment.endIndex]);
    keepingSpans.set(whole, spans);
  }
  return spans.some(([start, end]) => start > fn.startIndex && start <= at && at < end);
}

/** Is the function wrapped in a caching decorator (`@lru_cache`, `@functools.cache`, `@cached`), so its body runs once per argument? */
export function cachedByDecorator(model: PythonModel, fn: Node): boolean {
  return /@\s*(functools\.)?(lru_cache|cache|cached)\b/.test(decoratorText(model, fn));
}

/** The decorators written above a function (`@app.get(...)\n@lru_cache\n`), empty when it has none. */
export function decoratorText(model: PythonModel, fn: Node): string {
  const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return definition ? model.source.slice(definition.startIndex, fn.startIndex) : '';
}

/**
 * Module-level functions of this file (not methods, not handlers) that make one of these calls,
 * by name -> what `describe` says of the first such call (undefined skips the call). The
 * per-request rules follow a handler into them: `def get_connection(): return
 * psycopg.connect(...)`. With `everyCall`, a helper that does it once per process is left out:
 * a cached factory (`@lru_cache`, `@cache`) or a lazy singleton (`createdOnce`).
 * `accept`, a further test of the call that reads the tree around it, runs only for a call in such
 * a helper: most of a service's loads lie in its handlers, and a walk up out of WASM for each of
 * them was most of a re-lint's cost of a rule that follows handlers into helpers.
 */
export function sameFileHelpers(
  model: PythonModel,
  calls: Iterable<CallInfo>,
  describe: (call: CallInfo) => string | undefined,
  everyCall = true,
  sites?: Map<string, CallInfo>,
  accept?: (call: CallInfo) => boolean,
): Map<string, string> {
  const helpers = new Map<string, string>();
  for (const call of calls) {
    const fn = call.inFunction;
    // What the call is comes first: it is a test of its name, where the tree walk up crosses into WASM for every call.
    const what = fn ? describe(call) : undefined;
    if (!fn || what === undefined || fn.parent?.type === 'class_definition' || model.isHandler(fn)) continue;
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    if (definition.parent?.type !== 'module') continue;
    const name = fn.childForFieldName('name')?.text;
    if (!name || helpers.has(name) || (accept && !accept(call))) continue;
    if (everyCall && cachedByDecorator(model, fn)) continue;
    if (everyCall && createdOnce(call.node, fn, model.source.slice(fn.startIndex, fn.endIndex), model)) continue;
    helpers.set(name, what);
    // Where the helper does it, for a finding at the handler's call to name as its related place.
    sites?.set(name, call);
  }
  return helpers;
}

export const HEALTH_ROUTE = /(^|\/)(health|healthz|healthcheck|livez|readyz|ready|readiness|liveness|live|alive|is[-_]?alive|ping|heartbeat|status)([-_]?check)?(\/|$)/i;

/**
 * A health route's path: a health word as a segment and no path parameter, as `isHealthPath` in
 * the project pass. `/status/{job_id}` and `/jobs/<id>/status` answer for one job a worker runs,
 * not for the service: a probe has no id to put there.
 */
export function isHealthRoutePath(route: string): boolean {
  return HEALTH_ROUTE.test(route) && !/[{<]/.test(route);
}

/**
 * Words in a docstring or comment saying a route is the health check, including the plain way
 * learners say it ("to check if the app is running", "API is up").
 */
export const HEALTH_WORDS =
  /health|liveness|readiness|\balive\b|heartbeat|\bping\b|\bprobe\b|\b(?:is|are)\s+(?:up|running|alive|live)\b|\bup and running\b|헬스|상태 ?확인|살아 ?있|동작 ?(?:중|확인)/i;
const COMMENTS = /#[^\n]*|"""[\s\S]*?"""|'''[\s\S]*?'''/g;

/** Handler names that say what the route is for as plainly as a docstring (`def status(): return {"status": "ok"}`). */
const HEALTH_NAME =
  /^(health|healthz|health_?check|check_?health|get_?health|status|get_?status|api_?status|check_?status|status_?check|ping|alive|is_?alive|liveness|readiness|ready|heartbeat)$/i;

/** A health check's own name, away from `/` (`check_status`, `healthcheck`, `ping`; not a bare `status` or `ready`). */
const HEALTH_ROUTE_NAME = /^(?:\w*health\w*|check_?status|status_?check|ping|heartbeat|is_?alive|alive|liveness|readiness)$/i;
/** The last segment of a path that agrees: `/check`, `/api/status`, `/up`. */
const HEALTH_SEGMENT = /(?:^|\/)(?:\w*(?:check|status|ping|alive|live|ready|health|heartbeat)\w*|up)\/?$/i;

/** A plain GET route other than `/` whose handler's name and path both say it is the health check. */
export function namedHealthRoute(name: string, path: string): boolean {
  return HEALTH_ROUTE_NAME.test(name) && HEALTH_SEGMENT.test(path);
}

/**
 * A `GET /` whose name, docstring or comments (on the handler or just above its decorators) say it
 * is the health check, or another plain GET route whose name or docstring calls it the health check
 * (`@app.get("/check")` named `check_status` or documented "Health check endpoint"): a reviewer
 * takes the author at their word.
 */
/** What a route-less app's name may do besides being created: run, or carry configuration. */
const IDLE_APP_USE = /^\s*(?:=(?!=)|\.(?:run|config|logger|secret_key|debug|app_context)\b)/;

/**
 * A Flask/FastAPI app with no route at all: nothing decorates or registers one, no router is
 * mounted, the app object is never handed to anything (`init_routes(app)`, `Api(app)`), and its name
 * is only created, configured and run (`app = Flask(__name__)` ... `app.run()` to keep a scheduler
 * process open). Every request it could get answers 404: there is no service to probe or measure.
 */
export function routelessApp(model: PythonModel, app: ServingApp): boolean {
  if (app.framework !== 'flask' && app.framework !== 'fastapi') return false;
  if (app.routes.length > 0 || app.mountsOtherRoutes || model.handlers.length > 0) return false;
  if (app.node.type !== 'assignment') return false;
  const name = app.node.childForFieldName('left')?.text;
  if (!name || !/^[A-Za-z_]\w*$/.test(name)) return false;
  // Strings and comments do not use the app (`"the app"`, `# the app has no route`).
  const code = model.source.replace(STRING_LITERAL, '""').replace(/#[^\n]*/g, '');
  let runs = false;
  for (const m of code.matchAll(new RegExp(`(?<![\\w.])${name}\\b`, 'g'))) {
    const after = code.slice(m.index + name.length, m.index + name.length + 40);
    if (!IDLE_APP_USE.test(after)) return false;
    if (/^\s*\.run\b/.test(after)) runs = true;
  }
  // Without its own `run()`, another module may import the app and add the routes (`from app import routes`).
  return runs;
}

export function documentedHealthRoute(model: PythonModel, handler: HandlerInfo): boolean {
  const root = handler.route === '/' || handler.route === '';
  // Another plain GET route (`/check`) is the health check only where its docstring says so in so many words.
  if (!root && (handler.route === undefined || /[{<]/.test(handler.route) || !onlyGet(handler.methods))) return false;
  if (root && HEALTH_NAME.test(handler.name)) return true;
  // Another route: its name and its path both say it (`@app.get("/check") def check_status()`), not a `GET /predict` named `status`.
  if (!root && namedHealthRoute(handler.name, handler.route!)) return true;
  const definition = handler.node.parent?.type === 'decorated_definition' ? handler.node.parent : handler.node;
  // The comment lines right above the decorators, then the handler's own docstring and comments.
  const before = model.source
    .slice(Math.max(0, definition.startIndex - 400), definition.startIndex)
    .split('\n')
    .slice(0, -1);
  let above = '';
  for (let i = before.length - 1; root && i >= 0 && /^\s*#/.test(before[i]); i--) above += before[i] + '\n';
  const own = model.source.slice(handler.node.startIndex, Math.min(model.handlerEnd(handler), handler.node.startIndex + 400));
  if (root && staticHealthReply(model.source.slice(handler.node.startIndex, model.handlerEnd(handler)))) return true;
  const said = above + [...own.matchAll(COMMENTS)].map((m) => m[0]).join('\n');
  return (root ? HEALTH_WORDS : NAMED_HEALTH_CHECK).test(said.replace(ROUTE_MENTION, ''));
}

const STRING_LITERAL = /[rRbBuUfF]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g;
/**
 * A path written in a reply or a docstring (`"/health"`, "see `/docs`"): it points at another route,
 * so `GET /` answering `{"health": "/health"}` or "check `/health`" names where the check is, not itself.
 */
const ROUTE_MENTION = /(?<![\w.])\/[\w{}<>:.-]+(?:\/[\w{}<>:.-]*)*/g;
/** A key whose value is such a path (`"health": "/health"`): the pair is a link to that route. */
const ROUTE_LINK = /[rRuU]?(['"])[^'"\n]*\1\s*:\s*[rRuU]?(['"])\/[^'"\n]*\2/g;
/**
 * A key that names a route, and its value (`"GET /health": "Health check"`, `"/predict": "..."`): a
 * list of the service's endpoints describes the other routes, not the one answering it.
 */
const ROUTE_KEYED = /[rRuU]?(['"])(?:[A-Z]{3,7}\s+)?\/[^'"\n]*\1\s*:\s*[rRuU]?(['"])[^'"\n]*\2/g;
/**
 * What a fixed answer says when it names itself the health check ("Health Check", "healthy", even
 * "Healt Check"). A greeting that only says the process is up ("API is running", "alive", "OK")
 * does not: reviewers still ask for a health route there, one that knows whether the model loaded.
 */
const HEALTH_REPLY = /\bhealt?h?y?\b|\bhealt?h?[\s_-]*check|\bliveness\b|\breadiness\b/i;
/** Calls that only wrap a fixed answer (`jsonify({...})`, `JSONResponse(content={...})`). */
const REPLY_WRAPPERS = /\b(?:jsonify|JSONResponse|PlainTextResponse|Response|make_response|dict|True|False|None)\b/g;

/**
 * A handler whose whole body (past its docstring and comments) is one `return` of a fixed answer
 * that names itself the health check (`return {"message": "Health Check"}`): the author declared
 * `GET /` the health route in what it answers, as others do in a docstring. A template, a model
 * call or any variable in the answer makes it a page, not a check.
 */
export function staticHealthReply(definitionText: string): boolean {
  const signature = /\)\s*(?:->[^:\n]*)?:/.exec(definitionText);
  if (!signature) return false;
  const body = definitionText
    .slice(signature.index + signature[0].length)
    .replace(COMMENTS, '')
    .trim();
  const value = /^return\s+([\s\S]+)$/.exec(body)?.[1];
  if (!value) return false;
  // One statement: with the brackets folded away (innermost first), nothing is left on a later line.
  let flat = value.replace(STRING_LITERAL, '""');
  for (let previous = ''; previous !== flat;) [previous, flat] = [flat, flat.replace(/[([{][^()[\]{}]*[)\]}]/g, '')];
  if (/\n\s*\S/.test(flat)) return false;
  const strings = [...value.matchAll(STRING_LITERAL)].map((m) => m[0]);
  if (strings.some((s) => /^[fF]/.test(s) && /\{/.test(s))) return false;
  const said = [...value.replace(ROUTE_LINK, '').replace(ROUTE_KEYED, '').matchAll(STRING_LITERAL)].map((m) => m[0].replace(ROUTE_MENTION, ''));
  const rest = value
    .replace(STRING_LITERAL, '""')
    .replace(/\b\w+\s*=(?!=)/g, '')
    .replace(REPLY_WRAPPERS, '');
  return /^[\s{}[\](),:"\d.]*$/.test(rest) && HEALTH_REPLY.test(said.join(' '));
}

/** What a docstring says of a route other than `/` for it to be the health check: the words themselves. */
export const NAMED_HEALTH_CHECK = /\bhealth[- ]?check|\bliveness\b|\breadiness\b|헬스 ?체크/i;

/** A route that answers GET only (a Flask route with no `methods` answers GET). */
export function onlyGet(methods: readonly string[] | undefined): boolean {
  return methods === undefined || methods.every((m) => m === 'GET' || m === 'HEAD');
}
export const METRICS_ROUTE = /^\/?metrics(\/|$)/;
/** Prometheus text written by hand (`# HELP`/`# TYPE` lines, the exposition content type): metrics without a library. */
export const HAND_WRITTEN_EXPOSITION = /['"]#\s*(?:HELP|TYPE)\s|text\/plain;\s*version=0\.0\.4/;

/** Modules whose import means the service exports metrics of its own. */
export const METRICS_MODULES = [
  'prometheus_client',
  'prometheus_fastapi_instrumentator',
  'prometheus_flask_exporter',
  'starlette_exporter',
  'starlette_prometheus',
  'opentelemetry',
  'aioprometheus',
  'statsd',
  'datadog',
  'ddtrace',
  'py_grpc_prometheus',
];

/**
 * Where a gRPC servicer is served: a module of the same service (not the servicer's own) that
 * opens a gRPC port (`server.add_insecure_port(...)`). The server-wide lessons (the health
 * service, metrics interceptors) belong there, where `grpc.server(...)` is built. Undefined
 * when the servicer's own file serves it, or no server is found.
 */
export function grpcServerOf(view: ProjectView, servicerPath: string): { readonly path: string; readonly range: Range; readonly facts: PythonFacts } | undefined {
  const own = view.python.get(servicerPath);
  if (!own || own.listeners.some((l) => l.via === 'grpc')) return undefined;
  const root = view.serviceRoot(servicerPath);
  const dir = servicerPath.slice(0, servicerPath.lastIndexOf('/') + 1);
  let found: { path: string; range: Range; facts: PythonFacts } | undefined;
  for (const { path, facts, listener } of grpcServers(view)) {
    if (path === servicerPath || view.serviceRoot(path) !== root) continue;
    // The servicer lives in the server's folder or below it (`main.py` serving `src/server.py`).
    if (!servicerPath.startsWith(path.slice(0, path.lastIndexOf('/') + 1))) continue;
    // The server imports the servicer's module (`from src.server import ...`, `from model_servicer import ...`).
    const imports = facts.imports.some((i) => view.modules.module(path, i.module) === servicerPath || view.modules.imported(path, i.local)?.path === servicerPath);
    if (!imports) continue;
    // A server next to the servicer wins over one elsewhere in the service.
    if (!found || (path.startsWith(dir) && !found.path.startsWith(dir))) found = { path, range: listener.range, facts };
  }
  return found;
}

interface GrpcServer {
  readonly path: string;
  readonly facts: PythonFacts;
  readonly listener: PythonFacts['listeners'][number];
}

const serversByView = new WeakMap<ProjectView, readonly GrpcServer[]>();

/**
 * The modules that open a gRPC port, in the view's order, listed once per view: every servicer
 * of a large tree asks, and walking every module for each one grew with the square of the tree.
 */
function grpcServers(view: ProjectView): readonly GrpcServer[] {
  let servers = serversByView.get(view);
  if (!servers) {
    const list: GrpcServer[] = [];
    for (const [path, facts] of view.python) {
      const listener = facts.listeners.find((l) => l.via === 'grpc');
      if (listener) list.push({ path, facts, listener });
    }
    serversByView.set(view, (servers = list));
  }
  return servers;
}
