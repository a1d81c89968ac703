// The demo list and the replay on the watch screen: the best demo first, Enter replays it with
// the person's answer beside the model's (virtual clock), its keys pause and step, q comes back.
import React from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { demoCandidates } from '../../src/core/replay/demos.js';
import { VirtualClock } from '../../src/core/replay/virtual-clock.js';
import type { RunRecord } from '../../src/core/runs/types.js';
import { DemoScreen, type DemoEntry } from '../../src/ui/screens/Demo.js';
import { startFakeOpenAI } from '../helpers/fake-openai-server.js';
import { scenario, task } from '../helpers/model-scenarios.js';
import { recordRun } from '../helpers/recorded-run.js';
import { KEYS, press, waitForFrame } from './ink-helpers.js';

const s = scenario('demoed', [task('t1', '[t1] First?'), task('t2', '[t2] Second?')]);
let model: RunRecord;
const person: RunRecord = {
  schemaVersion: 1,
  id: '20261207-090000-abcdef',
  scenarioId: s.id,
  scenarioHash: s.hash,
  player: { kind: 'human', name: 'ada' },
  history: 'own',
  startedAt: '2026-12-07T09:00:00.000Z',
  status: 'finished',
  tasks: [
    { taskId: 't1', answer: 'ADA-FIRST ANSWER-t1', status: 'solved', verdicts: [{ status: 'pass', by: 'check', reason: '' }] },
    { taskId: 't2', answer: 'ADA-SECOND ANSWER-t2', status: 'solved', verdicts: [{ status: 'pass', by: 'check', reason: '' }] },
  ],
};
beforeAll(async () => {
  const srv = await startFakeOpenAI((req) => ({ text: JSON.stringify(req.body.messages.at(-1)).includes('[t1]') ? 'MODEL-SAYS-NOTHING-USEFUL here' : 'ANSWER-t2 MODEL', chunks: 4 }));
  model = await recordRun(srv, s);
  await srv.close();
});
afterEach(() => cleanup());

describe('clplay demo screen', () => {
  it('lists the pair first; Enter replays it with the person beside; q comes back to the list', async () => {
    const entries: DemoEntry[] = demoCandidates([model, person], [s]).map((candidate) => ({ candidate, scenario: s, notes: [] }));
    const clock = new VirtualClock();
    const { lastFrame, stdin } = render(<DemoScreen entries={entries} size={{ columns: 120, rows: 36 }} clock={clock} />);
    const list = await waitForFrame(lastFrame, (f) => f.includes('Demos: 1 saved run'));
    expect(list).toContain('failed t1 that ada solved');
    await press(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (f) => f.includes('Replaying fake-model'));
    clock.advance(1000); // task 1 is answered (the next one starts 1.5 s after)
    await press(stdin, ' '); // pause
    const f = await waitForFrame(lastFrame, (x) => x.includes('PAUSED') && x.includes('MODEL-SAYS-NOTHING-USEFUL'));
    expect(f).toContain('ada: solved');
    expect(f).toContain('ADA-FIRST ANSWER-t1');
    expect(f).toContain('Space pause');
    await press(stdin, '2');
    const second = await waitForFrame(lastFrame, (x) => x.includes('Task 2/2') && x.includes('ADA-SECOND'));
    expect(second).not.toContain('ANSWER-t2 MODEL'); // paused at its start
    await press(stdin, '.');
    await waitForFrame(lastFrame, (x) => x.includes('ANSWER-t2 MODEL') && x.includes('end of the run'));
    await press(stdin, 'q');
    await waitForFrame(lastFrame, (x) => x.includes('Demos: 1 saved run'));
  });

  it('says what makes a demo when there is none', async () => {
    const { lastFrame } = render(<DemoScreen entries={[]} size={{ columns: 80, rows: 24 }} />);
    expect(await waitForFrame(lastFrame, (f) => f.includes('No saved run makes a demo yet'))).toBeTruthy();
  });
});
