import type { Node } from 'web-tree-sitter';

/**
 * Names a file loads but no scope binds (pyflakes F821), by a small scope walk over the tree.
 * It errs towards silence: a name bound anywhere in a function counts for the whole function, a
 * module name bound anywhere counts everywhere, and a comprehension sees the class body around
 * it. The caller decides whether the file can be judged at all (star imports, `exec`, ...).
 *
 * The walk visits every named node of every file, and each node property it reads crosses into
 * WASM (`type`, `namedChildren`, `endIndex` behind `text`): so names are read from the file's
 * text, leaves are not asked for children, and a string without `{` (no f-string interpolation)
 * is not descended into.
 */
export interface UndefinedUse {
  readonly node: Node;
  readonly name: string;
  /** The innermost function whose body runs the use; undefined at import (module, class body, decorators, defaults). */
  readonly inFunction: Node | undefined;
}

type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

interface Scope {
  readonly kind: ScopeKind;
  readonly parent: Scope | undefined;
  readonly names: Set<string>;
  readonly fn: Node | undefined;
}

interface Load {
  readonly node: Node;
  readonly scope: Scope;
}

const BUILTINS = new Set(
  (
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright credits ' +
    'delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input ' +
    'int isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print property ' +
    'quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ ' +
    '__build_class__ __debug__ NotImplemented Ellipsis None True False ' +
    'BaseException BaseExceptionGroup Exception ExceptionGroup ArithmeticError AssertionError AttributeError BlockingIOError ' +
    'BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError ' +
    'ConnectionResetError DeprecationWarning EncodingWarning EnvironmentError EOFError FileExistsError FileNotFoundError ' +
    'FloatingPointError FutureWarning GeneratorExit ImportError ImportWarning IndentationError IndexError InterruptedError ' +
    'IOError IsADirectoryError KeyboardInterrupt KeyError LookupError MemoryError ModuleNotFoundError NameError ' +
    'NotADirectoryError NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError ' +
    'PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration ' +
    'StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError ' +
    'UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ' +
    'WindowsError ZeroDivisionError ' +
    // Module attributes every module has, names the REPL, gettext or type checkers provide.
    '__file__ __name__ __doc__ __builtins__ __spec__ __loader__ __package__ __path__ __annotations__ __dict__ __cached__ ' +
    '__class__ __module__ __qualname__ reveal_type _ ' +
    // Objects a host injects: Databricks and Jupyter notebooks, Snakemake scripts.
    'dbutils display displayHTML get_ipython snakemake'
  ).split(' '),
);

/** Deeper than any hand-written code; the walk recurses, so it stops here instead of exhausting the stack. */
const MAX_DEPTH = 400;
const TOO_DEEP = new Error('too deep');
const UNRUN_BRANCHES = /\bTYPE_CHECKING\b|\bsys\.version|\bPY[23]\b/;
const EXCEPT_GUARDS = /\b(NameError|ImportError|ModuleNotFoundError)\b/;
/** Named node types that never have named children: the walk does not ask for them. */
const LEAVES = new Set([
  'string_start',
  'string_end',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'comment',
  'ellipsis',
  'escape_sequence',
  'escape_interpolation',
  'keyword_separator',
  'positional_separator',
  'pass_statement',
  'break_statement',
  'continue_statement',
  'line_continuation',
  'type_conversion',
]);
const ASCII_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * The text of an identifier node, read from the source: an ASCII name ends where the ASCII
 * name characters end, as the grammar's lexer ends it; any other asks the tree for its end.
 */
function nameOf(node: Node, source: string): string {
  const start = node.startIndex;
  ASCII_NAME.lastIndex = start;
  if (ASCII_NAME.test(source)) {
    const end = ASCII_NAME.lastIndex;
    if (end >= source.length || source.charCodeAt(end) < 128) return source.slice(start, end);
  }
  return source.slice(start, node.endIndex);
}

/** `source` is the text the tree was parsed from (index-aligned with it). */
export function undefinedNames(root: Node, source: string): UndefinedUse[] {
  return scan(root, source, 0)?.uses ?? [];
}

/**
 * What one top-level statement of a module gives the scope walk: the names it binds at module
 * level, and the first use of each name that neither its own scopes nor those names bind. Walking
 * every top-level statement this way and joining (`undefinedNamesOf`) gives `undefinedNames`: the
 * module scope is the only one two top-level statements share. Undefined when the statement is
 * nested too deep to judge, which `undefinedNames` answers with nothing for the whole file.
 */
