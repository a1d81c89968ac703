// `regex`: RE2 patterns (re2.ts) on the part of the answer the check reads (answer-part.ts).
//   - `pattern`: the part must match in a clause that asserts it; with `negate: true` it must not
//     ("MW-3 is not needed", "52 mL would be wrong", "not 52 mL" assert nothing - negation.ts).
//   - `capture` + `expect`: the pattern captures the stated value (group `value`, else group 1),
//     every asserted capture must equal `expect`, and more than one different value is a hedge
//     that fails ("the labelled lines give 22 and 24 for the settle time; expected one value: 24").
// Reasons name what was expected in words and quote the answer; the pattern itself is kept for
// authors in the result's `pattern` (shown by `clplay check --json`), never on a player's screen.
import type { Check } from '../scenario/schema.js';
import { errorMessage } from '../errors.js';
import { readPart, revisionAfter, verb } from './answer-part.js';
import type { CheckContext } from './context.js';
import { asserted, stance } from './negation.js';
import { formatNumber, listing, normalize, quote } from './normalize.js';
import { extractNumbers } from './numbers.js';
import { compileRe2, re2Matches } from './re2.js';
import { fail, pass, type CheckResult } from './result.js';
import { inWorking, workingSpans } from './working.js';

type RegexCheck = Extract<Check, { type: 'regex' }>;

export function showPattern(check: RegexCheck): string {
  const source = check.capture ?? check.pattern ?? '';
  const p = source.length > 50 ? source.slice(0, 49) + '…' : source;
  return `/${p}/${check.flags ?? ''}`;
}

function expected(check: RegexCheck): string {
  if (check.expectNumbers) return check.expectNumbers.map(formatNumber).join(' ');
  const e = check.expect;
  if (e === undefined) return '';
  if (typeof e === 'number') return formatNumber(e);
  if (Array.isArray(e)) return e[0]!;
  return e;
}

/** True when a captured value states `expect`: as a number when it is one, else as text (one of a list). */
export function sameValue(captured: string, expect: RegexCheck['expect']): boolean {
  if (expect === undefined) return true;
  const wantNumber = typeof expect === 'number' ? expect : typeof expect === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(expect) ? Number(expect) : undefined;
  if (wantNumber !== undefined) {
    const nums = extractNumbers(captured);
    if (nums.length === 1) {
      const m = nums[0]!;
      return [m.value, ...m.alternatives].some((x) => Math.abs(x - wantNumber) <= 1e-9 * Math.max(1, Math.abs(wantNumber)));
    }
  }
  const list = Array.isArray(expect) ? expect : [String(expect)];
  const got = comparable(captured);
  return list.some((e) => comparable(e) === got);
}

/** Text as compared: normalized, one trailing full stop or comma dropped ("8!" stays "8!"), no spaces. */
function comparable(text: string): string {
  return normalize(text)
    .replace(/\s*[.。,;]$/, '')
    .replace(/\s+/g, '');
}

/** True when the numbers read from `captured`, in order, are exactly `want` ("x=161, y=0" for [161, 0]). */
export function sameNumbers(captured: string, want: readonly number[]): boolean {
  const got = extractNumbers(captured);
  if (got.length !== want.length) return false;
  return got.every((m, k) => Math.abs(m.value - want[k]!) <= 1e-9 * Math.max(1, Math.abs(want[k]!)));
}

function withPattern(r: CheckResult, check: RegexCheck): CheckResult {
  return { ...r, pattern: showPattern(check) };
}

