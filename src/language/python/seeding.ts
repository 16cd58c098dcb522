import type { PythonModel } from './model';
import { keywordArgument } from './nodes';
import { trainsOnlyWhenCalled } from './training';

/**
 * A call that seeds a global generator: `torch.manual_seed`, `np.random.seed`, `random.seed`,
 * `tf.random.set_seed`, Lightning's `seed_everything`, HF's `set_seed` and project helpers named
 * after the seed (`set_random_seed(42)`, `seed_all()`, `fix_seed()`). A generator object seeded on
 * its own (`torch.Generator().manual_seed(0)`) seeds nothing else.
 */
const GLOBAL_SEED_CALL = /(^|\.)\w*seed\w*$/i;
const OWN_GENERATOR = /Generator\.manual_seed$|^(numpy|np)\.random\.(default_rng|RandomState|Generator)$/;
/** torch's `random_split`, which draws from the global torch generator when given none. */
const RANDOM_SPLIT = /^torch\.utils\.data(\.dataset)?\.random_split$/;
/** Loading a module by its name as text: `importlib.import_module("trainer")`, `__import__("models")`. */
const DYNAMIC_IMPORT = /^(importlib\.import_module|__import__)$/;

export function seedsGlobally(model: PythonModel): boolean {
  return model.calls.some((c) => GLOBAL_SEED_CALL.test(c.callee ?? '') && !OWN_GENERATOR.test(c.callee ?? ''));
}

/**
 * What the project pass needs to tell whether a training module's randomness is seeded by the
 * script that runs it (project/training.ts `seededFromEntry`): whether this file seeds, whether it
 * is a library whose training runs only when called, the modules it loads by name, and the
 * 0-based lines of its unseeded `random_split` calls inside functions (module-level code runs at
 * import, before the importer's seed).
 */
export function seedFacts(model: PythonModel): { seeds?: true; trainingLibrary?: true; dynamicImports?: string[]; randomSplits?: number[] } {
  const dynamicImports: string[] = [];
  const randomSplits: number[] = [];
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (DYNAMIC_IMPORT.test(callee)) {
      const first = call.node.childForFieldName('arguments')?.namedChildren[0];
      const name = first?.type === 'string' ? /^[rRuU]?(["'])([\w.]+)\1$/.exec(first.text)?.[2] : undefined;
      if (name) dynamicImports.push(name);
    } else if (RANDOM_SPLIT.test(callee) && call.inFunction && !keywordArgument(call.node, 'generator')) randomSplits.push(call.node.startPosition.row);
  }
  return {
    ...(seedsGlobally(model) && { seeds: true as const }),
    ...(trainsOnlyWhenCalled(model) && { trainingLibrary: true as const }),
    ...(dynamicImports.length > 0 && { dynamicImports }),
    ...(randomSplits.length > 0 && { randomSplits }),
  };
}
