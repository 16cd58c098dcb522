import { l, yamlRule } from '../../rule';
import { podContainers } from '../../yaml/kubernetes';
import { entry, sameValue } from '../../yaml/model';

export default yamlRule({
  id: 'identical-liveness-readiness-probes',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'reliability',
  severity: 'info',
  anchors: ['kube-score:pod-probes-identical'],
  messages: {
    identical: l('컨테이너 "{container}"의 livenessProbe와 readinessProbe가 똑같습니다', 'Container "{container}" has identical livenessProbe and readinessProbe'),
  },
  docs: {
    summary: l('livenessProbe와 readinessProbe가 구조적으로 같은 컨테이너를 찾습니다.', 'Flags containers whose livenessProbe and readinessProbe are structurally the same.'),
    why: l(
      '두 프로브가 같으면 일시적인 과부하로 준비 상태 검사가 실패하는 순간 재시작까지 일어납니다. 부하가 몰릴 때 Pod가 연쇄적으로 재시작되어 장애가 커집니다.',
      'When both probes are the same, a brief overload that fails the readiness check also triggers restarts, so pods restart in a cascade exactly when load peaks.',
    ),
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: model\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/model-api:1.4.2\n      readinessProbe:\n        httpGet: { path: /health, port: 8080 }\n      livenessProbe:\n        httpGet: { path: /health, port: 8080 }\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: model\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/model-api:1.4.2\n      readinessProbe:\n        httpGet: { path: /ready, port: 8080 }\n      # TODO: 프로세스 생존만 확인하는 더 가벼운 검사는 무엇일까요?\n      livenessProbe:\n        httpGet: { path: /live, port: 8080 }\n        failureThreshold: 5\n',
  },
  weeks: ['intermediate/7', 'advanced/7'],
  questions: [
    l(
      '트래픽이 몰려 readiness 검사가 잠깐 실패하면, 같은 검사를 쓰는 liveness는 Pod를 어떻게 할까요?',
      'When a traffic spike briefly fails the readiness check, what does a liveness check with the same definition do to the pod?',
    ),
    l(
      '"트래픽을 잠시 빼야 하는 상태"와 "재시작해야만 복구되는 상태"를 서비스는 각각 어떻게 구분할 수 있을까요?',
      'How can the service tell "take me out of rotation for a while" apart from "only a restart will fix me"?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 두 프로브의 역할 나누기\n# 고려사항:\n# - readiness: 모델 로딩, 의존성, 과부하 중 무엇을 반영할까요?\n# - liveness: 재시작으로만 고칠 수 있는 상태는 무엇인가요?\n# - failureThreshold/periodSeconds는 각각 얼마나 관대해야 할까요?\n# readinessProbe:\n#   httpGet: { path: # TODO, port: # TODO }\n# livenessProbe:\n#   httpGet: { path: # TODO, port: # TODO }\n',
    en: '# TODO: give the two probes different jobs\n# Consider:\n# - readiness: should it reflect model loading, dependencies, overload?\n# - liveness: which states can only a restart fix?\n# - how forgiving should failureThreshold/periodSeconds be for each?\n# readinessProbe:\n#   httpGet: { path: # TODO, port: # TODO }\n# livenessProbe:\n#   httpGet: { path: # TODO, port: # TODO }\n',
  },
  check(context, document) {
    for (const container of podContainers(document)) {
      const liveness = entry(container.spec, 'livenessProbe');
      const readiness = entry(container.spec, 'readinessProbe');
      if (!liveness?.value || !readiness?.value || !sameValue(liveness.value, readiness.value)) continue;
      // Reviewers point at either probe: the finding sits on the liveness probe and names the readiness probe.
      // (The same check with other timings is not reported: dev reviewers flag it about one time in three.)
      const related = [{ range: readiness.keyRange, message: l('같은 검사를 하는 readinessProbe', 'The readinessProbe making the same check') }];
      context.report({ range: liveness.keyRange, messageId: 'identical', data: { container: container.name }, related });
    }
  },
});
