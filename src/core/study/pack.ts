// Packing a study for participants (the study file and exactly the scenarios it uses, with their
// hashes) and a participant's runs for sending back (only this study's). Zip files through the
// maintained yazl/yauzl packages; opening a pack is bounded (entries, sizes) since it is input
// from elsewhere.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { UserError } from '../errors.js';
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { Study } from './schema.js';

export const PACK_MANIFEST = 'clplay-study.json';
const MAX_ENTRIES = 2_000;
const MAX_ENTRY_BYTES = 20 * 1024 * 1024;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;

export interface PackManifest {
  study: { id: string; file: string; hash: string };
  scenarios: { id: string; file: string; hash: string }[];
}

function writeZip(out: string, files: { name: string; data: Buffer }[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const zip = new yazl.ZipFile();
    for (const f of files) zip.addBuffer(f.data, f.name, { mtime: new Date(0) });
    zip.end();
    const stream = createWriteStream(out);
    stream.on('error', (err) => reject(new UserError(`${out}: cannot write (${(err as NodeJS.ErrnoException).code ?? err.message})`)));
    stream.on('close', () => resolvePromise());
    zip.outputStream.pipe(stream);
  });
}

/** A zip with the study file, each scenario file and its context file, and a manifest of hashes. */
export async function packStudy(study: Study, scenarios: readonly Scenario[], out: string): Promise<PackManifest> {
  const files: { name: string; data: Buffer }[] = [{ name: basename(study.path), data: await readFile(study.path) }];
  const manifest: PackManifest = { study: { id: study.id, file: basename(study.path), hash: study.hash }, scenarios: [] };
  for (const s of scenarios) {
    const name = `scenarios/${basename(s.path)}`;
    const text = await readFile(s.path);
    files.push({ name, data: text });
    const ctx = /^contextFile:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(text.toString('utf8')) ?? /"contextFile"\s*:\s*"([^"]+)"/.exec(text.toString('utf8'));
    if (ctx) files.push({ name: `scenarios/${ctx[1]!.trim()}`, data: await readFile(resolve(dirname(s.path), ctx[1]!.trim())) });
    manifest.scenarios.push({ id: s.id, file: name, hash: s.hash });
  }
  files.push({ name: PACK_MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 2)) });
  await writeZip(out, files);
  return manifest;
}

/** A zip of the participant's runs of this study, for the coordinator's `clplay saves merge`. */
export async function submitRuns(runs: readonly RunRecord[], out: string): Promise<void> {
  await writeZip(out, runs.map((r) => ({ name: `${r.id}.json`, data: Buffer.from(JSON.stringify(r, null, 2)) })));
}

/** Unpacks a study pack into `dir` (bounded, no path outside it); returns the manifest. */
export async function unpackStudy(zipPath: string, dir: string): Promise<PackManifest> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, z) => (err ? rej(new UserError(`${zipPath}: not a readable zip (${err.message})`)) : res(z))),
  );
  let entries = 0;
  let total = 0;
  const root = resolve(dir);
  await new Promise<void>((res, rej) => {
    const fail = (msg: string) => {
      zip.close();
      rej(new UserError(`${zipPath}: ${msg}`));
    };
    zip.on('error', (err: Error) => fail(err.message));
    zip.on('end', () => res());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (++entries > MAX_ENTRIES) return fail(`more than ${MAX_ENTRIES} entries; a study pack holds a study and its scenarios`);
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      const target = resolve(root, entry.fileName);
      if (target !== root && !target.startsWith(root + sep)) return fail(`entry "${entry.fileName}" points outside the pack`);
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) return fail(`entry "${entry.fileName}" is over ${MAX_ENTRY_BYTES / 1024 / 1024} MB`);
      total += entry.uncompressedSize;
      if (total > MAX_TOTAL_BYTES) return fail(`unpacks to over ${MAX_TOTAL_BYTES / 1024 / 1024} MB`);
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(`cannot read "${entry.fileName}"`);
        const parts: Buffer[] = [];
        stream.on('data', (d: Buffer) => parts.push(d));
        stream.on('error', (e) => fail(e.message));
        stream.on('end', () => {
          mkdir(dirname(target), { recursive: true })
            .then(() => writeFile(target, Buffer.concat(parts), { mode: 0o600 }))
            .then(() => zip.readEntry(), (e: Error) => fail(e.message));
        });
      });
    });
    zip.readEntry();
  });
  let manifest: PackManifest;
  try {
    manifest = JSON.parse(await readFile(join(root, PACK_MANIFEST), 'utf8')) as PackManifest;
  } catch {
    throw new UserError(`${zipPath}: not a clplay study pack (no ${PACK_MANIFEST}); make one with \`clplay study pack\``);
  }
  if (!manifest?.study?.file || relative(root, resolve(root, manifest.study.file)).startsWith('..')) throw new UserError(`${zipPath}: ${PACK_MANIFEST} does not name the study file`);
  return manifest;
}
