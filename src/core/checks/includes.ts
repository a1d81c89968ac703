// `includes` / `excludes`: substring search on the normalized part of the answer the check reads
// (answer-part.ts; NFKC, quotes and dashes folded, case-folded unless caseSensitive, whitespace
// folded). Substrings, not words: "no" is found in "not" and "know" - use a `regex` with \b.
// Both decide from the clause a term stands in (negation.ts): "Do not use LIFT or the airlock"
// does not include "lift", and "X is wrong here" does not assert X, so excludes passes.
import type { Check } from '../scenario/schema.js';
import { readPart, verb } from './answer-part.js';
import type { CheckContext } from './context.js';
import { asserted } from './negation.js';
import { listing, normalize, quote } from './normalize.js';
import { fail, pass, type CheckResult } from './result.js';

type IncludesCheck = Extract<Check, { type: 'includes' }>;
type ExcludesCheck = Extract<Check, { type: 'excludes' }>;

function values(v: string | string[]): string[] {
  return Array.isArray(v) ? v : [v];
}

const q = (s: string) => quote(s, 40);

/** normalize() line by line, so line breaks still end clauses. */
function normalizeLines(text: string, opts: { caseSensitive?: boolean }): string {
  return text
    .split('\n')
    .map((l) => normalize(l, opts))
    .join('\n');
}

type Found = 'asserted' | 'denied' | 'absent';

/** Whether `term` stands in `text` in an asserting clause, only in denying ones, or not at all. */
function find(text: string, term: string): Found {
  if (!term) return 'absent';
  // a space in the term also matches a line break (a wrapped line)
  const re = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\n]'), 'g');
  let seen = false;
  for (const m of text.matchAll(re)) {
    seen = true;
    if (asserted(text, m.index, m.index + m[0].length)) return 'asserted';
  }
  return seen ? 'denied' : 'absent';
}

export function checkIncludes(check: IncludesCheck, answer: string, ctx: CheckContext = {}): CheckResult {
  const opts = { caseSensitive: check.caseSensitive };
  const part = readPart(answer, { labels: ctx.labels, label: check.label, scope: check.scope });
  const text = normalizeLines(part.text, opts);
  const wanted = values(check.value);
  const state = new Map(wanted.map((v) => [v, find(text, normalize(v, opts))]));
  const found = wanted.filter((v) => state.get(v) === 'asserted');
  const denied = wanted.filter((v) => state.get(v) === 'denied');
  const missing = wanted.filter((v) => state.get(v) !== 'asserted');
  const deniedNote = denied.length ? `; ${listing(denied.map(q))} only in a denied clause` : '';
  if ((check.mode ?? 'all') === 'any') {
    if (found.length) return pass(`${part.where} ${verb(part.where, 'has', 'have')} ${listing(found.map(q))}`);
    return fail(`${part.where} ${verb(part.where, 'has', 'have')} ${wanted.length === 1 ? `no ${q(wanted[0]!)}` : `none of ${listing(wanted.map(q))}`}${deniedNote}`);
  }
  if (missing.length === 0) return pass(`${part.where} ${verb(part.where, 'has', 'have')} ${listing(found.map(q))}`);
  return fail(`${part.where} ${verb(part.where, 'lacks', 'lack')} ${listing(missing.map(q))}${deniedNote}`);
}

export function checkExcludes(check: ExcludesCheck, answer: string, ctx: CheckContext = {}): CheckResult {
  const opts = { caseSensitive: check.caseSensitive };
  const part = readPart(answer, { labels: ctx.labels, label: check.label, scope: check.scope });
  const text = normalizeLines(part.text, opts);
  const banned = values(check.value);
  const state = new Map(banned.map((v) => [v, find(text, normalize(v, opts))]));
  const found = banned.filter((v) => state.get(v) === 'asserted');
  const denied = banned.filter((v) => state.get(v) === 'denied');
  if (found.length) return fail(`${part.where} ${verb(part.where, 'states', 'state')} ${listing(found.map(q))}`);
  if (denied.length) return pass(`mentions ${listing(denied.map(q))} only to deny or set it aside`);
  return pass(banned.length === 1 ? `does not contain ${q(banned[0]!)}` : `contains none of ${listing(banned.map(q))}`);
}
