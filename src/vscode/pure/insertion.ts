/**
 * A plain insertion at a position: the only kind of change the scaffold and ignore quick fixes
 * make, so that no character of the learner's code is ever deleted or rewritten.
 */
export interface TextInsertion {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** Applies insertions to a text (tests and previews); positions refer to the original text. */
export function applyInsertions(text: string, insertions: readonly TextInsertion[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsets = insertions
    .map((insertion) => ({ offset: Math.min(text.length, (lineStarts[insertion.line] ?? text.length) + insertion.column), text: insertion.text }))
    .sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const { offset, text: inserted } of offsets) result = result.slice(0, offset) + inserted + result.slice(offset);
  return result;
}
