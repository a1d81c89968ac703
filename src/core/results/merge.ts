// `clplay saves merge`: brings run files collected on other machines into one saves folder.
// Runs are keyed by id. Merging is idempotent: the same run again changes nothing. A conflict
// (same id, different content) is reported and BOTH are kept: the incoming run is stored under
// a new id derived from its content, so merging it again is a no-op too. Nothing is overwritten.
// Every entry is checked like a saved run (the zod schema of the whole record) and merged on its
// own: one bad entry is refused with a line saying why, and the merge goes on.
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { errorMessage } from '../errors.js';
import { readLimited } from '../fs/read-limited.js';
import { checkRun } from '../runs/store.js';
import type { RunRecord } from '../runs/types.js';
import { canonical, conflictId } from '../runs/identity.js';
import { archiveEntries, DEFAULT_ARCHIVE_LIMITS, isArchive, type ArchiveLimits } from './archive.js';

export interface MergeTarget {
  /** The saved run, undefined when there is none; throws (naming the file) for a damaged one. */
  load(id: string): Promise<RunRecord | undefined>;
  /** Writes a new run file; never called for an id that exists. */
  create(run: RunRecord): Promise<void>;
}


export interface MergeReport {
  added: string[];
  unchanged: string[];
  /** Same id, different content (or a damaged saved copy): the incoming run kept beside it. */
  conflicts: { id: string; keptAs: string; from: string; why?: string }[];
  /** Entries not merged, one line each naming the file (and field) and the reason. */
  refused: string[];
}

/** A run this clplay can read, or why not (the same rules as loading saves). */
export function asRun(value: unknown): RunRecord | string {
  const r = checkRun(value, undefined);
  return r.run ?? r.problem;
}

/** Every file of `path` that may be a run: `.json` files, and `.json` entries of archives. */
async function* candidates(path: string, limits: ArchiveLimits, refused: string[]): AsyncGenerator<Candidate> {
  let info;
  try {
    info = await stat(path);
  } catch {
    refused.push(`${path}: no such file or folder`);
    return;
  }
  if (info.isDirectory()) {
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true, recursive: true });
    } catch (err) {
      refused.push(`${path}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)})`);
      return;
    }
    for (const e of entries) {
      if (!e.isFile()) continue;
      const full = join(e.parentPath, e.name);
      if (isArchive(full)) yield* candidates(full, limits, refused);
      else if (e.name.endsWith('.json')) yield { from: full, read: () => readLimited(full, limits.entryBytes, 'the limit for one run file; see limits.archiveEntryMB') };
    }
    return;
  }
  if (isArchive(path)) {
    try {
      for await (const entry of archiveEntries(path, limits, (name) => name.endsWith('.json'))) {
        yield { from: `${path}:${entry.name}`, read: async () => entry.data };
      }
    } catch (err) {
      refused.push(`${path}: ${errorMessage(err)}`);
    }
    return;
  }
  yield { from: path, read: () => readLimited(path, limits.entryBytes, 'the limit for one run file; see limits.archiveEntryMB') };
}

interface Candidate {
  from: string;
  read: () => Promise<Buffer>;
}

/**
 * Merges every run found under `paths` into `target`, one entry at a time: a bad entry (not a
 * run, a damaged run, a file that cannot be read, a saved copy that is damaged, a write that
 * fails) is reported and the merge goes on with the next one. Nothing is overwritten.
 */
export async function mergeSaves(paths: readonly string[], target: MergeTarget, cwd = process.cwd(), limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<MergeReport> {
  const report: MergeReport = { added: [], unchanged: [], conflicts: [], refused: [] };
  for (const p of paths) {
    for await (const c of candidates(p, limits, report.refused)) {
      const from = c.from.startsWith('/') ? relative(cwd, c.from) || c.from : c.from;
      try {
        await mergeOne(c, from, target, report);
      } catch (err) {
        report.refused.push(`${from}: ${errorMessage(err)}`);
      }
    }
  }
  return report;
}

async function mergeOne(c: Candidate, from: string, target: MergeTarget, report: MergeReport): Promise<void> {
  let parsed: unknown;
  const data = await c.read();
  try {
    parsed = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    report.refused.push(`${from}: not valid JSON (${errorMessage(err)})`);
    return;
  }
  const run = asRun(parsed);
  if (typeof run === 'string') {
    report.refused.push(`${from}: ${run}`);
    return;
  }
  let existing: RunRecord | undefined;
  let damaged: string | undefined;
  try {
    existing = await target.load(run.id);
  } catch (err) {
    // The saved copy is damaged: it is left as it is, and the incoming run kept beside it.
    damaged = errorMessage(err);
  }
  if (!existing && !damaged) {
    await target.create(run);
    report.added.push(run.id);
    return;
  }
  if (existing && canonical(existing) === canonical(run)) {
    report.unchanged.push(run.id);
    return;
  }
  const keptAs = conflictId(run);
  let already: RunRecord | undefined;
  try {
    already = await target.load(keptAs);
  } catch (err) {
    report.refused.push(`${from}: run ${run.id} conflicts with the saved one, and its copy ${keptAs} is damaged (${errorMessage(err)})`);
    return;
  }
  if (already && canonical(already) === canonical({ ...run, id: keptAs })) {
    report.unchanged.push(keptAs);
    return;
  }
  await target.create({ ...run, id: keptAs });
  report.conflicts.push({ id: run.id, keptAs, from, ...(damaged ? { why: `the saved copy is damaged: ${damaged}` } : {}) });
}
