import type { SourceLanguage } from '../../language/types';
import type { TextInsertion } from './insertion';
import { indentationOf, lineSafety, safeInsertionLine } from './line-safety';

/**
 * Plans "Insert TODO scaffold": the rule's scaffold as comment lines above the finding's line,
 * indented like it. Every scaffold line becomes a comment (a line that is not one already gets
 * `# `), and the insertion moves up out of strings and block scalars, so the learner's code
 * keeps its meaning and every original line stays as it was.
 */
export function planScaffoldInsertion(lines: readonly string[], findingLine: number, scaffold: string, language: SourceLanguage, eol = '\n'): TextInsertion {
  const safety = lineSafety(lines, language);
  const line = lines.length === 0 ? 0 : safeInsertionLine(safety, Math.max(0, Math.min(findingLine, lines.length - 1)));
  const indent = indentationOf(lines[line] ?? '');
  const text = scaffoldComment(scaffold)
    .map((comment) => indent + comment + eol)
    .join('');
  return { line, column: 0, text };
}

/** The scaffold's lines as comments, without trailing blank lines. */
export function scaffoldComment(scaffold: string): string[] {
  const lines = scaffold.replace(/\s+$/, '').split(/\r?\n/);
  return lines.map((raw) => {
    const line = raw.trimEnd();
    if (line.trim() === '') return '#';
    return line.trimStart().startsWith('#') ? line : `# ${line}`;
  });
}
