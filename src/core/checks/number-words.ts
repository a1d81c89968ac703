// Numbers written in words: English cardinals from zero to a million ("three", "twenty-four",
// "two hundred and ninety-six", "a hundred", "1.5 million") and Chinese numerals ("一千九百三十四",
// "二万一千四百八十", "两百", "百分之九", "2.148万", "1.5亿", financial forms 壹贰叁...).
// Ordinals are not numbers here: "the third E104" and "第七类" name a position, not a quantity.
//
// Hand-written on purpose: the registry's parsers convert a whole string and report no
// positions (a check must know where each number stands, to read its unit and its clause),
// `words-to-numbers` has not been released since 2019 and pulls in a fuzzy matcher, and
// `nzh`/`chinese-numbers-converter` read only pure numeral strings (no 百分之, no 2.148万).

export interface WordNumber {
  value: number;
  start: number;
  end: number;
  percent: boolean;
  text: string;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const WORD = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].join('|');
// A run of number words joined by spaces, hyphens or "and"; "a hundred" / "a million" too.
const EN_RUN = new RegExp(`\\b(?=[zotfsenhma])(?:an?\\s+(?=(?:hundred|thousand|million)\\b))?(?:${WORD})(?:(?:[\\s-]+|\\s+and\\s+)(?:${WORD}))*\\b`, 'gi');
// "one" as a pronoun: "the one on the left", "one of them", "no one", "someone".
const PRONOUN_BEFORE = /\b(?:the|this|that|which|any|each|every|no|some|another|only)\s+$/i;
const PRONOUN_AFTER = /^(?:\s+(?:of|another|by one|or two|or another|and only|at a time)\b|'s|-(?:off|to-one|way|time))/i;

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Parses a run of number words into one or more numbers ("four five" is two numbers). */
function parseRun(tokens: Token[]): { value: number; start: number; end: number }[] {
  const out: { value: number; start: number; end: number }[] = [];
  let total = 0;
  let current = 0;
  let started = -1;
  let end = -1;
  let last: 'unit' | 'teen' | 'tens' | 'scale' | 'none' = 'none';
  let lastScale = Infinity;
  const flush = () => {
    if (started >= 0) out.push({ value: total + current, start: started, end });
    total = 0;
    current = 0;
    started = -1;
    last = 'none';
    lastScale = Infinity;
  };
  for (const t of tokens) {
    const w = t.word.toLowerCase();
    if (w === 'a' || w === 'an') {
      flush();
      started = t.start;
      current = 1;
      last = 'unit';
      end = t.end;
      continue;
    }
    if (w in UNITS) {
      const v = UNITS[w]!;
      const ok = last === 'none' || last === 'scale' || (last === 'tens' && v < 10 && v > 0);
      if (!ok) flush();
      if (started < 0) started = t.start;
      current += v;
      last = v >= 10 ? 'teen' : 'unit';
    } else if (w in TENS) {
      if (!(last === 'none' || last === 'scale')) flush();
      if (started < 0) started = t.start;
      current += TENS[w]!;
      last = 'tens';
    } else {
      const s = SCALES[w]!;
      if (started < 0) {
        // "hundred" alone is not a number a person writes for 100
        continue;
      }
      if (s === 100) {
        if (current === 0 || current >= 100) {
          flush();
          continue;
        }
        current *= 100;
      } else {
        if (s >= lastScale) {
          flush();
          continue;
        }
        total += (current || 1) * s;
        current = 0;
        lastScale = s;
      }
      last = 'scale';
    }
    end = t.end;
  }
  flush();
  return out;
}

function englishNumbers(text: string): WordNumber[] {
  const out: WordNumber[] = [];
  for (const m of text.matchAll(EN_RUN)) {
    const tokens: Token[] = [];
    for (const w of m[0].matchAll(/[a-z]+/gi)) {
      if (w[0].toLowerCase() === 'and') continue;
      tokens.push({ word: w[0], start: m.index + w.index, end: m.index + w.index + w[0].length });
    }
    for (const n of parseRun(tokens)) {
      const word = text.slice(n.start, n.end);
      if (/^one$/i.test(word) && (PRONOUN_BEFORE.test(text.slice(Math.max(0, n.start - 12), n.start)) || PRONOUN_AFTER.test(text.slice(n.end, n.end + 12)))) continue;
      out.push({ value: n.value, start: n.start, end: n.end, percent: false, text: word });
    }
  }
  return out;
}

// ---- Chinese --------------------------------------------------------------

const ZH_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const ZH_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const ZH_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const ZH_CHARS = '零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億';
const ZH_RUN = new RegExp(`(百分之)?[${ZH_CHARS}]+(?:[点點][${ZH_CHARS.slice(0, 25)}]+)?`, 'g');

/** The value of a Chinese numeral string such as 二万一千四百八十, or NaN. */
export function parseChineseNumeral(s: string): number {
  let total = 0; // the part above the current section (万 and 亿 groups)
  let section = 0; // below 万
  let current = 0; // the pending digit
  const [int, frac] = s.split(/[点點]/) as [string, string | undefined];
  for (const c of int) {
    if (c in ZH_DIGITS) current = ZH_DIGITS[c]!;
    else if (c in ZH_SMALL) {
      section += (current || 1) * ZH_SMALL[c]!;
      current = 0;
    } else if (c in ZH_BIG) {
      const big = ZH_BIG[c]!;
      if (big === 1e8) total = (total + section + current || 1) * big;
      else total += (section + current || 1) * big;
      section = 0;
      current = 0;
    } else return NaN;
  }
  let value = total + section + current;
  if (frac) {
    const digits = [...frac].map((c) => ZH_DIGITS[c]);
    if (digits.some((d) => d === undefined)) return NaN;
    value += Number(`0.${digits.join('')}`);
  }
  return value;
}

// A digit amount with a Chinese scale: 2.148万, 1.5亿, 3万.
const ZH_SCALED = /(\d+(?:\.\d+)?)\s*(万亿|萬億|[万萬亿億])/g;

// Words and idioms made of numeral characters that state no number: 十分 (very), 千万 (by all
// means), 万一 (in case), 一律 (without exception), 四舍五入 (round half up), 之一 (one of) ...
const ZH_IDIOM_WORDS = [
  '四舍五入', '四捨五入', '不三不四', '三番五次', '七上八下', '一五一十', '乱七八糟', '亂七八糟', '千方百计', '十全十美',
  '十分', '千万', '千萬', '万一', '萬一', '一律', '一并', '一併', '一旦', '一般', '一定', '一些', '一致', '一切', '一直', '一样', '一樣',
  '一起', '一下', '一向', '一同', '一共', '一经', '一經', '一方面', '一次性', '一票', '之一', '统一', '統一', '唯一', '万分', '萬分',
  '百般', '一再', '再三', '三思', '十足',
];
// Only where no numeral character stands before: 二万一千 and 九十分 are numbers.
const ZH_IDIOMS = new RegExp(`(?<![${'零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億'}])(?:${ZH_IDIOM_WORDS.join('|')})`, 'g');

function chineseNumbers(input: string): WordNumber[] {
  const out: WordNumber[] = [];
  // masked with a non-numeral of the same length, so offsets stay those of the input
  const text = input.replace(ZH_IDIOMS, (m) => '_'.repeat(m.length));
  for (const m of text.matchAll(ZH_RUN)) {
    const percent = !!m[1];
    const body = percent ? m[0].slice(3) : m[0];
    if (!body) continue;
    // a lone 一 is mostly part of a word (一般, 统一, 一起), not the number 1
    if (!percent && /^[一]$/.test(body)) continue;
    // 第七类, 第三 are ordinals
    if (text[m.index - 1] === '第') continue;
    // 万 or 亿 alone (万一, 亿万) is not an amount
    if (/^[万萬亿億]+$/.test(body)) continue;
    let value = parseChineseNumeral(body);
    if (Number.isNaN(value)) continue;
    // a digit amount before the scale (2.148万) is read by ZH_SCALED instead
    if (/^[万萬亿億]/.test(body) && /\d\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    value = Number(value.toPrecision(15));
    out.push({ value, start: m.index, end: m.index + m[0].length, percent, text: m[0] });
  }
  return out;
}

/** Digit amounts followed by 万/亿 (2.148万 = 21480): the digits' span is replaced by this reading. */
export function scaledChinese(text: string): WordNumber[] {
  const out: WordNumber[] = [];
  if (!/[万萬亿億]/.test(text)) return out;
  for (const m of text.matchAll(ZH_SCALED)) {
    const scale = m[2]!.length === 2 ? 1e12 : ZH_BIG[m[2]!]!;
    const value = Number((Number(m[1]) * scale).toPrecision(15));
    out.push({ value, start: m.index, end: m.index + m[0].length, percent: false, text: m[0] });
  }
  return out;
}

/** Every number written in words or Chinese numerals in `text`, in text order. */
const HAS_ZH_NUMERAL = new RegExp(`[${ZH_CHARS}]`);

export function findWordNumbers(text: string): WordNumber[] {
  const zh = HAS_ZH_NUMERAL.test(text) ? chineseNumbers(text) : [];
  return [...englishNumbers(text), ...zh].sort((a, b) => a.start - b.start);
}
