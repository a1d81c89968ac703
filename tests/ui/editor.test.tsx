import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Editor, useTextBuffer } from '../../src/ui/components/editor/Editor.js';
import type { TextBuffer, EditStats } from '../../src/ui/components/editor/text-buffer.js';
import { KEYS, bracketed, press, renderWithKeys, waitForFrame } from './ink-helpers.js';

afterEach(() => cleanup());

interface Events {
  submits: string[];
  changes: string[];
  pastes: number[];
  other: string[];
  stats?: EditStats;
}

function Harness({ ev, focus = true, width = 30, height = 4, grab }: { ev: Events; focus?: boolean; width?: number; height?: number; grab?: (b: TextBuffer) => void }) {
  const buffer = useTextBuffer('');
  grab?.(buffer);
  return (
    <Editor
      buffer={buffer}
      focus={focus}
      width={width}
      height={height}
      placeholder="Type your answer"
      onSubmit={(t, s) => {
        ev.submits.push(t);
        ev.stats = s;
      }}
      onChange={(t) => ev.changes.push(t)}
      onPaste={(n) => ev.pastes.push(n)}
      onOtherKey={(input, key) => ev.other.push(key.tab ? 'tab' : key.pageDown ? 'pgdn' : input)}
    />
  );
}

const newEvents = (): Events => ({ submits: [], changes: [], pastes: [], other: [] });

describe('Editor', () => {
  it('shows the placeholder, then typed text with a cursor', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = render(<Harness ev={ev} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type your answer'));
    await press(stdin, 'h', 'i');
    expect(lastFrame()).toContain('hi');
    expect(ev.changes.at(-1)).toBe('hi');
  });

  it('Enter submits; Ctrl+J and Alt+Enter insert newlines', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = render(<Harness ev={ev} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, 'a', KEYS.ctrlJ, 'b', KEYS.altEnter, 'c');
    expect(lastFrame()!.split('\n').slice(0, 3)).toEqual(['a', 'b', 'c']);
    await press(stdin, KEYS.enter);
    expect(ev.submits).toEqual(['a\nb\nc']);
    expect(ev.stats?.edits).toBe(5);
  });

  it('takes a bracketed paste as one paste with its newlines and reports its size', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = renderWithKeys(<Harness ev={ev} height={5} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    // The markers arrive cut between reads, as they can from a terminal.
    await press(stdin, '\x1b[20', '0~line one\rline two\r\nline three\x1b[2', '01~');
    const f = lastFrame()!;
    expect(f).toContain('line one');
    expect(f).toContain('line three');
    expect(ev.pastes).toEqual([28]);
    expect(ev.submits).toEqual([]); // the CRs inside a paste do not submit
    expect(f).not.toContain('[20');
  });

  it('types keys that arrive in one read one by one: text then Enter submits', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = renderWithKeys(<Harness ev={ev} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, 'forty-two\r');
    expect(ev.submits).toEqual(['forty-two']);
    expect(ev.pastes).toEqual([]);
    expect(ev.stats?.typedChars).toBe(9);
  });

  it('counts even a one-character bracketed paste as a paste, and many typed keys in one read as typing', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = renderWithKeys(<Harness ev={ev} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, bracketed('x'), 'abcdefgh');
    await waitForFrame(lastFrame, (f) => f.includes('xabcdefgh'));
    expect(ev.pastes).toEqual([1]);
  });

  it('edits: backspace, arrows, Home/End, word delete, undo', async () => {
    const ev = newEvents();
    let buf: TextBuffer | undefined;
    const { lastFrame, stdin } = render(<Harness ev={ev} grab={(b) => (buf = b)} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, ...'hello world'.split(''));
    await press(stdin, KEYS.backspace, KEYS.ctrlW);
    expect(buf!.text).toBe('hello ');
    await press(stdin, KEYS.home, 'X', KEYS.end, 'Y');
    expect(buf!.text).toBe('Xhello Y');
    await press(stdin, KEYS.left, KEYS.left, KEYS.delete);
    expect(buf!.text).toBe('XhelloY');
    await press(stdin, KEYS.ctrlZ);
    expect(buf!.text).toBe('Xhello Y');
    expect(lastFrame()).toContain('Xhello Y');
  });

  it('leaves Tab, PgDn and unknown control keys to the screen, and types ? as text', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = render(<Harness ev={ev} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, KEYS.tab, KEYS.pageDown, '?');
    expect(ev.other).toEqual(['tab', 'pgdn']);
    expect(lastFrame()).toContain('?');
  });

  it('reads no keys when not focused', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = render(<Harness ev={ev} focus={false} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, 'a', KEYS.enter);
    expect(ev.changes).toEqual([]);
    expect(ev.submits).toEqual([]);
  });

  it('never draws past its width when a wrap leaves many hanging spaces', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = render(<Harness ev={ev} width={11} height={3} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, 'aaaa bbbbb', ' ', ' ', ' ', ' ', ' ', ' ');
    let f = lastFrame()!;
    expect(f).not.toContain('…');
    expect(f.split('\n').every((r) => r.length <= 11)).toBe(true);
    await press(stdin, 'ccc');
    f = lastFrame()!;
    expect(f.split('\n').slice(0, 2)).toEqual(['aaaa bbbbb', 'ccc']);
  });

  it('scrolls to keep the cursor visible and wraps CJK within the width', async () => {
    const ev = newEvents();
    const { lastFrame, stdin } = render(<Harness ev={ev} width={11} height={2} />);
    await waitForFrame(lastFrame, (f) => f.includes('Type'));
    await press(stdin, '中文中文中文中文中文');
    const rows = lastFrame()!.split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('中文中文中');
    expect(rows[1].startsWith('文中文中文')).toBe(true);
    await press(stdin, KEYS.ctrlJ, 'x', KEYS.ctrlJ, 'y');
    expect(lastFrame()!.split('\n')[1]).toContain('y');
  });
});
