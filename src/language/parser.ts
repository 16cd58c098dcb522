import { Edit, Language, Node, Parser, Point, Tree, type Range as TSRange, type TreeCursor } from 'web-tree-sitter';
import * as path from 'node:path';
import type { SourceLanguage } from './types';

/**
 * Owns the WASM runtime and the two grammars. The location of the `.wasm` files is a
 * parameter: tests pass `node_modules`, the extension passes its own `dist/`.
 */
export interface WasmLocations {
  /** Folder holding web-tree-sitter.wasm. */
  readonly runtimeDir: string;
  readonly python: string;
  readonly yaml: string;
}

/** Where the files are inside an installed node_modules (tests, CLI run from source). */
export function nodeModulesWasm(root: string): WasmLocations {
  return {
    runtimeDir: path.join(root, 'node_modules', 'web-tree-sitter'),
    python: path.join(root, 'node_modules', 'tree-sitter-python', 'tree-sitter-python.wasm'),
    yaml: path.join(root, 'node_modules', '@tree-sitter-grammars', 'tree-sitter-yaml', 'tree-sitter-yaml.wasm'),
  };
}

/** Where esbuild.config.mjs copies them: all three next to the bundle. */
export function bundledWasm(distDir: string): WasmLocations {
  return {
    runtimeDir: distDir,
    python: path.join(distDir, 'tree-sitter-python.wasm'),
    yaml: path.join(distDir, 'tree-sitter-yaml.wasm'),
  };
}

/**
 * A node's end index, read from WASM once per node object and then kept on it. web-tree-sitter
 * stores a node's start on the object but crosses into WASM (marshalling the node first) on
 * every read of `endIndex`, and so of `text`, which the rules read many times on the same call
 * and argument nodes (a third of a re-lint's WASM crossings). A node object's span never changes:
 * the engine edits copies of a tree, never the tree its nodes came from (`reparse`), and
 * `Node.edit`, which moves a node object, drops the kept value.
 */
function keepEndIndex(): void {
  const proto = Node.prototype as unknown as { endIndex: number; edit(edit: Edit): void };
  const read = Object.getOwnPropertyDescriptor(proto, 'endIndex')?.get;
  const edit = proto.edit;
  if (!read || typeof edit !== 'function' || (read as { kept?: boolean }).kept) return;
  const kept = function (this: { keptEnd?: number }): number {
    return (this.keptEnd ??= read.call(this) as number);
  };
  Object.assign(kept, { kept: true });
  Object.defineProperty(proto, 'endIndex', { get: kept, configurable: true, enumerable: false });
  proto.edit = function (this: { keptEnd?: number }, change: Edit): void {
    this.keptEnd = undefined;
    edit.call(this, change);
  };
}
keepEndIndex();

const ALL_LANGUAGES: readonly SourceLanguage[] = ['python', 'yaml'];

export class ParserHost {
  private readonly parsers: Partial<Record<SourceLanguage, Parser>> = {};
  private readonly languages: Partial<Record<SourceLanguage, Language>> = {};
  private readonly loading: Partial<Record<SourceLanguage, Promise<void>>> = {};

  private constructor(private readonly locations: WasmLocations) {}

  /**
   * Starts the WASM runtime and compiles the grammars of `languages` (both by default). A
   * run that sees no YAML file need not compile the YAML grammar: `load` adds one later.
   */
  static async create(locations: WasmLocations, languages: readonly SourceLanguage[] = ALL_LANGUAGES): Promise<ParserHost> {
    await Parser.init({ locateFile: (file: string) => path.join(locations.runtimeDir, file) });
    const host = new ParserHost(locations);
    await Promise.all(languages.map((language) => host.load(language)));
    return host;
  }

  /** Compiles a grammar once; later calls wait for the same load. */
  load(language: SourceLanguage): Promise<void> {
    this.loading[language] ??= Language.load(this.locations[language]).then((compiled) => {
      const parser = new Parser();
      parser.setLanguage(compiled);
      this.languages[language] = compiled;
      this.parsers[language] = parser;
    });
    return this.loading[language];
  }

  has(language: SourceLanguage): boolean {
    return this.parsers[language] !== undefined;
  }

  /** The compiled grammar, for queries. */
  language(language: SourceLanguage): Language {
    const compiled = this.languages[language];
    if (!compiled) throw new Error(`the ${language} grammar is not loaded`);
    return compiled;
  }

  private parser(language: SourceLanguage): Parser {
    const parser = this.parsers[language];
    if (!parser) throw new Error(`the ${language} grammar is not loaded`);
    return parser;
  }

  /** Full parse. Never throws on bad input: syntax errors become ERROR nodes in the tree. */
  parse(language: SourceLanguage, text: string): Tree {
    const tree = this.parser(language).parse(text);
    if (!tree) throw new Error(`tree-sitter returned no tree for a ${language} document`);
    return tree;
  }

