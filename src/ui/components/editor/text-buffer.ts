// A multi-line text buffer for the answer editor (codex-cli style): plain class, no React.
// Lines, a cursor (row, col in UTF-16 units, always on a grapheme boundary), insert (a paste is
// one chunk with its newlines kept; CRLF / CR normalised), backspace, forward delete, word-wise
// moves and deletes, up/down by screen line, undo / redo, a version counter, the visible slice
// for a viewport, and the statistics a human baseline records (edits, paste events with sizes).
import { graphemeWidth, isComplex, unitWidth } from '../../../core/text/width.js';
import { wrapLine, type WrapSegment } from '../../../core/text/wrap.js';

export type Direction = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'wordLeft' | 'wordRight' | 'docStart' | 'docEnd';

export interface PasteEvent {
  /** Characters (code points) in the pasted chunk. */
  chars: number;
  /** Lines in the chunk (1 + newlines). */
  lines: number;
  /** When it happened (the clock given to the buffer; Date.now by default). */
  at: number;
}

export interface EditStats {
  /** Edit operations: each typed character, paste, deletion, undo and redo counts one. */
  edits: number;
  /** Characters typed (not pasted). */
  typedChars: number;
  /** Characters that arrived as bracketed pastes. */
  pastedChars: number;
  /** Characters removed by deletions. */
  deletedChars: number;
  pastes: PasteEvent[];
  undos: number;
}

export interface Cursor {
  row: number;
  col: number;
}

/** One screen line of the buffer. */
export interface VisualLine {
  /** Logical line index. */
  row: number;
  /** UTF-16 range [offset, end) of the logical line on this screen line. */
  offset: number;
  end: number;
  /** What to draw (the range, hanging spaces included). */
  text: string;
  /** True for the last screen line of its logical line. */
  last: boolean;
}

export interface Viewport {
  lines: VisualLine[];
  /** First visual line shown (index into the whole layout). */
  scrollTop: number;
  /** All visual lines of the buffer at this width. */
  total: number;
  /** Cursor position inside `lines` (index) and its display column; line -1 when off screen. */
  cursorLine: number;
  cursorCol: number;
}

export interface TextBufferOptions {
  now?: () => number;
  /** Undo steps kept. Default 500. */
  historyLimit?: number;
  /** Tab expansion in inserted text. Default 4. */
  tabWidth?: number;
}

interface Snapshot {
  lines: string[];
  row: number;
  col: number;
}

/** 'wordEnd': a typed space or newline, which closes the current typing undo step. */
type EditKind = 'type' | 'other' | 'wordEnd' | 'paste';

let segmenter: Intl.Segmenter | undefined;

function boundaries(line: string): number[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out = [0];
  for (const s of segmenter.segment(line)) out.push(s.index + s.segment.length);
  return out;
}

function prevBoundary(line: string, col: number): number {
  if (col <= 0) return 0;
  if (!isComplex(line)) return col - 1;
  const b = boundaries(line);
  let p = 0;
  for (const x of b) {
    if (x >= col) break;
    p = x;
  }
  return p;
}

function nextBoundary(line: string, col: number): number {
  if (col >= line.length) return line.length;
  if (!isComplex(line)) return col + 1;
  for (const x of boundaries(line)) if (x > col) return x;
  return line.length;
}

function snapToBoundary(line: string, col: number): number {
  const c = Math.max(0, Math.min(col, line.length));
  if (!isComplex(line)) return c;
  let p = 0;
  for (const x of boundaries(line)) {
    if (x > c) break;
    p = x;
  }
  return p;
}

const WORD = /[\p{L}\p{N}_]/u;
function isWordChar(ch: string): boolean {
  return WORD.test(ch);
}

function countGraphemes(s: string): number {
  if (!isComplex(s)) return s.length;
  return boundaries(s).length - 1;
}

function widthOf(s: string): number {
  if (!isComplex(s)) {
    let w = 0;
    for (let i = 0; i < s.length; i++) w += unitWidth(s.charCodeAt(i));
    return w;
  }
  let w = 0;
  const b = boundaries(s);
  for (let i = 1; i < b.length; i++) w += graphemeWidth(s.slice(b[i - 1], b[i]));
  return w;
}

/** Clean inserted text: CRLF/CR -> LF, tabs -> spaces, other control characters dropped. */
export function normalizeInsert(text: string, tabWidth = 4): string {
  let s = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  if (s.indexOf('\t') !== -1) s = s.replace(/\t/g, ' '.repeat(tabWidth));
  return s.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, '');
}

