import type { Node, Tree } from 'web-tree-sitter';
import type { FileSummary } from '../types';

/**
 * The facts about one Python file that many rules need, computed in a single walk of the
 * tree per parse: the import/alias map, calls with their resolved dotted names, functions,
 * request handlers, the web framework and the file's role.
 */

export type Framework = 'flask' | 'fastapi' | 'django' | 'grpc' | 'bentoml' | 'ray-serve';
export type PythonRole = 'serving' | 'training' | 'library' | 'script';

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
}

const COLLECTED = new Set([
  'call',
  'function_definition',
  'class_definition',
  'decorated_definition',
  'except_clause',
  'assignment',
  'import_statement',
  'import_from_statement',
  'if_statement',
  'pair',
]);

const ROUTE_DECORATORS = new Set(['route', 'get', 'post', 'put', 'delete', 'patch', 'api_route', 'websocket', 'head', 'options']);

const APP_FACTORIES: Readonly<Record<string, Framework>> = {
  'flask.Flask': 'flask',
  'flask.Blueprint': 'flask',
  'fastapi.FastAPI': 'fastapi',
  'fastapi.APIRouter': 'fastapi',
  'bentoml.Service': 'bentoml',
};

const TRAINING_MODULES = ['sklearn', 'torch', 'tensorflow', 'keras', 'xgboost', 'lightgbm', 'catboost', 'transformers', 'pytorch_lightning', 'lightning'];

export class PythonModel {
  /** Local name -> dotted import target (`np` -> `numpy`, `request` -> `flask.request`). */
  readonly imports = new Map<string, string>();
  /** Module-level names bound to a call result: `app` -> `flask.Flask`. */
  readonly instances = new Map<string, string>();
  readonly calls: CallInfo[] = [];
  readonly functions: Node[] = [];
  readonly classes: Node[] = [];
  readonly decorated: Node[] = [];
  readonly excepts: Node[] = [];
  readonly assignments: Node[] = [];
  readonly handlers: HandlerInfo[] = [];
  /** Dictionary `key: value` pairs anywhere in the file (for secrets in config dicts). */
  readonly pairs: Node[] = [];
  /**
   * Any name (module or function scope) bound to a call result, last binding wins:
   * `scaler` -> `sklearn.preprocessing.StandardScaler`. Coarser than `instances`, good enough
   * for training scripts whose code lives inside `main()`.
   */
  readonly boundCalls = new Map<string, string>();
  private readonly handlerIds = new Set<number>();
  /** The `if __name__ == '__main__':` block, if present at module level. */
  mainGuard: Node | undefined;
  framework: Framework | undefined;
  role: PythonRole = 'library';
  readonly lineCount: number;

  constructor(
    readonly tree: Tree,
    readonly path: string,
  ) {
    this.lineCount = tree.rootNode.endPosition.row + 1;
    const pendingCalls: Node[] = [];
    walk(tree.rootNode, (node) => {
      switch (node.type) {
        case 'call':
          pendingCalls.push(node);
          break;
        case 'function_definition':
          this.functions.push(node);
          break;
        case 'class_definition':
          this.classes.push(node);
          break;
        case 'decorated_definition':
          this.decorated.push(node);
          break;
        case 'except_clause':
          this.excepts.push(node);
          break;
        case 'assignment':
          this.assignments.push(node);
          break;
        case 'import_statement':
        case 'import_from_statement':
          this.addImport(node);
          break;
        case 'if_statement':
          if (node.parent?.type === 'module' && isMainGuard(node)) this.mainGuard = node;
          break;
        case 'pair':
          this.pairs.push(node);
          break;
      }
    });
    for (const assignment of this.assignments) this.addInstance(assignment);
    for (const node of pendingCalls) {
      this.calls.push({ node, callee: this.resolve(node.childForFieldName('function')), inFunction: enclosingFunction(node) });
    }
    for (const assignment of this.assignments) this.addBoundCall(assignment);
    this.framework = this.detectFramework();
    this.findHandlers();
    for (const handler of this.handlers) this.handlerIds.add(handler.node.id);
    this.role = this.detectRole();
  }

