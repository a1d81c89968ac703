// Loading one scenario file: read (size-limited), decode, parse YAML or JSON, validate with the
// zod schema, apply the cross-field rules, read the context file. Every problem is collected and
// returned with its line and column - nothing here throws for a bad file.
import { createHash } from 'node:crypto';
import { dirname, extname, resolve } from 'node:path';
import { readRegularFileCapped } from '../fs/read-capped.js';
import { DEFAULT_LIMITS, formatBytes } from '../limits.js';
import { readConfined } from './confine.js';
import { issuesToProblems } from './issues.js';
import { fieldPath, quote, type Problem } from './problem.js';
import { crossFieldProblems, type RuleOptions } from './rules.js';
import { closest } from './suggest.js';
import { ScenarioFileSchema, type Scenario, type ScenarioFile } from './schema.js';
import { decodeUtf8, parseJsonSource, parseYamlSource, type ParsedSource, type Position } from './source.js';

export { formatProblem, type Problem } from './problem.js';

/** Scenario and context files larger than this are refused unread, unless `limits.scenarioMB` says otherwise. */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.scenarioFileBytes;
export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export interface LoadResult {
  scenario?: Scenario;
  problems: Problem[];
  /** The id the file declares, even when it is invalid (so a library can say "x is invalid"). */
  id?: string;
  /** Absolute path of the context file it names, if any (a library must not load it as a scenario). */
  contextPath?: string;
  /** Where the id is declared. */
  idAt?: Position;
}

/** Remembers files that cannot be parsed, by the sha256 of their bytes (see cache.ts). */
export interface FailureMemo {
  unparsable(file: string, sha256: string): Problem[] | undefined;
  rememberUnparsable(sha256: string, problems: readonly Problem[]): void;
}

export interface LoadOptions extends RuleOptions {
  failures?: FailureMemo;
  /** Largest scenario or context file, bytes (default MAX_FILE_BYTES; setting limits.scenarioMB). */
  maxFileBytes?: number;
}

export async function loadScenarioFile(path: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const file = path;
  const problems: Problem[] = [];
  const at = (pos: Position, field: string, message: string): Problem => ({ file, line: pos.line, col: pos.col, field, message });
  const top = { line: 1, col: 1 };

  const ext = extname(path).toLowerCase();
  if (!(SCENARIO_EXTENSIONS as readonly string[]).includes(ext)) {
    return { problems: [at(top, '', `not a scenario file (expected .yaml, .yml or .json)`)] };
  }
  const maxBytes = opts.maxFileBytes ?? MAX_FILE_BYTES;
  const read = await readLimited(path, maxBytes);
  if ('error' in read) return { problems: [at(top, '', read.error)] };
  const hash = createHash('sha256').update(read.bytes);
  const fileHash = opts.failures ? createHash('sha256').update(read.bytes).digest('hex') : '';
  const known = opts.failures?.unparsable(file, fileHash);
  if (known) return { problems: known };

  const decoded = decodeUtf8(read.bytes);
  if ('error' in decoded) return { problems: [at(decoded.error, '', decoded.error.message)] };
  if (decoded.text.trim() === '') {
    return { problems: [at(top, '', 'the file is empty; a scenario needs id, title, category, ..., context and tasks')] };
  }
  const parsed = ext === '.json' ? parseJsonSource(decoded.text) : parseYamlSource(decoded.text);
  for (const e of parsed.errors) problems.push(at(e, '', e.message));
  const source = parsed.source;
  if (!source) {
    opts.failures?.rememberUnparsable(fileHash, problems);
    return { problems };
  }
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const got = Array.isArray(data) ? 'a list' : data === null ? 'nothing' : 'a single value';
    problems.push(at(top, '', `a scenario file holds a mapping (id:, title:, tasks:, ...); this one holds ${got}`));
    return { problems };
  }
  const rec = data as Record<string, unknown>;
  const id = typeof rec.id === 'string' ? rec.id : undefined;
  const idAt = source.locate(['id']);
  const fieldAt = (p: readonly PropertyKey[], message: string, what: 'value' | 'key' = 'value'): Problem =>
    at(source.locate(p, what), fieldPath(p), message);

  const result = ScenarioFileSchema.safeParse(data);
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues as never, { file, source, schema: ScenarioFileSchema }));
  }
  for (const r of crossFieldProblems(data, opts)) problems.push(fieldAt(r.path, r.message, r.what));

  // the context: inline or from a file next to the scenario
  let context: string | undefined;
  let contextPath: string | undefined;
  const hasInline = typeof rec.context === 'string';
  if (hasInline && typeof rec.contextFile === 'string') {
    problems.push(fieldAt(['contextFile'], 'give either context or contextFile, not both'));
  } else if (hasInline) {
    context = rec.context as string;
    if (context.trim() === '') problems.push(fieldAt(['context'], 'is empty; a scenario needs material to learn from'));
  } else if (typeof rec.contextFile === 'string') {
    contextPath = resolve(dirname(path), rec.contextFile);
    const ctx = await readContextFile(path, rec.contextFile, maxBytes);
    if ('error' in ctx) problems.push(fieldAt(['contextFile'], ctx.error));
    else {
      hash.update(ctx.bytes);
      context = ctx.text;
      if (context.trim() === '') problems.push(fieldAt(['contextFile'], `${quote(rec.contextFile)} is empty; a scenario needs material to learn from`));
    }
  } else if (!('context' in rec) && !('contextFile' in rec) && !Object.keys(rec).some((k) => closest(k, ['context', 'contextFile']))) {
    // (a key like "contextt" is reported as an unknown field with "did you mean")
    problems.push(fieldAt([], 'missing context (give context: with the material, or contextFile: a path relative to this file)'));
  }

  if (context !== undefined) for (const r of evidenceProblems(rec, context)) problems.push(fieldAt(r.path, r.message));

  sortProblems(problems);
  if (problems.length > 0 || !result.success || context === undefined) return { problems, id, contextPath, idAt };
  const { context: _c, contextFile: _f, $schema: _s, ...rest } = result.data as ScenarioFile;
  const scenario: Scenario = { ...rest, context, path: resolve(path), hash: hash.digest('hex') };
  return { scenario, problems, id, contextPath, idAt };
}

