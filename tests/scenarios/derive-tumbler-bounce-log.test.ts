// The Tumbler engine as code. Its 0.7 contact rule (upward speed = impact speed - 6, never below
// 0; vx one unit towards 0) is the invented law the scenario hides; the documented tick rule and
// the resting slide are the context's sections 2 and 3.4. This test regenerates the three debug
// logs of Appendix B character for character, derives the answer key, and replays the traps
// (the out-of-date 0.6 restitution, textbook kinematics) to confirm the wrong answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import { rawScenario, task } from './answer-key.js';

const ID = 'tumbler-bounce-log';
const raw = rawScenario(ID);
const context = readFileSync(join(BUNDLED_SCENARIOS, raw.contextFile!), 'utf8');

interface State { t: number; x: number; y: number; vx: number; vy: number; event: string }
type Launch = Pick<State, 'x' | 'y' | 'vx' | 'vy'>;
type ContactRule = (impact: number, vx: number) => { vy: number; vx: number };

const towardZero = (v: number): number => v - Math.sign(v);
/** 0.7, undocumented: the law to discover. */
const v07: ContactRule = (impact, vx) => ({ vy: Math.max(0, Math.abs(impact) - 6), vx: towardZero(vx) });
/** 0.6, section 3.3: restitution 0.5, vx unchanged. */
const v06: ContactRule = (impact, vx) => ({ vy: Math.round(Math.abs(impact) / 2), vx });

function simulate(launch: Launch, contact: ContactRule = v07): State[] {
  let { x, y, vx, vy } = launch;
  let resting = false;
  const rows: State[] = [{ t: 0, x, y, vx, vy, event: '' }];
  for (let t = 1; t < 10_000; t++) {
    let event = '';
    if (resting) {
      vx = towardZero(vx);
      x += vx;
      event = vx === 0 ? 'asleep' : 'resting';
    } else {
      vy -= 2;
      x += vx;
      y += vy;
      if (y <= 0) {
        y = 0;
        ({ vy, vx } = contact(vy, vx));
        resting = vy === 0;
        event = !resting ? 'contact' : vx === 0 ? 'contact, asleep' : 'contact, resting';
      }
    }
    rows.push({ t, x, y, vx, vy, event });
    if (resting && vx === 0) return rows;
  }
  throw new Error('the body never fell asleep');
}

const pad = (n: number, w: number): string => String(n).padStart(w);
const line = (r: State): string => `${pad(r.t, 4)} ${pad(r.x, 5)} ${pad(r.y, 5)} ${pad(r.vx, 4)} ${pad(r.vy, 4)}  ${r.event}`.trimEnd();
function logBlock(name: string, launch: Launch, upto?: number): string {
  const rows = simulate(launch).slice(0, upto === undefined ? undefined : upto + 1);
  return [
    `throw ${name}  engine 0.7.2  launch x=${launch.x} y=${launch.y} vx=${launch.vx} vy=${launch.vy}`,
    '   t     x     y   vx   vy  event',
    ...rows.map(line),
  ].join('\n');
}

