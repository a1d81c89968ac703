// A cache of validated scenarios, so start-up does not re-parse unchanged YAML (parsing is most
// of the cost of loading the library: ~10 ms per 13 KB file in a fresh process).
// An entry is used only when the file (and its context file) has the same size and mtime, and
// the cache was written by the same build of clplay (the code's own file is part of the key),
// so a rebuilt clplay or an edited file is always validated again. Only valid scenarios are
// cached: invalid ones are re-read every time, so their problems are always current.
// On by default in the built CLI; off when running from TypeScript sources (tests).
// CLPLAY_CACHE_DIR moves it; CLPLAY_NO_CACHE=1 turns it off. Any error here means "no cache".
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import type { LoadResult } from './load.js';

interface Stamp {
  size: number;
  mtimeMs: number;
}
interface Entry {
  file: Stamp;
  context?: Stamp & { path: string };
  result: LoadResult;
}
interface CacheData {
  key: string;
  entries: Record<string, Entry>;
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

export class ScenarioCache {
  private readonly path: string;
  private readonly key = codeKey();
  private old: Record<string, Entry> = {};
  private readonly next: Record<string, Entry> = {};
  private dirty = false;

  constructor(dir: string) {
    this.path = join(dir, CACHE_NAME);
    try {
      const data = JSON.parse(readFileSync(this.path, 'utf8')) as CacheData;
      if (data && data.key === this.key && data.entries && typeof data.entries === 'object') this.old = data.entries;
    } catch {
      this.old = {};
    }
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
    const dropped = Object.keys(this.old).some((k) => !(k in this.next));
    if (!this.dirty && !dropped) return;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify({ key: this.key, entries: this.next } satisfies CacheData));
      await rename(tmp, this.path);
    } catch {
      // a cache that cannot be written is no cache
    }
  }
}
