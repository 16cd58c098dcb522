import type { Range } from '../types';
import type { YamlModel } from './model';
import { at, isWorkloadKind, items, scalar, type YamlDocument, type YMap } from './model';

export interface ContainerInfo {
  readonly name: string;
  readonly spec: YMap;
  /** Where to report: the container's name value, or the start of its mapping. */
  readonly nameRange: Range;
  /** Probes are not expected on Jobs, CronJobs, run-to-completion Pods and init containers. */
  readonly probesApply: boolean;
  readonly workloadKind: string;
  readonly podSpec: YMap;
  readonly init: boolean;
}

/** The pod spec of a workload document (Deployment, StatefulSet, Pod, Job, CronJob ...). */
export function podSpec(document: YamlDocument): YMap | undefined {
  const kind = scalar(at(document.root, 'kind'));
  if (!isWorkloadKind(kind)) return undefined;
  const spec = kind === 'Pod' ? at(document.root, 'spec') : kind === 'CronJob' ? at(document.root, 'spec.jobTemplate.spec.template.spec') : at(document.root, 'spec.template.spec');
  return spec?.kind === 'map' ? spec : undefined;
}

/** A command that only keeps the container alive: `sleep 3600`, `sleep infinity`, `tail -f /dev/null`. */
const IDLE_COMMAND = /^((\/bin\/)?(ba)?sh\s+-c\s+)?["']?(sleep\s+(\d+[smhd]?|infinity|inf)|tail\s+-f\s+\/dev\/null)["']?$/;

/** Is this container command (command and args joined) an idle one? */
export function idleCommand(words: readonly string[]): boolean {
  return IDLE_COMMAND.test(words.join(' ').trim());
}

/**
 * A helper Pod that only sleeps: a learner starts it to `kubectl cp` data into a volume or to
 * `kubectl exec` into, then deletes it. It runs nothing to size, harden or schedule around.
 */
export function idleHelperPod(document: YamlDocument): boolean {
  if (scalar(at(document.root, 'kind')) !== 'Pod') return false;
  const containers = items(at(document.root, 'spec.containers'));
  const words = (node: ReturnType<typeof at>): string[] => (node?.kind === 'seq' ? items(node).map((i) => scalar(i) ?? '') : node ? [scalar(node) ?? ''] : []);
  return containers.length > 0 && containers.every((c) => idleCommand([...words(at(c, 'command')), ...words(at(c, 'args'))]));
}

/** The non-init containers of a workload document. */
export function podContainers(document: YamlDocument): ContainerInfo[] {
  return containersOf(document, false);
}

/** Init containers and regular containers: images and env apply to both. */
export function allContainers(document: YamlDocument): ContainerInfo[] {
  return [...containersOf(document, true), ...containersOf(document, false)];
}

function containersOf(document: YamlDocument, init: boolean): ContainerInfo[] {
  const kind = scalar(at(document.root, 'kind')) ?? '';
  const spec = podSpec(document);
  if (!spec) return [];
  // A bare Pod with restartPolicy Never/OnFailure runs to completion like a Job (a data loader, a one-off task).
  const runsToCompletion = kind === 'Job' || kind === 'CronJob' || (kind === 'Pod' && /^(Never|OnFailure)$/.test(scalar(at(spec, 'restartPolicy')) ?? ''));
  const probesApply = !init && !runsToCompletion;
  const result: ContainerInfo[] = [];
  for (const container of items(at(spec, init ? 'initContainers' : 'containers'))) {
    if (container.kind !== 'map') continue;
    const nameNode = at(container, 'name');
    result.push({ name: scalar(nameNode) ?? '?', spec: container, nameRange: nameNode?.range ?? container.range, probesApply, workloadKind: kind, podSpec: spec, init });
  }
  return result;
}

const byKindCache = new WeakMap<YamlModel, Map<string, YamlDocument[]>>();

/**
 * Kubernetes objects of the given kinds anywhere in the file (an HPA next to its Deployment).
 * Rules ask this for every document, so the file is indexed by kind once.
 */
export function objectsOfKind(model: YamlModel, kinds: readonly string[]): YamlDocument[] {
  let index = byKindCache.get(model);
  if (!index) {
    index = new Map();
    for (const document of model.documents) {
      if (document.kind !== 'kubernetes') continue;
      const kind = scalar(at(document.root, 'kind')) ?? '';
      const list = index.get(kind) ?? [];
      list.push(document);
      index.set(kind, list);
    }
    byKindCache.set(model, index);
  }
  return kinds.flatMap((kind) => index.get(kind) ?? []);
}
