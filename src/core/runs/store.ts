// Saved runs: one JSON file per run (`<id>.json`) in a saves folder, written atomically.
//
// - Every save rewrites ONE run file (a run is one player x one scenario x one attempt, so a
//   few KB to a few hundred KB), never an index: saving the 2,000th task result costs what the
//   1st did. There is no index file; `list()` reads the folder.
// - Writes go through lowdb (`Low`) with our own adapter (AtomicJsonFile): a unique temp file per
//   write, then rename. A crash leaves the previous version of the run intact (plus, at worst,
//   a stray `.<id>.json.<pid>.<rand>.tmp` that readers ignore).
// - Processes: one run is written by ONE process (the one playing it). Several processes may
//   share a saves folder and write DIFFERENT runs at once: they touch distinct files and distinct
//   temp files, so they never collide. `create()` claims an id atomically (hard link, EEXIST if
//   taken), so two processes can never both create one id. Two processes saving the SAME run
//   would not corrupt it (each rename is whole) but the last writer wins - do not do that.
// - Nothing is overwritten silently: `create()` refuses an existing id; a corrupt or foreign
//   file is reported by name and every other run still loads.
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { Low } from 'lowdb';
import { UserError } from '../errors.js';
import { describeMkdirFailure } from '../fs/mkdir-failure.js';
import { DEFAULT_SAVES } from '../paths.js';
import { AtomicJsonFile, createFileExclusive, isTempFileName } from './atomic.js';
import { checkRunShape } from './schema.js';
import { RUN_SCHEMA_VERSION, type RunRecord } from './types.js';

/** Run ids are file names: letters, digits, `.`, `_`, `-`. */
export const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

let lastIdMs = 0;

/**
 * A new run id: `YYYYMMDD-HHMMSS-mmm-xxxxxx` (UTC time, then 6 random hex digits). Ids sort by
 * creation time; within one process they strictly increase (a clash of milliseconds takes the
 * next one); the random tail keeps ids of different processes apart.
 */
export function newRunId(now: number = Date.now()): string {
  const ms = Math.max(now, lastIdMs + 1);
  lastIdMs = ms;
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
  const time = `${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return `${date}-${time}-${p(d.getUTCMilliseconds(), 3)}-${randomBytes(3).toString('hex')}`;
}

/**
 * The saves folder: `--saves DIR` > `CLPLAY_SAVES` > the package's `saves/`. Relative paths are
 * taken from `cwd`. The folder is created if missing; a folder that cannot be used is a UserError.
 */
export function savesDir(opts: { flag?: string; env: Record<string, string | undefined>; cwd?: string }): string {
  const fromFlag = opts.flag !== undefined && opts.flag !== '';
  const fromEnv = !fromFlag && !!opts.env.CLPLAY_SAVES;
  const chosen = fromFlag ? opts.flag! : fromEnv ? opts.env.CLPLAY_SAVES! : DEFAULT_SAVES;
  const how = fromFlag ? ' (from --saves)' : fromEnv ? ' (from CLPLAY_SAVES)' : '';
  const dir = resolve(opts.cwd ?? process.cwd(), chosen);
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    const why = describeMkdirFailure(dir, err);
    throw new UserError(`cannot use ${dir}${how} for saved runs: ${why}; choose another folder with --saves DIR or CLPLAY_SAVES`);
  }
  return dir;
}

/** A path as a person would type it: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function jsonErrorDetail(err: unknown, text: string): string {
  // V8: `Unexpected token 'x', "<snippet>" is not valid JSON` or `... in JSON at position N`.
  const msg = String((err as Error)?.message ?? err).replace(/, ".*" is not valid JSON$/s, '');
  const m = / in JSON at position (\d+).*$/s.exec(msg);
  if (!m) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${msg.slice(0, m.index)} at line ${line} column ${col}`;
}

function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full (the previous save is intact; free space and save again)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (choose another folder with --saves DIR)';
  if (code === 'EROFS') return 'the file system is read-only (choose another folder with --saves DIR)';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'the saves folder is gone: something else is in its place';
  if (code === 'ENOENT') return 'the saves folder is gone';
  return code ?? String((err as Error)?.message ?? err);
}

/**
 * `data` (parsed from `<fileId>.json`) as a run this clplay can read, or why not: not a run at
 * all, a newer schema version, a damaged record (the first bad field, from the zod schema of the
 * whole record), or an id that does not match the file name. `fileId` undefined: any valid id.
 */
export function checkRun(data: unknown, fileId: string | undefined): { run: RunRecord; problem?: undefined } | { run?: undefined; problem: string } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problem: 'not a clplay run (not a JSON object)' };
  const r = data as Record<string, unknown>;
  if (!('schemaVersion' in r)) return { problem: 'not a clplay run (no schemaVersion)' };
  if (typeof r.schemaVersion !== 'number' || !Number.isInteger(r.schemaVersion) || r.schemaVersion < 1) {
    return { problem: `not a clplay run (schemaVersion ${JSON.stringify(r.schemaVersion)} is not a version number)` };
  }
  if (r.schemaVersion > RUN_SCHEMA_VERSION) {
    return { problem: `saved by a newer clplay (schemaVersion ${r.schemaVersion}; this version reads up to ${RUN_SCHEMA_VERSION}) - upgrade clplay to open it` };
  }
  const shape = checkRunShape(data);
  if ('problem' in shape) return { problem: `damaged run: ${shape.problem}` };
  const run = shape.run;
  if (fileId === undefined) {
    if (!RUN_ID.test(run.id)) return { problem: `run id "${run.id.slice(0, 140)}" cannot be a file name (letters, digits, ".", "_", "-"; at most 128)` };
  } else if (run.id !== fileId) {
    return { problem: `run id "${run.id.slice(0, 140)}" does not match the file name (expected "${fileId}"); rename the file to ${run.id.slice(0, 140)}.json` };
  }
  return { run };
}

