import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMessages } from '../../../src/core/clbench/messages.js';
import { importClbench, type ImportProblem } from '../../../src/core/clbench/import.js';
import { formatProblem, loadScenarioFile } from '../../../src/core/scenario/load.js';
import { ScenarioFileSchema, type Scenario } from '../../../src/core/scenario/schema.js';
import { chainRows, toJsonl, type Row } from '../../helpers/clbench-rows.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clplay-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Load what the importer wrote through the real scenario loader (what a model player reads). */
async function loadOut(out: string): Promise<Scenario[]> {
  const names = (await readdir(out)).filter((n) => n.endsWith('.json')).sort();
  const scenarios: Scenario[] = [];
  for (const name of names) {
    const path = join(out, name);
    ScenarioFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    const { scenario, problems } = await loadScenarioFile(path);
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
    scenarios.push(scenario!);
  }
  return scenarios;
}

async function runImport(lines: (Row | string)[], eol = '\n', prefix = '') {
  const file = join(dir, 'in.jsonl');
  await writeFile(file, prefix + toJsonl(lines, eol));
  const out = join(dir, 'out');
  const problems: ImportProblem[] = [];
  const summary = await importClbench(file, out, { onProblem: (p) => problems.push(p) });
  return { summary, problems, scenarios: await loadOut(out), out, file };
}

/** Every row must come back byte-identical from the scenario(s) holding its task. */
function expectRoundTrip(rows: Row[], scenarios: Scenario[]): number {
  let checked = 0;
  for (const row of rows) {
    const holders = scenarios.filter((s) => s.tasks.some((t) => t.sourceId === row.metadata.task_id));
    expect(holders.length, `task ${row.metadata.task_id} imported`).toBeGreaterThan(0);
    let matched = 0;
    for (const s of holders) {
      const k = s.tasks.findIndex((t) => t.sourceId === row.metadata.task_id);
      const built = buildMessages(s, k, { history: 'given', answers: [] });
      if (JSON.stringify(built) === JSON.stringify(row.messages)) matched++;
      // Each holder of a task before a fork shares its prefix; the row itself is reproduced by
      // every holder (the messages of task k only depend on tasks 1..k).
      expect(JSON.stringify(built)).toBe(JSON.stringify(row.messages));
    }
    expect(matched).toBe(holders.length);
    checked++;
  }
  return checked;
}

function shuffled<T>(items: T[]): T[] {
  // Deterministic: reverse, then interleave halves - children land before their parents.
  const r = [...items].reverse();
  const half = Math.ceil(r.length / 2);
  const out: T[] = [];
  for (let i = 0; i < half; i++) {
    out.push(r[i]!);
    if (r[half + i]) out.push(r[half + i]!);
  }
  return out;
}

const A = chainRows({
  contextId: 'aaaaaaaa-1111-2222-3333-444444444444',
  system: 'You are a careful assistant.\nFollow the handbook.',
  first: '# The Lantern League\n\nRule 1: a lantern moves two squares.\r\nRule 2: rivers block diagonals. \u2028 ünïcödé 🎲\n\nHow far does a lantern move? ',
  turns: [
    { given: 'Two squares.\n\n**Answer:** 2', prompt: 'And across a river, diagonally?' },
    { given: '', prompt: '  Then?' },
    { given: 'It cannot.\t"quoted" \\ backslash', prompt: 'Summarize rules 1 and 2 in one sentence.' },
  ],
});
const B = chainRows({
  contextId: 'bbbbbbbb-0000',
  first: 'Question first: what is a glorp?\n\nGlossary: a glorp is a unit of 7 blips.',
  turns: [],
  category: 'Domain Knowledge Reasoning',
  subCategory: 'Science',
  rubric: (k) => [{ rubric_criteria: `The response should say a glorp is 7 blips (task ${k}).` }, 'Plain string item.'],
});
// Two first tasks on one context (different first user messages): two chains.
const C1 = chainRows({ contextId: 'cccccccc-9', first: 'Manual v2.\n\nTask: list the steps.', turns: [{ given: 'Step 1, step 2.', prompt: 'Now reverse them.' }], category: 'Procedural Task Execution', subCategory: 'Workflow Orchestration' });
const C2 = chainRows({ contextId: 'cccccccc-9', first: 'Manual v2.\n\nTask: count the steps.', turns: [], category: 'Procedural Task Execution', subCategory: 'Workflow Orchestration', taskId: (k) => `c2-${k}` });
// A fork: one first task, two different given answers -> two chains sharing task 1.
const D = chainRows({ contextId: 'dddddddd-fork', first: 'Data table ...\n\nWhat is the trend?', turns: [{ given: 'Upward.', prompt: 'Why?' }], category: 'Empirical Discovery & Simulation', subCategory: 'Experimental Data' });
const Dfork = chainRows({
  contextId: 'dddddddd-fork',
  first: 'Data table ...\n\nWhat is the trend?',
  turns: [
    { given: 'Downward.', prompt: 'Why?' },
    { given: 'Because of X.', prompt: 'Predict the next value.' },
  ],
  category: 'Empirical Discovery & Simulation',
  subCategory: 'Experimental Data',
  taskId: (k) => `fork-${k}`,
}).slice(1); // its first row is the same task as D's first row

