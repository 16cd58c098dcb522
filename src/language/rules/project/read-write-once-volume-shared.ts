import { l, projectRule } from '../../rule';
import { idleCommand } from '../../yaml/kubernetes';
import type { VolumeClaimFact, WorkloadFact } from '../../project/facts';
import { autoscalersOf, fewestReplicas, kubernetesObjects, type Placed } from '../../project/scaling';

/** Access modes that let only one node (or one pod) attach the volume. */
const SINGLE_NODE = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

function singleNode(claim: VolumeClaimFact): boolean {
  return claim.accessModes.length > 0 && claim.accessModes.every((mode) => SINGLE_NODE.has(mode));
}

export default projectRule({
  scope: 'project',
  id: 'read-write-once-volume-shared',
  language: 'yaml',
  category: 'reliability',
  severity: 'warning',
  messages: {
    replicas: l(
      '{kind} "{workload}"의 여러 Pod가 ReadWriteOnce 볼륨 "{claim}"을 함께 마운트합니다: 다른 노드에 뜬 Pod는 볼륨을 붙이지 못해 시작되지 않습니다',
      'Several pods of {kind} "{workload}" mount the ReadWriteOnce volume "{claim}": a pod scheduled on another node cannot attach it and never starts',
    ),
    rolling: l(
      'Deployment "{workload}"는 RollingUpdate로 새 Pod를 먼저 띄우는데, 기존 Pod가 ReadWriteOnce 볼륨 "{claim}"을 잡고 있어 다른 노드의 새 Pod는 시작되지 못합니다 (Recreate 또는 StatefulSet)',
      'Deployment "{workload}" rolls out by starting the new pod first while the old one holds the ReadWriteOnce volume "{claim}"; on another node the new pod cannot start (use Recreate or a StatefulSet)',
    ),
    shared: l(
      'ReadWriteOnce 볼륨 "{claim}"을 워크로드 {count}개({workloads})가 마운트합니다: 서로 다른 노드에 배치되면 하나는 시작되지 못합니다',
      'The ReadWriteOnce volume "{claim}" is mounted by {count} workloads ({workloads}): if they land on different nodes, one of them cannot start',
    ),
  },
  docs: {
    summary: l(
      '프로젝트에 정의된 ReadWriteOnce PVC를 여러 복제본(또는 HPA)의 워크로드가 마운트하거나, 여러 워크로드가 함께 마운트하거나, 기본 RollingUpdate 전략의 Deployment가 마운트하는 경우를 찾습니다. 잠만 자는 도우미 Pod(kubectl cp용 sleep 3600)는 제외합니다.',
      'Flags ReadWriteOnce PersistentVolumeClaims of the project mounted by a workload with several replicas (or an autoscaler), by several workloads, or by a Deployment with the default RollingUpdate strategy. A helper Pod that only sleeps (a sleep 3600 started for kubectl cp) is skipped.',
    ),
    why: l(
      'ReadWriteOnce 볼륨은 한 번에 한 노드에만 붙습니다. 다른 노드의 Pod는 Multi-Attach 오류로 ContainerCreating에 멈추고, 롤링 업데이트는 새 Pod가 준비되지 않아 끝나지 않습니다. 단일 노드 minikube에서는 드러나지 않다가 실제 클러스터에서 배포가 멈춥니다.',
      'A ReadWriteOnce volume attaches to one node at a time. Pods on another node hang in ContainerCreating with a Multi-Attach error, and a rolling update never completes because the new pod never becomes ready. It works on single-node minikube and stalls on a real cluster.',
    ),
    bad: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: models\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 5Gi}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.0.0\n          volumeMounts: [{name: models, mountPath: /models}]\n      volumes:\n        - name: models\n          persistentVolumeClaim:\n            claimName: models\n',
    good: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: models\nspec:\n  # TODO: 여러 노드의 Pod가 읽어야 한다면 RWX를 지원하는 스토리지(NFS, EFS, Filestore)가 있나요?\n  accessModes: [ReadOnlyMany]\n  resources: {requests: {storage: 5Gi}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.0.0\n          volumeMounts: [{name: models, mountPath: /models, readOnly: true}]\n      volumes:\n        - name: models\n          persistentVolumeClaim:\n            claimName: models\n',
  },
  weeks: ['advanced/1', 'intermediate/3'],
  questions: [
    l(
      '볼륨 "{claim}"이 붙어 있는 노드가 아닌 다른 노드에 Pod가 배치되면 무슨 일이 생길까요?',
      'What happens when a pod that mounts "{claim}" is scheduled on a node other than the one the volume is attached to?',
    ),
    l(
      '이 볼륨에 쓰는 쪽은 누구이고 읽기만 하는 쪽은 누구인가요? 모델 파일이라면 이미지나 객체 저장소에서 읽을 수는 없을까요?',
      'Which pods write to "{claim}" and which only read it? If it holds model files, could they come from the image or object storage instead?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 볼륨과 배포 방식 맞추기\n# 고려사항:\n# - 데이터베이스처럼 한 Pod만 쓰면: StatefulSet(volumeClaimTemplates) 또는 strategy: Recreate\n# - 여러 Pod가 읽기만 하면: ReadOnlyMany, 또는 이미지/객체 저장소에서 모델 받기\n# - 여러 Pod가 써야 하면: ReadWriteMany를 지원하는 StorageClass가 있나요?\n# spec:\n#   strategy:\n#     type: # TODO\n',
    en: '# TODO: make the volume and the rollout agree\n# Consider:\n# - one writer such as a database: a StatefulSet (volumeClaimTemplates) or strategy: Recreate\n# - many readers: ReadOnlyMany, or load the model from the image or object storage\n# - many writers: is there a StorageClass that supports ReadWriteMany?\n# spec:\n#   strategy:\n#     type: # TODO\n',
  },
  project(context) {
    const objects = kubernetesObjects(context.view);
    const claims = new Map<string, Placed<VolumeClaimFact>>();
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const claim of facts.volumeClaims ?? []) if (singleNode(claim)) claims.set(claim.name, { path, fact: claim });
    }
    if (claims.size === 0) return;
    const mounts = new Map<string, Placed<WorkloadFact>[]>();
    for (const placed of objects.workloads) {
      const workload = placed.fact;
      // A Pod that only sleeps is a `kubectl cp` helper, deleted before the real workload runs.
      if (workload.kind === 'Pod' && workload.containers.length > 0 && workload.containers.every((c) => idleCommand([...(c.command ?? []), ...(c.args ?? [])]))) continue;
      for (const mount of workload.claims ?? []) {
        if (!claims.has(mount.name)) continue;
        const list = mounts.get(mount.name) ?? [];
        if (!list.includes(placed)) list.push(placed);
        mounts.set(mount.name, list);
        const data = { kind: workload.kind, workload: workload.name, claim: mount.name };
        const many = (fewestReplicas(workload, objects) ?? 1) > 1 || autoscalersOf(workload, objects).length > 0;
        if (many) context.report({ path: placed.path, range: mount.range, messageId: 'replicas', data });
        else if (workload.kind === 'Deployment' && (workload.strategy ?? 'RollingUpdate') === 'RollingUpdate')
          context.report({ path: placed.path, range: mount.range, messageId: 'rolling', data });
      }
    }
    for (const [name, users] of mounts) {
      if (users.length < 2) continue;
      const claim = claims.get(name)!;
      context.report({
        path: claim.path,
        range: claim.fact.modesRange ?? claim.fact.range,
        messageId: 'shared',
        data: { claim: name, count: users.length, workloads: users.map((u) => u.fact.name).join(', ') },
        related: users.map((u) => ({
          path: u.path,
          range: u.fact.claims!.find((c) => c.name === name)!.range,
          message: l(`${u.fact.kind} "${u.fact.name}"`, `${u.fact.kind} "${u.fact.name}"`),
        })),
      });
    }
  },
});
