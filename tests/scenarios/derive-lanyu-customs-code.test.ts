// Derives the answer key of scenarios/lanyu-customs-code.yaml (written in Chinese) from the rules
// of the invented customs code, implemented here as code: dutiable value (goods + half the
// freight, no insurance, departure-month rate), the Northern Ring preference (base rate halved,
// the Q4 textile surcharge not), the 72-hour transshipment precedent, per-line rounding up, the
// declaration deadline without festival days, the late-declaration fee, set classification with
// its 10% exception, and the de minimis rule judged on the set's classification. Every derived
// number must be the one the checks expect and the reference states; the code's own worked
// examples must follow from the same rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
type Check = { type: string; value?: number; pattern?: string; expect?: unknown; label?: string };
const scenario = parse(readFileSync(join(DIR, 'lanyu-customs-code.yaml'), 'utf8')) as {
  contextFile: string;
  tasks: { id: string; prompt: string; reference: string; rubric: { text: string; check?: Check }[] }[];
};
const code = readFileSync(join(DIR, scenario.contextFile), 'utf8').replace(/\s+/g, '');
const task = (id: string) => scenario.tasks.find((t) => t.id === id)!;
/** The reference with whitespace removed (Chinese text has no spaces that matter). */
const refOf = (id: string) => task(id).reference.replace(/\s+/g, '');
const numberChecks = (id: string) => task(id).rubric.flatMap((r) => (r.check?.type === 'number' ? [r.check.value!] : []));
/** What each regex capture check expects, by the answer line (label) it reads. */
const captureChecks = (id: string) =>
  Object.fromEntries(task(id).rubric.flatMap((r) => (r.check?.type === 'regex' && r.check.expect !== undefined ? [[r.check.label, r.check.expect]] : [])));
/** 1234.5 -> "1,234.5" as the reference writes it. */
const fmt = (n: number, decimals?: number) =>
  n.toLocaleString('en-US', decimals === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

// ---- the code as code ------------------------------------------------------------------------

/** Annex 1: ad valorem base rates in percent (category 04 also pays 40 per litre of pure alcohol). */
const RATE: Record<string, number> = { '01': 4, '02': 12, '03': 9, '04': 15, '05': 0, '06': 30, '07': 10, '08': 7, '09': 6, '10': 8 };
const SPIRIT_PER_LITRE = 40;
/** Annex 2: ring dollars to Lanyu yuan, by month of DEPARTURE (Art. 5). */
const FX: Record<string, number> = { '2024-09': 2.45, '2024-10': 2.4, '2024-11': 2.5, '2024-12': 2.35 };
/** Annex 3: festival days, not counted in the declaration period (Art. 16). */
const HOLIDAYS = new Set(['2024-01-01', '2024-11-15', '2024-11-16', '2024-11-17', '2024-12-01']);

const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;
const ceilYuan = (x: number) => Math.ceil(round2(x) - 1e-9); // Art. 13: always up

/** Art. 4-5: (goods + 50% freight) x rate of the departure month, two decimals; insurance ignored. */
function dutiableValue(goods: number, freight: number, departure: string): number {
  return round2((goods + freight * 0.5) * FX[departure.slice(0, 7)]!);
}

interface Origin { member: boolean; certificateDay?: string; arrival: string; transitHours?: number; sealed?: boolean }

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) => iso(new Date(day(s).getTime() + n * 86_400_000));
const daysBetween = (a: string, b: string) => Math.round((day(b).getTime() - day(a).getTime()) / 86_400_000);

/** Art. 8-10 and precedent 2020-B-4: does the preference apply? */
function preferential(o: Origin): boolean {
  if (!o.member || !o.certificateDay) return false;
  if (daysBetween(o.arrival, o.certificateDay) > 10) return false; // Art. 9: 10 days, arrival day not counted
  if (o.transitHours !== undefined && (o.transitHours > 72 || !o.sealed)) return false;
  return true;
}

/** Art. 7, 8, 11: the ad valorem rate in percent. */
function rate(category: string, o: Origin): number {
  let r = RATE[category]!;
  if (preferential(o)) r /= 2;
  const month = Number(o.arrival.slice(5, 7));
  if (category === '02' && month >= 10) r += 3; // Q4 surcharge, never halved
  return r;
}

/** Art. 16: last day of the 14-day period, festival days not counted, arrival day not counted. */
function declarationDeadline(arrival: string): string {
  let d = arrival;
  let counted = 0;
  while (counted < 14) {
    d = addDays(d, 1);
    if (!HOLIDAYS.has(d)) counted++;
  }
  return d;
}

/** Art. 17: 0.5% of the duty per calendar day late, rounded up, at least 20. */
function lateFee(duty: number, deadline: string, declared: string): { days: number; fee: number } {
  const days = Math.max(0, daysBetween(deadline, declared));
  return { days, fee: days === 0 ? 0 : Math.max(20, ceilYuan((duty * 0.5 * days) / 100)) };
}

