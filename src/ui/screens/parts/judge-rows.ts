// Rows for verdicts a person can read and judge: a task's rubric items with their verdicts (and,
// in a versus match, the model's verdicts in a second column), the answers (side by side when
// there is room), and the bookkeeping for an item cursor that the view follows. Pure: the
// verdicts and summary screens draw these rows and move the cursor.
import { rubricRate, taskStatus, type Verdict, type VerdictStatus } from '../../../core/grading/verdict.js';
import type { RubricItem } from '../../../core/scenario/schema.js';
import { displayWidth, padToWidth, truncateToWidth } from '../../../core/text/width.js';
import { sanitizeInline } from '../../../core/text/sanitize.js';
import { STATUS_SYMBOL, theme, type Colour } from '../../theme.js';
import { trimEnd, wrapPlain } from './text-lines.js';

/** A rubric item of a task (indexes into the scenario). */
export interface ItemRef {
  task: number;
  item: number;
}

export interface Row {
  text: string;
  colour?: Colour;
  bold?: boolean;
  /** Rows of a rubric item (its head row and its reasons) carry the item. */
  item?: ItemRef;
}

/** Whose verdicts `+` / `-` change in a versus match. */
export type JudgeSide = 'you' | 'model';

export const STATUS_LABEL: Record<VerdictStatus, string> = { pass: 'pass', fail: 'fail', pending: 'pending', unscored: 'unscored' };

/** The model's column of a versus match. */
export interface ModelColumn {
  label: string;
  /** Its verdicts once revealed; undefined while hidden (still answering, or not yet yours to see). */
  verdicts?: readonly Verdict[];
}

export interface RubricRowsOptions {
  rubric: readonly RubricItem[];
  /** The person's verdicts, aligned with the rubric. */
  verdicts: readonly Verdict[];
  width: number;
  /** The task's index (for the item refs). */
  task: number;
  /** Items can be chosen and judged: a cursor column is drawn. */
  selectable?: boolean;
  selected?: ItemRef | null;
  /** Versus: the model's verdicts beside the person's. */
  model?: ModelColumn;
  /** Versus: whose verdicts the keys change (marked in the column header). */
  side?: JudgeSide;
}

const NOT_GRADED: Verdict = { status: 'pending', reason: 'not graded' };
/** Width of a verdict column ("✓ unscored"), wider for a long model name in its header (up to 18). */
function columnWidth(label: string | undefined): number {
  return Math.max(10, Math.min(18, label === undefined ? 0 : displayWidth(sanitizeInline(label)) + 2));
}

function column(v: Verdict | undefined, w: number): string {
  return v ? `${STATUS_SYMBOL[v.status]} ${STATUS_LABEL[v.status].padEnd(w - 2)}` : '·'.padEnd(w);
}

function reasonText(v: Verdict): string {
  return `${v.by ? `${v.by}: ` : ''}${v.reason ?? ''}`;
}

const same = (a: ItemRef | null | undefined, b: ItemRef) => !!a && a.task === b.task && a.item === b.item;

/** A task's rubric items with their verdicts, wrapped to `width`. */
export function rubricRows(o: RubricRowsOptions): Row[] {
  const rows: Row[] = [];
  const cursorW = o.selectable ? 2 : 0;
  const w = columnWidth(o.model?.label);
  if (o.model) {
    const mark = (name: string, on: boolean) => padToWidth(truncateToWidth(on && o.selectable ? `[${name}]` : name, w), w);
    rows.push({
      text: `${' '.repeat(cursorW)}${mark('you', o.side !== 'model')} ${mark(sanitizeInline(o.model.label), o.side === 'model')} rubric item`,
      colour: theme.text.muted,
    });
  }
  o.rubric.forEach((item, i) => {
    const ref = { task: o.task, item: i };
    const v = o.verdicts[i] ?? NOT_GRADED;
    const m = o.model?.verdicts?.[i];
    const cursor = o.selectable ? (same(o.selected, ref) ? '▸ ' : '  ') : '';
    const head = o.model ? `${cursor}${column(v, w)} ${column(m, w)} ` : `${cursor}${STATUS_SYMBOL[v.status]} ${STATUS_LABEL[v.status].padEnd(7)} `;
    const indent = ' '.repeat(displayWidth(head));
    const textW = Math.max(10, o.width - displayWidth(head));
    // In a versus match the row's colour follows the side being judged.
    const colourOf = o.model && o.side === 'model' ? (m ? theme.status[m.status] : theme.text.muted) : theme.status[v.status];
    wrapPlain(item.text, textW).forEach((r, j) =>
      rows.push({ text: (j === 0 ? head : indent) + r, colour: j === 0 ? colourOf : undefined, bold: j === 0, item: ref }),
    );
    const reasons: string[] = o.model
      ? [`you: ${reasonText(v)}`, ...(m ? [`${sanitizeInline(o.model.label)}: ${reasonText(m)}`] : [])]
      : [reasonText(v)];
    for (const reason of reasons) {
      for (const r of trimEnd(wrapPlain(reason, textW))) rows.push({ text: indent + r, colour: theme.text.muted, item: ref });
    }
  });
  return rows;
}

