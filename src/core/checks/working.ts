// Working shown beside a stated value: a parenthesis holding a calculation - `FEE: 296 crowns
// (174 x 1.5 + 35)`, `RESUME AT: 09:40 (09:16 + 24 min)` - is how the value was reached, not an
// alternative to it. Not working: a parenthesis with a hedge word ("(or 284)", "(4 if ...)"), or
// one that restates the quantity another way ("(225 by v^2/2g)", "(vy=15 under section 3.3)").

const PAREN = /[(（]([^()（）\n]*)[)）]/g;
const CALCULATION = /\d\s*(?:[-+×x*/÷]|\bplus\b|\bminus\b|\btimes\b)\s*[\d(]/i;
const HEDGE = /\b(?:or|if|maybe|perhaps|possibly|otherwise|unless|alternatively|either)\b|或|如果|若|也可能/i;
// "by v^2/2g", "under 3.3", "with a half-life", "vy=15": another method or a named field
const RESTATES = /\b(?:by|under|with|using|via|per|according|assuming|in|for|from)\b|\p{L}\s*[=:]\s*[-+]?\d|按|根据|用/iu;

/** The [start, end) spans of the parenthesised calculations in `text`. */
export function workingSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(PAREN)) {
    const inner = m[1]!;
    if (CALCULATION.test(inner) && !HEDGE.test(inner) && !RESTATES.test(inner)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export function inWorking(spans: readonly [number, number][], index: number): boolean {
  return spans.some(([s, e]) => index >= s && index < e);
}

// A parenthesis that describes something else beside a stated count: `CONTACTS: 3 (the third
// leaves vy = 0)`, `RESTING FROM: 45 (vx 4, then 3, 2, 1)`. Its numbers belong to other
// quantities, named inside it, so they are no rivals for the labelled one. Not a description: a
// parenthesis that opens with a number ("6 (4)", "3 (4 if ...)") or that holds a hedge word
// ("(or 4)", "(could be 4)", "(some say 4)", "（也可能是4）").
const ASIDE_HEDGE =
  /\b(?:or|if|maybe|perhaps|possibly|otherwise|unless|alternatively|either|could|might|would|else|instead|rather|probably|likely|say|says|said|vs|versus|approx(?:imately)?|about|around|roughly|nearly)\b|\?|？|或|如果|若|也可能|可能|还是|還是|大概|也许|也許|否则|否則|约|約/i;

/** The [start, end) spans of the parentheses in `text` that describe other quantities, without a hedge. */
export function asideSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(PAREN)) {
    const inner = m[1]!;
    // the first thing said inside must be words, not a number
    if (ASIDE_HEDGE.test(inner) || !/^[\s"'“‘]*\p{L}/u.test(inner)) continue;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
