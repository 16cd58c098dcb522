import type { Range } from '../types';
import type { YamlModel } from './model';
import { at, entry, isWorkloadKind, items, scalar, type YamlDocument, type YMap, type YNode } from './model';

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

/**
 * A Helm test hook (`"helm.sh/hook": test`, as `helm create` scaffolds in `templates/tests/`): a
 * Pod or Job that `helm test` starts once to call the release and then deletes. It serves nothing
 * and holds no data, so it is not asked to be sized or hardened like the release's workloads.
 */
export function helmTestHook(document: YamlDocument): boolean {
  const hook = scalar(entry(at(document.root, 'metadata.annotations'), 'helm.sh/hook')?.value);
  return !!hook && hook.split(',').some((phase) => /^\s*test(-success|-failure)?\s*$/.test(phase));
}

/**
 * A throwaway Pod that runs nothing to size or harden: a helper that only sleeps (`idleHelperPod`)
 * or a Helm test hook (`helmTestHook`). The resource and security-context rules skip it.
 */
export function throwawayPod(document: YamlDocument): boolean {
  return idleHelperPod(document) || helmTestHook(document);
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

/** A pod-like part of a custom resource: the containers it runs and the volumes it mounts. */
export interface CustomResourcePod {
  readonly containers: readonly YMap[];
  readonly volumes: readonly YNode[];
}

const maps = (nodes: readonly YNode[]): YMap[] => nodes.filter((n): n is YMap => n.kind === 'map');

/** An Argo workflow: the volumes of the whole workflow, then each template's containers and volumes. */
function argoPods(spec: YNode | undefined): CustomResourcePod[] {
  const templates = maps(items(at(spec, 'templates'))).map((template) => ({
    containers: maps(
      [
        at(template, 'container'),
        at(template, 'script'),
        ...items(at(template, 'initContainers')),
        ...items(at(template, 'sidecars')),
        ...items(at(template, 'containerSet.containers')),
      ].filter((n): n is YNode => n !== undefined),
    ),
    volumes: items(at(template, 'volumes')),
  }));
  return [{ containers: [], volumes: items(at(spec, 'volumes')) }, ...templates];
}

/**
 * The pods of custom resources that run containers the team chose: Seldon predictors, Argo
 * workflow templates, KServe predictors, transformers and explainers. Rules about what a container
 * runs (its image, its volumes) read these; rules about serving (probes, replicas, security
 * context) do not, because the operator fills those in.
 */
export function customResourcePods(document: YamlDocument): CustomResourcePod[] {
  const kind = scalar(at(document.root, 'kind'));
  const spec = at(document.root, 'spec');
  switch (kind) {
    case 'SeldonDeployment':
      return items(at(spec, 'predictors')).flatMap((predictor) =>
        items(at(predictor, 'componentSpecs')).map((component) => ({ containers: maps(items(at(component, 'spec.containers'))), volumes: items(at(component, 'spec.volumes')) })),
      );
    case 'Workflow':
    case 'WorkflowTemplate':
    case 'ClusterWorkflowTemplate':
      return argoPods(spec);
    case 'CronWorkflow':
      return argoPods(at(spec, 'workflowSpec'));
    case 'InferenceService':
      return ['predictor', 'transformer', 'explainer'].map((part) => ({ containers: maps(items(at(spec, `${part}.containers`))), volumes: items(at(spec, `${part}.volumes`)) }));
    default:
      return [];
  }
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
