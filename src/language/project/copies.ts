import type { InstructionFact } from './facts';
import { splitCommand } from './commands';

/** The sources of a COPY or ADD, and whether it copies from another stage or image (`--from=`). */
export interface CopySources {
  readonly sources: readonly string[];
  readonly fromStage: boolean;
}

/** Reads `COPY [--chown=..] src... dest` in shell or exec form (the last word is the destination). */
export function copySources(copy: InstructionFact): CopySources {
  const words = (copy.words ?? splitCommand(copy.text)).filter((w) => w !== '');
  const options = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  return { sources: paths.slice(0, -1), fromStage: options.some((o) => /^--from=/i.test(o)) };
}

/** `.`, `./`, `./.`: the whole build context. */
export function isWholeContext(source: string): boolean {
  return /^\.\/?\.?$/.test(source.trim());
}
