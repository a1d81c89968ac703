// The bundled library as issue "Scenario library" demands it: eight scenarios, two per CL-bench
// category, one in Chinese, each long enough and built of dependent tasks, every reference
// passing and every prior-knowledge trap failing - through the grading code the app uses.
import { describe, expect, it } from 'vitest';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { taskStatus } from '../../src/core/grading/verdict.js';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import { loadLibrary } from '../../src/core/scenario/library.js';
import { CATEGORIES, type Scenario } from '../../src/core/scenario/schema.js';

// The bundled library meets the strict answer-key rule: every task has >= 3 accept and >= 3 wrong answers.
const library = await loadLibrary([BUNDLED_SCENARIOS], { strict: true });
const scenarios: Scenario[] = library.scenarios;

describe('bundled scenario library', () => {
  it('loads without problems', () => {
    expect(library.problems).toEqual([]);
  });

  it('has eight scenarios, two per category, one written in Chinese', () => {
    expect(scenarios).toHaveLength(8);
    for (const c of CATEGORIES) expect(scenarios.filter((s) => s.category === c), c).toHaveLength(2);
    expect(scenarios.filter((s) => s.language.startsWith('zh'))).toHaveLength(1);
  });

  for (const s of scenarios) {
    describe(s.id, () => {
      it('teaches something a model cannot know, at a size a person can read', () => {
        expect(['fictional', 'modified']).toContain(s.origin);
        expect(s.notes?.trim().length ?? 0).toBeGreaterThan(80);
        expect(s.context.length).toBeGreaterThanOrEqual(4000);
        expect(s.context.length).toBeLessThanOrEqual(40_000);
        expect(s.estimatedMinutes).toBeGreaterThanOrEqual(15);
        expect(s.estimatedMinutes).toBeLessThanOrEqual(40);
      });

      it('has at least four tasks, at least half building on earlier ones', () => {
        expect(s.tasks.length).toBeGreaterThanOrEqual(4);
        const dependent = s.tasks.filter((t) => (t.dependsOn ?? []).length > 0).length;
        expect(dependent * 2).toBeGreaterThanOrEqual(s.tasks.length);
      });

      for (const t of s.tasks) {
        it(`task ${t.id}: 3-10 items, a machine check, the reference solves it, every trap fails`, () => {
          expect(t.prompt.trim()).not.toBe('');
          expect(t.rubric.length).toBeGreaterThanOrEqual(3);
          expect(t.rubric.length).toBeLessThanOrEqual(10);
          expect(t.rubric.some((r) => r.check)).toBe(true);
          expect(t.reference, 'reference answer').toBeTruthy();
          const ref = gradeByChecks(t, t.reference!);
          expect(ref.filter((v) => v.status === 'fail').map((v) => v.reason)).toEqual([]);
          expect(taskStatus(ref)).not.toBe('failed');
          expect(t.wrong?.length ?? 0).toBeGreaterThanOrEqual(1);
          for (const w of t.wrong ?? []) {
            expect(w.why.trim()).not.toBe('');
            expect(taskStatus(gradeByChecks(t, w.answer)), `wrong answer "${w.answer.slice(0, 60)}" must fail`).toBe('failed');
          }
        });
      }
    });
  }
});
