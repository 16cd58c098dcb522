import type { Node } from 'web-tree-sitter';
import { exceptHeaders, guardingTry } from './errors';
import type { HandlerInfo, PythonModel } from './model';
import { firstStartingAt } from './nodes';
import { parameterName, requestParameterNames, restxPayloadSource } from './requests';
import { escapeRegExp } from '../regexp';

/**
 * Request input that is converted without a guard: `float(request.form["x"])`,
 * `json.loads(request.body)`, `json.loads(args["data"])` after a reqparse `parse_args()`, or a
 * key read from the parsed JSON body. Each raises on bad input (ValueError, JSONDecodeError,
 * KeyError), which the framework turns into a 500 instead of telling the client what was wrong.
 *
 * Values are followed through the handler's own assignments (`data = request.get_json()`,
 * `X = text.split(",")`, `for v in X`), by a text scan of the handler: a small, local taint.
 */

export interface Conversion {
  readonly node: Node;
  /** `float(...)`, `json.loads(...)`, `data["x"]`. */
  readonly what: string;
  readonly kind: 'convert' | 'key';
}

/**
 * Calls that raise on malformed text, and decoders of uploaded files: an image, a table or a PDF
 * that is not what it claims raises in the decoder (UnidentifiedImageError, ParserError,
 * PdfReadError), a 500 where the client's upload was the fault.
 */
const CONVERTERS =
  /^(float|int|complex|decimal\.Decimal|json\.loads|orjson\.loads|ujson\.loads|simplejson\.loads|datetime\.datetime\.strptime|datetime\.datetime\.fromisoformat|datetime\.date\.fromisoformat|datetime\.strptime|base64\.b64decode|base64\.urlsafe_b64decode|uuid\.UUID|PIL\.Image\.open|ast\.literal_eval|(pandas|polars)\.read_(csv|excel|json|parquet)|(pypdf|PyPDF2)\.PdfReader|(fitz|pymupdf)\.open|numpy\.load|soundfile\.read|librosa\.load)$/;
/** Exceptions that guard a conversion. */
const GUARDS =
  /\b(ValueError|TypeError|KeyError|LookupError|IndexError|JSONDecodeError|DecodeError|UnidentifiedImageError|binascii\.Error|BadRequest\w*|Exception|BaseException)\b|^except\s*\*?\s*$/;

/** Where request data enters a handler, by framework. */
function sourcePattern(model: PythonModel, handler: HandlerInfo, text: string): RegExp | undefined {
  const names: string[] = [];
  for (const [local, target] of model.imports) if (target === 'flask.request') names.push(local);
  names.push(...requestParameterNames(handler, text));
  const members = 'json|get_json|form|args|values|data|get_data|files|body|POST|GET|FILES|query_params|payload';
  const parts = names.length > 0 ? [`\\b(?:${[...new Set(names)].join('|')})\\s*\\.\\s*(?:${members})\\b`] : [];
  // FastAPI uploads: an `UploadFile` parameter is read (`await file.read()`, `file.file`); a
  // `bytes = File(...)` parameter is the upload's content itself.
  const uploads = uploadParameters(handler, text);
  if (uploads.files.length > 0) parts.push(`\\b(?:${uploads.files.join('|')})\\s*\\.\\s*(?:read|file)\\b`);
  if (uploads.bytes.length > 0) parts.push(`(?<![\\w.])(?:${uploads.bytes.join('|')})\\b(?!\\s*[.=(])`);
  // flask-restx `api.payload`, `ns.payload` (a Qdrant hit's `.payload` is not the request).
  parts.push(restxPayloadSource(model));
  return new RegExp(parts.join('|'));
}

