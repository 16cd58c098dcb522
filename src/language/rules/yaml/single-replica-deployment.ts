import type { WorkloadFact } from '../../project/facts';
import type { Range } from '../../types';
import { dirname } from '../../project/modules';
import { l, yamlRule, type ProjectContext } from '../../rule';
import { withdrawInKustomizePatches } from '../../project/kustomize';
import { autoscalersOf, kubernetesObjects } from '../../project/scaling';
import { isMonitoringImage } from '../../yaml/compose';
import { objectsOfKind } from '../../yaml/kubernetes';
import { at, entry, has, intact, items, scalar, type YamlDocument, type YNode } from '../../yaml/model';

/** Single-node data stores by repository name (`postgres`, `bitnami/mysql`, `minio/minio`). */
const DATA_STORE = /^(postgres(ql)?|postgis|pgvector|mysql(-server)?|mariadb|mongo(db)?|redis|valkey|minio|elasticsearch|opensearch|influxdb|neo4j|qdrant|clickhouse(-server)?)$/;

/**
 * Every container runs an image loaded by hand into a kind/minikube node (`imagePullPolicy: Never`):
 * no other node could start a second pod, so the lesson there is the pull policy, not the replicas.
 */
function localImageOnly(document: YamlDocument): boolean {
  const containers = items(at(document.root, 'spec.template.spec.containers'));
  return containers.length > 0 && containers.every((c) => scalar(at(c, 'imagePullPolicy')) === 'Never');
}

/** The canary half of a stable/canary pair (`model-canary`, `track: canary`, `deployment-v2-canary.yaml`) runs one replica on purpose. */
function canary(document: YamlDocument, name: string, path: string, workloads: number): boolean {
  if (name.split(/[-_.]/).includes('canary')) return true;
  // The file name speaks for the workload only when the file holds no other.
  const file = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (workloads === 1 && file.split(/[-_.]/).includes('canary')) return true;
  const labels = at(document.root, 'spec.template.metadata.labels');
  return labels?.kind === 'map' && labels.entries.some((e) => scalar(e.value) === 'canary');
}

/** Where the single-node stores keep their data (`/var/lib/postgresql/data`, `/var/lib/mysql`, `/data/db`, `/bitnami/redis`). */
const STORE_DATA_PATH = /^\/(var\/lib\/(postgresql|mysql|mongodb|redis|neo4j|clickhouse|influxdb)|data\/db|bitnami\/\w+|usr\/share\/elasticsearch\/data)(\/|$)/;

