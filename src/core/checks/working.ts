// Working shown beside a stated value: a parenthesis holding a calculation - `FEE: 296 crowns
// (174 x 1.5 + 35)`, `RESUME AT: 09:40 (09:16 + 24 min)` - is how the value was reached, not an
// alternative to it. A parenthesis with a hedge word ("(or 284)", "(4 if ...)") is not working.

const PAREN = /[(（]([^()（）\n]*)[)）]/g;
const CALCULATION = /\d\s*(?:[-+×x*/÷=]|\bplus\b|\bminus\b|\btimes\b)\s*[\d(]|=\s*\d/i;
const HEDGE = /\b(?:or|if|maybe|perhaps|possibly|otherwise|unless|alternatively|either)\b|或|如果|若|也可能/i;

/** The [start, end) spans of the parenthesised calculations in `text`. */
export function workingSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(PAREN)) {
    const inner = m[1]!;
    if (CALCULATION.test(inner) && !HEDGE.test(inner)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export function inWorking(spans: readonly [number, number][], index: number): boolean {
  return spans.some(([s, e]) => index >= s && index < e);
}
