import type { HandlerInfo, PythonModel } from './model';
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
  const raw = ['(?<!self)\\.filename\\b', `\\brequest\\s*\\.\\s*${FLASK_MEMBERS}`, '\\b\\w+\\.payload\\b'];
  const typed: string[] = [];
  const parameters = parametersAt(model.source, handler.node.startIndex).filter((p) => p.name !== 'self' && p.name !== 'cls');
  for (const [index, p] of parameters.entries()) {
    const type = p.type.replace(/\s+/g, '');
    if (handler.framework === 'grpc' && p.name === 'request') raw.push('\\brequest\\s*\\.\\s*\\w+');
    else if (/^(Optional\[)?str\]?$/.test(type) || (type === '' && urlCapture(handler, p.name, index))) typed.push(`\\b${p.name}\\b`);
    else if (/^[A-Z]\w*$/.test(type) && !FRAMEWORK_TYPES.test(type)) typed.push(`\\b${p.name}\\s*\\.\\s*\\w+`);
  }
  if (handler.payload) raw.push(payloadSource(handler.payload));
  // `gr.ChatInterface(respond)` calls respond(message, history) with what the visitor typed.
  const first = parameters[0];
  if (handler.framework === 'gradio' && first && new RegExp(`\\bChatInterface\\(\\s*(?:fn\\s*=\\s*)?${handler.name}\\b`).test(model.source)) raw.push(`\\b${first.name}\\b`);
  const rawNames = follow(text, raw, sanitisers);
  const allNames = follow(text, [...raw, ...typed], sanitisers);
  const rawPattern = pattern(raw, rawNames);
  const allPattern = pattern([...raw, ...typed], allNames);
  return { text, mentions: (e) => allPattern.test(e), mentionsRaw: (e) => rawPattern.test(e), rawNames, names: allNames };
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

/** Names assigned from a source, and from those names, up to three assignments deep. */
function follow(text: string, parts: readonly string[], sanitisers: RegExp | undefined): Set<string> {
  const names = new Set<string>();
  let source = pattern(parts, names);
  for (let pass = 0; pass < 3; pass++) {
    const before = names.size;
    for (const m of text.matchAll(ASSIGNMENT)) if (source.test(m[2]) && !sanitisers?.test(m[2])) names.add(m[1]);
    // A list the input is appended to carries it on: `messages.append({"role": "user", "content": prompt})`.
    for (const m of text.matchAll(MUTATION)) if (source.test(m[2]) && !sanitisers?.test(m[2])) names.add(m[1]);
    if (names.size === before) break;
    source = pattern(parts, names);
  }
  return names;
}

function pattern(parts: readonly string[], names: ReadonlySet<string>): RegExp {
  const all = names.size > 0 ? [...parts, `\\b(?:${[...names].join('|')})\\b`] : [...parts];
  return new RegExp(all.join('|'));
}
