// `number`: passes if ANY number in the answer is within the tolerance of `value`. `tolerance`
// is absolute, `relTolerance` a share of |value| (0.05 = 5%); with both, the wider one counts.
// A percentage also counts as a fraction: "45%" matches 45 and 0.45.
import type { Check } from '../scenario/schema.js';
import { formatNumber, listing } from './normalize.js';
import { extractNumbers, type NumberMatch } from './numbers.js';
import { fail, pass, type CheckResult } from './result.js';

type NumberCheck = Extract<Check, { type: 'number' }>;

export function expectation(check: NumberCheck): string {
  const parts: string[] = [];
  if (check.tolerance) parts.push(`+/-${formatNumber(check.tolerance)}`);
  if (check.relTolerance) parts.push(`+/-${formatNumber(check.relTolerance * 100)}%`);
  return parts.length ? `${formatNumber(check.value)} (${parts.join(' or ')})` : formatNumber(check.value);
}

function readings(m: NumberMatch): number[] {
  return [m.value, ...m.alternatives, ...(m.percent ? [m.value / 100] : [])];
}

export function checkNumber(check: NumberCheck, answer: string): CheckResult {
  const allowed = Math.max(check.tolerance ?? 0, (check.relTolerance ?? 0) * Math.abs(check.value));
  const epsilon = 1e-9 * Math.max(1, Math.abs(check.value));
  const fits = (x: number) => Math.abs(x - check.value) <= allowed + epsilon;
  const numbers = extractNumbers(answer);
  const hit = numbers.find((m) => readings(m).some(fits));
  const expected = expectation(check);
  if (hit) return pass(`found ${hit.text} (expected ${expected})`);
  if (numbers.length === 0) return fail(`expected ${expected}; the answer has no number`);
  const seen = [...new Set(numbers.map((m) => m.text))];
  return fail(`expected ${expected}; the answer gives ${listing(seen)}`);
}
