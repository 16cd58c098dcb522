import { Edit, Language, Parser, Point, Tree } from 'web-tree-sitter';
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

export class ParserHost {
  private readonly parsers: Record<SourceLanguage, Parser>;
  private readonly languages: Record<SourceLanguage, Language>;

  private constructor(python: Language, yaml: Language) {
    this.languages = { python, yaml };
    const make = (language: Language): Parser => {
      const parser = new Parser();
      parser.setLanguage(language);
      return parser;
    };
    this.parsers = { python: make(python), yaml: make(yaml) };
  }

  static async create(locations: WasmLocations): Promise<ParserHost> {
    await Parser.init({ locateFile: (file: string) => path.join(locations.runtimeDir, file) });
    const [python, yaml] = await Promise.all([Language.load(locations.python), Language.load(locations.yaml)]);
    return new ParserHost(python, yaml);
  }

  /** The compiled grammar, for queries. */
  language(language: SourceLanguage): Language {
    return this.languages[language];
  }

  /** Full parse. Never throws on bad input: syntax errors become ERROR nodes in the tree. */
  parse(language: SourceLanguage, text: string): Tree {
    const tree = this.parsers[language].parse(text);
    if (!tree) throw new Error(`tree-sitter returned no tree for a ${language} document`);
    return tree;
  }

  /**
   * Incremental re-parse: describe the change from `oldText` to `newText` as one edit on a
   * copy of the old tree, then let tree-sitter reuse every untouched subtree. The old tree
   * stays valid for its own text.
   */
  reparse(language: SourceLanguage, oldTree: Tree, oldText: string, newText: string): Tree {
    const edit = diffEdit(oldText, newText);
    if (!edit) return oldTree.copy();
    const edited = oldTree.copy();
    edited.edit(edit);
    const tree = this.parsers[language].parse(newText, edited);
    edited.delete();
    if (!tree) throw new Error(`tree-sitter returned no tree for a ${language} document`);
    return tree;
  }
}

/** The single edit that turns `before` into `after` (common prefix and suffix kept). */
export function diffEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // tree-sitter positions in a JS string are UTF-16 code-unit indices (web-tree-sitter parses UTF-16).
  return new Edit({
    startIndex: start,
    oldEndIndex: endBefore,
    newEndIndex: endAfter,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, endBefore),
    newEndPosition: pointAt(after, endAfter),
  });
}

function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}
