// Grading by machine checks: one verdict per rubric item. Items with a check get `pass`/`fail`
// by `check`; items without one stay `pending` for a judge or a person. An empty answer fails
// every checked item (an empty answer would otherwise "pass" excludes, noBold, max-words...).
import { runCheck } from '../checks/index.js';
import type { Task } from '../scenario/schema.js';
import { PENDING, type Verdict } from './verdict.js';

export { finalAnswer } from '../checks/final-answer.js';

/**
 * Grades `answer` against every rubric item of `task`.
 * @param at ISO time recorded in each check verdict (omitted when not given: pure function).
 */
export function gradeByChecks(task: Task, answer: string, at?: string): Verdict[] {
  const empty = answer.trim() === '';
  return task.rubric.map((item): Verdict => {
    if (!item.check) return { ...PENDING };
    const result = empty ? { pass: false, reason: 'no answer given' } : runCheck(item.check, answer, { labels: task.answerLabels, item: item.text });
    const verdict: Verdict = { status: result.pass ? 'pass' : 'fail', by: 'check', reason: result.reason };
    if (at !== undefined) verdict.at = at;
    return verdict;
  });
}
