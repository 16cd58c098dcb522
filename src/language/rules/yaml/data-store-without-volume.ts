import { l, yamlRule } from '../../rule';
import { composeServices, DEV_COMPOSE_FILE, oneShotServices } from '../../yaml/compose';
import { imageName, repository } from '../../yaml/images';
import { podSpec } from '../../yaml/kubernetes';
import type { Range } from '../../types';
import { at, items, scalar, type YamlDocument, type YMap, type YNode } from '../../yaml/model';

/** Images that keep data on their own disk. Caches (Redis, Memcached) are meant to be rebuilt and are left out. */
const STORE_IMAGE =
  /^(postgres(ql)?|postgis|pgvector|timescaledb(-ha)?|mysql(-server)?|mariadb|percona(-server)?|mongo(db)?(-community-server)?|minio|elasticsearch|opensearch|cassandra|clickhouse(-server)?|influxdb|neo4j|qdrant|milvus|couchdb)$/;
/**
 * Where the official (or vendor) image keeps its data, by repository (`docker.io/` and `library/`
 * dropped). Only images whose data directory is fixed by the image are listed: Bitnami images,
 * MinIO (the path is in its command) and the rest are not judged on where they mount.
 */
const DATA_DIRECTORIES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^(postgres|postgis\/postgis|pgvector\/pgvector|ankane\/pgvector|timescale\/timescaledb)$/, ['/var/lib/postgresql']],
  [/^(mysql|mysql\/mysql-server|mariadb|percona|percona\/percona-server)$/, ['/var/lib/mysql']],
  [/^(mongo|mongodb\/mongodb-community-server)$/, ['/data/db']],
  [/^qdrant\/qdrant$/, ['/qdrant/storage']],
  [/^(elasticsearch|docker\.elastic\.co\/elasticsearch\/elasticsearch)$/, ['/usr/share/elasticsearch/data']],
  [/^opensearchproject\/opensearch$/, ['/usr/share/opensearch/data']],
  [/^milvusdb\/milvus$/, ['/var/lib/milvus']],
  [/^neo4j$/, ['/data']],
  [/^influxdb$/, ['/var/lib/influxdb2', '/var/lib/influxdb']],
  [/^(clickhouse\/clickhouse-server|yandex\/clickhouse-server)$/, ['/var/lib/clickhouse']],
  [/^couchdb$/, ['/opt/couchdb/data']],
  [/^cassandra$/, ['/var/lib/cassandra']],
];

/** The image's data directories, for the images listed above. */
function dataDirectories(image: string): readonly string[] | undefined {
  const name = repository(image.trim())
    .toLowerCase()
    .replace(/^(docker\.io\/)?(library\/)?/, '');
  return DATA_DIRECTORIES.find(([pattern]) => pattern.test(name))?.[1];
}