/** Why `data` is not a run this clplay can read, or undefined. */
export function runProblem(data: unknown, fileId: string): string | undefined {
  return checkRun(data, fileId).problem;
}

/** Parse a run file's text: the run, or a problem (without the file name). */
export function parseRun(text: string, fileId: string | undefined): { run?: RunRecord; problem?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { problem: `not valid JSON (${jsonErrorDetail(err, text)})` };
  }
  return checkRun(data, fileId);
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class RunStore {
  readonly dir: string;
  /** One adapter per run id: serializes this process's writes of that run (newest wins). */
  private readonly files = new Map<string, AtomicJsonFile<RunRecord>>();
  private dirReady = false;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** The file of run `id`; a UserError for an id that is not a safe file name. */
  pathOf(id: string): string {
    if (typeof id !== 'string' || !RUN_ID.test(id)) {
      throw new UserError(`"${id}" is not a run id (letters, digits, ".", "_", "-"; see \`clplay saves\`)`);
    }
    return join(this.dir, `${id}.json`);
  }

  private file(id: string): AtomicJsonFile<RunRecord> {
    let f = this.files.get(id);
    if (!f) {
      f = new AtomicJsonFile<RunRecord>(this.pathOf(id));
      this.files.set(id, f);
    }
    return f;
  }

  private async ensureDir(): Promise<void> {
    if (this.dirReady) return;
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (err) {
      throw new UserError(`cannot use ${displayPath(this.dir)} for saved runs: ${describeWriteError(err)}`);
    }
    this.dirReady = true;
  }

  private checkRecord(run: RunRecord): void {
    if (run.schemaVersion !== RUN_SCHEMA_VERSION) {
      throw new Error(`run ${run.id}: schemaVersion must be ${RUN_SCHEMA_VERSION}, got ${String(run.schemaVersion)}`);
    }
    this.pathOf(run.id);
  }

  /** Save a NEW run. Refuses (UserError) if a run with this id exists - nothing is overwritten. */
  async create(run: RunRecord): Promise<void> {
    this.checkRecord(run);
    await this.ensureDir();
    const path = this.pathOf(run.id);
    try {
      await createFileExclusive(path, JSON.stringify(run) + '\n');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new UserError(`${displayPath(path)}: a run with id "${run.id}" already exists; it was not overwritten (use a new id)`);
      }
      throw new UserError(`cannot save run ${run.id} to ${displayPath(path)}: ${describeWriteError(err)}`);
    }
    this.file(run.id);
  }

  /**
   * Write the current state of a run (atomically; rewrites only this run's file). The object is
   * serialized when called, so it may be changed again right away. Concurrent saves of one run
   * in this process are written in order, skipping versions that are already stale.
   */
  async save(run: RunRecord): Promise<void> {
    this.checkRecord(run);
    await this.ensureDir();
    const db = new Low<RunRecord>(this.file(run.id), run);
    try {
      await db.write();
    } catch (first) {
      let err = first;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        // The folder was removed while we ran: make it again and retry once.
        this.dirReady = false;
        await this.ensureDir();
        try {
          await db.write();
          return;
        } catch (again) {
          err = again;
        }
      }
      throw new UserError(`cannot save run ${run.id} to ${displayPath(this.pathOf(run.id))}: ${describeWriteError(err)}`, 1, { cause: err });
    }
  }

  /** Does a run file with this id exist? */
  async has(id: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(id))).isFile();
    } catch {
      return false;
    }
  }

  /** Load one run; a UserError naming the file if it is missing or not a readable run. */
  async load(id: string): Promise<RunRecord> {
    const path = this.pathOf(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UserError(`no saved run "${id}" in ${displayPath(this.dir)} (see \`clplay saves\`)`);
      throw new UserError(`${displayPath(path)}: cannot read (${code ?? String(err)})`);
    }
    const { run, problem } = parseRun(text, id);
    if (!run) throw new UserError(`${displayPath(path)}: ${problem}`);
    return run;
  }

  /**
   * Every run in the folder, sorted by id (= creation time for ids from newRunId). A file that is
   * not a readable run gives one problem line naming it (`saves/x.json: not a clplay run (no
   * schemaVersion)`); the other runs still load. A missing folder is an empty list.
   */
  async list(): Promise<{ runs: RunRecord[]; problems: string[] }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], problems: [] };
      throw new UserError(`${displayPath(this.dir)}: cannot read the saves folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    const files = names.filter((n) => n.endsWith('.json') && !isTempFileName(n)).sort();
    const results = await mapLimit(files, 16, async (name) => {
      const path = join(this.dir, name);
      const id = basename(name, '.json');
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return { problem: `${displayPath(path)}: cannot read (${code === 'EISDIR' ? 'a folder, not a file' : (code ?? String(err))})` };
      }
      if (!RUN_ID.test(id)) return { problem: `${displayPath(path)}: not a clplay run (the file name is not a run id)` };
      const parsed = parseRun(text, id);
      return parsed.run ? { run: parsed.run } : { problem: `${displayPath(path)}: ${parsed.problem}` };
    });
    const runs: RunRecord[] = [];
    const problems: string[] = [];
    for (const r of results) {
      if (r.run) runs.push(r.run);
      else if (r.problem) problems.push(r.problem);
    }
    runs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { runs, problems };
  }
}
