import type { Node } from 'web-tree-sitter';
import { keywordArgument, type HandlerInfo, type PythonModel } from '../../python/model';
import { answersError, CHECKS, dependencyAnswersError, isHealthRoute, lastReturn, LIVENESS_ROUTE, NON_200, READINESS_ROUTE, TEXT } from '../../python/health-routes';
import { isHealthRoutePath, MODEL_LOADER, handlerRecovers, modelMayBeMissing, onlyGet } from '../../python/serving';
import { projectFunction } from '../../project/effects';
import type { ProjectView } from '../../project/index';
import type { Range } from '../../types';
import { l, nodeRange, pythonRule } from '../../rule';

/** ... about the model or the service being ready. */
const STATE = /\bmodel\w*|\w*ready\w*|\w*loaded\w*/i;

export default pythonRule({
  id: 'health-check-always-ok',
  language: 'python',
  category: 'health',
  severity: 'warning',
  anchors: ['gap:health-status-in-body', 'kube-score:pod-probes'],
  messages: {
    alwaysOk: l(
      "헬스 체크 '{handler}'는 모델 상태를 본문에만 적고 항상 200으로 응답합니다 — 상태 코드만 보는 프로브는 모델 없는 인스턴스에도 트래픽을 보냅니다",
      "The health check '{handler}' reports the model's state in the body only and always answers 200 — a probe that reads the status code keeps sending traffic to an instance without a model",
    ),
    neverReady: l(
      "헬스 체크 '{handler}'가 보는 '{name}'은(는) 모듈에서 None으로 시작하고 다시 설정되지 않습니다 — 값을 넣는 함수에 `global {name}`이 없어 지역 변수만 만들어지므로, 이 경로는 영원히 준비되지 않았다고 답합니다",
      "The health check '{handler}' reads '{name}', which starts as None at module level and is never set again — the function that assigns it has no `global {name}`, so it only binds a local, and this route answers \"not ready\" forever",
    ),
    failureAs200: l(
      '헬스 체크 \'{handler}\'는 의존 서비스 확인이 실패해도 본문에 "{answer}"라고만 적고 200으로 응답합니다 — 상태 코드만 보는 프로브와 로드 밸런서에게 이 인스턴스는 여전히 건강합니다',
      'The health check \'{handler}\' answers a failed dependency check with "{answer}" in the body and a 200 — to a probe or load balancer, which read the status code, this instance is still healthy',
    ),
    ignoresState: l(
      "헬스 체크 '{handler}'는 아무것도 확인하지 않고 항상 200으로 응답합니다 — 이 서비스는 모델 로딩에 실패해도 계속 뜨므로(또는 이것이 readiness 경로이므로), 프로브는 예측할 수 없는 인스턴스에도 트래픽을 보냅니다",
      "The health check '{handler}' checks nothing and always answers 200 — this service keeps running when its model fails to load (or this is the readiness route), so a probe keeps sending traffic to an instance that cannot predict",
    ),
    lazyModel: l(
      "헬스 체크 '{handler}'는 아무것도 확인하지 않고 항상 200으로 응답하는데, 모델은 첫 예측 요청에서야 {loader}()가 불러옵니다 — 프로브는 모델을 아직 불러오지 않은(또는 모델 파일이 없는) 인스턴스를 준비되었다고 보고, 모델이 없다는 사실은 첫 사용자가 500으로 알게 됩니다",
      "The health check '{handler}' checks nothing and always answers 200, while the model is only loaded by the first prediction, in {loader}() — a probe calls an instance ready before it has a model (or when the model file is missing), and the first user finds out with a 500",
    ),
    ignoresWorker: l(
      "헬스 체크 '{handler}'는 아무것도 확인하지 않고 항상 200으로 응답합니다 — 이 서비스의 일은 아무도 지켜보지 않는 백그라운드 스레드({target})가 하므로, 그 스레드가 예외로 죽어도 프로브는 인스턴스를 살아 있는 것으로 봅니다",
      "The health check '{handler}' checks nothing and always answers 200 — this service's work runs in a background thread ({target}) that nothing watches, so when that thread dies the probe still sees a healthy instance",
    ),
  },
  docs: {
    summary: l(
      '모듈에서 None으로 시작해 다시 설정되지 않는 이름(값을 넣는 함수에 `global`이 없어 지역 변수만 생김)을 읽는 헬스 체크 경로, 그리고 모델 로딩 상태를 확인하지만 실패해도 200으로 응답하는 헬스 체크 경로를 찾습니다 (모델 로딩 실패를 삼키고 계속 뜨는 서비스에서; 503을 돌려주는 readiness 경로 옆의 liveness 경로는 제외). 그런 서비스나 아무도 지켜보지 않는 백그라운드 스레드가 일을 하는 서비스에서 아무것도 확인하지 않는 헬스 경로와, 아무것도 확인하지 않는 readiness 경로(/ready, /readyz)도 찾습니다. 데이터베이스 ping이나 하위 서비스 호출처럼 실행 중에 실패할 수 있는 의존성을 확인하고, 실패를 본문("error", "unhealthy")에만 적어 200으로 응답하는 헬스 경로도 찾습니다. 다른 모듈의 함수가 첫 예측 요청에서야 모델을 불러오는(지연 로딩) 앱에서 아무것도 확인하지 않는 헬스 체크 경로도 찾습니다 (lifespan·startup 훅이 미리 불러오면 제외).',
      'Flags health routes that read a module-level None that is never set (the function that assigns it lacks `global`, so the route never becomes ready), and health routes that look at whether the model is loaded but answer 200 either way, in services that keep running when the model fails to load (not the liveness route beside a readiness route that answers 503); and constant health routes in such services or in services whose work runs in a background thread that nothing watches, and readiness routes (/ready, /readyz) that check nothing. Also health routes that check a dependency which can fail while the process runs (a database ping, a downstream call) and write the failure into the body only ("error", "unhealthy") with a 200. Also flags constant health routes in an app whose model is loaded lazily by the first prediction, in a function of another module, unless a lifespan or startup hook calls that loader first.',
    ),
    why: l(
      'Kubernetes readinessProbe, 로드 밸런서, docker healthcheck(curl -f)는 응답 본문이 아니라 상태 코드를 봅니다. "unhealthy"라고 적힌 200은 건강하다는 뜻이 되어, 모델 없는 인스턴스가 계속 요청을 받고 모두 실패합니다.',
      'Kubernetes readiness probes, load balancers and docker healthchecks (curl -f) read the status code, not the body. A 200 that says "unhealthy" means healthy to them, so an instance without a model keeps receiving requests and fails every one.',
    ),
    bad: "import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\ntry:\n    model = joblib.load('model.joblib')\nexcept FileNotFoundError:\n    model = None\n\n@app.get('/health')\ndef health():\n    return {'status': 'healthy' if model is not None else 'unhealthy'}\n",
    good: "import joblib\nfrom fastapi import FastAPI\nfrom fastapi.responses import JSONResponse\n\napp = FastAPI()\ntry:\n    model = joblib.load('model.joblib')\nexcept FileNotFoundError:\n    model = None\n\n@app.get('/health')\ndef health():\n    if model is None:\n        # TODO: liveness와 readiness를 나눠야 할까요? 재시작이 답이 아닌 경우는?\n        return JSONResponse({'status': 'unhealthy'}, status_code=503)\n    return {'status': 'healthy'}\n",
  },
  weeks: ['beginner/1', 'intermediate/3', 'advanced/1'],
  questions: [
    l(
      '모델 로딩이 실패한 인스턴스에서 {handler|이 헬스 체크}를 호출하면 어떤 상태 코드를 받나요? 상태 코드만 보는 로드 밸런서나 오케스트레이터는 그 인스턴스로 트래픽을 계속 보낼까요?',
      'When {handler|this health check} is called on an instance whose model failed to load, which status code does it get? Would a load balancer or orchestrator that reads only status codes keep sending traffic there?',
    ),
    l('응답 본문의 상태 필드를 읽는 것은 누구이고, 상태 코드만 보는 것은 누구인가요?', 'Who reads the status field in the body, and who only looks at the status code?'),
    l(
      '모델이 없을 때 이 인스턴스는 재시작되어야 하나요(liveness), 트래픽에서 빠져야 하나요(readiness)?',
      'Without a model, should this instance be restarted (liveness) or just taken out of traffic (readiness)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 준비되지 않았으면 상태 코드로 알리기\n# 고려사항:\n# - 모델이 없거나 의존 서비스가 안 되면 503을 돌려줄까요?\n# - liveness(살아 있음)와 readiness(받을 준비)를 다른 경로로 나눌까요?\n# - 프로브는 본문이 아니라 상태 코드를 봅니다\n# TODO: 실패 조건에서 200이 아닌 상태 코드 반환하기\n',
    en: '# TODO: say "not ready" with the status code\n# Consider:\n# - answer 503 when the model is missing or a dependency is down?\n# - separate liveness (alive) from readiness (ready for traffic)?\n# - probes read the status code, not the body\n# TODO: return a non-200 status when the check fails\n',
  },
  project(context) {
    const { view } = context;
    // A `GET /` taken for the health check by its reply (`{"status": "healthy", "docs": "/docs"}`) is
    // the landing page where the app mounts a health route of its own (`/health` in a router
    // module) and no probe or healthcheck asks `/`: what the per-file pass said of it is withdrawn.
    const probedRoot = view.deployments.some((d) => d.probes.some((p) => p.path === '/' || p.path === ''));
    for (const app of probedRoot ? [] : view.apps) {
      if (!app.routes.some((r) => r.health && r.path !== '/' && r.path !== '' && (!r.methods || r.methods.includes('GET')))) continue;
      for (const route of app.routes) {
        if (!route.health || (route.path !== '/' && route.path !== '')) continue;
        // The finding sits on the handler's name, right below the route's decorators.
        for (let line = route.range.start.line; line <= route.range.start.line + DECORATOR_LINES; line++) context.withdraw(route.file, line);
      }
    }
    for (const app of view.apps) {
      const constant = app.files.flatMap((path) => (view.python.get(path)?.constantHealth ?? []).map((route) => ({ path, route })));
      if (constant.length === 0) continue;
      const loader = lazyModelLoader(view, app.files);
      if (!loader) continue;
      for (const { path, route } of constant) {
        context.report({
          path,
          range: route.range,
          messageId: 'lazyModel',
          data: { handler: route.handler, loader: loader.name },
          related: [...(route.answer ? [{ path, range: route.answer, message: ANSWER }] : []), { path: loader.path, range: loader.range, message: LAZY_LOAD }],
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0) return;
    const unset = namesNeverSet(model);
    const reportedNeverReady = new Set<HandlerInfo>();
    if (unset.length > 0)
      for (const handler of model.handlers) {
        if (!isHealthRoute(model, handler)) continue;
        const body = model.source.slice(handler.node.startIndex, model.handlerEnd(handler)).replace(/^[^\n]*\n/, '');
        const name = unset.find((n) => new RegExp(`\\b${n}\\b`).test(body) && !assigns(body, n));
        if (!name) continue;
        reportedNeverReady.add(handler);
        context.report({ node: handler.node.childForFieldName('name') ?? handler.node, messageId: 'neverReady', data: { handler: handler.name, name }, ...answerPlace(handler) });
      }
    // A dependency checked at run time (a database ping, a downstream call) whose failure is
    // answered in the body only: whatever the model does, the probe sees 200.
    const dependencyReported = new Set<HandlerInfo>();
    for (const handler of model.handlers) {
      if (reportedNeverReady.has(handler) || !isHealthRoute(model, handler) || !onlyGet(handler.methods)) continue;
      const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
      const body = text.replace(/^[^\n]*\n/, '');
      const failure = FAILURE_ANSWER.exec(body);
      if (!failure || !DEPENDENCY_CHECK.test(body) || NON_200.test(body) || dependencyAnswersError(model, text)) continue;
      dependencyReported.add(handler);
      context.report({
        node: handler.node.childForFieldName('name') ?? handler.node,
        messageId: 'failureAs200',
        data: { handler: handler.name, answer: failure[1] },
        ...answerPlace(handler),
      });
    }
    // Where the model is loaded here, only a load that can fail softly leaves it missing at run
    // time; a router module reading `app.state.model` cannot tell, and its check says it can be.
    const loadsHere = model.calls.some((c) => c.callee !== undefined && MODEL_LOADER.test(c.callee));
    // Loaded through a function of the project's own (`from .model import load_model`), the load's
    // soft failure lives in that module; a health route that answers a degraded state for it
    // (`"ok" if loaded else "degraded"`) says the model can be missing.
    const saysDegraded =
      model.calls.some((c) => c.callee !== undefined && MODEL_LOADER.test(c.callee) && !LIBRARY_LOADER.test(c.callee) && importedFunctionCall(model, c.node)) &&
      model.handlers.some((h) => isHealthRoute(model, h) && DEGRADED_ANSWER.test(model.source.slice(h.node.startIndex, model.handlerEnd(h))));
    if (loadsHere && !modelMayBeMissing(model) && !saysDegraded) return;
    // A readiness route beside it that answers 503 until the model is there (`/ready`, `/readyz`) and
    // no liveness route of its own: the other health route is the liveness check, which should answer 200.
    const routes = model.handlers.map((h) => h.route ?? '');
    const readinessGuarded =
      !routes.some((r) => LIVENESS_ROUTE.test(r)) && model.handlers.some((h) => h.route !== undefined && READINESS_ROUTE.test(h.route) && answersError(model, h));
    let worker: string | undefined;
    for (const handler of model.handlers) {
      if (reportedNeverReady.has(handler) || dependencyReported.has(handler) || !isHealthRoute(model, handler) || !onlyGet(handler.methods)) continue;
      if (readinessGuarded && !(handler.route !== undefined && READINESS_ROUTE.test(handler.route))) continue;
      const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
      const body = text.replace(/^[^\n]*\n/, '');
      if (NON_200.test(body) || dependencyAnswersError(model, text)) continue;
      const node = handler.node.childForFieldName('name') ?? handler.node;
      // The check is in the code: "see if the model is loaded" written in a reply or a comment checks nothing.
      const code = body.replace(TEXT, (text: string, prefix?: string) => (prefix === undefined ? '' : /f/i.test(prefix) || !/\s/.test(text) ? text : '""'));
      if (STATE.test(code) && CHECKS.test(code)) {
        if (!loadedAtStartupOrFails(model, code)) context.report({ node, messageId: 'alwaysOk', data: { handler: handler.name }, ...answerPlace(handler) });
      } else if (!CHECKS.test(code) && checksExpected(model, handler, loadsHere, routes))
        context.report({ node, messageId: 'ignoresState', data: { handler: handler.name }, ...answerPlace(handler) });
      else if (!CHECKS.test(code) && (worker ??= unwatchedWorker(model) ?? '') !== '')
        context.report({ node, messageId: 'ignoresWorker', data: { handler: handler.name, target: worker }, ...answerPlace(handler) });
    }
  },
});

/** How far below a route's decorator its `def` may be (stacked decorators: a response model, a limiter). */
const DECORATOR_LINES = 3;

const ANSWER = l('200으로 답하는 응답', 'the answer that says 200');
const LAZY_LOAD = l('첫 요청에서 모델을 불러오는 곳', 'where the first request loads the model');

/** A function that runs at start-up: a lifespan, a startup hook, a warm-up. Calling the loader there loads the model before traffic. */
const STARTUP_FUNCTION = /(^|\.)(lifespan|\w*startup\w*|warm_?up\w*|preload\w*)$/i;

/**
 * The project function that a request handler of the app reaches (directly or through one helper)
 * and that loads a model once, on its first call (`if _model is None: _model = joblib.load(...)`,
 * `@lru_cache`): the model arrives with the first request. A loader that a lifespan or startup hook
 * also calls loads before traffic, and one that loads on every call is model-loaded-per-request's.
 */
function lazyModelLoader(view: ProjectView, files: readonly string[]): { name: string; path: string; range: Range } | undefined {
  // `at` is the call that reaches the loader (in the handler, or in the helper it calls): the related place.
  const reach = (from: string, name: string, scope: string | undefined, at: Range, depth: number): { name: string; path: string; range: Range } | undefined => {
    const target = projectFunction(view, from, name, scope);
    if (!target || target.fn.loads) return undefined;
    if (target.fn.loadsOnce) return { name: target.fn.name, path: from, range: at };
    if (depth === 0) return undefined;
    for (const call of target.fn.calls) {
      const found = call.range && reach(target.path, call.name, undefined, call.range, depth - 1);
      if (found) return found;
    }
    return undefined;
  };
  for (const path of files) {
    for (const call of view.python.get(path)?.handlerCalls ?? []) {
      if (call.route !== undefined && isHealthRoutePath(call.route)) continue;
      const loader = reach(path, call.name, call.scope, call.range, 1);
      if (!loader) continue;
      const short = loader.name.split('.').pop() as string;
      const warmed = files.some((file) =>
        (view.python.get(file)?.functions ?? []).some((fn) => STARTUP_FUNCTION.test(fn.name) && fn.calls.some((c) => c.name.split('.').pop() === short)),
      );
      return warmed ? undefined : loader;
    }
  }
  return undefined;
}

/**
 * The route's last `return` (outside nested functions), where the 200 is written: reviewers point
 * at the route or at that answer, so the finding names both (the editor shows it as a related place).
 */
function answerPlace(handler: HandlerInfo): { related?: { range: ReturnType<typeof nodeRange>; message: typeof ANSWER }[] } {
  const last = lastReturn(handler.node);
  return last && last.startPosition.row !== handler.node.startPosition.row ? { related: [{ range: nodeRange(last), message: ANSWER }] } : {};
}

/** A line of `text` that binds `name` (`name = ...`, `name += ...`, `for name in`, `as name`, `name, other = ...`). */
function assignmentPattern(name: string): RegExp {
  return new RegExp(`(^|[,(\\[]\\s*|\\bas\\s+|\\bfor\\s+)${name}\\b\\s*(?:[,)\\]]|(?::[^=\\n]+)?[-+*/|&]?=(?!=)|\\s+in\\b)`, 'm');
}

function assigns(text: string, name: string): boolean {
  return text.split('\n').some((line) => assignmentPattern(name).test(line.trim()));
}

/**
 * Module-level names that start as None and are only ever assigned inside functions that do not
 * declare them `global` (`model = None` ... `def load(): model = joblib.load(...)`): those
 * functions bind a local, so the module's name stays None for good. A name rebound at module
 * level (under `if __name__ == "__main__":` too), imported, declared global anywhere, reached
 * through `globals()`, or never assigned in a function at all (another module may set it) is not one.
 */
function namesNeverSet(model: PythonModel): string[] {
  const source = model.source;
  if (/\bglobals\(\)/.test(source)) return [];
  // Read only once a module-level `name = None` asks: a function's end row crosses into WASM.
  let lines: string[] | undefined;
  let functions: (readonly [number, number])[] | undefined;
  const inFunction = (row: number) =>
    (functions ??= model.functions.map((f) => [f.startPosition.row, f.endPosition.row] as const)).some(([start, end]) => start <= row && row <= end);
  const names: string[] = [];
  for (const match of source.matchAll(/^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*None\s*(?:#.*)?$/gm)) {
    const name = match[1];
    if (
      names.includes(name) ||
      new RegExp(`^[ \\t]*(global|nonlocal)[ \\t]+[\\w \\t,]*\\b${name}\\b`, 'm').test(source) ||
      new RegExp(`\\bimport\\s+[^\\n#]*?(?<![\\w.])${name}\\b(?!\\.)`).test(source)
    )
      continue;
    const noneRow = source.slice(0, match.index).split('\n').length - 1;
    const pattern = assignmentPattern(name);
    const rows = (lines ??= source.split('\n')).flatMap((line, row) => (row !== noneRow && pattern.test(line.trim()) ? [row] : []));
    if (rows.length > 0 && rows.every(inFunction)) names.push(name);
  }
  return names;
}

/**
 * A constant answer is wrong where something can be missing: the model of a service that keeps
 * running when its load fails, or the readiness route of a service that takes traffic. A liveness
 * route beside a readiness route is meant to be constant.
 */
function checksExpected(model: PythonModel, handler: HandlerInfo, loadsHere: boolean, routes: readonly string[]): boolean {
  const route = handler.route ?? '';
  // A probe-only server beside a worker takes no traffic for readiness to hold back.
  if (READINESS_ROUTE.test(route)) return model.handlers.some((h) => h.route !== undefined && !isHealthRoute(model, h) && !/metrics/.test(h.route));
  return loadsHere && modelMayBeMissing(model) && !routes.some((r) => r !== route && READINESS_ROUTE.test(r));
}

/**
 * The target of a thread the service starts for its work (`threading.Thread(target=listen,
 * daemon=True).start()` at start-up: a consumer, a poller) when nothing in the file asks whether it
 * is still alive (`is_alive()`): the health route is the one place that could.
 */
function unwatchedWorker(model: PythonModel): string | undefined {
  if (!model.importsModule('threading') || /\.is_alive\s*\(/.test(model.source)) return undefined;
  for (const call of model.calls) {
    if (!/^threading\.Thread$/.test(call.callee ?? '')) continue;
    const target = keywordArgument(call.node, 'target')?.text;
    if (target && /^[\w.]+$/.test(target)) return target;
  }
  return undefined;
}

/** Loaders of the ML libraries themselves (anything else that loads a model is the project's own function). */
const LIBRARY_LOADER =
  /^(joblib|pickle|dill|cloudpickle|torch|tensorflow|tf|keras|mlflow|transformers|sklearn|xgboost|lightgbm|catboost|onnx|onnxruntime|sentence_transformers|bentoml|ultralytics|fastai|spacy|gensim|huggingface_hub|diffusers|timm|safetensors|numpy|np|pandas|pd|skops|tensorflow_hub|openvino|tritonclient)\./;

/** `load_model()` where `load_model` is not defined here (imported, relatively too): a function whose body this file does not see. */
function importedFunctionCall(model: PythonModel, call: Node): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'identifier' && !model.functions.some((f) => f.childForFieldName('name')?.text === fn.text);
}

/** An answer string for the model's absence: `"degraded"`, `"model not loaded"`, `"unavailable"`. */
/** A failure written into a returned answer (`return {"status": "error"}`, `"db": "unreachable"`): the first word found. */
const FAILURE_ANSWER =
  /\breturn\b(?:(?!\breturn\b)[\s\S]){0,160}?['"][^'"\n]*?\b(error|unhealthy|down|fail(?:ed|ing|ure)?|degraded|unavailable|disconnected|unreachable|not[ _-]?(?:ready|ok|healthy|connected|reachable))\b/i;
/** The route checks something that can go down while the process runs: a ping, a query, a downstream call, a caught failure. */
const DEPENDENCY_CHECK =
  /\b(?:ping\w*|execute|command|is_connected|connected|get_connection|connection|select\s+1|urlopen)\b|\b(?:requests|httpx|session|client|redis|db|conn|cursor|engine|producer|consumer)\.\w+\s*\(|\bexcept\b/i;
const DEGRADED_ANSWER = /['"](?:[^'"\n]*\b)?(degraded|unhealthy|unavailable|not[ _-]?(?:loaded|ready))\b[^'"\n]*['"]/i;

/**
 * `STATE["bundle"] = load_bundle(PATH)` in the lifespan or a startup hook, with no `try` there that
 * goes on without it (an `except` that logs and re-raises is fine): a failed load stops the start-up, so while the route answers, what it reports is always loaded
 * (the loader is the project's own function, which MODEL_LOADER cannot name).
 */
function loadedAtStartupOrFails(model: PythonModel, code: string): boolean {
  // A load this file can see failing softly (a `try` that goes on without the model) decides instead.
  if (modelMayBeMissing(model)) return false;
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const header = model.source.slice(definition.startIndex, fn.childForFieldName('body')?.startIndex ?? fn.endIndex);
    if (!STARTUP_HOOK.test(header)) continue;
    const text = model.source.slice(fn.startIndex, fn.endIndex);
    // A `try` there whose every `except` ends in a `raise` (log, then re-raise) still stops the start-up.
    if (/\btry\s*:/.test(text) && fn.descendantsOfType('try_statement').some((t) => !!t && handlerRecovers(t))) continue;
    for (const match of text.matchAll(STARTUP_ASSIGNMENT)) {
      const target = match[1]!.replace(/^(?:\w+\.)*state\./, '');
      const root = /^\w+/.exec(target)?.[0];
      // Read by the route, not a keyword of the same name (`model_loaded=...`).
      if (root && new RegExp(`\\b${root}\\b(?!\\s*=[^=])`).test(code)) return true;
    }
  }
  return false;
}

/** A lifespan (`async def lifespan(app)`, `@asynccontextmanager`) or a startup hook (`@app.on_event("startup")`). */
const STARTUP_HOOK = /on_event\(\s*['"]startup['"]|@\w*\.?asynccontextmanager|def\s+lifespan\b|before_(?:first_)?request|before_serving/;
/** `target = call(...)` on a line of its own, the target a name, an attribute or a subscript. */
const STARTUP_ASSIGNMENT = /^[ \t]+((?:\w+\.)*\w+(?:\[[^\]\n]+\])?)[ \t]*=[ \t]*(?:await[ \t]+)?[\w.]+\(/gm;