  /** Does the file import this module or one of its submodules? */
  importsModule(module: string): boolean {
    for (const target of this.imports.values()) {
      if (target === module || target.startsWith(module + '.')) return true;
    }
    return false;
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

  /** Calls whose resolved name matches one of `names` exactly, or ends with `.name` when the name starts with a dot. */
  callsTo(...names: string[]): CallInfo[] {
    return this.calls.filter((call) => call.callee !== undefined && names.some((name) => matchesName(call.callee!, name)));
  }

  /** Is this function definition a request handler? */
  isHandler(fn: Node | undefined): boolean {
    return fn !== undefined && this.handlerIds.has(fn.id);
  }

  /** Is the node inside the module-level `if __name__ == '__main__':` block? */
  inMainGuard(node: Node): boolean {
    const guard = this.mainGuard;
    return guard !== undefined && node.startIndex >= guard.startIndex && node.endIndex <= guard.endIndex;
  }

  /** The handler that contains this node, looking through nested functions. */
  enclosingHandler(node: Node): HandlerInfo | undefined {
    if (this.handlers.length === 0) return undefined;
    for (let n: Node | null = node; n; n = n.parent) {
      if (n.type === 'function_definition' && this.handlerIds.has(n.id)) return this.handlers.find((h) => h.node.id === n.id);
    }
    return undefined;
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

  private addImport(node: Node): void {
    if (node.type === 'import_statement') {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'dotted_name') this.imports.set(child.text.split('.')[0], child.text.split('.')[0]);
        else if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) this.imports.set(alias, name);
        }
      }
      return;
    }
    const module = node.childForFieldName('module_name')?.text;
    if (!module || module.startsWith('.')) return;
    for (const child of node.childrenForFieldName('name')) {
      if (!child) continue;
      if (child.type === 'dotted_name') this.imports.set(child.text, `${module}.${child.text}`);
      else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name && alias) this.imports.set(alias, `${module}.${name}`);
      }
    }
    // `from x import *` still tells us the module is in use.
    if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) this.imports.set(`*${module}`, module);
  }

  private addInstance(assignment: Node): void {
    if (assignment.parent?.parent?.type !== 'module') return;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') return;
    const callee = this.resolve(right.childForFieldName('function'));
    if (callee && callee.includes('.') && !this.imports.has(left.text)) this.instances.set(left.text, callee);
  }

  private addBoundCall(assignment: Node): void {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') return;
    const callee = this.resolve(right.childForFieldName('function'));
    if (callee) this.boundCalls.set(left.text, callee);
  }

  private detectFramework(): Framework | undefined {
    for (const callee of this.instances.values()) {
      if (APP_FACTORIES[callee]) return APP_FACTORIES[callee];
    }
    if (this.importsModule('fastapi')) return 'fastapi';
    if (this.importsModule('flask')) return 'flask';
    if (this.importsModule('bentoml')) return 'bentoml';
    if (this.importsModule('ray.serve') || this.imports.get('serve') === 'ray.serve') return 'ray-serve';
    if (this.importsModule('grpc') && this.classes.some((c) => servicerBase(c))) return 'grpc';
    if (this.importsModule('django')) return 'django';
    return undefined;
  }

  private findHandlers(): void {
    const framework = this.framework;
    if (!framework) return;
    for (const decorated of this.decorated) {
      const definition = decorated.childForFieldName('definition');
      if (definition?.type !== 'function_definition') continue;
      const info = this.routeOf(decorated, framework);
      if (info) this.handlers.push({ node: definition, name: definition.childForFieldName('name')?.text ?? '?', isAsync: isAsync(definition), framework, ...info });
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
        if (isBentoService && !decoratorsOf(fn).some((d) => /\.api\b/.test(d.text))) continue;
        if (!this.handlers.some((h) => h.node.id === fn.id)) this.handlers.push({ node: fn, name, isAsync: isAsync(fn), framework });
      }
    }
    if (framework === 'django') {
      const isViews = /(^|[\\/])views\.py$/.test(this.path);
      for (const fn of this.functions) {
        const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
        const first = params[0]?.text.split(':')[0].trim();
        if (fn.parent?.type !== 'module' && fn.parent?.parent?.type !== 'module') continue;
        if (first === 'request' && (isViews || decoratorsOf(fn).length > 0)) {
          this.handlers.push({ node: fn, name: fn.childForFieldName('name')?.text ?? '?', isAsync: isAsync(fn), framework });
        }
      }
    }
  }

  private routeOf(decorated: Node, framework: Framework): { route?: string; methods?: string[] } | undefined {
    for (const decorator of decorated.namedChildren) {
      if (decorator?.type !== 'decorator') continue;
      const expression = decorator.namedChildren[0];
      const call = expression?.type === 'call' ? expression : undefined;
      const target = call ? call.childForFieldName('function') : expression;
      if (target?.type !== 'attribute') continue;
      const attribute = target.childForFieldName('attribute')?.text ?? '';
      const dotted = this.resolve(target) ?? '';
      if (framework === 'bentoml' && /(^|\.)api$/.test(dotted)) return {};
      if (!ROUTE_DECORATORS.has(attribute)) continue;
      const args = call?.childForFieldName('arguments');
      const first = args?.namedChildren[0];
      const route = first?.type === 'string' ? stringValue(first) : undefined;
      const methods = attribute === 'route' || attribute === 'api_route' ? keywordStrings(args, 'methods') : [attribute.toUpperCase()];
      return { route, methods };
    }
    return undefined;
  }

  private detectRole(): PythonRole {
    const createsApp = [...this.instances.values()].some((callee) => APP_FACTORIES[callee] !== undefined);
    if (this.handlers.length > 0 || createsApp) return 'serving';
    const trains =
      TRAINING_MODULES.some((m) => this.importsModule(m)) &&
      this.calls.some((c) => c.callee !== undefined && /(^|\.)(fit|fit_transform|train|backward|step)$/.test(c.callee));
    if (trains) return 'training';
    const hasTopLevelCode = this.tree.rootNode.namedChildren.some((n) => n?.type === 'expression_statement' && n.namedChildren[0]?.type === 'call');
    return this.mainGuard || hasTopLevelCode ? 'script' : 'library';
  }
}

