// Does an answer assert a term, or mention it only to deny it or set it aside? Decided from the
// clause the term stands in, in English and Chinese, by a small set of rules:
//   - a clause ends at . ! ? ; 。！？； a line break, a dash between spaces, a parenthesis, and
//     before a contrasting or concluding word (but, however, instead, whereas, so, because,
//     which, 但, 而是, 所以, 因此 ...); in Chinese text a comma ends a clause too;
//   - a negation before the term in its clause, up to a comma, denies it: "not X", "do not use
//     X or Y", "never X", "rather than X", "without X", "no X", 不是X, 并非X, 不要X, 而非X
//     ("not exempt, 173 marks" still asserts 173);
//   - a conditional before the term sets it aside: "would give North 35", "had it been 92 mL",
//     "if it were X" (up to the next comma), 如果X, 若X, 否则X;
//   - a verdict after the term denies it: "X is wrong here", "X would be the C answer",
//     "X does not apply", X是错误的, X不适用;
//   - a clause that is only a denial denies the clause before it: "In C, zero is false; not here."
// Rules, not a model: each is tested in tests/core/checks/negation.test.ts.

export type Stance = 'asserted' | 'negated' | 'hypothetical';

const HAN = /\p{Script=Han}/u;

// Words that start a new clause (the boundary is placed before them).
const CLAUSE_WORDS =
  /,?\s+\b(?:but|however|instead|whereas|while|although|though|yet|so|therefore|thus|hence|because|since|which|whereas)\b|[,，]?\s*(?:但是|但|而是|然而|所以|因此|因为|不过)/giu;
const HARD_BREAKS = /[.!?;。！？；\n()（）]|\s[-–—]\s|\s[-–—]{2}\s/gu;

export interface Clause {
  start: number;
  end: number;
}