export class TextBuffer {
  private _lines: string[];
  private _row = 0;
  private _col = 0;
  private _version = 0;
  private undoStack: Snapshot[] = [];
  private redoStack: Snapshot[] = [];
  private lastKind: EditKind | null = null;
  private goalX: number | null = null;
  private scrollTop = 0;
  private layoutCache: { version: number; width: number; lines: VisualLine[] } | null = null;
  private readonly now: () => number;
  private readonly historyLimit: number;
  private readonly tabWidth: number;
  private readonly _stats: EditStats = { edits: 0, typedChars: 0, pastedChars: 0, deletedChars: 0, pastes: [], undos: 0 };

  constructor(text = '', options: TextBufferOptions = {}) {
    this.now = options.now ?? Date.now;
    this.historyLimit = options.historyLimit ?? 500;
    this.tabWidth = options.tabWidth ?? 4;
    this._lines = normalizeInsert(text, this.tabWidth).split('\n');
    this._row = this._lines.length - 1;
    this._col = this._lines[this._row].length;
  }

  // ------------------------------------------------------------ reading

  get lines(): readonly string[] {
    return this._lines;
  }
  get text(): string {
    return this._lines.join('\n');
  }
  get cursor(): Cursor {
    return { row: this._row, col: this._col };
  }
  /** Increases on every change of text or cursor. */
  get version(): number {
    return this._version;
  }
  get stats(): EditStats {
    return { ...this._stats, pastes: [...this._stats.pastes] };
  }
  isEmpty(): boolean {
    return this._lines.length === 1 && this._lines[0] === '';
  }
  /** True when the text has only whitespace. */
  isBlank(): boolean {
    return this.text.trim() === '';
  }
  canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  // ------------------------------------------------------------ internals

  private touch(): void {
    this._version++;
  }

  private snapshot(): Snapshot {
    return { lines: this._lines.slice(), row: this._row, col: this._col };
  }

  private pushUndo(kind: EditKind): void {
    // Consecutive typed characters form one undo step.
    if (!(kind === 'type' && this.lastKind === 'type')) {
      this.undoStack.push(this.snapshot());
      if (this.undoStack.length > this.historyLimit) this.undoStack.shift();
    }
    this.redoStack = [];
    this.lastKind = kind;
  }

  private restore(s: Snapshot): void {
    this._lines = s.lines;
    this._row = s.row;
    this._col = s.col;
  }

  // ------------------------------------------------------------ editing

  /**
   * Insert text at the cursor. With `paste` (the terminal marked it as a bracketed paste) it is
   * recorded as one paste event with its size and kept as one undo step; anything else is typing,
   * however many characters arrived at once (an input method commits a whole phrase).
   * Returns the paste event, if it was one.
   */
  insert(text: string, options: { paste?: boolean } = {}): PasteEvent | undefined {
    const clean = normalizeInsert(text, this.tabWidth);
    if (clean === '') return undefined;
    const n = countGraphemes(clean);
    const isPaste = options.paste === true;
    this.pushUndo(isPaste ? 'paste' : 'type');
    const typedSpace = !isPaste && (clean === ' ' || clean === '\n');
    if (typedSpace) this.lastKind = 'wordEnd';
    const line = this._lines[this._row];
    const before = line.slice(0, this._col);
    const after = line.slice(this._col);
    const parts = clean.split('\n');
    if (parts.length === 1) {
      this._lines[this._row] = before + clean + after;
      this._col += clean.length;
    } else {
      const newLines = [before + parts[0], ...parts.slice(1, -1), parts[parts.length - 1] + after];
      this._lines.splice(this._row, 1, ...newLines);
      this._row += parts.length - 1;
      this._col = parts[parts.length - 1].length;
    }
    this.goalX = null;
    this._stats.edits++;
    let event: PasteEvent | undefined;
    if (isPaste) {
      const chars = [...clean].length;
      event = { chars, lines: parts.length, at: this.now() };
      this._stats.pastes.push({ ...event });
      this._stats.pastedChars += chars;
    } else {
      this._stats.typedChars += n;
    }
    this.touch();
    return event;
  }

  newline(): void {
    this.insert('\n');
  }

  private deleteRange(r0: number, c0: number, r1: number, c1: number): void {
    // [r0:c0, r1:c1) with (r0,c0) <= (r1,c1)
    const removed =
      r0 === r1
        ? this._lines[r0].slice(c0, c1)
        : [this._lines[r0].slice(c0), ...this._lines.slice(r0 + 1, r1), this._lines[r1].slice(0, c1)].join('\n');
    const head = this._lines[r0].slice(0, c0);
    const tail = this._lines[r1].slice(c1);
    this._lines.splice(r0, r1 - r0 + 1, head + tail);
    this._row = r0;
    this._col = c0;
    this._stats.deletedChars += [...removed].length;
    this._stats.edits++;
    this.goalX = null;
    this.touch();
  }

