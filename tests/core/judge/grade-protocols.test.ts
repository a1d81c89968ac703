// `clplay grade` with --judge-protocol clbench (eval.py's prompt read from an eval.py-shaped
// fixture, its counting) and with --judge-checks (a judge's second opinion on check-graded items).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import grade from '../../../src/commands/grade.js';
import type { CommandIO } from '../../../src/commands/types.js';
import { loadGradingTemplate, renderGradingPrompt } from '../../../src/core/clbench/eval-template.js';
import { gradeByChecks } from '../../../src/core/grading/grade.js';
import { taskStatus } from '../../../src/core/grading/verdict.js';
import { newModelRun } from '../../../src/core/model/player.js';
import { judgeAgreement } from '../../../src/core/results/agreement.js';
import { renderAgreement } from '../../../src/core/results/render.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';
import { writeScenarioFile } from '../../helpers/model-scenarios.js';

const EVAL_PY = join(import.meta.dirname, '../../fixtures/clbench-eval-shape.py');
let srv: FakeServer;
let root: string;
beforeAll(async () => {
  srv = await startFakeOpenAI();
});
afterAll(async () => {
  await srv.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'clplay-protocols-'));
  srv.requests.length = 0;
  return () => rm(root, { recursive: true, force: true });
});

function io(env: Record<string, string> = {}): { io: CommandIO; out: () => string; err: () => string } {
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
      stdin: Readable.from(['']) as unknown as NodeJS.ReadStream,
      env: { CLPLAY_CONFIG_DIR: join(root, 'cfg'), USER: 'tester', ...env },
      cwd: root,
    },
    out: () => o,
    err: () => e,
  };
}

async function seed() {
  const scen = join(root, 'scen');
  const saves = join(root, 'saves');
  await mkdir(scen, { recursive: true });
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
  return { store, runId: run.id, scen, saves, scenario: s };
}
const args = (values: Record<string, unknown>) => ({ values: values as never, positionals: [] });
const judgeFlags = () => ({ judge: 'judge-model', 'judge-base-url': srv.url, retries: '0', concurrency: '1' });

