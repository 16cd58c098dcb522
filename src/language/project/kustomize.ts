import type { ProjectContext } from '../rule';
import type { FileFacts } from './facts';
import { dirname, joinDir } from './modules';

/** The files some Kustomization of the project merges as a patch (see `YamlFacts.kustomizePatches`). */
export function kustomizePatchFiles(files: ReadonlyMap<string, FileFacts>): Set<string> {
  const patches = new Set<string>();
  for (const [path, facts] of files) {
    if (facts.kind !== 'yaml' || !facts.kustomizePatches) continue;
    for (const patch of facts.kustomizePatches) patches.add(joinDir(dirname(path), patch));
  }
  return patches;
}

/**
 * For the rules that report what a workload lacks (probes, resources, securityContext,
 * replicas): a Kustomize patch holds only the fields it changes, so what it lacks is kept from
 * the base. Withdraws the rule's per-file findings on the workloads of patch files, on the lines
 * those rules report at (the container's name, the workload's kind, name or replicas).
 */
export function withdrawInKustomizePatches(context: ProjectContext): void {
  const files = context.view.files;
  for (const path of kustomizePatchFiles(files)) {
    const facts = files.get(path);
    if (facts?.kind !== 'yaml') continue;
    for (const workload of facts.workloads) {
      const lines = [workload.range.start.line, workload.nameLine, workload.replicasRange?.start.line, ...workload.containers.map((c) => c.nameRange.start.line)];
      for (const line of new Set(lines)) if (line !== undefined) context.withdraw(path, line);
    }
  }
}
