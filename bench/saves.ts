// Cost of saving the 1st vs the 2,000th task result: 500 runs of 4 tasks saved one result at a
// time (each save rewrites that run's file only). Target: the 2,000th <= 2x the 1st, compared
// as medians of the first and the last 100 saves (single writes are too noisy to compare).
import { RunStore, newRunId } from '../src/core/runs/store.js';
import { RUN_SCHEMA_VERSION, type RunRecord, type TaskResult } from '../src/core/runs/types.js';
import type { BenchModule } from './types.js';

function result(i: number): TaskResult {
  const answer = `Answer ${i}: ` + 'the lantern moves two squares unless a river blocks it. '.repeat(36);
  return {
    taskId: `task-${(i % 4) + 1}`,
    answer,
    draft: answer,
    startedAt: new Date().toISOString(),
    submittedAt: new Date().toISOString(),
    wallMs: 120_000 + i,
    activeMs: 100_000 + i,
    edits: 42,
    verdicts: Array.from({ length: 16 }, (_, k) => ({
      status: k % 3 === 0 ? ('pass' as const) : ('pending' as const),
      by: k % 3 === 0 ? 'check' : undefined,
      reason: `expected 14 (+/-0.5); the answer gives 12 and 3.5 (item ${k})`,
      at: new Date().toISOString(),
    })),
    status: 'pending',
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: BenchModule = {
  name: 'saves',
  async run(ctx) {
    const store = new RunStore(`${ctx.tmp}/saves`);
    const times: number[] = [];
    let run: RunRecord | undefined;
    for (let i = 0; i < 2000; i++) {
      if (i % 4 === 0) {
        run = {
          schemaVersion: RUN_SCHEMA_VERSION,
          id: newRunId(),
          scenarioId: `scenario-${i / 4}`,
          scenarioHash: 'sha256:0000',
          player: { kind: 'human', name: 'bench' },
          history: 'own',
          startedAt: new Date().toISOString(),
          status: 'in-progress',
          tasks: [],
        };
        await store.create(run);
      }
      run!.tasks.push(result(i));
      const t0 = process.hrtime.bigint();
      await store.save(run!);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const early = median(times.slice(0, 100));
    const late = median(times.slice(1900));
    ctx.log(`raw: 1st save ${times[0]!.toFixed(2)} ms (cold), 2,000th save ${times[1999]!.toFixed(2)} ms`);
    ctx.figure('save, median of saves 1-100', early, 'ms');
    ctx.figure('save, median of saves 1,901-2,000', late, 'ms');
    ctx.figure('2,000th save / 1st save', late / early, 'x', { max: 2 });
    const t0 = process.hrtime.bigint();
    const { runs, problems } = await store.list();
    const listMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (runs.length !== 500 || problems.length) throw new Error(`list gave ${runs.length} runs, ${problems.length} problems`);
    ctx.figure('list 500 saved runs', listMs, 'ms');
  },
};
export default bench;
