// Person as judge: a person marks an item pass or fail, or overrides any verdict. The record
// keeps who decided, when, and every earlier verdict (Verdict.previous, oldest first), so the
// results view can compare people with judges. Pure: returns a new TaskResult.
import { resultStatus, type Verdict } from '../grading/verdict.js';
import type { TaskResult } from '../runs/types.js';
import { UserError } from '../errors.js';

/** A verdict moved into history: its own history is flattened into the new verdict's list. */
function history(old: Verdict): Verdict[] {
  const { previous, ...rest } = old;
  // A pending verdict is not a decision: nothing to remember.
  return rest.status === 'pending' && !rest.by?.startsWith('person:') ? [...(previous ?? [])] : [...(previous ?? []), rest];
}

/** Replace verdict `index` with `next`, keeping the old one (and its history) in `previous`. */
export function replaceVerdict(old: Verdict, next: Omit<Verdict, 'previous'>): Verdict {
  const prev = history(old);
  return prev.length > 0 ? { ...next, previous: prev } : { ...next };
}

export function overrideVerdict(
  result: TaskResult,
  itemIndex: number,
  status: 'pass' | 'fail',
  person: string,
  opts: { reason?: string; now?: Date } = {},
): TaskResult {
  const old = result.verdicts[itemIndex];
  if (!old) throw new UserError(`task ${result.taskId} has no rubric item ${itemIndex + 1}`);
  const name = person.trim() || 'anonymous';
  const v = replaceVerdict(old, {
    status,
    by: `person:${name}`,
    reason: opts.reason?.trim() || (old.status === 'pending' || old.status === 'unscored' ? `marked ${status} by ${name}` : `${name} overrode ${old.status} (${old.by ?? 'unknown'}) with ${status}`),
    at: (opts.now ?? new Date()).toISOString(),
  });
  const verdicts = result.verdicts.slice();
  verdicts[itemIndex] = v;
  return { ...result, verdicts, status: resultStatus(verdicts, result.judgement) };
}
