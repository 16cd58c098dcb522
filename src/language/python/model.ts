import type { Node, Tree } from 'web-tree-sitter';
import { StatementMemo } from '../incremental';
import type { FileSummary, Range } from '../types';
import { DEAD_CODE_ENDS } from './dead-code';
import { classHandlers, frameworkHint } from './handlers';
import { decoratorsOf, enclosingFunction, firstStartingAt, isAsync, matchesName } from './nodes';
import { assignmentAt, dottedCallee, importsAt, LineIndex, relativeImportsAt, sourceOf } from './scan';
import { isTestFileName, TEST_CODE } from './test-code';
import { memoKey } from '../memo-key';

// Rules import these helpers from the model, as they did before the split.
export { decoratorsOf, enclosingFunction, hasSplat, isAsync, keywordArgument, matchesName, positionalArguments, stringValue, subjectArgument } from './nodes';

/**
 * The facts about one Python file that many rules need, computed in a single walk of the
 * tree per parse: the import/alias map, calls with their resolved dotted names, functions,
 * request handlers, the web framework and the file's role.
 */

/** `[row, column, endRow, endColumn]` relative to a top-level statement's first row (`PythonModel.spanIn`). */
export type StatementSpan = readonly [number, number, number, number];

export type Framework =
  'flask' | 'fastapi' | 'django' | 'grpc' | 'bentoml' | 'ray-serve' | 'gradio' | 'aws-lambda' | 'chat-bot' | 'model-server' | 'aiohttp' | 'sanic' | 'falcon' | 'tornado';
/** `test`: a pytest or unittest module (see test-code.ts), whose apps and fits are the test's scaffolding. */
export type PythonRole = 'serving' | 'training' | 'library' | 'script' | 'test';

export interface CallInfo {
  readonly node: Node;
  /** Dotted name after resolving imports and known instances, e.g. `pickle.load`, `flask.Flask.run`. */
  readonly callee: string | undefined;
  /** The innermost enclosing function definition, if any. */
  readonly inFunction: Node | undefined;
}

export interface HandlerInfo {
  readonly node: Node;
  readonly name: string;
  readonly route?: string;
  readonly methods?: readonly string[];
  readonly isAsync: boolean;
  readonly framework: Framework;
  /**
   * The parameter that holds the client's raw payload, where a framework hands it over as one
   * (a Lambda event, a SageMaker `input_fn` body, a TorchServe `handle` batch).
   */
  readonly payload?: string;
}

/**
 * A call a websocket handler makes before its message loop runs once per connection, not once per
 * message: a chat connection is opened once and then carries every question of the session.
 */
export function oncePerConnection(handler: HandlerInfo, node: Node): boolean {
  if (!handler.methods?.includes('WEBSOCKET')) return false;
  for (let at = node.parent; at && at.id !== handler.node.id; at = at.parent) {
    if (at.type === 'while_statement' || at.type === 'for_statement') return false;
  }
  return true;
}

/** The node kinds the model is built from, collected by the engine's one query run per file. */
export const PYTHON_COLLECTED = [
  'call',
  'function_definition',
  'class_definition',
  'decorated_definition',
  'except_clause',
  'assignment',
  'import_statement',
  'import_from_statement',
  'pair',
  'keyword_argument',
  // The statements that end a block, for the dead-code filter (dead-code.ts).
  ...DEAD_CODE_ENDS,
] as const;
export type PythonNodeKind = (typeof PYTHON_COLLECTED)[number];
/** The collected nodes of each kind, in document order. */
export type PythonNodes = Readonly<Record<PythonNodeKind, Node[]>>;

/** Standard-library modules six re-exports under `six.moves` with their Python 3 names. */
const SIX_MOVES = /^six\.moves\.(urllib|pickle|queue|configparser|socketserver|builtins)(?=\.|$)/;

