import { composeTrainingJobs } from '../../project/training';
import { l, yamlRule } from '../../rule';
import {
  composeServices,
  isDashboard,
  isDashboardOnlyMonitoring,
  isDashboardPrometheus,
  isDevContainerFile,
  isMonitoringService,
  isOverrideLayer,
  isProviderService,
  oneShotServices,
} from '../../yaml/compose';
import { at, has, intact } from '../../yaml/model';

export default yamlRule({
  id: 'compose-missing-restart-policy',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'reliability',
  severity: 'info',
  anchors: ['KICS:restart_policy_on_failure_not_set_to_5'],
  messages: {
    missing: l('서비스 "{service}"에 restart 정책이 없습니다', 'Service "{service}" has no restart policy'),
  },
  docs: {
    summary: l(
      'restart나 deploy.restart_policy가 없는 장기 실행 서비스를 찾습니다. 한 번 실행하고 끝나는 서비스, 로컬 대시보드·관리 콘솔(Grafana, Adminer, Flower 등), Alertmanager 없이 대시보드만 채우는 Prometheus와 그것에 값을 대는 exporter·cAdvisor·수집기는 제외합니다. `.devcontainer/` 아래의 compose 파일(개발자 자신의 컨테이너 환경)은 보지 않습니다.',
      "Flags long-running services without restart or deploy.restart_policy. One-shot services, dashboards and admin consoles of a local stack (Grafana, Adminer, Flower ...) and a Prometheus with no Alertmanager (it only feeds dashboards), with the exporters, cAdvisor and collectors that feed it, are skipped. Compose files under `.devcontainer/` (a developer's own container environment) are not checked.",
    ),
    why: l(
      '기본 정책은 "no"라서, 모델 서버가 OOM이나 예외로 한 번 죽으면 누군가 직접 다시 올릴 때까지 서비스가 멈춰 있습니다. 호스트가 재부팅되어도 돌아오지 않습니다.',
      'The default policy is "no": once the model server dies from an OOM or an exception it stays down until someone restarts it by hand, and it does not come back after a host reboot either.',
    ),
    bad: 'services:\n  api:\n    image: registry.example.com/model-api:1.4.2\n',
    good: 'services:\n  api:\n    image: registry.example.com/model-api:1.4.2\n    # TODO: 어떤 실패에서 다시 시작해야 할까요?\n    restart: unless-stopped\n',
  },
  weeks: ['beginner/3'],
  questions: [
    l(
      '새벽 3시에 {service}({serviceKind|서비스})가 메모리 부족으로 죽으면, 다시 살아나기까지 무슨 일이 일어나야 하나요?',
      'If {service} (the {serviceKind|service}) dies from lack of memory at 3 a.m., what has to happen before it is back?',
    ),
    l(
      '계속 실패하는 서비스를 무한히 재시작하는 것은 언제 문제가 될까요? 그 상황은 어떻게 알아차릴 수 있을까요?',
      'When does restarting a failing service forever become a problem, and how would you notice it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 재시작 정책 정하기\n# 고려사항:\n# - 이 서비스는 계속 떠 있어야 하나요, 한 번 실행하고 끝나나요?\n# - 비정상 종료와 수동 중지는 각각 어떻게 다뤄야 할까요?\n# - 반복되는 재시작은 누가 어떻게 알아차리나요?\n# restart: # TODO (no | on-failure | unless-stopped | always)\n',
    en: '# TODO: choose a restart policy\n# Consider:\n# - should this service stay up, or run once and exit?\n# - how should a crash differ from a manual stop?\n# - who notices repeated restarts, and how?\n# restart: # TODO (no | on-failure | unless-stopped | always)\n',
  },
  check(context, document) {
    if (isOverrideLayer(document) || isDevContainerFile(context.path)) return;
    const oneShot = oneShotServices(document);
    const services = composeServices(document);
    // A stack whose author keeps some monitoring container up (a restart policy on Prometheus or
    // Grafana) asks the same of the rest of it.
    const monitoringKeptUp = services.some((other) => isMonitoringService(other) && (has(other.spec, 'restart') || has(at(other.spec, 'deploy'), 'restart_policy')));
    for (const service of services) {
      // Dashboards and admin consoles (Grafana, Adminer, TensorBoard, Flower) are tools a person
      // opens: nothing waits on them; so is a Prometheus with no Alertmanager to send alerts to, and
      // the exporters and collectors that only feed it. Where alerts leave the stack, Prometheus,
      // Alertmanager and exporters carry them and are asked.
      if (
        oneShot.has(service.name) ||
        isProviderService(service) ||
        isDashboard(service) ||
        isDashboardPrometheus(service, services) ||
        (isDashboardOnlyMonitoring(service, services) && !monitoringKeptUp) ||
        !intact(document, service.spec) ||
        has(service.spec, 'restart') ||
        has(at(service.spec, 'deploy'), 'restart_policy')
      )
        continue;
      context.report({ range: service.nameRange, messageId: 'missing', data: { service: service.name } });
    }
  },
  // A service whose image runs a training script (the Dockerfile's CMD, found across files) is a
  // job that trains and exits: restarting it would retrain for ever.
  project(context) {
    for (const job of composeTrainingJobs(context.view)) context.withdraw(job.file, job.line);
  },
});
