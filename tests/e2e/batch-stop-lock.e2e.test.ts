// The built CLI against the loopback fake server, as an unlucky user or a script would use it:
// two identical batches started at once, a reader that closes the pipe after one line, a
// SIGTERM. Every request paid for is saved exactly once; nothing is asked twice.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../helpers/fake-openai-server.js';
import { taskOf, writeScenarioFile } from '../helpers/model-scenarios.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'dist', 'clplay.js');

let srv: FakeServer;
let root: string;
let scen: string;
const ids = ['lk-a', 'lk-b', 'lk-c'];

interface Proc {
  child: ReturnType<typeof spawn>;
  code: Promise<number>;
  stdout: () => string;
  stderr: () => string;
}
function start(args: string[]): Proc {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1', CI: '', CLPLAY_CONFIG_DIR: join(root, 'cfg'), OPENAI_BASE_URL: '', OPENAI_API_KEY: 'sk-e2e-x' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return { child, code: new Promise((r) => child.on('close', (c, sig) => r(c ?? (sig ? 128 : -1)))), stdout: () => out, stderr: () => err };
}
const runArgs = (saves: string, extra: string[] = []) => ['run', ...ids, '--model', 'fake-model', '--base-url', srv.url, '--scenarios', scen, '--saves', saves, '--retries', '0', ...extra];
const loadRuns = (saves: string) => readdirSync(saves).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(saves, f), 'utf8')));
const key = (a: { scenario: string; task: string }) => `${a.scenario}/${a.task}`;
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'ignore' });
  srv = await startFakeOpenAI();
  root = mkdtempSync(join(tmpdir(), 'clplay-stop-lock-'));
  scen = join(root, 'scenarios');
  mkdirSync(scen);
  mkdirSync(join(root, 'cfg'));
  for (const id of ids) writeScenarioFile(scen, id, 2);
});
afterAll(async () => {
  await srv.close();
  rmSync(root, { recursive: true, force: true });
});

describe('one writer per batch', () => {
  it('two identical runs at once: no duplicate repeats, no double requests; the second says who holds the batch', async () => {
    srv.requests.length = 0;
    // The two must overlap however slow the machine is: the first batch's replies are held until
    // the second has said it waits (or has ended), so neither can finish before the other starts.
    const second: { p?: Proc; ended?: boolean } = {};
    const bWaits = () => !!second.ended || /is being run by process \d+/.test(second.p?.stderr() ?? '');
    srv.setScript(async (req) => {
      await until(() => second.p !== undefined && bWaits());
      return { text: `ANSWER-${taskOf(req.body)!.task}`, latencyMs: 20 };
    });
    const saves = join(root, 'saves-lock');
    const a = start(runArgs(saves, ['--repeat', '3', '--concurrency', '2']));
    await until(() => srv.chats().length > 0); // a holds the batch and has asked its first question
    const b = start(runArgs(saves, ['--repeat', '3', '--concurrency', '2']));
    second.p = b;
    void b.code.then(() => (second.ended = true));
    const [ca, cb] = await Promise.all([a.code, b.code]);
    expect(bWaits()).toBe(true);
    expect(ca, a.stderr()).toBe(0);
    expect(cb, b.stderr()).toBe(0);
    // 3 scenarios x 2 tasks x 3 repeats, each asked exactly once.
    expect(srv.chats()).toHaveLength(18);
    const runs = loadRuns(saves);
    expect(runs).toHaveLength(9);
    const repeats = runs.map((r) => `${r.scenarioId}#${r.repeat}`).sort();
    expect(new Set(repeats).size).toBe(9);
    for (const r of runs) expect(r.status).toBe('finished');
    // The second waited, naming the first one's pid, then found nothing left to do.
    expect(b.stderr()).toMatch(new RegExp(`is being run by process ${a.child.pid} \\(clplay run, batch b-[0-9a-f]{12}`));
    expect(b.stdout()).toMatch(/9 run\(s\), 0 task\(s\) to play; 18 already done, skipped/);
    expect(readdirSync(saves).filter((f) => f.includes('.lock') || f.includes('.owner'))).toEqual([]);
  }, 60_000);
});

describe('a closed pipe or a signal ends a batch cleanly', () => {
  it('run ... | head -1: stops sending, saves what was in flight, says how to resume on stderr, exits non-zero', async () => {
    srv.requests.length = 0;
    srv.setScript((req) => ({ text: `ANSWER-${taskOf(req.body)!.task}`, latencyMs: 150 }));
    const saves = join(root, 'saves-pipe');
    const p = start(runArgs(saves, ['--concurrency', '2']));
    // Read the first line, then close the pipe as `head -1` does.
    await until(() => p.stdout().includes('\n'));
    p.child.stdout!.destroy();
    const code = await p.code;
    expect(code, p.stderr()).toBe(141);
    expect(p.stderr()).toMatch(/stopping \(output closed\): no new requests/);
    expect(p.stderr()).toMatch(/batch (b-[0-9a-f]{12}) stopped \(output closed\); \d+ finished task\(s\) saved; to continue: clplay run --resume b-[0-9a-f]{12}/);
    expect(p.stderr()).not.toMatch(/EPIPE|at .*\(node:/);
    const paid = srv.chats().map((r) => key(taskOf(r.body)!));
    const runs = loadRuns(saves);
    const saved = runs.flatMap((r) => r.tasks.filter((t: { answer?: string }) => t.answer !== undefined).map((t: { taskId: string }) => `${r.scenarioId}/${t.taskId}`));
    // Every request sent was answered and saved; none is left in progress.
    expect(saved.sort()).toEqual([...paid].sort());
    expect(saved.length).toBeLessThan(6);
    for (const r of runs) expect(['stopped', 'finished']).toContain(r.status);
    expect(runs.some((r) => r.status === 'stopped' && r.stoppedBy === 'output closed')).toBe(true);

    // The resume asks only what was not asked before.
    srv.requests.length = 0;
    const batch = /--resume (b-[0-9a-f]{12})/.exec(p.stderr())![1]!;
    const again = start(['run', '--resume', batch, '--scenarios', scen, '--saves', saves]);
    expect(await again.code, again.stderr()).toBe(0);
    const after = srv.chats().map((r) => key(taskOf(r.body)!));
    for (const k of after) expect(paid).not.toContain(k);
    expect(after.length + paid.length).toBe(6);
  }, 60_000);

  it('SIGTERM: the same clean stop, exit 143', async () => {
    srv.requests.length = 0;
    srv.setScript((req) => ({ text: `ANSWER-${taskOf(req.body)!.task}`, latencyMs: 150 }));
    const saves = join(root, 'saves-term');
    const p = start(runArgs(saves, ['--concurrency', '2']));
    await until(() => srv.chats().length >= 1);
    p.child.kill('SIGTERM');
    expect(await p.code, p.stderr()).toBe(143);
    expect(p.stderr()).toMatch(/stopped \(SIGTERM\).*to continue: clplay run --resume/);
    const paid = srv.chats().length;
    const saved = loadRuns(saves).reduce((n, r) => n + r.tasks.filter((t: { answer?: string }) => t.answer !== undefined).length, 0);
    expect(saved).toBe(paid);
    for (const r of loadRuns(saves)) expect(r.status).not.toBe('in-progress');
  }, 60_000);
});