export function checkRegex(check: RegexCheck, answer: string, ctx: CheckContext = {}): CheckResult {
  const source = check.capture ?? check.pattern;
  if (source === undefined) return withPattern(fail('the check has neither pattern nor capture'), check);
  let matches;
  const part = readPart(answer, { labels: ctx.labels, label: check.label, scope: check.scope });
  try {
    matches = re2Matches(compileRe2(source, check.flags ?? ''), part.text);
  } catch (err) {
    return withPattern(fail(`the check's pattern cannot run: ${errorMessage(err)}`), check);
  }
  const what =
    check.what ??
    (check.label ? `the ${check.label.toUpperCase()} value` : check.capture !== undefined ? 'the value' : ctx.item ? `what the item asks (${quote(ctx.item, 60)})` : 'what the item asks');
  if (!part.found) return withPattern(fail(`expected ${what}; the answer has no ${check.label!.toUpperCase()}: line`), check);
  const working = check.capture !== undefined ? workingSpans(part.text) : [];
  // On a stated answer line a captured value offered under a condition ("YES, but only if B.4
  // applies; otherwise NO") is an alternative answer: only a denied one is set aside there.
  const onLine = check.capture !== undefined && /lines?$/.test(part.where);
  const said = matches.filter(
    (m) => (onLine ? stance(part.text, m.index, m.end) !== 'negated' : asserted(part.text, m.index, m.end)) && !inWorking(working, m.valueIndex),
  );

  if (check.capture !== undefined) {
    const want = expected(check);
    if (said.length === 0) {
      const denied = matches.length ? ` (only in a denied or hypothetical clause: ${quote(matches[0]!.text, 40)})` : '';
      return withPattern(fail(`expected ${what} ${want}; ${part.where} ${verb(part.where, 'does', 'do')} not state it${denied}`), check);
    }
    const right = (v: string) => (check.expectNumbers ? sameNumbers(v, check.expectNumbers) : sameValue(v, check.expect));
    const values = [...new Set(said.map((m) => m.value.trim()))];
    // every spelling of the expected value is one value; other values are told apart as text
    const good = values.filter(right);
    const wrong = values.filter((v, k) => !right(v) && values.findIndex((w) => comparable(w) === comparable(v)) === k);
    // in the answer's order, the expected value once
    const distinct = values.filter((v) => (right(v) ? v === good[0] : wrong.includes(v)));
    if (distinct.length > 1) return withPattern(fail(`${part.where} ${verb(part.where, 'gives', 'give')} ${listing(distinct)} for ${what}; expected one value: ${want}`), check);
    if (wrong.length) return withPattern(fail(`expected ${what} ${want}; ${part.where} ${verb(part.where, 'gives', 'give')} ${listing(wrong)}`), check);
    // A reversal after the final lines ("Actually, LOCKOUT.") takes the stated value back.
    const revision = revisionAfter(part, [check.label ?? '', check.what ?? ''], [distinct[0]!]);
    if (revision) {
      const later = re2Matches(compileRe2(source, check.flags ?? ''), revision).filter((m) => asserted(revision, m.index, m.end) && !right(m.value.trim()));
      if (later.length) {
        return withPattern(fail(`${part.where} ${verb(part.where, 'gives', 'give')} ${quote(distinct[0]!, 40)} for ${what}, but the answer then revises it: ${quote(revision, 50)}; expected one value: ${want}`), check);
      }
    }
    return withPattern(pass(`${part.where} ${verb(part.where, 'gives', 'give')} ${what} as ${quote(distinct[0]!, 40)}`), check);
  }

  if (check.negate) {
    if (said.length) return withPattern(fail(`${part.where} ${verb(part.where, 'states', 'state')} what it must not: ${quote(said[0]!.text)}`), check);
    if (matches.length) return withPattern(pass(`mentions ${quote(matches[0]!.text, 40)} only to deny or set it aside`), check);
    return withPattern(pass(`${part.where} ${verb(part.where, 'does', 'do')} not state the excluded value`), check);
  }
  if (said.length) return withPattern(pass(`${part.where} ${verb(part.where, 'states', 'state')} ${quote(said[0]!.text)}`), check);
  if (matches.length) {
    return withPattern(fail(`${part.where} ${verb(part.where, 'mentions', 'mention')} ${quote(matches[0]!.text, 40)} only to deny or set it aside`), check);
  }
  return withPattern(fail(`${part.where} ${verb(part.where, 'does', 'do')} not state ${what}`), check);
}
