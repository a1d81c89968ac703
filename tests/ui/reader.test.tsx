import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Reader } from '../../src/ui/components/reader/Reader.js';
import { useReader, type ReaderController } from '../../src/ui/components/reader/use-reader.js';
import { KEYS, press, tick, waitForFrame } from './ink-helpers.js';

afterEach(() => cleanup());

function doc(lines = 200): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (i % 50 === 0) out.push(`# Chapter ${i / 50 + 1}`);
    else out.push(`line ${i} of the manual${i % 17 === 0 ? ' with a Needle inside' : ''}`);
  }
  return out.join('\n');
}

interface HarnessProps {
  text: string;
  width?: number;
  height?: number;
  focus?: boolean;
  seen?: [number, number, number][];
  searches?: [string, number][];
  grab?: (r: ReaderController) => void;
}

function Harness({ text, width = 60, height = 8, focus = true, seen, searches, grab }: HarnessProps) {
  const reader = useReader({
    text,
    width,
    height,
    onLinesSeen: (a, b, n) => seen?.push([a, b, n]),
    onSearch: (q, c) => searches?.push([q, c]),
  });
  grab?.(reader);
  return <Reader reader={reader} focus={focus} />;
}

const rows = (frame: string) => frame.split('\n');

describe('Reader', () => {
  it('draws only the visible slice and a position line', async () => {
    const { lastFrame } = render(<Harness text={doc()} height={8} />);
    const f = await waitForFrame(lastFrame, (x) => x.includes('lines'));
    expect(rows(f)).toHaveLength(8);
    expect(rows(f)[0]).toBe('Chapter 1');
    expect(f).toContain('line 6 of the manual');
    expect(f).not.toContain('line 7 of');
    expect(rows(f)[7]).toContain('lines 1-7 of 200');
  });

  it('scrolls with j/k, arrows, PgDn/PgUp, g and G, reporting lines seen', async () => {
    const seen: [number, number, number][] = [];
    const { lastFrame, stdin } = render(<Harness text={doc()} height={8} seen={seen} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines 1-7'));
    await press(stdin, 'j', 'j', KEYS.down);
    expect(rows(lastFrame()!)[0]).toBe('line 3 of the manual');
    await press(stdin, 'k');
    expect(rows(lastFrame()!)[0]).toBe('line 2 of the manual');
    await press(stdin, KEYS.pageDown);
    expect(rows(lastFrame()!)[0]).toBe('line 8 of the manual');
    await press(stdin, KEYS.pageUp);
    expect(rows(lastFrame()!)[0]).toBe('line 2 of the manual');
    await press(stdin, 'G');
    let f = lastFrame()!;
    expect(f).toContain('line 199 of the manual');
    expect(f).toContain('100%');
    await press(stdin, 'g');
    expect(rows(lastFrame()!)[0]).toBe('Chapter 1');
    f = lastFrame()!;
    expect(f).toContain('lines 1-7');
    expect(seen[0]).toEqual([0, 7, 200]);
    expect(seen.some(([a, b]) => a === 193 && b === 200)).toBe(true);
  });

  it('searches with /, shows the count, moves with n and N, and records the search', async () => {
    const searches: [string, number][] = [];
    const { lastFrame, stdin } = render(<Harness text={doc()} height={8} searches={searches} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    await press(stdin, '/');
    await press(stdin, 'n', 'e', 'e', 'd', 'l', 'x', KEYS.backspace, 'e');
    expect(rows(lastFrame()!)[7]).toBe('/needle');
    await press(stdin, KEYS.enter);
    let f = lastFrame()!;
    expect(f).toContain('"needle" 1/11');
    expect(f).toContain('line 17 of the manual with a Needle inside');
    await press(stdin, 'n');
    f = lastFrame()!;
    expect(f).toContain('"needle" 2/11');
    expect(f).toContain('line 34 of the manual');
    await press(stdin, 'N', 'N');
    expect(lastFrame()!).toContain('"needle" 11/11');
    expect(searches).toEqual([['needle', 11]]);
    await press(stdin, KEYS.escape);
    expect(lastFrame()!).not.toContain('needle"');
  });

  it('says when nothing is found, and Esc closes the prompt without searching', async () => {
    const { lastFrame, stdin } = render(<Harness text={doc()} height={8} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    await press(stdin, '/', 'z', 'z', 'q', KEYS.enter);
    expect(lastFrame()!).toContain('"zzq" not found');
    await press(stdin, '/', 'a', KEYS.escape);
    expect(lastFrame()!).toContain('lines 1-7');
  });

  it('opens the outline with o and jumps to a heading', async () => {
    const { lastFrame, stdin } = render(<Harness text={doc()} height={8} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    await press(stdin, 'o');
    let f = lastFrame()!;
    expect(f).toContain('Outline (4 headings)');
    expect(f).toContain('› # Chapter 1'.replace('# ', ''));
    await press(stdin, 'j', 'j', KEYS.enter);
    f = lastFrame()!;
    expect(rows(f)[0]).toBe('Chapter 3');
    expect(f).toContain('lines 101-107');
  });

  it('says so when the text has no headings to outline', async () => {
    const { lastFrame, stdin } = render(<Harness text={'plain\ntext'} height={4} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    await press(stdin, 'o');
    expect(lastFrame()!).toContain('no headings in this text');
    await press(stdin, 'j');
    expect(lastFrame()!).not.toContain('no headings');
  });

  it('can be scrolled by its parent (PgDn from the editor) while not focused', async () => {
    let ctl: ReaderController | undefined;
    const { lastFrame, stdin } = render(<Harness text={doc()} height={8} focus={false} grab={(r) => (ctl = r)} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    await press(stdin, 'j'); // not focused: ignored
    expect(rows(lastFrame()!)[0]).toBe('Chapter 1');
    ctl!.dispatch({ type: 'page', dir: 1 });
    await tick(10);
    expect(rows(lastFrame()!)[0]).toBe('line 6 of the manual');
  });

  it('shows escape sequences from the context inert', async () => {
    const { lastFrame } = render(<Harness text={'safe \x1b[2J\x1b]52;c;aGk=\x07 text'} height={3} />);
    const f = await waitForFrame(lastFrame, (x) => x.includes('safe'));
    expect(f).toContain('safe ␛[2J␛]52;c;aGk=␇ text');
    expect(f).not.toContain('\x07');
  });

  it('re-wraps on a width change, keeping the position', async () => {
    const long = Array.from({ length: 100 }, (_, i) => `para ${i} ` + 'word '.repeat(20)).join('\n');
    const { lastFrame, stdin, rerender } = render(<Harness text={long} width={60} height={6} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    await press(stdin, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
    const before = rows(lastFrame()!)[0];
    rerender(<Harness text={long} width={30} height={6} />);
    await tick(10);
    const f = lastFrame()!;
    expect(rows(f).every((r) => r.length <= 30)).toBe(true);
    const para = /para (\d+)/.exec(before)?.[1] ?? /para (\d+)/.exec(f)?.[1];
    expect(f).toContain(`para ${para}`);
  });

  it('renders CJK text within the width', async () => {
    const text = '第一章 规则\n' + '这是一个很长的中文句子，用来测试换行是否正确。'.repeat(5);
    const { lastFrame } = render(<Harness text={text} width={20} height={8} />);
    const f = await waitForFrame(lastFrame, (x) => x.includes('lines'));
    expect(f).toContain('第一章 规则');
    expect(rows(f)[1]).toBe('这是一个很长的中文句');
  });

  // How fast is measured by `npm run bench`; here, that a 320,000-character context opens and scrolls.
  it('opens and scrolls a 320,000-character context', async () => {
    const text = Array.from({ length: 6000 }, (_, i) => `${i % 100 === 0 ? '## Part ' : ''}Sentence number ${i} of the generated context with some words.`).join('\n');
    expect(text.length).toBeGreaterThan(320_000);
    const { lastFrame, stdin } = render(<Harness text={text} width={80} height={30} />);
    await waitForFrame(lastFrame, (x) => x.includes('lines'));
    for (let i = 0; i < 20; i++) stdin.write('j');
    const f = await waitForFrame(lastFrame, (x) => x.includes('lines 21-'));
    expect(f).toContain('lines 21-');
  });
});
