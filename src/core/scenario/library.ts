// The scenario library: which folders scenarios come from, loading all of them, and finding the
// one a SCENARIO argument names (an id or a file path).
import { readdir, stat } from 'node:fs/promises';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { BUNDLED_SCENARIOS, DATA_LAYOUT, DEFAULT_IMPORT_DIR } from '../paths.js';
import { defaultCacheDir, ScenarioCache } from './cache.js';
import { describeFsError, loadScenarioFile, MAX_FILE_BYTES, sortProblems, SCENARIO_EXTENSIONS, type LoadResult } from './load.js';
import { formatProblem, type Problem } from './problem.js';
import type { Scenario } from './schema.js';
import { nearest } from './suggest.js';

export const SCHEMA_FILE_NAME = 'scenario.schema.json';

/**
 * The bundled scenarios folder, the imported scenarios (when an installed clplay keeps them in the
 * user's data folder; a working copy has them inside the bundled folder), then every
 * `--scenarios DIR` (in order), then the entries of CLPLAY_SCENARIOS (separated like PATH).
 * Relative paths are resolved against `cwd`.
 */
export function scenarioDirs(opts: { flags?: string[]; env: NodeJS.ProcessEnv; cwd?: string; bundled?: string; imported?: string }): string[] {
  const cwd = opts.cwd ?? process.cwd();
  const imported = opts.imported ?? (DATA_LAYOUT.installed && !opts.bundled ? DEFAULT_IMPORT_DIR : undefined);
  const list = [
    opts.bundled ?? BUNDLED_SCENARIOS,
    ...(imported ? [imported] : []),
    ...(opts.flags ?? []),
    ...(opts.env.CLPLAY_SCENARIOS ?? '').split(delimiter).filter((s) => s.trim() !== ''),
  ].map((d) => resolve(cwd, d));
  return [...new Set(list)];
}

export interface Library {
  scenarios: Scenario[];
  problems: Problem[];
  /** Ids declared by files that did not load, with their first problem (for "x is invalid"). */
  invalid: Map<string, Problem>;
  /** How many scenario files were read. */
  files: number;
}

const CONCURRENCY = 16;

/** Loads every scenario under `dirs` (recursively). Never throws for bad files or folders. */
export interface LoadLibraryOptions {
  /** Folders that may be absent without a problem (default: the bundled and the import folder). */
  optionalDirs?: readonly string[];
  /** Where to cache validated scenarios; false: no cache (default: see cache.ts). */
  cacheDir?: string | false;
  /** The bundled library's stricter rules (see RuleOptions.strict); never cached. */
  strict?: boolean;
  /** Largest scenario or context file, bytes (setting limits.scenarioMB; default MAX_FILE_BYTES). */
  maxFileBytes?: number;
}

export async function loadLibrary(dirs: readonly string[], opts: LoadLibraryOptions = {}): Promise<Library> {
  // The bundled folder may be absent (an odd install); folders a user names must exist.
  const optional = new Set((opts.optionalDirs ?? [BUNDLED_SCENARIOS, DEFAULT_IMPORT_DIR]).map((d) => resolve(d)));
  const problems: Problem[] = [];
  const files: string[] = [];
  const seenFiles = new Set<string>();
  for (const dir of dirs) {
    const found = await findScenarioFiles(dir, !optional.has(resolve(dir)), problems);
    for (const f of found) {
      if (!seenFiles.has(f)) {
        seenFiles.add(f);
        files.push(f);
      }
    }
  }
  // A cached scenario was read under the default size limit: with another limit in force, read
  // the files again rather than trust an entry the new limit might refuse.
  const otherLimit = opts.maxFileBytes !== undefined && opts.maxFileBytes !== MAX_FILE_BYTES;
  const cacheDir = opts.cacheDir === false || opts.strict || otherLimit ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const cache = cacheDir ? new ScenarioCache(cacheDir) : undefined;
  const results = await mapLimit(files, CONCURRENCY, async (f): Promise<LoadResult> => {
    try {
      const cached = await cache?.get(f);
      if (cached) return cached;
      const r = await loadScenarioFile(f, { failures: cache, strict: opts.strict, ...(opts.maxFileBytes !== undefined ? { maxFileBytes: opts.maxFileBytes } : {}) });
      await cache?.put(f, r);
      return r;
    } catch (err) {
      return { problems: [{ file: f, line: 1, col: 1, field: '', message: `could not load: ${(err as Error).message}` }] };
    }
  });
  await cache?.save();
  // A .json/.yaml file named as another scenario's contextFile is material, not a scenario.
  const contextFiles = new Set(results.map((r) => r.contextPath).filter((p): p is string => !!p));
  const scenarios: Scenario[] = [];
  const invalid = new Map<string, Problem>();
  const owner = new Map<string, string>();
  results.forEach((r, k) => {
    const file = files[k]!;
    if (contextFiles.has(file)) return;
    if (r.scenario) {
      const first = owner.get(r.scenario.id);
      if (first !== undefined) {
        problems.push({
          file,
          line: r.idAt?.line ?? 1,
          col: r.idAt?.col ?? 1,
          field: 'id',
          message: `id ${JSON.stringify(r.scenario.id)} is also used by ${first}; scenario ids must be unique (this file is skipped)`,
        });
        return;
      }
      owner.set(r.scenario.id, file);
      scenarios.push(r.scenario);
    } else {
      problems.push(...r.problems);
      if (r.id && r.problems[0] && !invalid.has(r.id)) invalid.set(r.id, r.problems[0]);
    }
  });
  return { scenarios, problems: sortProblems(problems), invalid, files: files.filter((f) => !contextFiles.has(f)).length };
}

