// One writer per batch (and per run): a lock in the saves folder, so a second `clplay run` of the
// same batch, started by mistake in another terminal or by a script run twice, neither makes
// duplicate repeats nor pays for the same requests twice. The lock is proper-lockfile's (an
// atomic mkdir, kept fresh while held, taken over once stale - a crashed holder does not block
// for ever). Beside it an owner file says which process holds it, so the one waiting can say so.
import { hostname } from 'node:os';
import { readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  what: string;
}

export interface HeldLock {
  release(): Promise<void>;
}

/** A lock name safe as a file name (batch and run ids already are). */
function lockName(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 160);
}

export interface LockOptions {
  /** Called once when the lock is held by another process, before waiting for it. */
  onWait?: (owner: LockOwner | undefined) => void;
  /** Stop waiting (the lock is not taken; `acquireLock` resolves undefined). */
  signal?: AbortSignal;
  /** How often to try again while another process holds the lock, ms (default 250). */
  pollMs?: number;
  /** The lock went stale while held (the process was frozen): the caller should stop writing. */
  onCompromised?: (err: Error) => void;
  /** ms without an update after which a lock is stale (default 10 s; it is refreshed every stale/2). */
  staleMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** Is a process with this pid running (on this machine)? EPERM: it runs, as another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const o = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' ? { pid: o.pid, host: String(o.host ?? ''), since: String(o.since ?? ''), what: String(o.what ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock `key` in `dir`, waiting while another process holds it (telling `onWait` who).
 * Resolves undefined only when `signal` aborts the wait.
 */
export async function acquireLock(dir: string, key: string, what: string, opts: LockOptions = {}): Promise<HeldLock | undefined> {
  const base = join(dir, `.${lockName(key)}`);
  const lockPath = `${base}.lock`;
  const ownerPath = `${base}.owner`;
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(base, {
        realpath: false,
        lockfilePath: lockPath,
        stale: opts.staleMs ?? 10_000,
        onCompromised: (err) => opts.onCompromised?.(err),
      });
      const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), what };
      await writeFile(ownerPath, JSON.stringify(owner) + '\n').catch(() => undefined);
      return {
        async release() {
          await unlink(ownerPath).catch(() => undefined);
          await release().catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    }
    // A holder on this machine that no longer runs (killed, crashed) left its lock behind: take it
    // over now rather than after the stale period, so a player who restarts is not kept waiting.
    const owner = await readOwner(ownerPath);
    if (owner && owner.host === hostname() && owner.pid !== process.pid && !isRunning(owner.pid)) {
      await unlink(ownerPath).catch(() => undefined);
      await rm(lockPath, { recursive: true, force: true }).catch(() => undefined);
      continue;
    }
    if (!told) {
      told = true;
      opts.onWait?.(owner);
    }
    if (opts.signal?.aborted) return undefined;
    await sleep(opts.pollMs ?? 250, opts.signal);
    if (opts.signal?.aborted) return undefined;
  }
}

/** "process 1234 on laptop (clplay run, since 10:02:11)" */
export function describeOwner(owner: LockOwner | undefined): string {
  if (!owner) return 'another process';
  const host = owner.host && owner.host !== hostname() ? ` on ${owner.host}` : '';
  const since = owner.since ? `, since ${owner.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : '';
  return `process ${owner.pid}${host} (${owner.what}${since})`;
}
