import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { TextBuffer, normalizeInsert } from '../../src/ui/components/editor/text-buffer.js';
import { applyEditorKey } from '../../src/ui/components/editor/editor-keys.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};
const k = (over: Partial<Key>): Key => ({ ...NO_KEY, ...over });

function typeText(b: TextBuffer, s: string) {
  for (const ch of s) b.insert(ch);
}

describe('TextBuffer editing', () => {
  it('types, moves and deletes', () => {
    const b = new TextBuffer();
    typeText(b, 'helo');
    b.move('left');
    b.insert('l');
    expect(b.text).toBe('hello');
    b.move('home');
    b.deleteForward();
    expect(b.text).toBe('ello');
    b.move('end');
    b.backspace();
    expect(b.text).toBe('ell');
    expect(b.cursor).toEqual({ row: 0, col: 3 });
  });

  it('joins lines with backspace at column 0 and delete at line end', () => {
    const b = new TextBuffer('ab\ncd');
    b.move('docStart');
    b.move('down');
    b.move('home');
    b.backspace();
    expect(b.text).toBe('abcd');
    expect(b.cursor).toEqual({ row: 0, col: 2 });
    b.newline();
    expect(b.text).toBe('ab\ncd');
    b.move('up');
    b.move('end');
    b.deleteForward();
    expect(b.text).toBe('abcd');
  });

  it('inserts a paste as one chunk with newlines, normalising CRLF and CR, and records it', () => {
    let now = 1000;
    const b = new TextBuffer('', { now: () => now });
    b.insert('x');
    now = 2000;
    const ev = b.insert('first\r\nsecond\rthird', { paste: true });
    expect(b.text).toBe('xfirst\nsecond\nthird');
    expect(ev).toEqual({ chars: 18, lines: 3, at: 2000 });
    expect(b.stats.pastes).toEqual([{ chars: 18, lines: 3, at: 2000 }]);
    expect(b.stats.pastedChars).toBe(18);
    expect(b.stats.typedChars).toBe(1);
    expect(b.cursor).toEqual({ row: 2, col: 5 });
    b.undo();
    expect(b.text).toBe('x');
  });

  it('takes many characters at once without the paste mark as typing (only the terminal says what a paste is)', () => {
    const b = new TextBuffer('');
    b.insert('typed fast on a busy machine');
    b.insert('a\nb');
    expect(b.stats.pastes).toEqual([]);
    expect(b.stats.typedChars).toBe(31);
    b.insert('x'.repeat(300), { paste: true });
    expect(b.stats.pastes).toHaveLength(1);
    expect(b.stats.pastedChars).toBe(300);
  });

  it('drops control characters and expands tabs in inserted text', () => {
    expect(normalizeInsert('a\x1b[31mb\tc\x07')).toBe('a[31mb    c');
  });

  it('moves and deletes by word, across lines', () => {
    const b = new TextBuffer('alpha beta-gamma  delta\nnext');
    b.move('docStart');
    b.move('wordRight');
    expect(b.cursor.col).toBe(5);
    b.move('wordRight');
    expect(b.cursor.col).toBe(10);
    b.move('end');
    b.move('wordLeft');
    expect(b.cursor.col).toBe(18);
    b.move('wordRight');
    b.move('wordRight');
    expect(b.cursor).toEqual({ row: 1, col: 0 });
    b.move('wordLeft');
    expect(b.cursor).toEqual({ row: 0, col: 23 });
    b.deleteWordLeft();
    expect(b.text).toBe('alpha beta-gamma  \nnext');
    b.move('home');
    b.deleteWordRight();
    expect(b.text).toBe(' beta-gamma  \nnext');
  });

  it('kills to line start and end', () => {
    const b = new TextBuffer('one two three');
    b.setCursor(0, 4);
    b.killLineEnd();
    expect(b.text).toBe('one ');
    b.killLineStart();
    expect(b.text).toBe('');
  });

  it('undoes typed runs as one step, and redoes', () => {
    const b = new TextBuffer();
    typeText(b, 'abc');
    b.insert(' ');
    typeText(b, 'def');
    expect(b.text).toBe('abc def');
    b.undo(); // one word at a time
    expect(b.text).toBe('abc ');
    b.undo();
    expect(b.text).toBe('');
    expect(b.undo()).toBe(false);
    b.redo();
    expect(b.text).toBe('abc ');
    b.redo();
    expect(b.text).toBe('abc def');
    b.undo();
    b.insert('x');
    expect(b.canRedo()).toBe(false);
  });

  it('moves by whole graphemes (emoji, combining marks) and CJK', () => {
    const b = new TextBuffer('a😀e\u0301中');
    b.move('left');
    expect(b.cursor.col).toBe(5);
    b.move('left');
    expect(b.cursor.col).toBe(3);
    b.backspace();
    expect(b.text).toBe('ae\u0301中');
  });

  it('counts edits and bumps the version', () => {
    const b = new TextBuffer();
    const v0 = b.version;
    typeText(b, 'ab');
    b.backspace();
    b.insert('pasted');
    b.undo();
    expect(b.stats.edits).toBe(5);
    expect(b.stats.undos).toBe(1);
    expect(b.stats.deletedChars).toBe(1);
    expect(b.version).toBeGreaterThan(v0);
  });

  it('setText replaces the text (draft restore) and clears history', () => {
    const b = new TextBuffer('x');
    b.insert('y');
    b.setText('draft\nline');
    expect(b.cursor).toEqual({ row: 1, col: 4 });
    expect(b.canUndo()).toBe(false);
  });
});