  /**
   * Incremental re-parse: describe the change from `oldText` to `newText` as one edit on a
   * copy of the old tree, then let tree-sitter reuse every untouched subtree. The old tree
   * stays valid for its own text. Also returns the edit and the ranges (in the new text)
   * whose syntax changed beyond it, which say how far the edit's effect reaches.
   */
  reparse(language: SourceLanguage, oldTree: Tree, oldText: string, newText: string, changed?: ChangedSpan): Reparsed {
    const edit = diffEdit(oldText, newText, changed);
    if (!edit) return { tree: oldTree.copy(), changed: [] };
    const edited = oldTree.copy();
    try {
      edited.edit(edit);
      const tree = this.parser(language).parse(newText, edited);
      if (!tree) throw new Error(`tree-sitter returned no tree for a ${language} document`);
      return { tree, edit, changed: edited.getChangedRanges(tree) };
    } finally {
      edited.delete();
    }
  }
}

export interface Reparsed {
  readonly tree: Tree;
  /** Undefined when the texts are the same. */
  readonly edit?: Edit;
  readonly changed: readonly TSRange[];
}

/**
 * Where an editor says a text changed since it was last linted: `[start, oldEnd)` of the old
 * text became `[start, newEnd)` of the new one, and everything around is the same. Built from
 * the editor's change events with `coverChange`.
 */
export interface ChangedSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The span covering `span` (undefined: none yet) and one more change of the text it leads to:
 * `length` characters at `offset` replaced by `inserted` characters (VS Code's
 * `rangeOffset`, `rangeLength` and `text.length`, applied in the order given).
 */
export function coverChange(span: ChangedSpan | undefined, offset: number, length: number, inserted: number): ChangedSpan {
  if (!span) return { start: offset, oldEnd: offset + length, newEnd: offset + inserted };
  const end = Math.max(span.newEnd, offset + length);
  return { start: Math.min(span.start, offset), oldEnd: span.oldEnd + (end - span.newEnd), newEnd: end + inserted - length };
}

/**
 * The single edit that turns `before` into `after` (common prefix and suffix kept). With the
 * editor's `changed` span, the prefix and suffix are compared as whole strings instead of
 * scanned character by character; a span that does not fit the texts is ignored.
 */
export function diffEdit(before: string, after: string, changed?: ChangedSpan): Edit | undefined {
  if (before === after) return undefined;
  let start = 0;
  let endBefore = before.length;
  let endAfter = after.length;
  if (changed && fits(before, after, changed)) {
    start = changed.start;
    endBefore = changed.oldEnd;
    endAfter = changed.newEnd;
  } else {
    const max = Math.min(before.length, after.length);
    // Whole blocks first (comparing two slices is one native compare, a loop of `charCodeAt` is
    // not: a tenth of the time on a long file), then the characters of the block that differs.
    while (start + DIFF_BLOCK <= max && before.slice(start, start + DIFF_BLOCK) === after.slice(start, start + DIFF_BLOCK)) start += DIFF_BLOCK;
    while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    while (endBefore - DIFF_BLOCK >= start && endAfter - DIFF_BLOCK >= start && before.slice(endBefore - DIFF_BLOCK, endBefore) === after.slice(endAfter - DIFF_BLOCK, endAfter)) {
      endBefore -= DIFF_BLOCK;
      endAfter -= DIFF_BLOCK;
    }
    while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
      endBefore--;
      endAfter--;
    }
  }
  // tree-sitter positions in a JS string are UTF-16 code-unit indices (web-tree-sitter parses UTF-16).
  // The start is located once; both ends are counted on from it over the changed span only.
  const startPosition = pointAt(before, 0, { row: 0, column: 0 }, start);
  return new Edit({
    startIndex: start,
    oldEndIndex: endBefore,
    newEndIndex: endAfter,
    startPosition,
    oldEndPosition: pointAt(before, start, startPosition, endBefore),
    newEndPosition: pointAt(after, start, startPosition, endAfter),
  });
}

/** The characters `diffEdit` compares at once while the texts agree. */
const DIFF_BLOCK = 256;

/** Does the span describe these texts: in range, and the same before and after it? */
function fits(before: string, after: string, { start, oldEnd, newEnd }: ChangedSpan): boolean {
  return (
    start >= 0 &&
    start <= oldEnd &&
    start <= newEnd &&
    oldEnd <= before.length &&
    before.length - oldEnd === after.length - newEnd &&
    before.slice(0, start) === after.slice(0, start) &&
    before.slice(oldEnd) === after.slice(newEnd)
  );
}

/** The point of `index`, counting lines from `from`, whose point is `at`. */
function pointAt(text: string, from: number, at: Point, index: number): Point {
  let row = at.row;
  let lineStart = from - at.column;
  for (let i = text.indexOf('\n', from); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

/**
 * Moves a cursor to the next node in document order: into the current node's children when
 * `descend` is true, else to its next sibling or an ancestor's. False when the walk is over.
 */
export function advance(cursor: TreeCursor, descend = true): boolean {
  if (descend && cursor.gotoFirstChild()) return true;
  if (cursor.gotoNextSibling()) return true;
  while (cursor.gotoParent()) if (cursor.gotoNextSibling()) return true;
  return false;
}

/** Visits every node once with a tree cursor: the cheapest full traversal JavaScript can do (the bench's floor). */
export function walkAll(tree: Tree): number {
  const cursor = tree.walk();
  let nodes = 1;
  while (advance(cursor)) nodes++;
  cursor.delete();
  return nodes;
}
