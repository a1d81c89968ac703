// `clplay results --plain` over 2,000 and 10,000 saved runs (4 tasks of 16 items each, a human
// or a model, 20 scenarios), as a ratio to the same command on an empty saves folder measured in
// the same run. Target: 10,000 runs within 2 s on this machine (issue: 54 s at 4,000 before the
// grouping became linear).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_SCHEMA_VERSION, type RunRecord } from '../src/core/runs/types.js';
import type { BenchModule } from './types.js';

function run(i: number): RunRecord {
  const human = i % 3 !== 0;
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: `bench-${String(i).padStart(6, '0')}`,
    scenarioId: `scenario-${i % 20}`,
    scenarioHash: 'sha256:0000',
    category: 'rule-system-application',
    player: human ? { kind: 'human', name: `p${i % 40}` } : { kind: 'model', model: `model-${i % 4}`, baseUrl: 'http://127.0.0.1:1/v1', params: {} },
    history: 'own',
    startedAt: '2026-11-20T10:00:00.000Z',
    status: 'finished',
    ...(human ? {} : { repeat: 1 + (i % 3) }),
    tasks: Array.from({ length: 4 }, (_, t) => ({
      taskId: `t${t + 1}`,
      answer: `Answer ${i}/${t}: the levy is 81 marks after rounding up. `.repeat(8),
      verdicts: Array.from({ length: 16 }, (_, k) => ({ status: (i + t + k) % 5 ? ('pass' as const) : ('fail' as const), by: 'check', reason: 'bench' })),
      status: (i + t) % 5 ? ('solved' as const) : ('failed' as const),
    })),
  } as RunRecord;
}

function writeRuns(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `bench-${String(i).padStart(6, '0')}.json`), JSON.stringify(run(i)));
}

const bench: BenchModule = {
  name: 'results-scale',
  async run(ctx) {
    const empty = join(ctx.tmp, 'empty');
    mkdirSync(empty);
    const env = { CLPLAY_CACHE_DIR: join(ctx.tmp, 'cache') };
    await ctx.runCli(['results', '--plain', '--saves', empty], { env }); // warm-up
    for (const n of [2_000, 10_000]) {
      const dir = join(ctx.tmp, `runs-${n}`);
      writeRuns(dir, n);
      const floor: number[] = [];
      const subject: number[] = [];
      for (let i = 0; i < 3; i++) {
        floor.push((await ctx.runCli(['results', '--plain', '--saves', empty], { env })).ms);
        const r = await ctx.runCli(['results', '--plain', '--saves', dir], { env });
        if (r.code !== 0) throw new Error(`results exited ${r.code}: ${r.stderr.slice(-300)}`);
        subject.push(r.ms);
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
      ctx.figure(`results --plain, ${n.toLocaleString('en-US')} saved runs`, med(subject), 'ms', n === 10_000 ? { max: 2000 } : undefined);
      ctx.ratio(`results --plain, ${n.toLocaleString('en-US')} saved runs`, med(subject), med(floor), 'results on an empty saves folder');
    }
  },
};
export default bench;
