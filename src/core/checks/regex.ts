// `regex`: the pattern is tried on the answer as written (no normalization); `flags` as in
// JavaScript; `negate: true` means the answer must NOT match.
import type { Check } from '../scenario/schema.js';
import { errorMessage } from '../errors.js';
import { quote } from './normalize.js';
import { fail, pass, type CheckResult } from './result.js';

type RegexCheck = Extract<Check, { type: 'regex' }>;

export function showPattern(check: RegexCheck): string {
  const p = check.pattern.length > 50 ? check.pattern.slice(0, 49) + '…' : check.pattern;
  return `/${p}/${check.flags ?? ''}`;
}

export function checkRegex(check: RegexCheck, answer: string): CheckResult {
  let re: RegExp;
  try {
    re = new RegExp(check.pattern, check.flags ?? '');
  } catch (err) {
    return fail(`the pattern ${showPattern(check)} does not compile: ${errorMessage(err).replace(/^Invalid regular expression: /, '')}`);
  }
  const m = re.exec(answer);
  const shown = showPattern(check);
  if (check.negate) {
    return m ? fail(`matches ${shown} (it must not): ${quote(m[0])}`) : pass(`does not match ${shown}`);
  }
  return m ? pass(`matches ${shown}: ${quote(m[0])}`) : fail(`no match for ${shown}`);
}
