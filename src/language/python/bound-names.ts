import type { Range } from '../types';

/**
 * What `from module import name` needs from the module: the names it binds. The reading is an
 * over-approximation on purpose (a name bound anywhere in the file, in a function body too,
 * counts), so that an import is reported only when the module cannot hold the name at all. A
 * module that makes names in ways a reading cannot follow (`import *`, a module `__getattr__`,
 * `globals()`, `setattr`, `sys.modules`, `exec`) is opaque.
 */

export interface BoundNames {
  readonly names: readonly string[];
  readonly opaque?: true;
}

/** A module-level `from module import name` (column 0: not under a `try`, an `if` or a function). */
export interface PlainImport {
  readonly module: string;
  readonly range: Range;
}

export interface FromImport {
  readonly module: string;
  readonly name: string;
  readonly range: Range;
}

const OPAQUE = /\bimport[ \t]+\*|\bdef[ \t]+__getattr__\b|\bglobals\(\)|\bsetattr\(|\bsys\.modules\b|\bexec\(|\b__all__[ \t]*\+=|\bvars\(\)/;
const DEFINITION = /\b(?:def|class)[ \t]+([A-Za-z_]\w*)/g;
/** `a = ...`, `a: int = ...`, `a, b = ...`, `a += ...` at the start of a line (any indentation). */
const ASSIGNMENT = /^[ \t]*([A-Za-z_][\w \t,()[\]*]*?)[ \t]*(?::[^=\n]*)?(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)/gm;
const LOOP_OR_ALIAS = /\bfor[ \t]+([\w \t,()]+?)[ \t]+in\b|\bas[ \t]+([A-Za-z_]\w*)|\bglobal[ \t]+([\w \t,]+)|:=/g;
const IMPORT_LOCAL = /^[ \t]*(?:from[ \t]+[.\w]+[ \t]+)?import[ \t]+(\(?[^\n]*(?:\n[^\n)]*\))?)/gm;
const FROM_IMPORT = /^from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)/gm;

export function boundNames(source: string): BoundNames {
  if (OPAQUE.test(source)) return { names: [], opaque: true };
  const names = new Set<string>();
  const words = (text: string) => {
    for (const word of text.match(/[A-Za-z_]\w*/g) ?? []) names.add(word);
  };
  for (const match of source.matchAll(DEFINITION)) names.add(match[1]);
  for (const match of source.matchAll(ASSIGNMENT)) words(match[1]);
  for (const match of source.matchAll(LOOP_OR_ALIAS)) {
    if (match[0] === ':=') return { names: [], opaque: true };
    words(match[1] ?? match[2] ?? match[3] ?? '');
  }
  for (const match of source.matchAll(IMPORT_LOCAL)) words(match[1].replace(/#[^\n]*/g, ''));
  return { names: [...names] };
}

/** `import config`, `import model.predict as p` at the start of a line (module level, not under `try:`). */
const PLAIN_IMPORT = /^import[ \t]+([^\n#;\\]+)/gm;

/** The module-level `import ...` statements, one entry per module (`import a, b` is two). */
export function plainImports(source: string): PlainImport[] {
  const found: PlainImport[] = [];
  let line = 0;
  let counted = 0;
  for (const match of source.matchAll(PLAIN_IMPORT)) {
    const index = match.index ?? 0;
    for (let at = source.indexOf('\n', counted); at !== -1 && at < index; at = source.indexOf('\n', at + 1)) line++;
    counted = index;
    for (const part of match[1].split(',')) {
      const module = part.trim().split(/\s+as\s+/)[0];
      if (!/^[A-Za-z_][\w.]*$/.test(module) || module === '__future__') continue;
      found.push({ module, range: { start: { line, column: 0 }, end: { line, column: match[0].length } } });
    }
  }
  return found;
}

/** The module-level `from ... import ...` statements, one entry per imported name. */
export function fromImports(source: string): FromImport[] {
  const found: FromImport[] = [];
  // The line of each match, counted on from the last one (the matches come in order).
  let line = 0;
  let counted = 0;
  for (const match of source.matchAll(FROM_IMPORT)) {
    const module = match[1];
    if (module === '__future__' || !module || /^\.+$/.test(module)) continue;
    const index = match.index ?? 0;
    for (let at = source.indexOf('\n', counted); at !== -1 && at < index; at = source.indexOf('\n', at + 1)) line++;
    counted = index;
    for (const part of match[2]
      .replace(/[()\\]/g, ' ')
      .replace(/#[^\n]*/g, '')
      .split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (!name || !/^[A-Za-z_]\w*$/.test(name)) continue;
      const column = match[0].indexOf(name, match[0].indexOf(' import ') + 7);
      const range = { start: { line, column: 0 }, end: { line, column: Math.max(0, column) + name.length } };
      found.push({ module, name, range });
    }
  }
  return found;
}
