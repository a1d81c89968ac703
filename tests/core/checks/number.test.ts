import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/checks/index.js';

const num = (value: number, extra: { tolerance?: number; relTolerance?: number } = {}) => ({ type: 'number' as const, value, ...extra });

describe('number check', () => {
  it.each([
    ['The total transfer volume is 2,100 L.'],
    ['2 100 L'],
    ['2\u202F100 L'],
    ['about 2.1e3 litres'],
    ['2.1 × 10³ L'],
    ['総量は２１００リットル'],
    ['总量为2100升。'],
    ['Answer: 2100'],
  ])('2100 passes for %j', (answer) => {
    expect(runCheck(num(2100), answer).pass).toBe(true);
  });

  it.each([['21000 L'], ['210 L'], ['2,100.5 L'], ['2.1 L'], ['2,1 L'], ['no idea']])('2100 fails for %j', (answer) => {
    expect(runCheck(num(2100), answer).pass).toBe(false);
  });

  it('reads negative numbers with any minus', () => {
    expect(runCheck(num(-3.5), 'It drops to -3.5 °C').pass).toBe(true);
    expect(runCheck(num(-3.5), 'It drops to \u22123.5 °C').pass).toBe(true);
    expect(runCheck(num(-3.5), 'It drops to 3.5 °C').pass).toBe(false);
    expect(runCheck(num(-3.5), 'from 10 - 3.5').pass).toBe(false);
  });

  it('reads full-width digits', () => {
    expect(runCheck(num(12), '答えは１２です').pass).toBe(true);
    expect(runCheck(num(12.5), '１２．５').pass).toBe(true);
  });

  it('matches a percentage as the number and as a fraction', () => {
    expect(runCheck(num(45), 'The share is 45%.').pass).toBe(true);
    expect(runCheck(num(0.45), 'The share is 45%.').pass).toBe(true);
    expect(runCheck(num(0.45), 'The share is 45.').pass).toBe(false);
    expect(runCheck(num(45), 'The share is 0.45.').pass).toBe(false);
  });

  it('applies absolute tolerance at its edges', () => {
    const check = num(14, { tolerance: 0.5 });
    expect(runCheck(check, '13.5').pass).toBe(true);
    expect(runCheck(check, '14.5').pass).toBe(true);
    expect(runCheck(check, '14.51').pass).toBe(false);
    expect(runCheck(check, '13.49').pass).toBe(false);
  });

  it('applies relative tolerance, and the wider of both', () => {
    expect(runCheck(num(200, { relTolerance: 0.05 }), '210').pass).toBe(true);
    expect(runCheck(num(200, { relTolerance: 0.05 }), '210.5').pass).toBe(false);
    expect(runCheck(num(-200, { relTolerance: 0.05 }), '-190').pass).toBe(true);
    expect(runCheck(num(200, { tolerance: 1, relTolerance: 0.05 }), '209').pass).toBe(true);
  });

  it('tolerates float noise without a tolerance', () => {
    expect(runCheck(num(0.3), '0.30').pass).toBe(true);
    expect(runCheck(num(81), '81.0 marks').pass).toBe(true);
    expect(runCheck(num(81), '80.99 marks').pass).toBe(false);
  });

  it('passes when ANY number matches', () => {
    expect(runCheck(num(81), 'Art. 2 gives 80.5, rounded up per Art. 5 to 81 marks').pass).toBe(true);
  });

  it('says what it expected and what the answer gives', () => {
    expect(runCheck(num(14, { tolerance: 0.5 }), 'I get 12, or 3.5 on the side').reason).toBe(
      'expected the value 14 (+/-0.5); the answer gives 12 and 3.5',
    );
    expect(runCheck(num(14, { relTolerance: 0.05 }), 'one').reason).toBe('expected the value 14 (+/-5%); the answer gives one');
    expect(runCheck(num(14, { relTolerance: 0.05 }), 'none').reason).toBe('expected the value 14 (+/-5%); the answer gives no number');
    expect(runCheck(num(2100), 'It is 2,100 L').reason).toBe('the answer gives the value as 2,100 (expected 2100)');
    expect(runCheck(num(1), '2 3 4 5 6 7').reason).toBe('expected the value 1; the answer gives 2, 3, 4, 5 and 2 more');
  });
});