describe('importClbench', () => {
  it('rebuilds chains and reproduces every source row byte for byte (history given)', async () => {
    const all = [...A, ...B, ...C1, ...C2, ...D, ...Dfork];
    const { summary, problems, scenarios } = await runImport(shuffled(all));
    expect(problems).toEqual([]);
    expect(expectRoundTrip(all, scenarios)).toBe(all.length);
    expect(summary.tasks).toBe(all.length);
    expect(summary.contexts).toBe(4);
    expect(summary.chains).toBe(6); // A, B, C1, C2, D, D-fork
    expect(summary.rubricItems).toBe(all.reduce((n, r) => n + r.rubrics.length, 0));
    expect(summary.skippedLines).toBe(0);
    expect(summary.written).toBe(6);

    const a = scenarios.find((s) => s.source?.contextId === A[0]!.metadata.context_id)!;
    expect(a.id).toBe('clbench-aaaaaaaa-1');
    expect(a.category).toBe('rule-system-application');
    expect(a.subcategory).toBe('Game Mechanics');
    expect(a.context).toBe(A[0]!.messages[1]!.content);
    expect(a.system).toBe(A[0]!.messages[0]!.content);
    expect(a.tasks.map((t) => t.prompt)).toEqual(['', 'And across a river, diagonally?', '  Then?', 'Summarize rules 1 and 2 in one sentence.']);
    expect(a.tasks.map((t) => t.given)).toEqual(['Two squares.\n\n**Answer:** 2', '', 'It cannot.\t"quoted" \\ backslash', undefined]);
    expect(a.tasks[3]!.dependsOn).toEqual(['task-1', 'task-2', 'task-3']);
    expect(a.tasks.every((t) => t.rubric.every((r) => r.check === undefined))).toBe(true);
    expect(a.source).toEqual({
      format: 'cl-bench',
      contextId: A[0]!.metadata.context_id,
      taskIds: A.map((r) => r.metadata.task_id),
      category: 'Rule System Application',
      subCategory: 'Game Mechanics',
    });
    expect(a.title).toContain('The Lantern League');

    const b = scenarios.find((s) => s.source?.contextId === 'bbbbbbbb-0000')!;
    expect(b.system).toBeUndefined();
    expect(b.tasks[0]!.rubric.map((r) => r.text)).toEqual(['The response should say a glorp is 7 blips (task 1).', 'Plain string item.']);
    expect(b.category).toBe('domain-knowledge-reasoning');

    const d = scenarios.filter((s) => s.source?.contextId === 'dddddddd-fork');
    expect(d.map((s) => s.id).sort()).toEqual(['clbench-dddddddd-1', 'clbench-dddddddd-2']);
    expect(d.map((s) => s.tasks[0]!.given).sort()).toEqual(['Downward.', 'Upward.']);
    expect(d.map((s) => s.tasks.length).sort()).toEqual([2, 3]);
    expect(d.every((s) => s.category === 'empirical-discovery-simulation')).toBe(true);
    expect(scenarios.filter((s) => s.source?.contextId === 'cccccccc-9')).toHaveLength(2);
  });

  it('reports bad lines with their line numbers, skips them, and imports the rest', async () => {
    const good = chainRows({ contextId: 'eeeeeeee', first: 'Context and question.', turns: [{ given: 'G', prompt: 'P2' }] });
    const noMeta = { ...good[0]!, metadata: undefined } as unknown as Row;
    const badRole = { ...good[0]!, messages: [{ role: 'assistant', content: 'x' }, { role: 'user', content: 'y' }] } as Row;
    const badParts = { ...good[0]!, messages: [{ role: 'user', content: [42] }] } as unknown as Row;
    const noTask = { ...good[0]!, metadata: { ...good[0]!.metadata, task_id: undefined } } as unknown as Row;
    const badRubric = { ...good[0]!, rubrics: [[1]] } as unknown as Row;
    const endsAssistant = { ...good[1]!, messages: good[1]!.messages.slice(0, -1) };
    const lines: (Row | string)[] = [good[0]!, '{"messages": [', noMeta, '', badRole, badParts, noTask, badRubric, endsAssistant, 'not json at all', good[1]!];
    const { summary, problems, scenarios } = await runImport(lines);
    const byLine = Object.fromEntries(problems.map((p) => [p.line, p.message]));
    expect(Object.keys(byLine).map(Number)).toEqual([2, 3, 5, 6, 7, 8, 9, 10]);
    expect(byLine[2]).toMatch(/not valid JSON/);
    expect(byLine[3]).toMatch(/metadata/);
    expect(byLine[5]).toMatch(/messages\[0\]\.role is "assistant", expected "user"/);
    expect(byLine[6]).toMatch(/messages\[0\]\.content is a list; expected text or a list of content parts/);
    expect(byLine[7]).toMatch(/metadata\.task_id is missing/);
    expect(byLine[8]).toMatch(/rubrics\[0\] is a list/);
    expect(byLine[9]).toMatch(/last message is not a user message/);
    expect(byLine[10]).toMatch(/not valid JSON/);
    expect(problems.every((p) => !p.imported)).toBe(true);
    expect(summary.skippedLines).toBe(8);
    expect(summary.lines).toBe(10); // the blank line is not counted
    expect(summary.tasks).toBe(2);
    expectRoundTrip(good, scenarios);
  });

  it('reads CRLF line endings and a UTF-8 BOM like LF', async () => {
    const rows = [...A, ...B];
    const { summary, problems, scenarios } = await runImport(rows, '\r\n', '\uFEFF');
    expect(problems).toEqual([]);
    expect(summary.tasks).toBe(rows.length);
    expectRoundTrip(rows, scenarios);
  });

  it('imports a 2 MB context verbatim', async () => {
    const unit = 'The quarterly ledger of the Guild of Glassblowers lists 17 furnaces. ';
    const big = unit.repeat(Math.ceil((2 * 1024 * 1024) / unit.length)) + '\n\nQuestion: how many furnaces?';
    const rows = chainRows({ contextId: 'ffffffff-big', first: big, turns: [{ given: '17', prompt: 'And in two ledgers?' }] });
    const { scenarios } = await runImport(rows);
    expect(scenarios).toHaveLength(1);
    expect(scenarios[0]!.context.length).toBe(big.length);
    expect(scenarios[0]!.context === big).toBe(true);
    expectRoundTrip(rows, scenarios);
  });

  it('imports a duplicate once and a row whose earlier rows are absent on its own, naming their lines', async () => {
    const rows = chainRows({ contextId: '12345678-x', first: 'Ctx + q1', turns: [{ given: 'a1', prompt: 'q2' }, { given: 'a2', prompt: 'q3' }] });
    // Line 1: task 1; line 2: task 3 (its task 2 row is missing); line 3: a duplicate of line 1.
    const { summary, problems, scenarios } = await runImport([rows[0]!, rows[2]!, rows[0]!]);
    expect(problems.map((p) => p.line).sort()).toEqual([2, 3]);
    expect(problems.every((p) => p.imported)).toBe(true);
    expect(problems.find((p) => p.line === 3)!.message).toMatch(/duplicate of line 1 .*imported once/);
    expect(problems.find((p) => p.line === 2)!.message).toMatch(/no row holds its 2 earlier turns: imported on its own/);
    expect(summary.duplicates).toBe(1);
    expect(summary.orphans).toBe(1);
    expect(summary.skippedLines).toBe(0);
    expect(summary.tasks).toBe(2);
    expect(scenarios.map((s) => s.tasks.length)).toEqual([1, 1]);
    const orphan = scenarios.find((s) => s.givenTurns)!;
    expect(orphan.givenTurns).toEqual([
      { prompt: '', answer: 'a1' },
      { prompt: 'q2', answer: 'a2' },
    ]);
    expect(orphan.tasks[0]!.id).toBe('task-3');
    expectRoundTrip([rows[0]!, rows[2]!], scenarios);
  });

  it('skips a later task with an empty prompt, naming its line; the task after it plays with it as history', async () => {
    const rows = chainRows({ contextId: '55555555-e', first: 'Ctx + q1', turns: [{ given: 'a1', prompt: ' ' }, { given: 'a2', prompt: 'q3' }] });
    const { problems, scenarios } = await runImport(rows);
    expect(problems.map((p) => [p.line, !!p.imported])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(problems[0]!.message).toMatch(/messages\[2\] \(this task's prompt\) is empty/);
    expect(scenarios.map((s) => s.tasks.length)).toEqual([1, 1]);
    expectRoundTrip([rows[0]!, rows[2]!], scenarios);
  });

  it('gives context ids that share their first 8 characters distinct scenario ids', async () => {
    const x = chainRows({ contextId: 'abcdefgh-0001', first: 'X ctx', turns: [] });
    const y = chainRows({ contextId: 'abcdefgh-0002', first: 'Y ctx', turns: [] });
    const { scenarios } = await runImport([...x, ...y]);
    const ids = scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain('clbench-abcdefgh-1');
  });

  it('leaves files with unchanged content alone on a second import', async () => {
    const first = await runImport([...A, ...B]);
    expect(first.summary.written).toBe(2);
    const again = await importClbench(first.file, first.out);
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(2);
  });

  it('refuses a file with no importable rows, and a missing file, with one clear error', async () => {
    await expect(runImport(['garbage', '{}'])).rejects.toThrow(/no CL-bench rows could be imported \(2 lines read, 2 skipped\)/);
    await expect(importClbench(join(dir, 'nope.jsonl'), join(dir, 'o'))).rejects.toThrow(/cannot read .*nope\.jsonl: no such file/);
  });
});
