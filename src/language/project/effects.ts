import type { EffectFact, FunctionFact } from './facts';
import type { ProjectView } from './index';

/**
 * Follows a call from one module into the functions of the project (python/effects.ts records
 * what each does per call) to find an effect: a model load, a client build, unguarded work or a
 * blocking call. `handler -> query_rag() -> load_vectorstore() -> FAISS.load_local` is found
 * three calls away. Calls that run once per process (cached factories, lazy singletons) stop
 * the search for loads and clients; calls under a `try` stop it for unguarded work.
 */

export type EffectKind = 'loads' | 'client' | 'work' | 'blocking' | 'prints';

export interface ReachedEffect {
  /** The file and function whose own call has the effect. */
  readonly path: string;
  readonly fn: FunctionFact;
  readonly effect: EffectFact;
}

const MAX_DEPTH = 4;
const memo = new WeakMap<ProjectView, Map<string, ReachedEffect | null>>();

/** The function a call names from `from` (`helper`, `module.helper`, `Class`), if the project defines it. */
export function projectFunction(view: ProjectView, from: string, name: string): { path: string; fn: FunctionFact } | undefined {
  const target = view.modules.resolve(from, name);
  if (!target) return undefined;
  const hash = target.lastIndexOf('#');
  const path = target.slice(0, hash);
  const fn = view.python.get(path)?.functions?.find((f) => f.name === target.slice(hash + 1));
  return fn ? { path, fn } : undefined;
}

export function calledEffect(view: ProjectView, from: string, name: string, kind: EffectKind): ReachedEffect | undefined {
  let cache = memo.get(view);
  if (!cache) memo.set(view, (cache = new Map()));
  return search(view, from, name, kind, 0, cache, new Set()) ?? undefined;
}

function search(view: ProjectView, from: string, name: string, kind: EffectKind, depth: number, cache: Map<string, ReachedEffect | null>, seen: Set<string>): ReachedEffect | null {
  const found = projectFunction(view, from, name);
  if (!found) return null;
  const key = `${found.path}#${found.fn.name}:${kind}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (seen.has(key) || depth >= MAX_DEPTH) return null;
  seen.add(key);
  let result: ReachedEffect | null = null;
  const own = found.fn[kind];
  if (own) result = { path: found.path, fn: found.fn, effect: own };
  else if (!(kind === 'blocking' && found.fn.isAsync && depth > 0)) {
    for (const call of found.fn.calls) {
      if ((kind === 'loads' || kind === 'client') && call.once) continue;
      if (kind === 'work' && call.guarded) continue;
      result = search(view, found.path, call.name, kind, depth + 1, cache, seen);
      if (result) break;
    }
  }
  cache.set(key, result);
  return result;
}
