import type { SourceLanguage } from '../../language/types';

/**
 * Where a whole comment line may be inserted, and where a trailing comment may be appended,
 * without changing what the program means. A comment inserted inside a Python triple-quoted
 * string, after a backslash continuation, or inside a YAML block scalar would become part of
 * a string or break the code, so the quick fixes ask this module first.
 *
 * The scanners are deliberately small: they track only strings, comments and continuations,
 * which is all that decides whether a `#` starts a comment.
 */
export interface LineSafety {
  /** A comment line may be inserted before this line. */
  readonly startSafe: boolean;
  /** A `# comment` may be appended at the end of this line. */
  readonly endSafe: boolean;
  /** For YAML: the line opens a block scalar (`key: |`, `- >-`), so a trailing comment is avoided. */
  readonly opensBlockScalar: boolean;
}

export function lineSafety(lines: readonly string[], language: SourceLanguage): LineSafety[] {
  return language === 'python' ? pythonSafety(lines) : yamlSafety(lines);
}

type PyState = { kind: 'code' } | { kind: 'string'; quote: string; triple: boolean };

function pythonSafety(lines: readonly string[]): LineSafety[] {
  const result: LineSafety[] = [];
  let state: PyState = { kind: 'code' };
  let continued = false;
  for (const line of lines) {
    const startSafe = state.kind === 'code' && !continued;
    continued = false;
    let i = 0;
    while (i < line.length) {
      const ch = line[i];
      if (state.kind === 'string') {
        if (ch === '\\') {
          i += 2;
          continue;
        }
        if (state.triple ? line.startsWith(state.quote.repeat(3), i) : ch === state.quote) {
          i += state.triple ? 3 : 1;
          state = { kind: 'code' };
          continue;
        }
        i += 1;
        continue;
      }
      if (ch === '#') break;
      if (ch === '"' || ch === "'") {
        const triple = line.startsWith(ch.repeat(3), i);
        state = { kind: 'string', quote: ch, triple };
        i += triple ? 3 : 1;
        continue;
      }
      i += 1;
    }
    const endsWithBackslash = /\\\s*$/.test(line) && !lineEndsInComment(line);
    if (state.kind === 'string' && !state.triple) {
      // A one-line string only continues with a trailing backslash; otherwise it was a syntax error.
      if (!endsWithBackslash) state = { kind: 'code' };
    }
    const endSafe = state.kind === 'code' && !endsWithBackslash;
    if (state.kind === 'code' && endsWithBackslash) continued = true;
    result.push({ startSafe, endSafe, opensBlockScalar: false });
  }
  return result;
}

function lineEndsInComment(line: string): boolean {
  // Good enough for the backslash check: a backslash after a `#` belongs to the comment.
  const hash = line.indexOf('#');
  return hash >= 0 && !/["']/.test(line.slice(0, hash)) && line.lastIndexOf('\\') > hash;
}

/** `key: |`, `key: >-`, `- |2`, `key: |  # comment` and the like. */
const BLOCK_HEADER = /(^|[\s:-])[|>][0-9+-]{0,2}\s*(#.*)?$/;

function yamlSafety(lines: readonly string[]): LineSafety[] {
  const result: LineSafety[] = [];
  /** Content lines of the current block scalar are indented more than this column. */
  let blockParent: number | undefined;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '';
    if (blockParent !== undefined && (blank || indent > blockParent)) {
      result.push({ startSafe: false, endSafe: false, opensBlockScalar: false });
      continue;
    }
    blockParent = undefined;
    const opens = !line.trimStart().startsWith('#') && BLOCK_HEADER.test(line) && /(^\s*-\s+[|>])|(:\s+[|>])|(^\s*[|>])/.test(line);
    if (opens) blockParent = blockParentColumn(line, indent);
    result.push({ startSafe: true, endSafe: !opens, opensBlockScalar: opens });
  }
  return result;
}

/** The column content of a block scalar must exceed: the owning key's column, or the dash's for `- |`. */
function blockParentColumn(line: string, indent: number): number {
  let column = indent;
  let rest = line.slice(indent);
  while (/^-\s+/.test(rest)) {
    const dash = /^-\s+/.exec(rest)![0].length;
    if (/^[|>]/.test(rest.slice(dash))) return column;
    column += dash;
    rest = rest.slice(dash);
  }
  return column;
}

/** The nearest line at or above `line` before which a comment line can go. */
export function safeInsertionLine(safety: readonly LineSafety[], line: number): number {
  for (let candidate = Math.min(line, safety.length - 1); candidate >= 0; candidate -= 1) {
    if (safety[candidate].startSafe) return candidate;
  }
  return 0;
}

export function indentationOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}