  backspace(): boolean {
    if (this._col > 0) {
      const p = prevBoundary(this._lines[this._row], this._col);
      this.pushUndo('other');
      this.deleteRange(this._row, p, this._row, this._col);
      return true;
    }
    if (this._row > 0) {
      this.pushUndo('other');
      const prevLen = this._lines[this._row - 1].length;
      this.deleteRange(this._row - 1, prevLen, this._row, 0);
      return true;
    }
    return false;
  }

  deleteForward(): boolean {
    const line = this._lines[this._row];
    if (this._col < line.length) {
      this.pushUndo('other');
      this.deleteRange(this._row, this._col, this._row, nextBoundary(line, this._col));
      return true;
    }
    if (this._row < this._lines.length - 1) {
      this.pushUndo('other');
      this.deleteRange(this._row, this._col, this._row + 1, 0);
      return true;
    }
    return false;
  }

  deleteWordLeft(): boolean {
    const start = this.wordLeftPos();
    if (start.row === this._row && start.col === this._col) return false;
    this.pushUndo('other');
    this.deleteRange(start.row, start.col, this._row, this._col);
    return true;
  }

  deleteWordRight(): boolean {
    const end = this.wordRightPos();
    if (end.row === this._row && end.col === this._col) return false;
    this.pushUndo('other');
    this.deleteRange(this._row, this._col, end.row, end.col);
    return true;
  }

  /** Delete from the cursor to the end of the line (or the newline when already there). */
  killLineEnd(): boolean {
    const len = this._lines[this._row].length;
    if (this._col < len) {
      this.pushUndo('other');
      this.deleteRange(this._row, this._col, this._row, len);
      return true;
    }
    return this.deleteForward();
  }

  killLineStart(): boolean {
    if (this._col === 0) return this.backspace();
    this.pushUndo('other');
    this.deleteRange(this._row, 0, this._row, this._col);
    return true;
  }

  /** Replace the whole text (drafts, resume); cursor to the end. Clears undo history. */
  setText(text: string): void {
    this._lines = normalizeInsert(text, this.tabWidth).split('\n');
    this._row = this._lines.length - 1;
    this._col = this._lines[this._row].length;
    this.undoStack = [];
    this.redoStack = [];
    this.lastKind = null;
    this.goalX = null;
    this.scrollTop = 0;
    this.touch();
  }

  undo(): boolean {
    const s = this.undoStack.pop();
    if (!s) return false;
    this.redoStack.push(this.snapshot());
    this.restore(s);
    this.lastKind = null;
    this.goalX = null;
    this._stats.undos++;
    this._stats.edits++;
    this.touch();
    return true;
  }

  redo(): boolean {
    const s = this.redoStack.pop();
    if (!s) return false;
    this.undoStack.push(this.snapshot());
    this.restore(s);
    this.lastKind = null;
    this.goalX = null;
    this._stats.edits++;
    this.touch();
    return true;
  }

  // ------------------------------------------------------------ moving

  private wordLeftPos(): Cursor {
    const row = this._row;
    let col = this._col;
    if (col === 0) return row > 0 ? { row: row - 1, col: this._lines[row - 1].length } : { row, col };
    const line = this._lines[row];
    while (col > 0 && !isWordChar(line[col - 1])) col = prevBoundary(line, col);
    while (col > 0 && isWordChar(line[col - 1])) col = prevBoundary(line, col);
    return { row, col };
  }

  private wordRightPos(): Cursor {
    const row = this._row;
    let col = this._col;
    const line = this._lines[row];
    if (col >= line.length) return row < this._lines.length - 1 ? { row: row + 1, col: 0 } : { row, col };
    while (col < line.length && !isWordChar(line[col])) col = nextBoundary(line, col);
    while (col < line.length && isWordChar(line[col])) col = nextBoundary(line, col);
    return { row, col };
  }

  /** Move the cursor. `width` (the editor's text width) makes up/down go by screen line. */
  move(dir: Direction, width?: number): boolean {
    const before = `${this._row}:${this._col}`;
    const line = this._lines[this._row];
    if (dir !== 'up' && dir !== 'down') this.goalX = null;
    switch (dir) {
      case 'left':
        if (this._col > 0) this._col = prevBoundary(line, this._col);
        else if (this._row > 0) {
          this._row--;
          this._col = this._lines[this._row].length;
        }
        break;
      case 'right':
        if (this._col < line.length) this._col = nextBoundary(line, this._col);
        else if (this._row < this._lines.length - 1) {
          this._row++;
          this._col = 0;
        }
        break;
      case 'home':
        this._col = 0;
        break;
      case 'end':
        this._col = line.length;
        break;
      case 'docStart':
        this._row = 0;
        this._col = 0;
        break;
      case 'docEnd':
        this._row = this._lines.length - 1;
        this._col = this._lines[this._row].length;
        break;
      case 'wordLeft': {
        const p = this.wordLeftPos();
        this._row = p.row;
        this._col = p.col;
        break;
      }
      case 'wordRight': {
        const p = this.wordRightPos();
        this._row = p.row;
        this._col = p.col;
        break;
      }
      case 'up':
      case 'down':
        this.moveVertical(dir === 'up' ? -1 : 1, width);
        break;
    }
    const moved = before !== `${this._row}:${this._col}`;
    if (moved) {
      this.lastKind = null;
      this.touch();
    }
    return moved;
  }

