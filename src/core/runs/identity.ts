// A run's content identity: canonical JSON and the id a conflicting copy is kept under. Its own
// module because the play path (recovery files) needs it, and merge.ts pulls in the archive
// readers (node-tar, yauzl) that start-up should not load.
import { createHash } from 'node:crypto';
import type { RunRecord } from './types.js';

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

/**
 * The id a conflicting incoming run is kept under: `<id>-conflict-<hash of its content>`, the
 * id shortened when needed so the result is still a valid run id (at most 128 characters).
 */
export function conflictId(run: RunRecord): string {
  const suffix = `-conflict-${contentHash(run)}`;
  return `${run.id.slice(0, 128 - suffix.length)}${suffix}`;
}

