import { l, projectRule } from '../../rule';
import { fewestReplicas, kubernetesObjects, selects } from '../../project/scaling';

/** Pods a budget lets go at once, given the fewest replicas; undefined when it cannot be told. */
function evictable(minAvailable: string | undefined, maxUnavailable: string | undefined, replicas: number): number | undefined {
  const amount = (value: string) => (/^\d+%$/.test(value) ? Math.floor((replicas * Number(value.slice(0, -1))) / 100) : /^\d+$/.test(value) ? Number(value) : undefined);
  if (maxUnavailable !== undefined) return amount(maxUnavailable);
  if (minAvailable === undefined) return undefined;
  // minAvailable rounds up: 50% of three pods keeps two.
  const keep = /^\d+%$/.test(minAvailable) ? Math.ceil((replicas * Number(minAvailable.slice(0, -1))) / 100) : amount(minAvailable);
  return keep === undefined ? undefined : replicas - keep;
}

export default projectRule({
  id: 'disruption-budget-blocks-eviction',
  scope: 'project',
  language: 'yaml',
  category: 'reliability',
  severity: 'warning',
  messages: {
    blocks: l(
      'PodDisruptionBudget "{budget}"은 Pod {replicas}개인 "{workload}"에서 하나도 내보내지 못하게 해, 노드 drain과 클러스터 업그레이드가 멈춥니다',
      'PodDisruptionBudget "{budget}" lets no pod of "{workload}" ({replicas} replica) be evicted, so node drains and cluster upgrades hang',
    ),
  },
  docs: {
    summary: l(
      'minAvailable이 복제본 수 이상이거나 maxUnavailable이 0이라 어떤 Pod도 자발적으로 내보낼 수 없는 PodDisruptionBudget을 찾습니다 (다른 파일의 워크로드와 HPA도 봅니다).',
      'Flags PodDisruptionBudgets whose minAvailable is at least the replica count, or whose maxUnavailable is 0, so no pod can ever be evicted voluntarily (workloads and HPAs in other files count).',
    ),
    why: l(
      '예산이 0개의 중단만 허용하면 kubectl drain은 영원히 기다리고, 관리형 클러스터의 업그레이드는 멈추거나 결국 예산을 무시하고 강제로 진행됩니다. 보호하려던 서비스가 오히려 점검을 막습니다.',
      'A budget that allows zero disruptions makes kubectl drain wait forever; managed-cluster upgrades stall or end up forcing the eviction anyway. The protected service ends up blocking maintenance.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels: {app: model}\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: model\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: model}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  # TODO: 한 개가 내려가도 버틸 수 있는 복제본 수는?\n  replicas: 2\n  template:\n    metadata:\n      labels: {app: model}\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: model\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: model}\n',
  },
  weeks: ['intermediate/3', 'advanced/3'],
  questions: [
    l(
      '"{workload}"가 Pod {replicas}개로 돌 때 "{budget}"을 지키면서 노드를 비우려면, 어떤 Pod를 먼저 내보낼 수 있을까요?',
      'With "{workload}" running {replicas} pod, which pod could a node drain evict while honouring "{budget}"?',
    ),
    l(
      '이 예산이 지키려는 것은 무엇인가요? 복제본을 늘리는 것과 예산을 낮추는 것 중 무엇이 그 목표에 맞을까요?',
      'What is this budget meant to protect, and does adding replicas or lowering the budget serve that goal?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 복제본 수와 예산 맞추기\n# 고려사항:\n# - 점검 중에도 반드시 떠 있어야 하는 Pod 수는? (복제본 수보다 작아야 합니다)\n# - 복제본이 1개라면, 잠깐의 중단을 받아들일까요, 복제본을 늘릴까요?\n# spec:\n#   minAvailable: # TODO (또는 maxUnavailable: 1)\n',
    en: '# TODO: match the budget to the replica count\n# Consider:\n# - how many pods must stay up during maintenance (less than the replica count)?\n# - with one replica, accept a short interruption or add replicas?\n# spec:\n#   minAvailable: # TODO (or maxUnavailable: 1)\n',
  },
  project(context) {
    const objects = kubernetesObjects(context.view);
    for (const { path, fact: budget } of objects.budgets) {
      for (const { fact: workload } of objects.workloads) {
        if (!selects(budget.selector, workload.labels)) continue;
        const replicas = fewestReplicas(workload, objects);
        if (replicas === undefined || replicas < 1) continue;
        const allowed = evictable(budget.minAvailable, budget.maxUnavailable, replicas);
        if (allowed === undefined || allowed > 0) continue;
        context.report({ path, range: budget.range, messageId: 'blocks', data: { budget: budget.name, workload: workload.name, replicas } });
        break;
      }
    }
  },
});
