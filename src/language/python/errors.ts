import type { Node } from 'web-tree-sitter';
import { isLlmCall } from './llm-calls';
import type { CallInfo, HandlerInfo, PythonModel } from './model';
import { enclosingFunction, writtenCallee } from './nodes';
import type { Range } from '../types';

/**
 * Error-handling facts the handler and worker rules share: which `try` guards a node, what an
 * except clause catches and does, the app-level error handlers a file registers, and which
 * calls in a handler can fail (a model, a feature helper, a network or database call).
 */

/**
 * The innermost `try` whose body (not its except/else/finally) holds the node, below `stop`.
 * With the file's `source`, a node with no `try` written between `stop` and itself is answered
 * from the text, without the walk up the tree (a WASM call and a node object per step).
 */
export function guardingTry(node: Node, stop: Node | undefined, source?: string): Node | undefined {
  if (source !== undefined && !writtenBetween(source, 'try', stop?.startIndex ?? 0, node.startIndex)) return undefined;
  let child = node;
  for (let n = node.parent; n && n.id !== stop?.id; child = n, n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda') return undefined;
    if (n.type === 'try_statement' && n.childForFieldName('body')?.id === child.id) return n;
  }
  return undefined;
}

/**
 * Is the node inside a lambda that the code around it only builds, not runs? A lambda stored
 * (assigned, a dict value, an operand of `|` in a LangChain pipeline, returned) or handed to a
 * constructor or as a `target=`/`callback=`-style argument runs later, when something else calls
 * it: a failure or a stall there is not the enclosing handler's. A lambda passed to a function
 * that applies it (`map(lambda ...)`, `df.apply(lambda ...)`, `sorted(key=lambda ...)`) runs now.
 * With the file's `source`, a node with no `lambda` written between `stop` and itself is answered
 * from the text.
 */
export function inDeferredLambda(node: Node, stop: Node | undefined, source?: string): boolean {
  if (source !== undefined && !writtenBetween(source, 'lambda', stop?.startIndex ?? 0, node.startIndex)) return false;
  for (let n = node.parent; n && n.id !== stop?.id; n = n.parent) {
    if (n.type === 'function_definition') return false;
    if (n.type !== 'lambda') continue;
    let holder = n.parent;
    while (holder?.type === 'parenthesized_expression') holder = holder.parent;
    if (holder?.type === 'keyword_argument') return DEFERRED_KEYWORD.test(holder.childForFieldName('name')?.text ?? '');
    if (holder?.type !== 'argument_list') return true;
    const callee = holder.parent?.childForFieldName('function');
    const name = callee?.type === 'attribute' ? (callee.childForFieldName('attribute')?.text ?? '') : (callee?.text ?? '');
    return /^_?[A-Z]/.test(name) || DEFERRING_CALL.test(name);
  }
  return false;
}

/** Keyword arguments that hand a callable over for later. */
const DEFERRED_KEYWORD = /^(target|callback|fn|func|function|handler|on_\w+|default_factory|command)$/;
/** Calls that keep a callable for later (a thread, a scheduled job, a registered callback). */
const DEFERRING_CALL = /^(add_task|add_job|submit|schedule|call_later|call_soon|add_done_callback|register|connect|on|bind|partial)$/;

/**
 * Does the keyword `word` occur in `source` at or after `from` and before `before`, as a word of
 * its own (no letter, digit or `_` on either side)? A statement that holds a node starts before
 * it with its keyword: where the keyword is nowhere in between, no such statement does. The
 * test is on the text, so a keyword in a string or a comment only costs the walk.
 */
export function writtenBetween(source: string, word: string, from: number, before: number): boolean {
  if (before <= from) return false;
  const starts = startsOf(source, word);
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] < from) low = middle + 1;
    else high = middle;
  }
  return low < starts.length && starts[low] < before;
}

const NAME_CHAR = /^[A-Za-z0-9_]$/;

/**
 * Where each word asked of `writtenBetween` starts in the last source asked about. It is asked
 * once per call of a file, and a search of the text (`lastIndexOf` back from the call) ran on to
 * the file's start whenever the word was not there: a scan of the file per call.
 */
let indexed: { readonly source: string; readonly starts: Map<string, number[]> } | undefined;