/** The container side of a compose volume (short `src:dst[:mode]`, a bare anonymous `dst`, or long syntax). */
function mountTarget(volume: YNode): string | undefined {
  if (volume.kind === 'map') return scalar(at(volume, 'target'));
  const text = scalar(volume)?.trim();
  if (!text) return undefined;
  const parts = text.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

/** A mount at the directory, inside it or at a parent of it keeps the data. */
function covers(target: string, directory: string): boolean {
  const t = target.replace(/\/+$/, '');
  if (t === '') return false;
  return t === directory || t.startsWith(`${directory}/`) || directory.startsWith(`${t}/`);
}

/** Compose files for tests and CI start a throw-away database on purpose. */
const TEST_COMPOSE_FILE = /(test|ci|e2e)[^\\/]*\.ya?ml$/i;

export default yamlRule({
  id: 'data-store-without-volume',
  language: 'yaml',
  documentKinds: ['compose', 'kubernetes'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:compose-store-without-volume'],
  messages: {
    noVolume: l(
      '"{service}" 서비스({image})에 볼륨이 없습니다 — 데이터가 컨테이너 안에만 있어, 컨테이너를 지우고 다시 만들면(docker compose down, 이미지 갱신) 실험 기록·모델·데이터가 모두 사라집니다',
      'Service "{service}" ({image}) has no volume — its data lives only in the container, so removing and recreating it (docker compose down, a new image) loses every run, model and record it held',
    ),
    noVolumeK8s: l(
      '{kind} "{name}"의 컨테이너 "{container}"({image})에 volumeMounts가 없습니다 — 데이터가 파드 안에만 있어, 재시작·재배치·이미지 갱신 한 번이면 저장된 실행 기록·모델·데이터가 모두 사라집니다',
      '{kind} "{name}": container "{container}" ({image}) mounts no volume — its data lives only in the pod, so one restart, reschedule or image update loses every run, model and record it held',
    ),
    dataNotMounted: l(
      '"{service}" 서비스({image})는 {targets}만 마운트하고, 이미지가 데이터를 쓰는 {directory}는 마운트하지 않습니다 — 데이터는 여전히 컨테이너 안에만 있어 다시 만들면 사라집니다',
      'Service "{service}" ({image}) mounts {targets} but not {directory}, where the image keeps its data — the data still lives only in the container and is lost when it is recreated',
    ),
  },
  docs: {
    summary: l(
      'compose 파일에서 데이터베이스나 오브젝트 스토리지(PostgreSQL, MySQL, MongoDB, MinIO...) 서비스에 volumes가 하나도 없는 경우와, 볼륨이 모두 이미지가 데이터를 쓰는 디렉터리 밖에 있는 경우(init 스크립트만 마운트, Qdrant를 /qdrant/storage가 아닌 /qdrant_data에 연결)를 찾습니다. 환경 변수나 명령이 데이터 위치를 그 경로로 옮기면 제외합니다. Kubernetes 워크로드(Deployment, StatefulSet, Pod)에서 저장소 컨테이너가 볼륨을 하나도 마운트하지 않는 경우도 찾습니다 (volumeClaimTemplates가 있는 StatefulSet은 제외). 테스트·CI용 compose 파일과 캐시(Redis), 저장소 이미지로 한 번 실행되고 끝나는 설정 컨테이너(버킷을 만드는 init 컨테이너, 다시 시작하지 않는 서비스, 다른 서비스가 끝나기를 기다리는 대상)는 제외합니다.',
      'Flags compose services running a database or object store (PostgreSQL, MySQL, MongoDB, MinIO...) with no volumes at all, and stores whose volumes all sit beside the directory the image keeps its data in (only the init scripts mounted, Qdrant bound to /qdrant_data instead of /qdrant/storage), unless the environment or command moves the data there; also Kubernetes workloads (Deployment, StatefulSet, Pod) whose store container mounts no volume (a StatefulSet with volumeClaimTemplates has one). Test and CI compose files, caches (Redis) and set-up containers that run once on the image of a store and exit (an init container creating the bucket, a service never restarted, one that others wait on to finish) are left out.',
    ),
    why: l(
      '볼륨이 없으면 데이터는 컨테이너의 쓰기 계층에만 저장됩니다. docker compose down, 이미지 업데이트, 다른 호스트로의 이동 한 번이면 MLflow의 실행 기록과 모델 레지스트리, MinIO의 아티팩트가 모두 사라지고, 레지스트리를 가리키던 서비스는 모델을 찾지 못합니다.',
      "Without a volume the data sits in the container's writable layer. One docker compose down, image update or move to another host and MLflow's runs and model registry, or MinIO's artifacts, are gone, and every service that loads a model from that registry can no longer find it.",
    ),
    bad: 'services:\n  mlflow-db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_DB: mlflow\n',
    good: 'services:\n  mlflow-db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_DB: mlflow\n    # TODO: 데이터 디렉터리는 어디에 보관할까요? 백업은?\n    volumes:\n      - mlflow-db:/var/lib/postgresql/data\n\nvolumes:\n  mlflow-db:\n',
  },
  weeks: ['beginner/3', 'intermediate/2'],
  questions: [
    l('docker compose down을 한 번 실행하면 {service}에 저장된 데이터는 어떻게 될까요?', 'What happens to the data in {service} after one docker compose down?'),
    l(
      '이 데이터가 사라졌을 때 다시 만들 수 있나요? 그렇지 않다면 어디에 보관하고 어떻게 백업할까요?',
      'If this data were lost, could it be rebuilt? If not, where should it live and how is it backed up?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 데이터를 컨테이너 밖에 보관하기\n# 고려사항:\n# - 이미지가 데이터를 쓰는 경로는? (postgres: /var/lib/postgresql/data, minio: 실행 명령의 경로)\n# - 이름 있는 볼륨(volumes:)과 호스트 경로 중 무엇이 맞나요?\n# - 백업과 복구는 어떻게 하나요?\n# volumes:\n#   - # TODO\n',
    en: '# TODO: keep the data outside the container\n# Consider:\n# - where does the image write its data? (postgres: /var/lib/postgresql/data, minio: the path in its command)\n# - a named volume (top-level volumes:) or a host path?\n# - how is it backed up and restored?\n# volumes:\n#   - # TODO\n',
  },
  check(context, document) {
    if (document.kind === 'kubernetes') {
      for (const store of volumelessStores(document)) context.report({ range: store.range, messageId: 'noVolumeK8s', data: store.data });
      return;
    }
    if (DEV_COMPOSE_FILE.test(context.path) || TEST_COMPOSE_FILE.test(context.path)) return;
    // A container that runs once and exits (a bucket or schema set-up on the store's image) keeps no data.
    const oneShot = oneShotServices(document);
    for (const service of composeServices(document)) {
      const image = scalar(at(service.spec, 'image'));
      if (!image || !STORE_IMAGE.test(imageName(image)) || oneShot.has(service.name)) continue;
      // tmpfs is a deliberate throw-away store; `extends` may bring its volumes from elsewhere.
      if (['tmpfs', 'extends', 'volumes_from'].some((key) => at(service.spec, key) !== undefined)) continue;
      const volumes = at(service.spec, 'volumes');
      if (volumes === undefined) {
        context.report({ range: at(service.spec, 'image')!.range, messageId: 'noVolume', data: { service: service.name, image } });
        continue;
      }
      const beside = mountsBesideData(service.spec, image, volumes);
      if (beside)
        context.report({
          range: beside.at,
          messageId: 'dataNotMounted',
          data: { service: service.name, image, targets: beside.targets, directory: beside.directory },
          related: [{ range: beside.image, message: l('데이터를 쓰는 이미지', 'the image that writes the data') }],
        });
    }
  },
});

/**
 * The store containers of a Kubernetes workload that mount no volume (a Deployment, StatefulSet or
 * Pod running PostgreSQL, MySQL, MinIO ...): their data is gone with the pod. A StatefulSet's
 * volumeClaimTemplates may be mounted under any name and counts as a volume.
 */
export function volumelessStores(document: YamlDocument): { range: Range; data: Record<string, string> }[] {
  const kind = scalar(at(document.root, 'kind')) ?? '';
  if (!/^(Deployment|StatefulSet|Pod|ReplicaSet)$/.test(kind)) return [];
  if (kind === 'StatefulSet' && items(at(document.root, 'spec.volumeClaimTemplates')).length > 0) return [];
  const pod = podSpec(document);
  // A pod that declares volumes may mount them in ways this check does not follow: left alone.
  if (items(at(pod, 'volumes')).length > 0) return [];
  const name = scalar(at(document.root, 'metadata.name')) ?? '?';
  const found: { range: Range; data: Record<string, string> }[] = [];
  for (const container of items(at(pod, 'containers'))) {
    const image = scalar(at(container, 'image'));
    const imageNode = at(container, 'image');
    if (!image || !imageNode || /\{\{/.test(image) || !STORE_IMAGE.test(imageName(image))) continue;
    if (items(at(container, 'volumeMounts')).length > 0) continue;
    found.push({ range: imageNode.range, data: { kind, name, container: scalar(at(container, 'name')) ?? '?', image } });
  }
  return found;
}

/** Every scalar written under a node (keys too), for a text search. */
function textsOf(node: YNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'scalar') return [node.value];
  if (node.kind === 'seq') return node.items.flatMap(textsOf);
  return node.entries.flatMap((entry) => [entry.key, ...textsOf(entry.value)]);
}

/**
 * A store whose volumes are all somewhere else than its data directory (only the init scripts or a
 * config file mounted, a host folder bound to a path the image never writes): the data stays in
 * the container. Left alone when the data directory is moved (`PGDATA`, a storage path in the
 * environment or the command naming one of the mounted paths) or a mount cannot be read.
 */
function mountsBesideData(spec: YMap, image: string, volumes: YNode): { at: Range; image: Range; targets: string; directory: string } | undefined {
  const directories = dataDirectories(image);
  if (!directories) return undefined;
  const mounts = items(volumes);
  if (mounts.length === 0) return undefined;
  const targets: string[] = [];
  for (const mount of mounts) {
    const target = mountTarget(mount)?.replace(/\/+$/, '');
    if (!target || !target.startsWith('/') || target.includes('$')) return undefined;
    targets.push(target);
  }
  if (targets.some((t) => directories.some((d) => covers(t, d)))) return undefined;
  const written = ['environment', 'command', 'entrypoint'].flatMap((key) => textsOf(at(spec, key)));
  if (written.some((text) => targets.some((t) => text.includes(t)))) return undefined;
  return { at: mounts[0].range, image: at(spec, 'image')!.range, targets: targets.join(', '), directory: directories[0] };
}
