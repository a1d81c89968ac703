// Derives the answer key of scenarios/tessel-fever-protocol.yaml from the rules of protocol CP-17,
// implemented here as code: the TESS score, the doses (90 kg cap, rounding down to 50 mg), the
// trough nomogram (after the µmol/L conversion), step-down timing, the oral dose, and the vial
// and tablet counts. Every derived number must be the one the checks expect and the reference
// states, and the protocol's own worked example must follow from the same rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
type Check = { type: string; value?: number; pattern?: string; expect?: unknown; label?: string };
const scenario = parse(readFileSync(join(DIR, 'tessel-fever-protocol.yaml'), 'utf8')) as {
  contextFile: string;
  tasks: { id: string; prompt: string; reference: string; rubric: { text: string; check?: Check }[] }[];
};
const protocol = readFileSync(join(DIR, scenario.contextFile), 'utf8');
const task = (id: string) => scenario.tasks.find((t) => t.id === id)!;
/** A reference answer with its line breaks folded, so rewrapping it does not break the test. */
const refOf = (id: string) => task(id).reference.replace(/\s+/g, ' ');
const numberChecks = (id: string) => task(id).rubric.flatMap((r) => (r.check?.type === 'number' ? [r.check.value!] : []));

// ---- the protocol as code ------------------------------------------------------------------

interface Findings { tempC: number; heartRate: number; platelets: number; rash: 'none' | 'trunk' | 'palms'; confusion: boolean; age: number }

function tess(f: Findings): number {
  const temp = f.tempC < 36.0 ? 3 : f.tempC >= 39.5 ? 2 : f.tempC >= 38.5 ? 1 : 0; // note 3.3b
  const hr = f.tempC >= 38.5 && f.heartRate < 60 ? 2 : f.heartRate > 100 ? 1 : 0; // note 3.3a
  const plt = f.platelets < 50 ? 3 : f.platelets < 100 ? 2 : f.platelets < 150 ? 1 : 0;
  const rash = f.rash === 'palms' ? 3 : f.rash === 'trunk' ? 1 : 0;
  return temp + hr + plt + rash + (f.confusion ? 2 : 0) + (f.age >= 65 ? 1 : 0);
}
const stageOf = (score: number): 1 | 2 | 3 => (score >= 6 ? 3 : score >= 3 ? 2 : 1);

const DOSES = {
  2: { loading: 15, maintenance: 8, interval: 12, first: 12 },
  3: { loading: 17, maintenance: 7, interval: 8, first: 8 },
} as const;
const down = (mg: number, step: number) => Math.floor(mg / step + 1e-9) * step;
const dosingWeight = (kg: number) => Math.min(kg, 90); // 4.6

function troughFactor(mgPerL: number): number {
  if (mgPerL < 5.0) return 1.5;
  if (mgPerL < 8.0) return 1.25;
  if (mgPerL <= 14.0) return 1;
  if (mgPerL <= 20.0) return 0.75;
  return 0.5;
}
const VIAL = 250;
const TABLET = 100;

// ---- Patient R., as the prompts describe him -------------------------------------------------

const R = {
  weight: 96,
  findings: { tempC: 39.1, heartRate: 56, platelets: 88, rash: 'trunk', confusion: false, age: 68 } as Findings,
  troughMicromol: 16.0,
  stepDownHour: 120,
};

function derive() {
  const score = tess(R.findings);
  const stage = stageOf(score);
  if (stage === 1) throw new Error('Patient R. must be on IV treatment');
  const d = DOSES[stage];
  const w = dosingWeight(R.weight);
  const loading = down(d.loading * w, 50);
  const maintenance = down(d.maintenance * w, 50);
  const trough = R.troughMicromol / 2.5;
  const adjusted = down(maintenance * troughFactor(trough), 50);
  const fourthDoseHour = d.first + 3 * d.interval;
  // IV maintenance doses from the first up to (not including) the step-down hour
  const ivHours: number[] = [];
  for (let h = d.first; h < R.stepDownHour; h += d.interval) ivHours.push(h);
  expect(R.stepDownHour).toBe(d.first + ivHours.length * d.interval); // an IV dose was due then
  const ivDoses = ivHours.map((h) => (h >= fourthDoseHour ? adjusted : maintenance));
  const dailyIv = adjusted * (24 / d.interval);
  const oral = down((1.5 * dailyIv) / 2, TABLET);
  const courseEnd = stage === 3 ? 240 : 168;
  const oralHours: number[] = [];
  for (let h = R.stepDownHour; h < courseEnd; h += 12) oralHours.push(h);
  const vials = Math.ceil(loading / VIAL) + ivDoses.reduce((n, mg) => n + Math.ceil(mg / VIAL), 0);
  const pooledVials = Math.ceil((loading + ivDoses.reduce((a, b) => a + b, 0)) / VIAL);
  const tablets = oralHours.length * (oral / TABLET);
  return { score, stage, w, loading, maintenance, trough, adjusted, fourthDoseHour, ivHours, ivDoses, dailyIv, oral, oralHours, vials, pooledVials, tablets };
}

