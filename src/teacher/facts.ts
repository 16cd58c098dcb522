import { parseAllDocuments } from 'yaml';
import type { Finding, Lang, LintResult, Localized, Range, YamlDocKind } from '../language/types';
import { isAzurePipelines } from '../language/yaml/azure-pipelines';
import type { YNode } from '../language/yaml/values';
import { fixParticleAfter } from '../shared/korean';

/**
 * What the teacher knows about the learner's file, read from its text and lint summary, so that
 * every question names what is really there: the compose service and what its image is (a
 * database, a CI server, a model server), the Kubernetes container, the framework. A template
 * that needs a fact the file does not have is not used.
 */

export type ServiceKind = 'database' | 'cache' | 'queue' | 'monitoring' | 'ci' | 'proxy' | 'model-server' | 'app';

export interface ServiceFact {
  readonly image?: string;
  readonly kind: ServiceKind;
}

export interface FileFacts {
  readonly path: string;
  readonly text: string;
  readonly language: 'python' | 'yaml';
  readonly kinds: readonly YamlDocKind[];
  readonly framework?: string;
  /** Compose services and Kubernetes containers by name. */
  readonly services: ReadonlyMap<string, ServiceFact>;
  /** An Azure Pipelines definition, by the shape the engine reads one by (the engine gives it no kind of its own). */
  readonly azurePipelines?: boolean;
}

const IMAGE_KINDS: readonly (readonly [RegExp, ServiceKind])[] = [
  [/postgres|mysql|mariadb|mongo|cassandra|cockroach|clickhouse|timescale|elasticsearch|opensearch|mssql|oracle|neo4j|influxdb|minio|qdrant|weaviate|milvus|chroma/i, 'database'],
  [/redis|memcached|valkey|keydb/i, 'cache'],
  [/kafka|zookeeper|rabbitmq|nats|pulsar|activemq|redpanda|celery/i, 'queue'],
  [/prometheus|grafana|alertmanager|loki|tempo|jaeger|zipkin|otel|opentelemetry|node-exporter|cadvisor|elk|kibana|logstash|fluent/i, 'monitoring'],
  [/jenkins|gitlab-runner|drone|buildkite|teamcity|argo-?cd|tekton|sonarqube/i, 'ci'],
  [/nginx|traefik|envoy|haproxy|caddy|istio|kong/i, 'proxy'],
  [/serving|torchserve|triton|seldon|bentoml|vllm|ollama|text-generation|tgi|kserve|model|inference|predict|ray/i, 'model-server'],
];

export function serviceKindOf(name: string, image: string | undefined): ServiceKind {
  for (const [pattern, kind] of IMAGE_KINDS) if (pattern.test(image ?? '')) return kind;
  // Without an image (a `build:` service) the name is the best hint there is.
  for (const [pattern, kind] of IMAGE_KINDS) if (pattern.test(name)) return kind;
  return 'app';
}

const KIND_NOUN: Readonly<Record<ServiceKind, Localized>> = {
  database: { ko: '데이터베이스', en: 'database' },
  cache: { ko: '캐시 서버', en: 'cache' },
  queue: { ko: '메시지 브로커', en: 'message broker' },
  monitoring: { ko: '모니터링 서버', en: 'monitoring server' },
  ci: { ko: 'CI 서버', en: 'CI server' },
  proxy: { ko: '프록시', en: 'proxy' },
  'model-server': { ko: '모델 서버', en: 'model server' },
  app: { ko: '서비스', en: 'service' },
};

const FRAMEWORKS: Readonly<Record<string, string>> = { flask: 'Flask', fastapi: 'FastAPI', django: 'Django', starlette: 'Starlette', bentoml: 'BentoML' };

/** Files larger than this are not parsed again for facts; the rules already read them. */
const MAX_FACT_BYTES = 512 * 1024;