describe('TextBuffer under random edits', () => {
  it('keeps the cursor valid and undoes back to the start', () => {
    let x = 7;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    const inserts = ['a', 'b', ' ', '\n', '中', '😀', 'e\u0301', 'pasted\r\nblock', 'x y z'];
    const moves = ['left', 'right', 'up', 'down', 'home', 'end', 'wordLeft', 'wordRight', 'docStart', 'docEnd'] as const;
    for (let round = 0; round < 20; round++) {
      const b = new TextBuffer('start\ntext');
      for (let i = 0; i < 200; i++) {
        const op = rnd(8);
        if (op < 3) b.insert(inserts[rnd(inserts.length)]);
        else if (op === 3) b.backspace();
        else if (op === 4) b.deleteForward();
        else if (op === 5) b.move(moves[rnd(moves.length)], rnd(2) ? 7 : undefined);
        else if (op === 6) {
          if (rnd(2)) b.deleteWordLeft();
          else b.killLineEnd();
        }
        else b.undo();
        const { row, col } = b.cursor;
        expect(row).toBeLessThan(b.lines.length);
        expect(col).toBeLessThanOrEqual(b.lines[row].length);
        // never inside a surrogate pair
        const c = b.lines[row].charCodeAt(col);
        expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
        const v = b.getVisibleLines(4, 8);
        expect(v.cursorLine).toBeGreaterThanOrEqual(0);
        expect(v.cursorLine).toBeLessThan(4);
      }
      while (b.undo());
      expect(b.text).toBe('start\ntext');
    }
  });
});

describe('TextBuffer layout', () => {
  it('wraps long lines and keeps the cursor visible in a small viewport', () => {
    const b = new TextBuffer('word '.repeat(20).trim());
    const v = b.getVisibleLines(3, 21);
    expect(v.total).toBeGreaterThan(3);
    expect(v.lines).toHaveLength(3);
    expect(v.cursorLine).toBe(2);
    expect(v.lines[2].text.endsWith('word')).toBe(true);
    b.move('docStart');
    const v2 = b.getVisibleLines(3, 21);
    expect(v2.scrollTop).toBe(0);
    expect(v2.cursorLine).toBe(0);
    expect(v2.cursorCol).toBe(0);
  });

  it('moves up and down by screen line, keeping the column', () => {
    const b = new TextBuffer('aaaa bbbb cccc dddd\nxy');
    b.setCursor(0, 2);
    b.move('down', 10); // rows: "aaaa bbbb " | "cccc dddd" | "xy"
    expect(b.cursor).toEqual({ row: 0, col: 12 });
    b.move('down', 10);
    expect(b.cursor).toEqual({ row: 1, col: 2 });
    b.move('up', 10);
    expect(b.cursor).toEqual({ row: 0, col: 12 });
    b.move('up', 10);
    b.move('up', 10);
    expect(b.cursor).toEqual({ row: 0, col: 0 });
  });

  it('places the cursor after wide characters at two columns each', () => {
    const b = new TextBuffer('中文ab');
    b.move('home');
    b.move('right');
    b.move('right');
    expect(b.getVisibleLines(2, 20).cursorCol).toBe(4);
  });
});

