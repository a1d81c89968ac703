// Derives the Caldmoor answer key from the Ordinance, implemented as code over the calendar and
// holidays printed in the context itself (Schedules 1 and 2): receipt, office-day and
// calendar-day periods with their three-level closure-day rule, the fee, and escalation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import { rawScenario, task } from './answer-key.js';

const ID = 'caldmoor-mooring-permit';
const raw = rawScenario(ID);
const context = readFileSync(join(BUNDLED_SCENARIOS, raw.contextFile!), 'utf8');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday']; // Schedule 2 column order

interface Day { month: number; day: number; weekday: string; holiday: boolean }

/** Schedule 2, read from the context: every printed day with its weekday column and holiday mark. */
function readCalendar(): Day[] {
  const days: Day[] = [];
  const blocks = context.split(/\*\*(\w+) 412\*\*/).slice(1);
  for (let i = 0; i < blocks.length; i += 2) {
    const month = MONTHS.indexOf(blocks[i]!);
    for (const line of blocks[i + 1]!.split('###')[0]!.split('\n')) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.length !== 7 || !cells.every((c) => /^(\d+\*?)?$/.test(c))) continue;
      cells.forEach((c, col) => {
        if (c) days.push({ month, day: Number(c.replace('*', '')), weekday: WEEKDAYS[col]!, holiday: c.endsWith('*') });
      });
    }
  }
  return days;
}

/** Schedule 1, read from the context. */
function readHolidays(): Array<{ month: number; day: number }> {
  const section = context.split('### Schedule 1')[1]!.split('### Schedule 2')[0]!;
  return [...section.matchAll(/^\|\s*(\d+) (\w+)\s*\|/gm)].map((m) => ({ day: Number(m[1]), month: MONTHS.indexOf(m[2]!) }));
}

const calendar = readCalendar();
const holidays = readHolidays();
const idx = (month: string, day: number): number => {
  const i = calendar.findIndex((d) => d.month === MONTHS.indexOf(month) && d.day === day);
  if (i < 0) throw new Error(`${day} ${month} is not in Schedule 2`);
  return i;
};
const isOffice = (i: number): boolean => {
  const d = calendar[i]!;
  return !['Sunday', 'Monday'].includes(d.weekday) && !holidays.some((h) => h.month === d.month && h.day === d.day);
};
const show = (i: number): string => `${calendar[i]!.weekday} ${calendar[i]!.day} ${MONTHS[calendar[i]!.month]}`;
const short = (i: number): string => `${calendar[i]!.day} ${MONTHS[calendar[i]!.month]}`;

// 3.1/3.2 receipt
function received(i: number, hhmm: string): number {
  if (isOffice(i) && hhmm < '14:00') return i;
  let j = i + 1;
  while (!isOffice(j)) j++;
  return j;
}
// 4.1 office days
function officeDays(from: number, n: number): number {
  let j = from;
  for (let k = 0; k < n; ) if (isOffice(++j)) k++;
  return j;
}
// 4.2 calendar days; 9.4 objection periods move earlier; Annex B.4 heritage berths do not
function calendarDays(from: number, n: number, rule: 'later' | 'earlier'): number {
  let j = from + n;
  while (!isOffice(j)) j += rule === 'later' ? 1 : -1;
  return j;
}
// 5.1-5.4 fee
function fee(hull: number, residential: boolean, heritage: boolean): number {
  let f = 90 + 14 * Math.ceil(hull - 8.0 - 1e-9);
  if (residential) f *= 1.5;
  if (heritage) f += 35;
  return Math.ceil(f - 1e-9);
}

const applicationFee = fee(13.4, true, true);
const receipt = received(idx('March', 14), '15:10');
const noticeBy = officeDays(receipt, 4);
const feeBy = officeDays(receipt, 5);
const supplyEnds = calendarDays(idx('March', 20), 10, 'later');
const certificate = received(idx('March', 31), '10:00'); // delivered by post on a closure day
const complete = certificate;
const objectionsUntil = calendarDays(idx('April', 3), 21, 'later'); // heritage: B.4 -> 4.2
const objectionReceived = received(idx('April', 25), '11:00');
const considered = objectionReceived <= objectionsUntil;
const decisionEnds = officeDays(complete, considered ? 30 : 20);
const mw9By = officeDays(decisionEnds, 10);
const escalationFee = Math.ceil(applicationFee / 3 - 1e-9);

