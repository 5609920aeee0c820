// Suggestions ("did you mean …?") agree with the full table of distances, at a cost linear in the word.
import {describe, expect, it} from '@jest/globals';
import {closest} from '../../src/core/suggest.js';

function timed<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

describe('closest', () => {
  // The plain table, as suggestions were computed before: the bounded one must agree with it.
  function reference(word: string, candidates: readonly string[]): string | undefined {
    const distance = (a: string, b: string): number => {
      const d = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
      for (let j = 1; j <= b.length; j++) d[0]![j] = j;
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
          d[i]![j] = v;
        }
      return d[a.length]![b.length]!;
    };
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const c of candidates) {
      const d = distance(word.toLowerCase(), c.toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    return bestDistance <= Math.max(1, Math.min(3, Math.floor(word.length / 3))) ? best : undefined;
  }

  it('suggests what the full table suggests', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = (): string => Array.from({length: 1 + random(9)}, () => 'abcdeABx-'[random(9)]).join('');
    for (let n = 0; n < 3000; n++) {
      const candidates = Array.from({length: 1 + random(6)}, word);
      const w = random(3) === 0 ? candidates[0]!.slice(1) + candidates[0]![0] : word();
      expect([w, candidates, closest(w, candidates)]).toEqual([w, candidates, reference(w, candidates)]);
    }
  });

  it('takes no time on long words', () => {
    const long = 'x'.repeat(100_000);
    const [guess, ms] = timed(() => closest(long, [long.slice(1), 'registry', `${long}yz`]));
    expect(guess).toBe(long.slice(1));
    expect(ms).toBeLessThan(5000);
  });
});
