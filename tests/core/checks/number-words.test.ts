// Numbers as people write them: every form the number checks read, one test per form, and the
// words that look like numbers but are not (ordinals, pronouns, Chinese idioms).
import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../src/core/checks/numbers.js';
import { parseChineseNumeral } from '../../../src/core/checks/number-words.js';

const read = (text: string) => extractNumbers(text).map((m) => (m.percent ? `${m.value}%` : m.value));

describe('numbers in words and Chinese numerals', () => {
  it.each([
    ['three', [3]],
    ['CONTACTS: three', [3]],
    ['twenty-four minutes', [24]],
    ['twenty four', [24]],
    ['two hundred and ninety-six crowns', [296]],
    ['a hundred', [100]],
    ['one thousand nine hundred and thirty-four', [1934]],
    ['three hundred thousand', [300000]],
    ['a million', [1000000]],
    ['zero', [0]],
    ['Stage Three', [3]],
    ['four five', [4, 5]],
    ['fifteen percent', ['15%']],
    ['一千九百三十四', [1934]],
    ['二万一千四百八十', [21480]],
    ['完税价格为二万一千四百八十澜元', [21480]],
    ['两百', [200]],
    ['十一', [11]],
    ['一百零五', [105]],
    ['百分之九', ['9%']],
    ['百分之九十', ['90%']],
    ['约2.148万澜元', [21480]],
    ['1.5亿', [150000000]],
    ['3万', [30000]],
    ['壹仟贰佰', [1200]],
    ['九十分', [90]],
  ])('%s reads as %j', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it.each([
    ['the third time', []],
    ['the one on the left', []],
    ['one of them', []],
    ['第七类', []],
    ['向上取整，不是四舍五入', []],
    ['一律按十分重要的规则', []],
    ['万一超过', []],
    ['一般', []],
  ])('%s holds no number', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('parses Chinese numerals of every size', () => {
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('三千零五十')).toBe(3050);
    expect(parseChineseNumeral('一亿二千万')).toBe(120000000);
    expect(parseChineseNumeral('三万亿')).toBe(3e12);
    expect(parseChineseNumeral('二点五')).toBe(2.5);
    expect(parseChineseNumeral('abc')).toBeNaN();
  });

  it('keeps offsets of the input, so units and clauses are read at the right place', () => {
    const [m] = extractNumbers('fee: two hundred and ninety-six crowns');
    expect(m).toMatchObject({ index: 5, text: 'two hundred and ninety-six' });
  });
});
