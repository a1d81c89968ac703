// The built CLI against a loopback OpenAI-compatible server: Ctrl+C (SIGINT) then resume with no
// duplicate work, one-line errors, and the key in no saved file.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeServer } from '../helpers/fake-openai-server.js';
import { taskOf, writeScenarioFile } from '../helpers/model-scenarios.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'dist', 'clplay.js');
const KEY = 'sk-e2e-TOPSECRET-abcdef0123456789';

interface Proc {
  code: Promise<number>;
  stdout: () => string;
  stderr: () => string;
  kill: (sig: NodeJS.Signals) => void;
}
function start(args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1', CI: '', CLPLAY_CONFIG_DIR: cfg, OPENAI_BASE_URL: '', OPENAI_API_KEY: KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return {
    code: new Promise((r) => child.on('close', (c, sig) => r(c ?? (sig ? 128 : -1)))),
    stdout: () => out,
    stderr: () => err,
    kill: (s) => child.kill(s),
  };
}

let srv: FakeServer;
let root: string;
let scen: string;
let saves: string;
let cfg: string;
beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'ignore' });
  srv = await startFakeOpenAI();
  root = mkdtempSync(join(tmpdir(), 'clplay-run-e2e-'));
  scen = join(root, 'scenarios');
  saves = join(root, 'saves');
  cfg = join(root, 'config');
  execFileSync('mkdir', ['-p', scen, cfg]);
  for (let i = 0; i < 6; i++) writeScenarioFile(scen, `e2e-s${i}`, 3);
});
afterAll(async () => {
  await srv.close();
  rmSync(root, { recursive: true, force: true });
});

const ids = Array.from({ length: 6 }, (_, i) => `e2e-s${i}`);

describe('clplay run (built CLI)', () => {
  it('Ctrl+C stops cleanly; --resume finishes without redoing anything; the same command then has nothing to do', async () => {
    srv.setScript((req) => {
      const t = taskOf(req.body)!;
      return { text: `ANSWER-${t.task} for ${t.scenario}`, latencyMs: 120 };
    });
    const args = ['run', ...ids, '--model', 'fake-model', '--base-url', srv.url, '--concurrency', '2', '--scenarios', scen, '--saves', saves, '--retries', '0'];
    const first = start(args);
    // Let some tasks finish, then interrupt.
    const t0 = Date.now();
    while (srv.chats().length < 6 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGINT');
    const code1 = await first.code;
    expect(code1, first.stderr()).toBe(130);
    expect(first.stderr()).toMatch(/stopping \(SIGINT\): no new requests; waiting up to 30s for the ones in flight, then saving/);
    expect(first.stderr()).toMatch(/batch b-[0-9a-f]{12} stopped \(SIGINT\); \d+ finished task\(s\) saved; to continue: clplay run --resume b-[0-9a-f]{12}/);

    const askedBefore = srv.chats().map((r) => ({ ...taskOf(r.body)!, n: r.body.messages.length }));
    const runFiles = () => readdirSync(saves).filter((f) => f.endsWith('.json'));
    const load = () => runFiles().map((f) => JSON.parse(readFileSync(join(saves, f), 'utf8')));
    const answeredBefore = new Set<string>();
    const before = load();
    expect(before.some((r) => r.status === 'stopped')).toBe(true);
    for (const run of before) {
      // A run whose last task was in flight at Ctrl+C was finished by the wait; the rest stopped.
      expect(run.status === 'finished' || (run.status === 'stopped' && run.stoppedBy === 'SIGINT'), JSON.stringify(run)).toBe(true);
      for (const t of run.tasks) if (t.answer !== undefined) answeredBefore.add(`${run.scenarioId}/${t.taskId}`);
    }
    expect(answeredBefore.size).toBeGreaterThan(0);
    expect(answeredBefore.size).toBeLessThan(18);
    // The requests in flight at Ctrl+C were waited for and saved: every request paid for is kept.
    expect(askedBefore.length).toBe(answeredBefore.size);

    srv.requests.length = 0;
    const batch = /--resume (b-[0-9a-f]{12})/.exec(first.stderr())![1]!;
    const second = start(['run', '--resume', batch, '--concurrency', '2', '--scenarios', scen, '--saves', saves]);
    expect(await second.code, second.stderr()).toBe(0);
    expect(second.stdout()).toMatch(new RegExp(`${answeredBefore.size} already done, skipped`));
    const askedAfter = srv.chats().map((r) => taskOf(r.body)!);
    // Nothing answered before was asked again; everything else was asked exactly once.
    for (const a of askedAfter) expect(answeredBefore.has(`${a.scenario}/${a.task}`), `${a.scenario}/${a.task} asked again`).toBe(false);
    expect(new Set(askedAfter.map((a) => `${a.scenario}/${a.task}`)).size).toBe(askedAfter.length);
    expect(askedAfter.length, second.stdout()).toBe(18 - answeredBefore.size);
    expect(askedBefore.length).toBeGreaterThanOrEqual(answeredBefore.size);

    const runs = load();
    expect(runs).toHaveLength(6); // one run per scenario: resumed, not duplicated
    for (const run of runs) {
      expect(run.status).toBe('finished');
      expect(run.tasks.map((t: { status: string }) => t.status)).toEqual(['solved', 'solved', 'solved']);
    }
    expect(second.stdout()).toMatch(/total\s+6\s+18\s+18\s+0\s+0\s+0\s+100\.0%/);

    // A third run has nothing to do.
    srv.requests.length = 0;
    const third = start([...args, '--json']);
    expect(await third.code).toBe(0);
    const summary = JSON.parse(third.stdout());
    expect(summary).toMatchObject({ tasks: 18, solved: 18, errors: 0, stopped: false });
    expect(srv.chats()).toHaveLength(0);

    // The key went over the wire, and into no saved file.
    for (const f of readdirSync(saves)) expect(readFileSync(join(saves, f), 'utf8')).not.toContain('TOPSECRET');
  }, 60_000);

  it('an unreachable endpoint or a missing key is one clear line', async () => {
    const closed = await startFakeOpenAI();
    const deadUrl = closed.url;
    await closed.close();
    const dead = start(['run', 'e2e-s0', '--model', 'm', '--base-url', deadUrl, '--retries', '0', '--scenarios', scen, '--saves', join(root, 'saves-dead')]);
    expect(await dead.code).toBe(1);
    expect(dead.stderr()).toBe(`clplay: cannot reach ${deadUrl}: connection refused - is the server running? - the batch was stopped; fix it and rerun to continue\n`);
    const nokey = start(['run', 'e2e-s0', '--model', 'm', '--base-url', 'https://api.example.com/v1', '--scenarios', scen, '--saves', join(root, 'saves-nokey')], { OPENAI_API_KEY: '' });
    expect(await nokey.code).toBe(2);
    expect(nokey.stderr()).toBe('clplay: no API key for https://api.example.com/v1: set OPENAI_API_KEY or `clplay config set model.apiKeyEnv NAME`\n');
  });
});
