// `number`: the part of the answer the check reads (see answer-part.ts) states `value`, once.
//   - Numbers are read as people write them (numbers.ts, number-words.ts): 1,250 / １２ /
//     twenty-four / 二万一千四百八十 / 2.148万 / 百分之九. A percentage also counts as a fraction.
//   - With `unit`, numbers in another unit of the same kind are converted (0.75 g = 750 mg) and
//     numbers in units of another kind are not this quantity.
//   - Only numbers the answer asserts are candidates: "not 284", "it would be 92 mL had ..." are
//     set aside (negation.ts). Times of day (09:40), codes (E104, MW-3), ordinals (3rd) and the
//     parts of dates (15 March, May 31st, 11月23日) are no candidates either.
//   - One value per question: the check fails when the answer offers rival values for the same
//     quantity - in a labelled line every other number (of the unit) is a rival; elsewhere the
//     numbers joined to the right one as alternatives are ("284, 296 or 314", "22-24 min",
//     "6 (or 4)", "1,934或2,256"). Reasoning may mention any other number, and so may working
//     in parentheses beside the value ("296 crowns (174 x 1.5 + 35)", working.ts).
// `tolerance` is absolute, `relTolerance` a share of |value|; with both, the wider one counts.
import type { Check } from '../scenario/schema.js';
import { readPart, revisionAfter, verb } from './answer-part.js';
import type { CheckContext } from './context.js';
import { asserted, stance } from './negation.js';
import { formatNumber, listing, quote } from './normalize.js';
import { extractNumbers, type NumberMatch } from './numbers.js';
import { fail, pass, type CheckResult } from './result.js';
import { unitAt, unitSpec, type UnitSpec } from './units.js';
import { asideSpans, inWorking, workingSpans } from './working.js';

type NumberCheck = Extract<Check, { type: 'number' }>;

export function expectation(check: NumberCheck): string {
  const parts: string[] = [];
  if (check.tolerance) parts.push(`+/-${formatNumber(check.tolerance)}`);
  if (check.relTolerance) parts.push(`+/-${formatNumber(check.relTolerance * 100)}%`);
  const unit = check.unit ? ` ${typeof check.unit === 'string' ? check.unit : check.unit.name}` : '';
  return parts.length ? `${formatNumber(check.value)}${unit} (${parts.join(' or ')})` : `${formatNumber(check.value)}${unit}`;
}

export interface Candidate {
  match: NumberMatch;
  /** The readings in the check's unit (value, alternatives, percent as a fraction). */
  readings: number[];
  /** Where the candidate (with its unit) ends. */
  end: number;
  /** The candidate as a reason shows it. */
  shown: string;
  unit: 'same' | 'none';
}

// A time of day (09:40, 9.40 am) or a clock duration is not a count.
const TIME_AFTER = /^[:：]\d{2}\b|^\.\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|h\b)/i;
const TIME_BEFORE = /\d[:：]$/;