describe('applyEditorKey (ink key shapes)', () => {
  it('Enter submits; Ctrl+J, Alt+Enter and Shift+Enter insert a newline', () => {
    const b = new TextBuffer('a');
    expect(applyEditorKey(b, '', k({ return: true }))).toEqual({ kind: 'submit' });
    applyEditorKey(b, '\n', k({}));
    applyEditorKey(b, '', k({ return: true, meta: true }));
    applyEditorKey(b, '', k({ return: true, shift: true }));
    expect(b.text).toBe('a\n\n\n');
  });

  it('Backspace (0x7f as key.delete) deletes back; the raw forward-Delete sequence deletes forward', () => {
    const b = new TextBuffer('abc');
    b.setCursor(0, 1);
    applyEditorKey(b, '', k({ delete: true }), '\x7f');
    expect(b.text).toBe('bc');
    applyEditorKey(b, '', k({ delete: true }), '\x1b[3~');
    expect(b.text).toBe('c');
    applyEditorKey(b, '', k({ delete: true })); // raw unknown: treated as backspace
    expect(b.text).toBe('c');
  });

  it('word moves with Ctrl+arrows and Alt+b; undo with Ctrl+Z', () => {
    const b = new TextBuffer('one two');
    applyEditorKey(b, '', k({ leftArrow: true, ctrl: true }));
    expect(b.cursor.col).toBe(4);
    applyEditorKey(b, 'b', k({ meta: true }));
    expect(b.cursor.col).toBe(0);
    applyEditorKey(b, 'x', k({}));
    expect(b.text).toBe('xone two');
    applyEditorKey(b, 'z', k({ ctrl: true }));
    expect(b.text).toBe('one two');
  });

  it('leaves screen keys alone and types ? q and space as text', () => {
    const b = new TextBuffer();
    expect(applyEditorKey(b, '', k({ tab: true })).kind).toBe('ignored');
    expect(applyEditorKey(b, '', k({ pageDown: true })).kind).toBe('ignored');
    expect(applyEditorKey(b, 'c', k({ ctrl: true })).kind).toBe('ignored');
    expect(applyEditorKey(b, '', k({ escape: true, meta: true })).kind).toBe('ignored');
    applyEditorKey(b, '?', k({}));
    applyEditorKey(b, ' ', k({}));
    applyEditorKey(b, 'q', k({}));
    expect(b.text).toBe('? q');
  });

  it('reports a bracketed paste, and a paste of a lone newline is text, not Enter', () => {
    const b = new TextBuffer();
    const r = applyEditorKey(b, 'pasted text\rline two', k({}), undefined, undefined, true);
    expect(r).toEqual({ kind: 'edit', paste: expect.objectContaining({ chars: 20, lines: 2 }) });
    expect(b.text).toBe('pasted text\nline two');
    expect(applyEditorKey(b, '\r', k({ return: true }), undefined, undefined, true).kind).toBe('edit');
    expect(b.text).toBe('pasted text\nline two\n');
  });
});

describe('TextBuffer and input methods', () => {
  it('counts a phrase committed by a Chinese input method as typing, not a paste', () => {
    const b = new TextBuffer('');
    b.insert('完税价格为8');
    b.insert('，保险费不计入。');
    expect(b.stats.pastes).toEqual([]);
    expect(b.text).toBe('完税价格为8，保险费不计入。');
  });

  it('counts pasted Chinese text as a paste when the terminal marks it', () => {
    const long = new TextBuffer('');
    long.insert('进口货物的完税价格由货价加上运费的百分之五十构成保险费不计入完税价格', { paste: true });
    expect(long.stats.pastes).toHaveLength(1);
  });
});