/** The handler's FastAPI upload parameters: `file: UploadFile`, `image: bytes = File(...)`. */
function uploadParameters(handler: HandlerInfo, text: string): { files: string[]; bytes: string[] } {
  const files: string[] = [];
  const bytes: string[] = [];
  if (!/\bUploadFile\b|\bFile\s*\(/.test(text)) return { files, bytes };
  for (const parameter of handler.node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter) continue;
    const name = parameterName(parameter);
    const annotation = parameter.childForFieldName('type')?.text ?? '';
    const value = parameter.childForFieldName('value')?.text ?? '';
    if (!name) continue;
    if (/(^|\.)UploadFile\b/.test(annotation)) files.push(name);
    else if (/^bytes$/.test(annotation) && /^(\w+\.)?File\s*\(/.test(value)) bytes.push(name);
  }
  return { files, bytes };
}

/** JSON bodies: a missing key is a KeyError (form and query dicts answer 400 by themselves in Flask). */
const JSON_SOURCE = /\.\s*(?:get_json\s*\(\s*\)|(?:json|payload|body)\b)|\bjson\.loads\s*\(/;

/** A value passed through a schema: marshmallow `load`, pydantic `model_validate` or `Model(**data)`, cattrs `structure`. */
/** What a model computes from the input (`pred = model.predict(X)[0]`) is the service's own output, not request input. */
/**
 * The model's answer: a predict-like method (`model.predict(x)`), or a helper of the project named
 * for what it returns (`make_prediction(model, row)`, `run_inference(batch)`): a frame or number the
 * model wrote, whatever the request held.
 */
const MODEL_OUTPUT =
  /\.\s*(?:predict|predict_proba|predict_log_proba|decision_function|generate|forward|infer|inference)\s*\(|(?<![.\w])(?:\w+_)?(?:predict(?:ions?)?|inference)(?:_\w+)?\s*\(/;
/**
 * What another service answered (`requests.post(...)`, a stream's `iter_lines()`, an LLM call) is
 * that service's output, even when the request was built from the client's input.
 */
const UPSTREAM_OUTPUT =
  /\b(?:requests|httpx|session|client|http)\.(?:get|post|put|patch|request|stream)\s*\(|\burlopen\s*\(|\.iter_(?:lines|content|text|bytes)\s*\(|\.(?:completions|messages|responses)\.create\s*\(|\.generate_content\s*\(|\.a?invoke\s*\(/;
const VALIDATED_VALUE =
  /(?<!\b(?:json|orjson|ujson|simplejson|pickle|yaml|joblib|torch|np|numpy|dill|cloudpickle))\.(?:load|model_validate|model_validate_json|parse_obj|parse_raw|validate_python|validate_json|structure)\s*\(|\b[A-Z]\w*\(\s*\*\*/;
/** A name validated where it stands: `validate(body, SCHEMA)`, `validate(instance=body, ...)`, `is_valid(body)`. */
const VALIDATED_IN_PLACE = /\b(?:validate|is_valid|iter_errors)\s*\(\s*(?:instance\s*=\s*)?([A-Za-z_]\w*)/g;

const ASSIGNMENT = /^[ \t]*([A-Za-z_][\w, \t]*?)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*([^\n]+)$/gm;
const FOR_TARGET = /^[ \t]*(?:async[ \t]+)?for[ \t]+([\w, \t]+?)[ \t]+in[ \t]+([^\n]+):/gm;

/** Names in the handler that hold request input, and those that hold a parsed JSON body. */
function taintedNames(text: string, source: RegExp, upstream: RegExp | undefined): { any: Set<string>; json: Set<string> } {
  const any = new Set<string>();
  const json = new Set<string>();
  const parsers = new Set<string>();
  // `args = parser.parse_args()` (flask-restful / flask-restx reqparse).
  // The literal test first: a multiline scan of every handler's text was a fifth of this rule's cost.
  if (text.includes('.parse_args(')) for (const m of text.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*\w+\.parse_args\(/gm)) parsers.add(m[1]);
  const mentions = (value: string, set: Set<string>) => anyWord(set)?.test(value) ?? false;
  for (let pass = 0; pass < 3; pass++) {
    const before = any.size + json.size;
    for (const m of [...text.matchAll(ASSIGNMENT), ...text.matchAll(FOR_TARGET)]) {
      const targets = m[1]
        .split(',')
        .map((t) => t.trim())
        .filter((t) => /^[A-Za-z_]\w*$/.test(t));
      const value = m[2];
      const fromRequest = source.test(value) || mentions(value, parsers) || mentions(value, any);
      // A validated object (`schema.load(data)`, `Model(**data)`) holds what the schema promised.
      if (!fromRequest || VALIDATED_VALUE.test(value) || MODEL_OUTPUT.test(value) || UPSTREAM_OUTPUT.test(value) || upstream?.test(value)) continue;
      for (const target of targets) {
        any.add(target);
        if (JSON_SOURCE.test(value) || mentions(value, json)) json.add(target);
      }
    }
    for (const parser of parsers) any.add(parser);
    if (any.size + json.size === before) break;
  }
  // A body checked in place (`jsonschema.validate(body, SCHEMA)`, `validator.is_valid(body)`) has the keys its schema requires.
  for (const m of text.matchAll(VALIDATED_IN_PLACE)) json.delete(m[1]);
  return { any, json };
}

/**
 * One regular expression for "mentions any of these names as a word", rebuilt only when the set
 * grew (the sets here only grow while they are read): a regex per name per assignment was the
 * largest single cost of a lint of the 1,000-line service.
 */
const wordPatterns = new WeakMap<Set<string>, { size: number; pattern: RegExp }>();

function anyWord(names: Set<string>): RegExp | undefined {
  if (names.size === 0) return undefined;
  let cached = wordPatterns.get(names);
  if (cached?.size !== names.size) wordPatterns.set(names, (cached = { size: names.size, pattern: new RegExp(`\\b(?:${[...names].join('|')})\\b`) }));
  return cached.pattern;
}

/**
 * The callee as the learner wrote it (`Image.open`, `np.load`, `float`), so the message names the
 * call they can find; the resolved name's last part when the written one is not a plain dotted
 * name (`get_loader()(data)`).
 */
function writtenCallee(model: PythonModel, call: Node, resolved: string): string {
  const fn = call.childForFieldName('function');
  const written = fn ? model.source.slice(fn.startIndex, fn.endIndex).replace(/\s+/g, '') : '';
  return /^[A-Za-z_][\w.]{0,60}$/.test(written) ? written : resolved.slice(resolved.lastIndexOf('.') + 1);
}

/** Per model and handler: two rules ask for the same handler's conversions. */
const conversionsOf = new WeakMap<PythonModel, Map<number, Conversion[]>>();

/** The unguarded conversions of request input in one handler, in document order. */
export function unguardedConversions(model: PythonModel, handler: HandlerInfo): Conversion[] {
  let byHandler = conversionsOf.get(model);
  if (!byHandler) conversionsOf.set(model, (byHandler = new Map()));
  let found = byHandler.get(handler.node.id);
  if (!found) byHandler.set(handler.node.id, (found = findConversions(model, handler)));
  return found;
}

function findConversions(model: PythonModel, handler: HandlerInfo): Conversion[] {
  const start = handler.node.startIndex;
  const end = model.handlerEnd(handler);
  const text = model.source.slice(start, end);
  const source = sourcePattern(model, handler, text);
  if (!source) return [];
  const tainted = taintedNames(text, source, upstreamHelpers(model));
  const taintedWord = anyWord(tainted.any);
  const mentionsInput = (value: string) => source.test(value) || (taintedWord?.test(value) ?? false);
  const found: Conversion[] = [];
  for (const call of model.callsWithin(start, end)) {
    if (!call.callee || !CONVERTERS.test(call.callee)) continue;
    const args = call.node.childForFieldName('arguments');
    if (!args || (!mentionsInput(model.source.slice(args.startIndex, args.endIndex)) && !inTaintedComprehension(call.node, tainted.any, mentionsInput))) continue;
    if (convertsModelOutput(args) || guarded(model, call.node, handler.node)) continue;
    // `row = make_prediction(model, row)` then `int(row["prediction"])`: by then the name holds the model's answer.
    if (lastSetByModel(text, call.node.startIndex - start, model.source.slice(args.startIndex, args.endIndex), tainted.any, source)) continue;
    found.push({ node: call.node, what: `${writtenCallee(model, call.node, call.callee)}(...)`, kind: 'convert' });
  }
  // Keys read from a parsed JSON body: `data["x"]`, `request.json["x"]`.
  const names = [...tainted.json];
  const key = new RegExp(
    `(?:\\b(?:${names.length ? names.join('|') : '(?!)'})|\\.\\s*json|get_json\\(\\s*\\)|${restxPayloadSource(model)})\\s*\\[\\s*['"]([^'"\\n]+)['"]\\s*\\]`,
    'g',
  );
  for (const m of text.matchAll(key)) {
    const index = start + m.index;
    const node = model.tree.rootNode.descendantForIndex(index + m[0].length - 1)?.parent;
    if (!node || node.type !== 'subscript' || isAssignmentTarget(node) || guarded(model, node, handler.node)) continue;
    if (lastSetByModel(text, m.index, m[0], tainted.json, source)) continue;
    // `data.get("x")` is the guarded form; `"x" in data` checked before is a guard too.
    if (new RegExp(`['"]${escapeRegExp(m[1])}['"]\\s+(not\\s+)?in\\b`).test(text)) continue;
    found.push({ node, what: m[0].replace(/\s+/g, ''), kind: 'key' });
  }
  return found.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** Calls of this module's functions that call another service (`def completion_stream(...): requests.post(...)`). */
const upstreamOf = new WeakMap<PythonModel, RegExp | undefined>();

function upstreamHelpers(model: PythonModel): RegExp | undefined {
  if (upstreamOf.has(model)) return upstreamOf.get(model);
  const found = UPSTREAM_OUTPUT.test(model.source) ? helperCalls(model) : undefined;
  upstreamOf.set(model, found);
  return found;
}

function helperCalls(model: PythonModel): RegExp | undefined {
  const source = model.source;
  const whole = model.whole;
  const functions = whole.functions;
  // A view that narrows the functions (a statement-local rule's) reads its own list, as it always did.
  if (model.functions !== functions) return helperCallsAmong(model, model.functions);
  const firstFrom = (index: number) => firstStartingAt(functions, index);
  // Per top-level statement (kept across re-lints for the statements an edit left alone): the
  // functions in it whose text and body call another service, by their ordinal there, and name.
  const parts = whole.perStatement('upstream helpers', (statement): readonly (readonly [number, string])[] => {
    const end = statement.endIndex;
    if (!UPSTREAM_OUTPUT.test(source.slice(statement.startIndex, end))) return NO_HELPERS;
    const found: [number, string][] = [];
    for (let i = firstFrom(statement.startIndex), ordinal = 0; i < functions.length && functions[i].startIndex < end; i++, ordinal++) {
      const fn = functions[i];
      if (!UPSTREAM_OUTPUT.test(source.slice(fn.startIndex, fn.endIndex)) || !UPSTREAM_OUTPUT.test(fn.childForFieldName('body')?.text ?? '')) continue;
      const name = fn.childForFieldName('name')?.text;
      if (name && /^\w+$/.test(name)) found.push([ordinal, name]);
    }
    return found;
  });
  // Whether a function is a handler is the whole file's answer (its framework, its app), asked here.
  const names: string[] = [];
  parts.forEach((helpers, k) => {
    if (helpers.length === 0) return;
    const first = firstFrom(whole.statements[k].startIndex);
    for (const [ordinal, name] of helpers) if (!whole.isHandler(functions[first + ordinal])) names.push(name);
  });
  return names.length > 0 ? new RegExp(`(?<![\\w.])(?:${names.join('|')})\\s*\\(`) : undefined;
}
const NO_HELPERS: readonly (readonly [number, string])[] = [];

function helperCallsAmong(model: PythonModel, functions: readonly Node[]): RegExp | undefined {
  const source = model.source;
  const names = functions
    // The function's text first (its start is on the node): most functions call no other service, and their bodies stay in WASM.
    .filter((fn) => UPSTREAM_OUTPUT.test(source.slice(fn.startIndex, fn.endIndex)) && UPSTREAM_OUTPUT.test(fn.childForFieldName('body')?.text ?? '') && !model.isHandler(fn))
    .map((fn) => fn.childForFieldName('name')?.text)
    .filter((name): name is string => !!name && /^\w+$/.test(name));
  return names.length > 0 ? new RegExp(`(?<![\\w.])(?:${names.join('|')})\\s*\\(`) : undefined;
}

/** A model's answer, not the request: `model.predict(x)[0]`, `clf.predict_proba(x)[0][1]`. */
const PREDICTION = /(^|\.)(predict\w*|decision_function|score_samples)$/;

/**
 * `float(model.predict(features)[0])` converts the model's output: a number whatever the request
 * held, so a malformed value cannot make it raise (the predict call itself is another lesson).
 */
function convertsModelOutput(args: Node): boolean {
  if (args.namedChildCount !== 1) return false;
  let value: Node | null = args.namedChildren[0];
  while (value?.type === 'subscript') value = value.childForFieldName('value');
  return value?.type === 'call' && PREDICTION.test(value.childForFieldName('function')?.text ?? '');
}

/**
 * Are the request-derived names this argument reads all last assigned, before `offset`, from the
 * model's answer? A raw request read in the argument itself still counts as input.
 */
function lastSetByModel(text: string, offset: number, argument: string, tainted: ReadonlySet<string>, source: RegExp): boolean {
  if (source.test(argument)) return false;
  const read = [...new Set(argument.match(/\b[A-Za-z_]\w*\b/g) ?? [])].filter((name) => tainted.has(name));
  if (read.length === 0) return false;
  const before = text.slice(0, offset);
  return read.every((name) => {
    let last: string | undefined;
    for (const m of before.matchAll(new RegExp(`^[ \\t]*${name}[ \\t]*(?::[^=\\n]+)?=(?!=)[ \\t]*([^\\n]+)$`, 'gm'))) last = m[1];
    return last !== undefined && MODEL_OUTPUT.test(last);
  });
}

function guarded(model: PythonModel, node: Node, stop: Node): boolean {
  for (let at: Node | undefined = node; at;) {
    const tryNode = guardingTry(at, stop);
    if (!tryNode) return false;
    if (exceptHeaders(model.source, tryNode).some((header) => GUARDS.test(header))) return true;
    at = tryNode;
  }
  return false;
}

/** `[float(i) for i in X]` where X holds request input, or is it: `[float(x) for x in request.form.values()]`. */
function inTaintedComprehension(call: Node, tainted: Set<string>, isInput: (text: string) => boolean): boolean {
  for (let n = call.parent, depth = 0; n && depth < 4; n = n.parent, depth++) {
    if (/comprehension|generator_expression/.test(n.type)) {
      const m = /\bfor\s+[\w, ]+\s+in\s+([\w.]+)/.exec(n.text);
      if (m !== null && tainted.has(m[1].split('.')[0])) return true;
      const iterable = n.namedChildren.find((child) => child?.type === 'for_in_clause')?.childForFieldName('right');
      return iterable ? isInput(iterable.text) : false;
    }
  }
  return false;
}

function isAssignmentTarget(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'assignment' && parent.childForFieldName('left')?.id === node.id;
}
