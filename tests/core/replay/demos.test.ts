// Which saved runs make good demos, and in which order; which run a RUN_OR_MATCH argument replays.
import { describe, expect, it } from 'vitest';
import { demoCandidates, demoReason } from '../../../src/core/replay/demos.js';
import { pickReplay } from '../../../src/core/replay/pick.js';
import type { RunRecord, TaskResult } from '../../../src/core/runs/types.js';
import { scenario, task } from '../../helpers/model-scenarios.js';

const s = scenario('demo', [
  task('t1', 'Q1'),
  task('t2', 'Q2', { rubric: [{ text: 'Uses the rule.', check: { type: 'includes', value: 'RULE' }, evidence: 'the lantern moves two squares' }] }),
]);
const res = (taskId: string, status: 'solved' | 'failed'): TaskResult => ({ taskId, answer: `${taskId} ${status}`, status, verdicts: [{ status: status === 'solved' ? 'pass' : 'fail', by: 'check', reason: '' }] });
function runOf(id: string, who: 'model' | string, statuses: ('solved' | 'failed')[], over: Partial<RunRecord> = {}): RunRecord {
  return {
    schemaVersion: 1,
    id,
    scenarioId: s.id,
    scenarioHash: s.hash,
    player: who === 'model' ? { kind: 'model', model: `m-${id}`, baseUrl: 'http://x/v1', params: {} } : { kind: 'human', name: who },
    history: 'own',
    startedAt: '2026-12-07T10:00:00.000Z',
    status: 'finished',
    tasks: statuses.map((st, i) => res(`t${i + 1}`, st)),
    ...over,
  };
}

describe('demo candidates', () => {
  it('a model run that failed a task a person solved comes first, then traps only; runs with neither are left out', () => {
    const trapOnly = runOf('20261207-100003-cccccc', 'model', ['solved', 'failed']); // t2 has evidence; nobody solved it
    const pair = runOf('20261207-100001-aaaaaa', 'model', ['failed', 'solved']);
    const clean = runOf('20261207-100004-dddddd', 'model', ['solved', 'solved']);
    const ada = runOf('20261207-100002-bbbbbb', 'ada', ['solved', 'failed']);
    const list = demoCandidates([trapOnly, pair, clean, ada], [s]);
    expect(list.map((c) => c.model.id)).toEqual([pair.id, trapOnly.id]);
    expect(list[0]).toMatchObject({ pairs: ['t1'], traps: [] });
    expect(list[0]!.person?.id).toBe(ada.id);
    expect(demoReason(list[0]!)).toBe('failed t1 that ada solved');
    expect(list[1]).toMatchObject({ pairs: [], traps: ['t2'] });
    expect(demoReason(list[1]!)).toBe('fell into a trap (t2)');
  });

  it('a run of a scenario not loaded is left out', () => {
    expect(demoCandidates([runOf('20261207-100001-aaaaaa', 'model', ['failed', 'failed'], { scenarioId: 'gone' })], [s])).toEqual([]);
  });
});

describe('pickReplay', () => {
  const model = runOf('20261207-100001-aaaaaa', 'model', ['failed', 'solved'], { matchId: 'm-1' });
  const person = runOf('20261207-100002-bbbbbb', 'ada', ['solved', 'failed'], { matchId: 'm-1' });
  const alone = runOf('20261207-100003-cccccc', 'model', ['failed', 'solved']);
  it('a match id, or either side of it, replays the model with the person beside', () => {
    for (const arg of ['m-1', model.id, person.id]) expect(pickReplay(arg, [model, person, alone])).toEqual({ model, person });
  });
  it('a model run alone; unknown ids and a person without a match are one clear line', () => {
    expect(pickReplay(alone.id, [model, person, alone])).toEqual({ model: alone });
    expect(() => pickReplay('nope', [alone])).toThrow(/no saved run or match "nope"/);
    expect(() => pickReplay(person.id, [{ ...person, matchId: undefined }])).toThrow(/a person's run/);
  });
});
