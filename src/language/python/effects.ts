import type { Node } from 'web-tree-sitter';
import type { FunctionFact, HandlerCallFact, LoopCallFact } from '../project/facts';
import { leadsAnywhere } from '../project/facts';
import { nodeRange } from '../rule';
import { API_CLIENT, CLIENT, SDK_CLIENT } from './clients';
import { guardingTry, onInjectedSession, passesFailureOn, riskyCall, writtenBetween } from './errors';
import { isAsync, keywordArgument, oncePerConnection, positionalArguments, type CallInfo, type HandlerInfo, type PythonModel } from './model';
import { cachedByDecorator, createdOnce, EMBEDDING_MODEL, loadsCredentials, MODEL_LOADER } from './serving';
import { queueTasks } from './workers';
import { scratchRoundTrip } from './scratch-files';
import { isTrainingCall } from './training';
import { derivedName, isLlmCall, lengthGuarded, sourceLine } from './llm-calls';
import { requestDerived, type RequestDerived } from './request-derived';
import { openWriteRoute, writesVectorStore } from './vector-stores';

/**
 * What a function does every time it is called, summarised for the handler rules that follow a
 * call into another module: `predict()` calls `getPredict()` in mlmodel.py, which builds
 * `YOLO("best.pt")`; `query()` calls `query_rag()`, which calls `load_vectorstore()`, which
 * unpickles an index. The per-file rules see helpers of their own file; these facts let the
 * project pass see the same lesson one import away (project/effects.ts joins them).
 */

const CLIENTS = new Set(CLIENT);
/** Calls that hold the thread: network, disk and data-store I/O, inference, sleeping. */
const BLOCKING =
  /^(requests|httpx|urllib\.request)(\.\w+)*\.(get|post|put|patch|delete|head|request|urlopen)$|^time\.sleep$|^pandas\.read_\w+$|^(psycopg2?|pymysql|pymongo|sqlite3)\.\w+|^subprocess\.\w+$|\.(predict\w*|generate|invoke|batch|forward|transcribe|embed_\w+|embed|encode|similarity_search\w*|add_texts|add_documents|from_texts|from_documents|load_local|save_local|execute|fetchall|fetchone|find_one|insert_one)$|(^|\.)(download|yf\.download)$|^pika\.BlockingConnection(\.\w+)*$|\.basic_publish$/;
/**
 * Calls that run a function handed to them, with the arguments after it: a blocking call moved off
 * the event loop (`await asyncio.to_thread(requests.get, url)`, `loop.run_in_executor(None, f, x)`,
 * `run_in_threadpool`, an executor's `submit`). The timeout rules judge the handed function as a call.
 */
export const RUNS_HANDED_CALLABLE = /^(asyncio\.to_thread|anyio\.to_thread\.run_sync|(starlette|fastapi)\.concurrency\.run_in_threadpool)$|\.(run_in_executor|submit)$/;
const ASYNC_SAFE = /^(asyncio|anyio|trio|aiohttp|httpx\.AsyncClient)\b|run_in_executor|run_in_threadpool|to_thread|\.a(invoke|batch|stream|generate)$/;
/**
 * `.encode()` runs a model only on an encoder (`model.encode(texts)`, `self.embedder.encode`,
 * `bi_encoder.encode`); on a string (`key_str.encode()`, `json.dumps(x).encode("utf-8")`) it is
 * a byte conversion of microseconds, not a call that holds the event loop.
 */
const ENCODER_RECEIVER = /(model|encoder|embedder|embeddings?|embedding_\w+|transformer|sbert|bert|retriever|st)$/i;
function stringEncode(callee: string, written: string | undefined): boolean {
  if (!/\.encode$/.test(callee)) return false;
  const receiver = (written ?? callee).split('.').slice(-2)[0] ?? '';
  return !ENCODER_RECEIVER.test(receiver.replace(/\(\)$/, ''));
}
/**
 * The synchronous LLM SDKs (`OpenAI()`, `Anthropic()`, the v0 `openai.ChatCompletion`, the
 * `ollama` functions): every call is an HTTP round trip of seconds; the `Async*` clients are awaited.
 */
const SYNC_LLM =
  /^openai\.(ChatCompletion|Completion|Embedding)\.create$|^ollama\.(chat|generate|embed|embeddings)$|\.(completions|embeddings|responses|messages|transcriptions|translations)\.create$/;

