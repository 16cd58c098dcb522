import { withdrawInKustomizePatches } from '../../project/kustomize';
import { l, yamlRule } from '../../rule';
import { objectsOfKind, podContainers, throwawayPod } from '../../yaml/kubernetes';
import { at, entry, has, intact } from '../../yaml/model';

const REQUIRED = ['requests.cpu', 'requests.memory', 'limits.memory'] as const;

export default yamlRule({
  id: 'missing-resource-requirements',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'scalability',
  severity: 'warning',
  anchors: ['kube-linter:unset-cpu-requirements', 'kube-linter:unset-memory-requirements', 'CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13', 'polaris:memoryLimitsMissing'],
  messages: {
    missing: l('컨테이너 "{container}"에 resources(requests/limits)가 없습니다', 'Container "{container}" sets no resources (requests/limits)'),
    partial: l('컨테이너 "{container}"의 resources에 {fields}가 없습니다', 'Container "{container}" resources lack {fields}'),
    gpuLimit: l(
      '컨테이너 "{container}"의 {resource} 리소스가 requests에만 있습니다; 확장 리소스는 limits에 적어야 합니다',
      'Container "{container}" requests {resource} without a limit; extended resources must be set in limits',
    ),
  },
  docs: {
    summary: l(
      'requests.cpu, requests.memory, limits.memory가 빠진 컨테이너와 limits 없이 requests에만 적힌 GPU를 찾습니다. 같은 자원의 limit이 있으면 request가 없어도 빠진 것으로 보지 않습니다(Kubernetes가 limit 값을 씁니다). 잠만 자는 도우미 Pod(kubectl cp용 sleep 3600)와 helm test가 한 번 띄우는 Helm 테스트 훅("helm.sh/hook": test)은 제외합니다.',
      'Flags containers missing requests.cpu, requests.memory or limits.memory, and GPUs requested without a limit. A request left out where the limit of the same resource is set is not missing (Kubernetes uses the limit). A helper Pod that only sleeps (a sleep 3600 started for kubectl cp) and a Helm test hook ("helm.sh/hook": test, started once by helm test) are skipped.',
    ),
    why: l(
      'requests가 없으면 스케줄러가 모델 서버를 이미 꽉 찬 노드에 올리고, 메모리 limit이 없으면 큰 모델 하나가 노드 전체를 OOM으로 몰아넣습니다. HPA도 requests 없이는 CPU 사용률을 계산하지 못합니다.',
      'Without requests the scheduler packs a model server onto a full node; without a memory limit one large model can push the whole node into OOM. An HPA cannot compute CPU utilisation without requests either.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n          # TODO: 부하 테스트로 측정한 값으로 바꾸세요\n          resources:\n            requests: { cpu: 500m, memory: 2Gi }\n            limits: { memory: 2Gi }\n',
  },
  weeks: ['intermediate/3', 'advanced/1', 'advanced/3', 'advanced/6'],
  questions: [
    l(
      '{container} 컨테이너는 부하가 걸렸을 때 실제로 메모리를 얼마나 쓰나요? 그 값은 어떻게 측정하셨나요?',
      'How much memory does the {container} container really use under load, and how did you measure it?',
    ),
    l('같은 노드에 다른 Pod가 메모리를 다 써버리면 {container}에는 어떤 일이 생길까요?', 'If another pod on the same node eats all the memory, what happens to {container}?'),
    l('HPA가 CPU 사용률로 스케일링하려면 무엇을 기준으로 "사용률"을 계산할까요?', 'For an HPA to scale on CPU utilisation, what does it compute the utilisation against?'),
  ],
  scaffold: {
    ko: '# TODO: 리소스 요구량 정하기\n# 고려사항:\n# - 모델 크기 + 배치 크기 + 런타임 오버헤드로 메모리는 얼마가 필요한가요?\n# - 부하 테스트에서 p95 CPU 사용량은 얼마였나요?\n# - CPU limit을 걸면 추론 지연(throttling)은 어떻게 될까요?\n# resources:\n#   requests:\n#     cpu: # TODO\n#     memory: # TODO\n#   limits:\n#     memory: # TODO\n',
    en: '# TODO: size the container\n# Consider:\n# - model size + batch size + runtime overhead: how much memory?\n# - what was the p95 CPU usage in your load test?\n# - what would a CPU limit (throttling) do to inference latency?\n# resources:\n#   requests:\n#     cpu: # TODO\n#     memory: # TODO\n#   limits:\n#     memory: # TODO\n',
  },
  // A Kustomize patch keeps what it does not set from the base.
  project: withdrawInKustomizePatches,
  check(context, document) {
    // A LimitRange in the same file gives containers defaults, so only explicit gaps matter there.
    // A Pod that only sleeps (a `kubectl cp` helper) runs nothing to size or harden; nor does the
    // Pod or Job a Helm test hook starts once to call the release.
    if (throwawayPod(document)) return;
    const limitRange = objectsOfKind(context.model, ['LimitRange']).length > 0;
    for (const container of podContainers(document)) {
      if (!intact(document, container.spec)) continue;
      const resources = entry(container.spec, 'resources');
      if (!resources?.value) {
        if (!limitRange) context.report({ range: container.nameRange, messageId: 'missing', data: { container: container.name } });
        continue;
      }
      // Kubernetes defaults a request it is not given to the limit of the same resource.
      const set = (section: string, name: string) => has(at(resources.value, section), name);
      const missing = REQUIRED.filter((path) => {
        const [section, name] = path.split('.');
        return !set(section, name) && !(section === 'requests' && set('limits', name));
      });
      if (missing.length > 0 && !limitRange) {
        context.report({ range: resources.keyRange, messageId: 'partial', data: { container: container.name, fields: missing.join(', ') } });
      }
      const requests = at(resources.value, 'requests');
      for (const e of requests?.kind === 'map' ? requests.entries : []) {
        if (/\/gpu$/.test(e.key) && !has(at(resources.value, 'limits'), e.key)) {
          context.report({ range: e.keyRange, messageId: 'gpuLimit', data: { container: container.name, resource: e.key } });
        }
      }
    }
  },
});
