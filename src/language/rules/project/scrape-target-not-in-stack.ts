import type { ComposeServiceFact } from '../../project/facts';
import { dirname, joinDir } from '../../project/modules';
import { l, projectRule } from '../../rule';

/** Hosts that are not compose services: loopback, the Docker host, addresses, domain names, variables. */
const NOT_A_SERVICE = /^(localhost|host\.docker\.internal|host-gateway|0\.0\.0\.0|\[?::1\]?|127\.[\d.]+|[\d.]+)$|[.$%{}]/i;

export default projectRule({
  scope: 'project',
  id: 'scrape-target-not-in-stack',
  language: 'yaml',
  documentKinds: ['other'],
  category: 'observability',
  severity: 'warning',
  anchors: ['gap:scrape-target-not-in-stack'],
  messages: {
    unknown: l(
      '스크레이프 대상 {host}는 이 Prometheus 설정을 쓰는 compose 스택의 어떤 서비스 이름(container_name, hostname, 별칭 포함)과도 맞지 않아 항상 down입니다',
      'The scrape target {host} matches no service of the compose stack that runs this Prometheus configuration (names, container_name, hostname and aliases included), so it is always down',
    ),
    unknownAlertmanager: l(
      'Prometheus가 알림을 {host}로 보내지만, 이 설정을 쓰는 compose 스택에는 그런 이름의 서비스가 없습니다: 규칙이 발동해도 알림은 아무에게도 가지 않습니다',
      'Prometheus sends its alerts to {host}, but the compose stack that runs this configuration has no service by that name: when a rule fires, the alert reaches nobody',
    ),
  },
  docs: {
    summary: l(
      'compose로 실행하는 Prometheus가 마운트한 설정 파일의 static_configs 대상 호스트가 프로젝트의 compose 파일 어디에도 서비스 이름, container_name, hostname, 네트워크 별칭, links, extra_hosts로 없으면 알립니다. alerting.alertmanagers의 대상(알림을 받을 Alertmanager)도 같은 기준으로 봅니다. localhost, host.docker.internal, IP 주소, 점이 들어간 도메인 이름, 변수는 묻지 않고, compose가 마운트하지 않는 설정(쿠버네티스, 다른 호스트의 Prometheus)은 보지 않습니다.',
      'Flags a static_configs target host in a Prometheus configuration that a compose service mounts, when no compose file of the project has a service by that name, container_name, hostname, network alias, link or extra_hosts entry. The Alertmanager targets of alerting.alertmanagers (where the alerts go) are read the same way. localhost, host.docker.internal, IP addresses, dotted domain names and variables are not asked, and a configuration no compose service mounts (Kubernetes, a Prometheus on another host) is not read.',
    ),
    why: l(
      'compose 네트워크에서 호스트 이름은 서비스 이름입니다. 서비스 이름을 바꾸거나 철자가 틀리면 대상은 DNS에서 풀리지 않아 계속 down이고, 대시보드는 비어 있으며, 그 메트릭에 걸린 알림은 한 번도 울리지 않습니다. 오류는 Prometheus의 targets 페이지에만 보입니다.',
      "On a compose network a host name is a service name. After a service is renamed, or with a typo, the target never resolves and stays down: the dashboards are empty and no alert on its metrics ever fires. The error shows only on Prometheus's targets page.",
    ),
    bad:
      '# --- docker-compose.yml ---\nservices:\n  model-api:\n    image: registry.example.com/model-api:1.4.2\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro\n\n' +
      "# --- prometheus.yml ---\nscrape_configs:\n  - job_name: model\n    static_configs:\n      - targets: ['api:8000']\n",
    good:
      '# --- docker-compose.yml ---\nservices:\n  model-api:\n    image: registry.example.com/model-api:1.4.2\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro\n\n' +
      "# --- prometheus.yml ---\nscrape_configs:\n  - job_name: model\n    static_configs:\n      # TODO: 이 이름은 compose의 어느 서비스인가요?\n      - targets: ['model-api:8000']\n",
  },
  weeks: ['intermediate/5', 'advanced/1'],
  questions: [
    l(
      'Prometheus 컨테이너 안에서 {host}라는 이름은 무엇으로 풀릴까요? 같은 네트워크의 컨테이너들은 서로를 어떤 이름으로 찾나요?',
      'Inside the Prometheus container, what does the name {host} resolve to? By which names do containers on the same network find each other?',
    ),
    l(
      '대상이 down이라는 사실을 누가, 어떻게 알아차릴 수 있을까요? 그것을 알려 주는 알림이 있나요?',
      'Who would notice that this target is down, and how? Is there an alert that says so?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 스크레이프 대상을 실제 서비스에 맞추기\n# 고려사항:\n# - compose에서 이 앱의 서비스 이름은 무엇인가요?\n# - 앱은 어느 포트에서 /metrics를 내보내나요?\n# - 대상이 down일 때 울리는 알림(up == 0)이 있나요?\n# - targets: [] # TODO\n',
    en: "# TODO: point the scrape target at a real service\n# Consider:\n# - what is the app's service name in compose?\n# - on which port does it serve /metrics?\n# - is there an alert (up == 0) for a target that is down?\n# - targets: [] # TODO\n",
  },
  project(context) {
    const compose: { path: string; service: ComposeServiceFact }[] = [];
    for (const [path, facts] of context.view.files) if (facts.kind === 'yaml') for (const service of facts.compose) compose.push({ path, service });
    if (compose.length === 0) return;
    let known: Set<string> | undefined;
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml' || !facts.scrapeTargets) continue;
      // Only a configuration a compose service mounts is known to run on that stack's network.
      if (!compose.some(({ path: file, service }) => (service.mounts ?? []).some((m) => joinDir(dirname(file), m.source) === path))) continue;
      known ??= new Set(compose.flatMap(({ service }) => [service.name, ...(service.aliases ?? [])]));
      for (const target of facts.scrapeTargets) {
        if (!target.host || NOT_A_SERVICE.test(target.host) || known.has(target.host)) continue;
        context.report({ path, range: target.range, messageId: 'unknown', data: { host: target.host } });
      }
      for (const target of facts.alertTargets ?? []) {
        if (!target.host || NOT_A_SERVICE.test(target.host) || known.has(target.host)) continue;
        context.report({ path, range: target.range, messageId: 'unknownAlertmanager', data: { host: target.host } });
      }
    }
  },
});