export function functionFacts(model: PythonModel, names: FileNames): FunctionFact[] {
  const byFunction = model.callsByFunction();
  const facts: FunctionFact[] = [];
  // This file's own module-level functions: a call to one named like a loader (`load_model()`)
  // is a call into the project, followed through its own facts (which say whether it caches).
  const own = new Set<string>();
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = definition.parent?.type === 'module' ? fn.childForFieldName('name')?.text : undefined;
    if (name) own.add(name);
  }
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn.childForFieldName('name')?.text;
    if (!name || model.isHandler(fn)) continue;
    let owner: string | undefined;
    let cls: string | undefined;
    if (definition.parent?.type === 'module') owner = name;
    else {
      const body = definition.parent;
      const classNode = body?.type === 'block' ? body.parent : undefined;
      if (classNode?.type === 'class_definition' && classNode.parent?.type === 'module') cls = classNode.childForFieldName('name')?.text;
      // A class is summarised by its constructor (building it runs `__init__`), and each method
      // as `Class.method`, for the calls a handler makes through an instance of the class.
      if (cls !== undefined) owner = name === '__init__' ? cls : /^__\w+__$/.test(name) ? undefined : `${cls}.${name}`;
    }
    if (!owner) continue;
    const cached = cachedByDecorator(model, fn);
    const members = cls !== undefined ? names.members(model.source, definition.parent!.parent!) : undefined;
    const fact = summarise(model, fn, owner, cached, byFunction.get(fn.id) ?? [], names, own, cls, members);
    // Most functions are leaves that lead nowhere, and the project pass holds the facts of every file.
    if (leadsAnywhere(fact)) facts.push(fact);
  }
  return facts;
}

function summarise(
  model: PythonModel,
  fn: Node,
  name: string,
  cached: boolean,
  calls: readonly CallInfo[],
  names: FileNames,
  own: ReadonlySet<string>,
  cls?: string,
  members?: ReadonlyMap<string, string>,
): FunctionFact {
  let loads: FunctionFact['loads'];
  let loadsOnce = false;
  let client: FunctionFact['client'];
  let work: FunctionFact['work'];
  let blocking: FunctionFact['blocking'];
  let prints: FunctionFact['prints'];
  let trains: FunctionFact['trains'];
  let llm: FunctionFact['llm'];
  let stores: FunctionFact['stores'];
  const called: FunctionFact['calls'][number][] = [];
  const fnText = model.source.slice(fn.startIndex, fn.endIndex);
  const scratch = cached ? undefined : scratchRoundTrip(model, fn, calls);
  for (const call of calls) {
    const callee = call.callee ?? '';
    const written = names.through(writtenName(call.node, model), cls, members);
    // Both walk up the tree (across into WASM at every step): only for the calls that need them.
    let guard: { try?: Node; reraised?: string } | undefined;
    const guarding = () => (guard ??= handlingTry(call.node, fn, model.source));
    const guarded = () => guarding().try !== undefined;
    const once = () => cached || createdOnce(call.node, fn, fnText, model);
    if (!loads && (MODEL_LOADER.test(callee) || EMBEDDING_MODEL.test(callee)) && !own.has(callee) && !loadsCredentials(call.node)) {
      if (!once()) loads = { what: shortCallee(callee), range: nodeRange(call.node) };
      else loadsOnce = true;
    }
    if (!client && (CLIENTS.has(callee) || API_CLIENT.test(callee) || SDK_CLIENT.test(callee)) && !once()) client = { what: shortCallee(callee), range: nodeRange(call.node) };
    if (!work && riskyCall(model, call) && !guarded()) {
      const reraised = guarding().reraised;
      work = { what: written ?? shown(call.node) ?? shortCallee(callee), range: nodeRange(call.node), ...(reraised !== undefined && { reraised }) };
    }
    if (
      !blocking &&
      call.node.parent?.type !== 'await' &&
      (BLOCKING.test(callee) || (SYNC_LLM.test(callee) && !/(^|\.)Async\w*\./.test(callee))) &&
      !ASYNC_SAFE.test(callee) &&
      !stringEncode(callee, written) &&
      !asyncContext(call.node) &&
      !inWorkerThread(call.node)
    )
      blocking = { what: written ?? shown(call.node) ?? shortCallee(callee), range: nodeRange(call.node) };
    if (!prints && callee === 'print' && !keywordArgument(call.node, 'file')) prints = { what: 'print', range: nodeRange(call.node) };
    if (!trains && isTrainingCall(model, call)) trains = { what: shown(call.node) ?? shortCallee(callee), range: nodeRange(call.node) };
    if (!llm && isLlmCall(model, call)) llm = { what: written ?? shown(call.node) ?? shortCallee(callee), range: nodeRange(call.node) };
    if (!stores && writesVectorStore(call.node)) stores = { what: shown(call.node) ?? shortCallee(callee), range: nodeRange(call.node) };
    if (written && called.length < 24 && names.candidate(written)) called.push({ name: written, guarded: guarded(), ...(once() && { once: true }), range: nodeRange(call.node) });
  }
  return {
    name,
    isAsync: isAsync(fn),
    ...(loads && { loads }),
    ...(loadsOnce && { loadsOnce: true as const }),
    ...(client && { client }),
    ...(work && { work }),
    ...(blocking && { blocking }),
    ...(prints && { prints }),
    ...(trains && { trains }),
    ...(scratch && { scratch }),
    ...(llm && { llm }),
    ...(stores && { stores }),
    calls: called,
  };
}

