// "Did you mean ...?" for typos in field names, check types and enum values.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + cost);
      // transposition ("promtp" for "prompt") counts as one edit
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) prev[j] = Math.min(prev[j]!, diag);
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a small edit distance, or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let d = editDistance(w, lc);
    if (lc.startsWith(w) || w.startsWith(lc)) d = Math.min(d, 1.5);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return bestD <= limit ? best : undefined;
}

/** Candidates sorted by closeness, those within reach first; at most `n`. */
export function nearest(word: string, candidates: readonly string[], n = 3): string[] {
  const w = word.toLowerCase();
  return candidates
    .map((c) => {
      const lc = c.toLowerCase();
      let d = editDistance(w, lc);
      if (lc.includes(w) || w.includes(lc)) d = Math.min(d, 1);
      return { c, d };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(word.length / 2)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, n)
    .map((x) => x.c);
}
