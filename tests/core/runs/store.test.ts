import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { DEFAULT_SAVES } from '../../../src/core/paths.js';
import { newRunId, RunStore, savesDir } from '../../../src/core/runs/store.js';
import { RUN_SCHEMA_VERSION, type RunRecord, type TaskResult } from '../../../src/core/runs/types.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clplay-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(id = newRunId(), tasks: TaskResult[] = []): RunRecord {
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id,
    scenarioId: 'lantern-league',
    scenarioHash: 'abc',
    player: { kind: 'human', name: 'Ada' },
    history: 'own',
    startedAt: new Date().toISOString(),
    status: 'in-progress',
    tasks,
  };
}

function result(i: number): TaskResult {
  return { taskId: `task-${i}`, answer: `answer ${i} `.repeat(50), verdicts: [{ status: 'pending', reason: 'no check' }], status: 'pending' };
}

describe('newRunId', () => {
  it('is unique, sortable by time and a safe file name', () => {
    const ids = Array.from({ length: 2000 }, () => newRunId());
    expect(new Set(ids).size).toBe(2000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 5)) expect(id).toMatch(/^\d{8}-\d{6}-\d{3}-[0-9a-f]{6}$/);
    expect(newRunId(Date.UTC(2030, 0, 2, 3, 4, 5, 6))).toMatch(/^20300102-030405-006-/);
  });
});

