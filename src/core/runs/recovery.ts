// Nothing typed is lost: when a run cannot be saved in the saves folder (it turned read-only,
// the disk is full, the folder was removed), the run - drafts and submitted answers - is written
// to a recovery folder in a place that is still writable: clplay's config folder, else the
// system's temp folder. A recovery file is an ordinary run file (mode 0600, in a 0700 folder), so
// `clplay saves recover` brings it back with the same rules as `saves merge`.
import { mkdirSync } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { canonical, conflictId } from './identity.js';
import { configDir } from '../settings/settings.js';
import { writeFileAtomic } from './atomic.js';
import { parseRun } from './store.js';
import type { RunRecord } from './types.js';

/** The places a recovery file may go, best first. */
export function recoveryDirs(env: NodeJS.ProcessEnv): string[] {
  let user = 'user';
  try {
    user = userInfo().username.replace(/[^A-Za-z0-9._-]/g, '_') || 'user';
  } catch {
    // no user name (a container without passwd): keep the generic one
  }
  return [join(configDir(env), 'recovery'), join(tmpdir(), `clplay-recovery-${user}`)];
}

export interface Recovery {
  /** Writes `run` to a recovery file; resolves to its path. Throws only when no place is writable. */
  keep(run: RunRecord): Promise<string>;
  /** The run was saved in the saves folder after all: its recovery file is stale, remove it. */
  discard(runId: string): Promise<void>;
}

export function recovery(env: NodeJS.ProcessEnv, dirs: string[] = recoveryDirs(env)): Recovery {
  const written = new Map<string, string>();
  return {
    async keep(run) {
      let last: unknown;
      for (const dir of dirs) {
        try {
          mkdirSync(dir, { recursive: true, mode: 0o700 });
          const path = join(dir, `${run.id}.json`);
          await writeFileAtomic(path, JSON.stringify(run, null, 2) + '\n', { fsync: true, mode: 0o600 });
          const before = written.get(run.id);
          if (before && before !== path) await unlink(before).catch(() => undefined);
          written.set(run.id, path);
          return path;
        } catch (err) {
          last = err;
        }
      }
      throw last;
    },
    async discard(runId) {
      const path = written.get(runId);
      if (!path) return;
      written.delete(runId);
      await unlink(path).catch(() => undefined);
    },
  };
}

/** Every recovery file waiting to be brought back, by folder. */
export async function recoveryFiles(env: NodeJS.ProcessEnv, dirs: string[] = recoveryDirs(env)): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    try {
      for (const name of (await readdir(dir)).sort()) if (name.endsWith('.json') && !name.startsWith('.')) out.push(join(dir, name));
    } catch {
      // no such folder: nothing waiting there
    }
  }
  return out;
}

export interface RecoverTarget {
  load(id: string): Promise<RunRecord | undefined>;
  create(run: RunRecord): Promise<void>;
  /** Overwrites the saved run (the recovered file is a later state of the same run). */
  save(run: RunRecord): Promise<void>;
}

export interface RecoverReport {
  restored: string[];
  unchanged: string[];
  refused: string[];
}

/**
 * Brings recovery files back into the saves: a run not saved there is created; a saved run that
 * is the same run (same start and scenario) is replaced by the recovered, later state; a damaged
 * saved copy is replaced too. A file is removed only once its run is safely in the saves; a file
 * that is not a readable run is left where it is, with a line saying why.
 */
export async function recoverRuns(files: readonly string[], target: RecoverTarget): Promise<RecoverReport> {
  const report: RecoverReport = { restored: [], unchanged: [], refused: [] };
  for (const file of files) {
    try {
      const parsed = parseRun(await readFile(file, 'utf8'), undefined);
      if (!parsed.run) {
        report.refused.push(`${file}: ${parsed.problem}`);
        continue;
      }
      const run = parsed.run;
      let saved: RunRecord | undefined;
      let damaged = false;
      try {
        saved = await target.load(run.id);
      } catch {
        damaged = true;
      }
      if (saved && canonical(saved) === canonical(run)) report.unchanged.push(run.id);
      else if (!saved && !damaged) {
        await target.create(run);
        report.restored.push(run.id);
      } else if (damaged || (saved!.startedAt === run.startedAt && saved!.scenarioId === run.scenarioId)) {
        await target.save(run);
        report.restored.push(run.id);
      } else {
        // Another run under the same id: keep both, as `saves merge` does.
        const copy = { ...run, id: conflictId(run) };
        await target.create(copy);
        report.restored.push(copy.id);
      }
      await unlink(file).catch(() => undefined);
    } catch (err) {
      report.refused.push(`${file}: ${errorMessage(err)}`);
    }
  }
  return report;
}
