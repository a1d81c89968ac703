// `clplay saves merge`: brings run files collected on other machines into one saves folder.
// Runs are keyed by id. Merging is idempotent: the same run again changes nothing. A conflict
// (same id, different content) is reported and BOTH are kept: the incoming run is stored under
// a new id derived from its content, so merging it again is a no-op too. Nothing is overwritten.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { RUN_ID, runProblem } from '../runs/store.js';
import type { RunRecord } from '../runs/types.js';
import { isArchive, readArchive } from './archive.js';

export interface MergeTarget {
  load(id: string): Promise<RunRecord | undefined>;
  /** Writes a new run file; never called for an id that exists. */
  create(run: RunRecord): Promise<void>;
}

export interface MergeReport {
  added: string[];
  unchanged: string[];
  conflicts: { id: string; keptAs: string; from: string }[];
  /** Files that are not clplay runs, with the reason. */
  skipped: string[];
}

interface Candidate {
  from: string;
  data: Buffer;
}

/** Canonical JSON (sorted keys) so formatting or key order never makes a false conflict. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const contentHash = (run: RunRecord) => createHash('sha256').update(canonical(run)).digest('hex').slice(0, 10);

/** A run this clplay can read, or why not (the same rules as loading saves). */
export function asRun(value: unknown): RunRecord | string {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  const problem = runProblem(value, typeof id === 'string' ? id : '');
  if (problem) return problem;
  if (!RUN_ID.test(id as string)) return `run id "${String(id)}" cannot be a file name`;
  return value as RunRecord;
}

async function collect(path: string, out: Candidate[], skipped: string[]): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    skipped.push(`${path}: no such file or folder`);
    return;
  }
  if (info.isDirectory()) {
    for (const e of await readdir(path, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const full = join(e.parentPath, e.name);
      if (isArchive(full)) await collect(full, out, skipped);
      else if (e.name.endsWith('.json')) out.push({ from: full, data: await readFile(full) });
    }
    return;
  }
  if (isArchive(path)) {
    try {
      for (const entry of readArchive(path, await readFile(path)))
        if (entry.name.endsWith('.json')) out.push({ from: `${path}:${entry.name}`, data: entry.data });
    } catch (err) {
      skipped.push(`${path}: ${(err as Error).message}`);
    }
    return;
  }
  out.push({ from: path, data: await readFile(path) });
}

export async function mergeSaves(paths: readonly string[], target: MergeTarget, cwd = process.cwd()): Promise<MergeReport> {
  const report: MergeReport = { added: [], unchanged: [], conflicts: [], skipped: [] };
  const candidates: Candidate[] = [];
  for (const p of paths) await collect(p, candidates, report.skipped);
  for (const c of candidates) {
    const from = c.from.startsWith('/') ? relative(cwd, c.from) || c.from : c.from;
    let parsed: unknown;
    try {
      parsed = JSON.parse(c.data.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (err) {
      report.skipped.push(`${from}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const run = asRun(parsed);
    if (typeof run === 'string') {
      report.skipped.push(`${from}: ${run}`);
      continue;
    }
    const existing = await target.load(run.id);
    if (!existing) {
      await target.create(run);
      report.added.push(run.id);
      continue;
    }
    if (canonical(existing) === canonical(run)) {
      report.unchanged.push(run.id);
      continue;
    }
    const keptAs = `${run.id}-conflict-${contentHash(run)}`;
    const already = await target.load(keptAs);
    if (already && canonical(already) === canonical({ ...run, id: keptAs })) {
      report.unchanged.push(keptAs);
      continue;
    }
    await target.create({ ...run, id: keptAs });
    report.conflicts.push({ id: run.id, keptAs, from });
  }
  return report;
}
