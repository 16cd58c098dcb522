import { callProblem, type ArgumentCall, type Signature } from '../python/call-signatures';
import type { FromImport, PlainImport } from '../python/bound-names';
import type { FileFacts, FunctionFact, HandlerCallFact, ImportFact, LoopCallFact } from './facts';
import { leadsAnywhere } from './facts';

/**
 * Shares what the facts of many files repeat, for a project index that holds every file's facts
 * at once (the CLI's project pass on a large tree): equal strings become one string, empty
 * lists one frozen empty list, and equal positions (`{ line, column }`, immutable like all facts)
 * and equal records of plain values (an import, a call a function makes) one frozen object. The facts read the same afterwards; only their memory is shared. One `FactsPool`
 * serves one index.
 */
export class FactsPool {
  private readonly strings = new Map<string, string>();
  private readonly positions = new Map<number, { readonly line: number; readonly column: number }>();
  private readonly records = new Map<string, unknown>();

  /** The facts, compacted in place (they must be freshly parsed, owned by no one else). */
  compact<T extends FileFacts>(facts: T): T {
    // The file's own record is never shared: it may hold more than its enumerable fields (packed.ts).
    const record = facts as unknown as Record<string, unknown>;
    for (const key in record) record[key] = this.value(record[key]);
    return facts;
  }