/** Scenario files under `dir`, sorted; skips hidden folders, node_modules and the JSON Schema. */
export async function findScenarioFiles(dir: string, required: boolean, problems: Problem[]): Promise<string[]> {
  const root = resolve(dir);
  let st;
  try {
    st = await stat(root);
  } catch (err) {
    if (required) problems.push({ file: dir, line: 0, col: 0, field: '', message: `scenario folder not found (${describeFsError(err)})` });
    return [];
  }
  if (st.isFile()) return [root];
  const out: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    if (depth > 20) return;
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (err) {
      problems.push({ file: d, line: 0, col: 0, field: '', message: `cannot read the folder: ${describeFsError(err)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && isScenarioFileName(e.name)) out.push(full);
    }
  };
  await walk(root, 0);
  return out;
}

export function isScenarioFileName(name: string): boolean {
  return (SCENARIO_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && basename(name) !== SCHEMA_FILE_NAME;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The scenario a SCENARIO argument names: a file path if such a file exists, else an id from
 * `dirs`. Throws a one-line UserError when it is not found or invalid.
 */
export async function resolveScenario(arg: string, dirs: readonly string[], opts: { cwd?: string; maxFileBytes?: number } = {}): Promise<Scenario> {
  const cwd = opts.cwd ?? process.cwd();
  const asPath = resolve(cwd, arg);
  let isFile: boolean;
  try {
    isFile = (await stat(asPath)).isFile();
  } catch {
    isFile = false;
  }
  if (isFile) {
    const r = await loadScenarioFile(asPath, opts.maxFileBytes !== undefined ? { maxFileBytes: opts.maxFileBytes } : {});
    if (r.scenario) return r.scenario;
    const first = r.problems[0];
    const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more; run \`clplay validate ${arg}\`)` : '';
    throw new UserError(`${first ? formatProblem(first, cwd) : `${arg}: invalid scenario`}${more}`);
  }
  const looksLikePath = /[\\/]/.test(arg) || /\.(ya?ml|json)$/i.test(arg);
  const lib = await loadLibrary(dirs, opts.maxFileBytes !== undefined ? { maxFileBytes: opts.maxFileBytes } : {});
  const found = lib.scenarios.find((s) => s.id === arg);
  if (found) return found;
  const bad = lib.invalid.get(arg);
  if (bad) throw new UserError(`scenario "${arg}" is invalid: ${formatProblem(bad, cwd)} (run \`clplay validate\`)`);
  if (looksLikePath) throw new UserError(`no such scenario file: ${arg}`);
  const ids = lib.scenarios.map((s) => s.id);
  const near = nearest(arg, ids);
  const hint = near.length ? `did you mean ${near.join(', ')}?` : ids.length ? `known ids: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', ...' : ''}` : 'no scenarios are loaded';
  throw new UserError(`unknown scenario "${arg}"; ${hint} (run \`clplay list\` to see them all)`);
}