const folded = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Each rubric item's `evidence` quote must occur in the context exactly once (whitespace runs folded). */
export function evidenceProblems(rec: Record<string, unknown>, context: string): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  if (!Array.isArray(rec.tasks)) return out;
  let ctx: string | undefined; // folded only when some item quotes evidence (contexts may be MBs)
  rec.tasks.forEach((t, i) => {
    if (!t || typeof t !== 'object' || !Array.isArray((t as Record<string, unknown>).rubric)) return;
    ((t as Record<string, unknown>).rubric as unknown[]).forEach((item, r) => {
      if (!item || typeof item !== 'object') return;
      const ev = (item as Record<string, unknown>).evidence;
      const quotes = typeof ev === 'string' ? [ev] : Array.isArray(ev) ? ev : [];
      quotes.forEach((q, k) => {
        if (typeof q !== 'string' || !q.trim()) return;
        const path = typeof ev === 'string' ? ['tasks', i, 'rubric', r, 'evidence'] : ['tasks', i, 'rubric', r, 'evidence', k];
        ctx ??= folded(context);
        const needle = folded(q);
        let count = 0;
        for (let at = ctx.indexOf(needle); at >= 0 && count < 2; at = ctx.indexOf(needle, at + needle.length)) count++;
        if (count === 0) out.push({ path, message: `${quote(q)} does not occur in the context; quote it exactly (whitespace may differ)` });
        else if (count > 1) out.push({ path, message: `${quote(q)} occurs more than once in the context; quote more of it so it points at one place` });
      });
    });
  });
  return out;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}


async function readLimited(path: string, maxBytes: number): Promise<{ bytes: Buffer } | { error: string }> {
  const r = await readRegularFileCapped(path, maxBytes);
  if ('bytes' in r) return r;
  switch (r.error) {
    case 'not-regular':
      return { error: `is ${r.kind}, not a scenario file` };
    case 'too-large':
      return { error: `the file is ${r.size !== undefined ? formatBytes(r.size) : `larger than ${formatBytes(maxBytes)}`}; scenario files may be at most ${formatBytes(maxBytes)} (is it really a scenario? the limit is the setting limits.scenarioMB)` };
    default:
      return { error: `cannot read the file: ${describeFsError(r.cause)}` };
  }
}

/** The context file, confined to the scenario's folder (see confine.ts), decoded. */
async function readContextFile(scenarioFile: string, given: string, maxBytes: number): Promise<{ bytes: Buffer; text: string } | { error: string }> {
  const r = await readConfined(scenarioFile, given, maxBytes);
  if ('error' in r) return r;
  const decoded = decodeUtf8(r.bytes);
  if ('error' in decoded) return { error: `${quote(given)} line ${decoded.error.line}, column ${decoded.error.col}: ${decoded.error.message}` };
  return { bytes: r.bytes, text: decoded.text.replace(/\r\n?/g, '\n') };
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.message ?? String(err);
  }
}

export type { ParsedSource };
