import type { YamlDocKind } from '../types';
import { at, has, scalar, type YNode } from './values';

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
  return 'other';
}

/** Is this Kubernetes kind a workload with a pod template? */
export function isWorkloadKind(kind: string | undefined): boolean {
  return kind !== undefined && WORKLOAD_KINDS.has(kind);
}
