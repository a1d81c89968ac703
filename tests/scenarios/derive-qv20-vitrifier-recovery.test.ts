// Derives the QV-20 answer key from the manual's rules, implemented here as code: settle time,
// purge volumes, the occurrence limit with its two buried exceptions, the Level 2 deadline and
// the incident record. The constants are read back from the context, so an edit of the manual
// that changes a number breaks this test instead of silently breaking the key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import { rawScenario, task } from './answer-key.js';

const ID = 'qv20-vitrifier-recovery';
const raw = rawScenario(ID);
const context = readFileSync(join(BUNDLED_SCENARIOS, raw.contextFile!), 'utf8');

// ---- the manual's rules ---------------------------------------------------------------------
const RULES = {
  settleMinutesPerHalfK: 4,
  settleMinimum: 10,
  purgeMl: 15,
  reprimeMl: 5,
  activeChannels: 6,
  limit: 3, // the third occurrence within the window is not recovered
  windowMinutes: 8 * 60,
  notifyMinutes: 15,
  bypassChannel: 6,
  reservoirFloor: 40,
};

const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const toHhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function settleMinutes(bath: number, setpoint: number): number {
  const overshoot = Math.round((bath - setpoint) * 10) / 10; // readings are to 0.1 K
  const started = Math.ceil(overshoot / 0.5 - 1e-9);
  return Math.max(RULES.settleMinimum, started * RULES.settleMinutesPerHalfK);
}

const purgeVolume = (): number => RULES.purgeMl + RULES.reprimeMl * (RULES.activeChannels - 1);

interface Occurrence { code: string; channel?: number; time: string }
interface Outcome extends Occurrence { recovered: boolean; priorCounted: number }

/** 4.3 per code; section 6: E104 per channel; Appendix B.2: E104 on channel 6 counts all E104. */
function decide(occurrences: Occurrence[]): Outcome[] {
  return occurrences.map((o, i) => {
    const earlier = occurrences.slice(0, i).filter((e) => {
      if (e.code !== o.code || toMin(o.time) - toMin(e.time) > RULES.windowMinutes) return false;
      if (o.code !== 'E104' || o.channel === RULES.bypassChannel) return true;
      return e.channel === o.channel;
    });
    return { ...o, priorCounted: earlier.length, recovered: earlier.length + 1 < RULES.limit };
  });
}

// ---- the shift of the scenario ------------------------------------------------------------------
const shift: Occurrence[] = [
  { code: 'E212', time: '09:14' },
  { code: 'E104', channel: 2, time: '10:02' },
  { code: 'E104', channel: 2, time: '10:31' },
  { code: 'E104', channel: 5, time: '10:50' },
  { code: 'E104', channel: 6, time: '11:20' },
];
const outcomes = decide(shift);
const settle = settleMinutes(-41.2, -44.0);
const resume = toHhmm(toMin('09:16') + settle);
let reservoir = 212;
for (const o of outcomes.slice(1)) {
  if (!o.recovered) continue;
  if (reservoir - purgeVolume() < RULES.reservoirFloor) throw new Error('the manual forbids this purge (4.5)');
  reservoir -= purgeVolume();
}
const lockout = outcomes.find((o) => !o.recovered)!;
const l2By = toHhmm(toMin(lockout.time) + RULES.notifyMinutes);
const record = [
  'QV-INCIDENT 2046-03-14',
  `CODES: ${shift.map((o) => `${o.code} ${o.time}`).join(', ')}`,
  `RECOVERED: ${outcomes.filter((o) => o.recovered).length}`,
  `RESERVOIR: ${reservoir} mL`,
  'LAMP: RED',
  `L2-BY: ${l2By}`,
];

describe(`${ID}: the derivation agrees with the manual and the key`, () => {
  it('reads its constants from the manual', () => {
    const flat = context.replace(/\s+/g, ' ');
    expect(flat).toContain('4 minutes for every started 0.5 K of overshoot');
    expect(flat).toContain('never less than 10 minutes');
    expect(flat).toContain('**15 mL** of cryoprotectant');
    expect(flat).toContain('every *other* active channel with **5 mL** each');
    expect(flat).toContain('all six channels are active');
    expect(flat).toContain('at most twice** within any rolling window of 8 hours');
    expect(flat).toContain('**within 15 minutes of the time the code appeared**');
    expect(flat).toContain('applied per channel');
    expect(flat).toContain('an E104 on channel 6 is counted together with all E104 occurrences');
    expect(flat).toContain('below 40 mL must not be started');
  });

  it('derives the outcomes the tasks are built on', () => {
    expect(settle).toBe(24);
    expect(resume).toBe('09:40');
    expect(purgeVolume()).toBe(40);
    expect(outcomes.map((o) => o.recovered)).toEqual([true, true, true, true, false]);
    expect(lockout.priorCounted).toBe(3);
    expect(reservoir).toBe(92);
    expect(l2By).toBe('11:35');
  });

  it('the references carry the derived values', () => {
    const t1 = task(raw, 'bath-overshoot').reference!;
    expect(t1).toContain(`${settle} minutes`);
    expect(t1).toContain(resume);
    const t2 = task(raw, 'bubbles').reference!;
    expect(t2).toContain(`= ${purgeVolume()} mL`);
    expect(t2).toContain(`${reservoir} mL`);
    const t3 = task(raw, 'bypass-bubble').reference!;
    expect(t3).toContain(`by ${l2By}`);
    expect(t3).toContain(`${reservoir} mL`);
    const t4 = task(raw, 'incident-record').reference!;
    expect(t4).toContain(record.join('\n'));
  });

  it('the rubric texts state the derived values', () => {
    const texts = (id: string) => task(raw, id).rubric.map((r) => r.text).join('\n');
    expect(texts('bath-overshoot')).toContain(`${settle} minutes`);
    expect(texts('bath-overshoot')).toContain(resume);
    expect(texts('bubbles')).toContain(`${reservoir} mL`);
    expect(texts('bypass-bubble')).toContain(l2By);
    for (const line of record) expect(texts('incident-record')).toContain(line);
  });

  it('the traps the wrong answers name really are the other rules', () => {
    // counting every E104 together (missing section 6) locks out at 10:50
    const general = shift.map((o, i) => shift.slice(0, i).filter((e) => e.code === o.code).length + 1 < RULES.limit);
    expect(general).toEqual([true, true, true, false, false]);
    // counting per channel also for channel 6 (missing Appendix B.2) recovers it, leaving 52 mL
    expect(reservoir - purgeVolume()).toBe(52);
    const w = task(raw, 'bypass-bubble').wrong!.map((x) => x.answer).join('\n');
    expect(w).toContain('52 mL');
  });
});
