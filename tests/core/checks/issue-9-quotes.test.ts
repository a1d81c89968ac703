// Every answer quoted in issue 9 ("Grading you can trust"), graded through the app's grading code
// against the bundled task it comes from (scenarios/*.yaml, loaded by the app's loader), one test
// per quote. Where the bundled task has changed since the issue was written (its prompt now asks
// for labelled final lines), the quote is graded as written AND in the nearest faithful form - the
// same words put on the line the task asks for - and the comment says so.
// Each answer is otherwise correct and complete, so a failure is the quoted part's doing.
import { describe, expect, it } from 'vitest';
import { gradeByChecks } from '../../../src/core/grading/grade.js';
import type { Scenario, Task } from '../../../src/core/scenario/schema.js';
import { loadBundled, task } from '../../scenarios/answer-key.js';

const ids = ['caldmoor-mooring-permit', 'embercap-afterglow', 'lanyu-customs-code', 'qv20-vitrifier-recovery', 'sorrel-language', 'tessel-fever-protocol', 'tidewater-rulebook', 'tumbler-bounce-log'];
const bundled = new Map<string, Scenario>();
for (const id of ids) bundled.set(id, await loadBundled(id));

function bundledTask(scenario: string, id: string): Task {
  return task(bundled.get(scenario)!, id);
}

interface Graded {
  /** Item text -> reason, for the items that failed. */
  failed: Map<string, string>;
  reasons: string[];
}

function grade(scenario: string, taskId: string, answer: string): Graded {
  const t = bundledTask(scenario, taskId);
  const verdicts = gradeByChecks(t, answer);
  const failed = new Map<string, string>();
  verdicts.forEach((v, i) => {
    if (v.status === 'fail') failed.set(t.rubric[i]!.text, v.reason ?? '');
  });
  return { failed, reasons: verdicts.filter((v) => v.by === 'check').map((v) => v.reason ?? '') };
}

/** The one item whose text starts with `start` failed (and only it), with a reason containing every part. */
function expectOnlyFailure(g: Graded, start: string, ...parts: string[]): void {
  const items = [...g.failed.keys()];
  expect(items.filter((t) => !t.startsWith(start)), `other items failed: ${JSON.stringify([...g.failed])}`).toEqual([]);
  const hit = items.find((t) => t.startsWith(start));
  expect(hit, `"${start}" did not fail`).toBeDefined();
  for (const p of parts) expect(g.failed.get(hit!)).toContain(p);
}

function expectAllPass(g: Graded): void {
  expect([...g.failed]).toEqual([]);
}