describe('RunStore', () => {
  it('creates, saves and loads a run; the file holds schemaVersion; no temp file is left', async () => {
    const store = new RunStore(join(dir, 'saves'));
    const r = run();
    await store.create(r);
    r.tasks.push(result(1));
    await store.save(r);
    const loaded = await store.load(r.id);
    expect(loaded).toEqual(r);
    const names = await readdir(join(dir, 'saves'));
    expect(names).toEqual([`${r.id}.json`]);
    const raw = JSON.parse(await readFile(join(dir, 'saves', `${r.id}.json`), 'utf8'));
    expect(raw.schemaVersion).toBe(RUN_SCHEMA_VERSION);
  });

  it('create refuses an existing id and leaves the file as it was', async () => {
    const store = new RunStore(dir);
    const r = run();
    await store.create(r);
    const before = await readFile(join(dir, `${r.id}.json`), 'utf8');
    const other = { ...run(r.id), scenarioId: 'other' };
    await expect(store.create(other)).rejects.toThrow(UserError);
    await expect(store.create(other)).rejects.toThrow(/already exists; it was not overwritten/);
    expect(await readFile(join(dir, `${r.id}.json`), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual([`${r.id}.json`]);
    // A second store (another process) cannot create it either.
    await expect(new RunStore(dir).create(other)).rejects.toThrow(/already exists/);
  });

  it('is crash-safe: a write interrupted before its rename leaves the previous version readable', async () => {
    const store = new RunStore(dir);
    const r = run();
    await store.create(r);
    // What a crash mid-write leaves: a half-written temp file next to the run.
    await writeFile(join(dir, `.${r.id}.json.99999.deadbeef.tmp`), '{"schemaVersion": 1, "id": "x", "tas');
    const { runs, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(runs.map((x) => x.id)).toEqual([r.id]);
    expect(await store.load(r.id)).toEqual(r);
  });

  it('keeps saves of one run in order, even when not awaited, and ends with the newest', async () => {
    const store = new RunStore(dir);
    const r = run();
    await store.create(r);
    const writes: Promise<void>[] = [];
    for (let i = 1; i <= 50; i++) {
      r.tasks.push(result(i));
      writes.push(store.save(r));
    }
    await Promise.all(writes);
    expect((await store.load(r.id)).tasks).toHaveLength(50);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a corrupt or foreign file by name and still loads every other run', async () => {
    const store = new RunStore(dir);
    const good = [run(), run(), run()];
    for (const r of good) await store.create(r);
    await writeFile(join(dir, 'x.json'), JSON.stringify({ hello: 'world' }));
    await writeFile(join(dir, 'broken.json'), '{"schemaVersion": 1,\n "id" 5}');
    await writeFile(join(dir, 'future.json'), JSON.stringify({ ...run('future'), schemaVersion: 99 }));
    await writeFile(join(dir, 'mismatch.json'), JSON.stringify(run('some-other-id')));
    await writeFile(join(dir, 'list.json'), '[1, 2]');
    await writeFile(join(dir, 'notes.txt'), 'not a run, not json: ignored');
    await mkdir(join(dir, 'sub.json'));
    const { runs, problems } = await store.list();
    expect(runs.map((r) => r.id)).toEqual(good.map((r) => r.id));
    const text = problems.join('\n');
    expect(problems).toHaveLength(6);
    expect(text).toMatch(/x\.json: not a clplay run \(no schemaVersion\)/);
    expect(text).toMatch(/broken\.json: not valid JSON \(.* at line 2 column \d+\)/);
    expect(text).toMatch(/future\.json: saved by a newer clplay \(schemaVersion 99/);
    expect(text).toMatch(/mismatch\.json: run id "some-other-id" does not match the file name/);
    expect(text).toMatch(/list\.json: not a clplay run \(not a JSON object\)/);
    expect(text).toMatch(/sub\.json: cannot read \(a folder, not a file\)/);
    for (const p of problems) expect(p.split('\n')).toHaveLength(1);
    await expect(store.load('x')).rejects.toThrow(/x\.json: not a clplay run \(no schemaVersion\)/);
    await expect(store.load('missing')).rejects.toThrow(/no saved run "missing"/);
    await expect(store.load('../etc/passwd')).rejects.toThrow(/is not a run id/);
  });

  it('lists an absent folder as empty', async () => {
    expect(await new RunStore(join(dir, 'nothing')).list()).toEqual({ runs: [], problems: [] });
  });

  it('saves 2,000 task results; late saves cost about what early ones did (one file rewritten each)', async () => {
    const store = new RunStore(dir);
    const times: number[] = [];
    const runs = Array.from({ length: 500 }, () => run());
    for (const r of runs) {
      await store.create(r);
    }
    for (let i = 0; i < 2000; i++) {
      const r = runs[Math.floor(i / 4)]!;
      r.tasks.push(result(i));
      const t0 = process.hrtime.bigint();
      await store.save(r);
      times.push(Number(process.hrtime.bigint() - t0));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const early = median(times.slice(100, 300));
    const late = median(times.slice(1800, 2000));
    // Generous bound for a shared 2-core machine; the bench measures it properly.
    expect(late).toBeLessThan(early * 3);
    const { runs: listed, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(listed).toHaveLength(500);
    expect(listed.reduce((n, r) => n + r.tasks.length, 0)).toBe(2000);
  });

  it('lets two processes write different runs into one folder at once', async () => {
    // The children run the real store (bundled on the fly): each creates 100 runs and saves
    // each of them three times while this process does the same.
    const entry = join(dir, 'child.ts');
    const storePath = fileURLToPath(new URL('../../../src/core/runs/store.ts', import.meta.url));
    await writeFile(
      entry,
      `import { RunStore, newRunId } from ${JSON.stringify(storePath)};
      const [dir, tag] = process.argv.slice(2);
      const store = new RunStore(dir);
      for (let i = 0; i < 100; i++) {
        const run = { schemaVersion: 1, id: newRunId(), scenarioId: 's', scenarioHash: 'h', player: { kind: 'human', name: tag }, history: 'own', startedAt: 'now', status: 'in-progress', tasks: [] };
        await store.create(run);
        for (let k = 0; k < 3; k++) { run.tasks.push({ taskId: 't' + k, verdicts: [], status: 'pending' }); await store.save(run); }
      }`,
    );
    const bundle = join(dir, 'child.mjs');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const savesPath = join(dir, 'saves');
    const child = (tag: string) =>
      new Promise<number>((resolve) => spawn(process.execPath, [bundle, savesPath, tag], { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1)));
    const store = new RunStore(savesPath);
    const mine = async () => {
      for (let i = 0; i < 100; i++) {
        const r = run();
        await store.create(r);
        for (let k = 0; k < 3; k++) {
          r.tasks.push(result(k));
          await store.save(r);
        }
      }
    };
    const [a, b] = await Promise.all([child('alpha'), child('beta'), mine()]);
    expect([a, b]).toEqual([0, 0]);
    const { runs, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(runs).toHaveLength(300);
    expect(runs.every((r) => r.tasks.length === 3)).toBe(true);
    expect((await readdir(savesPath)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('savesDir', () => {
  it('prefers --saves, then CLPLAY_SAVES, then the package saves/, and creates the folder', () => {
    const flag = savesDir({ flag: 'a/b', env: { CLPLAY_SAVES: join(dir, 'env') }, cwd: dir });
    expect(flag).toBe(join(dir, 'a', 'b'));
    const env = savesDir({ env: { CLPLAY_SAVES: join(dir, 'env') }, cwd: dir });
    expect(env).toBe(join(dir, 'env'));
    expect(savesDir({ env: {}, cwd: dir })).toBe(DEFAULT_SAVES);
  });

  it('says what to do when the folder cannot be used', async () => {
    await writeFile(join(dir, 'file'), 'x');
    expect(() => savesDir({ flag: join(dir, 'file'), env: {} })).toThrow(/cannot use .*file \(from --saves\) for saved runs: it is a file, not a folder; choose another folder/);
  });
});

describe('RunStore write failures', () => {
  it('recreates a saves folder removed while running', async () => {
    const store = new RunStore(join(dir, 'gone'));
    const r = run();
    await store.create(r);
    await rm(join(dir, 'gone'), { recursive: true });
    r.tasks.push(result(1));
    await store.save(r);
    expect((await store.load(r.id)).tasks).toHaveLength(1);
  });

  it('turns a failed write into one line naming the run file', async () => {
    const store = new RunStore(dir);
    const r = run();
    await store.create(r);
    // Something that is not a file now sits where the run file was: the rename fails.
    await rm(join(dir, `${r.id}.json`));
    await mkdir(join(dir, `${r.id}.json`, 'x'), { recursive: true });
    await expect(store.save(r)).rejects.toThrow(UserError);
    await expect(store.save(r)).rejects.toThrow(new RegExp(`^cannot save run ${r.id} to .*${r.id}\\.json: E[A-Z]+$`));
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  // Root ignores file modes, so this one only runs as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('keeps the previous save when the folder is read-only', async () => {
    const { chmod } = await import('node:fs/promises');
    const store = new RunStore(dir);
    const r = run();
    await store.create(r);
    await chmod(dir, 0o500);
    try {
      r.tasks.push(result(1));
      await expect(store.save(r)).rejects.toThrow(/cannot save run .* permission denied/);
    } finally {
      await chmod(dir, 0o700);
    }
    expect((await store.load(r.id)).tasks).toHaveLength(0);
  });
});