function singleNodeStore(document: YamlDocument): boolean {
  const pod = at(document.root, 'spec.template.spec');
  const claims = items(at(pod, 'volumes')).some((volume) => at(volume, 'persistentVolumeClaim') !== undefined);
  // A Helm template that renders the image from values says what it runs by the container's name
  // (`minio`, or `redis-master`, `postgres-db`: one word of the name is the store).
  const stores = items(at(pod, 'containers')).map((c) => {
    const image = scalar(at(c, 'image')) ?? '';
    const named = (scalar(at(c, 'name')) ?? '').split(/[-_]/).some((word) => DATA_STORE.test(word));
    if (/\{\{|⟨/.test(image)) return named;
    const name = image.replace(/[:@].*$/, '');
    if (DATA_STORE.test(name.slice(name.lastIndexOf('/') + 1))) return true;
    // A team's own build of the store (`acme/mlops-project:postgre`): the container's name says what
    // it runs when it also keeps its data where that store does (`/var/lib/postgresql/data`).
    return named && items(at(c, 'volumeMounts')).some((m) => STORE_DATA_PATH.test(scalar(at(m, 'mountPath')) ?? ''));
  });
  return claims && stores.length > 0 && stores.every(Boolean);
}

/** Every container runs a single-node store image (`postgres:16`, `minio/minio`), and the pod has no volume at all. */
function volumelessStore(document: YamlDocument): boolean {
  const containers = items(at(document.root, 'spec.template.spec.containers'));
  return (
    containers.length > 0 &&
    items(at(document.root, 'spec.template.spec.volumes')).length === 0 &&
    containers.every((c) => {
      const image = (scalar(at(c, 'image')) ?? '').replace(/[:@].*$/, '');
      return DATA_STORE.test(image.slice(image.lastIndexOf('/') + 1)) && items(at(c, 'volumeMounts')).length === 0;
    })
  );
}

/** Names of environments that are not production: `staging`, `dev`, `qa`, `sandbox`. */
const NON_PRODUCTION = /^(staging|stage|stg|dev|develop|development|qa|sandbox)$/i;

/**
 * A manifest for a staging or development environment, said by its folder (`k8s/staging/`,
 * `overlays/dev/`) or its namespace (`ml-staging`): one pod there is a deliberate saving, and the
 * lesson belongs to the production manifest beside it.
 */
function nonProduction(document: YamlDocument, path: string): boolean {
  // Only the file's own folder: the path may be absolute, and a workspace kept under `~/dev/` says nothing.
  const folders = path.split(/[\\/]/);
  if (folders.length > 1 && NON_PRODUCTION.test(folders[folders.length - 2])) return true;
  const namespace = scalar(at(document.root, 'metadata.namespace')) ?? '';
  return namespace.split(/[-_]/).some((word) => NON_PRODUCTION.test(word));
}

/** The monitoring stack's own pods (Prometheus, Grafana ...): a demo's single replica is fine, and more of them is not how they are made available. */
function monitoringOnly(document: YamlDocument): boolean {
  const images = items(at(document.root, 'spec.template.spec.containers')).map((c) => scalar(at(c, 'image')) ?? '');
  return images.length > 0 && images.every((image) => isMonitoringImage(image));
}

/**
 * The team's own ML tools: the MLflow tracking server (not `mlflow models serve`), TensorBoard, a
 * notebook server, and the Airflow webserver/scheduler that runs the team's pipelines.
 */
const TOOL_COMMAND = /^(mlflow\s+(server|ui)|tensorboard|jupyter(-lab|\s+(lab|notebook))?|start-notebook\.sh|airflow\s+(webserver|scheduler|standalone|api-server))\b/;
const TOOL_IMAGE = /(^|\/)(mlflow|mlflow-server|tensorboard|jupyter\/[\w-]+|apache\/airflow)$/;

/**
 * The command that stays running: a shell wrapper (`sh -c "pip install boto3 && mlflow server ..."`)
 * runs its steps in turn, and the last one is the process the pod is.
 */
function runningCommand(command: string): string {
  const unwrapped = command.trim().replace(/^(\/bin\/)?(ba)?sh\s+-c\s+/, '');
  const steps = unwrapped
    .split(/&&|;|(?<!\\)\n/)
    .map((step) => step.trim())
    .filter((step) => step !== '');
  return (steps[steps.length - 1] ?? '').replace(/^exec\s+/, '');
}

/** The Airflow image's entrypoint is `airflow`: `args: ["webserver"]` starts the webserver. */
function airflowService(image: string, command: string): boolean {
  return /(^|\/)apache\/airflow$/.test(image) && /^(airflow\s+)?(webserver|scheduler|standalone|api-server)\b/.test(command);
}

/**
 * A tool the team and the training jobs use, not a service that answers users: one replica is how
 * it runs, and a tracking server on a SQLite or file store cannot run two.
 */
function internalTool(document: YamlDocument): boolean {
  // The image only decides when no command says otherwise (`mlflow models serve` in the mlflow image serves a model).
  return everyContainer(document, (command, image) =>
    command.trim() ? TOOL_COMMAND.test(runningCommand(command)) || airflowService(image, runningCommand(command)) : TOOL_IMAGE.test(image),
  );
}

/** Every container of the pod template (one at least) passes `test`, given its command with args and its image without tag or digest. */
function everyContainer(document: YamlDocument, test: (command: string, image: string, container: YNode) => boolean): boolean {
  const containers = items(at(document.root, 'spec.template.spec.containers'));
  return (
    containers.length > 0 &&
    containers.every((c) => {
      const command = [...items(at(c, 'command')), ...items(at(c, 'args'))].map((i) => scalar(i) ?? '').join(' ') || (scalar(at(c, 'command')) ?? '');
      return test(command, (scalar(at(c, 'image')) ?? '').replace(/[:@][^/]*$/, ''), c);
    })
  );
}

/**
 * A Streamlit app (its image, container name or `streamlit run` command; not port 8501, which is
 * also TensorFlow Serving's REST port):
 * each browser session lives in the server process over a websocket, so a second replica needs
 * session affinity before it helps, and one pod is how a demo front end of this kind runs.
 */
function streamlitOnly(document: YamlDocument): boolean {
  return everyContainer(document, (command, image, c) => /\bstreamlit\b/i.test(`${scalar(at(c, 'name')) ?? ''} ${image} ${command}`));
}

/** A queue worker's start command: Celery, RQ, Dramatiq, arq or Huey consumers. */
const QUEUE_WORKER = /\bcelery\b.*\bworker\b|\brq\s+worker\b|^dramatiq\b|\bdramatiq\s+\w|^arq\s|\bhuey_consumer\b/;

/**
 * A queue worker that listens on no port: it answers no request, so while its one pod restarts
 * the broker holds the jobs and nothing fails. More workers are throughput, not availability.
 */
function queueWorker(document: YamlDocument): boolean {
  const containers = items(at(document.root, 'spec.template.spec.containers'));
  if (containers.length === 0 || containers.some((c) => items(at(c, 'ports')).length > 0)) return false;
  return containers.some((c) => {
    const command =
      [...items(at(c, 'command')), ...items(at(c, 'args'))].map((i) => scalar(i) ?? '').join(' ') || `${scalar(at(c, 'command')) ?? ''} ${scalar(at(c, 'args')) ?? ''}`;
    if (QUEUE_WORKER.test(command.trim())) return true;
    // A consumer started by its own script (`python worker.py`) says what it reads in its environment:
    // the queue or topic it is handed (`SQS_QUEUE_NAME`, `KAFKA_TOPIC`, `RABBITMQ_QUEUE`).
    return items(at(c, 'env')).some((e) => QUEUE_VARIABLE.test(scalar(at(e, 'name')) ?? ''));
  });
}

/** An environment variable naming the queue, topic or subscription a worker consumes. */
const QUEUE_VARIABLE = /(^|_)(SQS|QUEUE|TOPIC|SUBSCRIPTION)(_|$)/i;

export default yamlRule({
  id: 'single-replica-deployment',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['kube-score:deployment-replicas', 'polaris:deploymentMissingReplicas', 'kube-linter:minimum-three-replicas'],
  messages: {
    single: l('{kind} "{name}"의 replicas가 {replicas}개뿐입니다', '{kind} "{name}" runs only {replicas} replica'),
    hpaMin: l(
      'HPA "{name}"의 minReplicas가 {replicas}여서 트래픽이 적을 때 Pod 하나로 줄어듭니다',
      'HPA "{name}" has minReplicas {replicas}, so it scales down to a single pod when traffic is low',
    ),
    unset: l('{kind} "{name}"에 replicas가 없어 Pod 하나로 실행됩니다', '{kind} "{name}" sets no replicas, so it runs a single pod'),
    chartDefault: l(
      '차트의 기본 replicaCount가 1이라 {kind} "{name}"는 설치할 때마다 값을 바꾸지 않는 한 Pod 하나로 실행됩니다',
      'The chart’s default replicaCount is 1, so {kind} "{name}" runs a single pod unless every install overrides it',
    ),
    volumeStore: l(
      '데이터 저장소 "{name}"가 ReadWriteOnce 볼륨 위의 Deployment(기본 RollingUpdate)로 돕니다; 새 Pod는 옛 Pod가 잡은 볼륨을 붙이지 못합니다 — 복제본을 늘릴 일이 아니라 StatefulSet이나 Recreate가 맞습니다',
      'Data store "{name}" runs as a Deployment (default RollingUpdate) on a ReadWriteOnce volume: the new pod cannot attach the volume the old one holds; a StatefulSet or Recreate fits, not more replicas',
    ),
  },
  docs: {
    summary: l(
      'replicas가 없거나 1인 Deployment/StatefulSet/Rollout(같은 파일의 HPA나 KEDA ScaledObject가 대상으로 삼으면 제외)과 minReplicas가 1이거나 없는 HPA를 찾습니다. 모니터링 스택, 볼륨을 쓰는 단일 노드 데이터 저장소(이미지로, Helm 템플릿이 이미지를 values에서 가져오면 컨테이너 이름으로, 팀이 직접 빌드한 이미지면 컨테이너 이름과 그 저장소의 데이터 경로(`/var/lib/postgresql/data`)로 판단), 팀이 쓰는 ML 도구(MLflow 추적 서버, TensorBoard, 노트북 서버, 파이프라인을 돌리는 Airflow; `sh -c "pip install ... && mlflow server"`처럼 셸로 감싼 명령은 마지막 단계로 판단)는 묻지 않습니다: 사용자 요청에 답하는 서비스가 아니고, 파일·SQLite 저장소의 추적 서버는 둘을 띄울 수 없습니다. 포트를 열지 않는 큐 워커(Celery, RQ, Dramatiq 워커)도 묻지 않습니다: 하나가 재시작하는 동안 브로커가 작업을 보관합니다. Streamlit 프런트엔드도 묻지 않습니다: 세션이 파드 안에 있어 두 번째 복제본에는 세션 어피니티가 먼저 필요합니다. 모든 컨테이너의 imagePullPolicy가 Never인 워크로드(kind/minikube 노드에 직접 올린 이미지라 다른 노드에서는 파드를 띄울 수 없음)와 canary 워크로드(이름, 파일 이름이나 값이 canary인 track 레이블로 판단)도 묻지 않습니다. 폴더(`k8s/staging/`, `overlays/dev/`)나 네임스페이스(`ml-staging`)가 스테이징·개발 환경이라고 말하는 매니페스트도 묻지 않습니다: 그곳의 파드 하나는 의도한 절약입니다. 프로젝트를 볼 때는 Helm 템플릿이 replicas를 {{ .Values.replicaCount }}로 두면 그 값을 차트의 values.yaml에서 읽어, 기본값이 1이면 그곳에 보고합니다 (차트의 다른 values 파일이 다른 개수를 정하거나, 켜진 오토스케일러에 replicas를 맡기면 제외). 볼륨이 없는 데이터베이스(PostgreSQL, MySQL...) 워크로드는 data-store-without-volume이 다룹니다.',
      "Flags Deployments, StatefulSets and Argo Rollouts with no replicas or a single one (skipped when an HPA or KEDA ScaledObject in the same file targets them), and HPAs whose minReplicas is 1 or unset. The monitoring stack, single-node data stores on a volume (named by the image, or by the container when a Helm template renders the image from values or when the team's own build of the store keeps its data where that store does, `/var/lib/postgresql/data`), and the team's own ML tools (the MLflow tracking server, TensorBoard, a notebook server, the Airflow that runs the pipelines; a shell wrapper such as `sh -c 'pip install ... && mlflow server'` is judged by its last step) are not asked: they do not answer users, and a tracking server on a file or SQLite store cannot run two. Nor are queue workers that listen on no port (a Celery, RQ or Dramatiq worker): while one restarts, the broker holds the jobs; nor Streamlit front ends (each session lives in the pod, so a second replica needs session affinity first). Workloads whose containers all use imagePullPolicy: Never (an image loaded into a kind/minikube node, which no other node could start) and canaries (by name, file name or a track: canary label) are not asked either, nor are manifests whose folder (`k8s/staging/`, `overlays/dev/`) or namespace (`ml-staging`) says they are a staging or development environment: one pod there is a deliberate saving. With the project known, a Helm template's replicas: {{ .Values.replicaCount }} is read from the chart's values.yaml: a default of 1 is reported there, unless another values file of the chart sets another count or the chart hands the replicas to an enabled autoscaler. Databases (PostgreSQL, MySQL...) with no volume at all are data-store-without-volume's lesson.",
    ),
    why: l(
      'Pod가 하나뿐이면 노드 점검, 롤링 업데이트, OOM 한 번에 서비스 전체가 멈춥니다. 모델 로딩이 느린 추론 서비스는 그 공백이 특히 깁니다.',
      'With a single pod, a node drain, a rolling update or one OOM takes the whole service down; inference services with slow model loading stay down especially long.',
    ),
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  # TODO: 가용성 목표와 피크 트래픽으로 개수를 정하세요\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/model-api:1.4.2\n',
  },
  weeks: ['intermediate/3', 'advanced/3'],
  questions: [
    l(
      '하나뿐인 복제본이 떠 있는 노드가 점검으로 비워지면, 그동안 들어오는 추론 요청은 어디로 갈까요?',
      'When the node running the only replica is drained for maintenance, where do inference requests go meanwhile?',
    ),
    l(
      '가용성 목표가 99.9%라면 복제본 하나로 그 목표를 지킬 수 있을까요? 몇 개가 필요하고, 그 근거는 무엇인가요?',
      'With an availability target of 99.9%, can one replica meet it? How many do you need, and why?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 복제본 수 정하기\n# 고려사항:\n# - 가용성 목표(99.9% vs 99.99%)는 무엇인가요?\n# - 롤링 업데이트 중(maxUnavailable) 최소 몇 개가 떠 있어야 하나요?\n# - 트래픽 변동이 크다면 HPA와 PodDisruptionBudget은 어떻게 함께 쓸까요?\n# spec:\n#   replicas: # TODO\n',
    en: '# TODO: choose the replica count\n# Consider:\n# - what is the availability target (99.9% vs 99.99%)?\n# - how many pods must stay up during a rolling update (maxUnavailable)?\n# - with bursty traffic, how would an HPA and a PodDisruptionBudget work together?\n# spec:\n#   replicas: # TODO\n',
  },
  project(context) {
    // A Kustomize patch keeps the replicas of the base when it does not set them.
    withdrawInKustomizePatches(context);
    // An HPA or ScaledObject in another file (Kustomize keeps hpa.yaml apart) sets the replicas.
    const objects = kubernetesObjects(context.view);
    for (const { path, fact } of objects.workloads) {
      if (autoscalersOf(fact, objects).length === 0) continue;
      for (const line of [fact.nameLine, fact.replicasRange?.start.line]) if (line !== undefined) context.withdraw(path, line);
    }
    chartDefaults(context, objects.workloads, (fact) => autoscalersOf(fact, objects).length > 0);
    // An autoscaler whose target is not in the project (autoscaler-target-mismatch says so) scales nothing down either.
    if (objects.workloads.some((w) => w.fact.name === '?')) return;
    for (const { path, fact } of objects.autoscalers) {
      const kind = fact.targetKind ?? 'Deployment';
      const workloads = objects.workloads.filter((w) => w.fact.kind === kind);
      if (fact.minLine === undefined || workloads.length === 0 || workloads.some((w) => w.fact.name === fact.targetName)) continue;
      context.withdraw(path, fact.minLine);
    }
  },
  check(context, document) {
    const kind = scalar(at(document.root, 'kind'));
    if (kind === 'HorizontalPodAutoscaler') {
      // minReplicas defaults to 1: the autoscaler itself then keeps a single pod at quiet times.
      const min = entry(at(document.root, 'spec'), 'minReplicas');
      const name = scalar(at(document.root, 'metadata.name')) ?? '?';
      if (min ? scalar(min.value) === '1' : intact(document, at(document.root, 'spec')) && has(at(document.root, 'spec'), 'scaleTargetRef'))
        context.report({ range: min?.value?.range ?? at(document.root, 'metadata.name')?.range ?? document.range, messageId: 'hpaMin', data: { name, replicas: '1' } });
      return;
    }
    if (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'Rollout') return;
    const name = scalar(at(document.root, 'metadata.name')) ?? '?';
    if (
      monitoringOnly(document) ||
      internalTool(document) ||
      streamlitOnly(document) ||
      queueWorker(document) ||
      localImageOnly(document) ||
      nonProduction(document, context.path) ||
      canary(document, name, context.path, objectsOfKind(context.model, ['Deployment', 'StatefulSet', 'Rollout']).length)
    )
      return;
    const scaled = objectsOfKind(context.model, ['HorizontalPodAutoscaler', 'ScaledObject']).some((d) => scalar(at(d.root, 'spec.scaleTargetRef.name')) === name);
    if (scaled) return;
    // A database with no volume at all: a second pod would be a second, empty database. The lesson
    // is where its data lives (data-store-without-volume), not how many copies run.
    if (volumelessStore(document)) return;
    const replicas = entry(at(document.root, 'spec'), 'replicas');
    // A single-node data store on its own volume is not made available by a second pod: both would
    // claim the same ReadWriteOnce volume. Its lesson is the workload kind and the rollout strategy.
    if ((!replicas || scalar(replicas.value) === '1') && singleNodeStore(document)) {
      const recreate = scalar(at(document.root, 'spec.strategy.type')) === 'Recreate';
      const where = replicas ? (replicas.value?.range ?? replicas.keyRange) : (at(document.root, 'metadata.name')?.range ?? document.range);
      if (kind === 'Deployment' && !recreate) context.report({ range: where, messageId: 'volumeStore', data: { kind, name } });
      return;
    }
    if (!replicas) {
      if (!intact(document, at(document.root, 'spec'))) return;
      const where = at(document.root, 'metadata.name')?.range ?? at(document.root, 'kind')?.range ?? document.range;
      context.report({ range: where, messageId: 'unset', data: { kind, name } });
      return;
    }
    const count = scalar(replicas.value);
    // `replicas: 0` is a deliberate scale-down; a templated value cannot be judged.
    if (count === '1') context.report({ range: replicas.value?.range ?? replicas.keyRange, messageId: 'single', data: { kind, name, replicas: count } });
  },
});

/** A chart's values files (`values.yaml`, `values-prod.yaml`), and the default one among them. */
const VALUES_FILE = /^values([._-][\w.-]*)?\.ya?ml$/i;
const DEFAULT_VALUES = /^values\.ya?ml$/i;

/**
 * A Helm template's `replicas: {{ .Values.replicaCount }}` says nothing until the chart's
 * `values.yaml` is read: a default of 1 (what `helm create` writes) is one pod for every install
 * that does not override it. Reported on the default, with the template's line as the related
 * place. Left alone: charts whose other values files set another count (a `values-prod.yaml`),
 * replicas the chart hands to an enabled autoscaler, workloads on a volume claim (a single-node
 * store), canaries.
 */
function chartDefaults(context: ProjectContext, workloads: readonly { path: string; fact: WorkloadFact }[], autoscaled: (fact: WorkloadFact) => boolean): void {
  const { files } = context.view;
  for (const { path, fact } of workloads) {
    if (fact.replicasFromValues !== 'replicaCount' || !fact.replicasRange || !/^(Deployment|StatefulSet|Rollout)$/.test(fact.kind)) continue;
    if ((fact.claims?.length ?? 0) > 0 || /canary/i.test(fact.nameText ?? fact.name)) continue;
    const index = path.startsWith('templates/') ? 0 : path.lastIndexOf('/templates/');
    if (index < 0) continue;
    const root = path.slice(0, index);
    let defaults: { path: string; count?: { value: string; range: Range }; autoscaling?: string } | undefined;
    let overridden = false;
    for (const [other, facts] of files) {
      const name = other.slice(other.lastIndexOf('/') + 1);
      if (facts.kind !== 'yaml' || dirname(other) !== root || !VALUES_FILE.test(name)) continue;
      if (DEFAULT_VALUES.test(name)) defaults = { path: other, ...facts.valuesReplicas };
      else if (facts.valuesReplicas?.count && facts.valuesReplicas.count.value !== '1') overridden = true;
    }
    if (!defaults?.count || defaults.count.value !== '1' || overridden) continue;
    if (defaults.autoscaling === 'true' || (autoscaled(fact) && defaults.autoscaling !== 'false')) continue;
    const template = path.slice(path.lastIndexOf('/') + 1);
    context.report({
      path: defaults.path,
      range: defaults.count.range,
      messageId: 'chartDefault',
      data: { kind: fact.kind, name: fact.name === '?' ? template : fact.name },
      related: [{ path, range: fact.replicasRange, message: l('이 값을 쓰는 replicas', 'the replicas that read this value') }],
    });
  }
}
