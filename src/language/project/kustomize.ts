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

/** An image's repository without tag or digest, and without Docker Hub's implicit prefixes. */
function repository(image: string): string {
  return image
    .replace(/@.*$/, '')
    .replace(/:[^/]*$/, '')
    .replace(/^(docker\.io|index\.docker\.io)\//, '')
    .replace(/^library\//, '');
}

/** `kustomize edit set image NAME=NEW:TAG` or `NAME:TAG`, as a workflow runs it. */
const SET_IMAGE = /\bkustomize\s+edit\s+set\s+image\s+((?:\S+\s+)*?\S+)(?=\s*(?:&&|;|\||$))/gm;

/**
 * Which images of the project's manifests a Kustomization retags before they are applied: an
 * `images:` entry (with newTag, newName or digest) of any Kustomization, or a workflow that runs
 * `kustomize edit set image`. A workflow naming the image through a variable (`$IMAGE:$GITHUB_SHA`)
 * retags the images of every manifest that sits next to a Kustomization.
 */
export function retaggedByKustomize(files: ReadonlyMap<string, FileFacts>): (path: string, image: string) => boolean {
  const named = new Set<string>();
  const kustomizeDirs = new Set<string>();
  let anyBySetImage = false;
  for (const [path, facts] of files) {
    if (facts.kind !== 'yaml') continue;
    if (facts.kustomizeImages) {
      kustomizeDirs.add(dirname(path));
      for (const image of facts.kustomizeImages) named.add(repository(image));
    }
    for (const run of facts.workflowRuns) {
      for (const match of run.value.matchAll(SET_IMAGE)) {
        for (const argument of match[1].split(/\s+/)) {
          const name = argument.includes('=') ? argument.slice(0, argument.indexOf('=')) : argument;
          if (name.includes('$')) anyBySetImage = true;
          else named.add(repository(name));
        }
      }
    }
  }
  return (path, image) => named.has(repository(image)) || (anyBySetImage && kustomizeDirs.has(dirname(path)));
}
