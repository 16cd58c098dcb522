import type { Node } from 'web-tree-sitter';
import type { Framework, HandlerInfo } from './model';
import { modelServerHandlers, servesModelHooks } from './model-servers';
import { decoratorsOf, isAsync } from './nodes';

/**
 * Handlers that live in classes: Flask `MethodView`, flask-restful / flask-restx `Resource`
 * methods, Django class-based views and DRF views/viewsets, and gRPC servicers found by their
 * base class. The model's decorator scan finds function routes; this finds the rest, so every
 * rule that asks "is this code answering a request?" sees the same handlers whichever way the
 * framework wires them.
 */

/** What the model hands over: its text, imports and nodes, without a dependency on the model class. */
export interface HandlerSource {
  readonly source: string;
  readonly imports: ReadonlyMap<string, string>;
  readonly classes: readonly Node[];
  readonly functions: readonly Node[];
  importsModule(module: string): boolean;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** DRF viewset actions and the HTTP method each one answers. */
const VIEWSET_ACTIONS: Readonly<Record<string, string>> = { list: 'GET', retrieve: 'GET', create: 'POST', update: 'PUT', partial_update: 'PATCH', destroy: 'DELETE' };

/** Base classes (last dotted segment) that make a class a view, per framework. */
const FLASK_VIEW = /^(Resource|MethodView|View)$/;
const DJANGO_VIEW = /^(View|APIView|\w*APIView|\w*ViewSet|TemplateView|FormView|RedirectView|DetailView|ListView|CreateView|UpdateView|DeleteView)$/;
const SERVICER = /Servicer$/;
/** Tornado: `class Predict(RequestHandler)` or `tornado.web.RequestHandler`. */
const TORNADO_VIEW = /^RequestHandler$/;
/** Falcon responders, any class: `on_post`, `on_get_item` (a suffixed route). */
const FALCON_RESPONDER = /^on_(get|post|put|patch|delete|head|options)(?:_\w+)?$/;

const FLASK_MODULES = ['flask', 'flask_restful', 'flask_restx', 'flask_restplus', 'flask_smorest'];
const DJANGO_MODULES = ['django', 'rest_framework', 'ninja'];

/**
 * The framework a file belongs to when the app-level checks found none: a flask-restx namespace
 * module imports only `flask_restx`, a gRPC servicer module often only its `*_pb2_grpc` module.
 */
export function frameworkHint(file: HandlerSource): Framework | undefined {
  if (FLASK_MODULES.some((m) => file.importsModule(m))) return 'flask';
  if (DJANGO_MODULES.some((m) => file.importsModule(m))) return 'django';
  if (file.classes.some((c) => baseNames(file, c).some((b) => SERVICER.test(b)))) return 'grpc';
  if (file.importsModule('gradio') && GRADIO_WIRING.test(file.source)) return 'gradio';
  if (file.functions.some((fn) => mayBeLambdaHandler(file.source, fn) && isLambdaHandler(fn))) return 'aws-lambda';
  if (BOT_MODULES.some((m) => file.importsModule(m)) && (BOT_DECORATOR.test(file.source) || BOT_REGISTRATION.test(file.source))) return 'chat-bot';
  if (servesModelHooks(file, (cls) => baseNames(file, cls))) return 'model-server';
  return undefined;
}

/**
 * Chat bots that serve a model answer each message through a handler, like a route: the same
 * questions apply (an unhandled model error, unchecked text, nothing logged). pyTelegramBotAPI
 * `@bot.message_handler(...)`, aiogram `@dp.message_handler(...)` / `@router.message(...)`,
 * discord.py `@bot.command()` / `@client.event`, Slack Bolt `@app.message(...)`, and
 * python-telegram-bot's `CommandHandler("start", start)` / `MessageHandler(filters.TEXT, reply)`,
 * and Chainlit's `@cl.on_message` / `@cl.on_chat_start` / `@cl.action_callback(...)` (the chat UI
 * calls them for every message and every new session).
 */
const BOT_MODULES = ['telebot', 'aiogram', 'telegram', 'discord', 'slack_bolt', 'chainlit'];
const BOT_DECORATOR =
  /^[ \t]*@[ \t]*[A-Za-z_]\w*\.(?:message_handler|edited_message_handler|callback_query_handler|inline_handler|channel_post_handler|message|edited_message|callback_query|command|event|on_message|on_chat_start|on_chat_resume|on_settings_update|on_audio_chunk|action_callback)\b/m;
const BOT_REGISTRATION = /\b(?:CommandHandler|MessageHandler|CallbackQueryHandler|InlineQueryHandler)\s*\(/;
/** The function a python-telegram-bot handler object is built around: its last positional argument or `callback=`. */
const BOT_CALLBACK =
  /\b(?:CommandHandler|MessageHandler|CallbackQueryHandler|InlineQueryHandler)\s*\((?:[^()]|\([^()]*\))*?(?:callback\s*=\s*|,\s*|\(\s*)([A-Za-z_]\w*)\s*(?:,\s*[a-z_]+\s*=[^()]*)?\)/g;

/** Module-level functions a chat-bot framework calls for each message, command or event. */
function botHandlers(file: HandlerSource, seen: Set<number>): HandlerInfo[] {
  const registered = new Set<string>();
  for (const m of file.source.matchAll(BOT_CALLBACK)) registered.add(m[1]);
  const found: HandlerInfo[] = [];
  for (const fn of file.functions) {
    const owner = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
    if (owner?.type !== 'module' || seen.has(fn.id)) continue;
    const name = fn.childForFieldName('name')?.text;
    if (!name) continue;
    if (!registered.has(name) && !decoratorsOf(fn).some((d) => BOT_DECORATOR.test(d.text))) continue;
    seen.add(fn.id);
    found.push({ node: fn, name, isAsync: isAsync(fn), framework: 'chat-bot' });
  }
  return found;
}

/**
 * An AWS Lambda entry point: a module-level `def handler(event, context)` (the runtime calls it
 * once per invocation, so it answers requests like a route), or a function named `lambda_handler`.
 * The `(event, context)` pair is the runtime's calling convention; other code rarely uses it.
 * Google Cloud Functions triggered by an event are called the same way: `def fn(event, context)`
 * or `def fn(cloud_event, context)` (background functions), or a function decorated with
 * `@functions_framework.cloud_event` (one parameter).
 */
const LAMBDA_EVENT = /^_?(event|evt|cloud_event)$/;
const CLOUD_EVENT_DECORATOR = /^@\s*functions_framework\.cloud_event\s*$/;
const LAMBDA_CONTEXT = /^_?(context|ctx)?$/;

/** A definition's name and its first parameter's name, read from the text at its start. */
const DEFINITION_HEAD = /(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\([ \t\r\n]*([A-Za-z_]\w*)?/y;

/**
 * False when the text of the definition's head already rules out `isLambdaHandler` (another name
 * and a first parameter that is no event), which spares marshalling every function's parameters
 * out of WASM; true when the full check must decide, including for a head the pattern cannot read.
 */
function mayBeLambdaHandler(source: string, fn: Node): boolean {
  DEFINITION_HEAD.lastIndex = fn.startIndex;
  const head = DEFINITION_HEAD.exec(source);
  if (!head || head[2] === undefined) return true;
  return head[1] === 'lambda_handler' || LAMBDA_EVENT.test(head[2]);
}

function isLambdaHandler(fn: Node): boolean {
  const owner = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  if (owner?.type !== 'module') return false;
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.text ?? '').split(/[:=]/)[0].trim());
  if (fn.childForFieldName('name')?.text === 'lambda_handler' && params.length >= 1) return true;
  if (params.length === 1 && decoratorsOf(fn).some((d) => CLOUD_EVENT_DECORATOR.test(d.text))) return true;
  return params.length === 2 && LAMBDA_EVENT.test(params[0]) && LAMBDA_CONTEXT.test(params[1]);
}

function lambdaHandlers(file: HandlerSource, seen: Set<number>): HandlerInfo[] {
  return file.functions
    .filter((fn) => !seen.has(fn.id) && mayBeLambdaHandler(file.source, fn) && isLambdaHandler(fn))
    .map((fn) => {
      const event = (fn.childForFieldName('parameters')?.namedChildren[0]?.text ?? '').split(/[:=]/)[0].trim();
      return {
        node: fn,
        name: fn.childForFieldName('name')?.text ?? '?',
        isAsync: isAsync(fn),
        framework: 'aws-lambda' as const,
        ...(/^\w+$/.test(event) ? { payload: event } : {}),
      };
    });
}

/**
 * Gradio wires a plain function to the UI: `gr.Interface(fn=predict, ...)`, `gr.ChatInterface(respond)`,
 * `button.click(predict, inputs=..., outputs=...)`. Every user action runs it, so it is a request
 * handler like a route, and the same questions apply (errors, input size, logging, per-call loads).
 */
const GRADIO_WIRING = /\b(?:Interface|ChatInterface|TabbedInterface)\s*\(|\.(?:click|submit|change|upload|then)\s*\(/;
const GRADIO_FN =
  /\b(?:Interface|ChatInterface)\s*\(\s*(?:fn\s*=\s*)?([A-Za-z_]\w*)\s*[,)]|\b(?:Interface|ChatInterface)\s*\([^()]*?\bfn\s*=\s*([A-Za-z_]\w*)|\.(?:click|submit|change|upload|then)\s*\(\s*(?:fn\s*=\s*)?([A-Za-z_]\w*)\s*[,)]/g;

/** Module-level functions a Gradio app wires to an interface or an event listener. */
function gradioHandlers(file: HandlerSource, seen: Set<number>): HandlerInfo[] {
  const names = new Set<string>();
  for (const m of file.source.matchAll(GRADIO_FN)) names.add(m[1] ?? m[2] ?? m[3]);
  const found: HandlerInfo[] = [];
  for (const fn of file.functions) {
    const name = fn.childForFieldName('name')?.text;
    if (!name || !names.has(name) || seen.has(fn.id)) continue;
    const owner = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
    if (owner?.type !== 'module') continue;
    seen.add(fn.id);
    found.push({ node: fn, name, isAsync: isAsync(fn), framework: 'gradio' });
  }
  return found;
}

/** Handlers defined as methods of view, resource and servicer classes (and Gradio's wired functions). */
export function classHandlers(file: HandlerSource, framework: Framework, known: readonly HandlerInfo[]): HandlerInfo[] {
  const found: HandlerInfo[] = [];
  const seen = new Set(known.map((h) => h.node.id));
  if (framework === 'gradio') return gradioHandlers(file, seen);
  if (framework === 'aws-lambda') return lambdaHandlers(file, seen);
  if (framework === 'chat-bot') return botHandlers(file, seen);
  if (framework === 'model-server') return modelServerHandlers(file, (cls) => baseNames(file, cls), seen);
  const routes = framework === 'flask' ? resourceRoutes(file.source) : framework === 'tornado' || framework === 'falcon' ? routeTable(file.source) : new Map<string, string>();
  for (const cls of file.classes) {
    const bases = baseNames(file, cls);
    // A Falcon resource is any class with responders, often with no base at all.
    if (bases.length === 0 && framework !== 'falcon') continue;
    const kind = viewKind(framework, bases);
    if (!kind) continue;
    const className = cls.childForFieldName('name')?.text ?? '?';
    const route = routes.get(className) ?? classRoute(file.source, cls);
    for (const member of cls.childForFieldName('body')?.namedChildren ?? []) {
      const fn = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
      if (fn?.type !== 'function_definition' || seen.has(fn.id)) continue;
      const name = fn.childForFieldName('name')?.text ?? '?';
      const method = methodOf(kind, name, fn);
      if (!method) continue;
      seen.add(fn.id);
      found.push({
        node: fn,
        name: `${className}.${name}`,
        isAsync: isAsync(fn),
        framework,
        ...(route !== undefined ? { route } : {}),
        ...(method !== '*' ? { methods: [method] } : {}),
      });
    }
  }
  return found;
}

type ViewKind = 'http' | 'viewset' | 'servicer' | 'falcon';

function viewKind(framework: Framework, bases: readonly string[]): ViewKind | undefined {
  if (framework === 'flask' && bases.some((b) => FLASK_VIEW.test(b))) return 'http';
  if (framework === 'django' && bases.some((b) => /ViewSet$/.test(b))) return 'viewset';
  if (framework === 'django' && bases.some((b) => DJANGO_VIEW.test(b))) return 'http';
  if (framework === 'tornado' && bases.some((b) => TORNADO_VIEW.test(b))) return 'http';
  if (framework === 'falcon') return 'falcon';
  // A servicer is a servicer in any file: `class Predictor(model_pb2_grpc.PredictorServicer)`.
  if (bases.some((b) => SERVICER.test(b))) return 'servicer';
  return undefined;
}

/** The HTTP method a member answers ('*' for a gRPC method), or undefined when it is no handler. */
function methodOf(kind: ViewKind, name: string, fn: Node): string | undefined {
  if (kind === 'servicer') return name.startsWith('_') ? undefined : '*';
  if (kind === 'falcon') return FALCON_RESPONDER.exec(name)?.[1].toUpperCase();
  if (HTTP_METHODS.has(name)) return name.toUpperCase();
  if (kind === 'viewset') {
    if (VIEWSET_ACTIONS[name]) return VIEWSET_ACTIONS[name];
    // `@action(detail=True, methods=["post"])` adds a custom route to a viewset.
    const action = decoratorsOf(fn).find((d) => /^@\s*(\w+\.)*action\b/.test(d.text));
    if (action) return /methods\s*=\s*\[\s*['"](\w+)/.exec(action.text)?.[1]?.toUpperCase() ?? 'GET';
  }
  return undefined;
}

/** The last segment of each base class, after resolving imports (`views.MethodView` -> `MethodView`). */
function baseNames(file: HandlerSource, cls: Node): string[] {
  const list = cls.childForFieldName('superclasses');
  if (!list) return [];
  const names: string[] = [];
  for (const base of list.namedChildren) {
    if (!base || base.type === 'keyword_argument') continue;
    const text = base.text;
    const resolved = file.imports.get(text) ?? text;
    names.push(resolved.slice(resolved.lastIndexOf('.') + 1));
  }
  return names;
}

const ADD_RESOURCE = /\.add_resource\(\s*([A-Za-z_]\w*)\s*,\s*[rRuU]?(['"])([^'"\n]*)\2/g;
const AS_VIEW = /\.add_url_rule\(\s*[rRuU]?(['"])([^'"\n]*)\1[^)]*?view_func\s*=\s*([A-Za-z_]\w*)\.as_view/g;

/** `api.add_resource(Iris, '/iris')` and `app.add_url_rule('/x', view_func=View.as_view('x'))`: class name -> route. */
function resourceRoutes(source: string): Map<string, string> {
  const routes = new Map<string, string>();
  if (source.includes('add_resource')) for (const m of source.matchAll(ADD_RESOURCE)) routes.set(m[1], m[3]);
  if (source.includes('as_view')) for (const m of source.matchAll(AS_VIEW)) routes.set(m[3], m[2]);
  return routes;
}

/**
 * Tornado's `Application([(r"/predict", PredictHandler), ...])` and Falcon's
 * `app.add_route('/predict', Predict())`: the route of each class named there.
 */
const ROUTE_TABLE = /(?:\(|\badd_route\s*\()\s*[rRuU]?(['"])(\/[^'"\n]*)\1\s*,\s*([A-Za-z_]\w*)\s*[,)(]/g;

function routeTable(source: string): Map<string, string> {
  const routes = new Map<string, string>();
  for (const m of source.matchAll(ROUTE_TABLE)) if (!routes.has(m[3])) routes.set(m[3], m[2]);
  return routes;
}

/** `@ns.route('/predict')` on a flask-restx resource class. */
function classRoute(source: string, cls: Node): string | undefined {
  const parent = cls.parent;
  if (parent?.type !== 'decorated_definition') return undefined;
  const decorators = source.slice(parent.startIndex, cls.startIndex);
  return /@\s*[\w.]+\.route\(\s*[rRuU]?(['"])([^'"\n]*)\1/.exec(decorators)?.[2];
}
