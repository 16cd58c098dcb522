import type { Node } from 'web-tree-sitter';
import type { HandlerInfo, PythonModel } from '../../python/model';
import { documentedHealthRoute, HEALTH_ROUTE, METRICS_ROUTE, servingApp } from '../../python/serving';
import { isDisplayLoop, queueTasks, workerLoops } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** Logging libraries; importing one means the module logs (or configures logging). */
const LOGGING_MODULES = ['logging', 'loguru', 'structlog', 'logbook', 'logzero', 'absl.logging', 'eliot'];
/** Calls through a logger object: `logger.info`, `log.warning`, `app.logger.error`, `self.log.debug`. */
/** A logger or logging set-up imported by name: `logger`, `app_logger`, `get_logger`, `setup_logging`, `log`. */
const PROJECT_LOGGER = /^_?(\w+_)?(log|logs|logger|logging)(_\w+)?$/i;
/** A project module that holds the logging set-up: `app.logging_config`, `utils.logger`, `log_utils`. */
const LOGGING_PART = /^_?(\w+_)?(log|logs|logger|loggers|logging)(_\w+)?$/i;
const LOGGER_CALL = /(^|\.)_?(logger|log|logging|LOGGER|LOG)\.(debug|info|warning|warn|error|exception|critical|log|bind|msg)$/;

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
    workerNoLogging: l(
      '이 워커는 아무것도 로그로 남기지 않습니다 — 어떤 메시지를 처리했고 어떤 것이 왜 실패했는지 나중에 찾아볼 수 없습니다',
      'This worker logs nothing — which messages it handled, and which failed and why, cannot be looked up later',
    ),
  },
  docs: {
    summary: l(
      '요청을 처리하는 서비스 파일(앱을 만들고 핸들러가 있는 파일, Django views, AWS Lambda 핸들러, Gradio 앱이 연결한 함수)과 브로커 소비 루프(Kafka, Redis 스트림)가 logging/loguru/structlog 어느 것도 쓰지 않는 경우를 찾습니다 (print로 대신하는 파일은 print-instead-of-logging이 다루고, 헬스·메트릭 경로만 있는 앱은 제외합니다).',
      'Flags service files that handle requests (an app with handlers, Django views, AWS Lambda handlers, the functions a Gradio app wires to its UI) and broker consumer loops (Kafka, Redis streams) that use no logging at all: no logging, loguru or structlog (files that print instead are print-instead-of-logging’s case; an app whose only routes are health and metrics checks is left alone).',
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

function logs(model: PythonModel): boolean {
  if (LOGGING_MODULES.some((m) => model.importsModule(m))) return true;
  // A logger imported from the project (`from app.logging_config import logger`, `get_logger`).
  // Names that merely contain "log" (`LogisticRegression`, `MetricsLogger`, `catalog`) are not one.
  if (
    [...model.imports].some(
      ([name, path]) =>
        PROJECT_LOGGER.test(name) ||
        path
          .split('.')
          .slice(0, -1)
          .some((part) => LOGGING_PART.test(part)),
    )
  )
    return true;
  // print() in the handlers is print-instead-of-logging's finding: the same lesson once.
  return model.calls.some((c) => c.callee !== undefined && (LOGGER_CALL.test(c.callee) || (c.callee === 'print' && c.inFunction !== undefined)));
}

const NAMES: Readonly<Record<string, string>> = { flask: 'Flask', fastapi: 'FastAPI', grpc: 'gRPC', django: 'Django', 'aws-lambda': 'AWS Lambda' };

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
  if (lambda) return { node: lambda.node.childForFieldName('name') ?? lambda.node, framework: NAMES['aws-lambda'] };
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
