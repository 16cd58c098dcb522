import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../rule';
import type { Range } from '../types';
import type { PythonModel } from './model';

/**
 * The parameters of a module-level function (or of the `__init__` of a plain module-level
 * class), when Python itself decides them: no decorator that may replace the function, defined
 * once in the module, the name never rebound. What a call to it may pass follows from this alone.
 */
export interface Signature {
  readonly name: string;
  /** Parameters that take a positional argument, in order (`self` of `__init__` left out). */
  readonly positional: readonly string[];
  /** How many of `positional` come before the first default: the positional arguments a call must give (or name). */
  readonly required: number;
  /** How many of `positional` are positional-only (before a `/`): they cannot be passed by name. */
  readonly positionalOnly: number;
  /** Keyword-only parameters (after `*` or `*args`). */
  readonly keywordOnly: readonly string[];
  /** The keyword-only parameters with no default. */
  readonly keywordRequired: readonly string[];
  /** `*args`: any number of positionals is accepted. */
  readonly varargs?: true;
  /** `**kwargs`: any keyword is accepted. */
  readonly varkw?: true;
  /** A class: the call builds an instance through `__init__`. */
  readonly cls?: true;
  /** The name of the definition, where a mismatch in another module points to. */
  readonly range: Range;
}

/** A call by a plain dotted name (`train_model(...)`, `utils.load(...)`), with what it passes. */
export interface ArgumentCall {
  readonly callee: string;
  readonly positional: number;
  readonly keywords: readonly string[];
  readonly range: Range;
  /** The module-level function the call sits in (an import inside it resolves first). */
  readonly scope?: string;
}

export type CallProblem =
  { messageId: 'unknownKeyword' | 'multipleValues'; keyword: string } | { messageId: 'tooManyPositional'; max: number } | { messageId: 'missingArgument'; missing: string };

/** What is wrong with `call` against `signature`, or undefined when Python accepts it. */
export function callProblem(call: ArgumentCall, signature: Signature): CallProblem | undefined {
  for (const keyword of call.keywords) {
    const index = signature.positional.indexOf(keyword);
    if (index >= signature.positionalOnly) {
      if (index < call.positional) return { messageId: 'multipleValues', keyword };
    } else if (!signature.keywordOnly.includes(keyword) && !signature.varkw) return { messageId: 'unknownKeyword', keyword };
  }
  if (!signature.varargs && call.positional > signature.positional.length) return { messageId: 'tooManyPositional', max: signature.positional.length };
  const missing = [
    ...signature.positional.slice(call.positional, signature.required).filter((name, i) => call.positional + i < signature.positionalOnly || !call.keywords.includes(name)),
    ...signature.keywordRequired.filter((name) => !call.keywords.includes(name)),
  ];
  if (missing.length > 0) return { messageId: 'missingArgument', missing: missing.map((name) => `'${name}'`).join(', ') };
  return undefined;
}

/** Decorators that hand the function back with its own signature (caches, gradient switches). */
const TRANSPARENT_DECORATOR = /^@\s*(?:functools\.)?(?:lru_cache|cache)\b|^@\s*torch\.(?:no_grad|inference_mode)\b/;
const DOTTED_CALLEE = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?$/;

/** The signatures of the module-level functions and plain classes whose parameters are certain. */
export function callSignatures(model: PythonModel): Signature[] {
  const source = model.source;
  const found: Signature[] = [];
  let bindings: ModuleBindings | undefined;
  for (const statement of model.tree.rootNode.namedChildren) {
    if (!statement) continue;
    let definition: Node | null = statement;
    if (statement.type === 'decorated_definition') {
      const decorators = statement.namedChildren.filter((c): c is Node => c?.type === 'decorator');
      definition = statement.childForFieldName('definition');
      if (definition?.type !== 'function_definition' || !decorators.every((d) => TRANSPARENT_DECORATOR.test(d.text))) continue;
    }
    if (definition?.type !== 'function_definition' && definition?.type !== 'class_definition') continue;
    const nameNode = definition.childForFieldName('name');
    const name = nameNode?.text;
    if (!name || !nameNode) continue;
    if (PLAIN_NAME.test(name) ? (bindings ??= moduleBindings(source)).rebound(name) : reboundElsewhere(source, name)) continue;
    if (definition.type === 'function_definition') {
      const signature = parameters(definition.childForFieldName('parameters'), false);
      if (signature) found.push({ name, ...signature, range: nodeRange(nameNode) });
      continue;
    }
    const init = plainInit(definition);
    const signature = init && parameters(init.childForFieldName('parameters'), true);
    if (signature) found.push({ name, ...signature, cls: true, range: nodeRange(nameNode) });
  }
  return found;
}

