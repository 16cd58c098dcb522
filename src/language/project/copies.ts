import type { DockerfileFacts, FileFacts, InstructionFact } from './facts';
import { dirname, joinDir } from './modules';
import { splitCommand } from './commands';

/** The sources of a COPY or ADD, and whether it copies from another stage or image (`--from=`). */
export interface CopySources {
  readonly sources: readonly string[];
  /** The last word, where the files land in the image (undefined when the instruction has no words). */
  readonly destination: string | undefined;
  readonly fromStage: boolean;
}

/** Reads `COPY [--chown=..] src... dest` in shell or exec form (the last word is the destination). */
export function copySources(copy: InstructionFact): CopySources {
  const words = (copy.words ?? splitCommand(copy.text)).filter((w) => w !== '');
  const options = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  return { sources: paths.slice(0, -1), destination: paths.at(-1), fromStage: options.some((o) => /^--from=/i.test(o)) };
}

/** `.`, `./`, `./.`: the whole build context. */
export function isWholeContext(source: string): boolean {
  return /^\.\/?\.?$/.test(source.trim());
}

/** A source only the build knows (a variable, a glob, a URL, an archive ADD extracts). */
const OPAQUE = /[$*?[\]{}`]|:\/\/|\.(?:tar|tgz|gz|bz2|xz|zip)$/i;
/** Build steps that may bring code another way. */
const FETCHES_CODE = /\bgit\s+clone\b|\bgit\+|\bunzip\b|\btar\s+-?x/;
/** Host paths that hold sockets, devices or data, never the project's code. */
const SYSTEM_PATH = /^\/(?:var|etc|tmp|dev|proc|sys|run|mnt|data|srv|opt|usr)(?:\/|$)/;
/** A mounted host path only the run knows. */
export const UNKNOWN = '$';

export interface Copy {
  readonly copy: InstructionFact;
  readonly sources: readonly string[];
}

/** Every COPY/ADD of the Dockerfile when all of them are certain, or undefined. */
export function certainCopies(facts: DockerfileFacts): Copy[] | undefined {
  const result: Copy[] = [];
  for (const stage of facts.stages) {
    if (stage.runs.some((run) => FETCHES_CODE.test(run.text))) return undefined;
    for (const copy of stage.copies ?? []) {
      const { sources, fromStage } = copySources(copy);
      if (fromStage || sources.length === 0 || sources.some((s) => isWholeContext(s) || OPAQUE.test(s) || s.startsWith('/') || s.startsWith('..'))) return undefined;
      result.push({ copy, sources: sources.map((s) => s.replace(/^\.\//, '').replace(/\/+$/, '')) });
    }
  }
  return result;
}

/** `path` is `copied` or inside it ('' is the whole tree). */
export function covers(copied: string, path: string): boolean {
  return copied === '' || path === copied || path.startsWith(`${copied}/`);
}

/**
 * The host folders a compose service bind-mounts into the container built from each Dockerfile,
 * as repository paths (`$PWD/storage` is `storage` beside the compose file); `UNKNOWN` for a
 * path only the run knows. Absolute system paths (`/var/run/docker.sock`, `/data`) hold no code.
 */
export function mountedFolders(files: ReadonlyMap<string, FileFacts>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [file, facts] of files) {
    if (facts.kind !== 'yaml') continue;
    for (const service of facts.compose) {
      if (!service.build || !service.hostMounts) continue;
      const dir = joinDir(dirname(file), service.build.context.trim() || '.');
      const dockerfile = joinDir(dir, (service.build.dockerfile ?? 'Dockerfile').trim());
      const list = result.get(dockerfile) ?? [];
      for (const written of service.hostMounts) {
        const source = written.replace(/^\$\{?PWD\}?(?=\/|$)/, '.');
        if (SYSTEM_PATH.test(source)) continue;
        list.push(/[$~]/.test(source) || source.startsWith('/') ? UNKNOWN : joinDir(dirname(file), source));
      }
      result.set(dockerfile, list);
    }
  }
  return result;
}
