// Baseline studies: the protocol file, the assignment, the time limit, the report against
// hand-computed numbers, the dataset (no names) and the pack / submit / merge round trip.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlayController } from '../../../src/core/play/controller.js';
import { newHumanRun } from '../../../src/core/play/session.js';
import { gradeByChecks } from '../../../src/core/grading/grade.js';
import { mergeSaves } from '../../../src/core/results/merge.js';
import type { RunRecord } from '../../../src/core/runs/types.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { formatProblem } from '../../../src/core/scenario/problem.js';
import type { Scenario } from '../../../src/core/scenario/schema.js';
import { assignment, completionCode, studyPool } from '../../../src/core/study/assign.js';
import { bootstrapInterval } from '../../../src/core/study/bootstrap.js';
import { datasetRows, datasheet } from '../../../src/core/study/dataset.js';
import { studyJsonSchemaText } from '../../../src/core/study/json-schema.js';
import { loadStudyFile, validParticipant } from '../../../src/core/study/load.js';
import { exclusionsOf, runMetrics } from '../../../src/core/study/metrics.js';
import { packStudy, submitRuns, unpackStudy } from '../../../src/core/study/pack.js';
import { studyReport } from '../../../src/core/study/report.js';
import type { Study } from '../../../src/core/study/schema.js';
import { studyStatus } from '../../../src/core/study/status.js';
import { humanRun, task } from '../../helpers/runs.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'clplay-study-'));
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

function studyFile(dir: string, extra = ''): string {
  const path = join(dir, 'pilot.yaml');
  writeFileSync(
    path,
    `id: pilot
title: Pilot
instructions: Read carefully.
consent: You agree.
scenarios: [a, b, c, d]
assignment: { mode: random, perParticipant: 2 }
order: shuffled
seed: 11
reveal: end
participantPattern: "P[0-9]{2}"
exclusions:
  - { id: pasted, metric: pastedShare, above: 0.5 }
bootstrap: { samples: 500, seed: 3 }
${extra}`,
  );
  return path;
}

async function loadOk(path: string): Promise<Study> {
  const r = await loadStudyFile(path);
  if (!r.study) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
  return r.study;
}

describe('the study file', () => {
  it('loads the bundled example', async () => {
    const s = await loadOk(join(import.meta.dirname, '..', '..', '..', 'studies', 'bundled-pilot.yaml'));
    expect(s.assignment).toEqual({ mode: 'random', perParticipant: 3 });
    expect(validParticipant(s, 'P07')).toBe(true);
    expect(validParticipant(s, 'Ada')).toBe(false);
    expect(validParticipant(s, 'P071')).toBe(false);
  });

  it('reports problems as FILE:LINE:COL, and refuses reveal: task', async () => {
    const dir = tmp();
    const path = studyFile(dir, 'timeLimit: 5\n');
    writeFileSync(path, readFileSync(path, 'utf8').replace('reveal: end', 'reveal: task'));
    const r = await loadStudyFile(path);
    const lines = r.problems.map((p) => formatProblem(p));
    expect(lines.some((l) => l.startsWith(`${path}:9:`) && /reveal/.test(l))).toBe(true);
    expect(lines.some((l) => /timeLimit/.test(l) && l.startsWith(`${path}:14:`))).toBe(true);
  });

  it('checks the participant pattern with a linear-time engine', async () => {
    const dir = tmp();
    const path = studyFile(dir);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"P[0-9]{2}"', '"(a)\\\\1"'));
    const r = await loadStudyFile(path);
    expect(r.problems.map((p) => formatProblem(p)).join('\n')).toMatch(/participantPattern: is not a pattern clplay can use/);
  });

  it('ships a JSON Schema that matches the zod schema', () => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', '..', 'studies', 'study.schema.json'), 'utf8')).toBe(studyJsonSchemaText());
  });
});