describe('number check: units and one value per question', () => {
  const mg = { type: 'number' as const, value: 750, unit: 'mg' };
  it.each([
    ['0.75 g', true],
    ['750 mg', true],
    ['750 milligrams', true],
    ['0,75 g', true],
    ['750毫克', true],
    ['7.5 g', false],
    ['750 mL', false],
  ])('unit mg: %s -> %s', (answer, ok) => {
    expect(runCheck(mg, `Dose: ${answer}.`).pass).toBe(ok);
  });

  it('declared aliases name the same unit; numbers in other units are other quantities', () => {
    const gu = { type: 'number' as const, value: 12, unit: { name: 'gu', aliases: ['glimmer units'] } };
    expect(runCheck(gu, 'At 78 h: 12 glimmer units after 80 h of decay').pass).toBe(true);
    expect(runCheck(gu, 'GLOW AT 78 H: 12 gu (or practically 0 with a 2-hour half-life)').pass).toBe(false);
  });

  it('fails a hedge but not reasoning that mentions other numbers', () => {
    expect(runCheck(num(296), '174 x 1.5 = 261; + 35 = 296 crowns.').pass).toBe(true);
    expect(runCheck(num(296), 'The fee is 296 (261 + 35) crowns.').pass).toBe(true);
    expect(runCheck(num(296), 'The fee is 296 or 314 crowns.').pass).toBe(false);
    expect(runCheck(num(296), 'The fee is 284-296 crowns.').pass).toBe(false);
    expect(runCheck(num(296), 'The fee is 296 crowns, not 314.').pass).toBe(true);
    expect(runCheck(num(296), 'Increase by 25% to 296 crowns').pass).toBe(true);
    expect(runCheck(num(24), 'The settle time is between 22 and 24 minutes.').pass).toBe(false);
    expect(runCheck(num(24), 'Settle: 6 x 4 and 24 minutes from 09:16.').pass).toBe(true);
  });

  it('a labelled line may show its working in parentheses, but not an alternative', () => {
    const labels = { labels: ['FEE', 'SETTLE', 'RESUME AT'] };
    const fee = { type: 'number' as const, label: 'FEE', value: 296 };
    expect(runCheck(fee, 'FEE: 296 crowns (174 x 1.5 + 35)', labels).pass).toBe(true);
    expect(runCheck(fee, 'FEE: 296 crowns (or 284)', labels).pass).toBe(false);
    expect(runCheck(fee, 'FEE: 296 crowns (284 if the surcharge comes first)', labels).pass).toBe(false);
    expect(runCheck({ type: 'number', label: 'SETTLE', value: 24, unit: 'min' }, 'SETTLE: 24 minutes (6 x 4 min)', labels).pass).toBe(true);
    const resume = { type: 'regex' as const, label: 'RESUME AT', capture: '(\\d{1,2}:\\d{2})', expect: '09:40' };
    expect(runCheck(resume, 'RESUME AT: 09:40 (09:16 + 24 min)', labels).pass).toBe(true);
    expect(runCheck(resume, 'RESUME AT: 09:40 (or 09:38)', labels).pass).toBe(false);
    // a parenthesis that restates the quantity another way is a rival, not working
    const apex = { type: 'number' as const, label: 'APEX', value: 210 };
    expect(runCheck(apex, 'APEX: 210 (225 by v^2/2g)', { labels: ['APEX'] }).pass).toBe(false);
    const vy = { type: 'regex' as const, label: 'CASE 1', capture: 'vy\\s*[=:]?\\s*(?P<value>-?\\d+)', expect: 24 };
    expect(runCheck(vy, 'CASE 1: vy=24 vx=4 (vy=15 vx=5 under section 3.3)', { labels: ['CASE 1'] }).pass).toBe(false);
  });

  it('on an answer line, a value offered under a condition is an alternative', () => {
    const considered = { type: 'regex' as const, label: 'CONSIDERED', capture: '(?i)(?P<value>yes|no)\\b', expect: 'YES' };
    const labels = { labels: ['CONSIDERED'] };
    expect(runCheck(considered, 'CONSIDERED: YES, but only if B.4 applies; otherwise NO', labels).pass).toBe(false);
    expect(runCheck(considered, 'CONSIDERED: YES (not NO: B.4 applies)', labels).pass).toBe(true);
    expect(runCheck({ type: 'number', label: 'QUARTER', value: 6 }, 'QUARTER: 6, otherwise 4', { labels: ['QUARTER'] }).pass).toBe(false);
  });
});
