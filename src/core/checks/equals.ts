// `equals`: the final answer (see final-answer.ts) equals `value` after normalization. Markdown
// wrappers (`**81**`, `` `81` ``), surrounding quotes and one trailing full stop are ignored.
// A numeric `value` needs the final answer to be that one number and nothing else but symbols
// ("81", "81.0", "$81" pass for 81; "81 marks" does not - use a `number` check for that).
import type { Check } from '../scenario/schema.js';
import { readPart, verb } from './answer-part.js';
import type { CheckContext } from './context.js';
import { formatNumber, listing, normalize, quote } from './normalize.js';
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

export function checkEquals(check: EqualsCheck, answer: string, ctx: CheckContext = {}): CheckResult {
  const part = readPart(answer, { labels: ctx.labels, label: check.label, scope: check.scope });
  const where = part.where === 'the answer' ? 'the answer (no "Answer:" line)' : part.where;
  const what = check.what ?? (check.label ? `the ${check.label.toUpperCase()} value` : 'the answer');
  if (!part.found) return fail(`expected ${what} ${quote(String(check.value))}; the answer has no ${check.label!.toUpperCase()}: line`);
  if (!part.text) return fail(`${where} ${verb(where, 'is', 'are')} empty`);
  const shown = quote(part.text);
  if (typeof check.value === 'number') {
    const text = unwrap(part.text);
    const nums = extractNumbers(text);
    const only = nums.length === 1 ? nums[0]! : undefined;
    const rest = only ? text.slice(0, only.index) + text.slice(only.index + only.text.length) : text;
    const exact = only && Math.abs(only.value - check.value) <= 1e-9 * Math.max(1, Math.abs(check.value));
    if (exact && !/[\p{L}\p{N}]/u.test(rest)) return pass(`${where} ${verb(where, 'is', 'are')} ${shown}`);
    if (nums.length > 1) {
      const seen = [...new Set(nums.map((n) => n.text))];
      return fail(`${where} ${verb(where, 'gives', 'give')} ${listing(seen)} for ${what}; expected one value: ${formatNumber(check.value)}`);
    }
    return fail(`${where} ${verb(where, 'is', 'are')} ${shown}, expected exactly ${formatNumber(check.value)}`);
  }
  const opts = { caseSensitive: check.caseSensitive };
  const want = normalize(check.value, opts);
  const got = normalize(part.text, opts);
  if (got === want || normalize(unwrap(part.text), opts) === want) return pass(`${where} ${verb(where, 'is', 'are')} ${shown}`);
  return fail(`${where} ${verb(where, 'is', 'are')} ${shown}, expected ${quote(check.value)}`);
}
