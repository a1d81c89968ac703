// `clplay watch` in a real pseudo-terminal against a loopback OpenAI-compatible server.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, PtySession, tempDirs, type TempDirs } from '../helpers/pty.js';
import { startFakeOpenAI, type FakeServer } from '../helpers/fake-openai-server.js';
import { taskOf, writeScenarioFile } from '../helpers/model-scenarios.js';

let srv: FakeServer;
let dirs: TempDirs;
let scen: string;
beforeAll(async () => {
  srv = await startFakeOpenAI();
  dirs = tempDirs('clplay-watch-e2e-');
  scen = join(dirs.root, 'scenarios');
  mkdirSync(scen, { recursive: true });
  writeScenarioFile(scen, 'watch-me', 2);
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('clplay watch (pty)', () => {
  it('streams, steps with Enter, leaves with q and saves the run', async () => {
    srv.setScript((req) => {
      const t = taskOf(req.body)!;
      return { text: `ANSWER-${t.task} ` + 'streaming words '.repeat(20) + `DONE-${t.task}`, chunks: 20, chunkDelayMs: 10 };
    });
    const p = new PtySession(['watch', 'watch-me', '--model', 'fake-model', '--base-url', srv.url, '--scenarios', scen, '--saves', dirs.saves], {
      cols: 110,
      rows: 30,
      env: { CLPLAY_CONFIG_DIR: dirs.config, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    });
    try {
      await p.ready('Watching fake-model', 10_000);
      await p.waitForText('DONE-t1', 8000);
      await p.waitForText('Enter: next task');
      p.write(KEYS.enter);
      await p.waitForText('DONE-t2', 8000);
      await p.waitForText('all tasks done');
      p.write('q');
      expect(await p.waitForExit(8000)).toBe(0);
    } finally {
      p.kill();
    }
    const files = readdirSync(dirs.saves).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const run = JSON.parse(readFileSync(join(dirs.saves, files[0]!), 'utf8'));
    expect(run.player).toEqual({ kind: 'model', model: 'fake-model', baseUrl: srv.url, params: {} });
    expect(run.tasks.map((t: { status: string }) => t.status)).toEqual(['solved', 'solved']);
    expect(run.status).toBe('finished');
  }, 40_000);
  it('a server that is down is one line before the screen opens', async () => {
    const p = new PtySession(['watch', 'watch-me', '--model', 'fake-model', '--base-url', 'http://127.0.0.1:59999/v1', '--scenarios', scen, '--saves', dirs.saves], {
      cols: 110,
      rows: 30,
      env: { CLPLAY_CONFIG_DIR: dirs.config, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    });
    try {
      const code = await p.waitForExit(10_000);
      expect(code).not.toBe(0);
      expect(p.screen().trim()).toBe('clplay: cannot reach http://127.0.0.1:59999/v1: connection refused - is the server running?');
    } finally {
      p.dispose();
    }
  });
});
