import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readLines } from '../../../src/core/clbench/lines.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clplay-lines-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lines(content: string | Buffer): Promise<string[]> {
  const file = join(dir, 'f.jsonl');
  await writeFile(file, content);
  const out: string[] = [];
  for await (const l of readLines(file)) out.push(l);
  return out;
}

it('splits LF and CRLF alike, drops a BOM, keeps the last line without a newline', async () => {
  expect(await lines('a\nb\n')).toEqual(['a', 'b']);
  expect(await lines('\uFEFFa\r\nb\r\n\r\nc')).toEqual(['a', 'b', '', 'c']);
  expect(await lines('')).toEqual([]);
});

it('keeps multi-byte characters whole across 1 MB read chunks', async () => {
  // 3-byte characters: chunk borders (every 1 MiB) fall inside characters.
  const long = '€'.repeat(700_000);
  const got = await lines(`${long}\nshort é\n${long}x`);
  expect(got).toHaveLength(3);
  expect(got[0] === long).toBe(true);
  expect(got[1]).toBe('short é');
  expect(got[2] === long + 'x').toBe(true);
});
