// Judge quality: where a person and an LLM judge both decided an item, how often they agree.
// A verdict keeps the decisions it replaced (Verdict.previous), so both are in the run file.
// Also: where a machine check and the judge's second opinion on it disagree (--judge-checks), so
// a scenario author learns which checks misfire; and where a CL-bench judge's per-item list and
// its Overall Score disagree (the score decides, as in eval.py; the disagreement is shown).
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

export interface CheckDisagreement {
  runId: string;
  scenarioId: string;
  taskId: string;
  itemIndex: number;
  checkStatus: 'pass' | 'fail';
  checkReason: string;
  judge: string;
  judgeStatus: 'pass' | 'fail';
  judgeReason: string;
}

export interface ListScoreDisagreement {
  runId: string;
  scenarioId: string;
  taskId: string;
  judge: string;
  /** What eval.py counts (the score decides). */
  upstream: string;
  disagreement: string;
}

export interface Agreement {
  /** Items decided (pass/fail) by both a person and an LLM judge. */
  compared: number;
  agreed: number;
  rate: number | null;
  disagreements: Disagreement[];
  /** Check-graded items with a judge's second opinion. */
  checks: { compared: number; agreed: number; rate: number | null; disagreements: CheckDisagreement[] };
  /** Tasks whose CL-bench judgement has a list that disagrees with its score. */
  listScore: ListScoreDisagreement[];
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
  return { compared, agreed, rate: compared ? agreed / compared : null, disagreements, checks: checkAgreement(runs), listScore: listScoreDisagreements(runs) };
}

function checkAgreement(runs: readonly RunRecord[]): Agreement['checks'] {
  let compared = 0;
  let agreed = 0;
  const disagreements: CheckDisagreement[] = [];
  for (const run of runs) {
    for (const t of run.tasks) {
      t.verdicts.forEach((v, itemIndex) => {
        const o = v.judgeOpinion;
        if (v.by !== 'check' || !o || (v.status !== 'pass' && v.status !== 'fail') || (o.status !== 'pass' && o.status !== 'fail')) return;
        compared++;
        if (o.status === v.status) agreed++;
        else
          disagreements.push({
            runId: run.id,
            scenarioId: run.scenarioId,
            taskId: t.taskId,
            itemIndex,
            checkStatus: v.status,
            checkReason: v.reason,
            judge: (o.by ?? 'judge').replace(/^judge:/, ''),
            judgeStatus: o.status,
            judgeReason: o.reason,
          });
      });
    }
  }
  return { compared, agreed, rate: compared ? agreed / compared : null, disagreements };
}

function listScoreDisagreements(runs: readonly RunRecord[]): ListScoreDisagreement[] {
  const out: ListScoreDisagreement[] = [];
  for (const run of runs) {
    for (const t of run.tasks) {
      const j = t.judgement;
      if (!j?.disagreement) continue;
      out.push({ runId: run.id, scenarioId: run.scenarioId, taskId: t.taskId, judge: j.by.replace(/^judge:/, ''), upstream: j.upstream, disagreement: j.disagreement });
    }
  }
  return out;
}