const DECORATOR = /@[ \t]*([A-Za-z_][\w.]*)[ \t]*(\()?/g;
const DEF_NAME = /(async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/y;

const ROUTE_DECORATORS = new Set(['route', 'get', 'post', 'put', 'delete', 'patch', 'api_route', 'websocket', 'head', 'options']);

const APP_FACTORIES: Readonly<Record<string, Framework>> = {
  'flask.Flask': 'flask',
  'flask.Blueprint': 'flask',
  'fastapi.FastAPI': 'fastapi',
  'fastapi.APIRouter': 'fastapi',
  'bentoml.Service': 'bentoml',
  'aiohttp.web.Application': 'aiohttp',
  'sanic.Sanic': 'sanic',
  'falcon.API': 'falcon',
  'falcon.App': 'falcon',
  'tornado.web.Application': 'tornado',
};
/** Frameworks whose app is often created inside a function (`def make_app(): return Application([...])`). */
const APP_IN_FUNCTION = new Set<Framework>(['aiohttp', 'sanic', 'falcon', 'tornado']);

/** Methods of a Ray Serve deployment that Ray calls, not a client: `reconfigure(user_config)`, `check_health()`. */
const RAY_SERVE_HOOKS = new Set(['reconfigure', 'check_health']);

/**
 * A Ray Serve deployment method whose argument is typed as data (`texts: list[str]`,
 * `batch: list[dict[str, torch.Tensor]]`) is a stage of a composed graph, called by another
 * deployment through its handle (`await self.pre.remote(texts)`); only the ingress receives the
 * HTTP request (`request: Request`, or untyped). Its failures reach the ingress, which answers.
 */
function composedStage(fn: Node): boolean {
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const first = params.find((p) => !!p && p.type !== 'comment' && !/^(self|cls)\b/.test(p.text));
  if (first?.type !== 'typed_parameter' && first?.type !== 'typed_default_parameter') return false;
  const annotation = first.childForFieldName('type')?.text ?? '';
  return annotation !== '' && !/Request|Http|Any\b|\bobject\b/.test(annotation);
}

/**
 * aiohttp's route registrations: `add_post('/x', handle)`, `add_route('POST', '/x', handle)`,
 * `web.post('/x', handle)`, `web.route('*', '/x', handle)`. Groups: the verb, the method of a
 * `route`, the quote, the path, the function's name.
 */
const REGISTERED_ROUTE = /\b(?:add_|web\.)(get|post|put|patch|delete|head|route)\s*\(\s*(?:['"](\*|\w+)['"]\s*,\s*)?[rRuU]?(['"])([^'"\n]*)\3\s*,\s*([A-Za-z_]\w*)\s*[,)]/g;
/** Sanic's `app.add_route(handle, '/x', methods=[...])`: the function's name, the quote, the path. */
const SANIC_ADD_ROUTE = /\badd_route\s*\(\s*([A-Za-z_]\w*)\s*,\s*[rRuU]?(['"])([^'"\n]*)\2/g;

const TRAINING_MODULES = ['sklearn', 'torch', 'tensorflow', 'keras', 'xgboost', 'lightgbm', 'catboost', 'transformers', 'pytorch_lightning', 'lightning', 'surprise'];

interface CallIndex {
  readonly byName: Map<string, number[]>;
  readonly byLast: Map<string, number[]>;
  byId?: Map<number, CallInfo>;
  /** The distinct resolved names, with their calls and their pattern verdicts (see `verdictsOf`), built on first use. */
  distinct?: { readonly names: string[]; readonly calls: number[][]; readonly verdicts: (boolean | undefined)[][] };
  /** `callsNamed`'s answers by the list of names asked (a rule's `callees`, asked up to three times per re-lint). */
  named?: Map<readonly (string | RegExp)[], CallInfo[]>;
}

interface HandlerSpan {
  readonly handler: HandlerInfo;
  readonly start: number;
  readonly end: number;
}

/** A name bound to a call's result by an assignment (`model = joblib.load(...)`). */
interface Binding {
  readonly name: string;
  /** The call's index in the file's calls. */
  readonly call: number;
  /** At module level (then it is an instance). */
  readonly module: boolean;
  /** The assignment's start index. */
  readonly at: number;
}

interface CallLayer {
  readonly calls: CallInfo[];
  readonly instances: Map<string, string>;
  readonly boundCalls: Map<string, string>;
  /** Each call's innermost enclosing function, as its index in `functions` (-1: none). */
  readonly functionIndex: number[];
  readonly bindings: Binding[];
  /** HTTP clients a function makes for itself (`client = httpx.Client()`), per function index: name -> constructor. */
  locals?: Map<number, Map<string, string>>;
}

/**
 * What a re-lint keeps of the call layer of the lint before it (`PythonModel.callState`): per
 * call its resolved name and enclosing function's index, the bindings, and the imports and
 * instances those were resolved with. No node: the tree it came from is gone by then.
 */
export interface CallLayerState {
  readonly imports: ReadonlyMap<string, string>;
  readonly instances: ReadonlyMap<string, string>;
  readonly callees: readonly (string | undefined)[];
  readonly functionIndex: readonly number[];
  readonly bindings: readonly Binding[];
  readonly functionCount: number;
  /** Calls were resolved through a function's own HTTP client (`localHttpClients`): a re-lint resolves afresh. */
  readonly localClients?: boolean;
}

/** An edit's region of whole top-level statements: `[startIndex, endIndex)` in the new text, `[startIndex, oldEndIndex)` in the old. */
export interface EditedSpan {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly oldEndIndex: number;
}

/**
 * The facts are computed lazily, in three layers, each on first use: imports; then calls with
 * their resolved names, module-level instances and bound names; then the framework, the request
 * handlers and the file's role. A rule that needs only imports never pays for call resolution.
 * The node lists come from the engine's single query run (see `PYTHON_COLLECTED`); the text is
 * the engine's own, index-aligned with the tree, never read back out of WASM.
 */
export class PythonModel {
  /** The file's text, index-aligned with the tree, for cheap scans (see scan.ts). */
  readonly source: string;
  private readonly nodes: PythonNodes;
  private importMap: Map<string, string> | undefined;
  private relativeMap: Map<string, string> | undefined;
  private callLayer: CallLayer | undefined;
  /** The call layer of the lint before an edit, to build this one from (see `reuseCallsFrom`). */
  private callSeed: { readonly previous: CallLayerState; readonly region: EditedSpan } | undefined;
  private servingLayer: { framework: Framework | undefined; handlers: HandlerInfo[]; role: PythonRole; ids: Map<number, HandlerSpan>; spans: HandlerSpan[] } | undefined;
  private guard: { node: Node | undefined } | undefined;
  private index: CallIndex | undefined;
  private lines: LineIndex | undefined;
  private lastLine: number | undefined;
  private uncommented: string | undefined;
  private lineTests: Map<RegExp, boolean> | undefined;
  private testModule: boolean | undefined;
  private modules: { readonly imports: Map<string, string>; readonly names: Set<string> } | undefined;

  /**
   * `source` is the text the tree was parsed from and `nodes` the collected node lists; both
   * are optional for tests and tools, which then pay for reading them from the tree.
   */
  constructor(
    readonly tree: Tree,
    readonly path: string,
    source?: string,
    nodes?: PythonNodes,
  ) {
    this.source = source ?? sourceOf(tree);
    this.nodes = nodes ?? collectNodes(tree);
  }

  /**
   * The source with every `#` comment cut out (a TODO naming a guard is not the guard), built once
   * per file for the rules that scan the whole text; not index-aligned with the tree.
   */
  get uncommentedSource(): string {
    this.uncommented ??= this.source.replace(/#[^\n]*/g, '');
    return this.uncommented;
  }

  /**
   * Where `perStatement` keeps its values; a re-lint's engine gives it the lint before's, to take
   * over the values of the statements its edit left alone (incremental.ts).
   */
  statementMemo: StatementMemo | undefined;
  private topLevel: Node[] | undefined;

  /** The module's top-level statements (and comments), in document order. */
  get statements(): readonly Node[] {
    this.topLevel ??= this.tree.rootNode.children.filter((child) => child !== null);
    return this.topLevel;
  }

  /**
   * What a re-lint already read of this tree and the lint before: its top-level statements (the
   * engine's `Relocator` lists them, and the root's children cross into WASM one by one) and the
   * line starts of the text, found from the lint before's outside the edited region (`LineIndex.edited`).
   */
  seed(statements: Node[], lines: LineIndex | undefined): void {
    this.topLevel ??= statements;
    this.lines ??= lines;
  }

  /** The line starts, when a range was asked for (for the next re-lint's `seed`). */
  get lineIndex(): LineIndex | undefined {
    return this.lines;
  }

  /**
   * `compute` of each top-level statement (`statements`, index-aligned), once per file and key.
   * After an edit, a statement the edit left alone keeps the value of the lint before, so
   * `compute` must read its statement alone and give positions relative to the statement's start
   * (`StatementMemo`): a whole-file scan split this way re-reads only what was edited.
   */
  perStatement<T>(key: string, compute: (statement: Node) => T): readonly T[] {
    this.statementMemo ??= new StatementMemo();
    return this.statementMemo.values(key, this.statements, compute);
  }

  /**
   * `pattern.test(this.source)` for a pattern that matches within one line: it matches no line
   * break (`[ \t]`, `[^\n]` rather than `\s`, `[^x]`), needs a character other than blanks, and
   * uses `^` and `$` only with the `m` flag (and neither `g` nor `y`). Such a match lies in the lines of one top-level
   * statement (every line with text belongs to one), so the test is the OR of the test on each
   * statement's lines, kept across re-lints by `perStatement`: after an edit only the edited
   * statements' lines are tested again, not the whole text. Without a kept value (a full lint),
   * one test of the whole text answers for every statement when it finds nothing, as it usually
   * does for the hint patterns this serves. Once per file and pattern.
   */
  linesMatch(pattern: RegExp): boolean {
    let known = this.lineTests?.get(pattern);
    if (known !== undefined) return known;
    const key = `lines ${pattern.flags} ${pattern.source}`;
    this.statementMemo ??= new StatementMemo();
    const source = this.source;
    const anywhere = this.statementMemo.keeps(key) || pattern.test(source);
    known = this.perStatement(key, (statement) => anywhere && pattern.test(linesOf(source, statement.startIndex, statement.endIndex))).includes(true);
    (this.lineTests ??= new Map()).set(pattern, known);
    return known;
  }

  /**
   * A place inside one top-level statement for a `perStatement` value: `[row, column, endRow,
   * endColumn]` with rows counted from the statement's first row, so it stays right when an edit
   * above moves the statement.
   */
  static spanIn(statement: Node, node: Node): StatementSpan {
    const row = statement.startPosition.row;
    return [node.startPosition.row - row, node.startPosition.column, node.endPosition.row - row, node.endPosition.column];
  }

  /** The file range of a `spanIn` value kept for the `index`-th top-level statement. */
  rangeOfSpan(index: number, [row, column, endRow, endColumn]: StatementSpan): Range {
    const first = this.statements[index].startPosition.row;
    return { start: { line: first + row, column }, end: { line: first + endRow, column: endColumn } };
  }

  /** The whole file's model: itself, and from a `statementView` (incremental.ts) the model the view narrows. */
  get whole(): PythonModel {
    return this;
  }

  /**
   * `this.source.matchAll(pattern)` (a global pattern), for a scan whose findings lie where its
   * matches start. On the whole file's model that is every match; on a re-lint's `statementView`
   * or `handlerView` (incremental.ts) only the matches inside the edited region, the only place
   * whose findings that run keeps: a scan of the whole text there was most of a local rule's cost.
   */
  textMatches(pattern: RegExp): IterableIterator<RegExpExecArray> {
    return this.source.matchAll(pattern);
  }

  /** The collected nodes of one kind (`PYTHON_COLLECTED`), in document order. */
  nodesOf(kind: PythonNodeKind): readonly Node[] {
    return this.nodes[kind];
  }

  get lineCount(): number {
    this.lastLine ??= this.tree.rootNode.endPosition.row;
    return this.lastLine + 1;
  }

  get functions(): Node[] {
    return this.nodes.function_definition;
  }
  get classes(): Node[] {
    return this.nodes.class_definition;
  }
  get decorated(): Node[] {
    return this.nodes.decorated_definition;
  }
  get excepts(): Node[] {
    return this.nodes.except_clause;
  }
  get assignments(): Node[] {
    return this.nodes.assignment;
  }
  /** Dictionary `key: value` pairs anywhere in the file (for secrets in config dicts). */
  get pairs(): Node[] {
    return this.nodes.pair;
  }
  /** Keyword arguments of every call (`timeout=5`); names are read with `keywordNameAt`. */
  get keywordArguments(): Node[] {
    return this.nodes.keyword_argument;
  }

  /** Local name -> dotted import target (`np` -> `numpy`, `request` -> `flask.request`). */
  get imports(): Map<string, string> {
    if (!this.importMap) {
      this.importMap = new Map();
      // In document order across both kinds: a later import of the same name wins.
      const plain = this.nodes.import_statement;
      const from = this.nodes.import_from_statement;
      for (let i = 0, j = 0; i < plain.length || j < from.length;) {
        const takePlain = j >= from.length || (i < plain.length && plain[i].startIndex < from[j].startIndex);
        const node = takePlain ? plain[i++] : from[j++];
        const read = importsAt(this.source, node.startIndex);
        if (!read) addImport(this.importMap, node);
        else for (const [name, target] of read) this.importMap.set(name, target);
      }
      // `from six.moves import urllib` is the standard library's urllib under Python 3.
      if (this.source.includes('six.moves')) for (const [name, target] of this.importMap) if (SIX_MOVES.test(target)) this.importMap.set(name, target.replace(SIX_MOVES, '$1'));
    }
    return this.importMap;
  }

  /**
   * Local name -> relative import target (`get_logger` -> `.logging_config.get_logger`): the names
   * `imports` leaves out because no module path resolves them within one file.
   */
  get relativeImports(): Map<string, string> {
    if (!this.relativeMap) {
      this.relativeMap = new Map();
      for (const node of this.nodes.import_from_statement) for (const [name, target] of relativeImportsAt(this.source, node.startIndex) ?? []) this.relativeMap.set(name, target);
    }
    return this.relativeMap;
  }

  /** Every call with its resolved dotted name and innermost enclosing function, in document order. */
  get calls(): CallInfo[] {
    return this.resolveCalls().calls;
  }
  /**
   * The calls of the whole file grouped by the innermost function they are in (by its node id),
   * built once. Through a re-lint's region view it still answers for the whole file.
   */
  callsByFunction(): ReadonlyMap<number, readonly CallInfo[]> {
    if (!this.byFunction) {
      this.byFunction = new Map();
      for (const call of this.calls) {
        const fn = call.inFunction;
        if (!fn) continue;
        const list = this.byFunction.get(fn.id);
        if (list) list.push(call);
        else this.byFunction.set(fn.id, [call]);
      }
    }
    return this.byFunction;
  }
  private byFunction: Map<number, CallInfo[]> | undefined;
  /** Module-level names bound to a call result: `app` -> `flask.Flask`. */
  get instances(): Map<string, string> {
    return this.resolveCalls().instances;
  }
  /**
   * Any name (module or function scope) bound to a call result, last binding wins:
   * `scaler` -> `sklearn.preprocessing.StandardScaler`. Coarser than `instances`, good enough
   * for training scripts whose code lives inside `main()`.
   */
  get boundCalls(): Map<string, string> {
    return this.resolveCalls().boundCalls;
  }

  get framework(): Framework | undefined {
    return this.serving().framework;
  }
  get handlers(): HandlerInfo[] {
    return this.serving().handlers;
  }
  get role(): PythonRole {
    return this.serving().role;
  }

  /** The `if __name__ == '__main__':` block, if present at module level. */
  get mainGuard(): Node | undefined {
    this.guard ??= { node: findMainGuard(this.tree, this.source) };
    return this.guard.node;
  }

  private resolveCalls(): CallLayer {
    if (this.callLayer) return this.callLayer;
    const seed = this.callSeed;
    this.callSeed = undefined;
    if (seed) {
      const reused = this.reuseCalls(seed.previous, seed.region);
      if (reused) return reused;
    }
    const imports = this.imports;
    const instances = new Map<string, string>();
    const calls = this.nodes.call;
    const functions = this.functions;
    const bindings = this.bindingsOf(0, calls.length, 0, functions.length, this.assignments, this.classes);
    const layer: CallLayer = { calls: [], instances, boundCalls: new Map(), functionIndex: [], bindings };
    this.callLayer = layer;
    // Module-level instances first (in order), so calls through them resolve: `app.run` -> `flask.Flask.run`.
    for (const bound of bindings) {
      if (!bound.module || imports.has(bound.name)) continue;
      const callee = this.resolveCall(calls[bound.call], this.dottedAt(bound.call));
      if (callee?.includes('.')) instances.set(bound.name, callee);
    }
    if (LOCAL_CLIENT_HINT.test(this.source)) layer.locals = this.localHttpClients();
    this.resolveRange(layer, 0, calls.length, 0, functions.length);
    this.bind(layer);
    return layer;
  }

  /**
   * HTTP clients a function builds for its own calls: `client = httpx.Client()`,
   * `s = requests.Session()`, `with httpx.Client() as client:`, `async with httpx.AsyncClient() as c:`.
   * Calls through them (`client.get(url)`) then resolve as calls on the client (`httpx.Client.get`),
   * as calls through a module-level instance do.
   */
  private localHttpClients(): Map<number, Map<string, string>> {
    const found = new Map<number, Map<string, string>>();
    this.functions.forEach((fn, index) => {
      const text = this.source.slice(fn.startIndex, fn.endIndex);
      if (!LOCAL_CLIENT_HINT.test(text)) return;
      const names = new Map<string, string>();
      for (const m of text.matchAll(LOCAL_CLIENT_BINDING)) {
        const name = m[1] ?? m[4];
        const written = m[2] ?? m[3];
        const dot = written.indexOf('.');
        const head = dot === -1 ? written : written.slice(0, dot);
        const imported = this.imports.get(head);
        const ctor = imported === undefined ? undefined : imported + (dot === -1 ? '' : written.slice(dot));
        if (ctor && HTTP_CLIENT.test(ctor)) names.set(name, ctor);
      }
      if (names.size > 0) found.set(index, names);
    });
    return found;
  }

  /**
   * The bindings of the assignments to the calls in `[from, to)` of `calls`, with the functions
   * in `[fromFunction, toFunction)` and `classes` as the definitions an assignment may lie in.
   */
  private bindingsOf(from: number, to: number, fromFunction: number, toFunction: number, assignments: readonly Node[], classes: readonly Node[]): Binding[] {
    const calls = this.nodes.call;
    const callAt = new Map<number, number>();
    for (let i = from; i < to; i++) if (!callAt.has(calls[i].startIndex)) callAt.set(calls[i].startIndex, i);
    const definitionSpans: (readonly [number, number])[] = [];
    for (let i = fromFunction; i < toFunction; i++) definitionSpans.push([this.functions[i].startIndex, this.functions[i].endIndex]);
    for (const c of classes) definitionSpans.push([c.startIndex, c.endIndex]);
    const insideDefinition = (index: number) => definitionSpans.some(([start, end]) => start < index && index < end);
    const bindings: Binding[] = [];
    for (const assignment of assignments) {
      const at = assignmentAt(this.source, assignment.startIndex);
      const index = at && /^[A-Za-z_]\w*$/.test(at.target) ? callAt.get(at.valueIndex) : undefined;
      if (at && index !== undefined && calls[index].endIndex === assignment.endIndex) {
        bindings.push({ name: at.target, call: index, module: assignment.startPosition.column === 0 && !insideDefinition(assignment.startIndex), at: assignment.startIndex });
      }
    }
    return bindings;
  }

  /** Resolves the calls in `[from, to)`, whose enclosing functions are among those in `[fromFunction, toFunction)`, into `layer`. */
  private resolveRange(layer: CallLayer, from: number, to: number, fromFunction: number, toFunction: number): void {
    const calls = this.nodes.call;
    const functions = this.functions;
    const functionEnds: number[] = [];
    for (let i = fromFunction; i < toFunction; i++) functionEnds[i] = functions[i].endIndex;
    // The innermost enclosing function of each call, by a sweep over start/end indices.
    const open: number[] = [];
    let nextFunction = fromFunction;
    const popEnded = (index: number) => {
      while (open.length > 0 && functionEnds[open[open.length - 1]] <= index) open.pop();
    };
    for (let i = from; i < to; i++) {
      const node = calls[i];
      while (nextFunction < toFunction && functions[nextFunction].startIndex <= node.startIndex) {
        popEnded(functions[nextFunction].startIndex);
        open.push(nextFunction++);
      }
      popEnded(node.startIndex);
      const inner = open.length > 0 ? open[open.length - 1] : -1;
      const dotted = this.dottedAt(i);
      let callee = this.resolveCall(node, dotted);
      const local = inner === -1 || dotted === undefined ? undefined : layer.locals?.get(inner);
      if (local && dotted !== undefined) {
        const dot = dotted.indexOf('.');
        const ctor = dot === -1 ? undefined : local.get(dotted.slice(0, dot));
        if (ctor && !this.imports.has(dotted.slice(0, dot))) callee = ctor + dotted.slice(dot);
      }
      layer.calls.push({ node, callee, inFunction: inner === -1 ? undefined : functions[inner] });
      layer.functionIndex.push(inner);
    }
  }

  /**
   * The dotted callee text of the call at index `i`, read from the source; undefined for a chained
   * call such as `Flask(__name__).run()`, which shares its start with the inner call and goes
   * through the tree.
   */
  private dottedAt(i: number): string | undefined {
    const calls = this.nodes.call;
    return calls[i + 1]?.startIndex === calls[i].startIndex ? undefined : dottedCallee(this.source, calls[i].startIndex);
  }

  /** `boundCalls` from the bindings, last binding wins. */
  private bind(layer: CallLayer): void {
    for (const bound of layer.bindings) {
      const callee = layer.calls[bound.call].callee;
      if (callee) layer.boundCalls.set(bound.name, callee);
    }
  }

  /**
   * After an edit inside function bodies (a re-lint, incremental.ts), the call layer of the lint
   * before it outside the region, and the region's calls resolved afresh: a call's resolved name
   * depends on its own text, the imports and the instances, and its enclosing function lies in its
   * own top-level statement. So while the imports are the same and neither version of the region
   * binds a module-level name (the instances are then the same), the kept calls resolve as before.
   * Undefined otherwise (the layer is then built in full).
   */
  private reuseCalls(previous: CallLayerState, region: EditedSpan): CallLayer | undefined {
    const imports = this.imports;
    if (imports.size !== previous.imports.size) return undefined;
    for (const [name, target] of imports) if (previous.imports.get(name) !== target) return undefined;
    // A function's own HTTP clients resolve calls outside the edited region too: resolve afresh.
    if (previous.localClients || LOCAL_CLIENT_HINT.test(this.source)) return undefined;
    if (previous.bindings.some((bound) => bound.module && bound.at >= region.startIndex && bound.at < region.oldEndIndex)) return undefined;
    const calls = this.nodes.call;
    const functions = this.functions;
    const [callsBefore, callsAfter] = spanOf(calls, region);
    const [functionsBefore, functionsAfter] = spanOf(functions, region);
    const callShift = callsAfter - (previous.callees.length - (calls.length - callsAfter));
    const functionShift = functionsAfter - (previous.functionCount - (functions.length - functionsAfter));
    if (callsBefore > callsAfter - callShift || functionsBefore > functionsAfter - functionShift) return undefined;
    const [assignmentsBefore, assignmentsAfter] = spanOf(this.assignments, region);
    const classes = this.classes.filter((c) => c.startIndex >= region.startIndex && c.startIndex < region.endIndex);
    const fresh = this.bindingsOf(callsBefore, callsAfter, functionsBefore, functionsAfter, this.assignments.slice(assignmentsBefore, assignmentsAfter), classes);
    if (fresh.some((bound) => bound.module)) return undefined;
    const delta = region.endIndex - region.oldEndIndex;
    const bindings: Binding[] = [];
    for (const bound of previous.bindings) if (bound.at < region.startIndex) bindings.push(bound);
    bindings.push(...fresh);
    for (const bound of previous.bindings) if (bound.at >= region.oldEndIndex) bindings.push({ ...bound, call: bound.call + callShift, at: bound.at + delta });
    const layer: CallLayer = { calls: [], instances: new Map(previous.instances), boundCalls: new Map(), functionIndex: [], bindings };
    this.callLayer = layer;
    const keep = (i: number, old: number, shift: number) => {
      const index = previous.functionIndex[old];
      const inner = index === -1 ? -1 : index + shift;
      layer.calls.push({ node: calls[i], callee: previous.callees[old], inFunction: inner === -1 ? undefined : functions[inner] });
      layer.functionIndex.push(inner);
    };
    for (let i = 0; i < callsBefore; i++) keep(i, i, 0);
    this.resolveRange(layer, callsBefore, callsAfter, functionsBefore, functionsAfter);
    for (let i = callsAfter; i < calls.length; i++) keep(i, i - callShift, functionShift);
    this.bind(layer);
    return layer;
  }

  /** Build the call layer from the lint before an edit, if it can be (`reuseCalls`); the node lists are the re-lint's (incremental.ts). */
  reuseCallsFrom(previous: CallLayerState, region: EditedSpan): void {
    if (!this.callLayer) this.callSeed = { previous, region };
  }

  /** The call layer for the next re-lint to build on; undefined when it was not built. */
  callState(): CallLayerState | undefined {
    const layer = this.callLayer;
    if (!layer) return undefined;
    const callees = layer.calls.map((call) => call.callee);
    return {
      imports: this.imports,
      instances: layer.instances,
      callees,
      functionIndex: layer.functionIndex,
      bindings: layer.bindings,
      functionCount: this.functions.length,
      ...(layer.locals && layer.locals.size > 0 && { localClients: true }),
    };
  }

  /**
   * Is this a pytest or unittest module (test-code.ts)? Its name is tested first, so any other file
   * pays one path test; only a test-like name costs a test of the whole text (the same answer in
   * every view of the file after an edit).
   */
  get isTest(): boolean {
    this.testModule ??= isTestFileName(this.path) && TEST_CODE.test(this.source);
    return this.testModule;
  }

  private serving(): NonNullable<PythonModel['servingLayer']> {
    if (this.servingLayer) return this.servingLayer;
    const framework = this.detectFramework();
    // A test's app (built in a fixture, a stub of another service) is scaffolding: no handlers to review.
    const handlers = framework && !this.isTest ? this.findHandlers(framework) : [];
    const ids = new Map<number, HandlerSpan>();
    const spans: HandlerSpan[] = [];
    for (const handler of handlers) {
      const span = { handler, start: handler.node.startIndex, end: handler.node.endIndex };
      ids.set(handler.node.id, span);
      spans.push(span);
    }
    this.servingLayer = { framework, handlers, role: this.detectRole(handlers, framework), ids, spans };
    return this.servingLayer;
  }

  /** A range from string indices, for findings that come from text scans. */
  rangeOf(start: number, end: number): Range {
    this.lines ??= new LineIndex(this.source);
    return this.lines.range(start, end);
  }

  /** Does the file import this module or one of its submodules? */
  importsModule(module: string): boolean {
    // Each imported target and its dotted prefixes, once per import map: the framework and role
    // checks ask this a dozen times per file, each a scan of every import.
    const imports = this.imports;
    if (this.modules?.imports !== imports) {
      const names = new Set<string>();
      for (const target of imports.values()) {
        names.add(target);
        for (let dot = target.indexOf('.'); dot !== -1; dot = target.indexOf('.', dot + 1)) names.add(target.slice(0, dot));
      }
      this.modules = { imports, names };
    }
    return this.modules.names.has(module);
  }

  /** The resolved callee of a call, from its dotted text when known, else through the tree. */
  private resolveCall(call: Node | undefined, dotted: string | undefined): string | undefined {
    if (dotted === undefined) return this.resolve(call?.childForFieldName('function'));
    const dot = dotted.indexOf('.');
    const head = dot === -1 ? dotted : dotted.slice(0, dot);
    const imported = this.imports.get(head);
    const instance = imported === undefined ? this.instances.get(head) : undefined;
    // Calling an instance is not calling its factory again: `model(x)` after
    // `model = torch.load(...)` runs the model, it does not load one.
    if (dot === -1 && instance !== undefined) return `${instance}.__call__`;
    const base = imported ?? instance ?? head;
    return dot === -1 ? base : base + dotted.slice(dot);
  }

  /** Resolve an identifier or attribute chain to a dotted name; undefined for anything else. */
  resolve(node: Node | null | undefined): string | undefined {
    if (!node) return undefined;
    if (node.type === 'identifier') {
      return this.imports.get(node.text) ?? this.instances.get(node.text) ?? node.text;
    }
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      if (!object || !attribute) return undefined;
      // `Flask(__name__).run` and `requests.Session().get` resolve through the call's callee.
      const base = object.type === 'call' ? this.resolve(object.childForFieldName('function')) : this.resolve(object);
      return base === undefined ? undefined : `${base}.${attribute.text}`;
    }
    return undefined;
  }

  /**
   * The calls that start strictly between two indices (a handler's body), in document order:
   * found by binary search, since a rule asking this per handler over every call of the file
   * showed up in the re-lint profile.
   */
  callsWithin(start: number, end: number): CallInfo[] {
    const calls = this.calls;
    let low = 0;
    let high = calls.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (calls[middle].node.startIndex <= start) low = middle + 1;
      else high = middle;
    }
    let last = low;
    while (last < calls.length && calls[last].node.startIndex < end) last++;
    return calls.slice(low, last);
  }

  /** Calls whose resolved name matches one of `names` exactly, or ends with `.name` when the name starts with a dot. */
  callsTo(...names: string[]): CallInfo[] {
    return this.callsNamed(names);
  }

  /**
   * `callsTo` through an index by resolved name and by last segment, built once per file:
   * a rule's `callees` are looked up rather than tested against every call. A regular
   * expression is tested against every resolved name (about 0.05 ms on 700 calls).
   */
  callsNamed(names: readonly (string | RegExp)[]): CallInfo[] {
    const index = this.callIndex();
    const known = index.named?.get(names);
    if (known) return known;
    const calls = this.findCallsNamed(index, names);
    // A stateful pattern may answer differently when asked again, as it always could.
    if (!names.some((name) => name instanceof RegExp && (name.global || name.sticky))) (index.named ??= new Map()).set(names, calls);
    return calls;
  }

  private findCallsNamed(index: CallIndex, names: readonly (string | RegExp)[]): CallInfo[] {
    // Made at the first hit: most rules find nothing in most files, and this runs for every rule.
    let found: Set<number> | undefined;
    for (const name of names) {
      if (name instanceof RegExp) {
        if (name.global || name.sticky) {
          // A stateful pattern is tested call by call, as it always was.
          const calls = this.calls;
          for (let i = 0; i < calls.length; i++) {
            const callee = calls[i].callee;
            if (callee !== undefined && name.test(callee)) (found ??= new Set()).add(i);
          }
        } else {
          // Once per distinct name, not per call: a file calls the same few names many times; and
          // a name's verdict is kept across files (`verdictsOf`).
          const distinct = (index.distinct ??= distinctNames(index.byName));
          const id = patternId(name);
          for (let j = 0; j < distinct.names.length; j++) {
            const verdicts = distinct.verdicts[j];
            let verdict = verdicts[id];
            if (verdict === undefined) verdicts[id] = verdict = name.test(distinct.names[j]);
            if (verdict) for (const i of distinct.calls[j]) (found ??= new Set()).add(i);
          }
        }
      } else if (!name.startsWith('.')) {
        const hits = index.byName.get(name);
        if (hits) for (const i of hits) (found ??= new Set()).add(i);
      } else {
        const hits = index.byLast.get(name.slice(name.lastIndexOf('.') + 1));
        if (hits) for (const i of hits) if (matchesName(this.calls[i].callee!, name)) (found ??= new Set()).add(i);
      }
    }
    if (found === undefined) return [];
    return [...found].sort((a, b) => a - b).map((i) => this.calls[i]);
  }

  /** The call information of a call node (say, one captured by a query). */
  callOf(node: Node): CallInfo | undefined {
    const index = this.callIndex();
    index.byId ??= new Map(this.calls.map((call) => [call.node.id, call]));
    return index.byId.get(node.id);
  }

  private callIndex(): CallIndex {
    if (this.index) return this.index;
    const byName = new Map<string, number[]>();
    const byLast = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, i: number) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    this.calls.forEach((call, i) => {
      if (call.callee === undefined) return;
      add(byName, call.callee, i);
      add(byLast, call.callee.slice(call.callee.lastIndexOf('.') + 1), i);
    });
    return (this.index = { byName, byLast });
  }

  /** Is this function definition a request handler? */
  isHandler(fn: Node | undefined): boolean {
    return fn !== undefined && this.serving().ids.has(fn.id);
  }

  /** Is the node inside the module-level `if __name__ == '__main__':` block? */
  inMainGuard(node: Node): boolean {
    const guard = this.mainGuard;
    return guard !== undefined && node.startIndex >= guard.startIndex && node.endIndex <= guard.endIndex;
  }

  /** The handler that contains this node, looking through nested functions. */
  enclosingHandler(node: Node): HandlerInfo | undefined {
    let best: { handler: HandlerInfo; start: number } | undefined;
    const index = node.startIndex;
    for (const span of this.serving().spans) {
      if (span.start <= index && index < span.end && (!best || span.start > best.start)) best = span;
    }
    return best?.handler;
  }

  /** End index of a handler's definition (cached: reading it crosses into WASM). */
  handlerEnd(handler: HandlerInfo): number {
    return this.serving().ids.get(handler.node.id)?.end ?? handler.node.endIndex;
  }

  /** The handler whose definition is exactly this function node. */
  handlerOf(fn: Node | undefined): HandlerInfo | undefined {
    return fn ? this.serving().ids.get(fn.id)?.handler : undefined;
  }

  handlerFor(node: Node): HandlerInfo | undefined {
    const fn = node.type === 'function_definition' ? node : enclosingFunction(node);
    return fn ? this.handlers.find((h) => h.node.id === fn.id) : undefined;
  }

  summary(): FileSummary {
    const loadsModel = this.calls.some((c) => c.callee !== undefined && /(^|\.)(load|load_model|from_pretrained|read_pickle|InferenceSession)$/.test(c.callee));
    return {
      language: 'python',
      role: this.role,
      framework: this.framework,
      handlers: this.handlers.map((h) => ({ name: h.name, route: h.route, line: h.node.startPosition.row })),
      loadsModel,
      lineCount: this.lineCount,
    };
  }

  private detectFramework(): Framework | undefined {
    for (const callee of this.instances.values()) {
      if (Object.hasOwn(APP_FACTORIES, callee)) return APP_FACTORIES[callee];
    }
    if (this.importsModule('fastapi')) return 'fastapi';
    if (this.importsModule('flask')) return 'flask';
    if (this.importsModule('bentoml')) return 'bentoml';
    if (this.importsModule('ray.serve') || this.imports.get('serve') === 'ray.serve') return 'ray-serve';
    if (this.importsModule('grpc') && this.classes.some((c) => servicerBase(c))) return 'grpc';
    if (this.importsModule('django')) return 'django';
    // The other web frameworks learners serve models with; checked last, so that an aiohttp
    // client inside a FastAPI or Flask app leaves the app's framework alone.
    if (this.importsModule('aiohttp.web') || (this.importsModule('aiohttp') && this.source.includes('aiohttp.web'))) return 'aiohttp';
    if (this.importsModule('sanic')) return 'sanic';
    if (this.importsModule('falcon')) return 'falcon';
    if (this.importsModule('tornado.web')) return 'tornado';
    return frameworkHint(this);
  }

  private findHandlers(framework: Framework): HandlerInfo[] {
    const handlers: HandlerInfo[] = [];
    for (const decorated of this.decorated) {
      const definition = decorated.childForFieldName('definition');
      if (definition?.type !== 'function_definition') continue;
      // Comment lines between the decorators and the def (a TODO scaffold) are not route arguments.
      const info = this.routeOf(this.source.slice(decorated.startIndex, definition.startIndex).replace(/^[ \t]*#[^\n]*/gm, ''), framework);
      if (!info) continue;
      DEF_NAME.lastIndex = definition.startIndex;
      const name = DEF_NAME.exec(this.source)?.[2] ?? '?';
      handlers.push({ node: definition, name, isAsync: this.source.startsWith('async', definition.startIndex), framework, ...info });
    }
    for (const cls of this.classes) {
      const isServicer = framework === 'grpc' && servicerBase(cls);
      const isDeployment = framework === 'ray-serve' && decoratorsOf(cls).some((d) => /(^|\.)deployment\b/.test(d.text));
      const isBentoService = framework === 'bentoml' && decoratorsOf(cls).some((d) => /bentoml\.service\b/.test(d.text));
      if (!isServicer && !isDeployment && !isBentoService) continue;
      for (const method of cls.childForFieldName('body')?.namedChildren ?? []) {
        const fn = method?.type === 'decorated_definition' ? method.childForFieldName('definition') : method;
        if (fn?.type !== 'function_definition') continue;
        const name = fn.childForFieldName('name')?.text ?? '?';
        if (name.startsWith('_') && name !== '__call__') continue;
        // Ray Serve calls these itself (a new user_config, its periodic health probe), not a client.
        if (isDeployment && RAY_SERVE_HOOKS.has(name)) continue;
        if (isDeployment && composedStage(fn)) continue;
        if (isBentoService && !decoratorsOf(fn).some((d) => /\.api\b/.test(d.text))) continue;
        if (!handlers.some((h) => h.node.id === fn.id)) handlers.push({ node: fn, name, isAsync: isAsync(fn), framework });
      }
    }
    if (framework === 'django') {
      const isViews = /(^|[\\/])views\.py$/.test(this.path);
      for (const fn of this.functions) {
        const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
        const first = params[0]?.text.split(':')[0].trim();
        if (fn.parent?.type !== 'module' && fn.parent?.parent?.type !== 'module') continue;
        if ((first === 'request' || readAsRequest(this.source, fn, first)) && (isViews || decoratorsOf(fn).length > 0)) {
          handlers.push({ node: fn, name: fn.childForFieldName('name')?.text ?? '?', isAsync: isAsync(fn), framework });
        }
      }
    }
    if (framework === 'aiohttp' || framework === 'sanic') handlers.push(...this.registeredRoutes(framework, handlers));
    // Methods of view, resource and servicer classes (handlers.ts).
    handlers.push(...classHandlers(this, framework, handlers));
    return handlers;
  }

  /**
   * Functions an aiohttp or Sanic app registers by a call instead of a decorator:
   * `app.router.add_post('/predict', handle)`, `app.router.add_route('POST', '/x', handle)`,
   * `web.post('/predict', handle)` in `app.add_routes([...])`, Sanic's `app.add_route(handle, '/x')`.
   */
  private registeredRoutes(framework: Framework, known: readonly HandlerInfo[]): HandlerInfo[] {
    const registered = new Map<string, { route: string; method?: string }>();
    if (/\b(?:add_|web\.)(?:get|post|put|patch|delete|head|route)\s*\(/.test(this.source))
      for (const m of this.source.matchAll(REGISTERED_ROUTE)) {
        const method = m[1] === 'route' ? m[2] : m[1];
        registered.set(m[5], { route: m[4], ...(method && method !== '*' ? { method: method.toUpperCase() } : {}) });
      }
    if (framework === 'sanic' && this.source.includes('add_route')) for (const m of this.source.matchAll(SANIC_ADD_ROUTE)) registered.set(m[1], { route: m[3] });
    const found: HandlerInfo[] = [];
    for (const fn of this.functions) {
      const name = fn.childForFieldName('name')?.text;
      const entry = name === undefined ? undefined : registered.get(name);
      if (!entry || known.some((h) => h.node.id === fn.id) || found.some((h) => h.node.id === fn.id)) continue;
      const owner = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
      if (owner?.type !== 'module') continue;
      found.push({ node: fn, name: name!, route: entry.route, isAsync: isAsync(fn), framework, ...(entry.method ? { methods: [entry.method] } : {}) });
    }
    return found;
  }

  /**
   * The path a route decorator's first argument names: a string literal (`"/predict"`, `path="/"`),
   * or a module-level name holding one, directly or as the default of an environment lookup
   * (`HEALTH = os.getenv("AIP_HEALTH_ROUTE", "/health")`, as Vertex AI custom containers do).
   */
  private routeArgument(text: string): string | undefined {
    const literal = /^\s*(?:path\s*=\s*)?[rRuU]?(['"])((?:(?!\1)[^\\\n])*)\1\s*[,)]/.exec(text)?.[2];
    if (literal !== undefined) return literal;
    const name = /^\s*(?:path\s*=\s*)?([A-Za-z_]\w*)\s*[,)]/.exec(text)?.[1];
    if (!name || !this.source.includes(name)) return undefined;
    const assignment = new RegExp(
      `^${name}[ \\t]*(?::[^=\\n]+)?=[ \\t]*(?:os\\.(?:getenv|environ\\.get)\\(\\s*[rRuU]?['"][^'"\\n]*['"]\\s*,\\s*)?[rRuU]?(['"])(\\/[^'"\\n]*)\\1`,
      'm',
    );
    return assignment.exec(this.source)?.[2];
  }

  /** Route facts from the decorator lines' text (`@app.post("/predict")`, `@bp.route("/x", methods=["POST"])`). */
  private routeOf(decorators: string, framework: Framework): { route?: string; methods?: string[] } | undefined {
    const matches = [...decorators.matchAll(DECORATOR)];
    for (let i = 0; i < matches.length; i++) {
      const [whole, dotted, open] = matches[i];
      if (!dotted.includes('.')) continue;
      const attribute = dotted.slice(dotted.lastIndexOf('.') + 1);
      if (framework === 'bentoml' && /(^|\.)api$/.test(this.resolveCall(undefined, dotted) ?? '')) return {};
      if (!ROUTE_DECORATORS.has(attribute)) continue;
      const text = decorators.slice(matches[i].index + whole.length, matches[i + 1]?.index ?? decorators.length);
      const route = open ? this.routeArgument(text) : undefined;
      if (attribute !== 'route' && attribute !== 'api_route') return { route, methods: [attribute.toUpperCase()] };
      const list = /\bmethods\s*=\s*[[(]([^\])]*)[\])]/.exec(text)?.[1];
      const methods = list === undefined ? undefined : [...list.matchAll(/['"](\w+)['"]/g)].map((m) => m[1].toUpperCase());
      return { route, methods };
    }
    return undefined;
  }

  /**
   * Training code whose framework lives in the project's own modules (`model = build_model(...)`
   * from `utils`): a `fit` on a model-like name with data, then an evaluation or a save of the
   * result. Without either, `x.fit(...)` could be anything.
   */
  private trainsThroughHelpers(): boolean {
    // Without the word `fit` in the text no call's attribute is `fit`: most files are ruled out
    // before every call's function and arguments are marshalled out of WASM.
    if (!this.source.includes('fit')) return false;
    const fits = this.calls.some((c) => {
      const fn = c.node.childForFieldName('function');
      const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object')?.text : undefined;
      const positional = c.node.childForFieldName('arguments')?.namedChildren.some((a) => a !== null && a.type !== 'keyword_argument');
      return /^fit(_generator)?$/.test(fn?.childForFieldName('attribute')?.text ?? '') && receiver !== undefined && MODEL_RECEIVER.test(receiver) && positional === true;
    });
    return fits && this.calls.some((c) => /(^|\.)(evaluate|score|save|save_model|dump|log_model)$/.test(c.callee ?? ''));
  }

  private detectRole(handlers: readonly HandlerInfo[], framework: Framework | undefined): PythonRole {
    if (this.isTest) return 'test';
    const createsApp =
      [...this.instances.values()].some((callee) => Object.hasOwn(APP_FACTORIES, callee)) ||
      (framework !== undefined &&
        APP_IN_FUNCTION.has(framework) &&
        this.calls.some((c) => c.callee !== undefined && Object.hasOwn(APP_FACTORIES, c.callee) && APP_FACTORIES[c.callee] === framework));
    if (handlers.length > 0 || createsApp) return 'serving';
    const trains =
      TRAINING_MODULES.some((m) => this.importsModule(m)) &&
      this.calls.some((c) => c.callee !== undefined && /(^|\.)(fit|fit_generator|fit_transform|train|backward|step)$/.test(c.callee));
    if (trains || this.trainsThroughHelpers()) return 'training';
    if (this.mainGuard) return 'script';
    // Marshals every top-level statement out of WASM: asked only when the guard did not answer.
    const hasTopLevelCode = this.tree.rootNode.namedChildren.some((n) => n?.type === 'expression_statement' && n.namedChildren[0]?.type === 'call');
    return hasTopLevelCode ? 'script' : 'library';
  }
}

/**
 * The verdicts of the stateless `callees` patterns on each resolved name, by pattern number, kept
 * across files: the same few hundred names (`print`, `os.path.join`, `requests.get`) recur in
 * every file, and the 33 rules with callees tested each of their patterns against each distinct
 * name of every file again. A file looks each of its names up once; a pattern then costs an
 * array read per name instead of a regular-expression test. Bounded, so odd inputs cannot grow it.
 */
const verdictsByName = new Map<string, (boolean | undefined)[]>();
const patternIds = new WeakMap<RegExp, number>();
let nextPatternId = 0;
const MAX_NAMES = 4096;

function patternId(pattern: RegExp): number {
  let id = patternIds.get(pattern);
  if (id === undefined) patternIds.set(pattern, (id = nextPatternId++));
  return id;
}

function verdictsOf(name: string): (boolean | undefined)[] {
  let verdicts = verdictsByName.get(name);
  if (!verdicts) {
    if (verdictsByName.size >= MAX_NAMES) verdictsByName.clear();
    verdictsByName.set(memoKey(name), (verdicts = []));
  }
  return verdicts;
}

function distinctNames(byName: ReadonlyMap<string, number[]>): NonNullable<CallIndex['distinct']> {
  const names = [...byName.keys()];
  return { names, calls: names.map((name) => byName.get(name)!), verdicts: names.map(verdictsOf) };
}

/** A model-like name: what a training script calls `fit` on when the model comes from its own helpers. */
const MODEL_RECEIVER = /^(self\.)?(model|clf|classifier|regressor|estimator|net|network|pipeline|pipe)(_\w+)?$/i;

/** The module-level `if __name__ == '__main__':`, found by text and confirmed on the tree. */
function findMainGuard(tree: Tree, source: string): Node | undefined {
  const match = /^if[ \t(]+(__name__[ \t]*==[ \t]*['"]__main__['"]|['"]__main__['"][ \t]*==[ \t]*__name__)/m.exec(source);
  if (!match) return undefined;
  const node = tree.rootNode.descendantForIndex(match.index);
  const statement = node?.parent;
  return statement?.type === 'if_statement' && statement.parent?.type === 'module' && isMainGuard(statement) ? statement : undefined;
}

function servicerBase(cls: Node): boolean {
  return (cls.childForFieldName('superclasses')?.namedChildren ?? []).some((b) => b !== null && /Servicer$/.test(b.text));
}

function isMainGuard(node: Node): boolean {
  const condition = node.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
  return /^__name__==['"]__main__['"]$|^['"]__main__['"]==__name__$/.test(condition);
}

/** An import statement read through the tree, for the forms `importsAt` does not read. */
function addImport(imports: Map<string, string>, node: Node): void {
  if (node.type === 'import_statement') {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'dotted_name') imports.set(child.text.split('.')[0], child.text.split('.')[0]);
      else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name && alias) imports.set(alias, name);
      }
    }
    return;
  }
  const module = node.childForFieldName('module_name')?.text;
  if (!module || module.startsWith('.')) return;
  for (const child of node.childrenForFieldName('name')) {
    if (!child) continue;
    if (child.type === 'dotted_name') imports.set(child.text, `${module}.${child.text}`);
    else if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name')?.text;
      const alias = child.childForFieldName('alias')?.text;
      if (name && alias) imports.set(alias, `${module}.${name}`);
    }
  }
  // `from x import *` still tells us the module is in use.
  if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) imports.set(`*${module}`, module);
}

/** For models built without the engine: the node lists from one traversal of the tree. */
function collectNodes(tree: Tree): PythonNodes {
  const nodes = Object.fromEntries(PYTHON_COLLECTED.map((kind) => [kind, [] as Node[]])) as Record<PythonNodeKind, Node[]>;
  for (const node of tree.rootNode.descendantsOfType([...PYTHON_COLLECTED])) nodes[node.type as PythonNodeKind].push(node);
  return nodes;
}

/** `[first index at or after the region's start, first index at or after its end]` of a node list in document order. */
function spanOf(nodes: readonly Node[], region: EditedSpan): [number, number] {
  return [firstStartingAt(nodes, region.startIndex), firstStartingAt(nodes, region.endIndex)];
}

/** The whole lines `[start, end)` lies on, without the last line break (`linesMatch`). */
function linesOf(source: string, start: number, end: number): string {
  const last = end > start && source[end - 1] === '\n' ? end - 1 : end;
  const close = source.indexOf('\n', last);
  return source.slice(source.lastIndexOf('\n', start - 1) + 1, close === -1 ? source.length : close);
}

/**
 * A Django view that names its request otherwise (`def predict(req)`, `def index(r)`): the first
 * parameter is read as a request in the body (`req.POST[...]`, `req.method`, `req.FILES`).
 */
function readAsRequest(source: string, fn: Node, first: string | undefined): boolean {
  if (!first || first === 'self' || first === 'cls' || !/^[A-Za-z_]\w*$/.test(first)) return false;
  return new RegExp(`\\b${first}\\.(POST|GET|FILES|method|body|META|COOKIES|session|user)\\b`).test(source.slice(fn.startIndex, fn.endIndex));
}

/** The HTTP clients a function may build for itself (`localHttpClients`). */
const HTTP_CLIENT = /^(httpx\.(Client|AsyncClient)|requests\.(Session|session|sessions\.Session)|aiohttp\.ClientSession)$/;
/** A cheap test of the text before the scan: one of those constructors' names is written. */
const LOCAL_CLIENT_HINT = /\b(Client|AsyncClient|Session|session|ClientSession)\s*\(/;
/** `name = ctor(...)` at the start of a line, or `with ctor(...) as name` (async too). */
const LOCAL_CLIENT_BINDING =
  /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_][\w.]*)[ \t]*\(|\bwith[ \t]+([A-Za-z_][\w.]*)[ \t]*\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)[ \t]+as[ \t]+([A-Za-z_]\w*)/gm;
