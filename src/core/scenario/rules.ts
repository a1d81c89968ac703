// Rules the schema alone cannot express: unique task ids, dependsOn pointing only backwards,
// regexes that compile, a reference that passes every check, wrong answers that fail one,
// prompts that are present. They run on the raw data, task by task, so a schema problem in one
// task does not hide a rule problem in another.
import { compileRe2 } from '../checks/re2.js';
import { gradeByChecks } from '../grading/grade.js';
import { CATEGORIES, CheckSchema, TaskSchema, isKnownCategory, type Task } from './schema.js';
import { quote } from './problem.js';
import { closest } from './suggest.js';

export interface RuleProblem {
  path: PropertyKey[];
  what?: 'value' | 'key';
  message: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface RuleOptions {
  /**
   * The bundled library's stricter rule: every task carries at least 3 `accept` and 3 `wrong`
   * answers. Off for user scenarios, which may have fewer (`clplay validate --strict` turns it on).
   */
  strict?: boolean;
}

/** The minimum answer-key size under `strict`. */
export const STRICT_MIN_ANSWERS = 3;

export function crossFieldProblems(data: unknown, opts: RuleOptions = {}): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (!isRec(data) || !Array.isArray(data.tasks)) return out;
  const tasks = data.tasks as unknown[];
  const isClBench = isRec(data.source) && data.source.format === 'cl-bench';
  const firstIndex = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (isRec(t) && typeof t.id === 'string' && !firstIndex.has(t.id)) firstIndex.set(t.id, i);
  });
  const allIds = [...firstIndex.keys()];
  if (typeof data.category === 'string' && data.category !== '' && !isKnownCategory(data.category) && !isClBench) {
    const near = closest(data.category, CATEGORIES);
    out.push({
      path: ['category'],
      message: `unknown category ${quote(data.category)} (expected one of ${CATEGORIES.join(', ')})${near ? `; did you mean ${JSON.stringify(near)}?` : ''}`,
    });
  }

  tasks.forEach((t, i) => {
    if (!isRec(t)) return;
    const at = (...rest: PropertyKey[]): PropertyKey[] => ['tasks', i, ...rest];
    if (typeof t.id === 'string' && firstIndex.get(t.id) !== i) {
      out.push({ path: at('id'), message: `duplicate task id ${quote(t.id)} (also tasks[${firstIndex.get(t.id)}]); task ids must be unique` });
    }
    if (typeof t.prompt === 'string' && t.prompt.trim() === '') {
      if (i > 0) out.push({ path: at('prompt'), message: 'is empty; every task after the first needs a prompt' });
      else if (!isClBench) {
        out.push({
          path: at('prompt'),
          message: 'is empty; only an imported CL-bench chain (source.format: cl-bench) may leave the first prompt empty',
        });
      }
    }
    if (Array.isArray(t.dependsOn)) {
      const seen = new Set<string>();
      t.dependsOn.forEach((dep, k) => {
        if (typeof dep !== 'string') return;
        const p = at('dependsOn', k);
        if (seen.has(dep)) out.push({ path: p, message: `${quote(dep)} is listed twice` });
        seen.add(dep);
        const j = firstIndex.get(dep);
        if (dep === t.id) out.push({ path: p, message: 'a task cannot depend on itself' });
        else if (j === undefined) {
          const near = closest(dep, allIds);
          out.push({
            path: p,
            message: `no task ${quote(dep)} in this scenario${near ? `; did you mean ${JSON.stringify(near)}?` : ` (task ids: ${allIds.join(', ')})`}`,
          });
        } else if (j > i) {
          out.push({ path: p, message: `${quote(dep)} is a later task (tasks[${j}]); dependsOn may name only earlier tasks` });
        }
      });
    }
    const rubric = Array.isArray(t.rubric) ? (t.rubric as unknown[]) : [];
    rubric.forEach((item, r) => {
      if (!isRec(item) || !isRec(item.check)) return;
      const c = item.check;
      const p = (field: string): PropertyKey[] => at('rubric', r, 'check', field);
      if (c.type === 'regex') {
        const hasPattern = typeof c.pattern === 'string';
        const hasCapture = typeof c.capture === 'string';
        if (hasPattern && hasCapture) out.push({ path: p('capture'), message: 'give either pattern (the answer must match) or capture (with expect), not both' });
        else if (!hasPattern && !hasCapture) out.push({ path: at('rubric', r, 'check'), message: 'a regex check needs pattern: (the answer must match) or capture: with expect: (the value it states)' });
        if (hasCapture && c.expect === undefined && c.expectNumbers === undefined) {
          out.push({ path: p('capture'), message: 'capture needs expect: (the value the captured text must equal) or expectNumbers: (its numbers, in order)' });
        }
        if (c.expect !== undefined && c.expectNumbers !== undefined) out.push({ path: p('expectNumbers'), message: 'give either expect or expectNumbers, not both' });
        if (!hasCapture && c.expectNumbers !== undefined) out.push({ path: p('expectNumbers'), message: 'expectNumbers works with capture: (a pattern whose group captures the value)' });
        if (!hasCapture && c.expect !== undefined) out.push({ path: p('expect'), message: 'expect works with capture: (a pattern whose group captures the value); use capture instead of pattern' });
        if (hasCapture && c.negate) out.push({ path: p('negate'), message: 'negate works with pattern:, not with capture:' });
        const field = hasCapture ? 'capture' : 'pattern';
        const source = hasCapture ? c.capture : c.pattern;
        if (typeof source === 'string') {
          try {
            compileRe2(source, typeof c.flags === 'string' ? c.flags : '');
          } catch (err) {
            const why = (err as Error).message;
            out.push({ path: p(/^flag /.test(why) ? 'flags' : field), message: `regex cannot be used: ${why}` });
          }
        }
      }
      if (typeof c.label === 'string') {
        const labels = Array.isArray(t.answerLabels) ? (t.answerLabels as unknown[]).filter((l): l is string => typeof l === 'string') : [];
        if (!labels.some((l) => l.toLowerCase() === (c.label as string).toLowerCase())) {
          out.push({
            path: p('label'),
            message: labels.length
              ? `${quote(c.label)} is not one of the task's answerLabels (${labels.join(', ')})`
              : `the task declares no answerLabels; add answerLabels: [${c.label}] to the task (the lines its prompt asks for)`,
          });
        }
      }
      if ((c.type === 'words' || c.type === 'sentences') && typeof c.min === 'number' && typeof c.max === 'number' && c.min > c.max) {
        out.push({ path: p('min'), message: `min ${c.min} is greater than max ${c.max}` });
      }
      if (c.type === 'choice' && typeof c.value === 'string' && Array.isArray(c.options) && !c.options.includes(c.value)) {
        out.push({ path: p('value'), message: `${quote(c.value)} is not one of the options (${c.options.join(', ')})` });
      }
    });

    if (opts.strict) {
      for (const key of ['accept', 'wrong'] as const) {
        const n = Array.isArray(t[key]) ? (t[key] as unknown[]).length : 0;
        if (n < STRICT_MIN_ANSWERS) {
          out.push({
            path: Array.isArray(t[key]) ? at(key) : at('id'),
            message: `has ${n} ${key} answer${n === 1 ? '' : 's'}; a bundled task needs at least ${STRICT_MIN_ANSWERS} (${key === 'accept' ? 'other correct wordings: bold labels, number words, the trap explained' : 'the trap, a hedge listing candidates, an off-by-one or partial answer'})`,
          });
        }
      }
    }

    // reference, accepted and wrong answers: graded only when the task itself is valid
    const hasAnswers = typeof t.reference === 'string' || Array.isArray(t.wrong) || Array.isArray(t.accept);
    if (!hasAnswers) return;
    const parsed = TaskSchema.safeParse(t);
    if (!parsed.success) return;
    const task: Task = parsed.data;
    const checked = task.rubric.map((item) => !!item.check && CheckSchema.safeParse(item.check).success);
    if (checked.some((ok, r) => ok && !compiles(task.rubric[r]!.check!))) return; // reported above
    const grade = (answer: string): { status: string; reason: string }[] | string => {
      try {
        return gradeByChecks(task, answer);
      } catch (err) {
        return `a check failed to run: ${(err as Error).message}`;
      }
    };
    if (task.reference !== undefined) {
      const verdicts = grade(task.reference);
      if (typeof verdicts === 'string') out.push({ path: at('reference'), message: verdicts });
      else {
        verdicts.forEach((v, r) => {
          if (checked[r] && v.status !== 'pass') {
            out.push({
              path: at('reference'),
              message: `fails rubric[${r}] (${task.rubric[r]!.check!.type} check): ${v.reason}; fix the reference or the check`,
            });
          }
        });
      }
    }
    (task.accept ?? []).forEach((a, k) => {
      const answer = typeof a === 'string' ? a : a.answer;
      const path = typeof a === 'string' ? at('accept', k) : at('accept', k, 'answer');
      const verdicts = grade(answer);
      if (typeof verdicts === 'string') {
        out.push({ path, message: verdicts });
        return;
      }
      verdicts.forEach((v, r) => {
        if (checked[r] && v.status !== 'pass') {
          out.push({ path, message: `fails rubric[${r}] (${quote(task.rubric[r]!.text)}): ${v.reason}; a correct answer must pass every check` });
        }
      });
    });
    (task.wrong ?? []).forEach((w, k) => {
      const p = at('wrong', k, 'answer');
      if (!checked.some(Boolean)) {
        out.push({ path: p, message: 'the task has no machine check, so no check can fail this wrong answer; add a check to the rubric' });
        return;
      }
      const verdicts = grade(w.answer);
      if (typeof verdicts === 'string') out.push({ path: p, message: verdicts });
      else if (!verdicts.some((v, r) => checked[r] && v.status === 'fail')) {
        const how = verdicts
          .map((v, r) => (checked[r] ? `rubric[${r}]: ${v.reason}` : ''))
          .filter(Boolean)
          .join('; ');
        out.push({ path: p, message: `passes every check of the task (it should fail one: ${w.why}); tighten a check or add one (${how})` });
      }
    });
  });
  return out;
}

function compiles(check: { type: string; pattern?: string; capture?: string; flags?: string }): boolean {
  if (check.type !== 'regex') return true;
  try {
    compileRe2(check.capture ?? check.pattern ?? '', check.flags ?? '');
    return true;
  } catch {
    return false;
  }
}