/** Precedents 2019-A-3 and 2021-C-7: a retail set takes one category. */
function classifySet(parts: { category: string; price: number }[]): string {
  const total = parts.reduce((a, p) => a + p.price, 0);
  const highestRate = [...parts].sort((a, b) => RATE[b.category]! - RATE[a.category]!)[0]!;
  if (highestRate.price / total >= 0.1) return highestRate.category;
  return [...parts].sort((a, b) => b.price - a.price)[0]!.category;
}

// ---- the tasks ---------------------------------------------------------------------------------

const GIFT_SET = [
  { category: '09', price: 4.2 },
  { category: '06', price: 0.8 },
  { category: '07', price: 5.0 },
];

describe('lanyu-customs-code answer key', () => {
  // task 1
  const t1Origin: Origin = { member: true, certificateDay: '2024-11-14', arrival: '2024-11-06', transitHours: 50, sealed: true };
  const t1Value = dutiableValue(8400, 1100, '2024-10-28');
  const t1Rate = rate('02', t1Origin);
  const t1Duty = ceilYuan((t1Value * t1Rate) / 100);

  it('textile-duty: value, rate and duty', () => {
    expect(t1Value).toBe(21480);
    expect(t1Rate).toBe(9);
    expect(t1Duty).toBe(1934);
    expect(numberChecks('textile-duty')).toEqual([t1Value, t1Duty, t1Rate]);
    const ref = refOf('textile-duty');
    expect(ref).toContain(`=${fmt(t1Value, 2)}澜元`);
    expect(ref).toContain(`适用税率为${t1Rate}%`);
    expect(ref).toContain(`${fmt(t1Value, 2)}×${t1Rate}%=${fmt(round2((t1Value * t1Rate) / 100))}澜元`);
    expect(ref).toContain(`完税价格：${fmt(t1Value, 2)}澜元适用税率：${t1Rate}%应纳关税：${fmt(t1Duty)}澜元`);
    expect(ref).toContain(`至${Number(addDays(t1Origin.arrival, 10).slice(5, 7))}月${Number(addDays(t1Origin.arrival, 10).slice(8))}日`);
    // the traps the wrong answers and checks name
    expect(Math.round(((8400 + 1100 + 160) * 2.5 * 7.5) / 100)).toBe(1811); // CIF, arrival month, all halved, rounded
    expect(ceilYuan((t1Value * rate('02', { ...t1Origin, transitHours: 80 })) / 100)).toBe(3222);
  });

  // task 2
  const deadline = declarationDeadline('2024-11-06');
  const late = lateFee(t1Duty, deadline, '2024-11-27');

  it('late-declaration: deadline without festival days, days late, fee on the duty', () => {
    expect(deadline).toBe('2024-11-23');
    expect(late).toEqual({ days: 4, fee: 39 });
    // Art. 17 rounds the total fee, not each day's share (daily rounding would give 4 x 10 = 40)
    expect(code).toContain('滞报金总额以澜元计，不足1澜元的部分进为1澜元');
    expect(4 * ceilYuan((t1Duty * 0.5) / 100)).toBe(40);
    expect(numberChecks('late-declaration')).toEqual([late.days, late.fee]);
    expect(captureChecks('late-declaration')).toEqual({ 期限最后一日: Number(deadline.slice(8)) });
    const ref = refOf('late-declaration');
    expect(ref).toContain('期限最后一日为11月23日');
    expect(ref).toContain(`共${late.days}天`);
    expect(ref).toContain(`${fmt(t1Duty)}×0.5%×${late.days}=${fmt(round2((t1Duty * 0.5 * late.days) / 100))}澜元`);
    expect(ref).toContain(`为${late.fee}澜元`);
    expect(ref).toContain(`期限最后一日：11月23日滞报天数：${late.days}天滞报金：${late.fee}澜元`);
    // traps: no festival days -> 7 days, 68; fee on the value at 0.05% -> 43
    expect(lateFee(t1Duty, addDays('2024-11-06', 14), '2024-11-27').fee).toBe(68);
    expect(Math.round(t1Value * 0.0005 * 4)).toBe(43);
  });

  // task 3
  const setCategory = classifySet(GIFT_SET);

  it('gift-set: the 10% exception sends the set to the highest-value part', () => {
    expect(setCategory).toBe('07');
    expect(RATE[setCategory]).toBe(10);
    const share = GIFT_SET[1]!.price / GIFT_SET.reduce((a, p) => a + p.price, 0);
    expect(share).toBeCloseTo(0.08, 10);
    expect(refOf('gift-set')).toContain(`只占整套10.00环元的${Math.round(share * 100)}%`);
    expect(refOf('gift-set')).toContain(`归入第${setCategory}类`);
    expect(refOf('gift-set')).toContain(`适用税率为${RATE[setCategory]}%`);
    expect(refOf('gift-set')).toContain(`类别：第${setCategory}类税率：${RATE[setCategory]}%`);
    expect(captureChecks('gift-set')).toEqual({ 类别: Number(setCategory) });
    expect(numberChecks('gift-set')).toEqual([RATE[setCategory]]);
  });

  // task 4
  const t4Origin: Origin = { member: false, arrival: '2024-12-19' };
  const goods = { set: 600 * 10, textile: 2000 };
  const freightCounted = 800 * 0.5;
  const share = (g: number) => round2((freightCounted * g) / (goods.set + goods.textile)); // Art. 6
  // dutiableValue counts half the freight it is given: pass twice the line's share of the counted half
  const setValue = dutiableValue(goods.set, 2 * share(goods.set), '2024-12-02');
  const textileValue = dutiableValue(goods.textile, 2 * share(goods.textile), '2024-12-02');
  const setDuty = ceilYuan((setValue * rate(setCategory, t4Origin)) / 100);
  const textileDuty = ceilYuan((textileValue * rate('02', t4Origin)) / 100);

  it('mixed-shipment: freight shared by goods value, each line rounded up, then summed', () => {
    expect([share(goods.set), share(goods.textile)]).toEqual([300, 100]);
    expect([setValue, textileValue]).toEqual([14805, 4935]);
    expect(rate('02', t4Origin)).toBe(15);
    expect([setDuty, textileDuty]).toEqual([1481, 741]);
    expect(numberChecks('mixed-shipment')).toEqual([setValue, setDuty, textileValue, textileDuty, setDuty + textileDuty]);
    const ref = refOf('mixed-shipment');
    expect(ref).toContain(`=${fmt(setValue, 2)}澜元`);
    expect(ref).toContain(`=${fmt(textileValue, 2)}澜元`);
    expect(ref).toContain(`合计应纳关税${fmt(setDuty + textileDuty)}澜元`);
    expect(ref).toContain(
      `礼盒完税价格：${fmt(setValue, 2)}澜元礼盒税额：${fmt(setDuty)}澜元纺织品完税价格：${fmt(textileValue, 2)}澜元纺织品税额：${fmt(textileDuty)}澜元应纳关税总额：${fmt(setDuty + textileDuty)}澜元`,
    );
    // traps: rounding the total instead (2,221); the set at 30% (5,183); no Q4 surcharge (2,074)
    expect(ceilYuan((setValue * 10) / 100 + (textileValue * 15) / 100)).toBe(2221);
    expect(ceilYuan((setValue * 30) / 100) + textileDuty).toBe(5183);
    expect(setDuty + ceilYuan((textileValue * 12) / 100)).toBe(2074);
  });

  // task 5
  it('postal-parcel: de minimis judged on the whole parcel; the set exempt by its category; wine taxed', () => {
    const parcel = [
      { what: 'set', category: setCategory, value: 310 },
      { what: 'set', category: setCategory, value: 310 },
      { what: 'wine', category: '04', value: 150, litres: 0.75, abv: 0.12 },
    ];
    const total = parcel.reduce((a, p) => a + p.value, 0);
    expect(total).toBe(770);
    const excluded = (c: string) => c === '04' || c === '06';
    const underThreshold = total <= 800;
    const duty = parcel.reduce((sum, p) => {
      if (underThreshold && !excluded(p.category)) return sum; // exempt
      const adValorem = (p.value * RATE[p.category]!) / 100;
      const specific = 'litres' in p ? p.litres! * p.abv! * SPIRIT_PER_LITRE : 0;
      return sum + ceilYuan(adValorem + specific); // Art. 14: add, then round up
    }, 0);
    expect(duty).toBe(27);
    expect(numberChecks('postal-parcel')).toEqual([duty]);
    const ref = refOf('postal-parcel');
    expect(ref).toContain(`=${total}.00澜元`);
    expect(ref).toContain('150.00×15%=22.5澜元');
    expect(ref).toContain('×40=3.6澜元');
    expect(ref).toContain(`该邮包应纳关税${duty}澜元`);
    expect(ref).toContain(`礼盒：适用小额豁免果酒：不适用小额豁免应纳关税：${duty}澜元`);
    expect(captureChecks('postal-parcel')).toEqual({ 礼盒: '适用', 果酒: '不适用' });
  });

  it("the code's worked examples (appendix) follow from the same rules", () => {
    const v = dutiableValue(4000, 600, '2024-09-20');
    expect(v).toBe(10535);
    const r = rate('03', { member: true, certificateDay: '2024-10-09', arrival: '2024-10-03' });
    expect(r).toBe(4.5);
    expect(ceilYuan((v * r) / 100)).toBe(475);
    expect(code).toContain('(4,000+600×50%)×2.45=4,300×2.45=10,535.00澜元');
    expect(code).toContain('10,535.00×4.5%=474.075澜元，向上取整为475澜元');
    const spirits = (300 * RATE['04']!) / 100 + 1 * 0.4 * SPIRIT_PER_LITRE;
    expect(ceilYuan(spirits)).toBe(61);
    expect(code).toContain('45.00+16.00=61.00澜元');
  });
});
