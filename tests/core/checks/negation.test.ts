// Clause negation: whether an answer asserts a term or mentions it only to deny or set it aside.
import { describe, expect, it } from 'vitest';
import { stance } from '../../../src/core/checks/negation.js';

/** The stance of the first occurrence of `term` in `text`. */
function of(text: string, term: string): string {
  const at = text.indexOf(term);
  if (at < 0) throw new Error(`no ${term} in ${text}`);
  return stance(text, at, at + term.length);
}

describe('clause negation', () => {
  it.each([
    ['Use the airlock.', 'airlock'],
    ['Press LIFT; the rack rises into the airlock.', 'airlock'],
    ['It is not 284 but 296 crowns.', '296'],
    ['Do not power-cycle; LIFT the rack into the airlock.', 'LIFT'],
    ['If we apply 5.1, the fee is 296 crowns.', '296'],
    ['No, the fee is 296 crowns.', '296'],
    ['Use the lift, which is faster.', 'lift'],
    ['应纳关税1,934澜元。', '1,934'],
    ['不是2,221澜元，而是1,934澜元。', '1,934'],
    ['The stage is three.', 'three'],
    ['Answer: not exempt, 173 marks', '173'],
    ['The certificate did not arrive late and the period ended on 1 April.', '1 April'],
    ['It is not needed to wait for the technician before the rack goes into the airlock.', 'airlock'],
  ])('%s asserts %s', (text, term) => {
    expect(of(text, term)).toBe('asserted');
  });

  it.each([
    ['Do not use LIFT or the airlock - open the lid.', 'LIFT'],
    ['Do not use LIFT or the airlock - open the lid.', 'airlock'],
    ['Stage II is wrong here.', 'Stage II'],
    ['not 52 mL', '52 mL'],
    ['never power-cycle it', 'power-cycle'],
    ['It prints "zero is true" (In C, zero is false; not here.)', 'zero is false'],
    ['B would be the C answer, but here A holds.', 'B'],
    ['MW-3 and MW-4 are not needed', 'MW-3'],
    ['CHARGE: 26 min (25 min is not enough)', '25 min'],
    ['ACTION: LOCKOUT (no purge)', 'purge'],
    ['应纳关税不是2,221澜元', '2,221'],
    ['按旧税率计算的68澜元是错误的', '68澜元'],
    ['Without the surcharge it is 261.', 'surcharge'],
  ])('%s denies %s', (text, term) => {
    expect(of(text, term)).toBe('negated');
  });

  it.each([
    ['Kalah scoring would give North 35, but here South wins.', '35'],
    ['reservoir 132 mL (it would be 92 mL had the third been purged)', '92 mL'],
    ['Had we read it as mg/L we would wrongly cut to 450 mg.', '450 mg'],
    ['The textbook formula gives 225 ms.', '225'],
    ['如果按旧规则计算税额是2,074澜元', '2,074'],
    ['If the tank held 92 mL it would stop', '92 mL'],
  ])('%s sets %s aside', (text, term) => {
    expect(of(text, term)).not.toBe('asserted');
  });
});

describe('double negatives and look-alike characters (zh), two answers joined by "or" (en)', () => {
  it.each([
    ['第07类不因糖果而不适用', '第07类'],
    ['整套归入第07类，不因糖果而不适用。', '第07类'],
    ['第07类不是错误的', '第07类'],
    ['茶叶和糖果分别属第09类和第06类', '第09类'],
    ['类别第07类', '第07类'],
    ['特别是第07类', '第07类'],
    ['核对无误第07类', '第07类'],
    ['非常明确：第07类', '第07类'],
    ['POWER CYCLE NO or YES', 'YES'],
  ])('%s asserts %s', (text, term) => {
    expect(of(text, term)).toBe('asserted');
  });

  it.each([
    ['第06类不适用', '第06类'],
    ['别按第06类归类', '第06类'],
    ['非第06类', '第06类'],
    ['误归入第06类', '第06类'],
    ['There is no LIFT here.', 'LIFT'],
  ])('%s denies %s', (text, term) => {
    expect(of(text, term)).toBe('negated');
  });

  it('a hypothetical rejected outright ("would give 35, but not here") is denied, not only set aside', () => {
    expect(of('Kalah scoring would give 35, but not here', '35')).toBe('negated');
    expect(of('it would be 92 mL had the third been purged', '92')).toBe('hypothetical');
  });
});