/** "Solved · 2 of 3 items passed · 1 pending" */
export function statusLine(verdicts: readonly Verdict[], weights?: readonly (number | undefined)[]): string {
  const status = taskStatus(verdicts);
  const r = rubricRate(verdicts, weights);
  const parts = [
    status === 'solved' ? 'Solved' : status === 'failed' ? 'Not solved' : 'Pending (some items need a judge)',
    `${r.counts.pass} of ${verdicts.length} items passed`,
  ];
  if (r.counts.pending) parts.push(`${r.counts.pending} pending`);
  return parts.join(' · ');
}

export interface AnswerBlock {
  title: string;
  text: string;
}

/**
 * One answer, or two answers side by side (stacked below 80 columns), each cut to `maxRows`
 * rows when given.
 */
export function answerRows(left: AnswerBlock, right: AnswerBlock | null, width: number, maxRows = Infinity): Row[] {
  const cut = (rows: string[]): string[] => {
    if (rows.length <= maxRows) return rows;
    return [...rows.slice(0, Math.max(0, maxRows - 1)), `… ${rows.length - maxRows + 1} more row(s)`];
  };
  const body = (text: string, w: number) => cut(trimEnd(wrapPlain(text, w)));
  if (right && width >= 80) {
    const colW = Math.floor((width - 3) / 2);
    const l = body(left.text, colW);
    const r = body(right.text, colW);
    const rows: Row[] = [{ text: `${padToWidth(truncateToWidth(left.title, colW), colW)} │ ${truncateToWidth(right.title, colW)}`, bold: true }];
    for (let i = 0; i < Math.max(l.length, r.length); i++) rows.push({ text: `${padToWidth(l[i] ?? '', colW)} │ ${r[i] ?? ''}`.trimEnd() });
    return rows;
  }
  const rows: Row[] = [{ text: left.title, bold: true }];
  for (const r of body(left.text, width - 2)) rows.push({ text: `  ${r}`, colour: theme.text.muted });
  if (right) {
    rows.push({ text: '' });
    rows.push({ text: right.title, bold: true });
    for (const r of body(right.text, width - 2)) rows.push({ text: `  ${r}` });
  }
  return rows;
}

/** Where each item's rows are: one entry per item, in row order. */
export interface ItemSpan {
  ref: ItemRef;
  start: number;
  end: number;
}

export function itemSpans(rows: readonly Row[]): ItemSpan[] {
  const out: ItemSpan[] = [];
  rows.forEach((r, i) => {
    if (!r.item) return;
    const last = out[out.length - 1];
    if (last && same(last.ref, r.item) && last.end === i) last.end = i + 1;
    else out.push({ ref: r.item, start: i, end: i + 1 });
  });
  return out;
}

/** The top row that shows rows [start, end) (as much of it as fits, its head first). */
export function follow(top: number, start: number, end: number, visible: number, maxTop: number): number {
  let t = top;
  if (end > t + visible) t = end - visible;
  if (start < t) t = start;
  return Math.max(0, Math.min(maxTop, t));
}

/** `rows` with the cursor (▸) on the head row of `span` (rows built `selectable`, nothing selected). */
export function withCursor(rows: readonly Row[], span: ItemSpan | undefined): Row[] {
  if (!span) return rows.slice();
  const out = rows.slice();
  const head = out[span.start]!;
  out[span.start] = { ...head, text: `▸ ${head.text.slice(2)}` };
  return out;
}
