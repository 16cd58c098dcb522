import type { MonitorFact, ServiceFact, WorkloadFact } from '../../project/facts';
import { selects } from '../../project/scaling';
import { l, projectRule } from '../../rule';

function labelText(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

export default projectRule({
  scope: 'project',
  id: 'monitor-selects-nothing',
  language: 'yaml',
  category: 'observability',
  severity: 'warning',
  anchors: ['prometheus-operator:ServiceMonitor.spec.selector', 'gap:scrape-target-mismatch'],
  messages: {
    noService: l(
      '{kind} "{monitor}"가 {selector} 레이블을 고르지만, 프로젝트의 Service({services}) 중 그 레이블을 가진 것이 없어 아무것도 수집되지 않습니다',
      '{kind} "{monitor}" selects {selector}, but no Service of the project ({services}) carries those labels, so nothing is scraped',
    ),
    noPod: l(
      '{kind} "{monitor}"가 {selector} 레이블을 고르지만, 프로젝트의 워크로드({services}) 중 그 레이블의 파드가 없어 아무것도 수집되지 않습니다',
      '{kind} "{monitor}" selects {selector}, but no workload of the project ({services}) runs pods with those labels, so nothing is scraped',
    ),
    noPortAnywhere: l(
      '{kind} "{monitor}"가 포트 "{port}"를 수집하지만, 프로젝트의 어느 Service({services})에도 그 이름의 포트가 없습니다 (있는 이름: {names})',
      '{kind} "{monitor}" scrapes the port "{port}", but no Service of the project ({services}) has a port of that name (names there: {names})',
    ),
    unnamedPorts: l(
      '{kind} "{monitor}"가 포트 "{port}"를 이름으로 수집하지만, Service({services})의 포트에는 이름이 없습니다. 엔드포인트는 이름이 있는 Service 포트만 가리킬 수 있습니다',
      '{kind} "{monitor}" scrapes the port named "{port}", but the ports of {services} have no names; an endpoint can only name a named Service port',
    ),
    noPort: l(
      '{kind} "{monitor}"가 포트 "{port}"를 수집하지만, 고른 {services}에는 그 이름의 포트가 없습니다 (있는 이름: {names})',
      '{kind} "{monitor}" scrapes the port "{port}", but what it selects ({services}) has no port of that name (names there: {names})',
    ),
  },
  docs: {
    summary: l(
      'Prometheus Operator의 ServiceMonitor/PodMonitor가 matchLabels로 고르는 레이블을 가진 Service(또는 파드)가 프로젝트에 없거나, endpoints가 이름으로 가리키는 포트가 고른 Service에 없는 경우를 찾습니다. 프로젝트에 Service(PodMonitor는 워크로드)가 하나도 없거나, 레이블을 템플릿이 정하면 판단하지 않습니다.',
      'Flags Prometheus Operator ServiceMonitors and PodMonitors whose matchLabels pick no Service (or pod) of the project, or whose endpoints name a port the selected Services do not have (unnamed Service ports included: an endpoint can only name a named port). Nothing is said when the project has no Service (no workload, for a PodMonitor) or a template decides the labels.',
    ),
    why: l(
      '선택자가 아무것도 고르지 않아도 Prometheus는 오류를 내지 않습니다. 타깃 목록에 이 서비스가 조용히 빠지고, 대시보드는 비고, 지연이나 오류율 알림은 영원히 울리지 않습니다. 앱 이름을 바꾸거나 다른 프로젝트에서 복사해 온 뒤 자주 생기는 일입니다.',
      'Prometheus raises no error when a selector picks nothing: the service is silently missing from the targets, the dashboards stay empty and the latency and error-rate alerts can never fire. It typically happens after the app is renamed or the monitor is copied from another project.',
    ),
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: iris-api\n  labels:\n    app: iris-api\nspec:\n  selector:\n    app: iris-api\n  ports:\n    - name: http\n      port: 8000\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: model-api\nspec:\n  selector:\n    matchLabels:\n      app: model-api\n  endpoints:\n    - port: http\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: iris-api\n  labels:\n    app: iris-api\nspec:\n  selector:\n    app: iris-api\n  ports:\n    - name: http\n      port: 8000\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: model-api\nspec:\n  # TODO: 이 선택자가 실제로 어떤 Service를 고르는지 Prometheus의 targets 화면에서 확인해 보세요\n  selector:\n    matchLabels:\n      app: iris-api\n  endpoints:\n    - port: http\n',
  },
  weeks: ['beginner/6', 'intermediate/4'],
  questions: [
    l(
      '{selector} 레이블을 가진 Service는 어디에 있나요? Prometheus의 Status → Targets 화면에 {monitor}의 타깃이 몇 개 보일까요?',
      'Which Service carries {selector}, and how many targets would Prometheus show for {monitor} under Status → Targets?',
    ),
    l(
      '{monitor}가 아무 타깃도 고르지 못하고 있다면, 지금 어떤 대시보드와 경보가 조용히 비어 있을까요? 타깃이 사라진 것을 누가 어떻게 알아챌까요?',
      'If {monitor} picks no target, which dashboards and alerts are silently empty right now, and who would notice that the target disappeared?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 모니터와 Service를 이어 주기\n# 고려사항:\n# - Service의 metadata.labels(파드 레이블이 아님)와 matchLabels가 같은가요?\n# - endpoints.port는 Service 포트의 이름인가요?\n# - 타깃이 사라지면 알려 줄 absent()/up == 0 알림이 있나요?\n# selector:\n#   matchLabels:\n#     app: # TODO\n',
    en: "# TODO: connect the monitor to the Service\n# Consider:\n# - do matchLabels equal the Service's metadata.labels (not the pod labels)?\n# - is endpoints.port the name of one of the Service's ports?\n# - is there an absent()/up == 0 alert that says when the target disappears?\n# selector:\n#   matchLabels:\n#     app: # TODO\n",
  },
  project(context) {
    const monitors: { path: string; fact: MonitorFact }[] = [];
    const services: ServiceFact[] = [];
    const workloads: WorkloadFact[] = [];
    let labelledByKustomize = false;
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      if (facts.kustomizeLabels) labelledByKustomize = true;
      for (const fact of facts.monitors ?? []) monitors.push({ path, fact });
      services.push(...facts.services);
      workloads.push(...facts.workloads);
    }
    if (monitors.length === 0) return;
    for (const { path, fact } of monitors) {
      const selector = fact.selector;
      if (!selector || Object.keys(selector).length === 0) continue;
      const data = { kind: fact.kind, monitor: fact.name, selector: labelText(selector) };
      if (fact.kind === 'ServiceMonitor') {
        // A Service with no labels is one no ServiceMonitor can select (a common slip: the labels are
        // written on the pods and the Service's selector only). Labels a template or a Kustomization
        // writes are unknown, and then so is the answer.
        if (services.length === 0 || labelledByKustomize || services.some((s) => !s.labels)) continue;
        const chosen = services.filter((s) => selects(selector, s.labels!));
        if (chosen.length === 0) {
          context.report({ path, range: fact.selectorRange, messageId: 'noService', data: { ...data, services: services.map((s) => s.name).join(', ') } });
          // Fixing the labels alone would not help when no Service of the project has a port of that
          // name either: an endpoint can only name a named Service port.
          const everyName = services.flatMap((s) => s.ports.flatMap((p) => (p.name ? [p.name] : [])));
          const index = fact.ports.findIndex((port) => !everyName.includes(port));
          if (index >= 0 && services.every((s) => s.ports.length > 0))
            context.report({
              path,
              range: fact.portRanges?.[index] ?? fact.selectorRange,
              messageId: everyName.length ? 'noPortAnywhere' : 'unnamedPorts',
              data: { ...data, port: fact.ports[index], services: services.map((s) => s.name).join(', '), names: everyName.join(', ') },
            });
          continue;
        }
        const names = chosen.flatMap((s) => s.ports.flatMap((p) => (p.name ? [p.name] : [])));
        const missing = fact.ports.find((port) => !names.includes(port));
        if (missing && names.length > 0)
          context.report({
            path,
            range: fact.selectorRange,
            messageId: 'noPort',
            data: { ...data, port: missing, services: chosen.map((s) => s.name).join(', '), names: names.join(', ') },
          });
        else if (missing && chosen.every((s) => s.ports.length > 0))
          // Unnamed Service ports cannot be named by an endpoint: the monitor finds its Service and scrapes nothing.
          context.report({
            path,
            range: fact.portRanges?.[fact.ports.indexOf(missing)] ?? fact.selectorRange,
            messageId: 'unnamedPorts',
            data: { ...data, port: missing, services: chosen.map((s) => s.name).join(', '), names: '' },
          });
      } else {
        if (workloads.length === 0 || workloads.some((w) => Object.keys(w.labels).length === 0)) continue;
        if (!workloads.some((w) => selects(selector, w.labels)))
          context.report({ path, range: fact.selectorRange, messageId: 'noPod', data: { ...data, services: workloads.map((w) => w.name).join(', ') } });
      }
    }
  },
});
