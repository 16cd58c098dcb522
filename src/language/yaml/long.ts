/**
 * YAML longer than 32,768 lines. tree-sitter-yaml's external scanner (src/scanner.c, 0.7.x)
 * keeps its row counters in `int16_t` fields (`row`, `cur_row`, `end_row`, serialized as two
 * bytes). Row 32,768 wraps to -32,768, and the scanner's one ordered comparison, "is the next
 * token on a new line" (`has_nwl = cur_row > row`), turns false exactly when a token follows a
 * line break across the wrap, so a valid stream collapses into one ERROR node from line 1. It
 * happens again every 65,536 rows. Known upstream (tree-sitter-grammars/tree-sitter-yaml#23,
 * #49); the fix there widens the fields, which needs a rebuilt grammar.
 *
 * Here the text is fed so that the token right after each wrap is a comment: comment lines are
 * inserted before the last line ahead of the wrap that starts a mapping entry (or is a comment)
 * outside any block scalar, down to the wrap row. A comment cannot change the structure, and
 * the scanner's confusion about a comment's line is harmless. The caller maps rows of the parsed text back with `original`, so every
 * position stays exact. Streams are first split into documents, each parsed on its own, so only
 * a single document over 32,768 lines needs this.
 */

/** The first row whose line break the scanner misreads, and the period after which it recurs. */
export const SCANNER_WRAP_ROW = 32_768;
const SCANNER_ROW_PERIOD = 65_536;

/** Does the text reach the scanner's first wrap row? (Counts line breaks, stopping early.) */
export function beyondScannerRows(text: string): boolean {
  if (text.length < SCANNER_WRAP_ROW) return false;
  let rows = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++rows >= SCANNER_WRAP_ROW) return true;
  return false;
}

export interface BridgedLines {
  /** The lines to parse, with comment lines inserted. */
  readonly lines: string[];
  /** The row in the original lines of a row in `lines`; an inserted line maps to the line after it. */
  original(row: number): number;
}

/** Lines as the parser should see them, or undefined when there are too few to wrap. */
export function bridgeScannerRows(lines: readonly string[]): BridgedLines | undefined {
  if (lines.length <= SCANNER_WRAP_ROW) return undefined;
  const out: string[] = [];
  /** For each output row, its original row (inserted rows: the row they precede). */
  const origin: number[] = [];
  const scalars = new BlockScalars();
  let wrap = SCANNER_WRAP_ROW;
  /** The last line since the previous insertion where comments may go, and its output row. */
  let safe: { line: number; row: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (scalars.startsEntry(lines[i]) && i > 0) safe = { line: i, row: out.length };
    if (out.length === wrap) {
      // Line i would land on the wrap row: comments from the safe line down to the wrap row.
      const at = safe ?? { line: i, row: out.length };
      const count = wrap - at.row + 1;
      const indent = /^[ ]*/.exec(lines[at.line])?.[0] ?? '';
      out.splice(at.row, 0, ...Array.from({ length: count }, () => `${indent}#`));
      origin.splice(at.row, 0, ...Array.from({ length: count }, () => at.line));
      wrap += SCANNER_ROW_PERIOD;
      safe = undefined;
    }
    out.push(lines[i]);
    origin.push(i);
  }
  return { lines: out, original: (row) => origin[Math.min(Math.max(row, 0), origin.length - 1)] ?? row };
}

/** Starts a mapping entry (`key:`, `- key:`, a quoted key) or is a comment line. */
const KEY_LINE = /^[ ]*(?:-[ ]+)*(?:#|(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"[\]{},&*!|>%@`-][^:#\n]*?|-[^\s:#][^:#\n]*?)[ \t]*:(?:[ \t\r]|$))/;
/** Opens a block scalar: `key: |`, `- >-`, `run: !tag |2 # comment`. */
const BLOCK_SCALAR_HEADER = /(?:^[ ]*|:[ \t]+|-[ \t]+)(?:[!&][^ \t]*[ \t]+)*[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/;

/**
 * Follows block scalars line by line. The scanner reads a block scalar one line per token, so
 * comments must not go inside one (they would be text, and the wrap would still hit a token).
 */
class BlockScalars {
  /** Content lines are indented deeper than this; -1 outside a block scalar. */
  private indent = -1;

  /** Feeds the next line; true when it starts a mapping entry (or is a comment) outside any block scalar. */
  startsEntry(line: string): boolean {
    const trimmed = line.trimStart();
    const own = line.length - trimmed.length;
    if (this.indent >= 0) {
      if (trimmed === '' || trimmed === '\r' || own > this.indent) return false;
      this.indent = -1;
    }
    // `- key: |`: the content is deeper than the key, not only than the dash.
    if (!trimmed.startsWith('#') && BLOCK_SCALAR_HEADER.test(line)) this.indent = own + (/^(?:-[ ]+)*/.exec(trimmed)?.[0].length ?? 0);
    return KEY_LINE.test(line);
  }
}
