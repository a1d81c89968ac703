// Derives the answer key of scenarios/tidewater-rulebook.yaml: replays each task's moves with an
// engine that implements the rulebook and checks every position a reference answer writes down,
// the final position the first rubric item expects, and the rulebook's own worked examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromNotation, move, notation, start, total, type Position } from './tidewater-engine.js';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const scenario = parse(readFileSync(join(DIR, 'tidewater-rulebook.yaml'), 'utf8')) as {
  contextFile: string;
  tasks: { id: string; prompt: string; dependsOn?: string[]; reference: string; rubric: { text: string }[] }[];
};
const rulebook = readFileSync(join(DIR, scenario.contextFile), 'utf8');

const RECORD = /S:\d+(?:-\d+){5}\/\d+ N:\d+(?:-\d+){5}\/\d+ (?:S|N|over)\b/g;
const record = (p: Position): string => `${notation(p)} ${p.over ? 'over' : p.toMove}`;
const parseRecord = (r: string): Position => {
  const [s, n, who] = r.split(' ');
  return fromNotation(`${s} ${n}`, who as 'S' | 'N');
};

/** The moves a prompt lists ("... these moves: S3, N5, S1, N1." or "plays S6, then S5, then S4"). */
function movesOf(prompt: string): string[] {
  const list = /(?:moves(?: are made)?:|plays)\s+(.*?)(?:\.\s|\.$| - )/s.exec(prompt);
  expect(list, prompt).not.toBeNull();
  return [...list![1]!.matchAll(/\b([SN][1-6])\b/g)].map((m) => m[1]!);
}

/** Replays the tasks in order; a task without dependsOn starts from the position in its prompt or the start. */
function replay(): Map<string, { positions: string[]; final: Position }> {
  const out = new Map<string, { positions: string[]; final: Position }>();
  let previous: Position | null = null;
  for (const t of scenario.tasks) {
    const given = t.prompt.match(RECORD);
    let p: Position = (t.dependsOn ?? []).length > 0 ? previous! : given ? parseRecord(given[0]) : start();
    const positions = [record(p)];
    for (const m of movesOf(t.prompt)) {
      p = move(p, m).position;
      positions.push(record(p));
      expect(total(p), `${t.id} after ${m}`).toBe(48);
    }
    out.set(t.id, { positions, final: p });
    previous = p;
  }
  return out;
}

describe('tidewater-rulebook answer key', () => {
  const derived = replay();

  for (const t of scenario.tasks) {
    it(`${t.id}: every position in the reference follows from the rules`, () => {
      const { positions, final } = derived.get(t.id)!;
      const written = t.reference.match(RECORD) ?? [];
      expect(written.length).toBeGreaterThan(0);
      // each position the reference writes is one the engine passes through, in order
      let k = 0;
      for (const w of written) {
        const at = positions.indexOf(w, k);
        expect(at, `${t.id}: ${w} is not on the engine's path ${positions.join(' | ')}`).toBeGreaterThanOrEqual(0);
        k = at;
      }
      expect(written[written.length - 1]).toBe(record(final));
      // the first rubric item names the final position
      expect(t.rubric[0]!.text).toContain(record(final));
    });
  }

  it('the final score of the stranded task', () => {
    const p = derived.get('stranded')!.final;
    expect(p.over).toBe(true);
    expect(p.cells[6]).toBe(36);
    expect(p.cells[13]).toBe(12);
  });

  it("the rulebook's examples follow from the rules", () => {
    const examples: [string, string[], string][] = [
      ['S:4-4-4-4-4-4/0 N:4-4-4-4-4-4/0 S', ['S1'], 'S:0-5-5-5-5-4/0 N:4-4-4-4-4-4/0 N'],
      ['S:2-0-3-1-0-6/10 N:3-2-5-0-1-4/11 S', ['S4'], 'S:2-0-3-0-1-6/12 N:3-0-5-0-1-4/11 N'],
      ['S:3-1-0-2-2-8/9 N:2-1-4-3-6-0/7 S', ['S6'], 'S:3-1-0-2-2-0/10 N:3-2-5-4-7-1/8 S'],
      ['S:3-1-0-2-2-0/10 N:3-2-5-4-7-1/8 S', ['S5'], 'S:3-1-0-2-0-1/11 N:3-2-5-4-7-1/8 N'],
    ];
    for (const [from, moves, to] of examples) {
      expect(rulebook).toContain(from);
      expect(rulebook).toContain(to);
      let p = parseRecord(from);
      expect(total(p)).toBe(48);
      for (const m of moves) p = move(p, m).position;
      expect(record(p)).toBe(to);
    }
    expect(record(start())).toBe('S:4-4-4-4-4-4/0 N:4-4-4-4-4-4/0 S');
    expect(rulebook).toContain(record(start()));
  });
});
