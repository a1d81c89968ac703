// Machine checks: deterministic grading of one rubric item against an answer. Every check
// returns pass or fail with a one-line reason a person understands; runCheck never throws.
import type { Check } from '../scenario/schema.js';
import { errorMessage } from '../errors.js';
import { checkChoice } from './choice.js';
import { checkSentences, checkWords } from './count.js';
import { checkEquals } from './equals.js';
import { checkFormat } from './format.js';
import { checkExcludes, checkIncludes } from './includes.js';
import { checkJson } from './json.js';
import { formatNumber, listing, quote } from './normalize.js';
import { checkNumber, expectation } from './number.js';
import { checkRegex, showPattern } from './regex.js';
import type { CheckContext } from './context.js';
import type { CheckResult } from './result.js';

export type { CheckResult } from './result.js';
export type { CheckContext } from './context.js';
export { finalAnswer, findFinalAnswer, plainAnswer, readPart } from './answer-part.js';
export { extractNumbers, type NumberMatch } from './numbers.js';
export { normalize } from './normalize.js';
export { countWords, countSentences } from './count.js';
export { chosenOptions } from './choice.js';

export function runCheck(check: Check, answer: string, ctx: CheckContext = {}): CheckResult {
  try {
    return dispatch(check, answer, ctx);
  } catch (err) {
    return { pass: false, reason: `the ${check.type} check could not run: ${errorMessage(err)}` };
  }
}

function dispatch(check: Check, answer: string, ctx: CheckContext): CheckResult {
  switch (check.type) {
    case 'includes':
      return checkIncludes(check, answer, ctx);
    case 'excludes':
      return checkExcludes(check, answer, ctx);
    case 'regex':
      return checkRegex(check, answer, ctx);
    case 'number':
      return checkNumber(check, answer, ctx);
    case 'equals':
      return checkEquals(check, answer, ctx);
    case 'choice':
      return checkChoice(check, answer, ctx);
    case 'words':
      return checkWords(check, answer);
    case 'sentences':
      return checkSentences(check, answer);
    case 'json':
      return checkJson(check, answer);
    case 'format':
      return checkFormat(check, answer);
    default: {
      const unknown: never = check;
      return { pass: false, reason: `unknown check type "${(unknown as { type: string }).type}"` };
    }
  }
}

/** A short description of what a check wants, e.g. `number 14 (+/-0.5)`; for screens and help. */
export function describeCheck(check: Check): string {
  const values = (v: string | string[]) => listing((Array.isArray(v) ? v : [v]).map((s) => quote(s, 30)));
  switch (check.type) {
    case 'includes':
      return `includes ${check.mode === 'any' ? 'any of ' : ''}${values(check.value)}`;
    case 'excludes':
      return `excludes ${values(check.value)}`;
    case 'regex':
      if (check.capture !== undefined) {
        const want = check.expectNumbers ? check.expectNumbers.join(' ') : JSON.stringify(check.expect);
        return `captures ${check.what ?? 'a value'} = ${want} with ${showPattern(check)}`;
      }
      return `${check.negate ? 'does not match' : 'matches'} ${showPattern(check)}`;
    case 'number':
      return `number ${expectation(check)}`;
    case 'equals':
      return `final answer equals ${typeof check.value === 'number' ? formatNumber(check.value) : quote(check.value, 30)}`;
    case 'choice':
      return `chooses option ${check.value}`;
    case 'words':
    case 'sentences': {
      const { min, max } = check;
      const range = min !== undefined && max !== undefined ? `${min}-${max}` : min !== undefined ? `>= ${min}` : max !== undefined ? `<= ${max}` : 'any';
      return `${check.type} ${range}`;
    }
    case 'json':
      return `valid JSON${check.path ? ` with ${check.path}` : ''}${check.equals !== undefined ? ` = ${JSON.stringify(check.equals)}` : ''}`;
    case 'format': {
      const parts = [
        check.noBold ? 'no bold' : '',
        check.noLists ? 'no lists' : '',
        check.headings?.length ? `headings ${check.headings.join(', ')}` : '',
        check.endsWith ? `ends with ${quote(check.endsWith, 30)}` : '',
      ].filter(Boolean);
      return `format: ${parts.join(', ') || 'any'}`;
    }
  }
}