/**
 * The name is defined or bound more than once (a second `def`, a method of that name, an
 * assignment, an import, a `global`): which definition a call reaches is then not certain.
 */
function reboundElsewhere(source: string, name: string): boolean {
  const definitions = source.match(new RegExp(`^[ \\t]*(?:async[ \\t]+)?(?:def|class)[ \\t]+${name}\\b`, 'gm'))?.length ?? 0;
  if (definitions !== 1) return true;
  return new RegExp(
    `^[ \\t]*${name}[ \\t]*(?::[^=\\n]*)?=(?!=)|^[ \\t]*(?:from[ \\t]+\\S+[ \\t]+)?import\\b[^\\n]*\\b${name}\\b|\\bglobal[ \\t]+[^\\n]*\\b${name}\\b|\\bsetattr\\(|\\b__getattr__\\b`,
    'm',
  ).test(source);
}

const PLAIN_NAME = /^\w+$/;

/**
 * What `reboundElsewhere` reads, gathered in one pass over the module for all its definitions
 * (it ran two expressions over the whole module for each one). The same answers for a name of
 * word characters; the test compares them.
 */
interface ModuleBindings {
  rebound(name: string): boolean;
}

function moduleBindings(source: string): ModuleBindings {
  const definitions = new Map<string, number>();
  for (const match of source.matchAll(/^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)/gm)) definitions.set(match[1], (definitions.get(match[1]) ?? 0) + 1);
  // Every line start is tried (an assignment's annotation may run over a lone `\r` into the next line).
  const assigned = new Set<string>();
  const assignment = /^[ \t]*(\w+)[ \t]*(?::[^=\n]*)?=(?!=)/gm;
  for (let match = assignment.exec(source); match; match = assignment.exec(source)) {
    assigned.add(match[1]);
    assignment.lastIndex = match.index + 1;
  }
  const anyName = /\bsetattr\(|\b__getattr__\b/.test(source);
  // The alternatives that read one line, `import ... name` and `global ... name`, over the lines that can hold them.
  const lines = source
    .split('\n')
    .filter((line) => line.includes('import') || line.includes('global'))
    .join('\n');
  return {
    rebound: (name) =>
      definitions.get(name) !== 1 ||
      anyName ||
      assigned.has(name) ||
      (lines.includes(name) && new RegExp(`^[ \\t]*(?:from[ \\t]+\\S+[ \\t]+)?import\\b[^\\n]*\\b${name}\\b|\\bglobal[ \\t]+[^\\n]*\\b${name}\\b`, 'm').test(lines)),
  };
}

/** `reboundElsewhere` through `moduleBindings`, for the test that compares them. */
export function reboundInModule(source: string, name: string): boolean {
  return PLAIN_NAME.test(name) ? moduleBindings(source).rebound(name) : reboundElsewhere(source, name);
}

/** The original reading, kept for names `moduleBindings` does not answer for and for the test. */
export function reboundElsewhereByPattern(source: string, name: string): boolean {
  return reboundElsewhere(source, name);
}

/**
 * The `__init__` of a class whose construction Python alone decides: no base class (or
 * `object`), no decorator, no keywords (a metaclass), no `__new__`, one undecorated `__init__`.
 */
function plainInit(cls: Node): Node | undefined {
  const bases = cls.childForFieldName('superclasses');
  if (bases && bases.namedChildren.some((b) => b?.text !== 'object')) return undefined;
  const body = cls.childForFieldName('body');
  let init: Node | undefined;
  for (const member of body?.namedChildren ?? []) {
    if (!member) continue;
    const fn = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (name === '__new__' || name === '__signature__') return undefined;
    if (name === '__init__') {
      if (init || member.type === 'decorated_definition') return undefined;
      init = fn!;
    }
    // `__init__ = other` or a class attribute that rebinds it.
    if (member.type === 'expression_statement' && /^\s*__init__\s*=/.test(member.text)) return undefined;
  }
  return init;
}

type Parameters = Omit<Signature, 'name' | 'range' | 'cls'>;

