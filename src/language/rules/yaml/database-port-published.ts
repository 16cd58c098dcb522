import { l, yamlRule } from '../../rule';
import { composeServices, DEV_COMPOSE_FILE, publishedOnAllInterfaces } from '../../yaml/compose';
import { imageName } from '../../yaml/images';
import { at, items, scalar, type YamlDocument, type YNode } from '../../yaml/model';

/** Data stores and message brokers by repository name (`mysql/mysql-server`, `bitnami/postgresql`, `confluentinc/cp-kafka`). */
const DATABASE_IMAGE =
  /^(postgres(ql)?|postgis|pgvector|timescaledb(-ha)?|mysql(-server)?|mariadb|percona(-server)?|mongo(db)?(-community-server)?|redis(-stack(-server)?)?|valkey|keydb|minio|elasticsearch|opensearch|cassandra|clickhouse(-server)?|influxdb|neo4j|qdrant|chroma|weaviate|milvus|couchdb|memcached)$/;
const BROKER_IMAGE = /^((cp-)?(kafka|zookeeper)|rabbitmq|redpanda|nats|mosquitto|eclipse-mosquitto)$/;

/** Well-known data store ports, for Kubernetes Services that carry no image. */
const DATABASE_PORT = new Set(['5432', '3306', '27017', '6379', '9042', '9200', '5984', '7687', '8086', '11211']);

/** A Kubernetes Service of type NodePort or LoadBalancer in front of a data store: its type's range and port. */
function exposedDataStore(document: YamlDocument): { type: YNode; service: string; port: string } | undefined {
  if (scalar(at(document.root, 'kind')) !== 'Service') return undefined;
  const type = at(document.root, 'spec.type');
  if (!type || !/^(NodePort|LoadBalancer)$/.test(scalar(type) ?? '')) return undefined;
  const service = scalar(at(document.root, 'metadata.name')) ?? '?';
  const named = [service, scalar(at(document.root, 'spec.selector.app')) ?? ''].some((name) => name.split(/[-_.]/).some((word) => DATABASE_IMAGE.test(word)));
  for (const port of items(at(document.root, 'spec.ports'))) {
    const numbers = ['port', 'targetPort'].map((key) => scalar(at(port, key)) ?? '');
    if (named || numbers.some((n) => DATABASE_PORT.has(n))) return { type, service, port: scalar(at(port, 'nodePort')) ?? numbers[0] };
  }
  return undefined;
}

