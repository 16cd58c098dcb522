import { l, yamlRule } from '../../rule';
import { at, items, scalar } from '../../yaml/model';

export default yamlRule({
  id: 'memory-based-autoscaling',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'scalability',
  severity: 'info',
  messages: {
    memory: l(
      'HPA "{name}"가 메모리로 확장합니다: 모델을 올린 Python 서버는 메모리를 거의 돌려주지 않아 한 번 늘어난 Pod 수가 줄지 않습니다',
      'HPA "{name}" scales on memory: a Python server holding a model rarely returns memory, so once scaled up it never scales back down',
    ),
  },
  docs: {
    summary: l(
      'metrics에 memory 자원 목표(사용률 또는 평균값)가 있는 HorizontalPodAutoscaler를 찾습니다 (info; maxReplicas가 minReplicas보다 크지 않아 확장하지 않는 HPA는 제외).',
      'Flags HorizontalPodAutoscalers with a memory resource target, by utilisation or average value (info; an HPA whose maxReplicas is no higher than minReplicas never scales and is left alone).',
    ),
    why: l(
      '모델 서버의 메모리는 부하가 아니라 모델 크기와 워커 수로 정해지고, Python은 해제한 메모리를 운영체제에 잘 돌려주지 않습니다. 메모리 목표는 부하와 무관하게 최대치로 붙어 있거나, 시작하자마자 확장을 일으킵니다. CPU, 동시 요청 수, 지연 시간 같은 부하 지표가 확장 신호로 맞습니다.',
      "A model server's memory follows the model size and the worker count, not the load, and Python rarely hands freed memory back to the system. A memory target either pins the HPA at its maximum or scales out right after start-up; CPU, in-flight requests or latency track the load.",
    ),
    bad: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: model-api\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: model-api}\n  minReplicas: 2\n  maxReplicas: 8\n  metrics:\n    - type: Resource\n      resource:\n        name: memory\n        target: {type: Utilization, averageUtilization: 80}\n',
    good: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: model-api\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: model-api}\n  minReplicas: 2\n  maxReplicas: 8\n  metrics:\n    # TODO: 부하를 가장 잘 나타내는 지표는 무엇인가요? (CPU, 동시 요청 수, p95 지연)\n    - type: Resource\n      resource:\n        name: cpu\n        target: {type: Utilization, averageUtilization: 70}\n',
  },
  weeks: ['intermediate/3'],
  questions: [
    l(
      '요청이 하나도 없을 때 HPA "{name}"가 확장하는 Pod 하나는 메모리를 얼마나 쓰나요? 그 값을 목표치와 비교하면 어떤가요?',
      'With no requests at all, how much memory does one pod scaled by HPA "{name}" use, and how does that compare with its target?',
    ),
    l(
      '부하가 끝난 뒤 Pod의 메모리는 다시 내려갈까요? 내려가지 않으면 HPA는 Pod 수를 어떻게 할까요?',
      "After a load peak, does the pods' memory go back down? If it does not, what will the HPA do with the pod count?",
    ),
  ],
  scaffold: {
    ko: '# TODO: 부하를 따라가는 확장 지표 고르기\n# 고려사항:\n# - CPU 사용률(requests 대비)이 추론 부하를 따라가나요?\n# - 동시 요청 수나 큐 길이 같은 사용자 지표(Pods/External 메트릭)가 더 맞지 않나요?\n# - 메모리는 limits로 보호하고 확장 신호로는 쓰지 않기\n# metrics:\n#   - type: # TODO\n',
    en: '# TODO: choose a scaling metric that follows the load\n# Consider:\n# - does CPU utilisation (against the request) follow the inference load?\n# - would in-flight requests or queue length (Pods/External metrics) fit better?\n# - protect memory with limits instead of scaling on it\n# metrics:\n#   - type: # TODO\n',
  },
  check(context, document) {
    const root = document.root;
    if (scalar(at(root, 'kind')) !== 'HorizontalPodAutoscaler') return;
    // maxReplicas no higher than minReplicas (default 1): the autoscaler never changes the count, so no metric scales anything.
    const max = Number(scalar(at(root, 'spec.maxReplicas')));
    const min = Number(scalar(at(root, 'spec.minReplicas')) ?? '1');
    if (Number.isFinite(max) && Number.isFinite(min) && max <= min) return;
    for (const metric of items(at(root, 'spec.metrics'))) {
      if (scalar(at(metric, 'type')) !== 'Resource') continue;
      const name = at(metric, 'resource.name');
      if (scalar(name) === 'memory') {
        context.report({ range: name!.range, messageId: 'memory', data: { name: scalar(at(root, 'metadata.name')) ?? '?' } });
        return;
      }
    }
  },
});
