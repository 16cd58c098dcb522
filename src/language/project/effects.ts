import type { EffectFact, FunctionFact } from './facts';
import type { ProjectView } from './index';

/**
 * Follows a call from one module into the functions of the project (python/effects.ts records
 * what each does per call) to find an effect: a model load, a client build, unguarded work or a
 * blocking call. `handler -> query_rag() -> load_vectorstore() -> FAISS.load_local` is found
 * three calls away. Calls that run once per process (cached factories, lazy singletons) stop
 * the search for loads and clients; calls under a `try` stop it for unguarded work.
 */

export type EffectKind = 'loads' | 'client' | 'work' | 'blocking' | 'prints' | 'scratch' | 'trains' | 'llm' | 'stores';

export interface ReachedEffect {
  /** The file and function whose own call has the effect. */
  readonly path: string;
  readonly fn: FunctionFact;
  readonly effect: EffectFact;
}

const MAX_DEPTH = 4;
/**
 * What each function reaches, per kind, for one view. Keyed by the function's facts: they
 * belong to one file (FactsPool shares only records without nested objects, never a function),
 * and a key of path, name and kind was a string per search, a quarter of the project pass's
 * memory on a large tree.
 */
type Memo = Map<EffectKind, Map<FunctionFact, ReachedEffect | null>>;
const memo = new WeakMap<ProjectView, Memo>();

/** The function a call names from `from` (`helper`, `module.helper`, `Class`), if the project defines it. */
export function projectFunction(view: ProjectView, from: string, name: string, scope?: string): { path: string; fn: FunctionFact } | undefined {
  const target = view.modules.resolve(from, name, 0, scope);
  if (target) {
    const hash = target.lastIndexOf('#');
    const path = target.slice(0, hash);
    const fn = view.python.get(path)?.functions?.find((f) => f.name === target.slice(hash + 1));
    if (fn) return { path, fn };
  }
  const dot = name.lastIndexOf('.');
  return dot > 0 ? projectMethod(view, from, name.slice(0, dot), name.slice(dot + 1), scope) : undefined;
}

/**
 * `PredictionService.predict` (a class of the project, called on the class or on an instance the
 * caller's file builds), or `prediction_service.predict` through an instance another module
 * builds at module level: the method's facts, `Class.method` in the class's file.
 */
function projectMethod(view: ProjectView, from: string, owner: string, method: string, scope?: string): { path: string; fn: FunctionFact } | undefined {
  const target = APP_KEY.test(owner) ? keptOnApp(view, owner) : view.modules.resolve(from, owner, 0, scope);
  if (!target) return undefined;
  const hash = target.lastIndexOf('#');
  const path = target.slice(0, hash);
  const object = target.slice(hash + 1);
  const facts = view.python.get(path);
  const own = facts?.functions?.find((f) => f.name === `${object}.${method}`);
  if (own) return { path, fn: own };
  const cls = facts?.instances?.find((i) => i.name === object)?.cls;
  const classTarget = cls === undefined ? undefined : view.modules.resolve(path, cls);
  if (!classTarget) return undefined;
  const classHash = classTarget.lastIndexOf('#');
  const classPath = classTarget.slice(0, classHash);
  const fn = view.python.get(classPath)?.functions?.find((f) => f.name === `${classTarget.slice(classHash + 1)}.${method}`);
  return fn ? { path: classPath, fn } : undefined;
}

const APP_KEY = /^app\.(state|config|extensions)\.\w+$/;
const appKeys = new WeakMap<ProjectView, Map<string, string | null>>();

/**
 * `app.state.predictor`, read by a handler in a router module: the instance the module that
 * builds the app keeps there (`app.state.predictor = Predictor(path)` in its lifespan), as the
 * `path#name` of that instance. Two modules keeping different classes under one key: unknown.
 */
function keptOnApp(view: ProjectView, key: string): string | undefined {
  let known = appKeys.get(view);
  if (!known) appKeys.set(view, (known = new Map()));
  let found = known.get(key);
  if (found === undefined) {
    found = null;
    let cls: string | undefined;
    for (const [path, facts] of view.python) {
      const instance = facts.instances?.find((i) => i.name === key);
      if (!instance) continue;
      if (found !== null && cls !== instance.cls) {
        found = null;
        break;
      }
      found = `${path}#${key}`;
      cls = instance.cls;
    }
    known.set(key, found);
  }
  return found ?? undefined;
}

/** `scope`: the caller's function, whose own imports bind `name` first (HandlerCallFact.scope). */
export function calledEffect(view: ProjectView, from: string, name: string, kind: EffectKind, scope?: string): ReachedEffect | undefined {
  let byKind = memo.get(view);
  if (!byKind) memo.set(view, (byKind = new Map()));
  let cache = byKind.get(kind);
  if (!cache) byKind.set(kind, (cache = new Map()));
  return search(view, from, name, kind, 0, cache, new Set(), scope) ?? undefined;
}

function search(
  view: ProjectView,
  from: string,
  name: string,
  kind: EffectKind,
  depth: number,
  cache: Map<FunctionFact, ReachedEffect | null>,
  seen: Set<FunctionFact>,
  scope?: string,
): ReachedEffect | null {
  const found = projectFunction(view, from, name, scope);
  if (!found) return null;
  const key = found.fn;
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
