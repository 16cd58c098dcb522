import * as assert from 'node:assert/strict';
import { lineSafety } from '../../../src/vscode/pure/line-safety';

const starts = (text: string, language: 'python' | 'yaml') => lineSafety(text.split('\n'), language).map((s) => s.startSafe);
const ends = (text: string, language: 'python' | 'yaml') => lineSafety(text.split('\n'), language).map((s) => s.endSafe);

describe('line safety for inserted comments', () => {
  it('ignores quotes inside Python comments and escaped quotes inside strings', () => {
    assert.deepEqual(starts("# don't stop\nx = 'it\\'s'\ny = \"a \\\" b\"\nz = 1", 'python'), [true, true, true, true]);
  });

  it('tracks triple-quoted strings of both kinds, with prefixes', () => {
    assert.deepEqual(starts('a = f\'\'\'\n{x}\n\'\'\'\nb = rb"""\n"""\nc = 1', 'python'), [true, false, false, true, false, true]);
    assert.deepEqual(ends("a = '''x\ny'''\nb = 2", 'python'), [false, true, true]);
  });

  it('treats brackets as safe (comments are allowed between tokens)', () => {
    assert.deepEqual(starts('call(\n    a,\n    b,\n)', 'python'), [true, true, true, true]);
  });

  it('finds YAML block scalars with indicators, nested in sequences, and their end', () => {
    const text = 'a: >-\n  folded\n\n  more\nb: |2\n    x\nc:\n  - |\n    y\n  - z\nd: "not | a block"';
    assert.deepEqual(starts(text, 'yaml'), [true, false, false, false, true, false, true, true, false, true, true]);
    assert.deepEqual(
      lineSafety(text.split('\n'), 'yaml').map((s) => s.opensBlockScalar),
      [true, false, false, false, true, false, false, true, false, false, false],
    );
  });
});
