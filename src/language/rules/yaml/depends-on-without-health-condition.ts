import { l, yamlRule } from '../../rule';
import {
  type ComposeService,
  commandText,
  composeServices,
  dependencies,
  isDevContainerFile,
  isFrontEnd,
  isIdleService,
  isMonitoringService,
  isProviderService,
  oneShotServices,
} from '../../yaml/compose';
import { at, scalar } from '../../yaml/model';
import { escapeRegExp } from '../../regexp';

/** A command that waits for a host itself: a retry loop, wait-for-it, dockerize -wait, a `nc -z` loop. */
const WAITS = /\buntil\b[\s\S]*?\bdo\b|\bwait-for(-it)?(\.sh)?\b|\bdockerize\b[^\n]*-wait\b|\bwhile\s*!/;

/** Does the service's own command wait for `target` (named as a host in the waiting command)? */
function waitsItself(command: string, target: string): boolean {
  const escaped = escapeRegExp(target);
  return WAITS.test(command) && new RegExp(`(^|[/@\\s'"])${escaped}(:\\d+|[\\s'"/]|$)`).test(command);
}

/**
 * Log, trace and metric collectors an app ships to (Vector, Loki, Fluent Bit, an OpenTelemetry
 * collector): the shipper buffers and retries, so the start order is all the app needs from them.
 * A vector database (`vector-db`, `vector_store`) is a data store the app queries, not this.
 */
const COLLECTOR =
  /(^|[/_-])(vector(?![-_]?(db|database|store|search|index)\b)|loki|promtail|fluent-?bit|fluentd|otel-collector|opentelemetry-collector[\w-]*|otelcol[\w-]*|jaeger|tempo|zipkin|pushgateway)($|[:/@_-])/i;

/**
 * A service that only builds the shared base image other images start `FROM` (`ml_base`,
 * `base-image`): it runs no command of its own and serves no port, so a `depends_on` on it orders
 * the builds and there is nothing to become healthy.
 */
function buildsBaseImage(service: ComposeService): boolean {
  const spec = service.spec;
  if (!at(spec, 'build') || at(spec, 'ports') || at(spec, 'expose') || commandText(spec).trim() !== '') return false;
  return BASE_IMAGE.test(service.name) || BASE_IMAGE.test(scalar(at(spec, 'image')) ?? '');
}

const BASE_IMAGE = /(^|[/_-])base($|[:_-])/i;

