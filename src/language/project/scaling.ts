import type { AutoscalerFact, DisruptionBudgetFact, WorkloadFact } from './facts';
import type { ProjectView } from './index';

/** Kubernetes objects of the project with the file each one is in. */
export interface Placed<T> {
  readonly path: string;
  readonly fact: T;
}

export interface KubernetesObjects {
  readonly workloads: readonly Placed<WorkloadFact>[];
  readonly autoscalers: readonly Placed<AutoscalerFact>[];
  readonly budgets: readonly Placed<DisruptionBudgetFact>[];
}

const cache = new WeakMap<ProjectView, KubernetesObjects>();

/** The workloads, autoscalers and disruption budgets of every YAML file, collected once per view. */
export function kubernetesObjects(view: ProjectView): KubernetesObjects {
  let objects = cache.get(view);
  if (!objects) {
    const workloads: Placed<WorkloadFact>[] = [];
    const autoscalers: Placed<AutoscalerFact>[] = [];
    const budgets: Placed<DisruptionBudgetFact>[] = [];
    for (const [path, facts] of view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const fact of facts.workloads) workloads.push({ path, fact });
      for (const fact of facts.autoscalers ?? []) autoscalers.push({ path, fact });
      for (const fact of facts.budgets ?? []) budgets.push({ path, fact });
    }
    objects = { workloads, autoscalers, budgets };
    cache.set(view, objects);
  }
  return objects;
}

/** The autoscalers that name this workload as their target. */
export function autoscalersOf(workload: WorkloadFact, objects: KubernetesObjects): Placed<AutoscalerFact>[] {
  return objects.autoscalers.filter((a) => a.fact.targetName === workload.name && (a.fact.targetKind === undefined || a.fact.targetKind === workload.kind));
}

/**
 * The fewest pods the workload runs: an autoscaler's minReplicas (1 when unset), else
 * `spec.replicas` (1 when unset); undefined when a template or an overlay decides.
 */
export function fewestReplicas(workload: WorkloadFact, objects: KubernetesObjects): number | undefined {
  const scalers = autoscalersOf(workload, objects);
  if (scalers.length > 0) return Math.min(...scalers.map((s) => s.fact.minReplicas ?? 1));
  if (workload.replicas !== undefined) return workload.replicas;
  return workload.replicasRange === undefined ? 1 : undefined;
}

/** Does a label selector pick this workload's pods? An empty selector picks nothing here. */
export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((key) => labels[key] === selector[key]);
}

/** Workload kinds whose pods a disruption budget protects across node drains. */
export const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'Rollout', 'ReplicaSet']);