/** The documents of a YAML file as plain values; none for a file too large or unreadable. */
function yamlValues(text: string): unknown[] {
  if (text.length > MAX_FACT_BYTES) return [];
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' });
  } catch {
    return [];
  }
  return (Array.isArray(docs) ? docs : [docs]).flatMap((doc) => {
    try {
      return [doc.toJS({ maxAliasCount: 50 }) as unknown];
    } catch {
      return [];
    }
  });
}

function collectServices(values: readonly unknown[]): Map<string, ServiceFact> {
  const services = new Map<string, ServiceFact>();
  for (const value of values) {
    if (!isRecord(value)) continue;
    if (isRecord(value.services)) {
      for (const [name, spec] of Object.entries(value.services)) {
        const image = isRecord(spec) && typeof spec.image === 'string' ? spec.image : undefined;
        services.set(name, { image, kind: serviceKindOf(name, image) });
      }
    }
    for (const container of podContainers(value)) {
      if (typeof container.name !== 'string') continue;
      const image = typeof container.image === 'string' ? container.image : undefined;
      services.set(container.name, { image, kind: serviceKindOf(container.name, image) });
    }
  }
  return services;
}

const NOWHERE: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
/** Deep enough for a document's shape: its keys, the items of its lists and their keys and values. */
const SHAPE_DEPTH = 3;

/**
 * A plain value as the engine's value tree, down to `SHAPE_DEPTH` (ranges left empty), so the
 * teacher tells a file's platform with the engine's own reader instead of a second copy of it.
 */
function shapeNode(value: unknown, depth = 0): YNode | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return { kind: 'scalar', raw: String(value), value: String(value), style: 'plain', range: NOWHERE };
  if (depth >= SHAPE_DEPTH) return undefined;
  if (Array.isArray(value)) return { kind: 'seq', range: NOWHERE, items: value.flatMap((item: unknown) => shapeNode(item, depth + 1) ?? []) };
  return { kind: 'map', range: NOWHERE, entries: Object.entries(value).map(([key, item]) => ({ key, keyRange: NOWHERE, value: shapeNode(item, depth + 1) })) };
}

