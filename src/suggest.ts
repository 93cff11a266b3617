// "Did you mean": the known names nearest to what was written.
import { limits } from './input/limits.js';

/** The known ids within a small edit distance of `id` (at most three), nearest first. */
export function nearest(id: string, known: readonly string[]): string[] {
  if (id.length > limits.nameChars) return [];
  const limit = Math.max(2, Math.floor(id.length / 4));
  return known
    .map((k) => ({ k, d: editDistance(id, k) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ k }) => k);
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name closest to a misspelt one, if it is close enough to be what was meant. */
export function closest(input: string, known: Iterable<string>): string | undefined {
  // A name this long is no misspelling, and the distance to it would take time quadratic in its length.
  if (input.length > limits.nameChars) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