/** The signature a `parameters` node declares; undefined for anything this reading does not know. */
function parameters(node: Node | null, method: boolean): Parameters | undefined {
  if (!node) return undefined;
  const positional: string[] = [];
  const keywordOnly: string[] = [];
  const keywordRequired: string[] = [];
  let required = 0;
  let positionalOnly = 0;
  let defaulted = false;
  let keywordPart = false;
  let varargs = false;
  let varkw = false;
  const items = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  for (const item of items) {
    let type = item.type;
    let name: string | undefined;
    let hasDefault = false;
    if (type === 'identifier') name = item.text;
    else if (type === 'typed_parameter') {
      const inner = item.namedChildren[0];
      if (inner?.type === 'list_splat_pattern') type = 'list_splat_pattern';
      else if (inner?.type === 'dictionary_splat_pattern') type = 'dictionary_splat_pattern';
      else if (inner?.type === 'identifier') name = inner.text;
      else return undefined;
    } else if (type === 'default_parameter' || type === 'typed_default_parameter') {
      name = item.childForFieldName('name')?.text;
      hasDefault = true;
      if (!name) return undefined;
    }
    if (type === 'list_splat_pattern') {
      varargs = true;
      keywordPart = true;
      continue;
    }
    if (type === 'dictionary_splat_pattern') {
      varkw = true;
      continue;
    }
    if (type === 'keyword_separator') {
      keywordPart = true;
      continue;
    }
    if (type === 'positional_separator') {
      positionalOnly = positional.length;
      continue;
    }
    if (!name) return undefined;
    if (keywordPart) {
      keywordOnly.push(name);
      if (!hasDefault) keywordRequired.push(name);
      continue;
    }
    if (hasDefault) defaulted = true;
    // A parameter with no default after one with a default is a syntax error: read no further.
    else if (defaulted) return undefined;
    else required++;
    positional.push(name);
  }
  if (method) {
    if (positional.length === 0 || positionalOnly > positional.length) return undefined;
    positional.shift();
    required = Math.max(0, required - 1);
    positionalOnly = Math.max(0, positionalOnly - 1);
  }
  return {
    positional,
    required,
    positionalOnly,
    keywordOnly,
    keywordRequired,
    ...(varargs && { varargs: true as const }),
    ...(varkw && { varkw: true as const }),
  };
}

/**
 * Calls by a plain name or `module.name`, with no `*` or `**` argument (what those pass is not
 * known), whose head is not bound inside the functions around the call (a parameter, a local
 * assignment, a nested `def`): those may be another object than the module-level name.
 */
export function argumentCalls(model: PythonModel, known: ReadonlySet<string>, imported: ReadonlySet<string>): ArgumentCall[] {
  const found: ArgumentCall[] = [];
  // Whether a name is bound in a function, by the function's node id and the name: the calls of
  // one function mostly share a few heads, and each answer reads the whole function body.
  const bound = new Map<string, boolean>();
  for (const call of model.calls) {
    const node = call.node;
    const fn = node.childForFieldName('function');
    if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute')) continue;
    const callee = model.source.slice(fn.startIndex, fn.endIndex);
    if (!DOTTED_CALLEE.test(callee)) continue;
    const head = callee.split('.')[0];
    if (!(callee.includes('.') ? imported.has(head) : known.has(head) || imported.has(head))) continue;
    const args = node.childForFieldName('arguments');
    if (!args) continue;
    let positional = 0;
    const keywords: string[] = [];
    let opaque = false;
    if (args.type === 'generator_expression') positional = 1;
    else
      for (const arg of args.namedChildren) {
        if (!arg || arg.type === 'comment') continue;
        if (arg.type === 'list_splat' || arg.type === 'dictionary_splat' || arg.type === 'parenthesized_list_splat') opaque = true;
        else if (arg.type === 'keyword_argument') keywords.push(arg.childForFieldName('name')?.text ?? '');
        else positional++;
      }
    if (opaque || keywords.includes('')) continue;
    let top: Node | undefined;
    let shadowed = false;
    for (let n = node.parent; n; n = n.parent) {
      if (n.type === 'function_definition' || n.type === 'lambda') {
        const key = `${n.id}\u0000${head}`;
        let shadows = bound.get(key);
        if (shadows === undefined) bound.set(key, (shadows = boundIn(n, head, model.source)));
        if (shadows) shadowed = true;
        if (n.type === 'function_definition') top = n;
      }
    }
    if (shadowed) continue;
    const scope = top?.childForFieldName('name')?.text;
    found.push({ callee, positional, keywords, range: nodeRange(node), ...(scope && { scope }) });
  }
  return found;
}

/** Is `name` a parameter of `fn`, or bound anywhere in its body (assignment, loop, `with ... as`, `def`, import)? */
function boundIn(fn: Node, name: string, source: string): boolean {
  const parameters = fn.childForFieldName('parameters');
  if (parameters && wordIn(source.slice(parameters.startIndex, parameters.endIndex), name)) return true;
  const body = fn.childForFieldName('body');
  if (!body) return false;
  return boundInText(source.slice(body.startIndex, body.endIndex), name);
}

/** After a name: `= ...`, `: T = ...`, `, b = ...` (the name is assigned, alone or first of several). */
const ASSIGNED_AFTER = /\s*(?::[^=\n]*)?=(?!=)|\s*,[^\n=]*=(?!=)/y;
/** After a name that follows `, `: `= ...` or `, c = ...` (a later target of a tuple assignment). */
const LATER_TARGET_AFTER = /\s*(?:,[^\n=]*)?=(?!=)/y;
const SPACE = /\s/;
const LINE_BINDERS = /\bfor\b|\bimport\b|\bglobal\b|\bnonlocal\b/;