function podContainers(manifest: Record<string, unknown>): Record<string, unknown>[] {
  const spec = isRecord(manifest.spec) ? manifest.spec : undefined;
  const template = isRecord(spec?.template)
    ? spec.template
    : isRecord(spec?.jobTemplate) && isRecord(spec.jobTemplate.spec) && isRecord(spec.jobTemplate.spec.template)
      ? spec.jobTemplate.spec.template
      : undefined;
  const podSpec = isRecord(template?.spec) ? template.spec : manifest.kind === 'Pod' ? spec : undefined;
  const lists = [podSpec?.containers, podSpec?.initContainers];
  return lists.flatMap((list) => (Array.isArray(list) ? list.filter(isRecord) : []));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const cache = new WeakMap<LintResult, FileFacts>();

/** The facts of a reviewed file (cached per lint result). */
export function fileFacts(path: string, text: string, result: LintResult | undefined): FileFacts {
  const cached = result && cache.get(result);
  if (cached && cached.text === text) return cached;
  const summary = result?.summary;
  const language = summary?.language ?? (/\.ya?ml$/i.test(path) ? 'yaml' : 'python');
  const values = language === 'yaml' ? yamlValues(text) : [];
  const facts: FileFacts = {
    path,
    text,
    language,
    kinds: summary?.yamlKinds ?? [],
    framework: summary?.framework ? (FRAMEWORKS[summary.framework] ?? summary.framework) : undefined,
    services: collectServices(values),
    azurePipelines: values.some((value) => isAzurePipelines(shapeNode(value))),
  };
  if (result) cache.set(result, facts);
  return facts;
}

/**
 * The values a template may use for one finding: the rule's own data, plus what the file says
 * about the things it names (`{serviceKind}`, `{serviceImage}` for a `{service}`, and the same
 * for any other value that names a service or container) and the platform's vocabulary
 * (`{unit}`: Pod, container, runner, agent; `{orchestrator}`; `{pipeline}`: workflow, pipeline).
 */
export function factValues(finding: Finding | undefined, facts: FileFacts | undefined, lang: Lang): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(finding?.data ?? {})) if (String(value).trim() !== '') values[key] = String(value);
  if (!facts) return values;
  for (const [key, value] of Object.entries({ ...values })) {
    const service = facts.services.get(value);
    if (!service) continue;
    values[`${key}Kind`] = KIND_NOUN[service.kind][lang];
    if (service.image) values[`${key}Image`] = service.image;
  }
  const file = facts.path.split(/[\\/]/).pop();
  if (file) values.file = file;
  if (facts.framework) values.framework ??= facts.framework;
  const platform = facts.kinds.includes('kubernetes')
    ? 'kubernetes'
    : facts.kinds.includes('compose')
      ? 'compose'
      : facts.kinds.includes('github-actions')
        ? 'github-actions'
        : facts.azurePipelines
          ? 'azure-pipelines'
          : isGitLabPipeline(facts)
            ? 'gitlab-ci'
            : undefined;
  const runner = lang === 'ko' ? '러너' : 'runner';
  if (platform === 'kubernetes') Object.assign(values, { unit: 'Pod', orchestrator: 'Kubernetes' });
  else if (platform === 'compose') Object.assign(values, { unit: lang === 'ko' ? '컨테이너' : 'container', orchestrator: 'Docker Compose' });
  else if (platform === 'github-actions') Object.assign(values, { unit: runner, orchestrator: 'GitHub Actions', pipeline: lang === 'ko' ? '워크플로' : 'workflow' });
  else if (platform === 'gitlab-ci') Object.assign(values, { unit: runner, orchestrator: 'GitLab CI', pipeline: lang === 'ko' ? '파이프라인' : 'pipeline' });
  // Azure runs a job on an agent (Microsoft-hosted or from a self-hosted pool), not a runner.
  else if (platform === 'azure-pipelines')
    Object.assign(values, { unit: lang === 'ko' ? '에이전트' : 'agent', orchestrator: 'Azure Pipelines', pipeline: lang === 'ko' ? '파이프라인' : 'pipeline' });
  return values;
}

/**
 * A GitLab CI pipeline file: `.gitlab-ci.yml` by name, or the shape of one (top-level `stages:` and
 * jobs with a `script:`), which the engine reads as a pipeline without giving it a kind of its own.
 */
export function isGitLabPipeline(facts: Pick<FileFacts, 'path' | 'text' | 'language'>): boolean {
  if (facts.language !== 'yaml') return false;
  if (/(^|[\\/])\.?gitlab-ci\.ya?ml$/i.test(facts.path)) return true;
  return /^stages:/m.test(facts.text) && /^[ \t]+script:/m.test(facts.text) && !/^(on|jobs):/m.test(facts.text);
}

/**
 * Fills `{name}` and `{name|fallback}` placeholders. A `{name}` without a value makes the whole
 * template unusable (`undefined`), so a question never mentions something that is not there.
 * `{!name}` writes nothing and makes the template unusable when `name` has a value: a question
 * about a model file does not fit a finding about request bytes. In Korean, the particle right
 * after each value is corrected to its final sound.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>, lang: Lang): string | undefined {
  const parts = template.split(PLACEHOLDER);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 4) {
    const [absent, name, fallback, rest] = [parts[i], parts[i + 1], parts[i + 2], parts[i + 3]];
    if (absent) {
      if (values[name] !== undefined) return undefined;
      out += rest;
      continue;
    }
    const value = values[name] ?? fallback;
    if (value === undefined) return undefined;
    out += value + (lang === 'ko' ? fixParticleAfter(value, rest) : rest);
  }
  return out;
}

const PLACEHOLDER = /\{(!?)(\w+)(?:\|([^{}]*))?\}/;

/** Placeholder names a template needs a value for (for tests and checks). */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g), (m) => m[1]);
}