/** The clauses of a text, as [start, end) spans that cover it. */
export function clauses(text: string): Clause[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of text.matchAll(HARD_BREAKS)) {
    // a full stop between digits is a decimal point, not the end of a sentence
    if (m[0] === '.' && /\d/.test(text[m.index - 1] ?? '') && /\d/.test(text[m.index + 1] ?? '')) continue;
    cuts.add(m.index);
    cuts.add(m.index + m[0].length);
  }
  for (const m of text.matchAll(CLAUSE_WORDS)) cuts.add(m.index);
  // Chinese commas (also the ASCII comma NFKC makes of ，) end a clause next to Han text.
  for (const m of text.matchAll(/[,，、]/g)) {
    if (m[0] !== ',' || HAN.test(text[m.index - 1] ?? '') || HAN.test(text[m.index + 1] ?? '')) cuts.add(m.index + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Clause[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) if (sorted[k + 1]! > sorted[k]!) out.push({ start: sorted[k]!, end: sorted[k + 1]! });
  return out;
}

const NEG_BEFORE_EN =
  /\b(?:not|never|cannot|nor|neither|without|rather than|instead of|other than|except|excluding|avoid(?:s|ed|ing)?|no longer|none of|isn't|aren't|wasn't|don't|doesn't|didn't|won't|shouldn't|mustn't|can't|couldn't|wouldn't)\b|n[’']t\b/i;
// 别, 非 and 误 deny only on their own: not in 类别/分别/区别/特别 (category, respectively, ...),
// 非常 (very), 无误 (without error).
const NEG_BEFORE_ZH = /不是|并非|並非|而非|不应|不應|不会|不會|不能|不得|不要|不用|不必|无需|無需|不等于|不等於|不可|勿|(?<![类類分区區特级級性个個差识識辨告离離送道派组組鉴鑒判])[别別]|(?<![无無])[误誤]|并不|並不|非(?![常洲])/;
// "no" as a determiner right before the term: "LOCKOUT (no purge)", "no further purge" ("No, ..." is not).
// "NO or YES" is two answers, not "no YES".
const NO_BEFORE = /\bno\s+(?:(?!(?:or|and|but|yes|nor)\b)[\p{L}-]+\s+)?$/iu;
const HYPO_BEFORE_EN =
  /\b(?:would|could|might|had (?:it|they|the|this|that|we|you|he|she)\b|were (?:it|the)\b|textbook|naive(?:ly)?|usually|normally|conventional(?:ly)?|classical(?:ly)?|unlike|real-world|in (?:the )?real (?:world|life))/i;
const COND_BEFORE = /\b(?:if|unless|otherwise|suppose|assuming)\b|如果|假如|倘若|若|否则|否則|如按|要是/i;
const VERDICT_AFTER_EN =
  /^[^\p{L}\p{N}]{0,3}(?:\S+\s+){0,3}?(?:is|are|was|were|be)\s+(?:not\s+(?:needed|required|necessary|enough|sufficient|allowed|permitted|applicable|relevant|right|correct|valid|the answer)|unnecessary|irrelevant|insufficient|no longer needed)\b|^[^\p{L}\p{N}]{0,3}(?:\S+\s+){0,3}?(?:isn't|aren't|wasn't|weren't)\s+(?:needed|required|necessary|enough|sufficient|allowed|right|correct)\b|^[^\p{L}\p{N}]{0,3}(?:\S+\s+){0,3}?(?:is|are|was|were|would be|seems?|looks?)\s+(?:(?:also|clearly|simply|therefore)\s+)?(?:wrong|incorrect|not right|not correct|a mistake|an error|false|invalid|ruled out|excluded|the (?:wrong|trap|naive|textbook|usual|\w+\s+)answer|what\b)|^[^\p{L}\p{N}]{0,3}(?:\S+\s+){0,3}?(?:would|could|might)\b|^[^\p{L}\p{N}]{0,3}(?:\S+\s+){0,2}?(?:does not|doesn't|do not|don't|did not|didn't) (?:apply|hold|count)\b/iu;
const VERDICT_AFTER_ZH = /^([^。；;\n]{0,15}?)(?:是错误|错误|錯誤|不正确|不正確|不对|不對|有误|有誤|不成立|不符|不适用|不適用|是陷阱)/;
// A negation before the verdict cancels it: 第07类不因糖果而不适用 ("does not fail to apply because
// of the sweets"), 第07类不是错误的, 并非不对.
const ZH_DOUBLE = /[不非未没沒无無]/;

function zhVerdictAfter(after: string): boolean {
  const m = VERDICT_AFTER_ZH.exec(after);
  return !!m && !ZH_DOUBLE.test(m[1]!);
}
const BARE_DENIAL =
  /^[\s,]*(?:(?:but|and)\s+)?(?:(?:that|this|which)(?:'s| is| would be)\s+(?:wrong|incorrect|not (?:the case|right|so) here)|not\s+(?:here|so|in this case|in this game|this time|in \w+)|(?:that|this) does not apply(?: here)?)\b|^[\s,，]*(?:但)?(?:这里|此处|本题|本案|在此)?(?:不适用|不是这样|并非如此|不成立)/iu;

function andAt(text: string): number {
  const m = /.*\sand\s/is.exec(text);
  return m ? m[0].length - 1 : -1;
}

function lastWords(text: string, n: number): string {
  const words = text.split(/(?<=\s)/);
  return words.length > n ? words.slice(-n).join('') : text;
}

function clauseAt(cs: Clause[], index: number): number {
  let lo = 0;
  let hi = cs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cs[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const cache = new Map<string, Clause[]>();
function clausesCached(text: string): Clause[] {
  let cs = cache.get(text);
  if (!cs) {
    if (cache.size > 16) cache.clear();
    cs = clauses(text);
    cache.set(text, cs);
  }
  return cs;
}

/** How `text` states the term at [start, end): asserted, negated or set aside as hypothetical. */
export function stance(text: string, start: number, end: number): Stance {
  if (text.length === 0) return 'asserted';
  const cs = clausesCached(text);
  const k = clauseAt(cs, Math.min(start, text.length - 1));
  const c = cs[k]!;
  const before = text.slice(Math.max(c.start, start - 80), start);
  const after = text.slice(end, Math.max(end, c.end));
  // A denial reaches to the next comma or "and", and over at most eight words: "not exempt, 173
  // marks" and "did not arrive late and the period ended on 1 April" assert 173 and 1 April.
  const sinceComma = lastWords(before.slice(Math.max(before.lastIndexOf(','), andAt(before)) + 1), 8);
  if (NEG_BEFORE_EN.test(sinceComma) || NEG_BEFORE_ZH.test(sinceComma) || NO_BEFORE.test(sinceComma)) return 'negated';
  const cond = COND_BEFORE.exec(before);
  const hypothetical = HYPO_BEFORE_EN.test(before) || (!!cond && !/[,，]/.test(before.slice(cond.index)));
  if (!hypothetical && (VERDICT_AFTER_EN.test(after) || zhVerdictAfter(after))) return 'negated';
  // the next clause is only a denial ("; not here.") - also of a hypothetical: "Kalah scoring
  // would give 35, but not here" rejects the 35 outright
  let j = k + 1;
  while (j < cs.length && !/[\p{L}\p{N}]/u.test(text.slice(cs[j]!.start, cs[j]!.end))) j++;
  const next = cs[j];
  if (next && BARE_DENIAL.test(text.slice(next.start, next.end + 20))) {
    return 'negated';
  }
  return hypothetical ? 'hypothetical' : 'asserted';
}

export const asserted = (text: string, start: number, end: number): boolean => stance(text, start, end) === 'asserted';
