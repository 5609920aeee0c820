/** The closest candidate to a misspelt word, if one is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    // The distance is at least the difference in length: most candidates need no alignment at all.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = distance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions) when it is at most
 * `max`, else some number above `max`. Only the band of the table within `max` of its diagonal is
 * computed (a cell outside it is more than `max` away), three rows of it at a time: the cost is the
 * length of `a` times `2 max + 1`, and a few rows for words that differ early.
 */
function distance(a: string, b: string, max: number): number {
  const far = max + 1;
  if (Math.abs(a.length - b.length) > max) return far;
  let before = new Array<number>(b.length + 1).fill(far);
  let previous = Array.from({length: b.length + 1}, (_, j) => (j <= max ? j : far));
  let current = new Array<number>(b.length + 1).fill(far);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // The cells just outside the band hold `far` (or the first column), whatever an older row left there.
    current[from - 1] = from === 1 ? i : far;
    if (to < b.length) current[to + 1] = far;
    let rowMin = far;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      current[j] = Math.min(v, far);
      rowMin = Math.min(rowMin, current[j]!);
    }
    // Every later cell is at least the minimum of this row or the one before it (transpositions).
    if (rowMin > max && previousMin > max) return far;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