describe('clplay grade --judge-protocol clbench', () => {
  it('grades each task with the prompt from eval.py, counts the score, shows disagreements', async () => {
    const { store, runId, scen, saves } = await seed();
    srv.setScript((req) => {
      const content = req.body.messages[0].content as string;
      if (content.includes('ANSWER-t1 because')) return { text: JSON.stringify({ 'Grading Rationale': 'ok', 'List of Requirement Satisfaction Status': ['yes', 'yes'], 'Overall Score': 1 }) };
      return { text: '```json\n' + JSON.stringify({ 'Grading Rationale': 'hm', 'List of Requirement Satisfaction Status': ['yes', 'yes'], 'Overall Score': 0 }) + '\n```' };
    });
    const a = io();
    const code = await grade.run(args({ ...judgeFlags(), 'judge-protocol': 'clbench', 'clbench-eval': EVAL_PY, scenarios: [scen], saves }), a.io);
    expect(code, a.err()).toBe(0);
    const reqs = srv.chats();
    expect(reqs).toHaveLength(2);
    const t = loadGradingTemplate(EVAL_PY);
    expect(JSON.parse(reqs[0]!.raw)).toEqual({
      model: 'judge-model',
      messages: [{ role: 'user', content: renderGradingPrompt(t, '1. Says ANSWER-t1.\n2. Explains why, citing the rule of graded.', 'ANSWER-t1 because of the rule') }],
    });
    const run = await store.load(runId);
    expect(run.tasks.map((x) => x.status)).toEqual(['solved', 'failed']);
    expect(run.tasks[1]!.judgement).toMatchObject({ protocol: 'clbench', upstream: 'not solved', score: 0, disagreement: expect.stringMatching(/every item "yes"/) });
    // The check's own verdict stays; the judge's list entry sits beside it.
    expect(run.tasks[1]!.verdicts[0]).toMatchObject({ status: 'pass', by: 'check', judgeOpinion: { status: 'pass', protocol: 'clbench' } });
    expect(run.tasks[1]!.verdicts[1]).toMatchObject({ status: 'pass', protocol: 'clbench' });
    expect(renderAgreement(judgeAgreement([run]))).toMatch(/CL-bench judge: 1 task\(s\) where the per-item list and the Overall Score disagree[^\n]*\n {2}graded t2: not solved; the list marks every item "yes"/);
    // Graded: a second grade has nothing to do.
    const b = io();
    await grade.run(args({ ...judgeFlags(), 'judge-protocol': 'clbench', 'clbench-eval': EVAL_PY, scenarios: [scen], saves }), b.io);
    expect(b.out()).toMatch(/nothing to grade/);
  });

  it('reads eval.py from CLPLAY_CLBENCH_EVAL; one clear line when it is missing or not eval.py', async () => {
    const { scen, saves } = await seed();
    await expect(grade.run(args({ ...judgeFlags(), 'judge-protocol': 'clbench', scenarios: [scen], saves }), io().io)).rejects.toThrow(
      /^--judge-protocol clbench needs your copy of CL-bench's eval.py: pass --clbench-eval FILE, set CLPLAY_CLBENCH_EVAL/,
    );
    const notEval = join(root, 'notes.py');
    await writeFile(notEval, 'print("hello")\n');
    await expect(grade.run(args({ ...judgeFlags(), 'judge-protocol': 'clbench', scenarios: [scen], saves }), io({ CLPLAY_CLBENCH_EVAL: notEval }).io)).rejects.toThrow(
      /notes\.py: not CL-bench's grading prompt: no concatenated string holding both \{rubrics_text\} and \{model_output\} was found/,
    );
    await expect(grade.run(args({ ...judgeFlags(), 'judge-protocol': 'upstream', scenarios: [scen], saves }), io().io)).rejects.toThrow(/--judge-protocol "upstream" is not known; use clbench or clplay/);
    srv.setScript({ text: JSON.stringify({ 'List of Requirement Satisfaction Status': ['no', 'no'], 'Overall Score': 0 }) });
    const ok = io({ CLPLAY_CLBENCH_EVAL: EVAL_PY });
    expect(await grade.run(args({ ...judgeFlags(), 'judge-protocol': 'clbench', scenarios: [scen], saves }), ok.io), ok.err()).toBe(0);
    expect(srv.chats()[0]!.body.messages).toHaveLength(1);
  });
});

describe('clplay grade --judge-checks', () => {
  it("asks the judge about check-graded items too, keeps the check's verdict, records the disagreement", async () => {
    const { store, runId, scen, saves } = await seed();
    srv.setScript({
      text: JSON.stringify({
        'List of Requirement Satisfaction Status': [
          { item: 1, satisfied: 'no', reason: 'the answer hedges' },
          { item: 2, satisfied: 'yes', reason: 'cites the rule' },
        ],
      }),
    });
    const a = io();
    expect(await grade.run(args({ ...judgeFlags(), 'judge-checks': true, scenarios: [scen], saves }), a.io), a.err()).toBe(0);
    const reqs = srv.chats();
    expect(reqs).toHaveLength(2);
    // clplay's own protocol: both items, numbered, in one request per task.
    expect(reqs[0]!.body.messages[1].content).toContain('1. Says ANSWER-t1.\n2. Explains why, citing the rule of graded.');
    const run = await store.load(runId);
    expect(run.tasks[0]!.verdicts[0]).toMatchObject({ status: 'pass', by: 'check', judgeOpinion: { status: 'fail', reason: 'the answer hedges', protocol: 'clplay' } });
    expect(run.tasks[0]!.verdicts[1]).toMatchObject({ status: 'pass', protocol: 'clplay' });
    expect(run.tasks.map((t) => t.status)).toEqual(['solved', 'solved']);
    const agreement = judgeAgreement([run]);
    expect(agreement.checks).toMatchObject({ compared: 2, agreed: 0 });
    expect(renderAgreement(agreement)).toMatch(/Checks vs judge \(--judge-checks\): 0\/2 check-graded items \(0\.0%\) judged alike[\s\S]*graded t1 item 1: check said pass \(.*\), judge-model said fail \(the answer hedges\)/);
    // Every check has its second opinion now: nothing left to ask.
    const b = io();
    await grade.run(args({ ...judgeFlags(), 'judge-checks': true, scenarios: [scen], saves }), b.io);
    expect(b.out()).toMatch(/nothing to grade/);
  });
});

