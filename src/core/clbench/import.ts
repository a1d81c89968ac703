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
import { reduceRow, type RowNote, type RowTurns } from './row.js';
import type { Chain } from './chains.js';
import { chainToScenario, shortContextId } from './to-scenario.js';

export interface ImportProblem {
  line: number;
  message: string;
  /** The row was imported after all (a duplicate imported once, an orphan with given history). */
  imported?: boolean;
}

/** Rows that import, but not as plain as a CL-bench row usually is: kind -> lines. */
export type ImportNotes = Partial<Record<RowNote, number[]>>;

/** One line per kind of note, for the import summary. */
export const NOTE_TEXT: Record<RowNote, string> = {
  'no-context-id': 'no metadata.context_id: grouped by identical system + first user message',
  'no-category': 'no metadata.context_category: filed under "Unknown", as eval.py does',
  'own-category': 'a category outside the four: kept as written (results show it under its own name)',
  'empty-rubric-item': 'empty rubric items: left out, the others keep upstream\'s numbers (as eval.py does)',
  'number-rubric-item': 'rubric items that are numbers, booleans or null: written as text, as eval.py\'s str() does',
  'list-content': 'content as a list of parts: shown as their text, sent as the list',
  'extra-keys': 'messages with keys beyond role and content (e.g. name): kept and sent',
};

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
  /** Lines not imported (each reported with its reason). */
  skippedLines: number;
  /** Rows that repeat an earlier row exactly (imported once). */
  duplicates: number;
  /** Rows whose earlier rows were not in the file (imported with their earlier turns as given history). */
  orphans: number;
  notes: ImportNotes;
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

  for(chain: Pick<Chain, 'contextId' | 'groupKey'>): string {
    const contextId = chain.groupKey;
    const known = this.mine.get(contextId);
    if (known) return known;
    // Rows without a context_id are grouped by a hash of their context: `h` + that hash.
    const candidates =
      chain.contextId !== undefined ? [8, 12, 16, 32, Infinity].map((n) => shortContextId(contextId, n)) : [8, 12, 16].map((n) => 'h' + contextId.replace(/^root:/, '').slice(0, n));
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
  const notes: ImportNotes = {};
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
      for (const note of result.row.notes) (notes[note] ??= []).push(lineNo);
      builder.add(result.row, result.root);
    }
  } catch (err) {
    throw new UserError(`cannot read ${path} (line ${lineNo + 1}): ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const afterDuplicates = builder.problems.length;
  for (const p of builder.problems) report(p);
  const chains = [...builder.chains()];
  for (const p of builder.problems.slice(afterDuplicates)) report(p);
  const turns = await orphanTurns(path, chains);

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
    orphans: builder.orphans,
    notes,
    written: 0,
    unchanged: 0,
    files: [],
  };
  const contexts = new Set<string>();
  const imported = new Set<number>();
  const inFlight = new Set<Promise<void>>();
  let writeError: string | undefined;

  for (const chain of chains) {
    const scenario = chainToScenario(chain, shortIds.for(chain), chain.orphan ? turns.get(chain.rows[0]!.line) : undefined);
    const check = ScenarioFileSchema.safeParse(scenario);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      report({
        line: chain.rows[0]!.line,
        message: `context ${chain.contextId ?? '(no context_id)'}, chain ${chain.n}: would not be a valid scenario (${issue.path.join('.')}: ${issue.message}); skipped`,
      });
      continue;
    }
    contexts.add(chain.groupKey);
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
  summary.contexts = contexts.size;
  summary.skippedLines = new Set(problems.filter((p) => !p.imported).map((p) => p.line)).size;
  if (summary.chains === 0) {
    throw new UserError(
      `${path}: no CL-bench rows could be imported (${lines} line${lines === 1 ? '' : 's'} read, ${summary.skippedLines} skipped); expected one JSON object per line with messages, rubrics and metadata`,
    );
  }
  return summary;
}

/**
 * Second pass over the file for the rows whose earlier rows were absent: their earlier turns
 * (not kept in the first pass, which holds one context per context and only new parts per row).
 */
async function orphanTurns(path: string, chains: readonly Chain[]): Promise<Map<number, RowTurns>> {
  const wanted = new Set(chains.filter((c) => c.orphan).map((c) => c.rows[0]!.line));
  const out = new Map<number, RowTurns>();
  if (wanted.size === 0) return out;
  let lineNo = 0;
  try {
    for await (const line of readLines(path)) {
      lineNo++;
      if (!wanted.has(lineNo)) continue;
      const result = reduceRow(JSON.parse(line), lineNo);
      if (result.ok) out.set(lineNo, result.turns());
      if (out.size === wanted.size) break;
    }
  } catch (err) {
    throw new UserError(`cannot read ${path} again (line ${lineNo}): ${(err as NodeJS.ErrnoException).code ?? String(err)}; was it changed during the import?`);
  }
  if (out.size !== wanted.size) throw new UserError(`${path} changed during the import (line ${[...wanted].find((l) => !out.has(l))} is no longer the row read first); import it again`);
  return out;
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
