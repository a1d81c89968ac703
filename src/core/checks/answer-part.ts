// Which part of an answer a check reads. A careful grader reads the part that states the result,
// not the reasoning around it:
//   1. a check with `label: FEE BY` reads the last `FEE BY: ...` line (and nothing else);
//   2. else, when the task declares `answerLabels` and the answer has such lines, the last block
//      of labelled lines;
//   3. else the text after the last `Answer:` / `Final answer:` / `答案：` / `最终答案：` marker;
//   4. else the whole answer.
// A check with `scope: whole` always reads the whole answer.
// Before any of this the answer is made plain: Markdown emphasis, list and quote markers, heading
// marks, code fences and inline code marks are removed, struck-through text (~~x~~) is dropped,
// and full-width forms are folded (full-width ASCII to ASCII), so `**HALF:** ２` reads as `HALF: 2`.

export interface AnswerPart {
  /** The plain text the check reads. */
  text: string;
  /** How a reason names it: `the FEE BY line`, `the labelled lines`, `the final answer`, `the answer`. */
  where: string;
  /** False when a `label` was asked for and the answer has no such line (text is then empty). */
  found: boolean;
  /** For labelled lines: the plain text after the last of them (where a reversal would stand). */
  after?: string;
}

/** "gives" or "give", as the part's name is singular or plural ("the labelled lines give"). */
export function verb(where: string, singular: string, plural: string): string {
  return where.endsWith('lines') ? plural : singular;
}

export interface PartOptions {
  /** The task's answer labels (task.answerLabels). */
  labels?: readonly string[];
  /** The one label a check reads (check.label). */
  label?: string;
  /** `whole`: the whole (plain) answer, whatever labels or markers it has (check.scope). */
  scope?: 'final' | 'whole';
}

const FENCE = /^[ \t]*(?:```+|~~~+)[^\n]*$/gm;
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}:?[ \t]*\|?[ \t]*$/gm;
const TABLE_ROW = /^[ \t]*\|([^|\n]+)\|([^|\n]+)\|[ \t]*$/gm;
const LINE_MARKS = /^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+)?(?:(?:[-*+•][ \t]+)|(?:\d{1,3}[.)][ \t]+))?/;

/** The answer without Markdown decoration and with full-width forms folded (see the file comment). */
export function plainAnswer(text: string): string {
  // Full-width ASCII forms and the ideographic space only: a full NFKC would also turn 10³ into 103.
  let s = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
  s = s.replace(FENCE, '');
  // A two-column Markdown table row is a labelled line: `| FEE | 296 crowns |` reads `FEE: 296 crowns`.
  s = s.replace(TABLE_RULE, '').replace(TABLE_ROW, (_, a: string, b: string) => `${a.trim()}: ${b.trim()}`);
  s = s.replace(/~~[^~\n]+~~/g, '');
  s = s
    .split('\n')
    .map((line) => line.replace(LINE_MARKS, ''))
    .join('\n');
  s = s.replace(/\*\*|__|`/g, '');
  // A single * is emphasis unless it stands between numbers (3 * 4); a single _ unless inside a word.
  s = s.replace(/(?<![\d)]\s?)\*(?!\s?[\d(])/g, '');
  s = s.replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '');
  return s;
}


export interface FinalAnswer {
  text: string;
  /** True when an `Answer:` line was found; false when the whole reply is the answer. */
  marked: boolean;
}

// The same marker, before Markdown is stripped (`**Final answer:**`, `## Answer:`): a cheap test.
const RAW_MARKER = /(?:final\s+answer|answer|最终答案|最終答案|答案)\s*(?:\*\*|__)?\s*[:：]/i;

/** True when the reply has an `Answer:`-style line. */
export function hasAnswerMarker(reply: string): boolean {
  return RAW_MARKER.test(reply);
}

// At the start of a line in any case; inside a line only as a marker is written ("... half.
// Answer: 81 marks", "FINAL ANSWER:"), so prose like "the answer: ..." is not one.
const LINE_MARKER = /^[ \t]*(?:final\s+answer|answer)\s*[:：]/gimu;
const INLINE_MARKER = /(?:(?:^|[^\p{L}\p{N}])(?:Final [Aa]nswer|FINAL ANSWER|Answer|ANSWER)|答案)\s*[:：]/gu;

/** The text after the last `Answer:`-style marker of a plain answer (to its end), or the whole of it. */
export function findFinalAnswer(reply: string): FinalAnswer {
  const plain = plainAnswer(reply);
  let last = -1;
  for (const re of [LINE_MARKER, INLINE_MARKER]) for (const m of plain.matchAll(re)) last = Math.max(last, m.index + m[0].length);
  if (last < 0) return { text: plain.trim(), marked: false };
  return { text: plain.slice(last).trim(), marked: true };
}

