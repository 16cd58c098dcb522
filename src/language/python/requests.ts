import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import type { CallInfo, HandlerInfo, PythonModel } from './model';

/**
 * Facts about request data inside handlers: where a handler reads the raw body, and whether
 * the file validates payloads at all. Computed lazily, at most once per model, and only over
 * handler bodies, so files without handlers pay nothing.
 */

export interface RequestRead {
  readonly range: Range;
  /** What was read, e.g. `request.json`, `request.get_json()`, `await request.json()`. */
  readonly source: string;
  /** `body` for payload reads (json/form/data), `file` for uploads and raw streams. */
  readonly kind: 'body' | 'file';
}

const FLASK_BODY = new Set(['json', 'get_json', 'form', 'data', 'get_data', 'values']);
const FLASK_FILE = new Set(['files', 'stream']);
/** Starlette/FastAPI `Request` and Django `HttpRequest` members that hold the raw body. */
const RAW_BODY = new Set(['json', 'body', 'form', 'POST', 'data']);
const RAW_FILE = new Set(['FILES', 'stream']);
/**
 * aiohttp (`await request.json()`, `.post()`, `.text()`, `.read()`, `.content`), Sanic (`request.json`,
 * `.form`, `.body`) and Falcon (`req.media`, `req.get_media()`, `req.stream.read()`): the body, however
 * it is read; uploads are `files` and `multipart()`.
 */
