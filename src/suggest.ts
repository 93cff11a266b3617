// "Did you mean": the known names nearest to what was written.

/** The known ids within a small edit distance of `id` (at most three), nearest first. */
export function nearest(id: string, known: readonly string[]): string[] {
  if (id.length > 200) return [];
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
