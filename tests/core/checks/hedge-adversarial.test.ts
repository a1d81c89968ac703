// Adversarial answers to four bundled tasks: hedges in other forms ("either X or Y", "X/Y",
// "X, possibly Y", a two-row table, a reversal after the final lines, 或/或者/也可能) must fail;
// correct rewordings (a table, "or so", working or a rejected value in parentheses, 为 for ：)
// must pass. Graded through the app's grading code against the tasks as bundled.
import { describe, expect, it } from 'vitest';
import { gradeByChecks } from '../../../src/core/grading/grade.js';
import { loadBundled, task } from '../../scenarios/answer-key.js';

const F = 'caldmoor-mooring-permit', Q = 'qv20-vitrifier-recovery', L = 'lanyu-customs-code', T = 'tumbler-bounce-log', E='embercap-afterglow';
const D = 'DOCUMENTS: hull certificate, insurance, MW-3, MW-4';
const cases: [string, string, string, boolean][] = [
  [F, 'fee', `FEE: either 284 or 296 crowns\n${D}`, false],
  [F, 'fee', `FEE: 284/296 crowns\n${D}`, false],
  [F, 'fee', `FEE: 296 crowns, possibly 314\n${D}`, false],
  [F, 'fee', `FEE: 296 crowns (possibly 314)\n${D}`, false],
  [F, 'fee', `| FEE | 296 |\n| FEE | 314 |\n${D}`, false],
  [F, 'fee', `FEE: 296\nFEE: 314\n${D}`, false],
  [F, 'fee', `FEE: 296\n${D}\nSo 296. Actually 314.`, false],
  [F, 'fee', `FEE: 296\n${D}\nActually, FEE: 314`, false],
  [F, 'fee', `FEE: 296 crowns\n${D}\n\nOn reflection the surcharge comes first, so the fee is 314.`, false],
  [F, 'fee', `FEE: 296 crowns or so\n${D}`, true],
  [F, 'fee', `FEE: 296 crowns (174 x 1.5 + 35)\n${D}`, true],
  [F, 'fee', `FEE: CR 296\n${D}`, true],
  [F, 'fee', `FEE: 296.00 crowns\n${D}`, true],
  [F, 'fee', `FEE: 296 crowns (not 284 or 314)\n${D}`, true],
  [F, 'fee', `| Label | Value |\n|---|---|\n| FEE | 296 crowns |\n| DOCUMENTS | hull certificate, insurance, MW-3, MW-4 |`, true],
  [F, 'fee', `FEE = 296 crowns\n${D}`, true],
  [F, 'fee', `FEE: 296 crowns (rather than 314)\n${D}`, true],
  [F, 'fee', `FEE: 296 crowns, not 314\n${D}`, true],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 24 min, possibly 22\nRESUME AT: 09:40`, false],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 22/24 min\nRESUME AT: 09:40`, false],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 24 min\nRESUME AT: 09:40 or 09:38`, false],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 24 min\nRESUME AT: 09:40 (09:38 if counted from the code)`, false],
  [Q, 'bath-overshoot', `POWER CYCLE: NO or YES\nRACK OUT: LIFT into the airlock\nSETTLE: 24 min\nRESUME AT: 09:40`, false],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock, or open the lid\nSETTLE: 24 min\nRESUME AT: 09:40`, false],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: twenty-four minutes\nRESUME AT: 9.40`, true],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 24 min (6 x 4)\nRESUME AT: 09:40 (09:16 + 24 min)`, true],
  [Q, 'bath-overshoot', `POWER CYCLE: NO\nRACK OUT: LIFT into the airlock\nSETTLE: 24 min\nRESUME AT: 09:40\n\nSo 24. Actually 22.`, false],
  [L, 'textile-duty', `完税价格：21,480.00澜元\n适用税率：9%\n应纳关税：1,934澜元或者1,933澜元`, false],
  [L, 'textile-duty', `完税价格：21,480.00澜元\n适用税率：9%\n应纳关税：1,934澜元，也可能是1,933澜元`, false],
  [L, 'textile-duty', `完税价格：21,480.00澜元\n适用税率：9%或15%\n应纳关税：1,934澜元`, false],
  [L, 'textile-duty', `完税价格：21,480.00澜元\n适用税率：9%\n应纳关税：1,934澜元（也可能1,933）`, false],
  [L, 'textile-duty', `完税价格：21,480.00澜元\n适用税率：9%\n应纳关税：1,934/1,933澜元`, false],
  [L, 'textile-duty', `完税价格：21,480.00澜元\n适用税率：9%\n应纳关税：1,934澜元\n不过也可能是1,933澜元。`, false],
  [L, 'textile-duty', `完税价格：21,480.00澜元\n适用税率：9%\n应纳关税：一千九百三十四澜元（不是1,933）`, true],
  [L, 'textile-duty', `完税价格为21480澜元\n适用税率为9%\n应纳关税为1934澜元`, true],
  [L, 'gift-set', `类别：第07类或第06类\n税率：10%`, false],
  [L, 'gift-set', `类别：第07类\n税率：10%或者30%`, false],
  [L, 'gift-set', `类别：第07类（不因糖果而不适用）\n税率：10%`, true],
  [L, 'gift-set', `整套按陶瓷杯归类，第07类不因糖果而不适用。\n类别：第七类\n税率：10%`, true],
  [L, 'gift-set', `类别：第07类，从高原则不适用\n税率：10%`, true],
  [T, 'coming-to-rest', `CONTACTS: 3 or 4\nRESTING FROM: 45\nASLEEP: t=49 x=292`, false],
  [T, 'coming-to-rest', `CONTACTS: 3/4\nRESTING FROM: 45\nASLEEP: t=49 x=292`, false],
  [T, 'coming-to-rest', `CONTACTS: 3, possibly 4\nRESTING FROM: 45\nASLEEP: t=49 x=292`, false],
  [T, 'coming-to-rest', `CONTACTS: 3 (could be 4)\nRESTING FROM: 45\nASLEEP: t=49 x=292`, false],
  [T, 'coming-to-rest', `CONTACTS: 3 (at ticks 23, 38 and 45)\nRESTING FROM: 45\nASLEEP: t=49 x=292`, true],
  [T, 'coming-to-rest', `CONTACTS: 3 (4)\nRESTING FROM: 45\nASLEEP: t=49 x=292`, false],
  [T, 'coming-to-rest', `CONTACTS: 3\nRESTING FROM: 45\nASLEEP: t=49 x=292 or t=50 x=292`, false],
  [T, 'coming-to-rest', `CONTACTS: 3\nRESTING FROM: 45 or 46\nASLEEP: t=49 x=292`, false],
  [E, 'decay-law', `HALF: 2\nQUARTER: 6 h or 4 h\nEIGHTH: 14\nLAW: G(t) = 960 / (t + 2)`, false],
  [E, 'decay-law', `HALF: 2\nQUARTER: 6\nEIGHTH: 14 (or 6 with a fixed half-life)\nLAW: G(t) = 960 / (t + 2)`, false],
  [E, 'decay-law', `HALF: 2 hours\nQUARTER: six hours\nEIGHTH: 14 h\nLAW: G(t) = 960/(t+2)`, true],
];
describe('hedges in other forms fail; correct rewordings pass', () => {
  it.each(cases.map(([s, t, a, want]) => ({ s, t, a, want, name: `${want ? 'passes' : 'fails'}: ${s}/${t} ${a.replace(/\n/g, ' | ')}` })))('$name', async ({ s, t, a, want }) => {
    const tk = task(await loadBundled(s), t);
    const fails = gradeByChecks(tk, a)
      .map((v, i) => (v.status === 'fail' ? `${tk.rubric[i]!.text} -> ${v.reason}` : ''))
      .filter(Boolean);
    if (want) expect(fails).toEqual([]);
    else expect(fails.length).toBeGreaterThan(0);
  });
});

it('a reversal after the final lines is named in the reason', async () => {
  const tk = task(await loadBundled('caldmoor-mooring-permit'), 'fee');
  const [fee] = gradeByChecks(tk, 'FEE: 296 crowns\nDOCUMENTS: hull certificate, insurance, MW-3, MW-4\n\nSo 296. Actually 314.');
  expect(fee!.reason).toBe('the FEE line gives 296 for the application fee, but the answer then revises it: "Actually 314."; expected one value: 296');
});
