// `clplay replay` and `clplay demo` end to end: a model run recorded against the loopback server
// (real openai SDK, streaming) is replayed by the built CLI in a real pseudo-terminal with the
// server closed - no endpoint, no key - and nothing new is saved.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCast } from '../../src/core/replay/asciicast.js';
import { RunStore } from '../../src/core/runs/store.js';
import type { RunRecord } from '../../src/core/runs/types.js';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOpenAI } from '../helpers/fake-openai-server.js';
import { taskOf, writeScenarioFile } from '../helpers/model-scenarios.js';
import { KEYS, PtySession, tempDirs, type TempDirs } from '../helpers/pty.js';
import { recordRun } from '../helpers/recorded-run.js';

let dirs: TempDirs;
let scen: string;
let model: RunRecord;
const env = () => ({ CLPLAY_CONFIG_DIR: dirs.config, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' });
const savedFiles = () => readdirSync(dirs.saves).sort().map((f) => [f, readFileSync(join(dirs.saves, f), 'utf8')]);

beforeAll(async () => {
  dirs = tempDirs('clplay-replay-e2e-');
  scen = join(dirs.root, 'scenarios');
  mkdirSync(scen, { recursive: true });
  const scenario = (await loadScenarioFile(writeScenarioFile(scen, 'replay-me', 2))).scenario!;
  const srv = await startFakeOpenAI((req) => {
    const t = taskOf(req.body)!.task;
    return t === 't1' ? { text: 'ANSWER-t1 because the lantern moves exactly two squares.', chunks: 5 } : { text: 'It must be ANSWER-t9, the usual rule.', chunks: 3 };
  });
  const store = new RunStore(dirs.saves);
  model = await recordRun(srv, scenario);
  await srv.close();
  await store.create(model);
  // A person who solved the task the model failed.
  await store.create({
    schemaVersion: 1,
    id: '20261207-090000-abcdef',
    scenarioId: scenario.id,
    scenarioHash: scenario.hash,
    player: { kind: 'human', name: 'ada' },
    history: 'own',
    startedAt: '2026-12-07T09:00:00.000Z',
    status: 'finished',
    tasks: [
      { taskId: 't1', answer: 'ANSWER-t1', status: 'solved', verdicts: [{ status: 'pass', by: 'check', reason: 'found' }] },
      { taskId: 't2', answer: 'ADA-SAYS ANSWER-t2', status: 'solved', verdicts: [{ status: 'pass', by: 'check', reason: 'found' }] },
    ],
  });
});
afterAll(() => dirs.cleanup());

describe('clplay replay (pty)', () => {
  for (const [cols, rows] of [
    [120, 36],
    [80, 24],
  ] as const) {
    it(`--instant at ${cols}x${rows}: the saved answers and verdicts, task by task, offline; nothing saved`, async () => {
      const before = savedFiles();
      const p = new PtySession(['replay', model.id, '--instant', '--saves', dirs.saves, '--scenarios', scen], { cols, rows, env: env() });
      try {
        await p.ready('Replaying fake-model', 10_000);
        await p.waitForText('solved · ');
        await p.waitForText('✓ Says ANSWER-t1');
        expect(p.screen()).toContain('Task 1/2');
        p.write(KEYS.enter);
        await p.waitForText('Task 2/2');
        await p.waitForText('end of the run');
        expect(p.screen()).toMatch(/✗ Says ANSWER-t2/);
        p.write('p');
        await p.waitForText('Task 1/2');
        p.write('q');
        expect(await p.waitForExit(8000)).toBe(0);
      } finally {
        p.kill();
      }
      expect(savedFiles()).toEqual(before);
    }, 40_000);
  }
});

describe('clplay demo and --export cast', () => {
  it('demo lists the failed-model/solved-person run first', () => {
    const r = runCli(['demo', '--saves', dirs.saves, '--scenarios', scen], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n')[0]!.split('\t');
    expect(first).toEqual([model.id, 'fake-model', 'replay-me', 'failed t2 that ada solved']);
  });

  it('writes an asciicast v2 file of the replay that asciinema can play', () => {
    const out = join(dirs.root, 'replay.cast');
    const r = runCli(['replay', model.id, '--export', 'cast', '--out', out, '--size', '100x30', '--saves', dirs.saves, '--scenarios', scen], { env: env() });
    expect(r.stderr).toMatch(/^clplay: wrote \d+ frames/);
    expect(r.code).toBe(0);
    const { header, events } = parseCast(readFileSync(out, 'utf8'));
    expect(header).toMatchObject({ version: 2, width: 100, height: 30 });
    expect(events.length).toBeGreaterThan(3);
    expect(events.map((e) => e[2]).join('')).toContain('ANSWER-t1 because');
  });

  it('an unknown id is one line', () => {
    const r = runCli(['replay', 'nope', '--export', 'cast', '--out', join(dirs.root, 'x.cast'), '--saves', dirs.saves, '--scenarios', scen], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^clplay: no saved run or match "nope"/);
  });
});
