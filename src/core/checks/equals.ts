// `equals`: the final answer (see final-answer.ts) equals `value` after normalization. Markdown
// wrappers (`**81**`, `` `81` ``), surrounding quotes and one trailing full stop are ignored.
// A numeric `value` needs the final answer to be that one number and nothing else but symbols
// ("81", "81.0", "$81" pass for 81; "81 marks" does not - use a `number` check for that).
import type { Check } from '../scenario/schema.js';
import { findFinalAnswer } from './final-answer.js';
import { formatNumber, normalize, quote } from './normalize.js';
import { extractNumbers } from './numbers.js';
import { fail, pass, type CheckResult } from './result.js';

type EqualsCheck = Extract<Check, { type: 'equals' }>;

/** Strips Markdown emphasis/code wrappers, quotes and a trailing full stop. */
export function unwrap(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 5; i++) {
    const before = s;
    s = s.replace(/^(\*\*|__|\*|_|`+|["'“”‘’«»「『])\s*/, '').replace(/\s*(\*\*|__|\*|_|`+|["'“”‘’«»」』])$/, '');
    s = s.replace(/\s*[.。]$/, '').trim();
    if (s === before) break;
  }
  return s;
}

export function checkEquals(check: EqualsCheck, answer: string): CheckResult {
  const final = findFinalAnswer(answer);
  const where = final.marked ? 'final answer' : 'answer (no "Answer:" line)';
  if (!final.text) return fail(`the ${where} is empty`);
  const shown = quote(final.text);
  if (typeof check.value === 'number') {
    const text = unwrap(final.text);
    const nums = extractNumbers(text);
    const only = nums.length === 1 ? nums[0]! : undefined;
    const rest = only ? text.slice(0, only.index) + text.slice(only.index + only.text.length) : text;
    const exact = only && Math.abs(only.value - check.value) <= 1e-9 * Math.max(1, Math.abs(check.value));
    if (exact && !/[\p{L}\p{N}]/u.test(rest)) return pass(`the ${where} is ${shown}`);
    return fail(`the ${where} is ${shown}, expected exactly ${formatNumber(check.value)}`);
  }
  const opts = { caseSensitive: check.caseSensitive };
  const want = normalize(check.value, opts);
  const got = normalize(final.text, opts);
  if (got === want || normalize(unwrap(final.text), opts) === want) return pass(`the ${where} is ${shown}`);
  return fail(`the ${where} is ${shown}, expected ${quote(check.value)}`);
}
