// Which saved runs make good demos: a model run that failed a task a person solved (the
// clearest picture of a context-learning failure), or that fell into a trap - failed a rubric
// item whose author named the evidence in the context (the items that decide a trap). Sorted by
// that: most failed-model/solved-person pairs first, then most traps caught, then newest.
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';

export interface DemoCandidate {
  model: RunRecord;
  /** The person's run that solved the most of the tasks the model failed (shown beside it). */
  person?: RunRecord;
  /** Task ids the model failed (answered, not an error) and `person` solved. */
  pairs: string[];
  /** Task ids where the model failed an item that names its evidence (a trap). */
  traps: string[];
  scenarioTitle: string;
}

const answeredFailed = (t: RunRecord['tasks'][number] | undefined) => !!t && t.answer !== undefined && !t.error && t.status === 'failed';

export function demoCandidates(runs: readonly RunRecord[], scenarios: readonly Scenario[]): DemoCandidate[] {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const people = runs.filter((r) => r.player.kind === 'human');
  const out: DemoCandidate[] = [];
  for (const model of runs) {
    if (model.player.kind !== 'model') continue;
    const scenario = byId.get(model.scenarioId);
    if (!scenario) continue;
    const failed = model.tasks.filter(answeredFailed).map((t) => t.taskId);
    if (!failed.length) continue;
    const traps = model.tasks
      .filter((t) => answeredFailed(t) && t.verdicts.some((v, i) => v.status === 'fail' && scenario.tasks.find((x) => x.id === t.taskId)?.rubric[i]?.evidence !== undefined))
      .map((t) => t.taskId);
    // The same match's person first, then any person's run of the same scenario.
    let best: { run: RunRecord; pairs: string[] } | undefined;
    const same = people.filter((p) => p.scenarioId === model.scenarioId);
    same.sort((a, b) => Number(b.matchId === model.matchId && !!b.matchId) - Number(a.matchId === model.matchId && !!a.matchId));
    for (const p of same) {
      const pairs = failed.filter((id) => p.tasks.find((t) => t.taskId === id)?.status === 'solved');
      if (pairs.length && (!best || pairs.length > best.pairs.length)) best = { run: p, pairs };
    }
    if (!best && !traps.length) continue;
    const fallback = same.find((p) => p.matchId && p.matchId === model.matchId) ?? same.at(-1);
    const person = best?.run ?? fallback;
    out.push({ model, ...(person ? { person } : {}), pairs: best?.pairs ?? [], traps, scenarioTitle: scenario.title });
  }
  out.sort((a, b) => b.pairs.length - a.pairs.length || b.traps.length - a.traps.length || (a.model.id < b.model.id ? 1 : a.model.id > b.model.id ? -1 : 0));
  return out;
}

/** One line for the list: why this run makes a demo. */
export function demoReason(c: DemoCandidate): string {
  const parts: string[] = [];
  if (c.pairs.length && c.person?.player.kind === 'human') parts.push(`failed ${c.pairs.join(', ')} that ${c.person.player.name} solved`);
  if (c.traps.length) parts.push(`fell into ${c.traps.length === 1 ? 'a trap' : `${c.traps.length} traps`} (${c.traps.join(', ')})`);
  return parts.join('; ');
}
