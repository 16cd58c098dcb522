import type { Node } from 'web-tree-sitter';
import { AUTH, handlerAuthenticated, handlerClass, handlerClassHead, hasAppAuth } from '../../python/auth';
import { calledEffect } from '../../project/effects';
import { isLlmCall, llmCallCandidates } from '../../python/llm-calls';
import type { HandlerInfo, PythonModel } from '../../python/model';
import { MODEL_LOADER } from '../../python/serving';
import { openWriteRoute, STORE_WRITE_HINT, writesVectorStore } from '../../python/vector-stores';
import { clearsOwnSessionOnly, sessionHelpers } from '../../python/sessions';
import { l, pythonRule, type PythonContext } from '../../rule';

/** Words that change what is served only when the handler loads a model again (`/update` that unpickles). */
const REFRESH = new Set(['update', 'refresh']);

/** Does the handler itself call a model loader (`pickle.load`, `joblib.load`, `from_pretrained`)? */
function loadsModelInHandler(model: PythonModel, handler: HandlerInfo): boolean {
  return model.callsWithin(handler.node.startIndex, model.handlerEnd(handler)).some((c) => c.callee !== undefined && MODEL_LOADER.test(c.callee));
}

/** Words of a route, handler or class that name an operation changing what the service serves or stores. */
const ACTIONS = new Set([
  'delete',
  'remove',
  'drop',
  'purge',
  'clear',
  'reset',
  'retrain',
  'train',
  'fit',
  'reload',
  'swap',
  'promote',
  'rollback',
  'deploy',
  'shutdown',
  'ingest',
]);
/** Words that say the route reads, whatever else it names (`/train/status`, `/models/list`). */
const READS = new Set(['status', 'list', 'get', 'info', 'history', 'health', 'metrics', 'predict', 'prediction', 'score', 'docs', 'progress', 'result', 'results']);
export default pythonRule({
  id: 'unauthenticated-state-change',
  language: 'python',
  // Each handler is judged by its own route, name, class and text; app-wide authentication is the fact below.
  local: 'statement',
  // The GET check also reads the file's model-calling helpers and any rate limiter; the upload check its vector-store writers.
  statementFact: (model) =>
    `${hasAppAuth(model)}:${RATE_LIMIT.test(model.source)}:${[...llmHelpers(model)].join(',')}:${[...sessionHelpers(model, ANSWER_ONLY)].join(',')}:${[...storeHelpers(model)].join(',')}`,
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-306', 'gap:unauthenticated-model-admin'],
  messages: {
    open: l(
      "'{handler}'({what})는 서비스 상태를 바꾸는데({action}) 인증이 없습니다 — 서비스에 닿는 누구나 부를 수 있습니다",
      "'{handler}' ({what}) changes the service's state ({action}) with no authentication — anyone who can reach the service can call it",
    ),
    openGet: l(
      "'{handler}'({what})는 GET으로 상태를 바꾸고({action}) 인증도 없습니다 — 링크 미리보기나 크롤러도 실행할 수 있습니다",
      "'{handler}' ({what}) changes state ({action}) on a GET with no authentication — link previews and crawlers can trigger it too",
    ),
    knowledge: l(
      "'{handler}'({what})는 답변의 근거가 되는 벡터 저장소에 문서를 넣거나 지우는데 인증이 없습니다 — 서비스에 닿는 누구나 모든 사용자의 답을 바꿀 수 있습니다",
      "'{handler}' ({what}) writes documents into (or removes them from) the vector store the answers are drawn from, with no authentication — anyone who can reach the service changes every user's answers",
    ),
    knowledgeVia: l(
      "'{handler}'({what})는 {call}를 거쳐 답변의 근거가 되는 벡터 저장소에 문서를 넣거나 지우는데({file}의 {store}) 인증이 없습니다 — 서비스에 닿는 누구나 모든 사용자의 답을 바꿀 수 있습니다",
      "'{handler}' ({what}) writes documents into (or removes them from) the vector store the answers are drawn from, through {call} ({store} in {file}), with no authentication — anyone who can reach the service changes every user's answers",
    ),
    llmGet: l(
      "'{handler}'({what})는 GET 요청마다 유료 모델 API를 부르는데 인증도 속도 제한도 없습니다 — 주소를 아는 누구나(크롤러, 링크 미리보기 포함) 키로 비용을 쓰고, 프롬프트가 URL과 접근 로그에 남습니다",
      "'{handler}' ({what}) calls a paid model API on every GET with no authentication or rate limit — anyone who finds the URL (crawlers and link previews too) spends the key, and the prompt lands in URLs and access logs",
    ),
  },
  docs: {
    summary: l(
      '모델 재학습·교체·재로딩, 데이터 삭제·초기화처럼 상태를 바꾸는 라우트와 RPC(쓰기 메서드의 /admin 경로 포함)에 인증이 없는 경우, 답변의 근거인 벡터 저장소에 문서를 넣는 업로드 라우트(다른 모듈의 도우미를 거쳐도)에 인증이 없는 경우, 그리고 인증도 속도 제한도 없이 GET마다 유료 모델 API를 부르는 라우트를 찾습니다.',
      'Flags routes and RPCs that change state (retrain, swap or reload the model, delete or reset data, and /admin routes that POST, PUT, PATCH or DELETE) with no authentication, upload routes that write documents into the vector store the answers come from (also through a helper of another module) with no authentication, and GET routes that call a paid model API with no authentication or rate limit.',
    ),
    why: l(
      '예측 API는 공개해도 되지만, 모델을 바꾸거나 데이터를 지우는 엔드포인트는 다릅니다. 인증이 없으면 누구나 운영 모델을 덮어쓰거나, 학습을 반복 호출해 서버를 멈추거나, 기록을 지울 수 있습니다.',
      'A prediction API may be public; an endpoint that replaces the model or deletes data is not. Without authentication anyone can overwrite the production model, call training in a loop until the server stalls, or erase records.',
    ),
    bad: "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.post('/model/reload')\ndef reload_model(path: str):\n    app.state.model = load(path)\n    return {'reloaded': path}\n",
    good: "from fastapi import Depends, FastAPI\n\nfrom auth import require_admin\n\napp = FastAPI()\n\n@app.post('/model/reload')\ndef reload_model(path: str, user=Depends(require_admin)):\n    # TODO: 누가 모델을 바꿀 수 있어야 하나요? path는 허용된 위치인가요?\n    app.state.model = load(path)\n    return {'reloaded': path}\n",
  },
  weeks: ['advanced/4', 'intermediate/7'],
  questions: [
    l(
      "이 서비스 주소를 아는 사람이 '{handler}'를 1초에 100번 부르면 무슨 일이 생길까요?",
      "If someone who knows the service address calls '{handler}' a hundred times a second, what happens?",
    ),
    l(
      '{action|이 작업}은 누가 할 수 있어야 하나요? 그 사람(또는 CI)은 어떻게 자신을 증명하나요?',
      'Who should be allowed to {action|do this}? How does that person (or CI) prove who they are?',
    ),
    l('이 작업을 예측 API와 같은 포트·같은 서비스에 둘 필요가 있을까요?', 'Does this operation need to live on the same port and service as the prediction API?'),
  ],
  scaffold: {
    ko: '# TODO: 상태를 바꾸는 엔드포인트 보호하기\n# 고려사항:\n# - 인증 방식: API 키 헤더? 토큰(Depends/데코레이터)? 내부망 전용 포트?\n# - 권한: 예측하는 사용자와 모델을 바꾸는 사용자는 같은가요?\n# - 학습·재로딩처럼 무거운 작업은 호출 횟수를 제한할까요?\n# TODO: 인증 의존성(또는 데코레이터) 추가\n',
    en: '# TODO: protect the state-changing endpoint\n# Consider:\n# - how: an API key header? a token (Depends/decorator)? an internal-only port?\n# - who: is the caller who predicts the one who may change the model?\n# - should heavy operations (train, reload) be rate limited?\n# TODO: add an authentication dependency (or decorator)\n',
  },
  project(context) {
    // Authentication set up where the app is built (an API-key middleware in main.py) covers the
    // routers of other modules the app mounts: their files cannot see it, the project can.
    const { view } = context;
    const authed = new Set<string>();
    for (const app of view.apps) {
      if (!app.files.some((file) => view.python.get(file)?.appAuth)) continue;
      for (const file of app.files) {
        context.withdraw(file);
        authed.add(file);
      }
    }
    // An open upload route whose documents reach the vector store through a helper of another module.
    for (const [path, facts] of view.python) {
      if (authed.has(path)) continue;
      const reported = new Set<string>();
      for (const call of facts.handlerCalls ?? []) {
        if (!call.openWrite || reported.has(call.handler)) continue;
        const words = [...splitWords(call.route ?? ''), ...splitWords(call.handler)];
        // A named action is the per-file check's to judge (and a read route's words keep it quiet there too).
        if (words.some((w) => ACTIONS.has(w) || (READS.has(w) && w !== 'docs'))) continue;
        const reached = calledEffect(view, path, call.name, 'stores', call.scope);
        if (!reached || reached.path === path) continue;
        reported.add(call.handler);
        context.report({
          path,
          range: call.openWrite,
          messageId: 'knowledgeVia',
          data: {
            handler: call.handler,
            what: call.route ?? call.handler,
            call: `${call.written ?? call.name}()`,
            store: `${reached.effect.what}()`,
            file: reached.path.split('/').slice(-3).join('/'),
          },
          // Reviewers point at the route or at its call into the helper: the squiggle is the first, the second goes with it.
          related: [
            { path, range: call.range, message: l('도우미를 부르는 곳', 'the call into the helper') },
            { path: reached.path, range: reached.effect.range, message: l('벡터 저장소에 쓰는 호출', 'the call that writes into the vector store') },
          ],
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0 || hasAppAuth(model)) return;
    const reported = new Set<number>();
    for (const handler of model.handlers) {
      const cls = handlerClass(handler);
      const classHead = handlerClassHead(model, handler);
      const words = [...splitWords(handler.route ?? ''), ...splitWords(handler.name), ...splitWords(classHead)];
      const action =
        words.find((w) => ACTIONS.has(w)) ??
        (handler.name === 'delete' || handler.methods?.includes('DELETE') ? 'delete' : undefined) ??
        // `/update` or `/refresh` that reads the model again (`pickle.load` in the handler) swaps what is served: a reload by another name.
        (words.some((w) => REFRESH.has(w)) && loadsModelInHandler(model, handler) ? 'reload' : undefined) ??
        // `POST /admin/weights`, `PUT /admin/config`: an admin route that writes reconfigures the service, whatever it is called.
        (words.includes('admin') && writes(handler.methods) ? 'reconfigure' : undefined);
      // `/upload-docs` writes documents: `docs` reads only where nothing is written into a store.
      const chosen = action ?? (writesKnowledgeBase(model, handler) ? 'ingest' : undefined);
      if (!chosen || words.some((w) => READS.has(w) && (action !== undefined || w !== 'docs'))) continue;
      // A Gradio "Clear" or "Reset" button empties the visitor's chat or form, not what the service stores.
      if (handler.framework === 'gradio' && (chosen === 'clear' || chosen === 'reset')) continue;
      // So does a /clear or /reset that only empties the caller's own session (Flask's cookie `session`).
      if ((chosen === 'clear' || chosen === 'reset') && clearsOwnSessionOnly(model, handler, ANSWER_ONLY)) continue;
      if (handlerAuthenticated(model, handler)) continue;
      // A placeholder that only answers ("Training started" and an id) changes nothing yet.
      if (doesNothing(handler.node)) continue;
      const onGet = (handler.methods?.length ?? 0) > 0 && handler.methods!.every((m) => m === 'GET');
      reported.add(handler.node.id);
      context.report({
        node: handler.node.childForFieldName('name') ?? handler.node,
        messageId: action === undefined ? 'knowledge' : onGet ? 'openGet' : 'open',
        data: {
          handler: handler.name,
          what: handler.route ?? (cls?.childForFieldName('name')?.text ? `${cls.childForFieldName('name')!.text}.${handler.name}` : handler.name),
          action: chosen,
        },
      });
    }
    llmOnGet(context, reported);
  },
});

/** `storeHelpers` by model: the statement fact and every open write route of the check ask for it. */
const storeHelpersOf = new WeakMap<PythonModel, Set<string>>();

/**
 * The file's top-level functions that write into a vector store themselves. Found per top-level
 * statement (`perStatement`: a re-lint reads only the edited ones again), in the order of the
 * calls: a statement whose text names no store write (`STORE_WRITE_HINT`) has none.
 */
function storeHelpers(model: PythonModel): Set<string> {
  let names = storeHelpersOf.get(model);
  if (names) return names;
  const source = model.source;
  const parts = model.perStatement('vector-store helpers', (statement): readonly string[] => {
    if (!STORE_WRITE_HINT.test(source.slice(statement.startIndex, statement.endIndex))) return NO_NAMES;
    const found: string[] = [];
    // `callsWithin` takes the calls after its start: one that opens the statement is no function's.
    for (const call of model.callsWithin(statement.startIndex, statement.endIndex)) {
      const fn = call.inFunction;
      const definition = fn?.parent?.type === 'decorated_definition' ? fn.parent : fn;
      if (fn && definition?.parent?.type === 'module' && writesVectorStore(call.node)) found.push(fn.childForFieldName('name')?.text ?? '');
    }
    return found;
  });
  names = new Set(parts.flat());
  storeHelpersOf.set(model, names);
  return names;
}
const NO_NAMES: readonly string[] = [];

/**
 * A route that writes and puts documents into (or removes them from) the vector store the answers
 * are drawn from, in its own body or in a function of this file it calls: an upload anyone can
 * make poisons every user's answers. (Helpers in other modules: the project pass.)
 */
function writesKnowledgeBase(model: PythonModel, handler: HandlerInfo): boolean {
  if (!openWriteRoute(model, handler)) return false;
  const helpers = storeHelpers(model.whole);
  return model.callsWithin(handler.node.startIndex, model.handlerEnd(handler)).some((call) => {
    if (writesVectorStore(call.node)) return true;
    const head = call.node.childForFieldName('function');
    return head?.type === 'identifier' && head.text !== handler.name && helpers.has(head.text);
  });
}

/** Methods that write (`POST`, `PUT`, `PATCH`, `DELETE`); a route with none named (Flask's default GET) only reads. */
function writes(methods: readonly string[] | undefined): boolean {
  return (methods ?? []).some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE');
}

/** A rate limiter anywhere in the file (slowapi, flask-limiter, fastapi-limiter) bounds what a caller can spend. */
const RATE_LIMIT = /\b(limiter|Limiter|RateLimiter|rate_limit|ratelimit|throttle)\b/;

/**
 * `llmHelpers` by model: the rule's `statementFact` and its check both ask for the whole file's,
 * once per re-lint each, and every call of the file is tested for it.
 */
const helpersOf = new WeakMap<PythonModel, Set<string>>();

/** Functions of the file, outside the handlers, that call a hosted model. */
function llmHelpers(model: PythonModel): Set<string> {
  let names = helpersOf.get(model);
  if (names) return names;
  names = new Set<string>();
  // Only the calls that may be model calls are asked (`llmCallCandidates`), in the same order.
  for (const call of llmCallCandidates(model)) {
    const fn = call.inFunction;
    if (fn && !model.enclosingHandler(call.node) && isLlmCall(model, call)) names.add(fn.childForFieldName('name')?.text ?? '');
  }
  helpersOf.set(model, names);
  return names;
}

/** A credential passed as a keyword argument of a call (`OpenAI(api_key=key)`): the service's own key for an outbound client. */
const OUTBOUND_KEY = /([(,]\s*)(api_key|apikey)\s*=(?!=)[^,)\n]*/gi;

/**
 * A GET route that calls a hosted model (directly or through a function of this file): every
 * crawler, link preview or prefetch that finds the URL spends the key, and the prompt is written
 * into URLs and access logs. Flask's `@app.route` without `methods=` answers GET only.
 */
function llmOnGet(context: PythonContext, reported: ReadonlySet<number>): void {
  const { model } = context;
  if (RATE_LIMIT.test(model.whole.source)) return;
  const helpers = llmHelpers(model.whole);
  for (const handler of model.handlers) {
    if (reported.has(handler.node.id) || (handler.framework !== 'flask' && handler.framework !== 'fastapi')) continue;
    const definition = handler.node.parent?.type === 'decorated_definition' ? handler.node.parent : handler.node;
    const decorators = model.source.slice(definition.startIndex, handler.node.startIndex);
    const flaskDefault = handler.framework === 'flask' && handler.methods === undefined && /\.route\s*\(/.test(decorators);
    const onGet = flaskDefault || ((handler.methods?.length ?? 0) > 0 && handler.methods!.every((m) => m === 'GET'));
    if (!onGet) continue;
    // The key the handler hands to the model's client (`AzureOpenAI(api_key=...)`) authenticates this service to the provider, not the caller to it.
    const around = model.source
      .slice(definition.startIndex, model.handlerEnd(handler))
      .replace(/#[^\n]*/g, '')
      .replace(OUTBOUND_KEY, '$1');
    if (AUTH.test(around)) continue;
    const spends = model.calls.some(
      (call) =>
        model.enclosingHandler(call.node)?.node.id === handler.node.id && (isLlmCall(model, call) || (!!call.callee && !call.callee.includes('.') && helpers.has(call.callee))),
    );
    if (!spends) continue;
    context.report({ node: handler.node.childForFieldName('name') ?? handler.node, messageId: 'llmGet', data: { handler: handler.name, what: handler.route ?? handler.name } });
  }
}

/** `reload_model`, `ModelRemove`, `/models/{name}/retrain` -> lower-case words. */
function splitWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** Calls that only build an answer or a log line: a handler making no other call changes no state. */
const ANSWER_ONLY =
  /^(str|int|float|bool|dict|list|tuple|len|print|format|jsonify|make_response|JSONResponse|Response|PlainTextResponse|HTTPException|(uuid\.)?uuid\d|datetime(\.\w+)*|time\.\w+|(\w+\.)?(logger|log|logging)\.\w+)$/;

/**
 * A stub: the body makes no call beyond building its answer (`str(uuid.uuid1())`, `jsonify`, a log
 * line) and assigns nothing but local names, so nothing is trained, deleted or reloaded yet.
 */
function doesNothing(fn: Node): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return false;
  for (const node of body.descendantsOfType(['call', 'assignment', 'augmented_assignment', 'global_statement', 'nonlocal_statement', 'delete_statement', 'await'])) {
    if (!node) continue;
    if (node.type === 'call') {
      const callee = node.childForFieldName('function');
      if (!callee || !ANSWER_ONLY.test(callee.text)) return false;
    } else if (node.type === 'assignment' || node.type === 'augmented_assignment') {
      if (node.childForFieldName('left')?.type !== 'identifier') return false;
    } else return false;
  }
  return true;
}
