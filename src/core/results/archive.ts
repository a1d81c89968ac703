// Reads the files inside .tar, .tar.gz/.tgz and .zip archives, so saves collected on other
// machines can be merged without unpacking them first. No dependency: both formats are simple.
import { gunzipSync, inflateRawSync } from 'node:zlib';

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

export function isArchive(path: string): boolean {
  return /\.(tar|tgz|tar\.gz|zip)$/i.test(path);
}

export function readArchive(path: string, bytes: Buffer): ArchiveEntry[] {
  if (/\.zip$/i.test(path)) return readZip(bytes);
  const raw = /\.(tgz|gz)$/i.test(path) ? gunzipSync(bytes) : bytes;
  return readTar(raw);
}

function cstr(buf: Buffer, start: number, len: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

export function readTar(buf: Buffer): ArchiveEntry[] {
  const out: ArchiveEntry[] = [];
  let off = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(cstr(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    const prefix = cstr(header, 345, 155);
    let name = cstr(header, 0, 100);
    if (prefix) name = `${prefix}/${name}`;
    const dataStart = off + 512;
    if (Number.isNaN(size) || dataStart + size > buf.length) throw new Error('the tar archive is truncated or corrupt');
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      paxPath = m?.[1];
      continue;
    }
    if (type === 'g') continue;
    if (type === '0' || type === '\0' || type === '7') out.push({ name: paxPath ?? longName ?? name, data: Buffer.from(data) });
    longName = undefined;
    paxPath = undefined;
  }
  return out;
}

export function readZip(buf: Buffer): ArchiveEntry[] {
  // Find the end-of-central-directory record (it may be followed by a comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ArchiveEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('the zip central directory is corrupt');
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    const lNameLen = buf.readUInt16LE(local + 26);
    const lExtraLen = buf.readUInt16LE(local + 28);
    const start = local + 30 + lNameLen + lExtraLen;
    const comp = buf.subarray(start, start + compSize);
    if (method === 0) out.push({ name, data: Buffer.from(comp) });
    else if (method === 8) out.push({ name, data: inflateRawSync(comp) });
    else throw new Error(`zip entry ${name} uses compression method ${method}; only stored and deflate are supported`);
  }
  return out;
}
