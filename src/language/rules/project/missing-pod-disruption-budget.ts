import { l, projectRule } from '../../rule';
import { fewestReplicas, kubernetesObjects, REPLICATED_KINDS, selects } from '../../project/scaling';

export default projectRule({
  id: 'missing-pod-disruption-budget',
  scope: 'project',
  language: 'yaml',
  category: 'reliability',
  severity: 'info',
  anchors: ['kube-score:deployment-has-poddisruptionbudget', 'polaris:missingPodDisruptionBudget'],
  messages: {
    missing: l(
      '{kind} "{name}"는 Pod {replicas}개 이상을 돌리지만 이를 보호하는 PodDisruptionBudget이 없습니다',
      '{kind} "{name}" runs {replicas} or more pods but no PodDisruptionBudget protects them',
    ),
  },
  docs: {
    summary: l(
      '복제본이 2개 이상(또는 HPA minReplicas 2 이상)인 Deployment/StatefulSet을 고르는 PodDisruptionBudget이 프로젝트 어디에도 없는 경우를 찾습니다. 오토스케일러가 없는 프로젝트에서 프로브도 없는 복제본 2~3개짜리 첫 배포는 묻지 않습니다(프로브가 먼저입니다).',
      'Flags Deployments and StatefulSets with two or more replicas (or an HPA minReplicas of two or more) that no PodDisruptionBudget anywhere in the project selects. A first deployment (two or three replicas, no probe, no autoscaler in the project) is not asked: its probes come first.',
    ),
    why: l(
      '노드 점검이나 클러스터 업그레이드는 Pod를 "자발적으로" 내보냅니다. 예산이 없으면 한 번의 drain이 모든 복제본을 동시에 내보낼 수 있어, 복제본을 여러 개 둔 의미가 사라집니다.',
      'Node maintenance and cluster upgrades evict pods voluntarily. Without a budget one drain may evict every replica at once, which defeats the point of running several.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: model}\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n          readinessProbe:\n            httpGet: {path: /ready, port: 8000}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: model}\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n          readinessProbe:\n            httpGet: {path: /ready, port: 8000}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: model\nspec:\n  # TODO: 점검 중에도 몇 개는 반드시 떠 있어야 하나요?\n  minAvailable: 2\n  selector:\n    matchLabels: {app: model}\n',
  },
  weeks: ['intermediate/3', 'advanced/3'],
  questions: [
    l(
      '클러스터 업그레이드로 노드들이 차례로 비워질 때, {name}의 Pod {replicas}개가 같은 순간에 모두 내려가지 않는다고 무엇이 보장하나요?',
      'When nodes are drained one after another for a cluster upgrade, what guarantees that the {replicas} pods of {name} are not all down at the same moment?',
    ),
    l(
      '{name}가 요청을 감당하려면 최소 몇 개의 Pod가 필요할까요? 그 숫자를 클러스터에 어떻게 알려줄 수 있을까요?',
      'How many pods does {name} need at minimum to carry its traffic, and how can you tell the cluster that number?',
    ),
  ],
  scaffold: {
    ko: '# TODO: PodDisruptionBudget 설계\n# 고려사항:\n# - 점검 중에도 유지해야 하는 최소 Pod 수(minAvailable) 또는 동시에 내려가도 되는 수(maxUnavailable)는?\n# - 복제본 수보다 작게 잡아야 drain이 막히지 않습니다\n# apiVersion: policy/v1\n# kind: PodDisruptionBudget\n# spec:\n#   minAvailable: # TODO\n#   selector:\n#     matchLabels: # TODO: Pod 라벨과 같게\n',
    en: '# TODO: design a PodDisruptionBudget\n# Consider:\n# - how many pods must stay up during maintenance (minAvailable), or may go down together (maxUnavailable)?\n# - keep it below the replica count, or drains block\n# apiVersion: policy/v1\n# kind: PodDisruptionBudget\n# spec:\n#   minAvailable: # TODO\n#   selector:\n#     matchLabels: # TODO: the pod labels\n',
  },
  project(context) {
    const objects = kubernetesObjects(context.view);
    // A chart's templated budget selects what its labels helper renders: it may protect any workload.
    if (objects.budgets.some((b) => Object.keys(b.fact.selector).length === 0)) return;
    for (const { path, fact: workload } of objects.workloads) {
      // A bare ReplicaSet is a course exercise (the object a Deployment manages): its lesson is to use
      // a Deployment, not to protect the ReplicaSet with a budget.
      if (!REPLICATED_KINDS.has(workload.kind) || workload.kind === 'ReplicaSet') continue;
      const replicas = fewestReplicas(workload, objects);
      if (replicas === undefined || replicas < 2) continue;
      // Two or three replicas, no probe and no autoscaler anywhere in the project is a first deployment
      // (the course's `replicas: 3`): a reviewer asks for the probes first, and a budget over pods that
      // are never checked for readiness protects nothing. Blind reviewers wrote no budget issue on the
      // five such dev manifests and a control on one ("three replicas is right").
      if (replicas <= 3 && objects.autoscalers.length === 0 && workload.containers.every((c) => c.probes.length === 0)) continue;
      if (objects.budgets.some((b) => selects(b.fact.selector, workload.labels))) continue;
      context.report({ path, range: workload.replicasRange ?? workload.range, messageId: 'missing', data: { kind: workload.kind, name: workload.name, replicas } });
    }
  },
});