/**
 * `async with db.execute(...) as cursor:` or `async for row in cursor.execute(...)`: the call is
 * entered or iterated asynchronously (aiosqlite, asyncpg, motor), so it is not a blocking one.
 */
/** Hands a callable to a thread: `loop.run_in_executor(None, fn)`, `asyncio.to_thread(fn)`, `run_in_threadpool(fn)`, anyio's `run_sync(fn)`. */
const TO_THREAD = /(^|\.)(run_in_executor|to_thread|run_in_threadpool|run_sync)$/;

/**
 * Inside a lambda handed to a thread (`await loop.run_in_executor(None, lambda: client.chat.completions.create(...))`):
 * the call runs on a worker thread, not on the event loop.
 */
export function inWorkerThread(call: Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'module') return false;
    if (node.type !== 'lambda') continue;
    const args = node.parent?.type === 'keyword_argument' ? node.parent.parent : node.parent;
    const callee = args?.type === 'argument_list' ? args.parent?.childForFieldName('function')?.text : undefined;
    return callee !== undefined && TO_THREAD.test(callee);
  }
  return false;
}

function asyncContext(call: Node): boolean {
  let node: Node | null = call.parent;
  while (node && /^(as_pattern|with_item|with_clause)$/.test(node.type)) node = node.parent;
  if (node?.type === 'with_statement' || (node?.type === 'for_statement' && node.childForFieldName('right')?.id === call.id)) return node.child(0)?.type === 'async';
  return false;
}

/** Handler calls to names the project may define: imported names and this file's own functions. */
/** What any raw read of request-derived.ts contains, or the word `request` itself. */
const MAY_READ_RAW = /\brequest\b|\.filename\b|\.payload\b/;