  private moveVertical(delta: -1 | 1, width?: number): void {
    if (width === undefined || width <= 0) {
      const x = this.goalX ?? widthOf(this._lines[this._row].slice(0, this._col));
      const target = this._row + delta;
      if (target < 0) {
        this._col = 0;
        return;
      }
      if (target >= this._lines.length) {
        this._col = this._lines[this._row].length;
        return;
      }
      this.goalX = x;
      this._row = target;
      this._col = colAtX(this._lines[target], 0, this._lines[target].length, x);
      return;
    }
    const layout = this.layout(width);
    const vi = this.cursorVisualIndex(layout);
    const cur = layout[vi];
    const x = this.goalX ?? widthOf(this._lines[cur.row].slice(cur.offset, this._col));
    const ti = vi + delta;
    if (ti < 0) {
      this._col = 0;
      this.goalX = null;
      return;
    }
    if (ti >= layout.length) {
      this._col = this._lines[this._row].length;
      this.goalX = null;
      return;
    }
    const t = layout[ti];
    const maxCol = t.last ? t.end : prevBoundary(this._lines[t.row], t.end);
    this.goalX = x;
    this._row = t.row;
    this._col = colAtX(this._lines[t.row], t.offset, Math.max(t.offset, maxCol), x);
  }

  /** Put the cursor at (row, col), clamped. */
  setCursor(row: number, col: number): void {
    this._row = Math.max(0, Math.min(row, this._lines.length - 1));
    this._col = snapToBoundary(this._lines[this._row], col);
    this.goalX = null;
    this.lastKind = null;
    this.touch();
  }

  // ------------------------------------------------------------ layout

  /** Screen lines at `width` columns (word wrap; cached per version and width). */
  layout(width: number): VisualLine[] {
    const w = Math.max(1, Math.floor(width));
    const c = this.layoutCache;
    if (c && c.width === w && c.version === this._version) return c.lines;
    const out: VisualLine[] = [];
    this._lines.forEach((line, row) => {
      const segs: WrapSegment[] = wrapLine(line, w);
      segs.forEach((s, i) => {
        out.push({ row, offset: s.offset, end: s.end, text: line.slice(s.offset, s.end), last: i === segs.length - 1 });
      });
    });
    this.layoutCache = { version: this._version, width: w, lines: out };
    return out;
  }

  private cursorVisualIndex(layout: readonly VisualLine[]): number {
    for (let i = 0; i < layout.length; i++) {
      const v = layout[i];
      if (v.row !== this._row) continue;
      if (this._col < v.end || v.last) return i;
    }
    return layout.length - 1;
  }

  /**
   * The screen lines to draw in a viewport of `viewportRows` x `width` (width = columns for text,
   * one is kept free for the cursor at a line end). Scrolls just enough to keep the cursor visible.
   */
  getVisibleLines(viewportRows: number, width: number): Viewport {
    const rows = Math.max(1, Math.floor(viewportRows));
    const textWidth = Math.max(1, Math.floor(width) - 1);
    const layout = this.layout(textWidth);
    const vi = this.cursorVisualIndex(layout);
    if (vi < this.scrollTop) this.scrollTop = vi;
    if (vi >= this.scrollTop + rows) this.scrollTop = vi - rows + 1;
    this.scrollTop = Math.max(0, Math.min(this.scrollTop, Math.max(0, layout.length - rows)));
    const lines = layout.slice(this.scrollTop, this.scrollTop + rows);
    const cur = layout[vi];
    const cursorCol = Math.min(textWidth, widthOf(this._lines[cur.row].slice(cur.offset, this._col)));
    return { lines, scrollTop: this.scrollTop, total: layout.length, cursorLine: vi - this.scrollTop, cursorCol };
  }
}

/** Offset in line[from, to] whose display column is closest to (not beyond) x. */
function colAtX(line: string, from: number, to: number, x: number): number {
  let col = from;
  let w = 0;
  while (col < to) {
    const n = nextBoundary(line, col);
    const gw = n - col === 1 ? unitWidth(line.charCodeAt(col)) : graphemeWidth(line.slice(col, n));
    if (w + gw > x) break;
    w += gw;
    col = n;
  }
  return Math.min(col, to);
}