function isCode(text: string, m: NumberMatch): boolean {
  // E104, MW-3, H-17, OW-412-0387: digits glued to letters are names, not quantities
  const before = text.slice(Math.max(0, m.index - 2), m.index);
  if (/[A-Za-z]$/.test(before)) return /\d/.test(m.text[0] ?? '');
  if (/[\p{Lu}\d]-$/u.test(before)) return true;
  const after = text[m.index + m.text.length];
  return after !== undefined && /[A-Za-z]/.test(after) && /^[A-Za-z]{1,2}\d/.test(text.slice(m.index + m.text.length, m.index + m.text.length + 3));
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const MONTH_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?![a-z])|^\s*月`, 'i');
const DAY_MONTH_BEFORE = new RegExp(String.raw`\d(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+$`, 'i');
const MONTH_BEFORE = new RegExp(String.raw`(?:^|[^a-z])${MONTH}\s+(\d{1,2}(?:st|nd|rd|th)?,?\s+)?$|月\s*$`, 'i');

/** A day or a year in a date ("15 March", "March 15th", "25 March 412", "11月23日") is no quantity. */
function datePart(text: string, m: NumberMatch): boolean {
  const end = m.index + m.text.length;
  const day = Number.isInteger(m.value) && m.value >= 1 && m.value <= 31;
  if (day && MONTH_AFTER.test(text.slice(end, end + 16))) return true;
  const lead = text.slice(Math.max(0, m.index - 24), m.index);
  if (DAY_MONTH_BEFORE.test(lead)) return true; // the year of "25 March 412"
  const before = MONTH_BEFORE.exec(lead);
  // "March 15" (a day), "March 15, 412" (a year after a day); "May 99 crowns" is no date
  return !!before && (day || before[1] !== undefined);
}

function ordinal(text: string, m: NumberMatch): boolean {
  return /^(?:st|nd|rd|th)\b/i.test(text.slice(m.index + m.text.length, m.index + m.text.length + 3));
}

/** The numbers of `text` that may state the checked quantity, each with its readings in the check's unit. */
export function candidates(text: string, spec: UnitSpec | undefined): Candidate[] {
  const all = extractNumbers(text);
  const out: (Candidate & { other: boolean })[] = [];
  for (const m of all) {
    const end0 = m.index + m.text.length;
    if (TIME_AFTER.test(text.slice(end0, end0 + 8)) || TIME_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    if (isCode(text, m) || ordinal(text, m) || datePart(text, m)) continue;
    let factor = 1;
    let end = end0;
    let unit: Candidate['unit'] = 'none';
    let other = false;
    if (spec) {
      const u = unitAt(text, end0, spec);
      if (u.kind === 'same') {
        factor = u.factor;
        end += u.length;
        unit = 'same';
      } else if (u.kind === 'other') other = true;
    }
    const base = m.alternatives.length || m.percent ? [m.value, ...m.alternatives, ...(m.percent ? [m.value / 100] : [])] : [m.value];
    const readings = factor === 1 ? base : base.map((x) => Number((x * factor).toPrecision(12)));
    out.push({ match: m, readings, end, shown: text.slice(m.index, end).trim(), unit, other });
  }
  // "22 or 24 min", "284, 296 or 314 crowns": a bare number joined to the next by a list word
  // takes that number's unit; "12 gu (or practically 0)": and a bare alternative after one, too.
  if (spec) {
    const lend = (to: Candidate & { other: boolean }, from: Candidate & { other: boolean }) => {
      const u = unitAt(text, from.match.index + from.match.text.length, spec);
      if (u.kind !== 'same') return;
      to.readings = to.readings.map((x) => Number((x * u.factor).toPrecision(12)));
      to.unit = 'same';
    };
    for (let k = out.length - 2; k >= 0; k--) {
      const a = out[k]!;
      const b = out[k + 1]!;
      if (a.unit !== 'none' || a.other || b.other || b.unit !== 'same') continue;
      if (JOINER.test(text.slice(a.end, b.match.index))) lend(a, b);
    }
    for (let k = 1; k < out.length; k++) {
      const a = out[k - 1]!;
      const b = out[k]!;
      if (b.unit !== 'none' || b.other || a.other || a.unit !== 'same') continue;
      if (HEDGE_GAP.test(text.slice(a.end, b.match.index))) lend(b, a);
    }
  }
  return out.filter((c) => !c.other);
}

/** Whether the answer asserts a candidate (not "not 284", not "it would be 92 mL"); asked lazily, it is the costly part. */
function assertedIn(text: string): (c: Candidate) => boolean {
  const memo = new Map<Candidate, boolean>();
  return (c) => {
    let v = memo.get(c);
    if (v === undefined) {
      v = asserted(text, c.match.index, c.end);
      memo.set(c, v);
    }
    return v;
  };
}

// What joins alternatives: "or", "/", "either", "to", "-", "(or", "(", 或, 或者, 还是, 至, 到, ~.
const HEDGE = String.raw`(?:,?\s*(?:or|either|or\s+(?:maybe|perhaps|possibly|else)|maybe|perhaps|possibly|alternatively|and\/or|\/|-|–|—|~|～|或者|或是|或|还是|還是|至|也可能是?|可能是?)\s*)`;
const QUALIFIER = String.raw`(?:(?:about|around|roughly|approximately|practically|nearly|almost|essentially|maybe|perhaps|possibly|约|大约)\s*)?`;
const JOINER = new RegExp(String.raw`^\s*(?:${HEDGE}|,\s*|\s+and\s+|、|\s*\(\s*(?:or\s+|i\.e\.\s+|=\s*)?)\s*${QUALIFIER}$`, 'i');
const HEDGE_GAP = new RegExp(String.raw`^\s*(?:${HEDGE}|\(\s*(?:or\s+)?)\s*${QUALIFIER}$`, 'i');

/** The candidates joined to `hit` as a list of alternatives (the list must contain a hedge word). */
function hedgeGroup(text: string, cs: Candidate[], hit: number): Candidate[] {
  let lo = hit;
  let hi = hit;
  const gap = (k: number) => text.slice(cs[k]!.end, cs[k + 1]!.match.index);
  // an opening parenthesis counts only when it does not start a calculation: "296 (261 + 35)"
  const linked = (k: number) => {
    const g = gap(k);
    if (!JOINER.test(g)) return false;
    if (/\(\s*$/.test(g) && !/\bor\b/i.test(g)) {
      const next = cs[k + 1]!;
      return !/^\s*[-+×x*/=÷]/.test(text.slice(next.end, next.end + 3));
    }
    return true;
  };
  while (lo > 0 && linked(lo - 1)) lo--;
  while (hi < cs.length - 1 && linked(hi)) hi++;
  if (lo === hi) return [cs[hit]!];
  // "between 22 and 24"
  let hedged = /\bbetween\s+$|介于\s*$/i.test(text.slice(Math.max(0, cs[lo]!.match.index - 12), cs[lo]!.match.index));
  for (let k = lo; k < hi; k++) if (HEDGE_GAP.test(gap(k))) hedged = true;
  return hedged ? cs.slice(lo, hi + 1) : [cs[hit]!];
}

export function checkNumber(check: NumberCheck, answer: string, ctx: CheckContext = {}): CheckResult {
  const part = readPart(answer, { labels: ctx.labels, label: check.label, scope: check.scope });
  const what = check.what ?? (check.label ? `the ${check.label.toUpperCase()} value` : 'the value');
  const expected = expectation(check);
  if (!part.found) return fail(`expected ${what} ${expected}; the answer has no ${check.label!.toUpperCase()}: line`);
  const allowed = Math.max(check.tolerance ?? 0, (check.relTolerance ?? 0) * Math.abs(check.value));
  const epsilon = 1e-9 * Math.max(1, Math.abs(check.value));
  const fits = (c: Candidate) => c.readings.some((x) => Math.abs(x - check.value) <= allowed + epsilon);
  const spec = check.unit ? unitSpec(check.unit) : undefined;
  let cs = candidates(part.text, spec);
  // With a unit, a number that carries it is the statement; bare numbers count only when none does.
  if (spec && cs.some((c) => c.unit === 'same')) cs = cs.filter((c) => c.unit === 'same');
  const said = assertedIn(part.text);
  const hitIndex = cs.findIndex((c) => fits(c) && said(c));
  if (hitIndex < 0) {
    const shown: string[] = [];
    let asked = 0; // the reason lists a few values; a huge answer need not be read to its end for them
    for (const c of cs) {
      if (shown.length > 8 || asked > 300) break;
      if (shown.includes(c.shown)) continue;
      asked++;
      if (said(c)) shown.push(c.shown);
    }
    if (shown.length === 0) return fail(`expected ${what} ${expected}; ${part.where} ${verb(part.where, 'gives', 'give')} no number`);
    return fail(`expected ${what} ${expected}; ${part.where} ${verb(part.where, 'gives', 'give')} ${listing(shown)}`);
  }
  const hit = cs[hitIndex]!;
  const working = workingSpans(part.text);
  // On a stated answer line a value offered under a condition ("6, otherwise 4") is an
  // alternative answer: only a denied value is set aside there.
  const onLine = /lines?$/.test(part.where);
  // A bare number in a parenthesis that describes something else ("3 (the third leaves vy = 0)")
  // is another quantity; one carrying the check's unit is this quantity stated again, a rival.
  const asides = asideSpans(part.text);
  const aside = (c: Candidate) => c.unit !== 'same' && c !== hit && inWorking(asides, c.match.index) && stance(part.text, c.match.index, c.end) === 'asserted';
  const rival = (c: Candidate) =>
    (onLine ? stance(part.text, c.match.index, c.end) !== 'negated' : said(c)) && !inWorking(working, c.match.index) && !aside(c);
  const group = (check.label ? cs : hedgeGroup(part.text, cs, hitIndex)).filter((c) => c === hit || rival(c));
  const rivals = group.filter((c) => !fits(c));
  if (rivals.length) {
    const shown = unique(group.map((c) => c.shown));
    return fail(`${part.where} ${verb(part.where, 'gives', 'give')} ${listing(shown)} for ${what}; expected one value: ${expected}`);
  }
  // A reversal after the final lines ("... so 296. Actually 314.") takes the stated value back.
  const revision = revisionAfter(part, [check.label ?? '', check.what ?? ''], [hit.match.text]);
  if (revision) {
    let later = candidates(revision, spec);
    if (spec && later.some((c) => c.unit === 'same')) later = later.filter((c) => c.unit === 'same');
    const taken = later.find((c) => !fits(c) && asserted(revision, c.match.index, c.end));
    if (taken) return fail(`${part.where} ${verb(part.where, 'gives', 'give')} ${hit.shown} for ${what}, but the answer then revises it: ${quote(revision, 50)}; expected one value: ${expected}`);
  }
  return pass(`${part.where} ${verb(part.where, 'gives', 'give')} ${what} as ${hit.shown} (expected ${expected})`);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