export default yamlRule({
  id: 'depends-on-without-health-condition',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'reliability',
  severity: 'warning',
  messages: {
    listForm: l('"{service}" 서비스는 "{target}" 컨테이너의 시작만 기다립니다 (목록 형식 depends_on)', '"{service}" only waits for "{target}" to start (list-form depends_on)'),
    noCondition: l('"{service}" 서비스의 "{target}" 의존성에 condition: service_healthy가 없습니다', '"{service}" depends on "{target}" without condition: service_healthy'),
    setupJob: l(
      '"{service}" 서비스는 한 번 실행되는 "{target}" 작업이 시작되자마자 뜹니다. 그 준비 작업이 끝났는지는 기다리지 않습니다 (작업이 끝나고 종료하게 한 뒤 condition: service_completed_successfully)',
      '"{service}" starts as soon as the one-shot job "{target}" starts, not when its set-up is done (let the job exit, and wait with condition: service_completed_successfully)',
    ),
  },
  severityReasons: {
    frontEnd: {
      severity: 'info',
      message: l(
        '프런트엔드(UI, 리버스 프록시)는 요청마다 API를 부르므로, API가 늦게 준비되면 오류 화면 한 번으로 끝나고 스스로 회복합니다',
        'a front end (a UI, a reverse proxy) calls the API per request: a late API costs one error page, and it recovers on its own',
      ),
    },
  },
  docs: {
    summary: l(
      '목록 형식이거나 condition: service_healthy(또는 service_completed_successfully)가 없는 depends_on을 찾습니다. 대상을 스스로 재시도하는 모니터링 컨테이너(Prometheus, Grafana), 자기 명령으로 대상을 기다리는 서비스(until 루프, wait-for-it, dockerize -wait), 로그·트레이스 수집기(Vector, Loki, OpenTelemetry collector), 앱이 시작할 때 필요로 하지 않는 모니터링 컨테이너와 관리 콘솔(Prometheus, Grafana, exporter, pgAdmin: 앱을 긁어 가거나 옆에 있을 뿐)와 다른 이미지가 FROM으로 쓰는 베이스 이미지만 빌드하는 서비스(ml_base: 명령도 포트도 없음)에 대한 의존성은 제외합니다. `.devcontainer/` 아래의 compose 파일(개발자 자신의 컨테이너 환경)은 보지 않습니다. 한 번 실행되는 준비 작업(`mc mb`, 마이그레이션)에 대한 의존성은 그 작업이 끝나기를 기다리라고(service_completed_successfully) 알립니다.',
      "Flags depends_on in list form or without condition: service_healthy (or service_completed_successfully). Monitoring containers (Prometheus, Grafana), which retry their targets, services whose own command waits for the dependency (an until loop, wait-for-it, dockerize -wait), dependencies on log and trace collectors (Vector, Loki, an OpenTelemetry collector), which the shipper retries, on monitoring containers and admin consoles (Prometheus, Grafana, an exporter, pgAdmin), which the app's start never needs (they scrape the app or sit beside it), and on a service that only builds the base image others start FROM (`ml_base`: no command, no port), which only orders the builds, are skipped. Compose files under `.devcontainer/` (a developer's own container environment) are not checked. A dependency on a one-shot set-up job (`mc mb`, a migration) is told to wait for the job's end (service_completed_successfully).",
    ),
    why: l(
      'depends_on은 기본적으로 컨테이너가 "시작됐는지"만 기다립니다. DB가 아직 연결을 받지 못하거나 모델 서버가 모델을 로딩하는 중인데 API가 먼저 요청을 보내 시작하자마자 실패합니다.',
      'By default depends_on only waits for the container to start: the API sends its first requests while the database is not accepting connections yet or the model server is still loading, and fails right at startup.',
    ),
    bad: 'services:\n  api:\n    image: registry.example.com/model-api:1.4.2\n    depends_on:\n      - db\n  db:\n    image: postgres:16.3\n',
    good: 'services:\n  api:\n    image: registry.example.com/model-api:1.4.2\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16.3\n    # TODO: DB가 "연결을 받을 준비"가 됐는지 어떻게 확인할까요?\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
  },
  weeks: ['intermediate/8'],
  questions: [
    l(
      '{target}({targetKind|서비스})가 "시작됨"과 "연결을 받을 준비됨" 사이에는 얼마나 시간이 걸릴까요? 그 사이 {service}는 무엇을 하나요?',
      'How long is the gap between {target} (the {targetKind|service}) "started" and "ready for connections", and what does {service} do in between?',
    ),
    l(
      '의존하는 서비스가 잠시 내려갔다 올라오면, 이 서비스는 시작 순서와 상관없이 스스로 회복할 수 있나요?',
      'If a dependency goes down and comes back later, can this service recover on its own, whatever the start order was?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 시작 순서를 "준비됨" 기준으로 바꾸기\n# 고려사항:\n# - 의존 대상에 healthcheck가 있나요? 무엇을 검사하나요?\n# - 한 번 실행하고 끝나는 서비스(마이그레이션)라면 어떤 condition이 맞을까요?\n# - 애플리케이션 쪽 재시도도 필요할까요?\n# depends_on:\n#   <서비스>:\n#     condition: # TODO\n',
    en: '# TODO: start on "ready", not on "started"\n# Consider:\n# - does the dependency have a healthcheck, and what does it check?\n# - for a one-shot service (a migration), which condition fits?\n# - does the application need its own retries too?\n# depends_on:\n#   <service>:\n#     condition: # TODO\n',
  },
  check(context, document) {
    if (isDevContainerFile(context.path)) return;
    // A `depends_on` shared through an anchor (`<<: *common`) is one line of the file, merged into
    // every service that uses it: it is said once there, not once per service.
    const said = new Set<string>();
    const services = composeServices(document);
    // A set-up job (`mc mb`, a migration) has no health to wait for: what the dependent needs is its end.
    const jobs = oneShotServices(document);
    const providers = new Set(services.filter(isProviderService).map((s) => s.name));
    const baseImages = new Set(services.filter(buildsBaseImage).map((s) => s.name));
    const collectors = new Set(services.filter((s) => COLLECTOR.test(s.name) || COLLECTOR.test(scalar(at(s.spec, 'image')) ?? '')).map((s) => s.name));
    // Prometheus, Grafana and exporters pull from the app and admin consoles sit beside it: the
    // app's start never needs them healthy (a Pushgateway, which the app pushes to, is a collector above).
    const pullers = new Set(services.filter(isMonitoringService).map((s) => s.name));
    for (const service of services) {
      // Prometheus and Grafana retry their targets and data sources: start order is enough for them.
      if (isMonitoringService(service)) continue;
      // An idle shell container (`tail -f /dev/null`) starts nothing: people exec into it later.
      if (isIdleService(service)) continue;
      const command = commandText(service.spec);
      for (const dependency of dependencies(service.spec)) {
        const where = `${dependency.range.start.line}:${dependency.range.start.column}`;
        if (
          said.has(where) ||
          providers.has(dependency.target) ||
          baseImages.has(dependency.target) ||
          collectors.has(dependency.target) ||
          pullers.has(dependency.target) ||
          waitsItself(command, dependency.target)
        )
          continue;
        said.add(where);
        const data = { service: service.name, target: dependency.target };
        const severityReason = isFrontEnd(service) ? 'frontEnd' : undefined;
        const job = jobs.has(dependency.target) && !services.some((s) => s.name === dependency.target && isIdleService(s));
        if (job && dependency.condition !== 'service_completed_successfully') context.report({ range: dependency.range, messageId: 'setupJob', data, severityReason });
        else if (dependency.listForm) context.report({ range: dependency.range, messageId: 'listForm', data, severityReason });
        else if (dependency.condition !== 'service_healthy' && dependency.condition !== 'service_completed_successfully') {
          context.report({ range: dependency.range, messageId: 'noCondition', data, severityReason });
        }
      }
    }
  },
});
