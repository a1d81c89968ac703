// tests/fixtures/clbench-rows.jsonl: CL-bench-shaped rows written for clplay's tests (never
// CL-bench data), one of every case upstream runs and a strict importer might refuse: orphan later
// turns, a mock category, empty / numeric / boolean / null / object rubric items, list content,
// missing context_id, a duplicate, `name` keys, a content-first message, CJK, a missing category.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importClbench, type ImportProblem, type ImportSummary } from '../../../src/core/clbench/import.js';
import { buildMessages, requestMessages } from '../../../src/core/clbench/messages.js';
import { rubricNumber } from '../../../src/core/clbench/rubric.js';
import { loadScenarioFile } from '../../../src/core/scenario/load.js';
import type { Scenario } from '../../../src/core/scenario/schema.js';

export const FIXTURE = join(__dirname, '../../fixtures/clbench-rows.jsonl');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rows: any[] = readFileSync(FIXTURE, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

let dir: string;
let summary: ImportSummary;
const problems: ImportProblem[] = [];
const scenarios: Scenario[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clplay-fixture-'));
  summary = await importClbench(FIXTURE, dir, { onProblem: (p) => problems.push(p) });
  for (const name of (await readdir(dir)).sort()) {
    const { scenario, problems: bad } = await loadScenarioFile(join(dir, name));
    expect(bad).toEqual([]);
    scenarios.push(scenario!);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The scenario and task index holding a row's task (first holder). */
function holder(taskId: string): { s: Scenario; k: number } {
  for (const s of scenarios) {
    const k = s.tasks.findIndex((t) => t.sourceId === taskId);
    if (k >= 0) return { s, k };
  }
  throw new Error(`task ${taskId} not imported`);
}

describe('the CL-bench fixture', () => {
  it('imports every row: none skipped, the duplicate once, the orphans with their history', () => {
    expect(summary.skippedLines).toBe(0);
    expect(problems.every((p) => p.imported)).toBe(true);
    expect(summary.duplicates).toBe(1);
    expect(summary.orphans).toBe(1); // kettle-3 starts a chain; kettle-4 follows it
    const distinct = new Set(rows.map((r) => r.metadata.task_id));
    expect(summary.tasks).toBe(distinct.size);
    for (const id of distinct) expect(() => holder(id)).not.toThrow();
    expect(problems.map((p) => p.line).sort((a, b) => a - b)).toEqual([4, 5]);
    expect(problems.find((p) => p.line === 4)!.message).toMatch(/duplicate of line 2 .*imported once/);
    expect(problems.find((p) => p.line === 5)!.message).toMatch(/no row holds its 2 earlier turns: imported on its own/);
    expect(Object.keys(summary.notes).sort()).toEqual(
      ['empty-rubric-item', 'extra-keys', 'list-content', 'no-category', 'no-context-id', 'number-rubric-item', 'own-category'].sort(),
    );
  });

  it('sends, under --history given, exactly the messages of every row', () => {
    for (const row of rows) {
      const { s, k } = holder(row.metadata.task_id);
      const sent = requestMessages(s, k, { history: 'given', answers: [] });
      expect(JSON.stringify(sent), `task ${row.metadata.task_id}`).toBe(JSON.stringify(row.messages));
    }
  });

  it('keeps rubric items as eval.py counts them: empty ones out, numbers kept, numbers, booleans and null as str() writes them', () => {
    const r3 = rows.find((r) => r.metadata.task_id === 'qm-task-3');
    const { s, k } = holder('qm-task-3');
    const items = s.tasks[k]!.rubric;
    // upstream: 1 "...Article 2.", 2 {"rubric_criteria": ""} (left out), 3 null (str(None)), 4 object (stripped there), 5 True, 6 2.5
    expect(items.map((it, i) => [rubricNumber(it, i), it.text])).toEqual([
      [1, r3.rubrics[0]],
      [3, 'None'],
      [4, r3.rubrics[3].rubric_criteria],
      [5, 'True'],
      [6, '2.5'],
    ]);
    const two = holder('qm-task-2');
    expect(two.s.tasks[two.k]!.rubric.map((it, i) => [rubricNumber(it, i), it.text])).toEqual([
      [1, 'The response should state 9 grell.'],
      [3, 'The response should mention the guild pennant halving.'],
      [4, '7'],
    ]);
  });

  it('keeps a category outside the four as written, and files a missing one under Unknown', () => {
    expect(holder('mock-1').s.category).toBe('Mock');
    expect(holder('wugang-1').s.category).toBe('Unknown');
    expect(holder('wugang-1').s.source?.category).toBe('Unknown');
    expect(holder('qm-task-1').s.category).toBe('rule-system-application');
  });

  it('groups rows without context_id by their system + first user message, and shows list content as its text', () => {
    const { s } = holder('vell-2');
    expect(holder('vell-1').s.id).toBe(s.id);
    expect(s.source?.contextId).toBeUndefined();
    expect(s.id).toMatch(/^clbench-h[0-9a-f]{8}-1$/);
    expect(s.context).toBe('Almanac of Vell (fictional): the Vell moon rises twice each week.\nHow often does the Vell moon rise?');
    expect(s.tasks[1]!.prompt).toBe('And in four weeks?');
  });

  it('plays an orphan row after its given turns, under either history', () => {
    const { s, k } = holder('kettle-3');
    expect(k).toBe(0);
    expect(s.givenTurns).toEqual([
      { prompt: '', answer: 'Vent, close K2, log pressure.' },
      { prompt: 'Which valve is closed?', answer: 'K2.' },
    ]);
    expect(s.tasks.map((t) => t.id)).toEqual(['task-3', 'task-4']);
    const own = buildMessages(s, 1, { history: 'own', answers: ['my own answer'] });
    const row4 = rows.find((r) => r.metadata.task_id === 'kettle-4');
    expect(own.slice(0, 5)).toEqual(row4.messages.slice(0, 5));
    expect(own[5]).toEqual({ role: 'assistant', content: 'my own answer' });
  });

  it('keeps a CJK context and its rubric text verbatim', () => {
    const { s } = holder('wugang-2');
    expect(s.language).toBe('zh');
    expect(s.context).toBe(rows.find((r) => r.metadata.task_id === 'wugang-1').messages[0].content);
    expect(s.tasks[1]!.rubric[0]!.text).toBe('回答应说明最多三次。');
  });
});
