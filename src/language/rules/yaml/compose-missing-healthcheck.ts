import { inheritedInstruction } from '../../project/deploy';
import { composeTrainingJobs } from '../../project/training';
import { l, yamlRule } from '../../rule';
import {
  commandText,
  composeServices,
  dependedOn,
  healthcheckEnabled,
  isDevContainerFile,
  isFrontEnd,
  isMonitoringService,
  isOverrideLayer,
  isProviderService,
  oneShotServices,
} from '../../yaml/compose';
import { at, entry, intact, scalar } from '../../yaml/model';

/**
 * A command that answers requests (a web or model server) or that every pipeline stands on (the
 * Airflow scheduler), not a worker that pulls from a queue.
 */
const SERVES =
  /\b(uvicorn|gunicorn|hypercorn|daphne|waitress-serve|flask\s+run|fastapi\s+(run|dev)|mlflow\s+(server|ui|models\s+serve)|streamlit\s+run|gradio|bentoml\s+serve|serve\s+run|tritonserver|torchserve|tensorflow_model_server|http\.server|runserver|nginx|npm\s+(start|run\s+(dev|start|serve))|airflow\s+(scheduler|webserver|api-server|triggerer))\b/;
/** Servers by image: data stores, brokers and model servers answer on their port whether or not it is published. */
const SERVER_IMAGE =
  /(^|\/)(postgres|postgis|pgvector|mysql|mysql-server|mariadb|mongo|redis|valkey|rabbitmq|kafka|cp-kafka|zookeeper|cp-zookeeper|minio|elasticsearch|opensearch|qdrant|weaviate|milvus|chroma|cassandra|memcached|nats|ollama|tritonserver|tensorflow\/serving|torchserve|vllm|mlflow)($|[:@/_-])/i;

/** A name that says the service answers requests (`api`, `model-server`, `web`), even where its ports live in another file. */
const SERVER_NAME = /(^|[-_])(api|web|app|server|serving|backend|gateway|inference|predictor|frontend|ui)($|[-_])/i;

/**
 * Does anything reach this service? A published or exposed port, a server command or image, or
 * another service that waits on it. A queue worker or a stream consumer has none of these: no
 * request ever comes to it and no start waits for it, so its healthcheck would tell nobody anything.
 */
function reached(name: string, spec: Parameters<typeof commandText>[0], awaited: boolean): boolean {
  if (awaited || SERVER_NAME.test(name) || at(spec, 'ports') || at(spec, 'expose')) return true;
  const image = scalar(at(spec, 'image'));
  return SERVES.test(commandText(spec)) || (image !== undefined && SERVER_IMAGE.test(image));
}