export function handlerCallFacts(model: PythonModel, names: FileNames): HandlerCallFact[] {
  const facts: HandlerCallFact[] = [];
  const tasks = queueTasks(model);
  if (model.handlers.length === 0 && tasks.size === 0) return facts;
  const callers: { name: string; route?: string; isAsync: boolean; node: Node; end: number; task?: true; info?: HandlerInfo }[] = model.handlers.map((h) => ({
    info: h,
    name: h.name,
    ...(h.route !== undefined && { route: h.route }),
    isAsync: h.isAsync,
    node: h.node,
    end: model.handlerEnd(h),
  }));
  for (const fn of model.functions) {
    const name = tasks.get(fn.id);
    if (name !== undefined) callers.push({ name, isAsync: isAsync(fn), node: fn, end: fn.endIndex, task: true });
  }
  for (const handler of callers) {
    const calls = model.callsWithin(handler.node.startIndex, handler.end);
    const risky = calls.some((c) => {
      const call = riskyCall(model, c);
      return call !== undefined && !guardingTry(c.node, handler.node, model.source) && !onInjectedSession(call.name, handler.node);
    });
    // What the client sent, unbounded, for the calls that may hand it to a language model elsewhere:
    // read at the first call that is followed (most handlers' calls are into libraries).
    let unbounded: RequestDerived | undefined | null = null;
    const unboundedInput = (): RequestDerived | undefined => {
      if (unbounded !== null) return unbounded;
      const info = handler.info;
      // Neither a raw read (`request.<member>`, `.filename`, `.payload`, a declared payload or a
      // Gradio chat message) nor the word `request`: nothing unbounded, whatever the reading finds.
      if (!info || (!info.payload && info.framework !== 'gradio' && !MAY_READ_RAW.test(model.source.slice(handler.node.startIndex, handler.end)))) return (unbounded = undefined);
      const input = requestDerived(model, info);
      return (unbounded = input && (input.rawNames.size > 0 || /\brequest\b/.test(input.text)) && !lengthGuarded(input) ? input : undefined);
    };
    const injected = handler.task ? taskInstances(model, handler.node, names) : handlerServices(model, handler.node, handler.end, names);
    const openWrite = handler.info && !handler.task && openWriteRoute(model, handler.info) ? nodeRange(handler.node.childForFieldName('name') ?? handler.node) : undefined;
    for (const call of calls) {
      const asWritten = writtenName(call.node, model);
      let name = names.through(asWritten, undefined, injected);
      let via: HandlerCallFact['via'] = 'call';
      if (call.callee === 'fastapi.Depends' || call.callee === 'fastapi.params.Depends') {
        const dependency = positionalArguments(call.node)[0];
        if (dependency?.type !== 'identifier' && dependency?.type !== 'attribute') continue;
        name = dependency.text;
        via = 'depends';
      }
      if (!name || name.includes('[') || !names.candidate(name)) continue;
      // A name imported twice in the file is followed only where the caller imports it itself
      // (`from app.predict import main` inside this task): that binding is the one the call sees.
      let scope: string | undefined;
      if (names.importedTwice(name.split('.')[0])) {
        scope = handler.node.type === 'function_definition' ? (handler.node.childForFieldName('name')?.text ?? undefined) : undefined;
        if (!scope || !bindings(model.source.slice(handler.node.startIndex, handler.end)).has(name.split('.')[0])) continue;
      }
      const unbounded = via === 'call' ? unboundedInput() : undefined;
      const prompt = unbounded
        ? (call.node.childForFieldName('arguments')?.namedChildren ?? [])
            .map((a) => (a?.type === 'keyword_argument' ? a.childForFieldName('value') : a))
            .map((a) => (a ? derivedName(unbounded, a.text, true) : undefined))
            .find((n) => n !== undefined)
        : undefined;
      const promptLine = prompt !== undefined && unbounded ? sourceLine(model.source, handler.node.startIndex, unbounded, prompt) : undefined;
      const promptAt = promptLine ? model.rangeOf(promptLine[0], promptLine[1]) : undefined;
      facts.push({
        handler: handler.name,
        ...(handler.route !== undefined && { route: handler.route }),
        isAsync: handler.isAsync,
        name,
        range: nodeRange(call.node),
        awaited: call.node.parent?.type === 'await',
        guarded: guardingTry(call.node, handler.node, model.source) !== undefined,
        via,
        handlerRisky: risky,
        ...(via === 'call' && name !== asWritten && { written: asWritten }),
        ...(handler.task && { task: true as const }),
        ...(handler.info && oncePerConnection(handler.info, call.node) && { perConnection: true as const }),
        ...(scope !== undefined && { scope }),
        ...(prompt !== undefined && { prompt }),
        ...(promptAt && { promptAt }),
        ...(openWrite && { openWrite }),
      });
    }
  }
  return facts;
}

/**
 * Calls to project functions made once per item of a processing loop (`for message in consumer:`,
 * `for _, row in df.iterrows():`, `while True:` polling) outside request handlers, so the rules
 * that follow calls across modules can see per-message work (a connection opened per row).
 */
export function loopCallFacts(model: PythonModel, names: FileNames): LoopCallFact[] {
  const facts: LoopCallFact[] = [];
  for (const call of model.calls) {
    const name = writtenName(call.node, model);
    if (!name || facts.length >= 64 || name.includes('[')) continue;
    if (!names.candidate(name) || names.importedTwice(name.split('.')[0])) continue;
    const loop = perItemLoop(call.node, call.inFunction, model.source);
    if (!loop || model.enclosingHandler(call.node)) continue;
    facts.push({ name, range: nodeRange(call.node), loopLine: loop.startPosition.row });
  }
  return facts;
}

/** RQ's enqueue methods, and where each takes the job's function: `enqueue(fn, ...)`, `enqueue_in(delay, fn, ...)`, `enqueue_call(func=fn)`. */
const ENQUEUE_METHOD = /\.(enqueue|enqueue_call|enqueue_in|enqueue_at)$/;

/**
 * Functions handed to a job queue by reference (`queue.enqueue(predict_task, data)`, RQ): a
 * worker process runs each once per job, as Celery runs a task, though nothing in the function's
 * own module says so.
 */
