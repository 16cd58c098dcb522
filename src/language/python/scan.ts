import type { Tree } from 'web-tree-sitter';
import type { Range } from '../types';
import { memoKey } from '../memo-key';

/**
 * Text scans that replace tree queries on hot paths. Every property access on a web-tree-sitter
 * node (`type`, `text`, `childForFieldName`, `parent`) crosses into WASM and marshals the node,
 * which costs about a microsecond; a 1,000-line file has thousands of them. Node start indices
 * are free (filled in when a node is created), so reading the source at a node's start with a
 * sticky regular expression answers the common questions ("what dotted name is called here?",
 * "which name is assigned?") without crossing into WASM at all.
 */

/** The file's text, index-aligned with the tree (whitespace before the module node is padded). */
export function sourceOf(tree: Tree): string {
  const root = tree.rootNode;
  return ' '.repeat(root.startIndex) + root.text;
}

const DOTTED_CALL = /([A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*)[ \t]*\(/y;
/**
 * Whether `pattern` (a global regular expression) matches the source outside comments: a TODO
 * skeleton inserted as comments must not read as the code it asks for.
 */
export function matchesInCode(tree: Tree, source: string, pattern: RegExp): boolean {
  for (const match of source.matchAll(pattern)) if (tree.rootNode.descendantForIndex(match.index)?.type !== 'comment') return true;
  return false;
}

/** `a.b.c(` at `index` gives `a.b.c`; anything else (a subscript, a string, a chained call) gives undefined. */
export function dottedCallee(source: string, index: number): string | undefined {
  DOTTED_CALL.lastIndex = index;
  const match = DOTTED_CALL.exec(source);
  return match ? match[1].replace(/[ \t]/g, '') : undefined;
}

const ASSIGNMENT_TARGET = /([A-Za-z_][\w.]*(?:\[\s*(?:'[^'\n]*'|"[^"\n]*")\s*\])?)[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*/y;
/**
 * The target of an assignment starting at `index`: a name, a dotted attribute or a subscript
 * with a string key (`app.config["DEBUG"]`), plus the index where the value starts. Tuple
 * targets give undefined.
 */
export function assignmentAt(source: string, index: number): { target: string; valueIndex: number } | undefined {
  ASSIGNMENT_TARGET.lastIndex = index;
  const match = ASSIGNMENT_TARGET.exec(source);
  return match ? { target: match[1], valueIndex: index + match[0].length } : undefined;
}

/**
 * The value of the first line that assigns `name` (`^[ \t]*name[ \t]*(: annotation)?=[ \t]*(value)`, a
 * comparison `name == x` included, the value up to a comment), as a multiline regular expression
 * finds it, without running one over the whole text: only the places where the name occurs are
 * tried. `name` is an identifier.
 */
export function lineAssignedValue(source: string, name: string): string | undefined {
  if (!name) return undefined;
  // Several rules ask for the same few names of one text (`path`, `handle` at every load call), each a scan of it.
  if (assignedValues?.source !== source) assignedValues = { source, values: new Map() };
  else if (assignedValues.values.has(name)) return assignedValues.values.get(name);
  const value = scanAssignedValue(source, name);
  assignedValues.values.set(name, value);
  return value;
}

/** The answers of `lineAssignedValue` for the last text it was asked about. */
let assignedValues: { readonly source: string; readonly values: Map<string, string | undefined> } | undefined;

function scanAssignedValue(source: string, name: string): string | undefined {
  let sticky = lineAssignments.get(name);
  if (!sticky) {
    if (lineAssignments.size > 256) lineAssignments.clear();
    lineAssignments.set(memoKey(name), (sticky = new RegExp(`${name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*(?::[^=\\n]*)?=[ \\t]*([^\\n#]+)`, 'y')));
  }
  for (let at = source.indexOf(name); at !== -1; at = source.indexOf(name, at + 1)) {
    // Only blanks between the line's start (or the text's) and the name.
    let before = at - 1;
    while (before >= 0 && (source[before] === ' ' || source[before] === '\t')) before--;
    if (before >= 0 && !LINE_TERMINATOR.test(source[before])) continue;
    sticky.lastIndex = at;
    const match = sticky.exec(source);
    if (match) return match[1];
  }
  return undefined;
}

const lineAssignments = new Map<string, RegExp>();
/** What ends a line for `^` in a multiline regular expression. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

const ID = '[A-Za-z_]\\w*';
const DOTTED = `${ID}(?:\\.${ID})*`;
/** Where an import statement may end: a comment, a `;`, a line break or the end of the text. */
const STATEMENT_END = '(?=[ \\t]*(?:[#;\\r\\n]|$))';
const PLAIN_IMPORT = new RegExp(`import[ \\t]+(${DOTTED}(?:[ \\t]+as[ \\t]+${ID})?(?:[ \\t]*,[ \\t]*${DOTTED}(?:[ \\t]+as[ \\t]+${ID})?)*)${STATEMENT_END}`, 'y');
const NAMES = `${ID}(?:[ \\t]+as[ \\t]+${ID})?(?:[ \\t]*,[ \\t]*${ID}(?:[ \\t]+as[ \\t]+${ID})?)*`;
const PAREN_NAMES = `${ID}(?:[ \\t]+as[ \\t]+${ID})?(?:\\s*,\\s*${ID}(?:[ \\t]+as[ \\t]+${ID})?)*`;
const FROM_IMPORT = new RegExp(`from[ \\t]+(\\.*(?:${DOTTED})?)[ \\t]+import(?:[ \\t]*(\\*)|[ \\t]+(${NAMES})|[ \\t]*\\(\\s*(${PAREN_NAMES})\\s*,?\\s*\\))${STATEMENT_END}`, 'y');
const AS = /[ \t]+as[ \t]+/;

/**
 * The names an import statement starting at `index` binds, read from the text: `import a.b as
 * c, d` gives `c -> a.b` and `d -> d`; `from m import x as y, z` gives `y -> m.x` and `z -> m.z`;
 * `from m import *` gives `*m -> m`; a relative import binds nothing the model resolves. Only
 * the plain written forms are read; anything else (a line continuation, a comment inside
 * parentheses, spaces around a dot, a syntax error) gives undefined, and the caller reads the
 * tree. Reading the tree cost several WASM crossings per imported name.
 */
export function importsAt(source: string, index: number): [string, string][] | undefined {
  if (source.startsWith('import', index)) {
    PLAIN_IMPORT.lastIndex = index;
    const match = PLAIN_IMPORT.exec(source);
    if (!match) return undefined;
    return match[1].split(/[ \t]*,[ \t]*/).map((item): [string, string] => {
      const [name, alias] = item.split(AS);
      return alias === undefined ? [name.split('.')[0], name.split('.')[0]] : [alias, name];
    });
  }
  FROM_IMPORT.lastIndex = index;
  const match = FROM_IMPORT.exec(source);
  if (!match) return undefined;
  const module = match[1];
  if (module === '' || module.startsWith('.')) return module === '' ? undefined : [];
  if (match[2]) return [[`*${module}`, module]];
  return (match[3] ?? match[4]).split(/\s*,\s*/).map((item): [string, string] => {
    const [name, alias] = item.split(AS);
    return [alias ?? name, `${module}.${name}`];
  });
}

/**
 * The names a relative import starting at `index` binds (`from .logging_config import get_logger`
 * gives `get_logger -> .logging_config.get_logger`), which `importsAt` leaves out; undefined for
 * any other statement or a form it does not read.
 */
export function relativeImportsAt(source: string, index: number): [string, string][] | undefined {
  FROM_IMPORT.lastIndex = index;
  const match = FROM_IMPORT.exec(source);
  if (!match?.[1].startsWith('.') || match[2]) return undefined;
  const module = match[1];
  return (match[3] ?? match[4]).split(/\s*,\s*/).map((item): [string, string] => {
    const [name, alias] = item.split(AS);
    return [alias ?? name, module.endsWith('.') ? `${module}${name}` : `${module}.${name}`];
  });
}

const KEYWORD = /([A-Za-z_]\w*)\s*=/y;
/** The name of a keyword argument starting at `index`. */
export function keywordNameAt(source: string, index: number): string | undefined {
  KEYWORD.lastIndex = index;
  return KEYWORD.exec(source)?.[1];
}

const STRING_KEY = /[rbuRBU]{0,2}(['"])((?:(?!\1)[^\\\n])*)\1\s*:/y;
/** The key of a dictionary pair starting at `index`, when it is a plain string literal. */
export function stringKeyAt(source: string, index: number): string | undefined {
  STRING_KEY.lastIndex = index;
  return STRING_KEY.exec(source)?.[2];
}

/** Converts string indices into zero-based line/column ranges (columns in UTF-16 units, as the tree). */
export class LineIndex {
  private readonly starts: number[];

  /** `starts`: the line starts of `source`, when known (`edited`). */
  constructor(source: string, starts?: number[]) {
    this.starts = starts ?? [0];
    if (starts) return;
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /**
   * The index of `source`, made from `previous`, the index of a text that differs from it only in
   * `[start, oldEnd)`, now `[start, newEnd)`: the line starts before the edit are the same, those
   * after it moved by its length, and only the edited span is read again.
   */
  static edited(previous: LineIndex, source: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = previous.starts;
    const starts: number[] = [];
    let i = 0;
    for (; i < old.length && old[i] <= start; i++) starts.push(old[i]);
    for (let at = source.indexOf('\n', start); at !== -1 && at < newEnd; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
    while (i < old.length && old[i] <= oldEnd) i++;
    const delta = newEnd - oldEnd;
    for (; i < old.length; i++) starts.push(old[i] + delta);
    return new LineIndex(source, starts);
  }

  position(index: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: index - this.starts[low] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

export interface ParameterText {
  readonly name: string;
  /** The annotation without spaces, e.g. `list[float]`; empty when there is none. */
  readonly type: string;
  /** The default value's text, empty when there is none. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const DEF_OPEN = /(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(/y;

/** The parameters of the `def` starting at `index`, split at top-level commas. */
export function parametersAt(source: string, index: number): ParameterText[] {
  DEF_OPEN.lastIndex = index;
  const open = DEF_OPEN.exec(source);
  if (!open) return [];
  const parameters: ParameterText[] = [];
  let depth = 0;
  let start = index + open[0].length;
  let quote = '';
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if ((c === ',' || c === ')') && depth === 0) {
      const parameter = parseParameter(source, start, i);
      if (parameter) parameters.push(parameter);
      if (c === ')') break;
      start = i + 1;
    }
  }
  return parameters;
}

const PARAMETER = /^\s*\**([A-Za-z_]\w*)\s*(?::\s*([^=]*?))?\s*(?:=\s*([\s\S]*?))?\s*$/;

function parseParameter(source: string, start: number, end: number): ParameterText | undefined {
  const text = source.slice(start, end);
  const match = PARAMETER.exec(text.replace(/#[^\n]*/g, ''));
  if (!match) return undefined;
  const leading = text.length - text.trimStart().length;
  return { name: match[1], type: (match[2] ?? '').replace(/\s+/g, ''), value: match[3] ?? '', start: start + leading, end };
}