describe(`${ID}: the derivation agrees with the Ordinance and the key`, () => {
  it('Schedule 2 is a consistent calendar and marks exactly the Schedule 1 holidays', () => {
    expect(calendar.length).toBe(31 + 30 + 31 + 30);
    calendar.forEach((d, i) => {
      if (i > 0) {
        const prev = calendar[i - 1]!;
        expect(WEEKDAYS.indexOf(d.weekday)).toBe((WEEKDAYS.indexOf(prev.weekday) + 1) % 7);
        expect(d.day === 1 ? d.month === prev.month + 1 : d.day === prev.day + 1 && d.month === prev.month).toBe(true);
      }
      expect(d.holiday).toBe(holidays.some((h) => h.month === d.month && h.day === d.day));
    });
    // the task prompts name weekdays: they must agree with the calendar
    expect(show(idx('March', 14))).toBe('Friday 14 March');
    expect(show(idx('March', 20))).toBe('Thursday 20 March');
    expect(show(idx('March', 28))).toBe('Friday 28 March');
    expect(show(idx('March', 31))).toBe('Monday 31 March');
    expect(show(idx('March', 18))).toBe('Tuesday 18 March');
    expect(show(idx('April', 3))).toBe('Thursday 3 April');
    expect(show(idx('April', 25))).toBe('Friday 25 April');
  });

  it('the rules the derivation implements are the ones in the text', () => {
    const flat = context.replace(/\s+/g, ' ');
    for (const phrase of [
      'open from **Tuesday to Saturday**',
      'arrives after 14:00, or on a closure day',
      'the period ends instead at the end of the next office day',
      'ends instead at the end of the **last office day before** that closure day',
      '9.4 does not apply to them',
      '**90 crowns**, plus **14 crowns for every started metre**',
      'multiplied by **1.5**',
      'surcharge of **35 crowns**',
      'Within **4 office days** of the receipt',
      'within 5 office days of the receipt',
      '**10 calendar days** from the date of the notice',
      'it is **21 calendar days** from the posting',
      '**30 office days** instead of 20',
      'deemed **refused**',
      'within **10 office days** after the date of the refusal',
      '**one third of the application fee**, rounded up',
    ]) expect(flat).toContain(phrase);
  });

  it('derives the dates and amounts', () => {
    expect(applicationFee).toBe(296);
    expect(show(receipt)).toBe('Saturday 15 March');
    expect(show(noticeBy)).toBe('Saturday 22 March');
    expect(show(feeBy)).toBe('Tuesday 25 March');
    expect(idx('March', 18)).toBeLessThanOrEqual(feeBy); // the fee was paid in time: no lapse (5.5)
    expect(show(supplyEnds)).toBe('Tuesday 1 April');
    expect(certificate <= supplyEnds).toBe(true);
    expect(show(complete)).toBe('Tuesday 1 April');
    expect(officeDays(complete, 3) >= idx('April', 3)).toBe(true); // the posting date is lawful (8.1)
    expect(show(objectionsUntil)).toBe('Friday 25 April');
    expect(considered).toBe(true);
    expect(show(decisionEnds)).toBe('Friday 16 May');
    expect(show(mw9By)).toBe('Saturday 31 May');
    expect(escalationFee).toBe(99);
  });

  it('the references carry the derived values', () => {
    expect(task(raw, 'fee').reference).toContain(`= ${applicationFee}`);
    expect(task(raw, 'receipt').reference).toContain(
      [`RECEIVED: ${show(receipt)}`, `NOTICE BY: ${show(noticeBy)}`, `FEE BY: ${show(feeBy)}`].join('\n'),
    );
    expect(task(raw, 'supplement').reference).toContain(
      ['IN TIME: YES', `PERIOD ENDED: ${show(supplyEnds)}`, `COMPLETE: ${show(complete)}`].join('\n'),
    );
    expect(task(raw, 'objection').reference).toContain(
      [`OBJECTIONS UNTIL: ${show(objectionsUntil)}`, `CONSIDERED: ${considered ? 'YES' : 'NO'}`].join('\n'),
    );
    expect(task(raw, 'silence').reference).toContain(
      [
        'STATUS: deemed refused',
        `DECISION PERIOD ENDED: ${show(decisionEnds)}`,
        `MW-9 BY: ${show(mw9By)}`,
        'FILE: OW-412-0387',
        `REFUSAL: DEEMED, ${short(decisionEnds)}`,
        `FEE PAID: ${escalationFee} crowns`,
      ].join('\n'),
    );
    // intermediate counts quoted in the reasoning
    const silence = task(raw, 'silence').reference!.replace(/\s+/g, ' ');
    expect(officeDays(complete, 20)).toBe(idx('April', 30));
    expect(officeDays(complete, 21)).toBe(idx('May', 3));
    expect(silence).toContain('30 April is day 20, 3 May day 21');
  });

  it('the wrong answers follow the rules they are said to misapply', () => {
    // 9.4 without Annex B.4: the period ends the office day before Lantern Eve
    const early = calendarDays(idx('April', 3), 21, 'earlier');
    expect(show(early)).toBe('Wednesday 23 April');
    // the objection is then late: 20 office days, and the escalation window moves with it
    const d20 = officeDays(complete, 20);
    expect(show(d20)).toBe('Wednesday 30 April');
    expect(show(officeDays(d20, 10))).toBe('Friday 16 May');
    const wrongSilence = task(raw, 'silence').wrong!.map((w) => w.answer).join('\n');
    expect(wrongSilence).toContain(`DECISION PERIOD ENDED: ${show(d20)}`);
    // 14 calendar days (no heritage period)
    expect(show(calendarDays(idx('April', 3), 14, 'later'))).toBe('Thursday 17 April');
    // fee traps
    expect(Math.ceil((90 + 14 * 5.4) * 1.5 + 35)).toBe(284);
    expect(Math.ceil((90 + 14 * 6 + 35) * 1.5)).toBe(314);
    expect(fee(13.0, true, true)).toBe(275); // whole metres (5) instead of started metres (6)
    expect(Math.floor(applicationFee / 3)).toBe(98); // the escalation fee rounded down
  });
});
