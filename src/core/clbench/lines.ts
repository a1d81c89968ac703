// Lines of a (large) text file as a stream. Not node:readline: on an 80 MB JSONL file splitting
// Buffers at byte 0x0A and decoding each whole line once is about 3x faster than readline's
// streaming decoder + regex split. A line never splits a UTF-8 sequence (0x0A cannot occur
// inside one), a trailing "\r" (CRLF files) is dropped, and so is a UTF-8 BOM at the start.
// A raw "\r" elsewhere cannot occur in a JSON text, so "\n" is the only separator JSONL needs.
import { createReadStream } from 'node:fs';

export async function* readLines(path: string): AsyncGenerator<string> {
  let parts: Buffer[] = [];
  let first = true;
  const decode = (buf: Buffer): string => {
    let end = buf.length;
    if (end > 0 && buf[end - 1] === 0x0d) end--;
    let start = 0;
    if (first) {
      first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    }
    return buf.toString('utf8', start, Math.max(start, end));
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    let nl: number;
    while ((nl = chunk.indexOf(0x0a, start)) !== -1) {
      const piece = chunk.subarray(start, nl);
      const line = parts.length ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      yield decode(line);
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length) yield decode(Buffer.concat(parts));
}