export function finalAnswer(reply: string): string {
  return findFinalAnswer(reply).text;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function labelRe(label: string): RegExp {
  const words = label.trim().split(/[\s_-]+/).map(escapeRe).join('[\\s_-]*');
  // A Chinese label is also written with 为/是 where the prompt has "：" ("完税价格为二万一千四百八十澜元").
  const sep = /\p{Script=Han}$/u.test(label.trim()) ? '(?:[:=]|为|為|是)' : '[:=]';
  return new RegExp(`^[ \\t]*${words}[ \\t]*${sep}[ \\t]*(.*)$`, 'iu');
}

interface LabelledLine {
  line: number;
  /** The line as written, with the value line appended when the label's own line is empty. */
  text: string;
  value: string;
}

/** Every line of `lines` that starts with `label:`, with its value (the next line when empty). */
function labelledLines(lines: readonly string[], label: string, all: RegExp[]): LabelledLine[] {
  const re = labelRe(label);
  const out: LabelledLine[] = [];
  lines.forEach((line, i) => {
    const m = re.exec(line);
    if (!m) return;
    let value = m[1]!.trim();
    let text = line.trim();
    const next = lines[i + 1];
    if (!value && next !== undefined && next.trim() && !all.some((r) => r.test(next))) {
      value = next.trim();
      text = `${text} ${value}`;
    }
    out.push({ line: i, text, value });
  });
  return out;
}

export function readPart(answer: string, opts: PartOptions = {}): AnswerPart {
  const plain = plainAnswer(answer);
  if (opts.scope === 'whole') return { text: plain.trim(), where: 'the answer', found: true };
  const lines = plain.split('\n');
  const labels = [...(opts.labels ?? []), ...(opts.label ? [opts.label] : [])];
  const all = labels.map(labelRe);
  const byLine = new Map<number, LabelledLine>();
  for (const l of labels) for (const h of labelledLines(lines, l, all)) byLine.set(h.line, h);
  // The last run of labelled lines: a run is broken by more than one other non-blank line
  // (so "HALF: 2" early in the reasoning is not read when the answer ends with the lines).
  const sorted = [...byLine.keys()].sort((a, b) => a - b);
  let start = sorted.length - 1;
  while (start > 0) {
    const gap = lines.slice(sorted[start - 1]! + 1, sorted[start]!).filter((l) => l.trim()).length;
    if (gap > 1) break;
    start--;
  }
  const block = sorted.slice(Math.max(0, start));
  const lastLine = block[block.length - 1];
  const after = lastLine === undefined ? undefined : lines.slice(lastLine + 1).join('\n').trim();
  if (opts.label) {
    const found = labelledLines(lines, opts.label, all);
    const where = `the ${opts.label.toUpperCase()} line`;
    // the last line with the label, and the lines with it right above it: two FEE lines in a row
    // (a two-row table) are two answers; one in the reasoning further up is a draft
    const read = found.slice(-1);
    if (!read.length) return { text: '', where, found: false };
    const spelled = (f: LabelledLine) => f.text.split(/[:=]|为|為|是/)[0]!.trim();
    for (let k = found.length - 2; k >= 0 && found[k]!.line === read[0]!.line - 1 && spelled(found[k]!) === spelled(read[0]!); k--) read.unshift(found[k]!);
    const last = read[read.length - 1]!;
    const tail = lines.slice(last.line + 1).join('\n').trim();
    return { text: read.map((f) => f.value).join('\n'), where, found: true, after: tail };
  }
  if (opts.labels?.length && block.length) {
    return { text: block.map((n) => byLine.get(n)!.text).join('\n'), where: 'the labelled lines', found: true, after };
  }
  const final = findFinalAnswer(answer);
  return { text: final.text, where: final.marked ? 'the final answer' : 'the answer', found: true };
}

// Words that take back or revise what was just stated: "Actually 314.", "On reflection ...",
// "Correction:", 更正 / 其实 / 不过也可能.
const REVISION =
  /\b(?:actually|on (?:second )?(?:thought|reflection)|correction|wait|scratch that|i was wrong|my mistake|rather|instead|or maybe|or perhaps|revised?|re-?reading|having rechecked)\b|更正|修正|其实|其實|实际上|實際上|不过|不過|也可能|或者|改为|改為|应为|應為|纠正|糾正/i;

/**
 * The part of the text after the labelled lines that revises them ("... so 296. Actually 314."),
 * from the revision word on; undefined when it revises nothing. It must be about this quantity:
 * it names the label (or `what`), repeats `value`, or is one short sentence.
 */
export function revisionAfter(part: AnswerPart, names: readonly string[], values: readonly string[]): string | undefined {
  const after = part.after;
  if (!after) return undefined;
  const m = REVISION.exec(after);
  if (!m) return undefined;
  const lower = after.toLowerCase();
  const about =
    names.some((n) => n.trim() && lower.includes(n.trim().toLowerCase())) || values.some((v) => v && after.includes(v)) || after.length <= 80;
  return about ? after.slice(m.index) : undefined;
}