export default yamlRule({
  id: 'database-port-published',
  language: 'yaml',
  documentKinds: ['compose', 'kubernetes'],
  category: 'security',
  severity: 'warning',
  anchors: ['compose-lint:CL-0005', 'dclint:no-unbound-port-interfaces'],
  messages: {
    brokerPublished: l(
      '메시지 브로커 "{service}"의 "{port}" 포트가 모든 네트워크 인터페이스에 공개됩니다',
      'Message broker "{service}" publishes port {port} on every network interface',
    ),
    exposedService: l(
      'Service "{service}"가 데이터 저장소를 {type}로 클러스터 밖에 공개합니다 (포트 {hostPort})',
      'Service "{service}" exposes a data store outside the cluster as a {type} (port {hostPort})',
    ),
    published: l('데이터 저장소 "{service}"의 "{port}" 포트가 모든 네트워크 인터페이스에 공개됩니다', 'Data store "{service}" publishes port {port} on every network interface'),
  },
  docs: {
    summary: l(
      'postgres, mysql, mongo, redis, minio 같은 데이터 저장소 이미지가 compose에서 127.0.0.1 없이 포트를 공개하거나, Kubernetes Service가 데이터 저장소(이름이나 잘 알려진 포트로 판단)를 NodePort/LoadBalancer로 공개하는 경우를 찾습니다 (*.dev.yml, override 파일은 제외). 메시지 브로커(Kafka, ZooKeeper, RabbitMQ, NATS)와 벡터 저장소(Chroma, Qdrant, Weaviate, Milvus)도 포함하고, 로컬 Dockerfile로 빌드한 저장소는 서비스 이름(postgres, db)이나 잘 알려진 컨테이너 포트로 알아봅니다.',
      'Flags data-store images (postgres, mysql, mongo, redis, minio ...) that publish compose ports without binding to 127.0.0.1, and Kubernetes Services that expose a data store (by name or well-known port) as a NodePort or LoadBalancer (*.dev.yml and override files are skipped). Message brokers (Kafka, ZooKeeper, RabbitMQ, NATS) and vector stores (Chroma, Qdrant, Weaviate, Milvus) too; a store built from a local Dockerfile is recognised by its service name (postgres, db) or a well-known container port.',
    ),
    why: l(
      '"5432:5432"는 0.0.0.0에 열리고, Docker는 호스트 방화벽(ufw) 규칙을 우회합니다. 기본 비밀번호의 DB나 인증 없는 Redis가 인터넷에 그대로 노출되어 학습 데이터와 모델이 유출됩니다.',
      '"5432:5432" binds 0.0.0.0 and Docker bypasses host firewall (ufw) rules, so a database with a default password or an unauthenticated Redis ends up on the internet with your training data and models.',
    ),
    bad: 'services:\n  db:\n    image: postgres:16.3\n    ports:\n      - "5432:5432"\n',
    good: 'services:\n  db:\n    image: postgres:16.3\n    # TODO: 호스트에서 직접 접속할 필요가 있나요? 없다면 ports를 빼도 됩니다\n    ports:\n      - "127.0.0.1:5432:5432"\n',
  },
  weeks: ['beginner/3', 'intermediate/1'],
  questions: [
    l(
      '{service}({serviceKind|데이터 저장소})에 접속해야 하는 것은 누구인가요? 같은 네트워크 안의 다른 서비스인가요, 바깥의 사람인가요?',
      'Who needs to reach {service} (the {serviceKind|data store}): other services on the same network, or someone outside?',
    ),
    l(
      '이 서버의 공인 IP로 {hostPort} 포트를 스캔하면 무엇이 보일까요? 방화벽이 막아 준다고 확신할 수 있나요?',
      "What would a scan of port {hostPort} on this server's public IP find, and are you sure the firewall blocks it?",
    ),
  ],
  scaffold: {
    ko: '# TODO: 데이터 저장소 노출 범위 정하기\n# 고려사항:\n# - 다른 서비스는 compose 네트워크(서비스 이름)로 접속할 수 있지 않나요?\n# - 호스트에서 디버깅용으로만 필요하다면 어느 인터페이스에 묶어야 할까요?\n# - 인증과 비밀번호는 어떻게 관리하나요?\n# ports:\n#   - # TODO\n',
    en: '# TODO: decide how far the data store is exposed\n# Consider:\n# - can other services reach it over the compose network by service name?\n# - if the host needs it only for debugging, which interface should it bind?\n# - how are authentication and passwords managed?\n# ports:\n#   - # TODO\n',
  },
  check(context, document) {
    if (DEV_COMPOSE_FILE.test(context.path)) return;
    if (document.kind === 'kubernetes') {
      const exposed = exposedDataStore(document);
      if (exposed)
        context.report({ range: exposed.type.range, messageId: 'exposedService', data: { service: exposed.service, type: scalar(exposed.type) ?? '', hostPort: exposed.port } });
      return;
    }
    for (const service of composeServices(document)) {
      const image = scalar(at(service.spec, 'image'));
      const name = image ? imageName(image) : '';
      const broker = BROKER_IMAGE.test(name);
      // A data store built from a local Dockerfile (`build: ./db_service` on `FROM postgres:15`) has no image to read:
      // its service name (`postgres`, `db`) or a well-known data-store container port says what it is. A wrapper
      // named after its store (`qdrant_service` on 8000) is an application, so only the whole name counts.
      const built = !image && at(service.spec, 'build') !== undefined;
      const builtStore = built && (DATABASE_IMAGE.test(service.name.toLowerCase()) || /^(db|database)$/i.test(service.name));
      if (!broker && !DATABASE_IMAGE.test(name) && !built) continue;
      for (const port of items(at(service.spec, 'ports'))) {
        if (!publishedOnAllInterfaces(port)) continue;
        const label = port.kind === 'scalar' ? port.value : (scalar(at(port, 'published')) ?? scalar(at(port, 'target')) ?? '?');
        const parts = label.split(':');
        if (built && !builtStore && !DATABASE_PORT.has((port.kind === 'scalar' ? parts[parts.length - 1] : (scalar(at(port, 'target')) ?? '')).replace(/\/\w+$/, ''))) continue;
        // A host port taken from the environment (`${DB_PORT}:5432`) is asked about by the container port.
        const hostPort = parts.slice(-2)[0].includes('$') ? parts[parts.length - 1] : parts.slice(-2)[0];
        context.report({
          range: port.range,
          messageId: broker ? 'brokerPublished' : 'published',
          data: { service: service.name, port: label, hostPort },
        });
        // One finding per service: MinIO's API and console ports are one lesson, said at the first.
        break;
      }
    }
  },
});