const MICRO_BODY = new Set(['json', 'body', 'form', 'data', 'text', 'read', 'post', 'media', 'get_media', 'stream', 'bounded_stream', 'content']);
const MICRO_FILE = new Set(['files', 'multipart']);
const MICRO_FRAMEWORKS = new Set(['aiohttp', 'sanic', 'falcon']);
/** Tornado keeps the request on the handler: `self.request.body`, `self.get_argument('x')`. */
const TORNADO_READ = /\bself[ \t]*\.[ \t]*(?:request[ \t]*\.[ \t]*(body|body_arguments|arguments|files)\b|(get_(?:body_)?arguments?)[ \t]*\()/g;

/** Method names that validate a payload in the libraries above. */
const VALIDATING_METHODS = /\.(model_validate|model_validate_json|parse_obj|parse_raw|validate_python|validate_json|is_valid|structure|validate|validate_on_submit)$/;
/** A function (not a method) whose name says it validates: `validate_inputs`, `validation.validate_request`. */
const VALIDATOR_FUNCTION = /^(?:[a-z_]\w*\.)*validate_(?:inputs?|request|payload|data|body|json|features|schema)\w*$/;
/**
 * The handler goes on with what the validator returned, not the raw body it was given: after the
 * call, the body's name appears only in log lines (`make_prediction(input_data=json_data)` after
 * `validate_inputs(input_json=json_data)` throws the validation away).
 */
function validatedValueUsed(model: PythonModel, call: CallInfo): boolean {
  const handler = model.enclosingHandler(call.node);
  if (!handler) return false;
  const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
  const first = args[0]?.type === 'keyword_argument' ? args[0].childForFieldName('value') : args[0];
  if (first?.type !== 'identifier') return false;
  const after = model.source.slice(call.node.endIndex, model.handlerEnd(handler));
  const uses = after.split('\n').filter((line) => !/\b(log\w*|logger|_logger|print)\b/.test(line));
  return !uses.some((line) => new RegExp(`\\b${first.text}\\b`).test(line));
}
const definedHere = (model: PythonModel, callee: string): boolean => new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${callee.split('.').pop()}\\b`, 'm').test(model.source);
const VALIDATING_DECORATORS_ALL = /\b(validate|use_args|use_kwargs|arguments|expect|input)\s*\(/g;
/** `expect(model, validate=True)`, its arguments possibly over several lines. */
const RESTX_EXPECT_VALIDATES = /^expect\s*\((?:[^()]|\([^()]*\))*\bvalidate\s*=\s*True/;

const reads = new WeakMap<PythonModel, Map<number, RequestRead[]>>();
const validated = new WeakMap<PythonModel, boolean>();

/** Raw request-data reads inside one handler (nested helpers included). */
export function requestReads(model: PythonModel, handler: HandlerInfo): readonly RequestRead[] {
  let cache = reads.get(model);
  if (!cache) reads.set(model, (cache = new Map()));
  let found = cache.get(handler.node.id);
  if (!found) cache.set(handler.node.id, (found = collectReads(model, handler)));
  return found;
}

const PARSED_REQUEST = /\b((?:\w*Parser\(\s*\)|json)\.(?:parse|load))\(\s*([A-Za-z_]\w*)\s*[,)]/g;

/** What follows `flask.request` (sticky, read in place): `.files`, `.get_json(`. */
const FLASK_QUALIFIED_TAIL = /[ \t]*\.[ \t]*([A-Za-z_]\w*)\b([ \t]*\()?/y;

const MEMBER_ACCESS = /\b([A-Za-z_]\w*)[ \t]*\.[ \t]*([A-Za-z_]\w*)\b([ \t]*\()?/g;

/** A text scan over the handler body: `name.member` where `name` is the request object. */
function collectReads(model: PythonModel, handler: HandlerInfo): RequestRead[] {
  const found: RequestRead[] = [];
  const start = handler.node.startIndex;
  const body = model.source.slice(start, model.handlerEnd(handler));
  const rawNames = requestParameterNames(handler, body);
  const micro = MICRO_FRAMEWORKS.has(handler.framework);
  for (const match of body.matchAll(MEMBER_ACCESS)) {
    const [whole, name, member, call] = match;
    // Skip the tail of a longer chain (`self.request.json` is not this handler's request).
    if (match.index > 0 && body[match.index - 1] === '.') continue;
    const base = model.imports.get(name);
    let kind: RequestRead['kind'] | undefined;
    // `import flask` and then `flask.request.files["image"]`: the module-qualified request.
    if (base === 'flask' && member === 'request' && !call) {
      FLASK_QUALIFIED_TAIL.lastIndex = match.index + whole.length;
      const tail = FLASK_QUALIFIED_TAIL.exec(body);
      const read = tail?.[1];
      const tailKind = read === undefined ? undefined : FLASK_BODY.has(read) ? 'body' : FLASK_FILE.has(read) ? 'file' : undefined;
      if (tail && read && tailKind) {
        const from = start + match.index;
        const to = from + whole.length + tail[0].length - (tail[2] ? tail[2].length : 0);
        found.push({ range: model.rangeOf(from, to), source: `request.${read}${tail[2] ? '()' : ''}`, kind: tailKind });
      }
      continue;
    }
    if (base === 'flask.request') kind = FLASK_BODY.has(member) ? 'body' : FLASK_FILE.has(member) ? 'file' : undefined;
    else if (base === undefined && rawNames.has(name) && micro) kind = MICRO_BODY.has(member) ? 'body' : MICRO_FILE.has(member) ? 'file' : undefined;
    else if (base === undefined && rawNames.has(name)) kind = RAW_BODY.has(member) ? 'body' : RAW_FILE.has(member) ? 'file' : undefined;
    if (!kind) continue;
    const from = start + match.index;
    const to = from + whole.length - (call ? call.length : 0);
    found.push({ range: model.rangeOf(from, to), source: `request.${member}${call ? '()' : ''}`, kind });
  }
  // The request handed whole to a parser reads its body: DRF's `JSONParser().parse(request)`, `json.load(request)`.
  // Its literal part first: the whole pattern tries `\w*Parser` at every word of the body.
  if (/\.(?:parse|load)\(/.test(body))
    for (const match of body.matchAll(PARSED_REQUEST)) {
      if (!rawNames.has(match[2])) continue;
      const from = start + match.index;
      found.push({ range: model.rangeOf(from, from + match[0].length), source: `${match[1]}(${match[2]})`, kind: 'body' });
    }
  if (handler.framework === 'tornado' && body.includes('self'))
    for (const match of body.matchAll(TORNADO_READ)) {
      const from = start + match.index;
      const to = from + match[0].length - (match[2] ? 1 : 0);
      found.push({ range: model.rangeOf(from, to), source: match[1] ? `self.request.${match[1]}` : `self.${match[2]}()`, kind: match[1] === 'files' ? 'file' : 'body' });
    }
  if (handler.framework === 'aws-lambda') found.push(...lambdaBodyReads(model, handler, body));
  else if (handler.payload) found.push(...payloadReads(model, handler, handler.payload));
  return found;
}

/**
 * A model server's hook that receives the request body as a parameter (SageMaker `input_fn`,
 * TorchServe `handle`/`preprocess`, KServe `predict`): its first use in the body is the read.
 */
function payloadReads(model: PythonModel, handler: HandlerInfo, payload: string): RequestRead[] {
  const bodyNode = handler.node.childForFieldName('body');
  if (!bodyNode) return [];
  const text = model.source.slice(bodyNode.startIndex, model.handlerEnd(handler)).replace(/#[^\n]*/g, (c) => ' '.repeat(c.length));
  const use = new RegExp(`\\b${payload}\\b`).exec(text);
  if (!use) return [];
  const from = bodyNode.startIndex + use.index;
  return [{ range: model.rangeOf(from, from + payload.length), source: payload, kind: 'body' }];
}

/**
 * An AWS Lambda handler's request is its first parameter, the event: an API Gateway proxy event
 * carries the body as `event["body"]` (a JSON string), read by index or with `.get("body")`.
 */
function lambdaBodyReads(model: PythonModel, handler: HandlerInfo, body: string): RequestRead[] {
  const first = handler.node.childForFieldName('parameters')?.namedChildren[0];
  const event = first ? parameterName(first) : undefined;
  if (!event) return [];
  const read = new RegExp(`\\b${event}[ \\t]*(?:\\[[ \\t]*['"]body['"][ \\t]*\\]|\\.get\\([ \\t]*['"]body['"])`).exec(body);
  if (!read) return [];
  const from = handler.node.startIndex + read.index;
  return [{ range: model.rangeOf(from, from + read[0].length), source: `${event}["body"]`, kind: 'body' }];
}

/**
 * Names that hold a raw request object in this handler: a parameter annotated `Request`
 * (Starlette/FastAPI) or, for Django views, the conventional first parameter `request`.
 */
export function requestParameterNames(handler: HandlerInfo, handlerText: string): Set<string> {
  const names = new Set<string>();
  // Every accepted annotation ends in `Request`; without the word in the handler's text the
  // parameters need not be marshalled at all (most Flask handlers take none that matter).
  const parameters = handlerText.includes('Request') ? (handler.node.childForFieldName('parameters')?.namedChildren ?? []) : [];
  for (const parameter of parameters) {
    if (!parameter) continue;
    const name = parameterName(parameter);
    const annotation = parameter.childForFieldName('type')?.text ?? '';
    if (name && /(^|\.)(Request|HttpRequest|WSGIRequest)$/.test(annotation)) names.add(name);
  }
  if (handler.framework === 'django') {
    names.add('request');
    // A view's request is its first parameter (after `self` in a class-based view), whatever it is called: `req`, `r`.
    const list = handler.node.childForFieldName('parameters')?.namedChildren ?? [];
    const first = list[0] && parameterName(list[0]) === 'self' ? list[1] : list[0];
    const name = first ? parameterName(first) : undefined;
    if (name && first?.type !== 'list_splat_pattern' && first?.type !== 'dictionary_splat_pattern') names.add(name);
  }
  // aiohttp and Sanic hand the request to a function as its first parameter, Falcon to a
  // responder after `self` (`on_post(self, req, resp)`), whatever it is called.
  if (handler.framework === 'aiohttp' || handler.framework === 'sanic' || handler.framework === 'falcon') {
    const list = handler.node.childForFieldName('parameters')?.namedChildren ?? [];
    const first = list[0] && parameterName(list[0]) === 'self' ? list[1] : list[0];
    const name = first ? parameterName(first) : undefined;
    if (name) names.add(name);
  }
  // A Ray Serve deployment's `__call__(self, request)` receives the Starlette request, annotated or not.
  if (handler.framework === 'ray-serve' && handler.name === '__call__') {
    const request = handler.node.childForFieldName('parameters')?.namedChildren[1];
    const name = request ? parameterName(request) : undefined;
    if (name) names.add(name);
  }
  return names;
}

export function parameterName(parameter: Node): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  const name = parameter.childForFieldName('name') ?? parameter.namedChildren[0];
  return name?.type === 'identifier' ? name.text : undefined;
}

const MANUAL_CHECKS = /\babort\(\s*4\d\d|\bstatus(_code)?\s*=\s*4\d\d|,\s*4\d\d\s*\)?\s*$|\b(BadRequest|UnprocessableEntity|HTTPBadRequest|ValidationError)\b|\bisinstance\(/m;
/**
 * The same, less 401/403/404/429: refusing a caller (no key, too many calls) or answering that a
 * record does not exist (an unknown session id) says nothing of a text parameter's size.
 */
const INPUT_CHECKS =
  /\babort\(\s*4(?!0[134]|29)\d\d|\bstatus(_code)?\s*=\s*4(?!0[134]|29)\d\d|,\s*4(?!0[134]|29)\d\d\s*\)?\s*$|\b(BadRequest|UnprocessableEntity|HTTPBadRequest|ValidationError)\b|\bisinstance\(/m;

/**
 * Does the handler check its input by hand and answer 4xx (`abort(400)`, `return {...}, 422`)?
 * With `refusals: false`, a 401/403/429 (a key or a rate check) does not count.
 */
export function handlerChecksInput(model: PythonModel, handler: HandlerInfo, refusals = true): boolean {
  const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
  // A Lambda behind API Gateway answers a 4xx as a proxy response: `{"statusCode": 400, ...}`.
  if (handler.framework === 'aws-lambda' && (refusals ? LAMBDA_REFUSAL : LAMBDA_INPUT_REFUSAL).test(text)) return true;
  return (refusals ? MANUAL_CHECKS : INPUT_CHECKS).test(withoutIdleValidationCatch(withoutBlanketHandlers(text)));
}

/** `except:`, `except Exception as e:`, `except BaseException:` as a clause header. */
const BLANKET_EXCEPT = /^[ \t]*except\b\s*(?:\(?\s*(?:Exception|BaseException)\s*\)?(?:\s+as\s+\w+)?)?\s*:/;

/**
 * The handler without its blanket except blocks: `except Exception: return {...}, 400` turns every
 * failure, a model crash included, into a 400. That is a status mapping (wrong-error-status's
 * lesson), not a check of the input, so a 4xx answered there does not count as validation.
 */
function withoutBlanketHandlers(text: string): string {
  if (!/\bexcept\b/.test(text)) return text;
  const lines = text.split('\n');
  let blanket = -1;
  for (let i = 0; i < lines.length; i++) {
    const indent = /^[ \t]*/.exec(lines[i])![0].length;
    if (blanket >= 0 && (lines[i].trim() === '' || indent > blanket)) {
      lines[i] = '';
      continue;
    }
    blanket = -1;
    if (BLANKET_EXCEPT.test(lines[i])) {
      blanket = indent;
      lines[i] = '';
    }
  }
  return lines.join('\n');
}

/** `except ValidationError` (alone or in a tuple) as a clause header. */
const VALIDATION_CATCH = /^[ \t]*except\b[^\n:]*\bValidationError\b[^\n]*:/gm;
/** A call that can raise a ValidationError: a validator, a schema, a parser, a class (a pydantic model, a form). */
const MAY_VALIDATE =
  /(?:[Vv]alid|[Ss]chema|[Ss]eriali[sz]|[Pp]ars|[Cc]heck|[Vv]erif|[Cc]lean)\w*\s*\(|\b(?!(?:DataFrame|Series|Path|\w*Response|\w*Exception|\w*Error)\s*\()[A-Z]\w*\s*\(/;

/**
 * A handler that catches ValidationError while nothing in it can raise one (no validator, schema,
 * parser or class is called) checks nothing: the clause is a copied habit, or the schema it was
 * meant for is never used. Its header is blanked so that the word alone does not count as a check.
 */
function withoutIdleValidationCatch(text: string): string {
  if (!text.includes('ValidationError')) return text;
  const calls = text.replace(VALIDATION_CATCH, '');
  return MAY_VALIDATE.test(calls.replace(/^[ \t]*(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(/m, '')) ? text : text.replace(VALIDATION_CATCH, '');
}

const LAMBDA_REFUSAL = /['"]statusCode['"]\s*:\s*4\d\d/;
const LAMBDA_INPUT_REFUSAL = /['"]statusCode['"]\s*:\s*4(?!0[13]|29)\d\d/;

/**
 * Does this file validate payloads anywhere? Any validation counts (precision over recall):
 * a pydantic `Model(**data)` / `model_validate`, marshmallow `schema.load`, `jsonschema.validate`,
 * Django/DRF `is_valid()`, webargs/flask-smorest/flask-pydantic decorators.
 */
export function fileValidatesPayloads(model: PythonModel): boolean {
  let result = validated.get(model);
  if (result === undefined) validated.set(model, (result = computeValidates(model)));
  return result;
}

const MODEL_FROM_SPLAT = /\b[A-Z]\w*[ \t]*\([ \t]*\*\*/;

function computeValidates(model: PythonModel): boolean {
  // Library imports are not required: schemas are often imported from a project module
  // (`from .schemas import PredictRequest`), and a false "validate your input" costs more trust
  // than a missed one.
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (VALIDATING_METHODS.test(callee) || callee.startsWith('jsonschema.')) return true;
    // A reqparse parser read in a handler validates what its arguments declare; an argparse
    // parser in `__main__` validates the command line, not a request.
    if (callee.endsWith('.parse_args') && isRequestParser(model, call) && model.enclosingHandler(call.node) && reqparseArguments(model).every((a) => a.typed)) return true;
    // A project's validator imported from another module and called from a handler
    // (`validate_inputs(input_json=data)`, the ml_api layout of the "deploying ML models" courses,
    // which loads a marshmallow schema there). One defined in this file is read as it is: its
    // schema call counts above, and a hand-written check that indexes fields is no schema.
    if (VALIDATOR_FUNCTION.test(callee) && !definedHere(model, callee) && validatedValueUsed(model, call)) return true;
    // marshmallow: `schema.load(data)`, `PredictSchema().load(data)`.
    // The call's text holds its function's text, so without 'schema' in it (most `pickle.load`
    // and `json.loads` calls) no function node needs to be marshalled.
    if (
      (callee.endsWith('.load') || callee.endsWith('.loads')) &&
      /schema/i.test(call.node.text) &&
      /schema\w*(\(\))?\.loads?$/i.test(call.node.childForFieldName('function')?.text ?? '')
    )
      return true;
  }
  // `PredictRequest(**payload)` builds (and so validates) a pydantic model, a dataclass or a schema.
  // Its literal part `(**` first: the pattern starts at every capitalised word.
  if (/\([ \t]*\*\*/.test(model.source) && MODEL_FROM_SPLAT.test(model.source)) return true;
  const source = model.source;
  // flask-restx/flask-restplus `@api.expect(model)` documents the body; it validates only with
  // `validate=True` there, on the Api/Namespace, or through the RESTX_VALIDATE setting.
  const restxValidates = /\bRESTX_VALIDATE\b|\b(Api|Namespace)\([^)]*\bvalidate\s*=\s*True/.test(source);
  return model.decorated.some((d) => {
    const decorators = source.slice(d.startIndex, Math.min(d.startIndex + 400, source.length)).split(/\n[ \t]*(?:async[ \t]+)?(?:def|class)\b/)[0];
    for (const match of decorators.matchAll(VALIDATING_DECORATORS_ALL)) {
      if (match[1] !== 'expect' || restxValidates || RESTX_EXPECT_VALIDATES.test(decorators.slice(match.index))) return true;
    }
    return false;
  });
}

/** A flask-restful / flask-restx `RequestParser` call (`parser.parse_args()`, `parser.add_argument(...)`). */
function isRequestParser(model: PythonModel, call: CallInfo): boolean {
  const callee = call.callee ?? '';
  if (/reqparse|RequestParser/.test(callee)) return true;
  const receiver = /^([A-Za-z_]\w*)\./.exec(callee)?.[1];
  return receiver !== undefined && /reqparse|RequestParser/.test(model.boundCalls.get(receiver) ?? '');
}

export interface ReqparseArgument {
  readonly call: CallInfo;
  readonly name: string;
  /** Declares a `type=` (or `action=`/`choices=`), so the value is checked. */
  readonly typed: boolean;
}

const reqparseCache = new WeakMap<PythonModel, ReqparseArgument[]>();

/** The `add_argument` calls of request parsers in this file. */
export function reqparseArguments(model: PythonModel): readonly ReqparseArgument[] {
  let found = reqparseCache.get(model);
  if (found) return found;
  found = [];
  reqparseCache.set(model, found);
  if (!/reqparse|RequestParser/.test(model.source)) return found;
  for (const call of model.calls) {
    if (!call.callee || !/\.add_argument$/.test(call.callee) || !isRequestParser(model, call)) continue;
    const text = model.source.slice(call.node.startIndex, call.node.endIndex);
    const name = /\(\s*[rRuU]?['"]([^'"]+)['"]/.exec(text)?.[1] ?? '?';
    found.push({ call, name, typed: /\b(type|choices)\s*=|\baction\s*=\s*['"](append|store_true|store_false)/.test(text) });
  }
  return found;
}

const restxPayloads = new WeakMap<PythonModel, string>();

/**
 * Where flask-restx and flask-restplus hand a handler the request body: `payload` on an Api or a
 * Namespace (`api.payload`, `ns.payload`, `self.api.payload`, a name this module binds to
 * `Api(...)` or `Namespace(...)`). A `.payload` elsewhere is the object's own data: a Qdrant hit
 * (`hit.payload["text"]`), a stored point or a queue message, written by the service, not the
 * caller. A regular-expression source, cached per module.
 */
export function restxPayloadSource(model: PythonModel): string {
  let found = restxPayloads.get(model);
  if (found !== undefined) return found;
  const names = new Set(['(?:\\w+_)?(?:api|ns|namespace)(?:_\\w+)?']);
  if (model.source.includes('Api(') || model.source.includes('Namespace(')) {
    for (const m of model.source.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*(?:[\w.]+\.)?(?:Api|Namespace)\(/gm)) names.add(m[1]);
  }
  found = `(?<![\\w.])(?:self\\s*\\.\\s*)?(?:${[...names].join('|')})\\s*\\.\\s*payload\\b`;
  restxPayloads.set(model, found);
  return found;
}
