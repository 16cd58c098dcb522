import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';
import { escapeRegExp } from '../regexp';

/**
 * Long-running worker loops: a Kafka/queue consumer, a metrics exporter, a polling job. They
 * are found by shape and by what they do, not by library: `while True:` (or `while running:`)
 * whose body waits for work (poll, receive, get from a queue, sleep), and `for message in
 * consumer:` over something that streams. Computed once per model.
 */

export interface WorkerLoop {
  readonly node: Node;
  /** `while` or `for`. */
  readonly kind: 'while' | 'for';
  /** The loop's body block. */
  readonly body: Node;
}

/** A `while` condition that runs until stopped. */
const FOREVER = /^(True|1|not\s+[\w.]+(\(\))?|[\w.]*(running|alive|active|keep_going|keep_running|should_run|run_forever)\w*(\(\))?)$/i;
/** A fetch of the next piece of work (boto3's SQS `receive_message`, or a helper of that name, included). */
const FETCHES =
  /\.(poll|consume|receive|receive_messages|recv|listen|get_message|blpop|brpop|xread|xreadgroup|pull|fetch_messages|get_nowait)\s*\(|\breceive_messages?\s*\(|\b(queue|q|jobs|tasks|inbox)\.get\s*\(/;
/** Made-up data: the random module, NumPy's generators, Faker. */
const GENERATES = /\b(?:random|np\.random|numpy\.random|rng|fake|faker)\.\w+\s*\(/;
/** Handing a record to a broker or stream. */
const SENDS_OUT = /\.(?:send|produce|publish|basic_publish|xadd|lpush|rpush|put_record|put_records|send_message)\s*\(/;
/** What a worker does while it waits for its next piece of work: fetch it, or sleep between polls. */
const WAITS = new RegExp(`${FETCHES.source}|\\bsleep\\s*\\(|\\.wait\\s*\\(`);
/**
 * `while empty_polls < MAX_EMPTY_POLLS:` (parentheses allowed): a worker that serves until the
 * queue has been idle N polls in a row, then exits (an autoscaled instance terminating itself).
 * It is one when its body fetches work and resets the counter to 0 when work came.
 */
const IDLE_COUNTER = /^([\w.]*(?:retr(?:y|ies)|idle|empty|miss(?:es|ed)?|polls?|tries|attempts)\w*)\s*<=?\s*[\w.]+$/i;
/** An iterable that streams messages: `for msg in consumer`, `for event in pubsub.listen()`. */
const STREAM = /(consumer|subscription|subscriber)\w*$|\.(listen|consume|receive_messages|subscribe)\([^)]*\)$/i;

/**
 * A body of nothing but sleeps and `pass`. The spaces after a statement belong to its comment or
 * to the next `\s*`, and a comment runs to the end of its line: when they could split either
 * way, sixteen sleeps with trailing spaces before some other line took over thirty seconds.
 */
const KEEP_ALIVE = /^(\s*((time\.)?sleep\([^()]*\)|pass)([ \t]*#[^\n]*(?![^\n]))?)+\s*$/;

const cache = new WeakMap<PythonModel, WorkerLoop[]>();

export function workerLoops(model: PythonModel): readonly WorkerLoop[] {
  let loops = cache.get(model);
  if (!loops) cache.set(model, (loops = findLoops(model)));
  return loops;
}

/** The innermost worker loop that contains the node, if any. */
export function enclosingWorkerLoop(model: PythonModel, node: Node): WorkerLoop | undefined {
  let best: WorkerLoop | undefined;
  for (const loop of workerLoops(model)) {
    if (loop.node.startIndex <= node.startIndex && node.endIndex <= loop.node.endIndex && (!best || loop.node.startIndex > best.node.startIndex)) best = loop;
  }
  return best;
}

/** `async for msg in consumer:` (aiokafka, aio-pika iterators) is a streaming `for` too. */
const LOOP_HEAD = /^[ \t]*(while[ \t]+([^\n:]+?)[ \t]*:|(?:async[ \t]+)?for[ \t]+[^\n]+?[ \t]+in[ \t]+([^\n]+?)[ \t]*:)/gm;

function findLoops(model: PythonModel): WorkerLoop[] {
  const source = model.source;
  // A text scan finds the candidate heads; only those cross into the tree.
  if (!/\bwhile\b|\bfor\b/.test(source)) return [];
  const loops: WorkerLoop[] = [];
  for (const match of source.matchAll(LOOP_HEAD)) {
    const condition = match[2]?.trim().replace(/^\(\s*(.*?)\s*\)$/, '$1');
    const iterable = match[3]?.trim();
    const idle = condition !== undefined && !FOREVER.test(condition) ? IDLE_COUNTER.exec(condition) : null;
    if (condition !== undefined && !FOREVER.test(condition) && !idle) continue;
    if (iterable !== undefined && !STREAM.test(iterable)) continue;
    const at = match.index + match[0].length - match[0].trimStart().length;
    const node = model.tree.rootNode.descendantForIndex(at);
    const statement = node?.parent;
    if (!statement || (statement.type !== 'while_statement' && statement.type !== 'for_statement')) continue;
    // A loop inside a request handler serves that request; a worker runs on its own.
    if (model.enclosingHandler(statement)) continue;
    const body = statement.childForFieldName('body');
    if (!body) continue;
    const text = source.slice(body.startIndex, body.endIndex);
    // `while True:` must wait for work to be a worker (a retry loop or a menu is not); a
    // streaming `for` is one by its iterable.
    if (statement.type === 'while_statement' && !WAITS.test(text)) continue;
    if (idle && !(FETCHES.test(text) && new RegExp(`^[ \\t]*${escapeRegExp(idle[1])}\\s*=\\s*0\\b`, 'm').test(text))) continue;
    // A keep-alive loop that only sleeps (`while True: time.sleep(86400)` after starting a
    // gRPC server or a thread) does no work that could fail.
    if (KEEP_ALIVE.test(text)) continue;
    // A load generator (`while True: event = {"latency": random.gauss(200, 50)}; producer.send("logs", event);
    // time.sleep(1)`) makes up its data and fetches no work: no message it handles can be a bad one.
    if (statement.type === 'while_statement' && !FETCHES.test(text) && GENERATES.test(text) && SENDS_OUT.test(text)) continue;
    if (statement.type === 'while_statement' && (isWaitUntil(text) || isPagingLoop(text) || isRetryUntilDone(source, body))) continue;
    loops.push({ node: statement, kind: statement.type === 'while_statement' ? 'while' : 'for', body });
  }
  return loops;
}

/**
 * `while True: try: db = connect(...); break / except Error: print("waiting..."); sleep(5)`: a
 * start-up wait that retries one step until it succeeds, then leaves the loop. It fetches no work
 * (a reconnecting consumer whose try polls or consumes stays a worker).
 */
function isRetryUntilDone(source: string, body: Node): boolean {
  const statements = body.namedChildren.filter((s) => s !== null && s.type !== 'comment');
  if (statements.length !== 1 || statements[0]?.type !== 'try_statement') return false;
  const attempt = statements[0].childForFieldName('body');
  const steps = attempt?.namedChildren.filter((s) => s !== null && s.type !== 'comment') ?? [];
  const last = steps[steps.length - 1];
  if (!attempt || !last || (last.type !== 'break_statement' && last.type !== 'return_statement')) return false;
  if (FETCHES.test(source.slice(attempt.startIndex, attempt.endIndex))) return false;
  const handlers = statements[0].namedChildren.filter((c) => c?.type === 'except_clause');
  return handlers.length > 0 && handlers.every((h) => h !== null && /\bsleep\s*\(/.test(source.slice(h.startIndex, h.endIndex)));
}

/**
 * `while True: page = fetch(offset); if page.empty: break; offset += limit; time.sleep(1)`: a
 * download that pages through an API and leaves when a page comes back empty. It ends; it does
 * not wait for work, however politely it sleeps between pages.
 */
function isPagingLoop(body: string): boolean {
  return /^[ \t]*(break|return)\b/m.test(body) && /\b(offset|page|skip|start|cursor)\w*\s*\+=/i.test(body);
}

/**
 * `while True: if result.ready(): break; await asyncio.sleep(0.5)`: a short loop that sleeps
 * until something is ready and then leaves. It waits for one thing; it does not serve a stream
 * (whether it needs a deadline is another question).
 */
function isWaitUntil(body: string): boolean {
  const waits = body.match(new RegExp(WAITS.source, 'g')) ?? [];
  if (!waits.every((w) => /sleep/.test(w)) || !/^[ \t]*(break|return)\b/m.test(body)) return false;
  return body.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#')).length <= 5;
}

/** Calls that only show or wait: a loop made of these does no work that can fail. */
const DISPLAY_CALL =
  /^(print|pprint|pprint\.pprint|time\.sleep|sleep|asyncio\.sleep|len|str|repr|format|json\.dumps|logging\.\w+|[\w.]*log(ger)?\.(debug|info|warning|warn|error|exception|critical))$/;

/**
 * A loop that only prints or logs what it receives (a console client tailing a topic): nothing
 * in it can fail but the fetch itself, and its prints are the program's output, not its log.
 */
export function isDisplayLoop(model: PythonModel, loop: WorkerLoop): boolean {
  const { startIndex, endIndex } = loop.body;
  // `message.value["id"]` fails on a message of another shape: that is work to guard.
  if (loop.body.descendantsOfType('subscript').length > 0) return false;
  return model.calls.every((call) => call.node.startIndex < startIndex || call.node.endIndex > endIndex || DISPLAY_CALL.test(call.callee ?? ''));
}

/**
 * A `@task` of Prefect or Airflow, bare (`from prefect import task`, `from airflow.decorators
 * import task`) or through its module (`@prefect.task(retries=3)`, `import prefect as pf`), is a
 * step of a pipeline run, called once per run by its flow or DAG, not a queue task.
 */
function pipelineStep(model: PythonModel, decorators: string): boolean {
  const task = /@\s*(?:([\w.]+)\.)?task\b/.exec(decorators);
  if (!task) return false;
  const origin = task[1] === undefined ? model.imports.get('task') : model.imports.get(task[1].split('.')[0]);
  return /^(prefect|airflow)\b/.test(origin ?? '');
}

/**
 * A Celery app that keeps task outcomes: `Celery(..., backend=...)`, `result_backend = ...`,
 * `CELERY_RESULT_BACKEND`, or results read back with `AsyncResult(task_id)`. A failed task is
 * then stored as FAILURE with its exception and traceback, and whoever holds the task id reads it.
 * Asked of a file that imports Celery (a `backend=` elsewhere is Keras', matplotlib's...).
 */
export const CELERY_RESULT_BACKEND = /\bbackend\s*=|\b(result_backend|CELERY_RESULT_BACKEND)\b|\bAsyncResult\s*\(/;

const CELERY_BACKEND_SETTING = /\bbackend\s*=|\b(result_backend|CELERY_RESULT_BACKEND)\b/;

/**
 * What this module says about where Celery task outcomes go: `backend` when it configures a result
 * backend, `read` when it only reads results back (`AsyncResult(task_id)`: a backend must exist,
 * unless the project's app is made without one), `none` when it makes a Celery app with no backend.
 */
export function celeryResultsOf(model: PythonModel): 'backend' | 'read' | 'none' | undefined {
  if (!model.importsModule('celery')) return undefined;
  const source = model.uncommentedSource;
  if (CELERY_BACKEND_SETTING.test(source)) return 'backend';
  if (/\bCelery\s*\(/.test(source)) return 'none';
  return /\bAsyncResult\s*\(/.test(source) ? 'read' : undefined;
}

/** The Celery tasks of a file (`@app.task`, `@shared_task`; not Dramatiq actors or RabbitMQ callbacks): their 0-based first and last lines. */
/** Time limits set for every task of a Celery app (`app.conf.task_time_limit = ...`, `conf.update(task_time_limit=...)`, a settings module's `CELERY_TASK_TIME_LIMIT`). */
export const CELERY_APP_TIME_LIMIT = /^[^#\n]*(\btask_(soft_)?time_limit\b|\bCELERYD?_TASK_(SOFT_)?TIME_LIMIT\b)/m;

export function celeryTaskLines(model: PythonModel): [number, number][] {
  const ids = queueTasks(model);
  if (ids.size === 0) return [];
  const lines: [number, number][] = [];
  for (const decorated of model.decorated) {
    const fn = decorated.childForFieldName('definition');
    if (!fn || !ids.has(fn.id)) continue;
    const decorators = model.source.slice(decorated.startIndex, fn.startIndex);
    if (/@\s*([\w.]+\.)?(task|shared_task)\b/.test(decorators)) lines.push([decorated.startPosition.row, fn.endPosition.row]);
  }
  return lines;
}

/** Celery, RQ and Dramatiq tasks: `@app.task`, `@celery.task(...)`, `@shared_task`, `@dramatiq.actor`. */
const TASK_HINT = /\b(task|shared_task|actor)\b/;
const TASK_DECORATOR = /@\s*([\w.]+\.)?(task|shared_task|actor)\b/;
const taskCache = new WeakMap<PythonModel, Map<number, string>>();

/**
 * The queue tasks of a file, by function node id -> name. Each run handles one message in a
 * long-lived worker process, so a task is to a worker what a handler is to a web service.
 */
export function queueTasks(model: PythonModel): ReadonlyMap<number, string> {
  let tasks = taskCache.get(model);
  if (tasks) return tasks;
  tasks = new Map<number, string>();
  taskCache.set(model, tasks);
  // Registered elsewhere in the file: asked of the whole file, not of a re-lint's region.
  for (const [id, name] of messageCallbacks(model.whole)) tasks.set(id, name);
  if (!model.linesMatch(TASK_HINT)) return tasks;
  for (const decorated of model.decorated) {
    const fn = decorated.childForFieldName('definition');
    const decorators = fn?.type === 'function_definition' ? model.source.slice(decorated.startIndex, fn.startIndex) : '';
    if (!fn || !TASK_DECORATOR.test(decorators) || pipelineStep(model, decorators)) continue;
    tasks.set(fn.id, fn.childForFieldName('name')?.text ?? '?');
  }
  return tasks;
}

/**
 * RabbitMQ consumer callbacks: `channel.basic_consume(queue="q", on_message_callback=callback)`
 * (pika; `basic_consume(callback, queue=...)` before 1.0) and `await queue.consume(callback)`
 * (aio-pika). The broker calls the function once per message, as Celery calls a task.
 */
const callbackCache = new WeakMap<PythonModel, Map<number, string>>();

export function messageCallbacks(model: PythonModel): ReadonlyMap<number, string> {
  let found = callbackCache.get(model);
  if (!found) callbackCache.set(model, (found = findMessageCallbacks(model)));
  return found;
}

function findMessageCallbacks(model: PythonModel): Map<number, string> {
  const found = new Map<number, string>();
  const registers = /\b(basic_consume|consume)\s*\(/.test(model.source) && (model.importsModule('pika') || model.importsModule('aio_pika'));
  // A callback kept in its own module (`connection.py` registers `callback.on_message`) is known by
  // pika's signature and by acknowledging through the channel it is handed.
  const acknowledges = /\.basic_(ack|nack|reject)\s*\(/.test(model.source);
  if (!registers && !acknowledges) return found;
  // Read from the source, not the call list: a re-lint's view of the model (incremental.ts) holds
  // the edited region's calls only, and the registration usually sits at the end of the file.
  const names = new Set<string>();
  if (registers) {
    const registration = model.importsModule('aio_pika') ? /\.(?:basic_consume|consume)\s*\(([^()]*)\)/g : /\.basic_consume\s*\(([^()]*)\)/g;
    for (const match of model.source.matchAll(registration)) {
      for (const name of callbackNames(match[1])) names.add(name);
    }
  }
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn.childForFieldName('name')?.text;
    if (!name || !(definition.parent?.type === 'module' || isMethod(definition))) continue;
    if (names.has(name) || (acknowledges && pikaCallbackShape(fn))) found.set(fn.id, name);
  }
  return found;
}

/**
 * `def on_message(ch, method, properties, body)` (a method's `self` aside) that acks, nacks or
 * rejects on its channel; the parameters may be annotated (`ch: BlockingChannel, body: bytes`).
 */
function pikaCallbackShape(fn: Node): boolean {
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.text ?? '').split(/[:=]/)[0].trim()).filter((p) => p !== 'self');
  if (params.length !== 4 || !/^(ch|chan|channel)$/.test(params[0]) || !/^method/.test(params[1]) || params[3] !== 'body') return false;
  return new RegExp(`\\b${params[0]}\\.basic_(ack|nack|reject)\\s*\\(`).test(fn.text);
}

/**
 * The callback names in a registration's arguments: `on_message_callback=callback`, a method
 * (`self.on_message`, `Consumer.model_inference`) by its last name, or a positional name.
 */
export function callbackNames(args: string): string[] {
  const named = /\b(?:on_message_callback|callback)\s*=\s*([A-Za-z_][\w.]*)\s*(?:,|$)/.exec(args);
  const candidates = named ? [named[1]] : args.split(',').map((arg) => arg.trim());
  return candidates.filter((arg) => /^[A-Za-z_][\w.]*$/.test(arg)).map((arg) => arg.slice(arg.lastIndexOf('.') + 1));
}

/** A method of a module-level class (a consumer class registering `self.on_message`). */
function isMethod(definition: Node): boolean {
  const cls = definition.parent?.type === 'block' ? definition.parent.parent : undefined;
  return cls?.type === 'class_definition' && cls.parent?.type === 'module';
}

/** Parsing and conversions: a callback made of these and display calls keeps nothing. */
const PARSE_CALL = /^(json\.loads|loads|[\w.]*\.decode|int|float|bool|dict|list)$/;

/**
 * A function that only shows what it receives (`print(" [x] Received %r" % body)`, even
 * `print(model.predict(x))`): every call is a display or a parse, or sits inside one's arguments.
 * Losing one of its messages loses a line of output, not a result.
 */
export function onlyDisplays(model: PythonModel, fn: Node): boolean {
  // From the `def` (callsWithin leaves out a call that starts exactly at its first index).
  const calls = model.callsWithin(fn.startIndex, fn.endIndex);
  const shown = calls.filter((c) => DISPLAY_CALL.test(c.callee ?? ''));
  return calls.every(
    (c) => DISPLAY_CALL.test(c.callee ?? '') || PARSE_CALL.test(c.callee ?? '') || shown.some((d) => d.node.startIndex < c.node.startIndex && c.node.endIndex <= d.node.endIndex),
  );
}

/** A wait on a task's result handle: `.get()` or `.wait()`, on a handle name or on the enqueue call itself. */
export interface ResultWait {
  readonly call: CallInfo;
  /** The called attribute (`task.get`), for the message. */
  readonly fn: Node;
  readonly method: 'get' | 'wait';
}

/**
 * The result-handle waits among the calls in `[start, end)` of `text` (that span's source):
 * `.get()`/`.wait()` on one of `handles` (see `resultHandles`), or directly on a call that
 * `handleCall` matches (`predict.delay(x).get()`). A name the text asks for its state
 * (`ready()`, `.state`) reads a finished result and does not wait.
 */
export function resultWaits(model: PythonModel, text: string, start: number, end: number, handles: ReadonlySet<string>, handleCall: RegExp): ResultWait[] {
  const waits: ResultWait[] = [];
  for (const call of model.callsWithin(start, end)) {
    const fn = call.node.childForFieldName('function');
    if (fn?.type !== 'attribute') continue;
    const method = fn.childForFieldName('attribute')?.text;
    if (method !== 'get' && method !== 'wait') continue;
    const receiver = fn.childForFieldName('object');
    const isHandle = receiver?.type === 'identifier' ? handles.has(receiver.text) : receiver?.type === 'call' && handleCall.test(receiver.text);
    if (!isHandle || (receiver?.type === 'identifier' && pollsHandle(text, receiver.text))) continue;
    waits.push({ call, fn, method });
  }
  return waits;
}

/**
 * Names bound to a result handle in `text`: `task = predict.delay(x)`, `r = AsyncResult(id)`.
 * `enqueue` lists the enqueue methods, as a regular-expression alternation.
 */
export function resultHandles(text: string, enqueue: string): Set<string> {
  const handles = new Set<string>();
  const binding = new RegExp(`^[ \\t]*(\\w+)[ \\t]*=[ \\t]*[^\\n]*?(?:\\.(?:${enqueue})|\\bAsyncResult)\\s*\\(`, 'gm');
  for (const m of text.matchAll(binding)) handles.add(m[1]);
  return handles;
}

/**
 * Loop variables that walk result handles gathered in a container (a fan-out): `results[name] = task`
 * or `tasks.append(task)` for a handle of `handles`, or `tasks = [predict.delay(x) for x in xs]`, then
 * `for t in tasks`, `for v in results.values()`, `for k, v in results.items()`.
 */
export function gatheredHandles(text: string, handles: ReadonlySet<string>, enqueue: string): Set<string> {
  const containers = new Set<string>();
  for (const handle of handles) {
    const h = escapeRegExp(handle);
    for (const m of text.matchAll(new RegExp(`\\b(\\w+)\\[[^\\]\\n]*\\][ \\t]*=[ \\t]*${h}[ \\t]*$|\\b(\\w+)\\.append\\([ \\t]*${h}[ \\t]*\\)`, 'gm')))
      containers.add(m[1] ?? m[2]);
  }
  for (const m of text.matchAll(new RegExp(`^[ \\t]*(\\w+)[ \\t]*=[ \\t]*\\[[^\\n]*?\\.(?:${enqueue})\\s*\\([^\\n]*\\bfor\\b`, 'gm'))) containers.add(m[1]);
  const found = new Set<string>();
  for (const container of containers) {
    const c = escapeRegExp(container);
    for (const m of text.matchAll(new RegExp(`\\bfor[ \\t]+(?:(\\w+)[ \\t]*,[ \\t]*)?(\\w+)[ \\t]+in[ \\t]+${c}(\\.(?:values|items)\\(\\))?[ \\t]*[:\\])]`, 'g'))) {
      const pair = m[1] !== undefined;
      // `for k, v in results.items()`: the value is the handle; an unpacked pair of anything else is not.
      if (pair ? m[3] === '.items()' : m[3] !== '.items()') found.add(m[2]);
    }
  }
  return found;
}

/** The text asks this handle for its state (`ready()`, `successful()`, `.state`): a status check, not a wait. */
export function pollsHandle(text: string, name: string): boolean {
  return new RegExp(`\\b${name}\\.(?:ready|successful|failed)\\(|\\b${name}\\.(?:state|status)\\b`).test(text);
}