describe('assignment', () => {
  const study = { assignment: { mode: 'random', perParticipant: 3 }, order: 'shuffled', seed: 20261130 } as const;
  const pool = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
  const codes = Array.from({ length: 16 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);

  it('is reproducible from the seed and the code', () => {
    expect(assignment(study, pool, 'P07')).toEqual(assignment(study, pool, 'P07'));
    expect(assignment({ ...study, seed: 1 }, pool, 'P07')).not.toEqual(assignment(study, pool, 'P07'));
  });

  it('is balanced: 16 people x 3 of 8 scenarios play each scenario exactly 6 times', () => {
    const counts = new Map<string, number>();
    for (const c of codes) for (const s of assignment(study, pool, c)) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect([...counts.values()]).toEqual(Array(8).fill(6));
    // any first m participants: counts differ by at most one
    for (let m = 1; m <= 16; m++) {
      const c = new Map<string, number>();
      for (const code of codes.slice(0, m)) for (const s of assignment(study, pool, code)) c.set(s, (c.get(s) ?? 0) + 1);
      const v = pool.map((s) => c.get(s) ?? 0);
      expect(Math.max(...v) - Math.min(...v)).toBeLessThanOrEqual(1);
    }
  });

  it('shuffles the order per participant; fixed keeps the pool order', () => {
    const orders = new Set(codes.map((c) => assignment({ ...study, assignment: { mode: 'all' } }, pool, c).join(',')));
    expect(orders.size).toBeGreaterThan(8);
    expect(assignment({ assignment: { mode: 'all' }, order: 'fixed', seed: 1 }, pool, 'P01')).toEqual(pool);
  });

  it('finds the pool by category and says which ids are missing', () => {
    const lib = [{ id: 'b', category: 'x' }, { id: 'a', category: 'x' }, { id: 'c', category: 'y' }];
    expect(studyPool({ scenarios: { category: 'x' }, path: 's.yaml' }, lib)).toEqual(['a', 'b']);
    expect(() => studyPool({ scenarios: ['a', 'zz'], path: 's.yaml' }, lib)).toThrow(/"zz" not found/);
  });

  it('gives a stable completion code', () => {
    const s = { id: 'pilot', seed: 1, hash: 'abc' };
    expect(completionCode(s, 'P01')).toBe(completionCode(s, 'P01'));
    expect(completionCode(s, 'P01')).not.toBe(completionCode(s, 'P02'));
  });
});

describe('the time limit', () => {
  it('submits the draft as it stands and every later task, marked timeLimit', async () => {
    const lib = await loadLibrary([FIXTURES], { cacheDir: false });
    const scenario = lib.scenarios[0]!;
    let saved: RunRecord | undefined;
    let t = Date.parse('2026-11-30T10:00:00Z');
    const ctl = new PlayController(scenario, newHumanRun({ id: 'r1', scenario, player: { kind: 'human', name: 'P01' }, at: t }), {
      save: async (r) => void (saved = r),
      grade: (task, a) => gradeByChecks(task, a),
      now: () => t,
    });
    await ctl.open();
    ctl.draft('The levy is 81 marks');
    t += 90_000;
    expect(ctl.runActive()).toBe(90_000);
    await ctl.expire();
    expect(ctl.finished).toBe(true);
    expect(saved!.status).toBe('finished');
    expect(saved!.tasks[0]).toMatchObject({ answer: 'The levy is 81 marks', timeLimit: true });
    expect(saved!.tasks.slice(1).every((x) => x.answer === '' && x.timeLimit)).toBe(true);
  });
});

// Three participants on two scenarios; P03 pasted most of an answer (excluded by `pasted`).
function studyRun(id: string, participant: string, scenarioId: string, statuses: ('pass' | 'fail')[][], extra: Partial<RunRecord> = {}): RunRecord {
  return humanRun(id, participant, scenarioId, statuses.map((s, i) => task(`t${i + 1}`, s, { activeMs: 60_000 * (i + 1), answer: 'x'.repeat(100) })), {
    scenarioHash: `hash-${scenarioId}`,
    study: { id: 'pilot', hash: 'h', participant, position: 1 },
    ...extra,
  });
}

describe('the report', () => {
  const library = ['a', 'b'].map((id) => ({ id, hash: `hash-${id}`, category: 'rule-system-application', title: id, tasks: [{ id: 't1', rubric: [{}, {}] }, { id: 't2', rubric: [{}, {}] }] }) as unknown as Scenario);
  const runs: RunRecord[] = [
    studyRun('r1', 'P01', 'a', [['pass', 'pass'], ['pass', 'fail']]), // 1/2
    studyRun('r2', 'P02', 'a', [['pass', 'pass'], ['pass', 'pass']]), // 2/2
    studyRun('r3', 'P02', 'b', [['fail', 'pass'], ['pass', 'pass']]), // 1/2
    studyRun('r4', 'P03', 'b', [['pass', 'pass'], ['pass', 'pass']]), // 2/2, pasted
    humanRun('other', 'Ada', 'a', [task('t1', ['fail', 'fail'])], { scenarioHash: 'hash-a' }), // not in the study
  ];
  runs[3]!.tasks[0]!.pastes = [{ at: '2026-11-20T10:00:00.000Z', chars: 150 }];

  it('applies the exclusion at report time and gives both views', async () => {
    const study = await loadOk(studyFile(tmp()));
    expect(exclusionsOf(runMetrics(runs[3]!), study.exclusions)).toEqual(['pasted']);
    const r = studyReport(study, runs, library, ['a', 'b']);
    expect(r.participants).toBe(3);
    expect(r.exclusions).toEqual([{ id: 'pasted', description: 'pasted share of the answers above 50%', runs: 1 }]);
    // without exclusions: 6 solved of 8; after: 4 of 6
    expect(r.all.overall).toMatchObject({ solved: 6, failed: 2, rate: 6 / 8, participants: 3 });
    expect(r.afterExclusions.overall).toMatchObject({ solved: 4, failed: 2, rate: 4 / 6, participants: 2 });
    expect(r.afterExclusions.scenarios.map((s) => [s.scenarioId, s.cell.rate])).toEqual([
      ['a', 3 / 4],
      ['b', 1 / 2],
    ]);
    // items: after exclusions 10 of 12 pass
    expect(r.afterExclusions.rubricPassRate).toBeCloseTo(10 / 12);
    // active seconds per task: 60, 120 for each of 3 runs -> median 90, IQR 60-120
    expect(r.afterExclusions.time).toEqual({ median: 90, q1: 60, q3: 120 });
    const ci = r.afterExclusions.overall.ci!;
    expect(ci.low).toBeLessThanOrEqual(4 / 6);
    expect(ci.high).toBeGreaterThanOrEqual(4 / 6);
    expect(studyReport(study, runs, library, ['a', 'b']).afterExclusions.overall.ci).toEqual(ci); // seeded
  });

  it('keeps a run of a changed scenario out, and says so', async () => {
    const study = await loadOk(studyFile(tmp()));
    const changed = [...runs, studyRun('r5', 'P04', 'a', [['pass', 'pass'], ['pass', 'pass']], { scenarioHash: 'old' })];
    const r = studyReport(study, changed, library, ['a', 'b']);
    expect(r.exclusions.at(-1)).toMatchObject({ id: 'scenario-changed', runs: 1 });
    expect(r.all.overall.solved).toBe(6);
  });

  it('bootstrap intervals are seeded and need two participants', () => {
    const units = [[1], [0], [1], [1]];
    const stat = (s: readonly number[][]) => s.flat().reduce((a, b) => a + b, 0) / s.flat().length;
    expect(bootstrapInterval(units, stat, 1000, 5)).toEqual(bootstrapInterval(units, stat, 1000, 5));
    expect(bootstrapInterval([[1]], stat, 1000, 5)).toBeNull();
  });

  it('status shows done / not started per assigned scenario', async () => {
    const study = await loadOk(studyFile(tmp()));
    const s = studyStatus(study, runs, library, ['a', 'b', 'c', 'd']);
    expect(s.map((p) => p.participant)).toEqual(['P01', 'P02', 'P03']);
    const p3 = s.find((p) => p.participant === 'P03')!;
    expect(p3.assigned).toBe(2);
    expect(p3.cells.find((c) => c.scenarioId === 'b')?.flags).toContain('pasted');
  });

  it('the dataset holds codes, never names', async () => {
    const study = await loadOk(studyFile(tmp()));
    const named = runs.map((r) => ({ ...r, tasks: r.tasks.map((t) => ({ ...t, verdicts: t.verdicts.map((v) => ({ ...v, by: 'person:Ada Lovelace' })) })) }));
    const rows = datasetRows(study, named, library);
    expect(rows).toHaveLength(8);
    const text = rows.map((r) => JSON.stringify(r)).join('\n') + datasheet(study, studyReport(study, named, library, ['a', 'b']), rows.length);
    expect(text).not.toMatch(/Ada/);
    expect(rows[0]).toMatchObject({ participant: 'P01', scenario: 'a', task: 't1', excludedBy: [] });
    expect(rows.find((r) => r.participant === 'P03')!.excludedBy).toEqual(['pasted']);
  });
});

describe('pack, submit and merge', () => {
  it('a pack holds the study and exactly its scenarios; submitted runs merge idempotently', async () => {
    const dir = tmp();
    const lib = await loadLibrary([FIXTURES], { cacheDir: false });
    const path = studyFile(dir);
    writeFileSync(path, readFileSync(path, 'utf8').replace('scenarios: [a, b, c, d]', `scenarios: [${lib.scenarios[0]!.id}]`).replace('perParticipant: 2', 'perParticipant: 1'));
    const study = await loadOk(path);
    const zip = join(dir, 'pilot.zip');
    const manifest = await packStudy(study, lib.scenarios, zip);
    expect(manifest.scenarios.map((s) => s.id)).toEqual([lib.scenarios[0]!.id]);
    const out = join(dir, 'unpacked');
    await unpackStudy(zip, out);
    const again = await loadLibrary([join(out, 'scenarios')], { cacheDir: false });
    expect(again.scenarios.map((s) => s.hash)).toEqual([lib.scenarios[0]!.hash]);
    expect((await loadOk(join(out, 'pilot.yaml'))).hash).toBe(study.hash);

    const sub = join(dir, 'P01.zip');
    await submitRuns([studyRun('r1', 'P01', 'a', [['pass', 'pass']])], sub);
    const saved = new Map<string, RunRecord>();
    const target = { load: async (id: string) => saved.get(id), create: async (r: RunRecord) => void saved.set(r.id, r) };
    expect((await mergeSaves([sub], target)).added).toHaveLength(1);
    expect((await mergeSaves([sub], target)).unchanged).toHaveLength(1);
    expect(saved.get('r1')?.study).toMatchObject({ id: 'pilot', participant: 'P01' });
  });

  it('refuses a zip that is not a study pack', async () => {
    const dir = tmp();
    const zip = join(dir, 'runs.zip');
    await submitRuns([studyRun('r1', 'P01', 'a', [['pass']])], zip);
    await expect(unpackStudy(zip, join(dir, 'x'))).rejects.toThrow(/not a clplay study pack/);
  });
});
