// Reading a file a user handed us (a scenario, its context file) without trusting it: the file
// must be a regular file (a FIFO would block for ever, /dev/zero never ends, /proc files claim
// size 0), and at most `cap` bytes are read whatever stat says. The file is opened with
// O_NONBLOCK so opening a FIFO returns at once, and its type is checked on the opened descriptor
// (fstat), so a file swapped for a FIFO between a check and the open is still refused.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type CappedRead =
  | { bytes: Buffer }
  | { error: 'not-regular'; kind: string }
  | { error: 'too-large'; size?: number }
  | { error: 'fs'; cause: NodeJS.ErrnoException };

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Reads a regular file, at most `cap` bytes; never blocks on a FIFO, never reads a device. */
export async function readRegularFileCapped(path: string, cap: number, opts: { noFollow?: boolean } = {}): Promise<CappedRead> {
  let fh;
  try {
    const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (opts.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
    fh = await open(path, flags);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EISDIR') return { error: 'not-regular', kind: 'a directory' };
    if (e.code === 'ELOOP' && opts.noFollow) return { error: 'not-regular', kind: 'a symbolic link' };
    return { error: 'fs', cause: e };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { error: 'not-regular', kind: kindOf(st) };
    // A size above the cap is refused unread; a smaller size is not believed (see above).
    if (st.size > cap) return { error: 'too-large', size: st.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(64 * 1024, cap + 1 - total);
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await fh.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > cap) return { error: 'too-large' };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return { error: 'fs', cause: err as NodeJS.ErrnoException };
  } finally {
    await fh.close().catch(() => undefined);
  }
}