describe('the default protocol', () => {
  async function seedImported() {
    const scen = join(root, 'scen');
    const saves = join(root, 'saves');
    await mkdir(scen, { recursive: true });
    const path = writeScenarioFile(scen, 'clbench-abcd0001-1', 1, { judged: true });
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    // As `clplay import` writes it: no checks, upstream's task id kept.
    file.tasks[0].rubric = [{ text: 'Says ANSWER-t1.' }, { text: 'Explains why.' }];
    file.tasks[0].sourceId = 'uuid-0001';
    writeFileSync(path, JSON.stringify(file));
    const s = (await loadLibrary([scen])).scenarios[0]!;
    const store = new RunStore(saves);
    const run = newModelRun(s, { baseUrl: 'http://x/v1', model: 'player-model', apiKey: 'k', keySource: '', params: {} }, { history: 'given' });
    const verdicts = gradeByChecks(s.tasks[0]!, 'ANSWER-t1.');
    run.tasks[0] = { taskId: 't1', answer: 'ANSWER-t1.', verdicts, status: taskStatus(verdicts) };
    await store.create(run);
    return { store, runId: run.id, scen, saves };
  }

  it('is clbench for imported CL-bench tasks when eval.py is configured', async () => {
    const { store, runId, scen, saves } = await seedImported();
    srv.setScript({ text: JSON.stringify({ 'List of Requirement Satisfaction Status': ['yes', 'yes'], 'Overall Score': 1 }) });
    const a = io({ CLPLAY_CLBENCH_EVAL: EVAL_PY });
    expect(await grade.run(args({ ...judgeFlags(), scenarios: [scen], saves }), a.io), a.err()).toBe(0);
    expect(a.err()).not.toMatch(/imported CL-bench tasks are graded by clplay/);
    expect(srv.chats()[0]!.body.messages).toEqual([{ role: 'user', content: expect.stringContaining('\u3010Checklist\u3011:\n1. Says ANSWER-t1.\n2. Explains why.\n') }]);
    const run = await store.load(runId);
    expect(run.tasks[0]!.judgement).toMatchObject({ protocol: 'clbench', upstream: 'solved' });
    expect(run.tasks[0]!.verdicts.map((v) => v.protocol)).toEqual(['clbench', 'clbench']);
  });

  it('is clplay otherwise, with one line saying how to grade as eval.py does', async () => {
    const { store, runId, scen, saves } = await seedImported();
    srv.setScript({ text: JSON.stringify({ 'List of Requirement Satisfaction Status': ['yes', 'no'] }) });
    const a = io();
    expect(await grade.run(args({ ...judgeFlags(), scenarios: [scen], saves }), a.io), a.err()).toBe(0);
    expect(a.err()).toMatch(/imported CL-bench tasks are graded by clplay's judge protocol; to grade and count them as upstream eval.py does, point --clbench-eval/);
    expect(srv.chats()[0]!.body.messages[0].role).toBe('system');
    const run = await store.load(runId);
    expect(run.tasks[0]!.judgement).toBeUndefined();
    expect(run.tasks[0]!.verdicts.map((v) => [v.status, v.protocol])).toEqual([
      ['pass', 'clplay'],
      ['fail', 'clplay'],
    ]);
    expect(run.tasks[0]!.status).toBe('failed');
  });
});