export default yamlRule({
  id: 'compose-missing-healthcheck',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'health',
  severity: 'warning',
  anchors: ['KICS:healthcheck_not_set', 'CKV_DOCKER_2'],
  messages: {
    missing: l('서비스 "{service}"에 healthcheck가 없습니다', 'Service "{service}" has no healthcheck'),
    disabled: l('서비스 "{service}"의 healthcheck가 꺼져 있습니다', 'Service "{service}" disables its healthcheck'),
  },
  docs: {
    summary: l(
      'healthcheck가 없거나 disable: true / test: ["NONE"]으로 꺼진 장기 실행 서비스를 찾습니다. 한 번 실행하고 끝나는 서비스(restart: "no", service_completed_successfully 대상, tools 프로필, 테스트 실행, exit 0으로 끝나는 명령)와 로컬 모니터링 컨테이너(Prometheus, Grafana, exporter)는 제외합니다. 아무것도 닿지 않는 서비스(포트를 열지 않고, 서버 명령도 아니며, 기다리는 서비스도 없는 큐 워커·스트림 컨슈머)도 묻지 않습니다: 요청도 오지 않고 시작을 기다리는 쪽도 없으니 healthcheck가 알려 줄 상대가 없습니다. 다른 서비스가 기다리지 않는 프런트엔드(UI, 리버스 프록시)도 묻지 않습니다: 그 healthcheck는 화면을 여는 사람이 이미 볼 것을 알려 줄 뿐입니다. `.devcontainer/` 아래의 compose 파일(개발자 자신의 컨테이너 환경)은 보지 않습니다.',
      'Flags long-running services with no healthcheck or one turned off with disable: true / test: ["NONE"]. One-shot services (restart: "no", targets of service_completed_successfully, tools profiles, test harnesses, commands ending in exit 0) and local monitoring containers (Prometheus, Grafana, exporters) are skipped. So is a service nothing reaches (no published or exposed port, no server command or image, no service waiting on it: a queue worker or a stream consumer): no request comes to it and no start waits for it, so its healthcheck would tell nobody anything. Nor is a front end no other service waits on (a UI, a reverse proxy): its healthcheck only tells the person who opens it what they will see anyway. Compose files under `.devcontainer/` (a developer\'s own container environment) are not checked.',
    ),
    why: l(
      'healthcheck가 없으면 Docker는 컨테이너가 "실행 중"인지만 압니다. 모델 로딩에 실패해 500만 돌려주는 API도 정상으로 보이고, 의존하는 서비스는 준비되지 않은 API에 요청을 보냅니다.',
      'Without a healthcheck Docker only knows the container is running: an API that failed to load its model and answers 500 looks healthy, and dependent services call it before it is ready.',
    ),
    bad: 'services:\n  api:\n    image: registry.example.com/model-api:1.4.2\n',
    good: 'services:\n  api:\n    image: registry.example.com/model-api:1.4.2\n    # TODO: 모델 로딩 시간에 맞춰 간격과 start_period를 정하세요\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n      start_period: 30s\n',
  },
  weeks: ['beginner/3', 'intermediate/8'],
  questions: [
    l(
      '{service} 컨테이너는 떠 있지만 안의 {serviceKind|서비스}가 제대로 시작하지 못했다면, Docker는 그 사실을 어떻게 알 수 있을까요?',
      'If the {service} container is up but the {serviceKind|service} inside failed to start properly, how would Docker ever find out?',
    ),
    l(
      '"건강하다"는 것을 확인하려면 무엇을 검사해야 할까요? 프로세스, 포트, 아니면 실제 요청 한 번?',
      'What should "healthy" check here: the process, the port, or one real request?',
    ),
  ],
  scaffold: {
    ko: '# TODO: healthcheck 설계\n# 고려사항:\n# - 어떤 엔드포인트나 명령이 "서비스 준비 완료"를 알려주나요?\n# - 이미지 안에 curl/wget이 있나요? 없다면 무엇으로 검사할까요?\n# - 모델 로딩 시간을 고려하면 start_period는 얼마가 적당할까요?\n# healthcheck:\n#   test: # TODO\n#   interval: # TODO\n#   start_period: # TODO\n',
    en: '# TODO: design a healthcheck\n# Consider:\n# - which endpoint or command tells the service is ready?\n# - does the image ship curl/wget? if not, what can run the check?\n# - given the model load time, what start_period fits?\n# healthcheck:\n#   test: # TODO\n#   interval: # TODO\n#   start_period: # TODO\n',
  },
  check(context, document) {
    if (isOverrideLayer(document) || isDevContainerFile(context.path)) return;
    const oneShot = oneShotServices(document);
    const awaited = dependedOn(document);
    for (const service of composeServices(document)) {
      if (oneShot.has(service.name) || isProviderService(service) || isMonitoringService(service) || !intact(document, service.spec) || healthcheckEnabled(service.spec)) continue;
      // A front end nothing waits on (a UI, a reverse proxy): its healthcheck only tells the person who
      // opens it what they will see anyway, and reviewers ask for one about one time in four.
      if (isFrontEnd(service) && !awaited.has(service.name)) continue;
      const healthcheck = entry(service.spec, 'healthcheck');
      if (healthcheck) context.report({ range: healthcheck.keyRange, messageId: 'disabled', data: { service: service.name } });
      else if (isFrontEnd(service) || reached(service.name, service.spec, awaited.has(service.name)))
        context.report({ range: service.nameRange, messageId: 'missing', data: { service: service.name } });
    }
  },
  // A service built from a Dockerfile with a HEALTHCHECK has one: compose runs the image's.
  project(context) {
    for (const deployment of context.view.deployments) {
      if (deployment.kind !== 'compose' || !deployment.dockerfile) continue;
      const facts = context.view.files.get(deployment.dockerfile);
      const stage = facts?.kind === 'dockerfile' ? facts.stages[facts.stages.length - 1] : undefined;
      const check = facts?.kind === 'dockerfile' && stage ? inheritedInstruction(facts, stage, 'healthcheck') : undefined;
      if (check && !/^NONE\b/i.test(check.text.trim())) context.withdraw(deployment.file, deployment.range.start.line);
    }
    // A service whose image runs a training script and exits is a job: there is nothing to check.
    for (const job of composeTrainingJobs(context.view)) context.withdraw(job.file, job.line);
  },
});
