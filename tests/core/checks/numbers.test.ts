import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../src/core/checks/numbers.js';

const values = (t: string) => extractNumbers(t).map((m) => m.value);

describe('extractNumbers', () => {
  it.each([
    ['The total is 2,100 L.', [2100]],
    ['2 100 litres', [2100]],
    ['2\u00A0100 L', [2100]],
    ['2\u2009100 L', [2100]],
    ['2\u202F100 L', [2100]],
    ["1'250 CHF", [1250]],
    ['1,250.50 dollars', [1250.5]],
    ['1.250,5 EUR', [1250.5]],
    ['12 345,67 €', [12345.67]],
    ['1.250.000 people', [1250000]],
    ['1.250 kg', [1.25]],
    ['3,5 kg', [3.5]],
    ['-3.5', [-3.5]],
    ['it is \u22123.5 degrees', [-3.5]],
    ['x = -.5', [-0.5]],
    ['+7', [7]],
    ['2.1e3', [2100]],
    ['2.1E+3 units', [2100]],
    ['6.02e-1', [0.602]],
    ['2.1 × 10^3', [2100]],
    ['2.1x10^(3)', [2100]],
    ['2.1×10³ m', [2100]],
    ['10^3', [1000]],
    ['１２ 個', [12]],
    ['１，２５０', [1250]],
    ['٣٤', [34]],
    ['21000', [21000]],
    ['0.45', [0.45]],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('marks percentages', () => {
    const [a, b, c] = extractNumbers('45% then 12 percent and 3 %');
    expect([a!.value, a!.percent, a!.text]).toEqual([45, true, '45%']);
    expect([b!.value, b!.percent]).toEqual([12, true]);
    expect([c!.value, c!.percent]).toEqual([3, true]);
    expect(extractNumbers('４５％')[0]).toMatchObject({ value: 45, percent: true });
  });

  it('keeps lists, dates, ranges and versions apart', () => {
    expect(values('1,2,3')).toEqual([1, 2, 3]);
    expect(values('2024-01-05')).toEqual([2024, 1, 5]);
    expect(values('10 - 3')).toEqual([10, 3]);
    expect(values('10–12 litres')).toEqual([10, 12]);
    expect(values('from 5 to -3')).toEqual([5, -3]);
    expect(values('temperatures 5, -3, -7')).toEqual([5, -3, -7]);
    expect(values('  21   147    42    7  -18')).toEqual([21, 147, 42, 7, -18]);
    expect(values('COVID-19')).toEqual([19]);
    expect(values('v1.2.3')).toEqual([1, 2, 3]);
    expect(values('in 2024 100 people')).toEqual([2024, 100]);
    expect(values('12:30')).toEqual([12, 30]);
  });

  it('does not read superscripts and sentence ends as numbers', () => {
    expect(values('an area of 4 m²')).toEqual([4]);
    expect(values('It is 14.')).toEqual([14]);
    expect(values('no numbers here')).toEqual([]);
  });

  it('keeps other readings of ambiguous tokens', () => {
    expect(extractNumbers('2 100')[0]!.alternatives).toEqual([2, 100]);
    expect(extractNumbers('3,5')[0]!.alternatives).toEqual([3, 5]);
    expect(extractNumbers('2,100')[0]!.alternatives).toEqual([]);
    expect(extractNumbers('2\u2009100')[0]!.alternatives).toEqual([]);
  });

  it('reports the text as written, sign and unit included', () => {
    expect(extractNumbers('pay -$5 now').map((m) => m.text)).toEqual(['-$5']);
    expect(extractNumbers('is −3.5').map((m) => m.text)).toEqual(['−3.5']);
    expect(extractNumbers('A: 2,100 L').map((m) => m.text)).toEqual(['2,100']);
  });

  it('finds every number in a long text', () => {
    const text = 'The levy is 1,250.50 marks; the total is 2 100 L. '.repeat(6000);
    expect(extractNumbers(text)).toHaveLength(12000);
  });
});
