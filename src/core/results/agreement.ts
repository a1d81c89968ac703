// Judge quality: where a person and an LLM judge both decided an item, how often they agree.
// A verdict keeps the decisions it replaced (Verdict.previous), so both are in the run file.
import type { Verdict } from '../grading/verdict.js';
import type { RunRecord } from '../runs/types.js';

export interface Disagreement {
  runId: string;
  scenarioId: string;
  taskId: string;
  itemIndex: number;
  person: string;
  personStatus: 'pass' | 'fail';
  judge: string;
  judgeStatus: 'pass' | 'fail';
}

export interface Agreement {
  /** Items decided (pass/fail) by both a person and an LLM judge. */
  compared: number;
  agreed: number;
  rate: number | null;
  disagreements: Disagreement[];
}

/** The latest pass/fail decision whose `by` starts with the prefix, newest first. */
function latest(history: readonly Verdict[], prefix: string): Verdict | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const v = history[i]!;
    if (v.by?.startsWith(prefix) && (v.status === 'pass' || v.status === 'fail')) return v;
  }
  return undefined;
}

export function judgeAgreement(runs: readonly RunRecord[]): Agreement {
  let compared = 0;
  let agreed = 0;
  const disagreements: Disagreement[] = [];
  for (const run of runs) {
    for (const t of run.tasks) {
      t.verdicts.forEach((v, itemIndex) => {
        // A person and a judge both deciding an item leaves an earlier verdict behind; most items
        // have none, and copying every verdict's history cost ~1 s at 4,000 runs.
        if (!v.previous?.length) return;
        const history = [...(v.previous ?? []), { ...v, previous: undefined }];
        const person = latest(history, 'person:');
        const judge = latest(history, 'judge:');
        if (!person || !judge) return;
        compared++;
        if (person.status === judge.status) agreed++;
        else
          disagreements.push({
            runId: run.id,
            scenarioId: run.scenarioId,
            taskId: t.taskId,
            itemIndex,
            person: person.by!.slice('person:'.length),
            personStatus: person.status as 'pass' | 'fail',
            judge: judge.by!.slice('judge:'.length),
            judgeStatus: judge.status as 'pass' | 'fail',
          });
      });
    }
  }
  return { compared, agreed, rate: compared ? agreed / compared : null, disagreements };
}
