// A cache of validated scenarios, so start-up does not re-parse unchanged YAML (parsing is most
// of the cost of loading the library: ~10 ms per 13 KB file in a fresh process).
// An entry is used only when the file (and its context file) has the same size and mtime, and
// the cache was written by the same build of clplay (the code's own file is part of the key),
// so a rebuilt clplay or an edited file is always validated again. Valid scenarios are cached by
// path; invalid ones are re-read every time, so their problems are always current - except files
// whose YAML/JSON cannot even be parsed: their problems are remembered by the sha256 of the file's
// bytes, so a hostile file (an alias bomb takes seconds to refuse) costs a hash, not a parse, on
// every later call.
// The cache holds scenario text (and context read from inside the scenario's folder, see
// confine.ts), so it is written like a private file: mode 0600 in a folder of mode 0700.
// On by default in the built CLI; off when running from TypeScript sources (tests).
// CLPLAY_CACHE_DIR moves it; CLPLAY_NO_CACHE=1 turns it off. Any error here means "no cache".
import { readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import type { FailureMemo, LoadResult } from './load.js';
import type { Problem } from './problem.js';

interface Stamp {
  size: number;
  mtimeMs: number;
}
interface Entry {
  file: Stamp;
  context?: Stamp & { path: string };
  result: LoadResult;
}
type FileProblems = Omit<Problem, 'file'>[];
interface CacheData {
  key: string;
  entries: Record<string, Entry>;
  /** sha256 of a file that could not be parsed -> its problems. */
  unparsable?: Record<string, FileProblems>;
}

const CACHE_NAME = 'scenarios-v1.json';

function codeKey(): string {
  const self = fileURLToPath(import.meta.url);
  try {
    const st = statSync(self);
    return `${VERSION}|${self}|${st.size}|${st.mtimeMs}`;
  } catch {
    return `${VERSION}|${self}`;
  }
}

/** The cache folder, or undefined when the cache is off. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CLPLAY_NO_CACHE && env.CLPLAY_NO_CACHE !== '0') return undefined;
  if (env.CLPLAY_CACHE_DIR) return env.CLPLAY_CACHE_DIR;
  if (fileURLToPath(import.meta.url).endsWith('.ts')) return undefined; // sources (tests): off
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'clplay');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'clplay', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'clplay');
}

const stampOf = (st: { size: number; mtimeMs: number }): Stamp => ({ size: st.size, mtimeMs: st.mtimeMs });
const same = (a: Stamp | undefined, b: Stamp): boolean => !!a && a.size === b.size && a.mtimeMs === b.mtimeMs;

export class ScenarioCache implements FailureMemo {
  private readonly path: string;
  private readonly key = codeKey();
  private old: Record<string, Entry> = {};
  private readonly next: Record<string, Entry> = {};
  private oldUnparsable: Record<string, FileProblems> = {};
  private readonly nextUnparsable: Record<string, FileProblems> = {};
  private dirty = false;

  constructor(dir: string) {
    this.path = join(dir, CACHE_NAME);
    try {
      const data = JSON.parse(readFileSync(this.path, 'utf8')) as CacheData;
      if (data && data.key === this.key && data.entries && typeof data.entries === 'object') {
        this.old = data.entries;
        if (data.unparsable && typeof data.unparsable === 'object') this.oldUnparsable = data.unparsable;
      }
    } catch {
      this.old = {};
    }
  }

  /** The problems of an unparsable file with these bytes (by sha256), if seen before. */
  unparsable(file: string, sha256: string): Problem[] | undefined {
    const found = this.oldUnparsable[sha256] ?? this.nextUnparsable[sha256];
    if (!Array.isArray(found)) return undefined;
    this.nextUnparsable[sha256] = found;
    return found.map((p) => ({ ...p, file }));
  }

  /** Remembers that a file with these bytes cannot be parsed, and why. */
  rememberUnparsable(sha256: string, problems: readonly Problem[]): void {
    this.nextUnparsable[sha256] = problems.map(({ file: _f, ...rest }) => rest);
    this.dirty = true;
  }

  /** The cached result for `file` if it and its context file are unchanged. */
  async get(file: string): Promise<LoadResult | undefined> {
    const e = this.old[file];
    if (!e) return undefined;
    try {
      if (!same(e.file, stampOf(await stat(file)))) return undefined;
      if (e.context && !same(e.context, stampOf(await stat(e.context.path)))) return undefined;
    } catch {
      return undefined;
    }
    this.next[file] = e;
    return e.result;
  }

  /** Remembers a valid result (stamps taken now; a file edited meanwhile just misses next time). */
  async put(file: string, result: LoadResult): Promise<void> {
    if (!result.scenario || result.problems.length > 0) return;
    try {
      const entry: Entry = { file: stampOf(await stat(file)), result };
      if (result.contextPath) entry.context = { path: result.contextPath, ...stampOf(await stat(result.contextPath)) };
      this.next[file] = entry;
      this.dirty = true;
    } catch {
      // not cached
    }
  }

  /** Writes the cache (atomically) if anything changed. Never throws. */
  async save(): Promise<void> {
    const dropped =
      Object.keys(this.old).some((k) => !(k in this.next)) || Object.keys(this.oldUnparsable).some((k) => !(k in this.nextUnparsable));
    if (!this.dirty && !dropped) return;
    try {
      const dir = dirname(this.path);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // A folder made by an older clplay (0755) is tightened; it holds only this cache.
      await chmod(dir, 0o700);
      const tmp = `${this.path}.${process.pid}.tmp`;
      const data: CacheData = { key: this.key, entries: this.next, unparsable: this.nextUnparsable };
      await writeFile(tmp, JSON.stringify(data), { mode: 0o600 });
      await rename(tmp, this.path);
    } catch {
      // a cache that cannot be written is no cache
    }
  }
}