// What a regular expression looks like on screen: escapes, groups, classes, /.../flags.
const REGEX_LOOK = /\\[bdswBDSWpP]|\(\?|\[\^|\[\\|\/[^\s/]{3,}\/[gimsuy]*(?:$|\s)|\bcheck: does not match\b/;
function expectPlainReasons(g: Graded): void {
  for (const r of g.reasons) {
    expect(r.length).toBeGreaterThan(0);
    expect(r).not.toMatch(REGEX_LOOK);
  }
}

describe('issue 9 - hedged answers fail', () => {
  it('"Application fee: 284, 296 or 314 crowns" (caldmoor fee)', () => {
    // As quoted: the task now asks for a FEE: line, and an answer without one fails the fee item.
    const asQuoted = grade('caldmoor-mooring-permit', 'fee', 'Application fee: 284, 296 or 314 crowns\nDOCUMENTS: hull certificate, proof of insurance, MW-3, MW-4');
    expectOnlyFailure(asQuoted, 'States that the application fee is 296', 'no FEE: line');
    // Nearest faithful form: the same hedge on the FEE line the prompt asks for.
    const onLine = grade('caldmoor-mooring-permit', 'fee', 'FEE: 284, 296 or 314 crowns\nDOCUMENTS: hull certificate, proof of insurance, MW-3, MW-4');
    expectOnlyFailure(onLine, 'States that the application fee is 296', 'gives 284, 296 and 314 for the application fee; expected one value: 296');
    expectPlainReasons(onLine);
  });

  it('"QUARTER: 6 (or 4)" (embercap decay-law)', () => {
    const g = grade('embercap-afterglow', 'decay-law', 'HALF: 2\nQUARTER: 6 (or 4)\nEIGHTH: 14\nLAW: G(t) = 960 / (t + 2)');
    expectOnlyFailure(g, 'States "QUARTER: 6"', 'the QUARTER line gives 6 and 4', 'expected one value: 6');
    expectPlainReasons(g);
  });

  it('"CONTACTS: 3 (4 if the resting touch counts)" (tumbler coming-to-rest)', () => {
    const g = grade('tumbler-bounce-log', 'coming-to-rest', 'CONTACTS: 3 (4 if the resting touch counts)\nRESTING FROM: 45\nASLEEP: t=49 x=292');
    expectOnlyFailure(g, 'States "CONTACTS: 3"', 'the CONTACTS line gives 3 and 4');
    expectPlainReasons(g);
  });

  it('"Settle 22 or 24 min; RESUME at 09:38 or 09:40" (qv20 bath-overshoot)', () => {
    // As quoted (no labelled lines): every labelled item fails.
    const asQuoted = grade('qv20-vitrifier-recovery', 'bath-overshoot', 'No power cycle, LIFT into the airlock. Settle 22 or 24 min; RESUME at 09:38 or 09:40.');
    expect([...asQuoted.failed.keys()].some((t) => t.startsWith('States that the settle time is 24'))).toBe(true);
    expect([...asQuoted.failed.keys()].some((t) => t.startsWith('States that the earliest time to press RESUME'))).toBe(true);
    // Nearest faithful form: the same hedges on the SETTLE and RESUME AT lines.
    const g = grade('qv20-vitrifier-recovery', 'bath-overshoot', 'POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 22 or 24 min\nRESUME AT: 09:38 or 09:40');
    expect(g.failed.get('States that the settle time is 24 minutes.')).toContain('the SETTLE line gives 22 and 24 min for the settle time; expected one value: 24 min');
    expect(g.failed.get('States that the earliest time to press RESUME is 09:40.')).toContain('the RESUME AT line gives 09:38 and 09:40 for the earliest RESUME time; expected one value: 09:40');
    expect(g.failed.size).toBe(2);
    expectPlainReasons(g);
  });

  it('"应纳关税1,934或2,256澜元" (lanyu textile-duty)', () => {
    const lines = (duty: string) => `完税价格：21,480.00澜元\n适用税率：9%\n${duty}`;
    // As quoted, with 为-less wording: "应纳关税1,934..." has no separator, so it is no 应纳关税 line.
    const asQuoted = grade('lanyu-customs-code', 'textile-duty', lines('应纳关税1,934或2,256澜元'));
    expectOnlyFailure(asQuoted, '说明应纳关税为1,934澜元');
    const g = grade('lanyu-customs-code', 'textile-duty', lines('应纳关税：1,934或2,256澜元'));
    expectOnlyFailure(g, '说明应纳关税为1,934澜元', '1,934 and 2,256', 'expected one value: 1934');
    expectPlainReasons(g);
  });

  it('writing every candidate does not solve the bundled scenarios: each hedged reference fails', () => {
    // The issue's claim, "writing every candidate solves the bundled scenarios end to end", tried
    // on every labelled number line of every bundled reference: adding "or <another value>" fails the item.
    let tried = 0;
    for (const s of bundled.values()) {
      for (const t of s.tasks) {
        if (!t.reference) continue;
        t.rubric.forEach((item, i) => {
          const check = item.check;
          if (check?.type !== 'number' || !check.label) return;
          // the last line the label starts (the final answer; the reasoning may start lines with it too)
          const re = new RegExp(`^\\s*${check.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:：][^\\n]*$`, 'gim');
          const last = [...t.reference!.matchAll(re)].pop();
          if (!last) return;
          const other = check.value === 0 ? 1 : check.value * 2;
          const end = last.index + last[0].length;
          const hedged = `${t.reference!.slice(0, end)} or ${other}${t.reference!.slice(end)}`;
          const v = gradeByChecks(t, hedged)[i]!;
          expect(v.status, `${s.id}/${t.id} ${check.label}: ${hedged.split('\n').find((l) => l.includes(` or ${other}`))}`).toBe('fail');
          tried++;
        });
      }
    }
    expect(tried).toBeGreaterThan(20);
  });
});

describe('issue 9 - trap answers fail', () => {
  it('"... LOCKOUT ... reservoir 132 mL (it would be 92 mL had the third been purged)" (qv20 bubbles)', () => {
    const quote = '10:50 is the third E104 within 8 h: LOCKOUT ... reservoir 132 mL (it would be 92 mL had the third been purged)';
    // As quoted: no labelled lines, so nothing is credited.
    const asQuoted = grade('qv20-vitrifier-recovery', 'bubbles', quote);
    expect(asQuoted.failed.get(bundledTask('qv20-vitrifier-recovery', 'bubbles').rubric[3]!.text)).toBeDefined();
    // Nearest faithful form: the same trap on the labelled lines, the 92 mL only as a hypothetical.
    const g = grade('qv20-vitrifier-recovery', 'bubbles', `${quote}\nFIRST: RECOVER\nSECOND: RECOVER\nTHIRD: LOCKOUT\nRESERVOIR: 132 mL (it would be 92 mL had the third been purged)`);
    expect(g.failed.get('States that the 10:50 occurrence (the third E104, but the first on channel 5) is recovered too - no LOCKOUT.')).toContain('LOCKOUT');
    const reservoir = [...g.failed].find(([t]) => t.startsWith('States that the reservoir reads 92 mL'));
    expect(reservoir?.[1]).toContain('132');
    expectPlainReasons(g);
  });

  it('"Do not use LIFT or the airlock - open the lid." (qv20 bath-overshoot)', () => {
    const g = grade('qv20-vitrifier-recovery', 'bath-overshoot', 'POWER CYCLE: NO\nRACK OUT: Do not use LIFT or the airlock - open the lid.\nSETTLE: 24 min\nRESUME AT: 09:40');
    expect(g.failed.get('States that the rack is taken out with LIFT into the airlock (and moved to the transfer dewar).')).toContain('only in a denied clause');
    // and opening the lid fails the lid item too
    expect(g.failed.get('Does not take the rack out through the lid while the lamp is green.')).toContain('lid');
    expect(g.failed.size).toBe(2);
    expectPlainReasons(g);
  });

  it('the Lanyu gift-set trap written naturally: each part\'s class listed, then the set by the highest rate (lanyu gift-set)', () => {
    const reasoning =
      '茶叶属第09类，税率6%；糖果属第06类，税率30%；陶瓷杯属第07类，税率10%。\n依判例2019-甲-3，成套货物整套按适用税率最高的组成部分归类，即糖果，整套归入第06类，适用30%的税率。';
    const asQuoted = grade('lanyu-customs-code', 'gift-set', reasoning);
    expect(asQuoted.failed.get('说明整套礼盒归入第07类（陶瓷及玻璃制品）。')).toBeDefined();
    expect(asQuoted.failed.get('说明适用税率为10%。')).toBeDefined();
    // with the labelled lines the prompt asks for
    const g = grade('lanyu-customs-code', 'gift-set', `${reasoning}\n类别：第06类\n税率：30%`);
    expect(g.failed.get('说明整套礼盒归入第07类（陶瓷及玻璃制品）。')).toContain('06');
    expect(g.failed.get('说明适用税率为10%。')).toContain('30%');
    expectPlainReasons(g);
  });

  it('"MW-3 and MW-4 are not needed" (caldmoor fee)', () => {
    const g = grade('caldmoor-mooring-permit', 'fee', 'FEE: 296 crowns\nDOCUMENTS: hull certificate and proof of insurance; MW-3 and MW-4 are not needed');
    expect(g.failed.get('Names the waste-water plan (MW-3) among the documents.')).toContain('only to deny or set it aside');
    expect(g.failed.get('Names the appearance statement (MW-4) among the documents.')).toContain('only to deny or set it aside');
    expect(g.failed.size).toBe(2);
    expectPlainReasons(g);
  });
});

describe('issue 9 - correct answers in other wordings pass', () => {
  it('"**HALF:** 2" - bold labels (embercap decay-law)', () => {
    const g = grade('embercap-afterglow', 'decay-law', 'A1: 240 at 2 h, 120 at 6 h, 60 at 14 h.\n\n**HALF:** 2\n**QUARTER:** 6\n**EIGHTH:** 14\n**LAW:** G(t) = 960 / (t + 2)');
    expectAllPass(g);
    expectPlainReasons(g);
  });

  it('"CONTACTS: three" (tumbler coming-to-rest)', () => {
    expectAllPass(grade('tumbler-bounce-log', 'coming-to-rest', 'CONTACTS: three\nRESTING FROM: 45\nASLEEP: t=49 x=292'));
  });

  it('"CONTACTS: 3 (the third leaves vy = 0)" - a number describing something else is no rival (tumbler coming-to-rest)', () => {
    // Found misgraded after issue 9 was built: the 0 of "vy = 0" was read as a second contact count.
    expectAllPass(grade('tumbler-bounce-log', 'coming-to-rest', 'CONTACTS: 3 (the third leaves vy = 0)\nRESTING FROM: 45\nASLEEP: t=49 x=292'));
  });

  it('"Stage three" (tessel staging)', () => {
    expectAllPass(grade('tessel-fever-protocol', 'staging', 'TESS SCORE: 7\nSTAGE: Stage three'));
  });

  it('"完税价格为二万一千四百八十澜元" - Chinese numerals (lanyu textile-duty)', () => {
    // As quoted: "为" stands where the prompt's "：" would.
    const g = grade('lanyu-customs-code', 'textile-duty', '完税价格为二万一千四百八十澜元\n适用税率：9%\n应纳关税：1,934澜元');
    expectAllPass(g);
    expect(g.reasons[0]).toContain('二万一千四百八十');
    expectAllPass(grade('lanyu-customs-code', 'textile-duty', '完税价格：二万一千四百八十澜元\n适用税率：百分之九\n应纳关税：一千九百三十四澜元'));
  });

  it('"约2.148万" - an amount in 万 (lanyu textile-duty)', () => {
    expectAllPass(grade('lanyu-customs-code', 'textile-duty', '完税价格：约2.148万澜元\n适用税率：9%\n应纳关税：1934澜元'));
  });

  it('"0.75 g" for 750 mg (tessel trough)', () => {
    expectAllPass(grade('tessel-fever-protocol', 'trough', 'TROUGH: 6.4 mg/L\nNEW DOSE: 0.75 g\nINTERVAL: every 8 hours\nFROM: hour 32'));
  });

  it('"12 glimmer units" (embercap long-range)', () => {
    expectAllPass(grade('embercap-afterglow', 'long-range', '960 / (78 + 2) = 12.\nGLOW AT 78 H: 12 glimmer units'));
  });

  it('"the main switch stays on" for "not power-cycled" (qv20 bath-overshoot)', () => {
    expectAllPass(grade('qv20-vitrifier-recovery', 'bath-overshoot', 'POWER CYCLE: the main switch stays on\nRACK OUT: LIFT into the airlock, then to the transfer dewar\nSETTLE: 24 min\nRESUME AT: 09:40'));
  });

  it('"(In C, zero is false; not here.)" - the trap explained (sorrel loop-and-truth)', () => {
    const answer =
      'total - 9 = 0, which is true, since only no and none are false. (In C, zero is false; not here.)\n\nAnswer:\n```\n9 -1\nzero is true\nsum=9-1 8!\n```';
    expectAllPass(grade('sorrel-language', 'loop-and-truth', answer));
    // the explanation inside the final answer block is no printed line: the equals item fails it, honestly
  });

  it('"Kalah scoring would give North 35, but ..." - the trap explained (tidewater stranded)', () => {
    const answer =
      'Kalah scoring would give North 35, but in Tidewater the shells left in pits go to the player who cannot move: 13 + 23 = 36 for South.\n' +
      'POSITION: S:0-0-0-0-0-0/36 N:0-0-0-0-0-0/12 over\nSOUTH: 36\nNORTH: 12\nWINNER: South';
    expectAllPass(grade('tidewater-rulebook', 'stranded', answer));
    // and on the line itself, the Kalah value named only to reject it
    expectAllPass(grade('tidewater-rulebook', 'stranded', answer.replace('NORTH: 12', 'NORTH: 12 (Kalah scoring would give 35, but not here)')));
  });
});

describe('issue 9 - reasons a player understands', () => {
  it('a wrong settle time: the quantity, the expectation and what the line gives, in words', () => {
    const g = grade('qv20-vitrifier-recovery', 'bath-overshoot', 'POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 22 min\nRESUME AT: 09:40');
    expect(g.failed.get('States that the settle time is 24 minutes.')).toBe('expected the settle time 24 min; the SETTLE line gives 22 min');
  });

  it('no reason on any bundled reference, accept or wrong answer shows a regular expression', () => {
    let n = 0;
    for (const s of bundled.values()) {
      for (const t of s.tasks) {
        const answers = [t.reference, ...(t.accept ?? []).map((a) => (typeof a === 'string' ? a : a.answer)), ...(t.wrong ?? []).map((w) => (typeof w === 'string' ? w : w.answer))].filter((a): a is string => !!a);
        for (const a of answers) {
          expectPlainReasons(grade(s.id, t.id, a));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(200);
  });
});
