import type { HandlerInfo, PythonModel } from './model';
import { restxPayloadSource } from './requests';
import { parametersAt } from './scan';

/**
 * The one "request-derived names" fact the rules share: where client-chosen values enter a
 * handler, followed through the handler's own assignments (`q = request.args["q"]`,
 * `prompt = q.strip()`). Computed at most once per handler, and only for handlers a rule asks about.
 */
export interface RequestDerived {
  /** The handler's code with comments removed (a TODO naming a guard is not a guard). */
  readonly text: string;
  /** Does this expression hold anything the client chose (raw reads, `str` parameters, schema fields)? */
  mentions(expression: string): boolean;
  /**
   * Does it hold a raw, unvalidated read: a request member (`request.args[...]`, `request.get_json()`,
   * `await request.json()`), flask-restx `api.payload`, a gRPC message field? Schema fields and typed
   * parameters are left out: their constraints live in the schema.
   */
  mentionsRaw(expression: string): boolean;
  /** Names assigned (directly or through other names) from a raw read. */
  readonly rawNames: ReadonlySet<string>;
  /** Names assigned from anything the client chose. */
  readonly names: ReadonlySet<string>;
}

/** Request members that carry text the client chose (uploads' bytes excepted: only their `.filename`). */
const FLASK_MEMBERS = '(?:args|form|values|json|get_json\\s*\\([^)]*\\)|data|get_data\\s*\\([^)]*\\)|GET|POST|body|query_params|path_params|headers)';
const MUTATION = /^[ \t]*([A-Za-z_]\w*)\.(?:append|extend|insert)\(([^\n]+)\)[ \t]*$/gm;
const ASSIGNMENT = /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*([^\n]+)$/gm;
/** Types of handler parameters that are framework objects, not client data. */
const FRAMEWORK_TYPES = /^(Request|HttpRequest|UploadFile|Response|BackgroundTasks|WebSocket|Session|AsyncSession)$/;

const cache = new WeakMap<PythonModel, Map<string, RequestDerived>>();

/**
 * `sanitisers`: an assignment whose value matches it holds a cleaned value and passes nothing on
 * (`name = secure_filename(upload.filename)` for a rule about paths).
 */
export function requestDerived(model: PythonModel, handler: HandlerInfo, sanitisers?: RegExp): RequestDerived {
  let byHandler = cache.get(model);
  if (!byHandler) cache.set(model, (byHandler = new Map()));
  const key = `${handler.node.id}:${sanitisers?.source ?? ''}`;
  let found = byHandler.get(key);
  if (!found) byHandler.set(key, (found = collect(model, handler, sanitisers)));
  return found;
}

function collect(model: PythonModel, handler: HandlerInfo, sanitisers: RegExp | undefined): RequestDerived {
  const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler)).replace(/#[^\n]*/g, '');
  const raw = ['(?<!self)\\.filename\\b', `\\brequest\\s*\\.\\s*${FLASK_MEMBERS}`, restxPayloadSource(model)];
  const typed: string[] = [];
  const parameters = parametersAt(model.source, handler.node.startIndex).filter((p) => p.name !== 'self' && p.name !== 'cls');
  for (const [index, p] of parameters.entries()) {
    const type = p.type.replace(/\s+/g, '');
    if (handler.framework === 'grpc' && p.name === 'request') raw.push('\\brequest\\s*\\.\\s*\\w+');
    // A chat bot's message object (`message: cl.Message`, `message: types.Message`): its text is what the user typed.
    else if (handler.framework === 'chat-bot' && /^(\w+\.)*Message$/.test(type)) raw.push(`\\b${p.name}\\s*\\.\\s*(?:content|text|caption)\\b`);
    else if (/^(Optional\[)?str\]?$/.test(type) || (type === '' && urlCapture(handler, p.name, index))) typed.push(`\\b${p.name}\\b`);
    else if (/^[A-Z]\w*$/.test(type) && !FRAMEWORK_TYPES.test(type)) typed.push(`\\b${p.name}\\s*\\.\\s*\\w+`);
  }
  if (handler.payload) raw.push(payloadSource(handler.payload));
  // `gr.ChatInterface(respond)` calls respond(message, history) with what the visitor typed.
  const first = parameters[0];
  if (handler.framework === 'gradio' && first && new RegExp(`\\bChatInterface\\(\\s*(?:fn\\s*=\\s*)?${handler.name}\\b`).test(model.source)) raw.push(`\\b${first.name}\\b`);
  const rawParts = new RegExp(raw.join('|'));
  const allParts = new RegExp([...raw, ...typed].join('|'));
  const rawNames = follow(text, rawParts, sanitisers);
  const allNames = follow(text, allParts, sanitisers);
  return { text, mentions: (e) => holds(e, allParts, allNames), mentionsRaw: (e) => holds(e, rawParts, rawNames), rawNames, names: allNames };
}

