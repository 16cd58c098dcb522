import { l, yamlRule } from '../../rule';
import { entry, scalar } from '../../yaml/model';

/** Removed API groups per kind: the version that replaced them, as the Kubernetes deprecation guide lists. */
const REMOVED: readonly (readonly [RegExp, RegExp, string])[] = [
  [/^extensions\/v1beta1$|^apps\/v1beta[12]$/, /^(Deployment|DaemonSet|ReplicaSet|StatefulSet)$/, 'apps/v1'],
  [/^extensions\/v1beta1$|^networking\.k8s\.io\/v1beta1$/, /^(Ingress|IngressClass|NetworkPolicy)$/, 'networking.k8s.io/v1'],
  [/^batch\/v1beta1$|^batch\/v2alpha1$/, /^CronJob$/, 'batch/v1'],
  [/^autoscaling\/v2beta[12]$/, /^HorizontalPodAutoscaler$/, 'autoscaling/v2'],
  [/^policy\/v1beta1$/, /^PodDisruptionBudget$/, 'policy/v1'],
];

export default yamlRule({
  id: 'deprecated-kubernetes-api',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['kube-linter:no-extensions-v1beta', 'kube-score:stable-version'],
  messages: {
    removed: l(
      '{kind}의 apiVersion "{apiVersion}"은 현재 Kubernetes에서 제거되었습니다; {replacement}를 쓰세요',
      'apiVersion "{apiVersion}" of {kind} has been removed from current Kubernetes; {replacement} replaces it',
    ),
    legacyController: l(
      'ReplicationController "{name}"는 옛 방식입니다; Deployment가 롤링 업데이트와 롤백을 제공합니다',
      'ReplicationController "{name}" is the legacy controller; a Deployment gives rolling updates and rollbacks',
    ),
  },
  severityReasons: {
    removed: { severity: 'error', message: l('현재 클러스터는 이 apiVersion을 받지 않아 apply가 실패합니다', 'current clusters reject this apiVersion, so the apply fails') },
  },
  docs: {
    summary: l(
      '제거된 apiVersion(extensions/v1beta1, apps/v1beta1·2, batch/v1beta1, autoscaling/v2beta1·2, policy/v1beta1 …)과 Deployment 이전의 ReplicationController를 찾습니다.',
      'Flags removed apiVersions (extensions/v1beta1, apps/v1beta1/2, batch/v1beta1, autoscaling/v2beta1/2, policy/v1beta1, ...) and the pre-Deployment ReplicationController.',
    ),
    why: l(
      '제거된 API로 쓴 매니페스트는 새 클러스터에 적용조차 되지 않고, ReplicationController는 롤링 업데이트와 롤백 이력이 없어 배포 중 장애나 되돌리기가 수작업이 됩니다.',
      'Manifests on removed APIs do not even apply to a current cluster, and a ReplicationController has no rolling update or rollout history, so a bad release or a rollback is manual work.',
    ),
    bad: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: model-api\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels: { app: model-api }\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n',
    good: 'apiVersion: apps/v1\n# TODO: 롤링 업데이트 전략(maxUnavailable, maxSurge)을 정하세요\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: model-api }\n  template:\n    metadata:\n      labels: { app: model-api }\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n',
  },
  weeks: ['intermediate/7', 'intermediate/8'],
  questions: [
    l(
      '새 버전을 배포하다가 문제가 생기면, 이전 버전으로 되돌리는 데 무엇이 필요할까요? 지금 {kind}는 그것을 기억하나요?',
      'If a new version misbehaves during a release, what do you need to go back, and does this {kind} remember it?',
    ),
    l('클러스터를 업그레이드한 다음 날 이 매니페스트를 apply하면 어떤 일이 일어날까요?', 'What happens when you apply this manifest the day after the cluster is upgraded?'),
  ],
  scaffold: {
    ko: '# TODO: 현재 API로 옮기기\n# 고려사항:\n# - 새 apiVersion에서 필수가 된 필드(selector 등)는 무엇인가요?\n# - 롤링 업데이트 중 동시에 내려가도 되는 Pod는 몇 개인가요?\n# - 되돌릴 때 어떤 명령(kubectl rollout undo)을 쓰나요?\n# apiVersion: # TODO\n# kind: # TODO\n',
    en: '# TODO: move to the current API\n# Consider:\n# - which fields became required in the new apiVersion (selector, ...)?\n# - how many pods may be down at once during a rolling update?\n# - which command rolls back (kubectl rollout undo)?\n# apiVersion: # TODO\n# kind: # TODO\n',
  },
  check(context, document) {
    const kindEntry = entry(document.root, 'kind');
    const kind = scalar(kindEntry?.value);
    const apiEntry = entry(document.root, 'apiVersion');
    const apiVersion = scalar(apiEntry?.value);
    if (!kind || !kindEntry?.value) return;
    if (kind === 'ReplicationController') {
      context.report({
        range: kindEntry.value.range,
        messageId: 'legacyController',
        data: { kind, name: scalar(entry(entry(document.root, 'metadata')?.value, 'name')?.value) ?? kind },
      });
      return;
    }
    const removed = apiVersion ? REMOVED.find(([api, kinds]) => api.test(apiVersion) && kinds.test(kind)) : undefined;
    if (removed && apiEntry?.value)
      context.report({ range: apiEntry.value.range, messageId: 'removed', data: { kind, apiVersion: apiVersion as string, replacement: removed[2] }, severityReason: 'removed' });
  },
});
