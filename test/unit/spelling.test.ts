import assert from 'node:assert/strict';
import { editDistance } from '../../src/language/spelling';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('secret', 'secrets'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
  });

  it('counts a swap of neighbours as two edits, or as one with swaps', () => {
    assert.equal(editDistance('retires', 'retries'), 2);
    assert.equal(editDistance('retires', 'retries', { swaps: true }), 1);
    assert.equal(editDistance('jbo', 'job', { swaps: true }), 1);
    // A swap is only of neighbours: `ca` to `abc` is still three edits apart without it.
    assert.equal(editDistance('ca', 'abc', { swaps: true }), 3);
  });

  it('is exact up to a limit and limit + 1 past it', () => {
    assert.equal(editDistance('model_name', 'model_nmae', { limit: 2 }), 2);
    assert.equal(editDistance('iris_classifier', 'wine_regressor', { limit: 2 }), 3);
    assert.equal(editDistance('short', 'a much longer name', { limit: 2 }), 3);
    for (const [a, b] of [
      ['retires', 'retries'],
      ['email_on_retyr', 'email_on_retry'],
      ['depends_on_pat', 'depends_on_past'],
      ['abcdef', 'badcfe'],
    ])
      for (const swaps of [false, true])
        for (const limit of [0, 1, 2, 3]) assert.equal(editDistance(a, b, { limit, swaps }), Math.min(editDistance(a, b, { swaps }), limit + 1), `${a} ${b} ${limit} ${swaps}`);
  });
});