  private value(value: unknown): unknown {
    if (typeof value === 'string') return this.string(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      if (value.length === 0) return EMPTY;
      for (let i = 0; i < value.length; i++) value[i] = this.value(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    const line = record.line;
    const column = record.column;
    if (typeof line === 'number' && typeof column === 'number' && Object.keys(record).length === 2) return this.position(line, column);
    let leaf = true;
    for (const key in record) {
      const field = (record[key] = this.value(record[key]));
      if (typeof field === 'object' && field !== null && field !== EMPTY) leaf = false;
    }
    return leaf ? this.record(record) : record;
  }

  /** A record of strings, numbers, booleans and empty lists only (an import, a call, a file's empty suppressions): one object for equal ones. */
  private record(record: Record<string, unknown>): unknown {
    let key = '';
    for (const name in record) {
      const field = record[name];
      key += `${name}\u0001${typeof field === 'string' ? field : typeof field === 'number' ? `#${field}` : field === EMPTY ? '[]' : field ? '+' : '-'}\u0002`;
    }
    const known = this.records.get(key);
    if (known !== undefined) return known;
    this.records.set(key, Object.freeze(record));
    return record;
  }

  /** One string for equal strings (a packed field's text, see packed.ts). */
  string(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  private position(line: number, column: number): { readonly line: number; readonly column: number } {
    const key = line * 0x100000 + column;
    let position = this.positions.get(key);
    if (!position) this.positions.set(key, (position = Object.freeze({ line, column })));
    return position;
  }
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The names every file of a run can be imported under, by their last part (`v1` for
 * `app/routers/v1.py`, `routers` for `app/routers/__init__.py`): what module resolution
 * (modules.ts) looks a module up by first. Built from the run's paths before any file is linted.
 */
export function moduleTails(paths: Iterable<string>): Set<string> {
  const tails = new Set<string>();
  for (const path of paths) {
    const parts = path
      .replace(/\\/g, '/')
      .replace(/\.pyi?$/, '')
      .split('/');
    let last = parts.pop();
    if (last === '__init__') last = parts.pop();
    if (last) tails.add(last);
  }
  return tails;
}

/**
 * A file's facts without the call records that cannot lead into the project: a call whose name
 * starts with an import of a module no file of the run can be (`np.array`, `json.dumps`,
 * `requests.get`), which is most of what handlers, helpers and a service's start-up call. The project rules follow a
 * call only through module resolution, which finds no file for it; a call bound by a relative
 * import, or by a module whose last name part some file has, is kept. The same holds for the
 * calls with their arguments (`argumentCalls`, most of them into libraries; a call to this
 * module's own function is kept only when that function's signature refuses it) and for
 * `from module import name` where no file can be `module` (`fromImports`). The facts must be freshly
 * parsed (they are changed in place); `tails` comes from `moduleTails` over every path of the run.
 */
export function withoutUnresolvableCalls<T extends FileFacts>(facts: T, tails: ReadonlySet<string>): T {
  if (facts.kind !== 'python') return facts;
  const python = facts as unknown as {
    imports: readonly ImportFact[];
    handlerCalls?: readonly HandlerCallFact[];
    importTrainerCalls?: readonly { readonly name: string }[];
    loopCalls?: readonly LoopCallFact[];
    queueJobs?: readonly LoopCallFact[];
    functions?: readonly FunctionFact[];
    argumentCalls?: readonly ArgumentCall[];
    signatures?: readonly Signature[];
    fromImports?: readonly FromImport[];
    plainImports?: readonly PlainImport[];
  };
  const importable = (module: string): boolean => module.startsWith('.') || tails.has(module.slice(module.lastIndexOf('.') + 1));
  /** What a call's first name part is bound to: an import that may be a file of the run, imports of libraries only, or no import. */
  const binding = (name: string): 'project' | 'library' | 'none' => {
    const dot = name.indexOf('.');
    const head = dot === -1 ? name : name.slice(0, dot);
    let bound = false;
    for (const i of python.imports) {
      if (i.local !== head) continue;
      bound = true;
      if (importable(i.module) || (i.name !== undefined && tails.has(i.name))) return 'project';
    }
    return bound ? 'library' : 'none';
  };
  const resolvable = (name: string): boolean => {
    // `app.state.predictor.predict`: a service another module keeps on the app (project/effects.ts keptOnApp).
    if (/^app\.(state|config|extensions)\.\w+\.\w+$/.test(name)) return true;
    const bound = binding(name);
    // Not imported: a plain name is this file's own function, `Class.method` a method of its own
    // class (python/effects.ts writes calls through instances so); other dotted names resolve to nothing.
    return bound === 'project' || (bound === 'none' && (!name.includes('.') || /^[A-Z]\w*\.\w+$/.test(name)));
  };
  // A plain name no import binds resolves to this module's own definition (modules.ts resolve):
  // call-argument-mismatch reports such a call only when that definition's signature refuses it,
  // so the calls it accepts, or that have no signature here to check, are settled already.
  const acceptedHere = (call: ArgumentCall): boolean => {
    if (call.callee.includes('.') || python.imports.some((i) => i.local === call.callee)) return false;
    const signature = python.signatures?.find((s) => s.name === call.callee);
    return signature === undefined || callProblem(call, signature) === undefined;
  };
  const keep = <C extends { readonly name: string }>(calls: readonly C[] | undefined): readonly C[] | undefined => {
    if (!calls) return calls;
    const kept = calls.filter((call) => resolvable(call.name));
    return kept.length === calls.length ? calls : kept;
  };
  if (python.handlerCalls) python.handlerCalls = keep(python.handlerCalls);
  if (python.loopCalls) python.loopCalls = keep(python.loopCalls);
  if (python.queueJobs) python.queueJobs = keep(python.queueJobs);
  if (python.importTrainerCalls) {
    // Written as the module calls them (`trainer.train()` on its own instance is not rewritten to
    // `Trainer.train` as the handler calls are), so only a library's calls are certain to lead nowhere.
    const kept = python.importTrainerCalls.filter((call) => binding(call.name) !== 'library');
    python.importTrainerCalls = kept.length > 0 ? kept : undefined;
  }
  if (python.argumentCalls) {
    const kept = python.argumentCalls.filter((call) => resolvable(call.callee) && !acceptedHere(call));
    python.argumentCalls = kept.length > 0 ? kept : undefined;
  }
  if (python.fromImports) {
    const kept = python.fromImports.filter((imported) => importable(imported.module));
    python.fromImports = kept.length > 0 ? kept : undefined;
  }
  if (python.plainImports) {
    const kept = python.plainImports.filter((imported) => importable(imported.module));
    python.plainImports = kept.length > 0 ? kept : undefined;
  }
  if (!python.functions) return facts;
  for (const fn of python.functions) {
    const calls = keep(fn.calls)!;
    if (calls !== fn.calls) (fn as { calls: typeof calls }).calls = calls;
  }
  // A function left with nothing to follow once its unresolvable calls are gone is dropped too.
  python.functions = python.functions.filter(leadsAnywhere);
  return facts;
}