const A = { x: 0, y: 0, vx: 3, vy: 14 };
const B = { x: 0, y: 0, vx: 4, vy: 28 };
const C = { x: 0, y: 0, vx: 7, vy: 24 };
const D = { x: 0, y: 0, vx: 9, vy: 30 };
const contacts = (rows: State[]): State[] => rows.filter((r) => r.event.startsWith('contact'));
const asleep = (rows: State[]): State => rows[rows.length - 1]!;
const apex = (rows: State[]): number => Math.max(...rows.map((r) => r.y));
const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe(`${ID}: the logs are the engine's output, and the key follows from the engine`, () => {
  it('Appendix B is regenerated exactly', () => {
    expect(context).toContain('```\n' + logBlock('A', A) + '\n```');
    expect(context).toContain('```\n' + logBlock('B', B) + '\n```');
    expect(context).toContain('```\n' + logBlock('C', C, 20) + '\n```');
    expect(simulate(C).length - 1).toBeGreaterThan(20); // C really was cut
  });

  it('the documented rules are the ones the engine implements', () => {
    const f = flat(context);
    expect(f).toContain('Gravity is **2 wu per tick per tick**');
    expect(f).toContain('1. **Gravity**: vy := vy - 2. 2. **Move**: x := x + vx, then y := y + vy');
    expect(f).toContain('1. vx moves one unit towards 0');
    expect(f).toContain('Section 3.3 still describes 0.6 and is out of date;');
    // the logs tell the two contact rules apart: only throw A's first bounce fits a halving
    const bounces = [A, B].flatMap((launch) => {
      const rows = simulate(launch);
      return contacts(rows).map((c) => ({ c, before: rows[c.t - 1]! }));
    });
    const fitsHalving = bounces.filter(({ c, before }) => v06(before.vy - 2, before.vx).vy === c.vy).map(({ c }) => c);
    expect(bounces.length).toBe(6);
    expect(fitsHalving.map((r) => r.t)).toEqual([13]);
  });

  it('derives the answer key', () => {
    // task 1
    expect(v07(-30, 5)).toEqual({ vy: 24, vx: 4 });
    expect(v07(-4, 2)).toEqual({ vy: 0, vx: 1 });
    const r1 = task(raw, 'contact-rule').reference!;
    expect(r1).toContain('CASE 1: vy=24 vx=4\nCASE 2: vy=0 vx=1');
    // every contact quoted in the reference is a real one
    for (const [name, launch] of [['A', A], ['B', B]] as const) {
      const rows = simulate(launch);
      for (const c of contacts(rows)) {
        const before = rows[c.t - 1]!;
        expect(r1).toContain(`${name} t=${c.t}: impact ${before.vy - 2} -> ${c.vy > 0 ? '+' : ''}${c.vy}, vx ${before.vx} -> ${c.vx}`);
      }
    }
    // task 2
    const c = simulate(C);
    const ticks = c.slice(21, 27).map((r) => [r.t, r.x, r.y, r.vx, r.vy].join(' ')).join('\n');
    expect(task(raw, 'next-ticks').reference).toContain(ticks);
    // task 3
    expect(contacts(c).map((r) => [r.t, r.vy])).toEqual([[23, 16], [38, 8], [45, 0]]);
    expect(task(raw, 'coming-to-rest').reference).toContain(
      `CONTACTS: ${contacts(c).length}\nRESTING FROM: ${contacts(c).at(-1)!.t}\nASLEEP: t=${asleep(c).t} x=${asleep(c).x}`,
    );
    // task 4: beyond the observed range (the highest logged launch is 28)
    const d = simulate(D);
    expect(D.vy).toBeGreaterThan(Math.max(A.vy, B.vy, C.vy));
    expect(contacts(d).map((r) => [r.t, r.x, r.vy, r.vx])).toEqual([[29, 261, 22, 8], [50, 429, 14, 7], [63, 520, 6, 6], [68, 550, 0, 5]]);
    expect(task(raw, 'high-throw').reference).toContain(
      `APEX: ${apex(d)}\nCONTACTS: ${contacts(d).length}\nASLEEP: t=${asleep(d).t} x=${asleep(d).x}`,
    );
    expect(apex(d)).toBe(210);
  });

  it('the wrong answers are what the traps produce', () => {
    const w = (id: string) => task(raw, id).wrong!.map((x) => x.answer).join('\n');
    // 0.6 restitution for throw C's ticks 21-26 and for throw D
    const c06 = simulate(C, v06).slice(21, 27).map((r) => [r.t, r.x, r.y, r.vx, r.vy].join(' ')).join('\n');
    expect(w('next-ticks')).toContain(c06);
    const d06 = simulate(D, v06);
    expect(w('high-throw')).toContain(`CONTACTS: ${contacts(d06).length}\nASLEEP: t=${asleep(d06).t} x=${asleep(d06).x}`);
    // textbook kinematics
    expect((D.vy * D.vy) / (2 * 2)).toBe(225);
    for (const t of [21, 22, 23]) expect(w('next-ticks')).toContain(`y(${t}) = ${24 * t - t * t}`);
    // the 0.6 rule on the two cases of task 1
    expect(w('contact-rule')).toContain(`CASE 1: vy=${v06(-30, 5).vy} vx=5\nCASE 2: vy=${v06(-4, 2).vy} vx=2`);
  });
});