describe('tessel-fever-protocol answer key', () => {
  const k = derive();

  it('staging: score 7, Stage III', () => {
    expect(k.score).toBe(7);
    expect(k.stage).toBe(3);
    expect(refOf('staging')).toMatch(/TESS score = 1 \+ 2 \+ 2 \+ 1 \+ 0 \+ 1 = 7\b/);
    expect(refOf('staging')).toContain('Stage III');
    expect(refOf('staging')).toContain(`TESS SCORE: ${k.score} STAGE: III`);
    expect(numberChecks('staging')).toEqual([k.score]);
    // the trap: without note 3.3a the heart rate scores 0 and the stage drops
    expect(stageOf(k.score - 2)).toBe(2);
  });

  it('first-doses: loading and maintenance from the capped weight, rounded down', () => {
    expect(k.w).toBe(90);
    expect(numberChecks('first-doses')).toEqual([k.w, k.loading, k.maintenance, DOSES[3].interval, DOSES[3].first]);
    const ref = refOf('first-doses');
    expect(ref).toContain(`${k.loading} mg at hour 0`);
    expect(ref).toContain(`${k.maintenance} mg every 8 hours, the first at hour ${DOSES[3].first}`);
    expect(ref).toContain(`${17 * 90} mg`);
    expect(ref).toContain(`${7 * 90} mg`);
    expect(ref).toContain(
      `DOSING WEIGHT: ${k.w} kg LOADING DOSE: ${k.loading} mg MAINTENANCE DOSE: ${k.maintenance} mg INTERVAL: every ${DOSES[3].interval} hours FIRST MAINTENANCE DOSE: hour ${DOSES[3].first}`,
    );
  });

  it('trough: converted, banded, adjusted', () => {
    expect(k.trough).toBeCloseTo(6.4, 10);
    expect(numberChecks('trough')).toEqual([6.4, k.adjusted, DOSES[3].interval, k.fourthDoseHour]);
    expect(k.fourthDoseHour).toBe(32);
    const ref = refOf('trough');
    expect(ref).toContain(`${k.maintenance} mg x 1.25 = ${k.adjusted} mg`);
    expect(ref).toContain(`hour ${k.fourthDoseHour}`);
    expect(ref).toContain(`TROUGH: ${k.trough.toFixed(1)} mg/L NEW DOSE: ${k.adjusted} mg INTERVAL: every ${DOSES[3].interval} hours FROM: hour ${k.fourthDoseHour}`);
    // the trap: 16.0 read as mg/L would decrease the dose to 450 mg, which a check rejects
    expect(down(k.maintenance * troughFactor(16.0), 50)).toBe(450);
  });

  it('step-down: oral dose and start', () => {
    expect(k.dailyIv).toBe(2250);
    expect(k.oral).toBe(1600);
    expect(numberChecks('step-down')).toEqual([k.oral, R.stepDownHour]);
    const ref = refOf('step-down');
    expect(ref).toContain(`${k.adjusted} mg x 3 = ${k.dailyIv} mg`);
    expect(ref).toContain(`= ${1.5 * k.dailyIv} mg, in two doses of ${(1.5 * k.dailyIv) / 2} mg`);
    expect(ref).toContain(`${k.oral} mg every 12 hours`);
    expect(ref).toContain(`first oral dose is at hour ${R.stepDownHour}`);
    expect(ref).toContain(`STEP DOWN AT HOUR 72: no ORAL DOSE: ${k.oral} mg FREQUENCY: every 12 hours FIRST ORAL DOSE: hour ${R.stepDownHour}`);
  });

  it('supplies: vials and tablets', () => {
    expect(k.ivHours).toEqual([8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112]);
    expect(k.ivDoses.filter((d) => d === k.maintenance)).toHaveLength(3);
    expect(k.ivDoses.filter((d) => d === k.adjusted)).toHaveLength(11);
    expect(k.vials).toBe(48);
    expect(k.pooledVials).toBe(47); // the trap value of the first wrong answer
    expect(k.oralHours).toHaveLength(10);
    expect(k.oralHours[k.oralHours.length - 1]).toBe(228);
    expect(k.tablets).toBe(160);
    // the counts are read from the VIALS and TABLETS lines, so "hour 48" in a list of dose hours does not count
    expect(numberChecks('supplies')).toEqual([k.vials, k.tablets]);
    const ref = refOf('supplies');
    expect(ref).toContain(`Total: 6 + 42 = ${k.vials} vials`);
    expect(ref).toContain(`so ${k.tablets} tablets`);
    expect(ref).toContain(`VIALS: ${k.vials} TABLETS: ${k.tablets}`);
  });

  it("the protocol's worked example (Appendix A) follows from the same rules", () => {
    const w = 62;
    expect(down(15 * w, 50)).toBe(900);
    expect(down(8 * w, 50)).toBe(450);
    expect(down(450 * troughFactor(15.2), 50)).toBe(300);
    expect(DOSES[2].first + 3 * DOSES[2].interval).toBe(48);
    const text = protocol.replace(/\s+/g, ' ');
    expect(text).toContain('15 x 62 = 930 mg, rounded down to 900 mg (4 vials');
    expect(text).toContain('8 x 62 = 496 mg, rounded down to 450 mg, 12-hourly from hour 12 (2 vials per dose');
    expect(text).toContain('(hour 48) is 15.2 mg/L');
    expect(text).toContain('337.5 mg, rounded down to 300 mg');
  });
});
