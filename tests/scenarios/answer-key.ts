// Answer-key helpers for the per-scenario tests. The library's shape rules, and that every
// reference passes and every wrong answer fails, are checked for all bundled scenarios at once in
// library.test.ts; each scenario's own test adds answers found while reviewing it: honest variants
// that must pass every check, and near-miss traps that must fail one - through gradeByChecks, the
// grading code the app uses.
import { join } from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import type { Scenario, Task } from '../../src/core/scenario/schema.js';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';

export const scenarioPath = (id: string): string => join(BUNDLED_SCENARIOS, `${id}.yaml`);

/** The scenario as it stands in the repo, loaded with the app's loader; throws on any problem. */
export async function loadBundled(id: string): Promise<Scenario> {
  const { scenario, problems } = await loadScenarioFile(scenarioPath(id));
  if (!scenario || problems.length) throw new Error(`${id}: ${problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`).join('; ')}`);
  return scenario;
}

/** The raw YAML (for derivation tests that only need task texts). */
export function rawScenario(id: string): { tasks: Task[]; contextFile?: string } {
  return parse(readFileSync(scenarioPath(id), 'utf8'));
}

export function task(s: Scenario | { tasks: Task[] }, id: string): Task {
  const t = s.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
}

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

export function answerKeySuite(id: string, variants: Variant[]): void {
  it(`${id}: the checks accept honest variants and reject traps`, async () => {
    const s = await loadBundled(id);
    for (const v of variants) {
      const failed = failures(task(s, v.task), v.answer);
      if (v.pass) expect(failed, `${v.task}: ${v.why}`).toEqual([]);
      else expect(failed.length, `${v.task}: ${v.why}`).toBeGreaterThan(0);
    }
  });
}
