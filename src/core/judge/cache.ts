// Judge verdicts cached by hash of (rubric item text, answer, judge model and parameters, task if
// shown): regrading the same thing costs no call. An append-only JSONL file in the saves folder
// (`judge-cache.jsonl`; not a run file, so run listings skip it). Damaged lines are skipped.
// Only usable verdicts (pass/fail) are cached; an unscored item is asked again next time.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const JUDGE_CACHE_FILE = 'judge-cache.jsonl';

export interface CachedVerdict {
  status: 'pass' | 'fail';
  reason: string;
  by: string;
  at: string;
}

export interface JudgeKeyParts {
  item: string;
  answer: string;
  model: string;
  /** Answer-shaping parameters of the judge (temperature, max tokens, reasoning effort). */
  params: Record<string, unknown>;
  task?: string;
}

export function judgeCacheKey(p: JudgeKeyParts): string {
  const params = Object.fromEntries(Object.entries(p.params).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256')
    .update(JSON.stringify(['clplay-judge-v1', p.item, p.answer, p.model, params, p.task ?? null]))
    .digest('hex');
}

export interface VerdictCache {
  get(key: string): CachedVerdict | undefined;
  put(key: string, v: CachedVerdict): Promise<void>;
  readonly size: number;
}

/** An in-memory cache (tests, or when no saves folder is used). */
export function memoryCache(): VerdictCache {
  const m = new Map<string, CachedVerdict>();
  return {
    get: (k) => m.get(k),
    async put(k, v) {
      m.set(k, v);
    },
    get size() {
      return m.size;
    },
  };
}

/** The file cache in `dir` (the saves folder). Reads the file once; appends one line per verdict. */
export async function fileCache(dir: string): Promise<VerdictCache> {
  const path = join(dir, JUDGE_CACHE_FILE);
  const m = new Map<string, CachedVerdict>();
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as { key?: unknown } & Partial<CachedVerdict>;
      if (typeof o.key === 'string' && (o.status === 'pass' || o.status === 'fail') && typeof o.reason === 'string') {
        m.set(o.key, { status: o.status, reason: o.reason, by: String(o.by ?? 'judge'), at: String(o.at ?? '') });
      }
    } catch {
      // a damaged line (a crash mid-append): skipped
    }
  }
  let dirReady = false;
  return {
    get: (k) => m.get(k),
    async put(k, v) {
      m.set(k, v);
      if (!dirReady) {
        await mkdir(dirname(path), { recursive: true });
        dirReady = true;
      }
      await appendFile(path, JSON.stringify({ key: k, ...v }) + '\n', 'utf8');
    },
    get size() {
      return m.size;
    },
  };
}