/** Depth-first walk that only materialises the node types rules care about. */
function walk(root: Node, visit: (node: Node) => void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      if (COLLECTED.has(cursor.nodeType)) visit(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

export function matchesName(callee: string, name: string): boolean {
  return name.startsWith('.') ? callee.endsWith(name) || callee === name.slice(1) : callee === name;
}

export function enclosingFunction(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}

export function isAsync(fn: Node): boolean {
  return fn.children.some((c) => c?.type === 'async');
}

export function decoratorsOf(definition: Node): Node[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((c): c is Node => c?.type === 'decorator');
}

function servicerBase(cls: Node): boolean {
  return (cls.childForFieldName('superclasses')?.namedChildren ?? []).some((b) => b !== null && /Servicer$/.test(b.text));
}

function isMainGuard(node: Node): boolean {
  const condition = node.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
  return /^__name__==['"]__main__['"]$|^['"]__main__['"]==__name__$/.test(condition);
}

/** The literal value of a plain string node (no f-string interpolation), else undefined. */
export function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return node.namedChildren
    .filter((c) => c?.type === 'string_content')
    .map((c) => c!.text)
    .join('');
}

/** A keyword argument's value node, e.g. `timeout` in `requests.get(url, timeout=5)`. */
export function keywordArgument(call: Node, name: string): Node | undefined {
  const args = call.type === 'call' ? call.childForFieldName('arguments') : call;
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === name) return arg.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** True when the call passes `**kwargs`, so a missing keyword may still be supplied. */
export function hasSplat(call: Node): boolean {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a?.type === 'dictionary_splat');
}

function keywordStrings(args: Node | null | undefined, name: string): string[] | undefined {
  if (!args) return undefined;
  const value = keywordArgument(args, name);
  if (!value || value.type !== 'list') return undefined;
  return value.namedChildren.map((c) => (c ? stringValue(c) ?? '' : '').toUpperCase()).filter(Boolean);
}