/**
 * Keys of the envelope AWS wraps around an event (API Gateway, S3, SQS, EventBridge, CloudFormation):
 * what they hold comes from AWS or the account, not from the caller's payload. `body`, query and
 * path parameters are the caller's.
 */
export const ENVELOPE_KEYS =
  'Records|requestContext|headers|multiValueHeaders|httpMethod|resource|stageVariables|isBase64Encoded|version|routeKey|rawPath|detail|detail-type|source|account|region|time|resources|RequestType|ResponseURL|StackId|RequestId|LogicalResourceId|ResourceProperties|triggerSource';

/**
 * The parameter that holds the raw payload (a Lambda event invoked directly, a SageMaker body):
 * the parameter itself and whatever is read from it, less the envelope's own keys.
 */
function payloadSource(name: string): string {
  return `\\b${name}\\b(?!\\s*(?:\\[\\s*|\\.get\\(\\s*)['"](?:${ENVELOPE_KEYS})['"])`;
}

/**
 * An untyped parameter that the URL fills with text: a Django view's arguments after `request`
 * (`def get(self, request, filename)`), or a Flask route variable (`/files/<name>`, `<path:name>`).
 */
function urlCapture(handler: HandlerInfo, name: string, index: number): boolean {
  if (handler.framework === 'django') return index > 0;
  if (handler.framework === 'flask') return new RegExp(`<(?:(?:string|path):)?${name}>`).test(handler.route ?? '');
  return false;
}

/**
 * Names assigned from a source, and from those names, up to three assignments deep; each pass
 * follows the names the passes before it found.
 */
function follow(text: string, parts: RegExp, sanitisers: RegExp | undefined): Set<string> {
  const names = new Set<string>();
  // What this pass follows: the names found before it (none in the first), not those it adds.
  let known: ReadonlySet<string> = NONE;
  for (let pass = 0; pass < 3; pass++) {
    const before = names.size;
    if (pass > 0) known = new Set(names);
    for (const m of text.matchAll(ASSIGNMENT)) if (holds(m[2], parts, known) && !sanitisers?.test(m[2])) names.add(m[1]);
    // A list the input is appended to carries it on: `messages.append({"role": "user", "content": prompt})`.
    for (const m of text.matchAll(MUTATION)) if (holds(m[2], parts, known) && !sanitisers?.test(m[2])) names.add(m[1]);
    if (names.size === before) break;
  }
  return names;
}

const NONE: ReadonlySet<string> = new Set();
const WORD = /\w+/g;

/**
 * Does the expression match one of the sources, or hold one of the names as a whole word? The
 * same answer as one pattern `source|\b(?:name|...)\b` (a name is all word characters, so it
 * matches between word boundaries exactly when it is a whole run of them), without compiling a
 * pattern for every handler and every pass: the editor's first lint of a file paid for each.
 */
function holds(expression: string, parts: RegExp, names: ReadonlySet<string>): boolean {
  if (parts.test(expression)) return true;
  if (names.size === 0) return false;
  for (const word of expression.match(WORD) ?? []) if (names.has(word)) return true;
  return false;
}
