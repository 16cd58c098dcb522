import { withdrawInKustomizePatches } from '../../project/kustomize';
import { l, yamlRule } from '../../rule';
import { podContainers } from '../../yaml/kubernetes';
import { intact } from '../../yaml/model';

export default yamlRule({
  id: 'missing-liveness-probe',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'health',
  severity: 'warning',
  anchors: ['kube-linter:no-liveness-probe', 'CKV_K8S_8', 'polaris:livenessProbeMissing', 'kube-score:pod-probes'],
  messages: {
    missing: l('컨테이너 "{container}"에 livenessProbe가 없습니다', 'Container "{container}" has no livenessProbe'),
  },
  docs: {
    summary: l(
      '서비스 워크로드 컨테이너에 livenessProbe가 없는 경우를 찾습니다 (Job, CronJob, init 컨테이너는 제외).',
      'Flags serving workload containers without a livenessProbe (Jobs, CronJobs and init containers are skipped).',
    ),
    why: l(
      '추론 서버가 데드락이나 GPU 드라이버 오류로 멈춰도 프로세스는 살아 있으므로, livenessProbe가 없으면 Kubernetes는 그 Pod를 재시작하지 않고 계속 트래픽을 보냅니다.',
      'An inference server stuck in a deadlock or a GPU driver fault keeps its process alive; without a livenessProbe Kubernetes never restarts it and keeps routing traffic to it.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n          # TODO: "프로세스가 멈췄다"는 것을 어떤 신호로 알 수 있을까요?\n          livenessProbe:\n            httpGet:\n              path: /live\n              port: 8080\n',
  },
  weeks: ['intermediate/7'],
  questions: [
    l(
      '{container} 컨테이너가 멈췄지만 프로세스는 살아 있다면, 누가 그 사실을 알아차리고 재시작할까요?',
      'If the {container} container hangs but its process stays alive, who notices and restarts it?',
    ),
    l(
      'livenessProbe가 너무 민감하면 아직 시작 중인(모델을 로딩 중인) Pod는 어떻게 될까요? 재시작이 반복되는 상황을 어떻게 피할 수 있을까요?',
      'If the livenessProbe is too eager, what happens to a pod that is still starting up (loading its model), and how would you avoid a restart loop?',
    ),
  ],
  scaffold: {
    ko: '# TODO: livenessProbe 설계\n# 고려사항:\n# - "살아 있음"과 "요청을 받을 준비됨"은 어떻게 다른가요?\n# - 모델 로딩 시간 동안 재시작되지 않으려면 startupProbe나 initialDelaySeconds를 어떻게 정할까요?\n# - 외부 의존성(DB, 피처 스토어)이 죽었을 때도 재시작해야 할까요?\n# livenessProbe:\n#   httpGet:\n#     path: # TODO\n#     port: # TODO\n#   failureThreshold: # TODO\n',
    en: '# TODO: design a livenessProbe\n# Consider:\n# - how does "alive" differ from "ready to take requests"?\n# - how do startupProbe or initialDelaySeconds keep a loading pod from being restarted?\n# - should a dead dependency (database, feature store) restart this pod at all?\n# livenessProbe:\n#   httpGet:\n#     path: # TODO\n#     port: # TODO\n#   failureThreshold: # TODO\n',
  },
  // A Kustomize patch keeps what it does not set from the base.
  project: withdrawInKustomizePatches,
  check(context, document) {
    for (const container of podContainers(document)) {
      if (!container.probesApply || !intact(document, container.spec)) continue;
      if (!container.spec.entries.some((e) => e.key === 'livenessProbe')) {
        context.report({ range: container.nameRange, messageId: 'missing', data: { container: container.name } });
      }
    }
  },
});
