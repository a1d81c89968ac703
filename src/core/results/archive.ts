// Reads the files inside .tar, .tar.gz/.tgz and .zip archives, so saves collected on other
// machines can be merged without unpacking them first. The formats are read by maintained
// readers (node-tar, yauzl - zip64 included), streaming one entry at a time: only the entries
// wanted (run files) are unpacked, one at a time, and an archive is refused with one line as soon
// as it breaks a limit (entry count, size of one entry, total size, or unpacked size against the
// archive's own size - a zip bomb is refused from its headers, before anything is inflated).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Parser, type ReadEntry } from 'tar';
import yauzl from 'yauzl';
import { DEFAULT_LIMITS, formatBytes, type ArchiveLimits } from '../limits.js';

export type { ArchiveLimits } from '../limits.js';
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = DEFAULT_LIMITS.archive;

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

/** Below this many unpacked bytes the ratio is not checked: tiny archives of padding compress very well. */
const RATIO_GRACE_BYTES = 8 * 1024 * 1024;

export function isArchive(path: string): boolean {
  return /\.(tar|tgz|tar\.gz|zip)$/i.test(path);
}

/** Counts what an archive declares, and refuses it as soon as a limit is passed. */
class Budget {
  private entries = 0;
  private unpacked = 0;

  constructor(
    private readonly limits: ArchiveLimits,
    private readonly packedBytes: number,
  ) {}

  entry(): void {
    if (++this.entries > this.limits.entries) throw new Error(`refused: more than ${this.limits.entries} entries (the limit; see limits.archiveEntries)`);
  }

  /** An entry of `size` unpacked bytes (declared in its header); `read`: it will be unpacked into memory. */
  size(name: string, size: number, read: boolean): void {
    if (read && size > this.limits.entryBytes) throw new Error(`refused: ${name} unpacks to ${formatBytes(size)}, more than the ${formatBytes(this.limits.entryBytes)} allowed for one file (limits.archiveEntryMB)`);
    this.unpacked += size;
    if (this.unpacked > this.limits.totalBytes) throw new Error(`refused: it unpacks to more than ${formatBytes(this.limits.totalBytes)} (limits.archiveTotalMB)`);
    const ratio = this.unpacked / Math.max(1, this.packedBytes);
    if (this.unpacked > RATIO_GRACE_BYTES && ratio > this.limits.ratio) {
      throw new Error(`refused: it unpacks to ${Math.round(ratio)} times its own size (a zip bomb?); the limit is ${this.limits.ratio} (limits.archiveRatio)`);
    }
  }
}

/**
 * The entries of an archive whose name `want` accepts, unpacked one at a time (the next one is
 * read only when the consumer asks for it). Throws one line when the archive is corrupt or
 * breaks a limit; the entries already yielded stand.
 */
export async function* archiveEntries(path: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS, want: (name: string) => boolean = () => true): AsyncGenerator<ArchiveEntry> {
  const packed = (await stat(path)).size;
  const budget = new Budget(limits, packed);
  if (/\.zip$/i.test(path)) yield* zipEntries(path, budget, limits, want);
  else yield* tarEntries(path, budget, limits, want);
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function nextZipEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: yauzl.Entry) => (done(), resolve(e));
    const onEnd = () => (done(), resolve(undefined));
    const onError = (err: Error) => (done(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function readZipEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (c: Buffer) => {
        total += c.length;
        // yauzl checks the declared size; this holds even if that check were off.
        if (total > max) stream.destroy(new Error(`refused: ${entry.fileName} unpacks to more than ${formatBytes(max)} (limits.archiveEntryMB)`));
        else chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

async function* zipEntries(path: string, budget: Budget, limits: ArchiveLimits, want: (name: string) => boolean): AsyncGenerator<ArchiveEntry> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    throw new Error(`not a readable zip archive (${(err as Error).message})`, { cause: err });
  }
  try {
    for (;;) {
      const entry = await nextZipEntry(zip);
      if (!entry) return;
      budget.entry();
      const isFile = !entry.fileName.endsWith('/');
      const read = isFile && want(entry.fileName);
      budget.size(entry.fileName, entry.uncompressedSize, read);
      if (!read) continue;
      yield { name: entry.fileName, data: await readZipEntry(zip, entry, limits.entryBytes) };
    }
  } finally {
    zip.close();
  }
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

async function* tarEntries(path: string, budget: Budget, limits: ArchiveLimits, want: (name: string) => boolean): AsyncGenerator<ArchiveEntry> {
  const ready: ArchiveEntry[] = [];
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
  };
  // strict: a damaged header is an error, not a warning skipped over. gzip is detected by the
  // parser; its own ratio guard is the backstop behind Budget's (which reads the headers).
  const parser = new Parser({ strict: true, maxDecompressionRatio: Math.max(limits.ratio, 1000) });
  parser.on('error', (err: Error) => fail(err));
  parser.on('entry', (entry: ReadEntry) => {
    try {
      if (failure) throw failure;
      budget.entry();
      const read = FILE_TYPES.has(entry.type) && want(entry.path);
      budget.size(entry.path, entry.size, read);
      if (!read) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => ready.push({ name: entry.path, data: Buffer.concat(chunks) }));
    } catch (err) {
      fail(err as Error);
      entry.resume();
    }
  });
  const source = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of source) {
      parser.write(chunk as Buffer);
      if (failure) break;
      while (ready.length) yield ready.shift()!;
    }
    if (!failure) {
      await new Promise<void>((resolve) => {
        parser.once('error', () => resolve());
        parser.end(() => resolve());
      });
      while (ready.length) yield ready.shift()!;
    }
  } finally {
    source.destroy();
  }
  if (failure) {
    const msg = failure.message.replace(/^TAR_[A-Z_]+:\s*/, '');
    throw new Error(msg.startsWith('refused') ? msg : `not a readable tar archive (${msg})`);
  }
}
