import type { SourceLanguage } from '../../language/types';
import type { TextInsertion } from './insertion';
import { indentationOf, lineSafety } from './line-safety';

/**
 * Plans "Ignore on this line": `  # ai-teacher: ignore[rule-id]` at the end of the line, or an
 * existing ignore list extended, or, where a trailing comment would change meaning (a line that
 * opens a YAML block scalar, a Python line that ends inside a string or continues with a
 * backslash), a comment line above it, which the engine applies to the next line.
 */
export type IgnorePlan =
  | { readonly kind: 'insert'; readonly insertion: TextInsertion; readonly placement: 'end' | 'above' | 'extend' }
  | { readonly kind: 'unsupported'; readonly reason: 'inside-string' };

const EXISTING = /#\s*ai-teacher:\s*ignore\[([^\]]*)\]/;

export function planIgnoreComment(lines: readonly string[], line: number, ruleId: string, language: SourceLanguage, eol = '\n'): IgnorePlan {
  const text = lines[line] ?? '';
  const safety = lineSafety(lines, language)[line] ?? { startSafe: true, endSafe: true, opensBlockScalar: false };
  if (safety.endSafe) {
    const existing = EXISTING.exec(text);
    if (existing) {
      const close = existing.index + existing[0].length - 1;
      const separator = existing[1].trim() === '' ? '' : ', ';
      return { kind: 'insert', placement: 'extend', insertion: { line, column: close, text: `${separator}${ruleId}` } };
    }
    const column = text.trimEnd().length;
    return { kind: 'insert', placement: 'end', insertion: { line, column, text: `  # ai-teacher: ignore[${ruleId}]` } };
  }
  if (safety.startSafe) {
    return {
      kind: 'insert',
      placement: 'above',
      insertion: { line, column: 0, text: `${indentationOf(text)}# ai-teacher: ignore[${ruleId}]${eol}` },
    };
  }
  return { kind: 'unsupported', reason: 'inside-string' };
}