/**
 * The body check of `boundIn`: whether any of these binds `name` (a plain identifier) in `text`:
 * `name = `, `name: T = `, `name, b = `, `a, name = `, `as name`, `for ... name ... in`,
 * `def name`/`class name`, `import ... name`, `global`/`nonlocal ... name`. The same answer as
 * one regular expression of those alternatives over the whole body (`boundInPattern`), found
 * from the places the name occurs: that expression tried every alternative at every character
 * of the body, for every call.
 */
export function boundInText(text: string, name: string): boolean {
  const end = name.length;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    // `(^|[^\w.])name` then `=`, `: T =` or `, ... =`.
    if (!isWordOrDot(before)) {
      ASSIGNED_AFTER.lastIndex = at + end;
      if (ASSIGNED_AFTER.test(text)) return true;
    }
    // `,\s*name` then `=` or `, ... =`.
    let back = at - 1;
    while (back >= 0 && SPACE.test(text[back])) back--;
    if (back >= 0 && text[back] === ',') {
      LATER_TARGET_AFTER.lastIndex = at + end;
      if (LATER_TARGET_AFTER.test(text)) return true;
    }
    // `\bas\s+name\b`, `\b(?:def|class)\s+name\b`.
    if (back < at - 1 && !isWord(text[at + end] ?? '')) {
      if (keywordEndsAt(text, back, 'as') || keywordEndsAt(text, back, 'def') || keywordEndsAt(text, back, 'class')) return true;
    }
  }
  return LINE_BINDERS.test(text) && lineBinds(text, name);
}

/**
 * The alternatives that read a whole line: `for ... name ... in`, `import ... name`,
 * `global/nonlocal ... name`. Each match holds the name as a word and ends on its line; it starts
 * on that line too, or where a keyword ends an earlier line followed by nothing but white space
 * (`\s+` crosses line ends). So the expression is tried on those lines around each place the
 * name occurs as a word, which a reading of the body holds few of, rather than on the whole body.
 * A window starts at a line start and ends at a line end, where `\b` reads as it does in the body.
 */
function lineBinds(text: string, name: string): boolean {
  let pattern: RegExp | undefined;
  let tried = -1;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (at <= tried || isWord(at === 0 ? '' : text[at - 1]) || isWord(text[at + name.length] ?? '')) continue;
    const newline = text.indexOf('\n', at);
    tried = newline === -1 ? text.length : newline;
    let start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    let space = start;
    while (space > 0 && SPACE.test(text[space - 1])) space--;
    if (space < start) start = space === 0 ? 0 : text.lastIndexOf('\n', space - 1) + 1;
    const window = text.slice(start, tried);
    if (!LINE_BINDERS.test(window)) continue;
    pattern ??= new RegExp(`\\bfor\\s+[^\\n]*\\b${name}\\b[^\\n]*\\bin\\b|\\bimport\\b[^\\n]*\\b${name}\\b|\\b(?:global|nonlocal)\\s+[^\\n]*\\b${name}\\b`);
    if (pattern.test(window)) return true;
  }
  return false;
}

/** The one expression `boundInText` answers for (kept for the test that compares them). */
export function boundInPattern(name: string): RegExp {
  return new RegExp(
    `(^|[^\\w.])${name}\\s*(?::[^=\\n]*)?=(?!=)|(^|[^\\w.])${name}\\s*,[^\\n=]*=(?!=)|,\\s*${name}\\s*(?:,[^\\n=]*)?=(?!=)|\\bas\\s+${name}\\b|\\bfor\\s+[^\\n]*\\b${name}\\b[^\\n]*\\bin\\b|\\b(?:def|class)\\s+${name}\\b|\\bimport\\b[^\\n]*\\b${name}\\b|\\b(?:global|nonlocal)\\s+[^\\n]*\\b${name}\\b`,
    'm',
  );
}

/** `(^|[^\w.])name\b`: the name as a word, not an attribute. */
export function wordIn(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1))
    if (!isWordOrDot(at === 0 ? '' : text[at - 1]) && !isWord(text[at + name.length] ?? '')) return true;
  return false;
}

/** `keyword` ends at `index` of `text` and starts at a word boundary. */
function keywordEndsAt(text: string, index: number, keyword: string): boolean {
  const start = index - keyword.length + 1;
  return start >= 0 && text.startsWith(keyword, start) && !isWord(start === 0 ? '' : text[start - 1]);
}

function isWord(ch: string): boolean {
  return ch !== '' && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_');
}

function isWordOrDot(ch: string): boolean {
  return ch === '.' || isWord(ch);
}
