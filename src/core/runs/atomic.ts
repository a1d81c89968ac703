// Atomic file writes: write a temp file next to the target, then rename it over the target.
// A reader (or a crash) sees the old file or the new file, never half of one.
//
// Unlike steno (lowdb's default writer), every write uses its OWN temp name
// (`.<name>.<pid>.<random>.tmp`), so two processes writing at the same time never write into
// one temp file. Writes to one path from one process are serialized and coalesced: the newest
// text wins, and every caller's promise resolves once text at least as new is on disk.
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Temp files this module leaves behind only when a process dies mid-write; readers skip them. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function writeTemp(path: string, text: string, fsync: boolean, mode?: number): Promise<string> {
  const tmp = tempPathFor(path);
  const fh = await open(tmp, 'wx', mode);
  try {
    await fh.writeFile(text, 'utf8');
    if (fsync) await fh.sync();
  } catch (err) {
    await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await fh.close();
  return tmp;
}

export interface WriteOptions {
  /** Flush the data to the disk before the rename (slower; survives power loss, not just crashes). */
  fsync?: boolean;
  /** File mode of a new file (default 0666 less the umask). */
  mode?: number;
}

/** Replace `path` with `text` atomically. */
export async function writeFileAtomic(path: string, text: string, opts: WriteOptions = {}): Promise<void> {
  const tmp = await writeTemp(path, text, opts.fsync ?? false, opts.mode);
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/**
 * Create `path` with `text` atomically, refusing to replace an existing file (even one another
 * process creates at the same moment): the temp file is hard-linked to the target, which fails
 * with EEXIST if the target exists. Throws that EEXIST error.
 */
export async function createFileExclusive(path: string, text: string, opts: WriteOptions = {}): Promise<void> {
  const tmp = await writeTemp(path, text, opts.fsync ?? false);
  try {
    await link(tmp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw err;
    // Filesystems without hard links: claim the name exclusively, then rename over the claim.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS') {
      const claim = await open(path, 'wx');
      await claim.close();
      await rename(tmp, path);
      return;
    }
    throw err;
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

interface Pending {
  text: string;
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

/**
 * Serializes the writes of one process to one path: while a write runs, later writes wait and
 * only the newest one is written next (intermediate versions are skipped - they are stale).
 */
export class SerialWriter {
  private running = false;
  private next: Pending | undefined;

  constructor(
    readonly path: string,
    private readonly opts: WriteOptions = {},
  ) {}

  write(text: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.next) {
        this.next.text = text;
        this.next.waiters.push({ resolve, reject });
      } else {
        this.next = { text, waiters: [{ resolve, reject }] };
      }
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.next) {
      const job = this.next;
      this.next = undefined;
      try {
        await writeFileAtomic(this.path, job.text, this.opts);
        for (const w of job.waiters) w.resolve();
      } catch (err) {
        for (const w of job.waiters) w.reject(err);
      }
    }
    this.running = false;
  }
}

/**
 * A lowdb adapter (`new Low(new AtomicJsonFile(path), defaults)`) with the atomic, per-write
 * unique temp file above instead of steno's fixed temp name. `read()` gives null for a missing
 * file and throws (with the file's path) for JSON that does not parse.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  private readonly writer: SerialWriter;

  constructor(
    readonly path: string,
    opts: WriteOptions = {},
  ) {
    this.writer = new SerialWriter(path, opts);
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    // Serialize now: the caller may change the object before the disk write happens. Compact: a
    // headless batch rewrites a run file per finished task, and indentation was a third of its cost.
    return this.writer.write(JSON.stringify(data) + '\n');
  }
}
