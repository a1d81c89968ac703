// The ember-cap notebook is generated from an invented law; this test is that generator. It
// regenerates every table of the context from the law (with the photometer units, the rounding
// and the one void reading), and derives the answer key from the same law.
//
//   G(t) = G0 * h / (h + t)   G0 = 480 gu, h = c / 5 hours for a charge of c minutes
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import { rawScenario, task } from './answer-key.js';

const ID = 'embercap-afterglow';
const raw = rawScenario(ID);
const context = readFileSync(join(BUNDLED_SCENARIOS, raw.contextFile!), 'utf8');

const G0 = 480;
const halfTime = (charge: number): number => charge / 5;
const glow = (charge: number, t: number): number => (G0 * halfTime(charge)) / (halfTime(charge) + t);

interface Series { name: string; charge: number; meter: 'P1' | 'P2'; times: number[]; void?: Record<number, string> }
const SERIES: Series[] = [
  { name: 'A', charge: 10, meter: 'P1', times: [0, 1, 2, 3, 4, 6, 8, 10, 14, 18, 24, 30] },
  { name: 'B', charge: 20, meter: 'P1', times: [0, 1, 3, 5, 7, 10, 13, 17, 22, 27, 33], void: { 13: '121.6' } },
  { name: 'C', charge: 30, meter: 'P2', times: [0, 2, 4, 6, 9, 12, 18, 24, 30, 36] },
  { name: 'D', charge: 15, meter: 'P1', times: [0, 1, 2, 4, 5, 9, 12, 21] },
];

/** A reading as written in the notebook: P1 in gu to 0.1, P2 in whole deci-glimmers. */
function recorded(s: Series, t: number): string {
  if (s.void?.[t]) return s.void[t]!;
  const g = glow(s.charge, t);
  return s.meter === 'P2' ? String(Math.round(g * 10)) : (Math.round(g * 10) / 10).toFixed(1);
}

/** The rows (t, reading) of series `name`'s table in the context. */
function tableRows(name: string): Array<[number, string]> {
  const section = context.split(`- Series ${name} (`)[1]!.split('\n### ')[0]!.split('\n## ')[0]!;
  return [...section.matchAll(/^\|\s*(\d+(?:\.\d+)?)\s*\|\s*([\d.]+)\s*\|/gm)].map((m) => [Number(m[1]), m[2]!]);
}

const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe(`${ID}: the notebook is the law's output, and the key follows from the law`, () => {
  it('every table in the context is regenerated exactly from the law', () => {
    for (const s of SERIES) {
      const header = flat(context.split(`- Series ${s.name} (`)[1]!.split('|')[0]!);
      expect(header).toContain(`charge **${s.charge} minutes**`);
      expect(header).toContain(`**${s.meter}**`);
      expect(tableRows(s.name)).toEqual(s.times.map((t) => [t, recorded(s, t)]));
    }
    // the void reading is really off the law, and flagged
    expect(Math.abs(Number(SERIES[1]!.void![13]) - glow(20, 13))).toBeGreaterThan(5);
    expect(context).toMatch(/13 h reading is void/);
    expect(flat(context)).toContain('It displays **deci-glimmers (dgu)**, whole numbers only: 10 dgu = 1 gu');
  });

  it('the law differs from a fixed half-life, visibly in the data', () => {
    // halving times of series A: 2, 6, 14, 30 h (each halving twice as long as the one before)
    const halvings = [1, 2, 3, 4].map((n) => (2 ** n - 1) * halfTime(10));
    expect(halvings).toEqual([2, 6, 14, 30]);
    for (const t of halvings) expect(SERIES[0]!.times).toContain(t);
    // an exponential through the first halving misses the 14 h reading by a factor > 10
    expect(glow(10, 14) / (G0 * 2 ** (-14 / 2))).toBeGreaterThan(10);
  });

  it('derives the answer key', () => {
    // task 1
    const ref1 = task(raw, 'decay-law').reference!;
    expect(ref1).toContain('HALF: 2\nQUARTER: 6\nEIGHTH: 14');
    expect(ref1).toContain(String(G0 * halfTime(10)));
    for (const t of [1, 4, 10, 30]) expect(G0 * halfTime(10) % (t + 2)).toBe(0); // the products quoted
    // task 2: outside the observed range
    const at78 = glow(10, 78);
    expect(at78).toBe(12);
    expect(78).toBeGreaterThan(Math.max(...SERIES.flatMap((s) => s.times)));
    expect(task(raw, 'long-range').reference).toContain(`GLOW AT 78 H: ${at78} gu`);
    // task 3: a charge outside the observed range (10-30 min)
    expect(task(raw, 'charge-law').reference).toContain(`AT 0 H: ${glow(45, 0)} gu\nAT 9 H: ${glow(45, 9)} gu`);
    // task 4: the guides' requirement, read from the letter
    expect(flat(context)).toContain('at least **60 gu**');
    expect(flat(context)).toContain('A long shift lasts **36 hours**');
    let minutes = 1;
    while (glow(minutes, 36) < 60) minutes++;
    expect(minutes).toBe(26);
    const ref4 = task(raw, 'marker-charge').reference!;
    expect(ref4).toContain(`CHARGE: ${minutes} min`);
    expect(ref4).toContain(glow(minutes, 36).toFixed(1));
    expect(ref4).toContain(glow(minutes - 1, 36).toFixed(1));
    expect(flat(ref4)).toContain(`${(60 * 36 / (G0 - 60)).toFixed(2)} h`);
  });

  it('the wrong answers are what the traps produce', () => {
    const w = (id: string) => task(raw, id).wrong!.map((x) => x.answer).join('\n');
    expect(w('long-range')).toContain(`${(30 / 2 ** (48 / 16)).toFixed(2)} gu`);
    expect(w('charge-law')).toContain(((G0 * 4.5 * 2) / 11).toFixed(1));
    expect(w('charge-law')).toContain(glow(10, 9).toFixed(1));
    // fixed half-life c/5: 480 * 2^(-36/h) >= 60 needs h >= 12, i.e. 60 minutes
    expect(G0 * 2 ** (-36 / halfTime(60))).toBe(60);
    expect(w('marker-charge')).toContain('CHARGE: 60 min');
  });
});
