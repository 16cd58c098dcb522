import { l, yamlRule } from '../../rule';
import { customResourcePods, podSpec } from '../../yaml/kubernetes';
import { at, items, scalar } from '../../yaml/model';

/** The Docker socket has its own rule (docker-socket-mounted); the node's clock files are read-only plumbing. */
const LEFT_TO_OTHERS = /^((\/var)?\/run\/docker\.sock|\/etc\/localtime|\/etc\/timezone|\/usr\/share\/zoneinfo)$/;

export default yamlRule({
  id: 'host-path-volume',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['polaris:hostPathSet', 'KICS:volume_mount_with_os_directory_write_permissions', 'kube-linter:host-mounts'],
  messages: {
    hostPath: l(
      '{kind} "{name}"이(가) 노드의 경로({path})를 hostPath 볼륨으로 마운트합니다 — Pod는 자신이 뜬 노드의 파일만 보므로 다른 노드에서는 모델·데이터가 없거나 다르고, 노드 파일시스템에 쓸 수도 있습니다',
      '{kind} "{name}" mounts the node path {path} as a hostPath volume — each pod sees only the files of the node it lands on, so on another node the model or data is missing or different, and the pod can write to the node\'s filesystem',
    ),
    persistentVolume: l(
      'PersistentVolume "{name}"이(가) 노드의 경로({path})를 hostPath로 씁니다 — 이 볼륨을 요청한 Pod는 자신이 뜬 노드의 파일만 보므로, 다른 노드에 스케줄되거나 노드가 바뀌면 저장한 데이터가 없습니다',
      'The PersistentVolume "{name}" is a hostPath on the node path {path} — a pod that claims it sees only the files of the node it lands on, so when it is scheduled elsewhere or the node is replaced the stored data is not there',
    ),
  },
  docs: {
    summary: l(
      'Deployment, StatefulSet, Job 같은 워크로드와 Pod를 만드는 커스텀 리소스(SeldonDeployment의 componentSpecs, Argo Workflow와 그 템플릿, KServe InferenceService)가 hostPath 볼륨을 쓰는 경우와, 노드에 고정(nodeAffinity)하지 않은 hostPath PersistentVolume을 찾습니다 (노드 에이전트인 DaemonSet과 Docker 소켓은 제외).',
      'Flags workloads (Deployments, StatefulSets, Jobs...) and custom resources that make pods (SeldonDeployment componentSpecs, Argo Workflows and their templates, KServe InferenceServices) that use a hostPath volume, and hostPath PersistentVolumes not pinned to a node (nodeAffinity); DaemonSets (node agents) and the Docker socket are left to other checks.',
    ),
    why: l(
      'hostPath는 Pod가 스케줄된 노드의 디렉터리를 그대로 붙입니다. minikube처럼 노드가 하나일 때는 동작하지만, 노드가 여럿이면 모델 파일이 있는 노드에 뜬 Pod만 제대로 동작하고, 노드가 교체되면 데이터가 사라집니다. 또 Pod가 노드의 파일을 읽고 쓸 수 있어 격리가 깨집니다. 모델은 이미지에 넣거나, 오브젝트 스토리지에서 받거나, PersistentVolumeClaim으로 붙이세요.',
      "hostPath attaches a directory of whichever node the pod is scheduled on. It works on a single-node minikube; on a real cluster only pods that land on the node holding the file work, and the data is gone when the node is replaced. It also lets the pod read and write the node's filesystem, which breaks isolation. Put the model in the image, fetch it from object storage, or mount a PersistentVolumeClaim.",
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n          volumeMounts:\n            - name: model\n              mountPath: /app/model\n      volumes:\n        - name: model\n          hostPath:\n            path: /var/tmp/model\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n          volumeMounts:\n            - name: model\n              mountPath: /app/model\n              readOnly: true\n      volumes:\n        - name: model\n          # TODO: 어느 노드에서 뜨든 같은 모델을 보려면 어디에서 가져와야 할까요?\n          persistentVolumeClaim:\n            claimName: model-store\n',
  },
  weeks: ['intermediate/3', 'advanced/3'],
  questions: [
    l('이 Pod가 모델 파일이 없는 다른 노드에 스케줄되면 무슨 일이 생길까요?', 'What happens when this pod is scheduled on another node, one that does not have the model file?'),
    l('새 모델 버전을 배포할 때, 모든 노드의 그 경로를 누가 어떻게 바꾸나요?', 'When a new model version ships, who updates that path on every node, and how?'),
  ],
  scaffold: {
    ko: '# TODO: 노드에 묶이지 않는 볼륨으로 바꾸기\n# 고려사항:\n# - 모델을 이미지에 넣을까요, 시작할 때 저장소에서 받을까요 (init 컨테이너)?\n# - 여러 Pod가 같이 읽어야 한다면 PersistentVolumeClaim (접근 모드는?)\n# - 쓰지 않는다면 readOnly로\n# volumes:\n#   - name: model\n#     # TODO\n',
    en: '# TODO: use a volume that is not tied to one node\n# Consider:\n# - bake the model into the image, or fetch it from a store at start (an init container)?\n# - if several pods read it: a PersistentVolumeClaim (which access mode?)\n# - if nothing writes to it: readOnly\n# volumes:\n#   - name: model\n#     # TODO\n',
  },
  check(context, document) {
    const kind = scalar(at(document.root, 'kind')) ?? '';
    // A DaemonSet runs one pod per node on purpose; its hostPath is usually the point (logs, agents).
    if (kind === 'DaemonSet') return;
    const name = scalar(at(document.root, 'metadata.name')) ?? '?';
    // A PersistentVolume backed by a node directory: every claim bound to it sees the files of
    // whichever node its pod lands on. One pinned to its node (nodeAffinity, as a `local` volume is) is deliberate.
    if (kind === 'PersistentVolume') {
      const hostPath = at(document.root, 'spec.hostPath');
      if (!hostPath || at(document.root, 'spec.nodeAffinity')) return;
      const path = (scalar(at(hostPath, 'path')) ?? '').trim();
      context.report({ range: hostPath.range, messageId: 'persistentVolume', data: { name, path: path || '?' } });
      return;
    }
    for (const volume of [...items(at(podSpec(document), 'volumes')), ...customResourcePods(document).flatMap((pod) => pod.volumes)]) {
      const hostPath = at(volume, 'hostPath');
      if (!hostPath) continue;
      const path = (scalar(at(hostPath, 'path')) ?? '').trim();
      if (LEFT_TO_OTHERS.test(path)) continue;
      context.report({ range: hostPath.range, messageId: 'hostPath', data: { kind, name, path: path || '?' } });
    }
  },
});
