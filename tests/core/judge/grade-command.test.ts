// `clplay grade` in-process: the judge grades pending items of saved runs, unscored items stay
// visible, --manual asks a person item by item (answers from a piped stdin).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import grade from '../../../src/commands/grade.js';
import type { CommandIO } from '../../../src/commands/types.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { newModelRun } from '../../../src/core/model/player.js';
import { gradeByChecks } from '../../../src/core/grading/grade.js';
import { taskStatus } from '../../../src/core/grading/verdict.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';
import { writeScenarioFile } from '../../helpers/model-scenarios.js';

let srv: FakeServer;
let root: string;
beforeAll(async () => {
  srv = await startFakeOpenAI();
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'clplay-grade-'));
  srv.requests.length = 0;
  return () => rm(root, { recursive: true, force: true });
});

function io(input = ''): { io: CommandIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d) => (o += d));
  stderr.on('data', (d) => (e += d));
  return {
    io: {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
      stdin: Readable.from([input]) as unknown as NodeJS.ReadStream,
      env: { CLPLAY_CONFIG_DIR: join(root, 'cfg'), USER: 'tester' },
      cwd: root,
    },
    out: () => o,
    err: () => e,
  };
}

async function seed(): Promise<{ store: RunStore; runId: string; scen: string; saves: string }> {
  const scen = join(root, 'scen');
  const saves = join(root, 'saves');
  await (await import('node:fs/promises')).mkdir(scen, { recursive: true });
  writeScenarioFile(scen, 'graded', 2, { judged: true });
  const s = (await loadLibrary([scen])).scenarios[0]!;
  const store = new RunStore(saves);
  const run = newModelRun(s, { baseUrl: 'http://x/v1', model: 'player-model', apiKey: 'k', keySource: '', params: {} }, { history: 'own' });
  s.tasks.forEach((t, i) => {
    const answer = `ANSWER-${t.id} because of the rule`;
    const verdicts = gradeByChecks(t, answer);
    run.tasks[i] = { taskId: t.id, answer, verdicts, status: taskStatus(verdicts) };
  });
  await store.create(run);
  return { store, runId: run.id, scen, saves };
}

const args = (values: Record<string, unknown>, positionals: string[] = []) => ({ values: values as never, positionals });

describe('clplay grade', () => {
  it('--judge decides pending items; a second grade finds nothing; unscored stays visible', async () => {
    const { store, runId, scen, saves } = await seed();
    srv.queue(
      { text: '```json\n{"List of Requirement Satisfaction Status": [{"item": 1, "satisfied": "yes", "reason": "cites it"}]}\n```' },
      { text: 'I cannot decide.' },
      { text: 'Still no JSON, sorry.' },
      { text: 'Nope.' },
    );
    const a = io();
    const code = await grade.run(args({ judge: 'judge-model', 'judge-base-url': srv.url, scenarios: [scen], saves, concurrency: '1', retries: '0' }), a.io);
    expect(code, a.err()).toBe(0);
    expect(a.out()).toMatch(/1 item\(s\) decided, 1 unscored, 4 judge call\(s\)/);
    const run = await store.load(runId);
    expect(run.tasks[0]!.verdicts[1]).toMatchObject({ status: 'pass', by: 'judge:judge-model' });
    expect(run.tasks[0]!.status).toBe('solved');
    expect(run.tasks[1]!.verdicts[1]).toMatchObject({ status: 'unscored', raw: 'Nope.' });
    expect(run.tasks[1]!.status).toBe('pending');

    // The unscored item is asked again; the passed one is not.
    srv.requests.length = 0;
    srv.setScript({ text: '{"List of Requirement Satisfaction Status": ["no"]}' });
    const b = io();
    await grade.run(args({ judge: 'judge-model', 'judge-base-url': srv.url, scenarios: [scen], saves, retries: '0' }), b.io);
    expect(srv.chats()).toHaveLength(1);
    const again = await store.load(runId);
    expect(again.tasks[1]!.verdicts[1]).toMatchObject({ status: 'fail', by: 'judge:judge-model' });
    expect(again.tasks[1]!.verdicts[1]!.previous?.[0]).toMatchObject({ status: 'unscored', raw: 'Nope.' });
    const c = io();
    await grade.run(args({ judge: 'judge-model', 'judge-base-url': srv.url, scenarios: [scen], saves }), c.io);
    expect(c.out()).toMatch(/nothing to grade/);
  });

  it('a judge that cannot be reached stops grading with one line and leaves the items pending', async () => {
    const { store, runId, scen, saves } = await seed();
    const a = io();
    await expect(
      grade.run(args({ judge: 'judge-model', 'judge-base-url': 'http://127.0.0.1:9/v1', scenarios: [scen], saves, retries: '0' }), a.io),
    ).rejects.toThrow(/^the judge could not be reached: .*0 item\(s\) decided before that, the rest stay pending/);
    const run = await store.load(runId);
    expect(run.tasks.flatMap((t) => t.verdicts).filter((v) => v.status === 'unscored')).toEqual([]);
    expect(run.tasks[0]!.verdicts[1]!.status).toBe('pending');
  });

  it('--manual asks a person item by item and saves who decided', async () => {
    const { store, runId, scen, saves } = await seed();
    const a = io('x\np\nf\n');
    const code = await grade.run(args({ manual: true, scenarios: [scen], saves }, [runId]), a.io);
    expect(code).toBe(0);
    expect(a.out()).toMatch(/Grading 2 item\(s\) as tester/);
    expect(a.out()).toMatch(/please answer p, f, s or q/);
    expect(a.out()).toMatch(/Answer:\n {4}ANSWER-t1 because of the rule/);
    expect(a.out()).toMatch(/2 item\(s\) decided, 0 left for later/);
    const run = await store.load(runId);
    expect(run.tasks[0]!.verdicts[1]).toMatchObject({ status: 'pass', by: 'person:tester' });
    expect(run.tasks[1]!.verdicts[1]).toMatchObject({ status: 'fail', by: 'person:tester' });
    expect(run.tasks.map((t) => t.status)).toEqual(['solved', 'failed']);
  });

  it('asks for a judge when none is set', async () => {
    const { scen, saves } = await seed();
    await expect(grade.run(args({ scenarios: [scen], saves }), io().io)).rejects.toThrow(/no judge given: pass --judge MODEL/);
  });
});