function startsOf(source: string, word: string): number[] {
  if (indexed?.source !== source) indexed = { source, starts: new Map() };
  let starts = indexed.starts.get(word);
  if (!starts) {
    starts = [];
    for (let i = source.indexOf(word); i >= 0; i = source.indexOf(word, i + 1)) {
      // `format`, `before`, `registry`, `entry`: a longer name that holds the keyword is not it.
      if (!NAME_CHAR.test(source.charAt(i - 1)) && !NAME_CHAR.test(source.charAt(i + word.length))) starts.push(i);
    }
    indexed.starts.set(word, starts);
  }
  return starts;
}

/** The except clauses of a try statement (`except ...:` and `except* ...:`), in order. */
export function exceptClauses(tryNode: Node): Node[] {
  return tryNode.namedChildren.filter((clause): clause is Node => clause?.type === 'except_clause' || clause?.type === 'except_group_clause');
}

/** The except clauses' headers of a try statement (`except (ValueError, KeyError) as e:`). */
export function exceptHeaders(source: string, tryNode: Node): string[] {
  return exceptClauses(tryNode).map((clause) => /^except\b[^:\n]*/.exec(source.slice(clause.startIndex, clause.startIndex + 200))?.[0] ?? 'except');
}

const BROAD = /^except\s*\*?\s*($|\(?\s*(builtins\.)?(Exception|BaseException)\b|.*[(,]\s*(Exception|BaseException)\s*[,)])/;

/** `except:`, `except Exception`, `except (ValueError, Exception)`. */
export function catchesEverything(header: string): boolean {
  return BROAD.test(header.replace(/\s+as\s+\w+\s*$/, '').trim());
}

/** The except clause whose body holds the node (below `stop`), if any. */
export function enclosingExcept(node: Node, stop?: Node): Node | undefined {
  for (let n = node.parent; n && n.id !== stop?.id; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return undefined;
    if (n.type === 'except_clause') return n;
  }
  return undefined;
}

/**
 * Does `node` start inside some except clause of the file (the model's collected list, by index)?
 * When not, \`enclosingExcept\` finds none either, and the walk up the tree out of WASM is spared:
 * most calls of a file lie in no except clause.
 */
export function inAnyExcept(model: PythonModel, node: Node): boolean {
  const start = node.startIndex;
  return model.excepts.some((clause) => clause.startIndex <= start && start < clause.endIndex);
}

/** The name an except clause binds (`as e`). */
export function exceptName(source: string, clause: Node): string | undefined {
  return /^except\b[^:\n]*?\bas\s+(\w+)\s*:/.exec(source.slice(clause.startIndex, clause.startIndex + 200))?.[1];
}

/**
 * How an except clause ends the error: `reraise` (a bare `raise`, `raise e`, or a new exception
 * chained with `from`, so the traceback travels on), `http` (an HTTP error response raised or
 * returned: the traceback stops here), or `swallow` (neither).
 */
export function exceptOutcome(source: string, clause: Node): 'reraise' | 'http' | 'swallow' {
  const text = source.slice(clause.startIndex, clause.endIndex);
  const name = exceptName(source, clause);
  const body = text.replace(/^[^\n]*\n?/, '');
  if (/^\s*raise\s*$/m.test(body) || (name && new RegExp(`^\\s*raise\\s+${name}\\s*$`, 'm').test(body))) return 'reraise';
  const raised = /^\s*raise\s+([\w.]+)[^\n]*/m.exec(body);
  if (raised && !HTTP_ERROR.test(raised[1]) && /\bfrom\s+\w+\s*$/.test(raised[0])) return 'reraise';
  if (raised || /\babort\s*\(|\bstatus(_code)?\s*=|,\s*[45]\d\d\s*\)?\s*$/m.test(body)) return 'http';
  return 'swallow';
}

/**
 * Does a try statement only pass its failures on? Every except clause ends by raising again,
 * bare, the caught name, or another exception that is not an HTTP response (the course
 * template's `except Exception as e: raise CustomException(e, sys)`): whoever called the
 * function still receives an exception, so the try handles nothing for its callers. The name of
 * what is raised (`CustomException`, or the caught name), or undefined when some clause handles
 * the error (returns, answers an HTTP error, falls back) or there is no except clause.
 */
export function passesFailureOn(tryNode: Node): string | undefined {
  let raised: string | undefined;
  for (const clause of exceptClauses(tryNode)) {
    const block = clause.namedChildren.find((c) => c?.type === 'block');
    const statements = (block?.namedChildren ?? []).filter((c) => c && c.type !== 'comment');
    const last = statements[statements.length - 1];
    if (last?.type !== 'raise_statement') return undefined;
    const name = /^raise\s+([\w.]+)/.exec(last.text)?.[1] ?? 'raise';
    if (HTTP_ERROR.test(name)) return undefined;
    raised ??= name;
  }
  return raised;
}

/** Exceptions that are HTTP responses: raising one answers the client, and nobody logs it. */
export const HTTP_ERROR =
  /(^|\.)(HTTP\w*|Http\w*|abort|NotFound|BadRequest\w*|Unauthorized|Forbidden|InternalServerError|ServiceUnavailable|UnprocessableEntity|RpcError|APIException|ValidationError|PermissionDenied|SuspiciousOperation|ParseError|BadInput|InvalidArgument|NotAuthenticated|MethodNotAllowed|Conflict|TooManyRequests|RequestValidationError)$/;

/** Exception types registered as app-level handlers in this file, by a text scan. */
export function appErrorHandlers(model: PythonModel): readonly string[] {
  let found = handlerCache.get(model);
  // The hint words through `linesMatch` (a re-lint tests the edited statements' lines only); most files have none.
  if (!found) handlerCache.set(model, (found = model.linesMatch(APP_HANDLER_HINT) ? scanAppHandlers(model.source) : []));
  return found;
}

/** A word each registration and middleware match holds, within one line (`scanAppHandlers` gates on the same). */
const APP_HANDLER_HINT = /errorhandler|exception_handler|error_handler|process_exception|handle_exception|handle_error|middleware/;

const handlerCache = new WeakMap<PythonModel, string[]>();
const REGISTRATIONS =
  /@\s*[\w.]+\.(?:errorhandler|exception_handler)\(\s*([\w.]+)|\.(?:add_exception_handler|register_error_handler)\(\s*([\w.]+)|\bdef\s+(process_exception|handle_exception|handle_error)\s*\(/g;
/** A middleware that catches everything around `call_next` handles every route's errors. */
const MIDDLEWARE = /@\s*[\w.]+\.middleware\(\s*['"]http['"]\s*\)[\s\S]*?\bdef\s+\w+[^\n]*\n((?:[ \t]+[^\n]*\n|[ \t]*\n)*)/g;

function scanAppHandlers(source: string): string[] {
  const found: string[] = [];
  if (!/errorhandler|exception_handler|error_handler|process_exception|handle_exception|handle_error|middleware/.test(source)) return found;
  for (const m of source.matchAll(REGISTRATIONS)) found.push(m[3] ? 'Exception' : (m[1] ?? m[2]));
  if (source.includes('middleware')) {
    for (const m of source.matchAll(MIDDLEWARE)) {
      const body = m[1];
      if (/call_next/.test(body) && /^\s*except\s*(\(?\s*(Exception|BaseException)\b[^:]*)?:/m.test(body)) found.push('Exception');
    }
  }
  return found;
}

/** Does this file register a handler that turns any unhandled error into a response? */
export function hasCatchAllHandler(model: PythonModel): boolean {
  return appErrorHandlers(model).some((type) => /^(\w+\.)*(Exception|BaseException|InternalServerError|HTTPException)$|^500$|INTERNAL_SERVER_ERROR$/.test(type));
}

/** Calls that run the model or a feature step. */
const INFERENCE_METHOD =
  /\.(predict|predict_proba|predict_log_proba|decision_function|generate|infer|inference|forward|classify|transcribe|embed|embed_query|embed_documents|invoke|ainvoke|kneighbors)$/;
/** Methods that are inference only on a model-like receiver (`session.run`, `model.score`, `tokenizer.encode`). */
const RECEIVER_METHOD =
  /\.(run|arun|acall|apredict|transform|score|encode|encode_plus|batch_encode_plus|__call__|detect|recognize|segment|summarize|translate|answer|process|analy[sz]e)$/;
const MODEL_NAME =
  /(^|_)(model|models|clf|classifier|regressor|estimator|predictor|pipe|pipeline|pipelines|tokenizer|session|sess|net|llm|encoder|decoder|embedder|detector|recognizer|scorer|booster|learner|nlp|chain|agent|generator|ranker|recommender|vectorizer|scaler|preprocessor|transformer)s?$/i;
/**
 * An LLM application's own service objects (`rag.chat(q)`, `bot.ask(q)`, `retriever.retrieve(q)`,
 * `query_engine.query(q)`): each call runs retrieval and a model provider's API, and fails when
 * either does. Judged by receiver and method together, so `session.query(...)` is not one.
 */
const ASSISTANT_NAME = /(^|_)(rag|qa|bot|chatbot|assistant|retriever|vectorstore|vector_store|vectordb|query_engine|chat_engine|chain|agent|llm)s?$/i;
const ASSISTANT_METHOD = /^(chat|achat|ask|query|aquery|respond|reply|complete|answer|similarity_search\w*|get_relevant_documents|retrieve|stream)$/;
/** Helper functions named for what they do to a request: `predict_sentiment`, `prepare_features`. */
const STEP_HELPER = /(predict|infer|inference|classify|recommend|forecast|transcribe|summari[sz]e|translate|preprocess|featur|embed|detect|run_model|score_)/i;
/** Network, model-provider and database calls. */
const IO_CALL =
  /^(requests|httpx|urllib\.request|aiohttp)(\.\w+)*\.(get|post|put|patch|delete|head|request|urlopen|send|stream)$|^(openai|anthropic|cohere|groq|mistralai|google\.generativeai|ollama|litellm|replicate)\.|\.(chat\.completions|completions|messages|embeddings|responses)\.create$|^(openai|anthropic)\.\w+\.\w+\.create$|\.(ChatCompletion|Completion|Embedding)\.create$|\.(invoke_endpoint|get_object|put_object|upload_file|download_file|upload_fileobj|download_fileobj)$|\.(execute|executemany|commit|find_one|insert_one|insert_many|update_one|delete_one|bulk_write)$|\.objects\.(get|create|filter)$/;
/**
 * I/O recognised by how the call is written, when its receiver comes from another module and
 * cannot be resolved: Redis commands that only Redis has (`xadd`, `hgetall`) or any command on a
 * receiver named for Redis, DynamoDB items.
 */
const WRITTEN_IO =
  /\.(xadd|xread|xreadgroup|xack|hgetall|hget|hset|hmset|hdel|lpush|rpush|blpop|brpop|lrange|setex|zadd|zrange)$|redis\w*\.(get|set|exists|delete|incr|expire|mget|publish)$|\.(get_item|put_item|update_item|delete_item|batch_get_item|batch_write_item)$/i;
/** Enqueuing a task: `app.send_task(...)`, `task.delay(...)`, `task.apply_async(...)`. */
const ENQUEUE = /\.(send_task|apply_async|delay)$/;
/** A wait for the task's result: `.get()`, `.get(timeout=5)`, `.wait()` (not `dict.get("key")`). */
const RESULT_WAIT = /\.(get|wait)\(\s*((timeout|propagate|interval)\s*=[^)]*)?\)/;
const NOT_RISKY = /^(prometheus_client|logging|time|datetime|uuid|json\.dumps|math|typing)\b|\.(generate_latest|labels|inc|observe|set|info|debug|warning|error|exception)$/;

/** A database call (`commit`, `execute`, `find_one` ...) and the name it is called on. */
const DB_METHOD = /^(\w+)\.(execute|executemany|commit|find_one|insert_one|insert_many|update_one|delete_one|bulk_write)$/;

/**
 * A database call on a session the framework injects into the handler
 * (`session: AsyncSession = Depends(get_async_session)`): the dependency opens the session, rolls it
 * back and closes it, and a database error ends as a 500 whose traceback the server logs. Reviewers
 * writing blind did not ask for a try around plain CRUD of this kind (dev: 0 of 6 such handlers);
 * a model or LLM call beside it (or in a helper it calls) is still the handler's risk, and a session
 * the handler opens itself is still judged.
 */
export function onInjectedSession(written: string, handler: Node): boolean {
  const receiver = DB_METHOD.exec(written)?.[1];
  if (!receiver) return false;
  const fn = handler.type === 'decorated_definition' ? handler.childForFieldName('definition') : handler;
  for (const parameter of fn?.childForFieldName('parameters')?.namedChildren ?? []) {
    if (parameter?.type !== 'typed_default_parameter' && parameter?.type !== 'default_parameter') continue;
    if (parameter.childForFieldName('name')?.text !== receiver) continue;
    const value = parameter.childForFieldName('value');
    return value?.type === 'call' && /^(fastapi\.)?Depends$/.test(value.childForFieldName('function')?.text ?? '');
  }
  return false;
}

export interface RiskyCall {
  readonly call: CallInfo;
  /** What to name in the message: `model.predict`, `predict_sentiment`, `openai.Completion.create`. */
  readonly name: string;
}

/** Does this call run a model, a feature step, or network/database I/O? */
export function riskyCall(model: PythonModel, call: CallInfo): RiskyCall | undefined {
  const callee = call.callee;
  if (!callee) return subscriptedModel(model, call);
  if (NOT_RISKY.test(callee)) return undefined;
  const written = writtenCallee(model, call);
  if (IO_CALL.test(callee) || INFERENCE_METHOD.test(callee) || WRITTEN_IO.test(written)) return { call, name: written };
  // Enqueuing alone fails only when the broker is down; waiting for the result also raises
  // whatever the task raised, and that is the failure a handler has to map to a response.
  if (ENQUEUE.test(written) && call.inFunction && RESULT_WAIT.test(model.source.slice(call.node.endIndex, call.inFunction.endIndex))) return { call, name: written };
  const dot = written.lastIndexOf('.');
  const receiver = dot === -1 ? '' : written.slice(0, dot).split('.').pop()!;
  const last = dot === -1 ? written : written.slice(dot + 1);
  if (RECEIVER_METHOD.test(callee) && MODEL_NAME.test(receiver.replace(/^self$/, ''))) return { call, name: written };
  if (ASSISTANT_METHOD.test(last) && ASSISTANT_NAME.test(receiver)) return { call, name: written };
  // A language-model call as the prompt rules read it (`rag_bot.run(q)`, `writer(prompt)` on an OpenAI LLM object).
  if (isLlmCall(model, call)) return { call, name: written };
  // `model(x)`, `tokenizer(text)`, `classifier(text)`: calling a model object.
  if (callee.endsWith('.__call__') && MODEL_NAME.test(receiver || written)) return { call, name: written };
  if (dot === -1 && MODEL_NAME.test(written) && isObjectName(model, written)) return { call, name: written };
  // A model kept on the app's state or the instance and called: `app.state.model(text)`, `self.classifier(x)`.
  if ((receiver === 'state' || written === `self.${last}`) && MODEL_NAME.test(last)) return { call, name: written };
  // Classes (`PredictionResponse(...)`) build values; lower-case helpers do the work. Metrics
  // bookkeeping named after what it measures (`track_prediction_time`, `record_prediction`) is not.
  if (/^[a-z_]/.test(last) && STEP_HELPER.test(last) && !/^_?(get|set|is|has|track|record|observe|measure|time|count|increment)_/.test(last)) return { call, name: written };
  return undefined;
}

/**
 * A model looked up in a mapping and called there: `current_app.config["CNN"].predict(text)`,
 * `models[name].predict(x)`, `encoders["job"].transform(v)`. The callee has no dotted name, so
 * it is read from the tree: an inference method on any subscript, and a method that is inference
 * only on a model (`transform`, `encode`, `run`) when the mapping is named like models.
 */
function subscriptedModel(model: PythonModel, call: CallInfo): RiskyCall | undefined {
  const start = call.node.startIndex;
  const written = SUBSCRIPTED.exec(model.source.slice(start, start + 120));
  if (!written) return undefined;
  const mapping = written[1].split('.').pop()!;
  const method = `.${written[2]}`;
  if (!INFERENCE_METHOD.test(method) && !(RECEIVER_METHOD.test(method) && MODEL_NAME.test(mapping))) return undefined;
  return { call, name: written[0].replace(/\s*\($/, '') };
}

/** `name.attr["key"].method(`, read from the source (no tree walk: most calls without a dotted callee are chains). */
const SUBSCRIPTED = /^([A-Za-z_][\w.]*)\[[^[\]\n]{1,40}\]\.(\w+)\s*\(/;

/**
 * A bare name called like a function is a model object (`classifier(text)`) unless it is a
 * function: defined in this file, imported under a verb-like name, or named like an action
 * (`require_model()`, `load_model()`).
 */
function isObjectName(model: PythonModel, name: string): boolean {
  if (/^_?(get|load|require|build|create|make|init|install|set|check|ensure|fetch|download|train|save|register|update|reload)_/i.test(name)) return false;
  if (model.imports.has(name)) return OBJECT_IMPORT.test(name);
  return !definedFunctions(model).has(name);
}

const OBJECT_IMPORT = /^(model|clf|classifier|pipe|pipeline|tokenizer|nlp|llm|net|predictor|detector|embedder|encoder)$/;
const definedCache = new WeakMap<PythonModel, Set<string>>();

function definedFunctions(model: PythonModel): Set<string> {
  let names = definedCache.get(model);
  if (!names) {
    names = new Set();
    for (const m of model.source.matchAll(/^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/gm)) names.add(m[1]);
    definedCache.set(model, names);
  }
  return names;
}

/** Calls inside the handler's own body (nested helpers included), in document order. */
export function handlerCalls(model: PythonModel, handler: HandlerInfo): CallInfo[] {
  const start = handler.node.startIndex;
  const end = model.handlerEnd(handler);
  return model.callsWithin(start, end);
}

/**
 * A statement that does nothing with the error. `print(...)` is among them (issue 9: printing
 * is not logging): the message goes to stdout with no traceback, level or context, and the
 * caller carries on as if nothing happened. A print to `file=sys.stderr` is a command-line
 * tool talking to its user, and is left alone.
 */
const SILENT_STATEMENT =
  /^(pass|continue|break|\.\.\.|print\((?!.*\bfile\s*=).*\)|return(\s+(None|True|False|-?\d+(\.\d+)?|""|''|\[\]|\{\}|\(\)|"[^"]*"|'[^']*'))?|"[^"]*"|'[^']*')$/;

/**
 * Is the clause a catch-all whose body only prints or passes (`except Exception as e: print(e)`)?
 * swallowed-exception reports that clause; the logging rules leave its print to that one lesson.
 */
export function silentCatchAll(source: string, clause: Node): boolean {
  const text = source.slice(clause.startIndex, clause.endIndex);
  const header = /^except\b[^:\n]*:/.exec(text);
  return header !== null && catchesEverything(header[0].slice(0, -1)) && isSilent(text.slice(header[0].length));
}

/** Every statement of the body is `pass`/`continue`/`break`/`...`/`return` of nothing or a constant. */
export function isSilent(body: string): boolean {
  const statements = body
    .split(/[\n;]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  return statements.length > 0 && statements.every((statement) => SILENT_STATEMENT.test(statement));
}

/**
 * Outside a request handler (a queue task, a service method), printing or nothing and then
 * `return {"error": str(e)}` hands the failure text back as an ordinary value: the task is recorded
 * as a success, nothing is logged with a traceback and nothing retries. A handler's error
 * response is the status rules' question instead.
 */
export function returnsErrorValue(body: string): boolean {
  const statements = body
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  const last = statements.pop();
  if (!last || !/^return\s*[{([]/.test(last) || !/\b(str|repr)\(\s*\w+\s*\)/.test(last)) return false;
  return statements.every((statement) => SILENT_STATEMENT.test(statement));
}

/** `x = None`, `self.model = None`, `rows = []`, `label = "unknown"`, `result = default`: a stand-in value. */
const FALLBACK_ASSIGN = /^[\w.]+(\s*:\s*[\w[\], .|]+)?\s*=\s*(None|True|False|-?\d+(\.\d+)?|""|''|\[\]|\{\}|\(\)|"[^"]*"|'[^']*'|[A-Za-z_][\w.]*)$/;
/** `return {"error": ...}`: an error value handed back is failure-returned-as-result's lesson. */
const ERROR_VALUE = /['"](error|errors|err|exception)['"]\s*:|\berror\s*=|['"]status['"]\s*:\s*['"](error|failed|failure)['"]/;
/** Anything that records the failure, lets it travel on, or retries it; `print` is not among them. */
const RECORDS = /\b\w*(log|logger|logging|traceback|sentry|capture_exception|capture_message|warn|report|notify|alert|retry)\w*\s*[.(]|\braise\b|\b(sys\.)?exit\s*\(/i;

/**
 * A catch that carries on with a stand-in instead of the result (issue 9's `except Exception:
 * return <fallback>`): every statement does nothing, prints or assigns a stand-in value, except
 * the last, which may return any value — and nothing is logged, re-raised or retried. The
 * bound exception's name (`error = e`, `return {"error": str(e)}`) is failure-returned-as-result's
 * value lesson, not a silent fallback.
 */
export function fallsBack(body: string, bound: string | undefined): boolean {
  const statements = body
    .split(/[\n;]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  if (statements.length === 0 || RECORDS.test(body)) return false;
  if (bound !== undefined && new RegExp(`\\b${bound}\\b`).test(statements.filter((s) => !s.startsWith('print(')).join('\n'))) return false;
  const last = statements[statements.length - 1];
  if (ERROR_VALUE.test(last)) return false;
  const init = /^return\b/.test(last) && !/^return\s*\(?\s*(False|None)\s*,/.test(last) ? statements.slice(0, -1) : statements;
  // A multi-line value or call split over lines cannot be read line by line: leave it.
  if (/[([{,\\]$/.test(last)) return false;
  return init.every((s) => SILENT_STATEMENT.test(s) || FALLBACK_ASSIGN.test(s));
}

/**
 * Failures of a connection, a database, a network call or the file system, by the caught type's
 * name: `psycopg2.Error`, `requests.RequestException`, `redis.ConnectionError`, `ClientError`.
 * Parse and lookup errors (`KeyError`, `ValueError`, `binascii.Error`) are not among them: a
 * default for a malformed value is an ordinary contract.
 */
const IO_FAILURE =
  /^(?:[\w.]+\.)?(?:OperationalError|DatabaseError|InterfaceError|ConnectionError|ConnectionRefusedError|ConnectTimeout|ReadTimeout|Timeout|TimeoutError|RequestException|HTTPError|ClientError|BotoCoreError|NoCredentialsError|RedisError|PyMongoError|ServerSelectionTimeoutError|KafkaError|KafkaException|SQLAlchemyError|RpcError|URLError|APIError|APIConnectionError|OpenAIError)$|^(?!(?:binascii|struct|re|csv|locale|zlib|gzip|zipfile|tarfile|shlex|configparser|ast|json|yaml|toml|tomllib)\.)[\w.]+\.(?:Error|DatabaseError)$/;

/** The caught types of an except header (`except (psycopg2.Error, KeyError) as e`). */
export function caughtTypes(header: string): string[] {
  const list = header.replace(/^except\s*\*?\s*|\s+as\s+\w+\s*$/g, '').replace(/[()]/g, '');
  return list
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Does the header catch an I/O failure (a connection, a database, a network call)? */
export function catchesIoFailure(header: string): boolean {
  return caughtTypes(header).some((type) => IO_FAILURE.test(type));
}

/** A docstring that promises the stand-in (`Returns None if the file cannot be read`). */
const PROMISED =
  /\b(on|upon) (any )?(error|failure)|\bif (it|this|that|the \w+) (fails|cannot|can't)|\bor None\b|\botherwise (None|False|the default|an empty)|\bfalls? ?back\b|\b(returns?|defaults? to) (None|an empty|the default)\b/i;

export function documentedFallback(clause: Node): boolean {
  const fn = enclosingFunction(clause);
  const first = fn?.childForFieldName('body')?.namedChild(0);
  const doc = first?.type === 'expression_statement' && first.namedChild(0)?.type === 'string' ? first.text : '';
  return PROMISED.test(doc);
}

/** The statements of a block, comments left out. */
function statementsOf(block: Node | null | undefined): Node[] {
  return block?.namedChildren.filter((s): s is Node => s !== null && s.type !== 'comment') ?? [];
}

/** A call that only asks whether a dependency answers: a ping, a health or status call, `SELECT 1`. */
const PROBE = /\.(ping|health\w*|is_alive|heartbeat|server_info|head_bucket|get_collections|list_collections|command\(\s*['"]ping)\b|['"]SELECT 1['"]/i;

/**
 * A probe whose failure is its answer: `ok = False / try: db.ping(); ok = True / except Exception: pass`,
 * or `try: client.ping(); return True / except Exception: return False`. The caught exception is what
 * the flag or the `False` reports (a health check's "redis: down"), so nothing is swallowed. Only a
 * literal flag counts: `result = model.predict(x)` in the try is a result the failure leaves unset.
 */
export function probeOutcome(clause: Node): boolean {
  const statement = clause.parent;
  if (statement?.type !== 'try_statement') return false;
  const body = statementsOf(statement.childForFieldName('body'));
  // Only a connectivity probe: a delete or an upload that answers False has hidden its cause.
  if (body.length > 3 || !body.some((s) => PROBE.test(s.text))) return false;
  const last = body.pop();
  const handled = statementsOf(clause.namedChildren.find((c) => c?.type === 'block'));
  if (last?.type === 'return_statement') {
    return /^return\s+True$/.test(last.text) && /^return\s+(False|None)$/.test(handled.pop()?.text ?? '');
  }
  const flag = /^([A-Za-z_][\w.]*)\s*=\s*(True|"[^"\n]*"|'[^'\n]*')$/.exec(last?.text ?? '')?.[1];
  if (!flag || handled.some((s) => s.text.startsWith(`${flag} =`) || s.type === 'return_statement')) return false;
  // The flag is set to its failure value before the try, in its block or an enclosing one
  // (`ok = False` / `if client:` / `try: ...`), within the same function.
  for (let node: Node | null = statement; node && node.type !== 'function_definition' && node.type !== 'module'; node = node.parent) {
    for (let before = node.previousNamedSibling; before; before = before.previousNamedSibling) {
      if (before.type === 'expression_statement' && before.text.startsWith(`${flag} =`)) return true;
    }
  }
  return false;
}

/**
 * A statement that only reads and decodes the request's own body: `payload = await request.json()`,
 * `data = request.get_json()`, `body = json.loads(request.body)`, `form = await request.form()`.
 */
const REQUEST_PARSE =
  /^(?:[A-Za-z_]\w*(?:\s*:\s*[^=\n]+)?\s*=\s*)?(?:await\s+)?(?:json\.loads\(\s*(?:await\s+)?)?request\.(?:json|get_json|form|body|data|get_data)(?:\([^()]*\))?(?:\.decode\([^()]*\))?\s*\)?$/;

/**
 * Does the except clause guard nothing but the decoding of the request's body? Then a 400 for
 * every exception is the right answer (the body is the client's) and the decoder's message, about
 * the client's own bytes, reveals nothing of the server.
 */
export function guardsOnlyRequestParsing(clause: Node): boolean {
  const tryNode = clause.parent;
  if (tryNode?.type !== 'try_statement') return false;
  const statements = tryNode.childForFieldName('body')?.namedChildren.filter((s) => s !== null && s.type !== 'comment') ?? [];
  return statements.length > 0 && statements.every((s) => s!.type === 'expression_statement' && REQUEST_PARSE.test(s!.text.trim()));
}

/** `@app.errorhandler(Exception)` / `@bp.app_errorhandler(Exception)` on a def, or `app.register_error_handler(Exception, fn)`. */
const FLASK_CATCH_ALL =
  /@[ \t]*[\w.]+\.(?:app_)?errorhandler\([ \t]*(?:Exception|BaseException)[ \t]*\)[^\n]*\n(?:[ \t]*@[^\n]*\n)*[ \t]*def[ \t]+(\w+)|\.register_error_handler\([ \t]*(?:Exception|BaseException)[ \t]*,[ \t]*(\w+)[ \t]*\)/g;

/**
 * Flask handlers registered for every exception in this file: the function's name and body, and
 * the registration (the decorator line or the `register_error_handler` call) as the place to report.
 */
export function flaskCatchAllHandlers(model: PythonModel): { name: string; body: Node; range: Range }[] {
  const source = model.source;
  if (!source.includes('errorhandler') && !source.includes('register_error_handler')) return [];
  const found: { name: string; body: Node; range: Range }[] = [];
  for (const m of source.matchAll(FLASK_CATCH_ALL)) {
    const name = m[1] ?? m[2];
    const body = model.functions.find((f) => f.childForFieldName('name')?.text === name)?.childForFieldName('body');
    if (!body) continue;
    const at = m.index + m[0].indexOf(m[1] ? '@' : '.register_error_handler');
    const end = source.indexOf(m[1] ? '\n' : ')', at);
    found.push({ name, body, range: model.rangeOf(at, end === -1 ? at + m[0].length : end + (m[1] ? 0 : 1)) });
  }
  return found;
}

/** What the Flask catch-all checks read across statements, as text: a `statementFact` part. */
export function flaskCatchAllFact(model: PythonModel): string {
  return flaskCatchAllHandlers(model)
    .map((h) => `${h.name}:${h.body.text}`)
    .join('\u0001');
}
