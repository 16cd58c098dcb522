import type { Node } from 'web-tree-sitter';
import type { HandlerInfo, PythonModel } from '../../python/model';
import { APP_FRAMEWORK_NAMES, documentedHealthRoute, HEALTH_ROUTE, METRICS_ROUTE, servingApp } from '../../python/serving';
import { isDisplayLoop, queueTasks, workerLoops } from '../../python/workers';
import { logs } from '../../python/logs';
import type { AppObjectFact, MountFact } from '../../project/facts';
import { importedModules } from '../../project/modules';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'service-without-logging',
  language: 'python',
  category: 'observability',
  severity: 'warning',
  anchors: ['gap:service-without-logging'],
  messages: {
    noLogging: l(
      '이 {framework} 서비스는 아무것도 로그로 남기지 않습니다 — 요청, 예측, 실패 중 어느 것도 나중에 찾아볼 수 없습니다',
      'This {framework} service logs nothing — no request, prediction or failure can be looked up later',
    ),
    appNoLogging: l(
      '이 {framework} 앱과 앱이 가져오는 모듈(라우터, 서비스) 어디에서도 로그를 남기지 않습니다 — 요청, 예측, 실패 중 어느 것도 나중에 찾아볼 수 없습니다',
      'Neither this {framework} app nor any module it imports (its routers, its services) logs anything — no request, prediction or failure can be looked up later',
    ),
    routerNoLogging: l(
      '이 라우터의 핸들러도, 라우터를 연결한 {framework} 앱도, 둘이 가져오는 모듈도 로그를 남기지 않습니다 — 요청, 예측, 실패 중 어느 것도 나중에 찾아볼 수 없습니다',
      'Neither this router’s handlers, nor the {framework} app that mounts it, nor any module they import logs anything — no request, prediction or failure can be looked up later',
    ),
    workerNoLogging: l(
      '이 워커는 아무것도 로그로 남기지 않습니다 — 어떤 메시지를 처리했고 어떤 것이 왜 실패했는지 나중에 찾아볼 수 없습니다',
      'This worker logs nothing — which messages it handled, and which failed and why, cannot be looked up later',
    ),
  },
  docs: {
    summary: l(
      '요청을 처리하는 서비스 파일(앱을 만들고 핸들러가 있는 파일, Django views, AWS Lambda 핸들러, Gradio 앱이 연결한 함수, 텔레그램·디스코드·Slack 챗봇의 메시지 핸들러, model_fn과 predict_fn/input_fn 같은 SageMaker 추론 스크립트)과 브로커 소비 루프(Kafka, Redis 스트림)가 logging/loguru/structlog 어느 것도 쓰지 않는 경우를 찾습니다 (print로 대신하는 파일은 print-instead-of-logging이 다루고, 헬스·메트릭 경로만 있는 앱은 제외합니다). 프로젝트 전체를 보면, 라우터만 연결하는 앱도 앱과 앱이 가져오는 모듈 어디에서도 로그를 남기지 않으면 찾습니다: 라우터가 하나면 그 라우터에(앱을 관련 위치로 함께 밝힘), 여럿이면 앱에 알립니다. 앱을 넘겨받은 도우미 함수(`init_rest_api(app)`)가 라우터를 연결해도 찾고, 앱에 알립니다. flask-restful 앱의 모든 경로가 다른 모듈의 Resource이면 그 모듈들을 보고, 요청을 처리하는 그 모듈들이 로그를 남기면 앱은 알리지 않습니다. 시작 훅(on_event, lifespan)의 시작 메시지 print는 로그로 치지 않습니다.',
      'Flags service files that handle requests (an app with handlers, Django views, AWS Lambda handlers, the functions a Gradio app wires to its UI, the message handlers of Telegram, Discord and Slack chat bots, SageMaker inference scripts with model_fn beside predict_fn or input_fn) and broker consumer loops (Kafka, Redis streams) that use no logging at all: no logging, loguru or structlog (files that print instead are print-instead-of-logging’s case; an app whose only routes are health and metrics checks is left alone). Across the project, an app that only mounts routers is reported when neither it nor any module it imports logs: at its one router when a single router holds its routes (naming the app as a related place), otherwise at the app; routers mounted by a helper the app is handed to (`init_rest_api(app)`) count too, told at the app. A flask-restful app whose routes are Resources from other modules is judged by those modules, and an app is not reported when the modules that handle its requests log. A start-up message printed by a lifecycle hook (on_event, lifespan) does not count as logging.',
    ),
    why: l(
      '운영 중 장애가 나면 가장 먼저 보는 것이 로그입니다. 로그가 없으면 어떤 요청이 언제 왜 실패했는지, 모델이 무엇을 예측했는지 알 길이 없고, 재현할 때까지 추측만 하게 됩니다.',
      'Logs are the first thing you open during an incident. Without them you cannot tell which request failed when and why, or what the model predicted; you are left guessing until you can reproduce it.',
    ),
    bad: "import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\nmodel = joblib.load('model.joblib')\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    return {'y': float(model.predict([features])[0])}\n",
    good: "import logging\n\nimport joblib\nfrom fastapi import FastAPI\n\nlogger = logging.getLogger(__name__)\napp = FastAPI()\nmodel = joblib.load('model.joblib')\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    y = float(model.predict([features])[0])\n    # TODO: 어떤 필드를 남길까요? (요청 id, 지연 시간, 예측값 — 개인정보는 빼고)\n    logger.info('prediction made', extra={'n_features': len(features)})\n    return {'y': y}\n",
  },
  weeks: ['beginner/6', 'intermediate/6'],
  questions: [
    l(
      '어젯밤 이 서비스에서 500 오류가 났다면, 어떤 요청이 왜 실패했는지 지금 어디에서 확인할 수 있나요?',
      'If this service returned 500s last night, where could you see today which requests failed and why?',
    ),
    l(
      '요청마다 무엇을 남겨야 할까요? 무엇은 절대 남기면 안 될까요? (개인정보, 비밀값)',
      'What should each request leave in the log, and what must never be logged? (personal data, secrets)',
    ),
    l('로그를 컨테이너 밖에서 모아 보려면 어떤 형식(JSON 등)과 레벨이 좋을까요?', 'To collect logs outside the container, which format (JSON, say) and levels would help?'),
  ],
  scaffold: {
    ko: '# TODO: 서비스 로깅\n# 고려사항:\n# - 모듈마다 logger = logging.getLogger(__name__)\n# - 시작 시 한 번 로깅 설정 (레벨, 형식 — JSON이면 수집기가 읽기 쉽습니다)\n# - 요청/예측/실패마다 남길 필드는? (요청 id, 지연 시간)\n# - 개인정보와 비밀값은 어떻게 가릴까요?\n# TODO: 핸들러와 모델 로딩에 로그 추가\n',
    en: '# TODO: service logging\n# Consider:\n# - one logger = logging.getLogger(__name__) per module\n# - configure logging once at start-up (level, format — JSON is easy for collectors)\n# - which fields per request, prediction and failure? (request id, latency)\n# - how are personal data and secrets masked?\n# TODO: log in the handlers and around model loading\n',
  },
  // An app that only mounts routers: its handlers live in other modules, so only the project
  // can tell that nothing on any path the app imports logs.
  project(context) {
    const { view } = context;
    // An app nothing the tree runs starts (a demo beside the served app) is not the service.
    for (const path of view.entryPoints.unserved) context.withdraw(path);
    for (const [path, facts] of view.python) {
      if (facts.logs || view.unserved(path)) continue;
      // An app with a route or two of its own (a health check) whose request handlers live in modules
      // it imports (flask-restful resources, views) logs where they log: the per-file finding is wrong.
      if (facts.routes.length > 0) {
        const app = facts.objects.find((o) => o.role === 'app');
        if (!app) continue;
        const reached = importedModules(view.modules, view.python, path, MAX_IMPORT_DEPTH);
        // Only modules that handle requests themselves count (a helper that prints while training does not log requests).
        if (reached.some((p) => view.python.get(p)?.logs && view.python.get(p)?.serves)) context.withdraw(path);
        // flask-restful: every route is a Resource class imported from a project module
        // (`api.add_resource(Predict, "/predict")`), so this file has no handler of its own for the
        // per-file pass to report on; the service logs nothing when no module it reaches does.
        const resources = facts.routes.map((r) => (r.methods === undefined && r.handler !== '?' ? view.modules.imported(path, r.handler)?.path : undefined));
        if (resources.every((r) => r !== undefined && r !== path) && !reached.some((p) => view.python.get(p)?.logs))
          context.report({ path, range: app.range, messageId: 'appNoLogging', data: { framework: FRAMEWORKS[app.framework] } });
        continue;
      }
      const app = facts.objects.find((o) => o.role === 'app');
      if (!app) continue;
      const mountsHere = facts.mounts.some((m) => ROUTER_MOUNTS.has(m.kind) && m.owner === app.name);
      const reached = importedModules(view.modules, view.python, path, MAX_IMPORT_DEPTH);
      const routed = reached.filter((p) => (view.python.get(p)?.routes.length ?? 0) > 0);
      // Routers mounted by a helper the app is handed to (`init_rest_api(app)` in another module): every
      // module with routes it reaches holds a router and no app of its own, so they are this app's.
      if (!mountsHere && !routed.every((p) => ownRouterOnly(view.python.get(p)!))) continue;
      // The mounted routers must be in the project to know what they do; any module that logs settles it.
      if (routed.length === 0 || reached.some((p) => view.python.get(p)?.logs)) continue;
      // One router the app mounts itself holds the whole request path: its handlers are where the log
      // lines belong. Routers mounted by a helper are told at the app, the one place that assembles them.
      const router = mountsHere && routed.length === 1 ? view.python.get(routed[0])!.objects.find((o) => o.role === 'router') : undefined;
      context.report({
        path: router ? routed[0] : path,
        range: router ? router.range : app.range,
        messageId: router ? 'routerNoLogging' : 'appNoLogging',
        data: { framework: FRAMEWORKS[app.framework] },
        // Told at the router, it is still the whole service that logs nothing: the app that assembles it is named too.
        related: router
          ? [
              {
                path,
                range: app.range,
                message: l('이 라우터를 마운트하는 앱 (서비스 전체가 아무것도 기록하지 않습니다)', 'the app that mounts this router (the whole service logs nothing)'),
              },
            ]
          : undefined,
      });
    }
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0) {
      reportSilentWorker(context);
      return;
    }
    if (logs(model)) return;
    // A health or metrics server beside a worker (its only routes, no routers mounted) has nothing of its own to log.
    if (healthServerOnly(model)) return;
    const where = reportNode(model);
    if (!where) return;
    context.report({ node: where.node, messageId: 'noLogging', data: { framework: where.framework } });
  },
});

