import { ParserHost, type WasmLocations } from '../language/parser';
import type { LineParser } from './guard-classify';

/**
 * The guard's view through the project's own tree-sitter Python grammar: does a line of
 * visible text parse as Python, and is it more than a lone name or literal? The parser is
 * loaded asynchronously once; the guard then asks synchronously, line by line, as it streams.
 */

/** Expressions that name something rather than do something: `x`, `a.b.c`, `"text"`, `42`. */
const TRIVIAL = new Set(['identifier', 'attribute', 'string', 'integer', 'float', 'true', 'false', 'none', 'concatenated_string', 'ellipsis', 'comment']);
const MAX_CACHE = 2000;

export function pythonLineParser(host: Pick<ParserHost, 'parse'>): LineParser {
  const cache = new Map<string, 'code' | 'trivial' | 'error'>();
  const judge = (text: string): 'code' | 'trivial' | 'error' => {
    const tree = host.parse('python', text);
    try {
      const root = tree.rootNode;
      if (root.hasError) return 'error';
      const statements = root.namedChildren.filter((n) => n.type !== 'comment');
      if (statements.length === 0) return 'trivial';
      if (statements.length > 1) return 'code';
      const [statement] = statements;
      if (statement.type !== 'expression_statement') return 'code';
      const expression = statement.namedChildren[0];
      if (!expression || TRIVIAL.has(expression.type)) return 'trivial';
      // `predict()` or `model.predict()` with nothing inside names a function; it does not use it.
      const args = expression.type === 'call' ? expression.childForFieldName('arguments') : null;
      return args && args.namedChildCount === 0 ? 'trivial' : 'code';
    } finally {
      tree.delete();
    }
  };
  return {
    python(text: string) {
      let verdict = cache.get(text);
      if (verdict === undefined) {
        verdict = judge(text);
        if (cache.size >= MAX_CACHE) cache.clear();
        cache.set(text, verdict);
      }
      return verdict;
    },
  };
}

/** Loads the grammar from where the caller keeps its `.wasm` files (dist/ in the extension and CLI, node_modules in tests). */
export async function loadLineParser(wasm: WasmLocations): Promise<LineParser> {
  return pythonLineParser(await ParserHost.create(wasm, ['python']));
}
