// `format`: Markdown form. `noBold` (no **x**, __x__, <b>, <strong>), `noLists` (no lines starting
// with -, *, +, • or 1. / 1)), `headings` (each named heading present as a Markdown heading, `#`
// or underlined; numbering like "2." and a trailing colon ignored), `endsWith` (the trimmed
// answer ends with the text, normalized). Code blocks and `code spans` are not looked into.
import type { Check } from '../scenario/schema.js';
import { listing, normalize, quote } from './normalize.js';
import { fail, pass, type CheckResult } from './result.js';

type FormatCheck = Extract<Check, { type: 'format' }>;

/** The answer with fenced code blocks and inline code blanked out (line count kept). */
export function withoutCode(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]*(```+|~~~+)[^\n]*\n[\s\S]*?(?:\n[ \t]*\1[ \t]*$|(?![\s\S]))/gm, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(`+)(?!`)[^\n]*?[^`]\1(?!`)/g, (m) => ' '.repeat(m.length));
}

const BOLD = [
  /\*\*(?=[^\s*])(?:[^*\n]|\*(?!\*)|\n(?![ \t]*\n))*?[^\s*]\*\*/,
  /(?<![\p{L}\p{N}_])__(?=[^\s_])(?:[^_\n]|_(?!_)|\n(?![ \t]*\n))*?[^\s_]__(?![\p{L}\p{N}_])/u,
  /<(?:b|strong)>[\s\S]*?<\/(?:b|strong)>/i,
];

export function findBold(text: string): string | undefined {
  const plain = withoutCode(text);
  for (const re of BOLD) {
    const m = re.exec(plain);
    if (m) return m[0];
  }
  return undefined;
}

const LIST_ITEM = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S.*$/m;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export function findListItem(text: string): string | undefined {
  for (const line of withoutCode(text).split('\n')) {
    if (THEMATIC_BREAK.test(line)) continue;
    const m = LIST_ITEM.exec(line);
    if (m) return m[0].trim();
  }
  return undefined;
}

function headingKey(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(/^(\*\*|__|\*|_)(.+?)\1$/, '$2').trim();
    s = s.replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVXLC]+[.)])\s+/, '');
    s = s.replace(/\s*[:：]$/, '');
    if (s === before) break;
  }
  return normalize(s);
}

/** The Markdown headings of a text (ATX `# x` and setext `x` + `===`/`---`), as written. */
export function findHeadings(text: string): string[] {
  const lines = withoutCode(text).split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      if (atx[1]?.trim()) out.push(atx[1].trim());
      return;
    }
    const next = lines[i + 1];
    if (next !== undefined && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next) && line.trim() && !LIST_ITEM.test(line) && !/^\s*>/.test(line)) {
      out.push(line.trim());
    }
  });
  return out;
}

function tail(text: string, n = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > n ? `"…${one.slice(-(n - 1))}"` : `"${one}"`;
}

export function checkFormat(check: FormatCheck, answer: string): CheckResult {
  const problems: string[] = [];
  const ok: string[] = [];
  if (check.noBold) {
    const bold = findBold(answer);
    if (bold) problems.push(`uses bold: ${quote(bold, 40)}`);
    else ok.push('no bold');
  }
  if (check.noLists) {
    const item = findListItem(answer);
    if (item) problems.push(`has a list: ${quote(item, 40)}`);
    else ok.push('no lists');
  }
  if (check.headings?.length) {
    const found = findHeadings(answer);
    const keys = new Set(found.map(headingKey));
    const missing = check.headings.filter((h) => !keys.has(headingKey(h)));
    if (missing.length) {
      const seen = found.length ? `headings found: ${listing(found.map((h) => quote(h, 30)))}` : 'no Markdown headings found';
      problems.push(`missing heading${missing.length > 1 ? 's' : ''} ${listing(missing.map((h) => quote(h, 30)))} (${seen})`);
    } else ok.push(`has heading${check.headings.length > 1 ? 's' : ''} ${listing(check.headings.map((h) => quote(h, 30)))}`);
  }
  if (check.endsWith !== undefined) {
    const end = normalize(check.endsWith);
    if (normalize(answer).endsWith(end)) ok.push(`ends with ${tail(check.endsWith)}`);
    else problems.push(`ends with ${tail(answer)}, not ${tail(check.endsWith)}`);
  }
  if (problems.length) return fail(problems.join('; '));
  return pass(ok.length ? ok.join('; ') : 'no format requirement');
}
