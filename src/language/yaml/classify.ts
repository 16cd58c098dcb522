import type { YamlDocKind } from '../types';
import { at, entries, has, scalar, type YNode } from './values';

// Argo Rollouts' `Rollout` (canary and blue-green releases) carries a Deployment's pod template.
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob', 'ReplicationController', 'Rollout']);

/**
 * What a document is, from its shape alone: a file name says little (compose files are named
 * freely, workflows are copied around), so the keys decide.
 */
export function classify(root: YNode | undefined): YamlDocKind {
  if (root?.kind !== 'map') return 'other';
  const kind = scalar(at(root, 'kind'));
  if (kind === 'PrometheusRule') return 'prometheus-rules';
  if (kind && has(root, 'apiVersion')) return 'kubernetes';
  // YAML 1.1 loaders read a bare `on` key as boolean true; tree-sitter keeps the text "on".
  if (at(root, 'jobs')?.kind === 'map' && (has(root, 'on') || has(root, 'true') || has(root, 'True'))) return 'github-actions';
  const groups = at(root, 'groups');
  if (groups?.kind === 'seq' && groups.items.some((g) => at(g, 'rules')?.kind === 'seq')) return 'prometheus-rules';
  const services = at(root, 'services');
  if (services?.kind === 'map' && services.entries.some((e) => has(e.value, 'image') || has(e.value, 'build'))) return 'compose';
  if (!services && isLegacyCompose(root)) return 'compose';
  return 'other';
}

/** Keys of a CI job (GitLab CI, other runners) that a compose service never has. */
const JOB_KEYS = ['script', 'stage', 'stages', 'steps', 'run', 'trigger', 'extends', 'rules', 'only', 'except', 'needs', 'tasks'];

/**
 * The legacy Compose v1 file (no `services:` key): every top-level key is a service with an
 * `image` or `build`, and at least one uses a v1-era key (`links`, `ports`, `volumes`, ...).
 */
export function isLegacyCompose(root: YNode | undefined): boolean {
  const services = entries(root).filter((e) => e.key !== 'version');
  if (services.length === 0) return false;
  return (
    services.every((e) => e.value?.kind === 'map' && (has(e.value, 'image') || has(e.value, 'build')) && !JOB_KEYS.some((key) => has(e.value, key))) &&
    services.some((e) => ['links', 'ports', 'expose', 'volumes', 'environment', 'env_file', 'command', 'restart'].some((key) => has(e.value, key)))
  );
}

/** Is this Kubernetes kind a workload with a pod template? */
export function isWorkloadKind(kind: string | undefined): boolean {
  return kind !== undefined && WORKLOAD_KINDS.has(kind);
}
