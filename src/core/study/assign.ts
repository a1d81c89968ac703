// Who plays what, in which order. Participants join on their own machines with no server, so a
// participant's scenarios are a pure function of the study (pool, seed) and their code: the
// pool is shuffled once by the study's seed, and participant n takes the n-th block of k
// scenarios around that circle. Consecutive codes (P01, P02, ...) therefore cover the pool
// evenly: after any m participants every scenario has been assigned floor or ceil of m*k/pool.
import { UserError } from '../errors.js';
import { rng, seedOf, shuffled } from './random.js';
import type { Study } from './schema.js';

/** The scenario ids a study draws from, in the study's order; a UserError for a missing one. */
export function studyPool(study: Pick<Study, 'scenarios' | 'path'>, library: readonly { id: string; category: string }[]): string[] {
  if (Array.isArray(study.scenarios)) {
    const known = new Set(library.map((s) => s.id));
    const missing = study.scenarios.filter((id) => !known.has(id));
    if (missing.length) throw new UserError(`${study.path}: scenarios: ${missing.map((m) => `"${m}"`).join(', ')} not found in the scenario folders (add --scenarios DIR, or use the study pack)`);
    return [...study.scenarios];
  }
  const { category } = study.scenarios;
  const ids = library.filter((s) => s.category === category).map((s) => s.id).sort();
  if (!ids.length) throw new UserError(`${study.path}: scenarios: no scenario of category "${category}" in the scenario folders`);
  return ids;
}

/** The number a participant code stands for: its digits (P07 -> 7), else a hash of the code. */
export function participantIndex(code: string): number {
  const digits = code.replace(/\D+/g, '');
  if (digits && digits.length <= 9) return Number(digits);
  return seedOf('participant', code) % 1_000_000;
}

/** The scenarios `participant` plays, in play order. */
export function assignment(study: Pick<Study, 'assignment' | 'order' | 'seed'>, pool: readonly string[], participant: string): string[] {
  let chosen: string[];
  if (study.assignment.mode === 'all') chosen = [...pool];
  else {
    const k = Math.min(study.assignment.perParticipant, pool.length);
    const circle = shuffled(pool, rng(seedOf('pool', study.seed)));
    const start = (participantIndex(participant) * k) % circle.length;
    chosen = Array.from({ length: k }, (_, j) => circle[(start + j) % circle.length]!);
    // Keep the study's own order among the chosen ones (a fixed order means the pool's order).
    chosen.sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
  }
  if (study.order === 'shuffled') chosen = shuffled(chosen, rng(seedOf('order', study.seed, participant)));
  return chosen;
}

/** A code a participant quotes for payment or records: the same for the same study and person. */
export function completionCode(study: Pick<Study, 'id' | 'seed' | 'hash'>, participant: string): string {
  return seedOf('completion', study.id, study.hash, study.seed, participant).toString(36).toUpperCase().padStart(7, '0');
}
