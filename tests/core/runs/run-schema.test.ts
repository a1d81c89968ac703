// Run files are untrusted (they travel between laptops): every one is checked against the zod
// schema of the whole record when it is read. A damaged run is skipped with one line naming the
// file and the field; every other run still loads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRun, RunStore } from '../../../src/core/runs/store.js';
import { checkRunShape } from '../../../src/core/runs/schema.js';
import { humanRun, modelRun, task } from '../../helpers/runs.js';

const good = humanRun('good', 'ana', 'quarry', [task('t1', ['pass'])]);

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clplay-schema-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  return dir;
}

describe('run schema', () => {
  it('accepts the runs clplay writes (human and model), keeping fields it does not know', () => {
    const m = modelRun('m1', 'gpt-x', 'quarry', [task('t1', ['fail'], { tries: 2, usage: { promptTokens: 3 }, truncated: true })]);
    expect(checkRunShape(good)).toEqual({ run: good });
    expect(checkRunShape(m)).toEqual({ run: m });
    const withExtra = { ...good, futureField: { x: 1 } };
    expect(checkRunShape(withExtra)).toEqual({ run: withExtra });
  });

  it('names the first bad field in one line', () => {
    const line = (data: unknown) => ('problem' in checkRunShape(data) ? (checkRunShape(data) as { problem: string }).problem : 'ok');
    expect(line({ ...good, tasks: [null] })).toBe('tasks[0]: expected an object, got null');
    expect(line({ ...good, tasks: [{ ...good.tasks[0], verdicts: 'xx' }] })).toBe('tasks[0].verdicts: expected a list, got "xx"');
    expect(line({ ...good, tasks: [{ ...good.tasks[0], status: 'won' }] })).toBe('tasks[0].status: expected "solved" or "failed" or "pending", got "won"');
    expect(line({ ...good, player: { kind: 'robot' } })).toBe('player.kind: expected "human" or "model", got "robot"');
    expect(line({ ...good, tasks: [{ ...good.tasks[0], verdicts: [{ status: 'pass', reason: 'r', previous: [{ status: 'pass' }] }] }] })).toBe(
      'tasks[0].verdicts[0].previous[0].reason: missing (expected a string)',
    );
    const { history: _h, ...noHistory } = good;
    expect(line({ ...noHistory, tasks: 'x' })).toMatch(/^history: missing .* \(and 1 more problem\)$/);
  });

  it('checkRun: a newer schema version and a foreign file are told apart from a damaged run', () => {
    expect(checkRun({ ...good, schemaVersion: 9 }, 'good').problem).toMatch(/saved by a newer clplay/);
    expect(checkRun({ hello: 1 }, 'good').problem).toMatch(/not a clplay run/);
    expect(checkRun({ ...good, tasks: [null] }, 'good').problem).toBe('damaged run: tasks[0]: expected an object, got null');
    expect(checkRun({ ...good, id: 'x'.repeat(129) }, undefined).problem).toMatch(/cannot be a file name/);
  });

  it('list(): a damaged run is skipped with one line naming file and field; the others load', async () => {
    const dir = folder({
      'good.json': good,
      'nulltask.json': { ...good, id: 'nulltask', tasks: [null] },
      'badverdicts.json': { ...good, id: 'badverdicts', tasks: [{ ...good.tasks[0], verdicts: 'xx' }] },
    });
    const { runs, problems } = await new RunStore(dir).list();
    expect(runs.map((r) => r.id)).toEqual(['good']);
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.includes('nulltask'))).toMatch(/nulltask\.json: damaged run: tasks\[0\]: expected an object, got null$/);
    expect(problems.find((p) => p.includes('badverdicts'))).toMatch(/badverdicts\.json: damaged run: tasks\[0\]\.verdicts: expected a list, got "xx"$/);
  });

  it('load(): a damaged run says it is damaged (not "no saved run")', async () => {
    const dir = folder({ 'nulltask.json': { ...good, id: 'nulltask', tasks: [null] } });
    await expect(new RunStore(dir).load('nulltask')).rejects.toThrow(/nulltask\.json: damaged run: tasks\[0\]/);
  });
});