/**
 * A SageMaker inference script: `model_fn` beside one of the request hooks (`input_fn`,
 * `predict_fn`, `output_fn`, `transform_fn`) at module level. The model server calls them per
 * request and keeps only what they log (CloudWatch); the name of `model_fn` stands for the script.
 */
function sagemakerModelFn(model: PythonModel): Node | undefined {
  const names = new Map<string, Node>();
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn.childForFieldName('name');
    if (definition.parent?.type === 'module' && name) names.set(name.text, name);
  }
  const modelFn = names.get('model_fn');
  return modelFn && ['input_fn', 'predict_fn', 'output_fn', 'transform_fn'].some((n) => names.has(n)) ? modelFn : undefined;
}

/** A loop that takes its work from a broker: `for msg in consumer`, `consumer.poll()`, `xreadgroup`. */
const CONSUMES = /\.(poll|consume|receive|receive_messages|xread|xreadgroup|blpop|brpop|get_message)\s*\(/;

/**
 * A broker consumer loop (Kafka, Redis streams, a queue poll) that logs nothing at all. A
 * file that prints is print-instead-of-logging's case; a console client that only shows what it
 * receives has nothing of its own to log.
 */
function reportSilentWorker(context: Parameters<Parameters<typeof pythonRule>[0]['check']>[0]): void {
  const { model } = context;
  if (/(^|[\\/])(test_[^\\/]*|[^\\/]*_test\.py|conftest\.py)$/.test(context.path) || model.role === 'training' || /\bprint\s*\(/.test(model.source) || logs(model)) return;
  // Queue tasks are job-without-error-handling's: a task that neither handles nor logs is told there.
  if (queueTasks(model).size > 0) return;
  const loop = workerLoops(model).find((l) => !isDisplayLoop(model, l) && (l.kind === 'for' ? /\bin\b/.test(l.node.text.split('\n')[0]) : CONSUMES.test(l.body.text)));
  if (loop) context.report({ node: loop.node.child(0) ?? loop.node, messageId: 'workerNoLogging' });
}

/** Routers, blueprints and resources mounted on the app: its real routes live elsewhere. */
const MOUNTS_ROUTES = /\.(include_router|register_blueprint|add_api_route|add_url_rule|add_resource|add_namespace)$/;

function healthServerOnly(model: PythonModel): boolean {
  const probe = (handler: HandlerInfo) => {
    const route = handler.route;
    return route !== undefined && !/[{<]/.test(route) && (HEALTH_ROUTE.test(route) || METRICS_ROUTE.test(route) || documentedHealthRoute(model, handler));
  };
  return model.handlers.every(probe) && !model.calls.some((c) => c.callee !== undefined && MOUNTS_ROUTES.test(c.callee));
}

const NAMES: Readonly<Record<string, string>> = { ...APP_FRAMEWORK_NAMES, django: 'Django', 'aws-lambda': 'AWS Lambda', 'chat-bot': 'chat bot' };

/**
 * Where the app is created (once per file); for Django, the first view of a views module. A
 * router module without an app is left to the project: its app may log for it.
 */
function reportNode(model: PythonModel): { node: Node; framework: string } | undefined {
  const app = servingApp(model);
  if (app) return { node: app.node, framework: NAMES[app.framework] };
  if (model.framework === 'django' && /(^|[\\/])views\.py$/.test(model.path)) {
    const first = model.handlers[0];
    return { node: first.node.childForFieldName('name') ?? first.node, framework: 'Django' };
  }
  // A Lambda function has no app either: the runtime calls its handler once per invocation, and
  // what the handler logs is all CloudWatch will ever hold of a failed call.
  const lambda = model.handlers.find((h) => h.framework === 'aws-lambda');
  // Google Cloud Functions share the calling convention (see handlers.ts); say which runtime it is.
  const google = model.importsModule('functions_framework') || /^(?:async\s+)?def\s+\w+\s*\(\s*cloud_event\b/.test(lambda?.node.text ?? '');
  if (lambda) return { node: lambda.node.childForFieldName('name') ?? lambda.node, framework: google ? 'Cloud Function' : NAMES['aws-lambda'] };
  // A SageMaker inference script has no app either: the model server calls its hooks per request.
  const sagemaker = model.handlers.some((h) => h.framework === 'model-server') ? sagemakerModelFn(model) : undefined;
  if (sagemaker) return { node: sagemaker, framework: 'SageMaker inference' };
  // A chat bot is a long-running service with no app object: its first message handler stands for it.
  const bot = model.handlers.find((h) => h.framework === 'chat-bot');
  if (bot) return { node: bot.node.childForFieldName('name') ?? bot.node, framework: NAMES['chat-bot'] };
  // A Gradio app has no app object in the file; its first wired function stands for it. Only an
  // app that holds its model or client itself is asked: a UI over another project module (which
  // may log for it) is left alone.
  if (model.framework === 'gradio') {
    if (![...model.instances.values()].some((callee) => !callee.startsWith('gradio.'))) return undefined;
    const first = model.handlers[0];
    return { node: first.node.childForFieldName('name') ?? first.node, framework: 'Gradio' };
  }
  return undefined;
}

/** Mounts that attach a router of the project's own routes (not a static or metrics sub-application). */
const ROUTER_MOUNTS: ReadonlySet<MountFact['kind']> = new Set(['include_router', 'register_blueprint', 'add_namespace', 'api']);
const FRAMEWORKS: Readonly<Record<AppObjectFact['framework'], string>> = { flask: 'Flask', fastapi: 'FastAPI', starlette: 'Starlette', quart: 'Quart', restx: 'Flask' };
const MAX_IMPORT_DEPTH = 6;

/** A module whose routes hang on a router or blueprint of its own, with no app object: it is mounted by some app. */
function ownRouterOnly(facts: { readonly objects: readonly { readonly role: string }[] }): boolean {
  return facts.objects.some((o) => o.role === 'router') && !facts.objects.some((o) => o.role === 'app');
}
