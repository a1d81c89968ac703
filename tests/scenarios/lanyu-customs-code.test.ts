// Answers beyond the scenario's own accept/wrong lists (which `validate` and library.test.ts run):
// wordings found while probing the checks, kept here because they pin down how the labelled
// answer lines are read.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

describe('scenario lanyu-customs-code', () => {
  it('meets the library rule: every task has at least 3 accept and 3 wrong answers, and they grade as stated', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('lanyu-customs-code'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('lanyu-customs-code', [
    {
      task: 'textile-duty',
      answer: '完税价格：21,480.00澜元\n适用税率：9%\n应纳关税：1,934澜元（向上取整，不是四舍五入）',
      pass: true,
      why: '四舍五入 in a denied clause of the answer line is neither a number nor a rival',
    },
    {
      task: 'late-declaration',
      answer: '期限最后一日：2024年11月23日（星期六）\n滞报天数：4天\n滞报金：39澜元',
      pass: true,
      why: 'the year and the weekday beside the date',
    },
    {
      task: 'gift-set',
      answer: '类别：第07类（不是第06类）\n税率：10%',
      pass: true,
      why: 'the trap class named in the answer line only to deny it',
    },
    {
      task: 'gift-set',
      answer: '答：茶叶属第09类，糖果属第06类，陶瓷杯属第07类，税率10%。整套按从高原则归入第06类，税率30%。',
      pass: false,
      why: 'the natural trap under an answer marker, without the 类别/税率 lines the prompt asks for',
    },
    {
      task: 'mixed-shipment',
      answer: '礼盒完税价格：14 805.00澜元\n礼盒税额：1 481澜元\n纺织品完税价格：4 935.00澜元\n纺织品税额：741澜元\n应纳关税总额：2 222澜元',
      pass: true,
      why: 'thousands grouped with spaces',
    },
    {
      task: 'postal-parcel',
      answer: '礼盒：适用或不适用小额豁免（视是否逐件审查）\n果酒：不适用小额豁免\n应纳关税：27澜元',
      pass: false,
      why: 'a hedge on whether the sets are exempt',
    },
  ]);
});