export function queueJobFacts(model: PythonModel, names: FileNames): LoopCallFact[] | undefined {
  if (!/\.enqueue(?:_call|_in|_at)?\s*\(/.test(model.source)) return undefined;
  const facts: LoopCallFact[] = [];
  for (const call of model.calls) {
    const method = ENQUEUE_METHOD.exec(call.callee ?? writtenName(call.node, model) ?? '')?.[1];
    if (!method) continue;
    const positional = positionalArguments(call.node);
    const job =
      method === 'enqueue_call' ? (keywordArgument(call.node, 'func') ?? positional[0]) : method === 'enqueue' ? (keywordArgument(call.node, 'f') ?? positional[0]) : positional[1];
    if (job?.type !== 'identifier' && job?.type !== 'attribute') continue;
    const name = job.text;
    if (!names.candidate(name) || names.importedTwice(name.split('.')[0])) continue;
    facts.push({ name, range: nodeRange(call.node), loopLine: call.node.startPosition.row });
  }
  return facts.length > 0 ? facts : undefined;
}

/**
 * The loop around a call (inside its function) that runs once per item: not a loop counting
 * attempts (`for attempt in range(5)`) and not one retrying a connection (`while True: try:
 * conn = connect(); break`), which build one client per attempt on purpose.
 */
export function perItemLoop(call: Node, fn: Node | undefined, source?: string): Node | undefined {
  // With the source, a call with no `for`/`while` written before it in its function needs no walk (`writtenBetween`).
  if (source !== undefined && !writtenBetween(source, 'for', fn?.startIndex ?? 0, call.startIndex) && !writtenBetween(source, 'while', fn?.startIndex ?? 0, call.startIndex))
    return undefined;
  let inTry: Node | undefined;
  // Compared by id: every node read out of WASM is a fresh object.
  for (let p = call.parent; p && p.id !== fn?.id; p = p.parent) {
    if (p.type === 'try_statement' && !inTry) inTry = p;
    if (p.type !== 'for_statement' && p.type !== 'while_statement') continue;
    if (p.type === 'for_statement' && /^range\((?!\s*len\()/.test(p.childForFieldName('right')?.text ?? '')) return undefined;
    const body = inTry?.childForFieldName('body');
    if (body && /\b(break|return)\b/.test(body.text)) return undefined;
    return p;
  }
  return undefined;
}

const WRITTEN_NAME = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)[ \t]*\(/y;
const CHAINED = new WeakMap<PythonModel, Set<number>>();

/** Where two or more calls of the file start: a chained call and the call inside it. */
function chainedStarts(model: PythonModel): Set<number> {
  let starts = CHAINED.get(model);
  if (!starts) {
    starts = new Set();
    const calls = model.calls;
    for (let i = 1; i < calls.length; i++) if (calls[i].node.startIndex === calls[i - 1].node.startIndex) starts.add(calls[i].node.startIndex);
    CHAINED.set(model, starts);
  }
  return starts;
}

/** `helper(...)`, `module.helper(...)`, `Class(...)`: a plain or dotted name, not a method of a local value. */
function writtenName(call: Node, model: PythonModel): string | undefined {
  // Read from the text where it is plain (`name(` or `a.b.c(` with only spaces before the
  // parenthesis); anything else (a comment, a line break, a subscript, a non-ASCII name) and a
  // chained call (`make(x)(y)`, `a.b(x).c(y)`: another call starts where it starts) asks the tree.
  if (!chainedStarts(model).has(call.startIndex)) {
    WRITTEN_NAME.lastIndex = call.startIndex;
    const plain = WRITTEN_NAME.exec(model.source);
    if (plain) return plain[1];
  }
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text;
  if (fn?.type === 'attribute' && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(fn.text)) return fn.text;
  // `Customer(data).predict()`: a method of an instance built in place, followed as `Customer.predict`
  // (a class by its capitalised name, as `localInstances` reads `c = Customer(data)`).
  const built = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const cls = built?.type === 'call' ? built.childForFieldName('function')?.text : undefined;
  const method = fn?.childForFieldName('attribute')?.text;
  if (cls !== undefined && method !== undefined && /^(?:[A-Za-z_]\w*\.)*[A-Z]\w*$/.test(cls)) return `${cls}.${method}`;
  // `current_app.config["MODEL"].predict`: a service kept on the app, read by key (FileNames.through follows it).
  if (fn?.type === 'attribute' && appHolder(fn.text.slice(0, fn.text.lastIndexOf('.'))) !== undefined) return fn.text;
  return undefined;
}

/**
 * Where a service kept on the application object is read: `request.app.state.predictor`,
 * `app.state.predictor`, `current_app.config["MODEL"]`, `app.extensions["model"]`. The key as
 * the project pass knows it (`app.state.predictor`), the same whichever object reaches the app.
 */
const APP_HOLDER = /^(?:[A-Za-z_]\w*\.)?(?:app|current_app)\.(state|config|extensions)(?:\.(\w+)|\[[ \t]*['"](\w+)['"][ \t]*\])$/;

export function appHolder(text: string): string | undefined {
  const m = APP_HOLDER.exec(text);
  return m ? `app.${m[1]}.${m[2] ?? m[3]}` : undefined;
}

/** Is this a name `appHolder` made (`app.state.predictor.predict`)? */
export function isAppHolderCall(name: string): boolean {
  return /^app\.(state|config|extensions)\.\w+\.\w+$/.test(name);
}

/**
 * What the call facts of one file ask of its names, read once per file (each of them scanned
 * the whole text on every call before): which written names the project may define (the head
 * is imported, relative imports included, or a plain name is a function or class of this
 * file), and which local names the file's imports bind more than once.
 */
export class FileNames {
  private defined: Set<string> | undefined;
  private twice: Set<string> | undefined;
  private bound: Map<string, string> | undefined;
  private onApp: Map<string, string> | undefined;
  private readonly classMembers = new Map<number, ReadonlyMap<string, string>>();

  constructor(
    private readonly source: string,
    private readonly imported: ReadonlySet<string>,
  ) {}

  /** `helper`, `module.helper`, `Class`: a name the project may define. */
  candidate(written: string): boolean {
    if (isAppHolderCall(written)) return true;
    const dot = written.indexOf('.');
    const head = dot === -1 ? written : written.slice(0, dot);
    if (this.imported.has(head)) return true;
    if (!this.defined) {
      this.defined = new Set<string>();
      for (const m of this.source.matchAll(/^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)/gm)) this.defined.add(m[1]);
    }
    // `Service.predict`: a method of a class of this file (a capitalised name, so compaction keeps it too).
    if (dot !== -1) return /^[A-Z]/.test(head) && written.indexOf('.', dot + 1) === -1 && this.defined.has(head);
    return this.defined.has(head);
  }

  /**
   * Module-level instances of a class the project may define (`service = PredictionService()`,
   * `predictor: Predictor = models.Predictor(path)`), by name -> the class as written. Read from
   * the text once per file: an assignment at column 0 whose value calls a capitalised name.
   */
  instances(): ReadonlyMap<string, string> {
    if (!this.bound) {
      this.bound = new Map();
      if (/^[A-Za-z_]\w*[ \t]*(?::[^=\n]*)?=[ \t]*(?:[A-Za-z_]\w*\.)*[A-Z]\w*\(/m.test(this.source))
        for (const m of this.source.matchAll(/^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\(/gm)) {
          // Rebinding a name (`model = Model()` then `model = load()`) leaves it unknown.
          if (this.bound.has(m[1]) || !this.candidate(m[2])) this.bound.set(m[1], '');
          else this.bound.set(m[1], m[2]);
        }
      if (this.bound.size > 0) {
        // Any other module-level binding of the name (`model = Model()` then `model = joblib.load(...)`) makes it unknown too.
        const seen = new Set<string>();
        for (const m of this.source.matchAll(/^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)/gm)) {
          if (seen.has(m[1]) && this.bound.has(m[1])) this.bound.set(m[1], '');
          seen.add(m[1]);
        }
      }
      for (const [name, cls] of this.bound) if (!cls) this.bound.delete(name);
    }
    return this.bound;
  }

  /**
   * Services this file keeps on the app (`app.state.predictor = Predictor(path)` in a lifespan,
   * `app.config["MODEL"] = ModelService()` in a factory), by key (`app.state.predictor`) -> the
   * class as written. A key also bound to anything else but None is left unknown.
   */
  appInstances(): ReadonlyMap<string, string> {
    if (!this.onApp) {
      this.onApp = new Map();
      if (/\.(state|config|extensions)\b/.test(this.source)) {
        const other = new Set<string>();
        for (const m of this.source.matchAll(/^[ \t]*([\w.]+(?:\[[ \t]*['"]\w+['"][ \t]*\])?)[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*([^\n]*)/gm)) {
          const key = appHolder(m[1]);
          if (key === undefined || /^None\b/.test(m[2])) continue;
          const cls = /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\(/.exec(m[2])?.[1];
          const known = this.onApp.get(key);
          if (cls === undefined || !this.candidate(cls) || (known !== undefined && known !== cls)) other.add(key);
          else this.onApp.set(key, cls);
        }
        for (const key of other) this.onApp.delete(key);
      }
    }
    return this.onApp;
  }

  /**
   * What a class keeps on `self`, by `self.name` -> class: `self._predictor = Predictor()`, or
   * `self.repo = repo` for an `__init__` parameter typed `repo: ModelRepository`. An attribute
   * bound to anything else in the class is left unknown.
   */
  members(source: string, classNode: Node): ReadonlyMap<string, string> {
    let found = this.classMembers.get(classNode.id);
    if (found) return found;
    const map = new Map<string, string>();
    const text = source.slice(classNode.startIndex, classNode.endIndex);
    if (text.includes('self.')) {
      const init = /def[ \t]+__init__[ \t]*\(([^)]*)\)/.exec(text)?.[1] ?? '';
      const typed = new Map<string, string>();
      for (const p of init.matchAll(/\b([A-Za-z_]\w*)[ \t]*:[ \t]*((?:[A-Za-z_]\w*\.)*[A-Z]\w*)[ \t]*(?=[,=]|$)/g)) typed.set(p[1], p[2]);
      const other = new Set<string>();
      for (const m of text.matchAll(/\bself\.(\w+)[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*([^\n]*)/g)) {
        const key = `self.${m[1]}`;
        if (/^None\b/.test(m[2])) continue;
        const value = m[2].trim();
        const cls = /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\(/.exec(value)?.[1] ?? typed.get(value) ?? this.appInstances().get(appHolder(value) ?? '');
        const known = map.get(key);
        if (cls === undefined || !this.candidate(cls) || (known !== undefined && known !== cls)) other.add(key);
        else map.set(key, cls);
      }
      for (const key of other) map.delete(key);
    }
    found = map;
    this.classMembers.set(classNode.id, found);
    return found;
  }

  /**
   * A call as the project can follow it: `self.helper` inside a method of `cls` is `cls.helper`,
   * `service.predict` through a module-level instance (or an injected parameter) is
   * `PredictionService.predict`; other names are as written.
   */
  through(written: string | undefined, cls?: string, injected?: ReadonlyMap<string, string>): string | undefined {
    if (written === undefined) return undefined;
    const last = written.lastIndexOf('.');
    if (last > 0 && written.indexOf('.') !== last) {
      // `self._predictor.predict` (an attribute the class sets), `request.app.state.predictor.predict`.
      const prefix = written.slice(0, last);
      const holder = injected?.get(prefix) ?? appHolder(prefix);
      if (holder === undefined) return written;
      return `${this.appInstances().get(holder) ?? holder}${written.slice(last)}`;
    }
    const dot = written.indexOf('.');
    if (dot === -1) return written;
    const head = written.slice(0, dot);
    if ((head === 'self' || head === 'cls') && cls !== undefined) return `${cls}${written.slice(dot)}`;
    const owner = injected?.get(head) ?? (this.imported.has(head) ? undefined : this.instances().get(head));
    return owner !== undefined ? `${owner}${written.slice(dot)}` : written;
  }

  /**
   * `from app.new import main` in one task and `from app.predict import main` in another: the
   * file-wide import map keeps one of them, so a call to `main` cannot be followed safely.
   */
  importedTwice(local: string): boolean {
    if (!this.twice) {
      const counts = new Map<string, number>();
      this.twice = new Set<string>();
      for (const bound of importBindings(this.source)) {
        const count = (counts.get(bound) ?? 0) + 1;
        counts.set(bound, count);
        if (count > 1) this.twice.add(bound);
      }
    }
    return /^\w+$/.test(local) && this.twice.has(local);
  }
}

/**
 * The services a handler reaches by a local name: parameters FastAPI injects, names bound from
 * the app (`predictor = request.app.state.predictor`) and, in a class-based view, what the class
 * keeps on `self`. Name -> class as written, or the app key when another module sets it.
 */
function handlerServices(model: PythonModel, node: Node, end: number, names: FileNames): ReadonlyMap<string, string> | undefined {
  const bodyStart = node.childForFieldName('body')?.startIndex ?? end;
  let found = injectedServices(model.source.slice(node.startIndex, bodyStart), names);
  const body = model.source.slice(bodyStart, end);
  if (/\.(state|config|extensions)\b/.test(body)) {
    for (const m of body.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*([\w.]+(?:\[[ \t]*['"]\w+['"][ \t]*\])?)[ \t]*(?:#[^\n]*)?$/gm)) {
      const key = appHolder(m[2]);
      if (key !== undefined) (found ??= new Map()).set(m[1], names.appInstances().get(key) ?? key);
    }
  }
  for (const [name, cls] of localInstances(body, names)) if (!found?.has(name)) (found ??= new Map()).set(name, cls);
  let cls: Node | null = node.parent;
  if (cls?.type === 'decorated_definition') cls = cls.parent;
  cls = cls?.type === 'block' ? cls.parent : null;
  if (cls?.type === 'class_definition') for (const [k, v] of names.members(model.source, cls)) (found ??= new Map()).set(k, v);
  return found;
}

/** A task's own instances (`model = Model()`, then `model.run(path)`). */
function taskInstances(model: PythonModel, fn: Node, names: FileNames): ReadonlyMap<string, string> | undefined {
  const body = fn.childForFieldName('body');
  const found = body ? localInstances(model.source.slice(body.startIndex, body.endIndex), names) : undefined;
  return found?.size ? found : undefined;
}

/**
 * Instances a handler or a task builds itself (`publisher = Publisher()`, then `publisher.main(msg)`),
 * by name -> class, for a name bound once in `body`.
 */
function localInstances(body: string, names: FileNames): Map<string, string> {
  const found = new Map<string, string>();
  if (!/^[ \t]*[A-Za-z_]\w*[ \t]*=[ \t]*(?:[A-Za-z_]\w*\.)*[A-Z]\w*\(/m.test(body)) return found;
  const seen = new Map<string, string>();
  for (const m of body.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*([^\n]*)/gm)) {
    const cls = /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\(/.exec(m[2])?.[1];
    seen.set(m[1], seen.has(m[1]) || cls === undefined || !names.candidate(cls) ? '' : cls);
  }
  for (const [name, cls] of seen) if (cls) found.set(name, cls);
  return found;
}

/**
 * Parameters of a handler that FastAPI fills with a project class's instance, by name -> class:
 * `service: PredictionService = Depends(get_service)`, `svc: Annotated[ModelService, Depends()]`.
 * `header` is the handler's text up to its body.
 */
function injectedServices(header: string, names: FileNames): Map<string, string> | undefined {
  if (!header.includes('Depends')) return undefined;
  let found: Map<string, string> | undefined;
  for (const m of header.matchAll(/\b([A-Za-z_]\w*)[ \t]*:[ \t]*(?:Annotated\[[ \t]*)?((?:[A-Za-z_]\w*\.)*[A-Z]\w*)[ \t]*(?:=[ \t]*Depends\b|,[ \t]*Depends\b)/g)) {
    if (names.candidate(m[2])) (found ??= new Map()).set(m[1], m[2]);
  }
  return found;
}

/** The names the import statements of a text bind, once per binding. */
function* importBindings(text: string): Generator<string> {
  for (const m of text.matchAll(/^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+\(?([^\n)]+)/gm)) {
    // `a`, `a as b`, `pkg.mod`: the name each item binds is its alias, or its first segment.
    for (const item of m[1].split(',')) {
      const words = item.trim().split(/\s+/);
      const bound = words[1] === 'as' ? words[2] : words[0]?.split('.')[0];
      if (bound !== undefined) yield bound;
    }
  }
}

/** The names a function's own import statements bind. */
function bindings(fnText: string): Set<string> {
  return new Set(importBindings(fnText));
}

/** `self.model.predict` for `self.model.predict(rows).tolist()`: the callee as the learner wrote it, up to its first call. */
function shown(call: Node): string | undefined {
  const text = call.childForFieldName('function')?.text;
  const name = text?.split('(')[0];
  return name && /^[A-Za-z_][\w.]*$/.test(name) && name.length <= 60 ? name : undefined;
}

/** The last two parts of a resolved callee (`joblib.load`, `AutoModel.from_pretrained`), for messages. */
export function shortCallee(callee: string): string {
  return callee.split('.').slice(-2).join('.');
}

/**
 * The try that handles a failure of the call for the function's callers: the innermost enclosing
 * try (below `fn`) that does more than raise again. A try that only passes failures on is looked
 * through to the one around it; `reraised` names what the first such try raises when no try
 * handles the call.
 */
function handlingTry(node: Node, fn: Node, source: string): { try?: Node; reraised?: string } {
  let reraised: string | undefined;
  for (let at = guardingTry(node, fn, source); at; at = guardingTry(at, fn, source)) {
    const passed = passesFailureOn(at);
    if (passed === undefined) return { try: at };
    reraised ??= passed;
  }
  return reraised === undefined ? {} : { reraised };
}
