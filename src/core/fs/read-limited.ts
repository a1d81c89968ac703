// Reading a file or stream someone else gave us, with a cap counted on the bytes actually read
// (never on stat: /dev/zero and /proc files report size 0 and grow without end).
// For input the user names themselves, where a pipe is legitimate (`check --answer-file -` or
// `<(cmd)`, a run file passed to `saves merge`). Files a scenario pack points at go through
// read-capped.ts beside this one, which also refuses FIFOs and devices: a pack must not make
// clplay wait on a pipe or read a device the user never named.
import { createReadStream } from 'node:fs';
import { formatBytes } from '../limits.js';

export class TooLargeError extends Error {
  constructor(
    readonly max: number,
    what: string,
  ) {
    super(`larger than ${formatBytes(max)} (${what})`);
    this.name = 'TooLargeError';
  }
}

/** Every byte of `source`, or TooLargeError as soon as more than `max` bytes arrive. `what` names the limit. */
export async function readLimited(source: string | NodeJS.ReadableStream, max: number, what: string): Promise<Buffer> {
  const stream = typeof source === 'string' ? createReadStream(source, { highWaterMark: 64 * 1024 }) : source;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buf.length;
      if (total > max) throw new TooLargeError(max, what);
      chunks.push(buf);
    }
  } finally {
    if (typeof source === 'string') (stream as ReturnType<typeof createReadStream>).destroy();
  }
  return Buffer.concat(chunks);
}
