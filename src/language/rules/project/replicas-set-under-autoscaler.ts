import { l, projectRule } from '../../rule';
import { autoscalersOf, kubernetesObjects } from '../../project/scaling';
import type { AutoscalerFact, WorkloadFact } from '../../project/facts';

export default projectRule({
  scope: 'project',
  id: 'replicas-set-under-autoscaler',
  language: 'yaml',
  category: 'scalability',
  severity: 'warning',
  messages: {
    fixed: l(
      '{kind} "{name}"가 replicas를 직접 정하지만 HPA "{hpa}"가 Pod 수를 관리합니다 — apply(또는 helm upgrade)할 때마다 오토스케일러가 고른 수가 이 값으로 되돌아갑니다',
      '{kind} "{name}" sets replicas although HPA "{hpa}" manages its pod count — every apply (or helm upgrade) resets the count the autoscaler chose to this value',
    ),
  },
  docs: {
    summary: l(
      'HorizontalPodAutoscaler(또는 KEDA ScaledObject)가 대상으로 삼는 Deployment/StatefulSet이 spec.replicas를 직접 쓰는 경우를 찾습니다 (Helm 차트에서 `if not .Values.autoscaling.enabled`로 감싼 replicas는 제외).',
      'Flags a Deployment or StatefulSet that writes spec.replicas while a HorizontalPodAutoscaler (or KEDA ScaledObject) scales it (a Helm chart that wraps replicas in `if not .Values.autoscaling.enabled` is fine).',
    ),
    why: l(
      'HPA는 spec.replicas를 바꿔서 확장합니다. 매니페스트에 replicas가 있으면 배포할 때마다 그 값이 다시 적용되어, 부하로 8개까지 늘어난 Pod가 배포 순간 2개로 줄었다가 HPA가 다시 늘릴 때까지 요청이 밀립니다. 쿠버네티스 문서도 HPA를 쓸 때는 replicas를 매니페스트에서 빼라고 권합니다.',
      'An HPA scales by changing spec.replicas. When the manifest also writes replicas, every deploy applies that value again: eight pods scaled up for the load drop to two at the moment of the rollout, and requests queue until the HPA scales back up. The Kubernetes documentation advises removing replicas from the manifest once an HPA manages it.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.2.0\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: model-api\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: model-api\n  minReplicas: 2\n  maxReplicas: 8\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  # TODO: 누가 Pod 수를 정하나요? HPA가 관리하면 여기서는 replicas를 빼세요\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.2.0\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: model-api\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: model-api\n  minReplicas: 2\n  maxReplicas: 8\n',
  },
  weeks: ['intermediate/3'],
  questions: [
    l(
      '부하 때문에 "{name}"가 Pod 8개로 늘어난 상태에서 배포하면, 그 순간 Pod는 몇 개가 될까요? 누가 다시 늘리나요?',
      'If "{name}" has scaled to eight pods under load and you deploy, how many pods run right after the apply? Who scales them back up?',
    ),
    l(
      'Pod 수를 정하는 주체가 둘(매니페스트와 HPA)이라면, 어느 쪽이 이기고 언제 이기나요?',
      'With two owners of the pod count (the manifest and the HPA), which one wins, and when?',
    ),
  ],
  scaffold: {
    ko: '# TODO: Pod 수의 주인을 하나로 정하기\n# 고려사항:\n# - HPA가 관리한다면 Deployment의 spec.replicas를 빼기 (처음 생성 시 1개, 곧 HPA의 minReplicas로)\n# - Helm이라면: {{- if not .Values.autoscaling.enabled }} replicas: ... {{- end }}\n# - 최소 Pod 수는 HPA의 minReplicas에서 정하기\n',
    en: "# TODO: give the pod count one owner\n# Consider:\n# - if the HPA manages it, drop spec.replicas from the Deployment (created with 1, then the HPA's minReplicas)\n# - in Helm: {{- if not .Values.autoscaling.enabled }} replicas: ... {{- end }}\n# - set the minimum in the HPA's minReplicas\n",
  },
  project(context) {
    const objects = kubernetesObjects(context.view);
    for (const { path, fact: workload } of objects.workloads) {
      if (workload.replicasRange === undefined || workload.replicasGuarded) continue;
      // Named targets as every scaling rule pairs them; Helm-written names when they are the same expression.
      const scaler = autoscalersOf(workload, objects)[0] ?? objects.autoscalers.find((a) => sameTemplatedTarget(a.fact, workload));
      if (!scaler) continue;
      context.report({
        path,
        range: workload.replicasRange,
        messageId: 'fixed',
        data: { kind: workload.kind, name: workload.name === '?' ? (workload.nameText ?? '?') : workload.name, hpa: scaler.fact.name },
      });
    }
  },
});

/** An autoscaler and a workload whose names are both written by a template, as the same expression. */
function sameTemplatedTarget(scaler: AutoscalerFact, workload: WorkloadFact): boolean {
  if (scaler.targetName !== undefined || (scaler.targetKind !== undefined && scaler.targetKind !== workload.kind)) return false;
  return scaler.targetText !== undefined && scaler.targetText === workload.nameText;
}
