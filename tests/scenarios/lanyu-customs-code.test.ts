import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

describe('scenario lanyu-customs-code', () =>
  answerKeySuite('lanyu-customs-code', [
    {
      task: 'textile-duty',
      answer: '完税价格２１，４８０．００澜元，适用税率９％，应纳关税１，９３４澜元。',
      pass: true,
      why: 'full-width digits and punctuation (a Chinese input method in full-width mode)',
    },
    {
      task: 'textile-duty',
      answer: '完税价格 (8400 + 550) × 2.40 = 21480 澜元；税率 6% + 3 个百分点，即 21480 × 0.09 = 1933.2，向上取整 1934 澜元。',
      pass: true,
      why: 'the rate written as 0.09 in the working, numbers without thousands separators',
    },
    {
      task: 'late-declaration',
      answer: '期限最后一日：2024年11月23日。滞报天数：4。滞报金：1934 × 0.5% × 4 = 38.68，进位为39澜元。',
      pass: true,
      why: 'days late given as a bare number after a label',
    },
    {
      task: 'late-declaration',
      answer: '申报截止日为２０２４年１１月２３日，滞报４天，滞报金３９澜元。',
      pass: true,
      why: 'full-width digits',
    },
    {
      task: 'late-declaration',
      answer: '期限至十一月二十三日，逾期四天，滞报金39澜元。',
      pass: true,
      why: 'date and days in Chinese numerals',
    },
    {
      task: 'late-declaration',
      answer: '期限最后一日为11月23日，滞报4天，滞报金39澜元（而非按完税价格计征的43澜元）。',
      pass: true,
      why: 'mentions the trap value 43 only to reject it',
    },
    {
      task: 'late-declaration',
      answer: '期限最后一日为11月23日，滞报4天。若按完税价格计征会得出43澜元，这是错误的；应为39澜元。',
      pass: true,
      why: 'rejects the trap in a conditional sentence',
    },
    {
      task: 'late-declaration',
      answer: '期限最后一日为11月23日，滞报4天。每日1,934 × 0.5% = 9.67，逐日进位为10澜元，共40澜元。',
      pass: false,
      why: 'rounds each day up instead of the total (Art. 17 rounds the total fee)',
    },
    {
      task: 'late-declaration',
      answer: '期限最后一日为11月23日，滞报4天。以应纳关税为基数是39澜元，但滞报金应按完税价格万分之五计征：21,480 × 0.05% × 4 = 42.96，约43澜元。',
      pass: false,
      why: 'the trap fee stated as the result, with 39 named along the way',
    },
    {
      task: 'gift-set',
      answer: '归入第０７类，适用税率１０％。',
      pass: true,
      why: 'full-width digits',
    },
    {
      task: 'gift-set',
      answer: '整套按价值最高的陶瓷杯归类，属陶瓷及玻璃制品，适用10%的基本税率。',
      pass: true,
      why: 'names the category by its title and puts the rate before 税率',
    },
    {
      task: 'gift-set',
      answer: '归入第七类（陶瓷及玻璃制品），税率百分之十。',
      pass: true,
      why: 'Chinese numerals',
    },
    {
      task: 'gift-set',
      answer: '依从高原则，整套按糖果归入第06类，税率30%。糖果价值不足10%并不影响这一结论。',
      pass: false,
      why: 'the high-rate rule without the 10% exception, even when the answer mentions 10%',
    },
    {
      task: 'mixed-shipment',
      answer: '礼盒税额1,481澜元，纺织品741澜元，总额2,222澜元（若先合计再取整会得2,221澜元，不符合第13条）。',
      pass: true,
      why: 'mentions the trap total 2,221 only to reject it',
    },
    {
      task: 'mixed-shipment',
      answer: '礼盒 1 481 澜元，纺织品 741 澜元，合计 2 222 澜元',
      pass: true,
      why: 'thousands grouped with spaces',
    },
    {
      task: 'mixed-shipment',
      answer: '礼盒1,481澜元，纺织品741澜元，两项合计2,220.75后取整，应纳2,221澜元（另记各税项之和2,222）。',
      pass: false,
      why: 'rounds the total as the result even though 2,222 appears',
    },
    {
      task: 'postal-parcel',
      answer: '果酒应纳27澜元；礼盒免税（若不豁免则礼盒要交62澜元）。合计27澜元。',
      pass: true,
      why: 'mentions what the sets would have cost only to say they are exempt',
    },
    {
      task: 'postal-parcel',
      answer: '含酒邮包整票不豁免：礼盒62澜元，果酒27澜元，合计89澜元。',
      pass: false,
      why: 'the whole-parcel trap; 27 appears as the wine line',
    },
  ]));
