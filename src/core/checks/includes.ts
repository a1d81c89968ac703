// `includes` / `excludes`: substring search on normalized text (NFKC, quotes and dashes folded,
// case-folded unless caseSensitive, whitespace folded). Substrings, not words: "no" is found in
// "not" and "know" - use a `regex` with \b for whole words.
import type { Check } from '../scenario/schema.js';
import { listing, normalize, quote } from './normalize.js';
import { fail, pass, type CheckResult } from './result.js';

type IncludesCheck = Extract<Check, { type: 'includes' }>;
type ExcludesCheck = Extract<Check, { type: 'excludes' }>;

function values(v: string | string[]): string[] {
  return Array.isArray(v) ? v : [v];
}

const q = (s: string) => quote(s, 40);

export function checkIncludes(check: IncludesCheck, answer: string): CheckResult {
  const opts = { caseSensitive: check.caseSensitive };
  const text = normalize(answer, opts);
  const wanted = values(check.value);
  const found = wanted.filter((v) => text.includes(normalize(v, opts)));
  const missing = wanted.filter((v) => !found.includes(v));
  if ((check.mode ?? 'all') === 'any') {
    if (found.length) return pass(`found ${listing(found.map(q))}`);
    return fail(wanted.length === 1 ? `missing ${q(wanted[0]!)}` : `none of ${listing(wanted.map(q))} found`);
  }
  if (missing.length === 0) return pass(`found ${listing(found.map(q))}`);
  return fail(`missing ${listing(missing.map(q))}`);
}

export function checkExcludes(check: ExcludesCheck, answer: string): CheckResult {
  const opts = { caseSensitive: check.caseSensitive };
  const text = normalize(answer, opts);
  const banned = values(check.value);
  const found = banned.filter((v) => text.includes(normalize(v, opts)));
  if (found.length) return fail(`found ${listing(found.map(q))}`);
  return pass(banned.length === 1 ? `does not contain ${q(banned[0]!)}` : `contains none of ${listing(banned.map(q))}`);
}
