import { l, projectRule } from '../../rule';
import { kubernetesObjects } from '../../project/scaling';

export default projectRule({
  scope: 'project',
  id: 'autoscaler-target-mismatch',
  language: 'yaml',
  category: 'scalability',
  severity: 'warning',
  messages: {
    missing: l(
      'HPA "{name}"가 {kind} "{target}"를 대상으로 하지만 프로젝트에 그런 {kind}가 없어 아무것도 자동 확장되지 않습니다 (있는 워크로드: {known})',
      'HPA "{name}" targets {kind} "{target}", but the project has no such {kind}, so nothing is autoscaled (workloads found: {known})',
    ),
    noRequest: l(
      'HPA "{name}"는 {resource} 사용률로 확장하지만 "{target}"의 컨테이너 "{container}"에 {resource} 요청(requests)이 없어 사용률을 계산할 수 없고 확장되지 않습니다',
      'HPA "{name}" scales on {resource} utilisation, but container "{container}" of "{target}" requests no {resource}, so the utilisation is unknown and nothing scales',
    ),
  },
  docs: {
    summary: l(
      'scaleTargetRef가 프로젝트의 어떤 워크로드와도 이름이 맞지 않는 HPA, 그리고 CPU/메모리 사용률로 확장하는데 대상 컨테이너에 그 자원의 requests(또는 limits)가 없는 HPA를 찾습니다 (이름이 템플릿으로 정해지면 건너뜀).',
      'Flags HPAs whose scaleTargetRef matches no workload of the project, and HPAs that scale on CPU or memory utilisation of a target whose containers request none of that resource (skipped when a template decides the names or resources).',
    ),
    why: l(
      '대상 이름이 틀리거나 requests가 없으면 HPA는 오류 상태(<unknown>)로 남고 Pod 수는 그대로입니다. 트래픽이 몰려도 확장되지 않는데, kubectl apply는 성공하므로 부하 테스트 전까지 아무도 모릅니다.',
      'With a wrong target name or no requests, the HPA sits in an error state (<unknown> targets) and the pod count never changes. Traffic spikes are not absorbed, yet kubectl apply succeeded, so nobody notices until a load test.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.2.0\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: model-api\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: model-api\n  minReplicas: 2\n  maxReplicas: 5\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: {type: Utilization, averageUtilization: 70}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.2.0\n          # TODO: 부하 테스트로 Pod 하나가 쓰는 CPU를 재고 정하세요\n          resources:\n            requests: {cpu: 500m, memory: 512Mi}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: model-api\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: model-api\n  minReplicas: 2\n  maxReplicas: 5\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: {type: Utilization, averageUtilization: 70}\n',
  },
  weeks: ['intermediate/3'],
  questions: [
    l(
      'kubectl describe hpa {name}를 실행하면 TARGETS 열에 무엇이 보일까요? 그 값은 어디서 계산될까요?',
      'If you run kubectl describe hpa {name}, what does the TARGETS column show, and where is that number computed from?',
    ),
    l(
      '"{target}"에 트래픽이 열 배로 몰리면 Pod 수가 실제로 늘어날까요? 그걸 어떻게 확인하나요?',
      'If traffic to "{target}" grew tenfold, would the pod count actually rise? How would you check?',
    ),
  ],
  scaffold: {
    ko: '# TODO: HPA가 실제로 확장할 수 있게 하기\n# 고려사항:\n# - scaleTargetRef.kind/name이 Deployment의 metadata.name과 정확히 같은가요?\n# - 사용률(Utilization)은 requests 대비 비율입니다: 대상 컨테이너에 requests가 있나요?\n# - 부하 테스트로 Pod 하나가 감당하는 양을 재고 requests와 목표치를 정하기\n# resources:\n#   requests:\n#     cpu: # TODO\n',
    en: "# TODO: make the HPA able to scale\n# Consider:\n# - do scaleTargetRef.kind/name match the Deployment's metadata.name exactly?\n# - utilisation is a share of the request: do the target's containers set requests?\n# - measure what one pod handles under load before choosing requests and the target\n# resources:\n#   requests:\n#     cpu: # TODO\n",
  },
  project(context) {
    const objects = kubernetesObjects(context.view);
    // A templated workload name (Helm's fullname) could be any target.
    if (objects.workloads.some((w) => w.fact.name === '?')) return;
    for (const { path, fact: hpa } of objects.autoscalers) {
      if (hpa.targetName === undefined || hpa.targetRange === undefined || hpa.utilization === undefined) continue;
      const kind = hpa.targetKind ?? 'Deployment';
      const targets = objects.workloads.filter((w) => w.fact.name === hpa.targetName && w.fact.kind === kind);
      if (targets.length === 0) {
        // Without any workload of that kind in the project, the target lives elsewhere (another repository, a chart dependency).
        const sameKind = objects.workloads.filter((w) => w.fact.kind === kind);
        if (sameKind.length === 0) continue;
        const known = sameKind.map((w) => w.fact.name).join(', ');
        context.report({ path, range: hpa.targetRange, messageId: 'missing', data: { name: hpa.name, kind, target: hpa.targetName, known } });
        continue;
      }
      for (const { resource } of hpa.utilization) {
        if (resource !== 'cpu' && resource !== 'memory') continue;
        const lacking = targets.flatMap((t) => t.fact.containers).find((c) => !c.init && c.requests !== undefined && !c.requests[resource]);
        if (!lacking) continue;
        const target = targets[0]!;
        context.report({
          path,
          range: hpa.targetRange,
          messageId: 'noRequest',
          data: { name: hpa.name, resource, target: hpa.targetName, container: lacking.name },
          related: [{ path: target.path, range: lacking.nameRange, message: l(`컨테이너 "${lacking.name}"`, `container "${lacking.name}"`) }],
        });
        break;
      }
    }
  },
});