export function statementNames(statement: Node, source: string): { readonly binds: ReadonlySet<string>; readonly uses: readonly UndefinedUse[] } | undefined {
  // Depth 1: the module node above the statement, as when the walk starts at the root.
  return scan(statement, source, 1);
}

function scan(root: Node, source: string, initialDepth: number): { binds: Set<string>; uses: UndefinedUse[] } | undefined {
  const module: Scope = { kind: 'module', parent: undefined, names: new Set(), fn: undefined };
  const loads: Load[] = [];
  const moduleScope = module;

  const bindTarget = (node: Node, scope: Scope): void => {
    switch (node.type) {
      case 'identifier':
        scope.names.add(nameOf(node, source));
        return;
      case 'attribute':
      case 'subscript':
        walk(node, scope);
        return;
      default:
        for (const child of node.namedChildren) if (child) bindTarget(child, scope);
    }
  };

  const bindImport = (node: Node, scope: Scope): void => {
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const alias = name.type === 'aliased_import' ? name.childForFieldName('alias') : undefined;
      const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
      // `import a.b` binds `a`; `from m import b` binds `b`.
      const bound = alias ?? (node.type === 'import_statement' ? dotted?.namedChildren[0] : dotted?.lastNamedChild);
      if (bound) scope.names.add(bound.text);
    }
  };

  const bindParameters = (params: Node | null, outer: Scope, inner: Scope): void => {
    for (const param of params?.namedChildren ?? []) {
      if (!param) continue;
      if (param.type === 'identifier') {
        inner.names.add(nameOf(param, source));
        continue;
      }
      // Defaults and annotations run in the enclosing scope when the def runs.
      const value = param.childForFieldName('value');
      const type = param.childForFieldName('type');
      if (value) walk(value, outer);
      if (type) walk(type, outer);
      const name = param.childForFieldName('name') ?? param.namedChildren.find((c) => c?.type !== 'type');
      if (name) for (const id of name.type === 'identifier' ? [name] : name.descendantsOfType('identifier')) if (id) inner.names.add(nameOf(id, source));
    }
  };

  const typeParameterScope = (node: Node, scope: Scope): Scope => {
    const params = node.childForFieldName('type_parameters');
    if (!params) return scope;
    const names = new Set(params.descendantsOfType('identifier').flatMap((id) => (id ? [nameOf(id, source)] : [])));
    return { kind: 'comprehension', parent: scope, names, fn: scope.fn };
  };

  const nonComprehension = (scope: Scope): Scope => (scope.kind === 'comprehension' && scope.parent ? nonComprehension(scope.parent) : scope);

  let depth = initialDepth;
  function walk(node: Node, scope: Scope): void {
    if (++depth > MAX_DEPTH) throw TOO_DEEP;
    // No `finally`: an exception ends the whole scan, whose depth then no longer matters.
    visit(node, scope);
    depth--;
  }

  function visit(node: Node, scope: Scope): void {
    const type = node.type;
    switch (type) {
      case 'identifier':
        loads.push({ node, scope });
        return;
      case 'string_content':
        // Escape sequences at most: nothing to walk, unless the walk would have stopped at them.
        if (depth < MAX_DEPTH) return;
        break;
      case 'string':
        // Only an interpolation holds names, and only a `{` opens one; string_content's children lie two levels down.
        if (depth + 2 <= MAX_DEPTH) {
          const end = node.endIndex;
          let brace = false;
          for (let i = node.startIndex; i < end && !brace; i++) brace = source.charCodeAt(i) === 123;
          if (!brace) return;
        }
        break;
      case 'function_definition': {
        const name = node.childForFieldName('name');
        if (name) scope.names.add(nameOf(name, source));
        // PEP 695 type parameters are seen by the annotations as well as the body.
        const typed = typeParameterScope(node, scope);
        const inner: Scope = { kind: 'function', parent: typed, names: new Set(), fn: node };
        bindParameters(node.childForFieldName('parameters'), typed, inner);
        const returns = node.childForFieldName('return_type');
        if (returns) walk(returns, typed);
        const body = node.childForFieldName('body');
        if (body) walk(body, inner);
        return;
      }
      case 'lambda': {
        const inner: Scope = { kind: 'function', parent: scope, names: new Set(), fn: scope.fn };
        bindParameters(node.childForFieldName('parameters'), scope, inner);
        const body = node.childForFieldName('body');
        if (body) walk(body, inner);
        return;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) scope.names.add(nameOf(name, source));
        const typed = typeParameterScope(node, scope);
        const inner: Scope = { kind: 'class', parent: typed, names: new Set(), fn: scope.fn };
        const bases = node.childForFieldName('superclasses');
        if (bases) walk(bases, typed);
        const body = node.childForFieldName('body');
        if (body) walk(body, inner);
        return;
      }
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression': {
        const inner: Scope = { kind: 'comprehension', parent: scope, names: new Set(), fn: scope.fn };
        for (const child of node.namedChildren) {
          if (child?.type === 'for_in_clause') {
            const left = child.childForFieldName('left');
            if (left) bindTarget(left, inner);
            for (const right of child.childrenForFieldName('right')) if (right) walk(right, inner);
          } else if (child) walk(child, inner);
        }
        return;
      }
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause': {
        // The grammar gives each of these one `left` node. Asking for it and the named children
        // crosses into WASM twice; asking each child (anonymous ones too) whether it is named
        // and which field it fills crossed three times per child.
        const left = node.childForFieldName('left');
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (left && child.id === left.id) bindTarget(child, scope);
          else walk(child, scope);
        }
        return;
      }
      case 'as_pattern_target':
        bindTarget(node, scope);
        return;
      case 'named_expression': {
        const name = node.childForFieldName('name');
        if (name) {
          scope.names.add(nameOf(name, source));
          nonComprehension(scope).names.add(nameOf(name, source));
        }
        const value = node.childForFieldName('value');
        if (value) walk(value, scope);
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
        bindImport(node, scope);
        return;
      case 'future_import_statement':
      case 'delete_statement':
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const id of node.namedChildren) {
          if (id?.type !== 'identifier') continue;
          scope.names.add(nameOf(id, source));
          if (node.type === 'global_statement') moduleScope.names.add(nameOf(id, source));
        }
        return;
      case 'type_alias_statement':
        for (const id of node.childForFieldName('left')?.descendantsOfType('identifier') ?? []) if (id) scope.names.add(nameOf(id, source));
        return;
      case 'case_pattern':
        // Captures bind; dotted value patterns (`Color.RED`) are left unjudged.
        for (const id of node.descendantsOfType('identifier')) if (id) scope.names.add(nameOf(id, source));
        return;
      case 'as_pattern':
        if (node.parent?.type === 'case_pattern') {
          for (const id of node.descendantsOfType('identifier')) if (id) scope.names.add(nameOf(id, source));
          return;
        }
        break;
      case 'attribute': {
        const object = node.childForFieldName('object');
        if (object) walk(object, scope);
        return;
      }
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        if (value) walk(value, scope);
        return;
      }
      case 'member_type': {
        const first = node.namedChildren[0];
        if (first) walk(first, scope);
        return;
      }
      case 'try_statement':
        // `try: import x` / `try: unicode` guarded by `except ImportError/NameError` is left alone.
        if (node.namedChildren.some((c) => c?.type === 'except_clause' && EXCEPT_GUARDS.test(c.childForFieldName('value')?.text ?? c.namedChildren[0]?.text ?? ''))) {
          const body = node.childForFieldName('body');
          const before = loads.length;
          if (body) walk(body, scope);
          loads.length = before;
          for (const child of node.namedChildren) if (child && child.id !== body?.id) walk(child, scope);
          return;
        }
        break;
      case 'if_statement': {
        // Code under `if TYPE_CHECKING:` never runs; code under a version check runs on another Python.
        const condition = node.childForFieldName('condition');
        if (condition && UNRUN_BRANCHES.test(condition.text)) {
          const before = loads.length;
          for (const child of node.namedChildren) if (child) walk(child, scope);
          loads.length = before;
          return;
        }
        break;
      }
      default:
        if (LEAVES.has(type)) return;
    }
    for (const child of node.namedChildren) if (child) walk(child, scope);
  }

  try {
    walk(root, module);
  } catch (error) {
    // A machine-written expression nested thousands deep: no verdict rather than a crash.
    if (error === TOO_DEEP) return undefined;
    throw error;
  }

  const visible = (name: string, from: Scope): boolean => {
    let crossedFunction = false;
    for (let scope: Scope | undefined = from; scope; scope = scope.parent) {
      // A class body's names are seen only by code directly in it (or its comprehensions).
      if (scope.names.has(name) && !(scope.kind === 'class' && crossedFunction)) return true;
      if (scope.kind === 'function') crossedFunction = true;
    }
    return BUILTINS.has(name);
  };

  const seen = new Set<string>();
  const found: UndefinedUse[] = [];
  for (const { node, scope } of loads) {
    const name = nameOf(node, source);
    if (seen.has(name) || visible(name, scope)) continue;
    seen.add(name);
    found.push({ node, name, inFunction: scope.fn });
  }
  return { binds: module.names, uses: found };
}
