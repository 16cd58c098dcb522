/**
 * Edit distance between two names, for rules that tell a misspelling from a different name
 * (`secret.X` for `secrets.X`, `retires` for `retries`, one MLflow name written two ways).
 *
 * `swaps` counts a swap of two neighbouring letters as one edit (optimal string alignment) instead
 * of two. With a `limit`, the answer is exact up to it and `limit + 1` past it, and the work stops
 * as soon as no alignment can come back under it.
 */
export function editDistance(a: string, b: string, { limit = Infinity, swaps = false }: { limit?: number; swaps?: boolean } = {}): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2] + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    // A row's smallest entry never falls in later rows (a swap costs what the row before allowed).
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
