// `clplay import FILE.jsonl`: CL-bench rows -> one scenario file per chain of sequential tasks.
//
// Streaming and bounded memory: the file is read line by line (lines.ts, over a file stream),
// each row is parsed, checked and reduced (row.ts) to hashes plus the parts that are new in it,
// so a context is held once per context, not once per row. Chains are rebuilt once the whole
// file is read (rows of a context may be anywhere in it), then written as JSON (fast to write and
// to parse for 320,000-character contexts), each atomically. A file whose content would not
// change is left untouched. Bad lines are reported (line number + reason) and skipped.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../runs/atomic.js';
import { ScenarioFileSchema } from '../scenario/schema.js';
import { ChainBuilder } from './chains.js';
import { readLines } from './lines.js';
import { reduceRow } from './row.js';
import { chainToScenario, shortContextId } from './to-scenario.js';

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportSummary {
  file: string;
  outDir: string;
  /** Non-blank lines read. */
  lines: number;
  /** Distinct CL-bench contexts (context_id) among the scenarios written. */
  contexts: number;
  /** Scenarios (one per chain; a context with forks or several first tasks has several). */
  chains: number;
  /** Imported tasks (source rows); a task before a fork counts once. */
  tasks: number;
  rubricItems: number;
  /** Lines not imported: bad lines, duplicates, rows whose earlier turns are in no row. */
  skippedLines: number;
  duplicates: number;
  /** Scenario files written (new or changed) and left as they were (same content). */
  written: number;
  unchanged: number;
  files: string[];
}

export interface ImportOptions {
  /** Called for every line that is skipped, as soon as it is known. */
  onProblem?: (p: ImportProblem) => void;
}

function jsonError(err: unknown): string {
  // A line is one JSON text, so V8's "at position N" is column N + 1.
  return String((err as Error)?.message ?? err)
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position (\d+).*$/s, (_, pos: string) => ` at column ${Number(pos) + 1}`)
    .slice(0, 200);
}

/** `<first 8>` of each context id, longer (or hashed) where two context ids would clash. */
class ShortIds {
  private readonly taken = new Map<string, string>();
  private readonly mine = new Map<string, string>();

  for(contextId: string): string {
    const known = this.mine.get(contextId);
    if (known) return known;
    const candidates = [8, 12, 16, 32, Infinity].map((n) => shortContextId(contextId, n));
    candidates.push('h' + createHash('sha256').update(contextId).digest('hex').slice(0, 15));
    for (const c of candidates) {
      if (c && !this.taken.has(c)) {
        this.taken.set(c, contextId);
        this.mine.set(contextId, c);
        return c;
      }
    }
    throw new Error(`no unique short id for context ${contextId}`);
  }
}

async function checkInput(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`);
  }
  if (info.isDirectory()) throw new UserError(`${file} is a folder; give the CL-bench .jsonl file`);
  if (info.size === 0) throw new UserError(`${file} is empty; expected CL-bench rows, one JSON object per line`);
}

export async function importClbench(file: string, outDir: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const path = resolve(file);
  const out = resolve(outDir);
  const builder = new ChainBuilder();
  const problems: ImportProblem[] = [];
  const report = (p: ImportProblem) => {
    problems.push(p);
    opts.onProblem?.(p);
  };

  let lineNo = 0;
  let lines = 0;
  await checkInput(path);
  try {
    for await (const line of readLines(path)) {
      lineNo++;
      if (line.trim() === '') continue;
      lines++;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        report({ line: lineNo, message: `not valid JSON (${jsonError(err)})` });
        continue;
      }
      const result = reduceRow(value, lineNo);
      value = undefined;
      if (!result.ok) {
        report({ line: lineNo, message: result.message });
        continue;
      }
      builder.add(result.row, result.root);
    }
  } catch (err) {
    throw new UserError(`cannot read ${path} (line ${lineNo + 1}): ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const afterDuplicates = builder.problems.length;
  for (const p of builder.problems) report(p);

  try {
    await mkdir(out, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot write to ${out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}; choose another folder with --out DIR`);
  }

  const shortIds = new ShortIds();
  const summary: ImportSummary = {
    file: path,
    outDir: out,
    lines,
    contexts: 0,
    chains: 0,
    tasks: 0,
    rubricItems: 0,
    skippedLines: 0,
    duplicates: builder.duplicates,
    written: 0,
    unchanged: 0,
    files: [],
  };
  const contexts = new Set<string>();
  const imported = new Set<number>();
  const inFlight = new Set<Promise<void>>();
  let writeError: string | undefined;

  for (const chain of builder.chains()) {
    const scenario = chainToScenario(chain, shortIds.for(chain.contextId));
    const check = ScenarioFileSchema.safeParse(scenario);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      report({
        line: chain.rows[0]!.line,
        message: `context ${chain.contextId}, chain ${chain.n}: would not be a valid scenario (${issue.path.join('.')}: ${issue.message}); skipped`,
      });
      continue;
    }
    contexts.add(chain.contextId);
    summary.chains++;
    for (const row of chain.rows) {
      if (imported.has(row.line)) continue;
      imported.add(row.line);
      summary.tasks++;
      summary.rubricItems += row.rubricCount;
    }
    const target = join(out, `${scenario.id}.json`);
    summary.files.push(target);
    const text = JSON.stringify(scenario, null, 2) + '\n';
    // A few writes in flight overlap the file system's latency; errors surface below.
    const job = writeIfChanged(target, text).then(
      (changed) => {
        if (changed) summary.written++;
        else summary.unchanged++;
      },
      (err: unknown) => {
        writeError ??= `cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? String(err)}; choose another folder with --out DIR`;
      },
    );
    inFlight.add(job);
    void job.then(() => inFlight.delete(job));
    if (inFlight.size >= 8) await Promise.race(inFlight);
    if (writeError) break;
  }
  await Promise.all(inFlight);
  if (writeError) throw new UserError(writeError);
  // Rows left out by the chain builder were reported after the duplicates.
  for (const p of builder.problems.slice(afterDuplicates)) report(p);
  summary.contexts = contexts.size;
  summary.skippedLines = new Set(problems.map((p) => p.line)).size;
  if (summary.chains === 0) {
    throw new UserError(
      `${path}: no CL-bench rows could be imported (${lines} line${lines === 1 ? '' : 's'} read, ${summary.skippedLines} skipped); expected one JSON object per line with messages, rubrics and metadata`,
    );
  }
  return summary;
}

/** Write `text` to `path` unless the file already holds exactly it. True if written. */
async function writeIfChanged(path: string, text: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (info.size === Buffer.byteLength(text) && (await readFile(path, 'utf8')) === text) return false;
  } catch {
    // missing: write it
  }
  await writeFileAtomic(path, text);
  return true;
}
