import { withdrawInKustomizePatches } from '../../project/kustomize';
import { l, yamlRule } from '../../rule';
import { podContainers } from '../../yaml/kubernetes';
import { intact } from '../../yaml/model';

export default yamlRule({
  id: 'missing-readiness-probe',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'health',
  severity: 'warning',
  anchors: ['kube-linter:no-readiness-probe', 'CKV_K8S_9', 'polaris:readinessProbeMissing'],
  messages: {
    missing: l('컨테이너 "{container}"에 readinessProbe가 없습니다', 'Container "{container}" has no readinessProbe'),
  },
  docs: {
    summary: l('서비스 워크로드 컨테이너에 readinessProbe가 없는 경우를 찾습니다.', 'Flags serving workload containers without a readinessProbe.'),
    why: l(
      'readinessProbe가 없으면 Kubernetes는 모델을 아직 메모리에 올리는 중인 Pod에도 트래픽을 보냅니다. 배포와 스케일 아웃 때마다 요청이 실패합니다.',
      'Without a readinessProbe, Kubernetes sends traffic to pods that are still loading the model, so every rollout and scale-out drops requests.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n          # TODO: 모델 로딩이 끝났는지 확인하는 엔드포인트는 무엇인가요?\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: 8080\n',
  },
  weeks: ['intermediate/7', 'advanced/1', 'advanced/7'],
  questions: [
    l(
      'Pod가 시작된 뒤 {container}가 요청을 받을 준비(예: 모델 로딩)를 마치기까지 얼마나 걸리나요? 그동안 들어온 요청은 어떻게 될까요?',
      'After a pod starts, how long does {container} take to get ready (loading a model, for example), and what happens to requests that arrive meanwhile?',
    ),
    l('"요청을 받을 준비가 됐다"는 것을 서비스는 어떻게 판단할 수 있을까요?', 'How can the service itself tell that it is ready to take requests?'),
  ],
  scaffold: {
    ko: '# TODO: readinessProbe 설계\n# 고려사항:\n# - 어떤 엔드포인트가 "모델 로딩 완료"를 알려주나요?\n# - initialDelaySeconds/periodSeconds는 모델 로딩 시간에 맞춰 어떻게 정할까요?\n# readinessProbe:\n#   httpGet:\n#     path: # TODO\n#     port: # TODO\n',
    en: '# TODO: design a readinessProbe\n# Consider:\n# - which endpoint tells that the model has finished loading?\n# - how should initialDelaySeconds/periodSeconds follow the model load time?\n# readinessProbe:\n#   httpGet:\n#     path: # TODO\n#     port: # TODO\n',
  },
  // A Kustomize patch keeps what it does not set from the base.
  project: withdrawInKustomizePatches,
  check(context, document) {
    for (const container of podContainers(document)) {
      if (!container.probesApply || !intact(document, container.spec)) continue;
      if (!container.spec.entries.some((e) => e.key === 'readinessProbe')) {
        context.report({ range: container.nameRange, messageId: 'missing', data: { container: container.name } });
      }
    }
  },
});
