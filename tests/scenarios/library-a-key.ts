// Shared answer-key checks for the library-A scenarios (two domain-knowledge, two rule-system):
// the file loads with the app's loader without problems, meets the library's shape rules
// (issue 3), every reference passes every machine check and every wrong answer fails at least
// one - through gradeByChecks, the grading code the app uses.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import type { Scenario, Task } from '../../src/core/scenario/schema.js';

async function load(id: string): Promise<Scenario> {
  const { scenario, problems } = await loadScenarioFile(join(BUNDLED_SCENARIOS, `${id}.yaml`));
  expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  return scenario!;
}

/** The rubric items an answer fails, with the check's reason. */
function failures(t: Task, answer: string): string[] {
  return gradeByChecks(t, answer)
    .map((v, i) => ({ v, item: t.rubric[i]! }))
    .filter(({ v }) => v.status === 'fail')
    .map(({ v, item }) => `${item.text} -> ${v.reason}`);
}

/** Another answer to a task: an honest variant that must pass every check, or a trap that must fail one. */
export interface Variant {
  task: string;
  answer: string;
  pass: boolean;
  why: string;
}

export function libraryAKeySuite(id: string, language: 'en' | 'zh' = 'en', variants: Variant[] = []): void {
  it('loads cleanly and has the library shape', async () => {
    const s = await load(id);
    expect(s.id).toBe(id);
    expect(['fictional', 'modified']).toContain(s.origin);
    expect(s.language).toBe(language);
    expect(s.notes?.length ?? 0).toBeGreaterThan(200);
    expect(s.estimatedMinutes).toBeGreaterThanOrEqual(15);
    expect(s.estimatedMinutes).toBeLessThanOrEqual(40);
    expect(s.context.length).toBeGreaterThanOrEqual(4000);
    expect(s.context.length).toBeLessThanOrEqual(40000);
    expect(s.tasks.length).toBeGreaterThanOrEqual(4);
    const dependent = s.tasks.filter((t) => (t.dependsOn ?? []).length > 0).length;
    expect(dependent * 2).toBeGreaterThanOrEqual(s.tasks.length);
    for (const t of s.tasks) {
      expect(t.prompt.trim(), t.id).not.toBe('');
      expect(t.rubric.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.rubric.length, t.id).toBeLessThanOrEqual(10);
      expect(t.rubric.some((r) => r.check), `${t.id} has a machine check`).toBe(true);
      expect(t.reference, `${t.id} has a reference`).toBeTruthy();
      expect(t.wrong?.length ?? 0, `${t.id} has a wrong answer`).toBeGreaterThanOrEqual(1);
    }
  });

  it('every reference passes every check', async () => {
    const s = await load(id);
    for (const t of s.tasks) expect(failures(t, t.reference!), `${t.id} reference`).toEqual([]);
  });

  it('every wrong answer fails at least one check', async () => {
    const s = await load(id);
    for (const t of s.tasks) {
      for (const w of t.wrong ?? []) expect(failures(t, w.answer).length, `${t.id}: ${w.why}`).toBeGreaterThan(0);
    }
  });

  if (variants.length > 0) {
    it('the checks accept honest variants and reject traps', async () => {
      const s = await load(id);
      for (const v of variants) {
        const t = s.tasks.find((x) => x.id === v.task);
        expect(t, `no task ${v.task}`).toBeTruthy();
        const failed = failures(t!, v.answer);
        if (v.pass) expect(failed, `${v.task}: ${v.why}`).toEqual([]);
        else expect(failed.length, `${v.task}: ${v.why}`).toBeGreaterThan(0);
      }
    });
  }
}
