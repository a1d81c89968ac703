import { describe, expect, it } from 'vitest';
import { KeyStream, type KeyEvent } from '../../../src/ui/keys/key-stream.js';

const keys = (events: KeyEvent[]) => events.map((e) => (e.kind === 'key' ? e.sequence : `<paste:${e.text}>`));

describe('KeyStream', () => {
  it('splits a read into one event per key: letters, Enter, arrows, Alt+letter', () => {
    const s = new KeyStream();
    expect(keys(s.push('ab\r'))).toEqual(['a', 'b', '\r']);
    expect(keys(s.push('jjj'))).toEqual(['j', 'j', 'j']);
    expect(keys(s.push('\x1b[Ax\x1b[5~\x1bb'))).toEqual(['\x1b[A', 'x', '\x1b[5~', '\x1bb']);
  });

  it('keeps a grapheme whole (CJK, emoji with modifiers) and splits an input-method phrase into characters', () => {
    const s = new KeyStream();
    expect(keys(s.push('完税👍🏽'))).toEqual(['完', '税', '👍🏽']);
  });

  it('holds a lone Esc or a cut sequence until the rest comes, or until flush', () => {
    const s = new KeyStream();
    expect(s.push('\x1b')).toEqual([]);
    expect(s.hasPending).toBe(true);
    expect(keys(s.push('[B'))).toEqual(['\x1b[B']);
    expect(s.push('\x1b')).toEqual([]);
    expect(keys(s.flush())).toEqual(['\x1b']);
    expect(s.push('\x1b[1;')).toEqual([]);
    expect(keys(s.push('5C'))).toEqual(['\x1b[1;5C']);
  });

  it('makes everything between the paste markers one paste, newlines as \\n, whatever the read sizes', () => {
    const s = new KeyStream();
    const text = 'line one\rline two\r\nthree';
    expect(keys(s.push(`a\x1b[200~${text}\x1b[201~b`))).toEqual(['a', '<paste:line one\nline two\nthree>', 'b']);
    // The same paste cut in every place, markers included.
    const whole = `\x1b[200~${text}\x1b[201~\r`;
    for (let cut = 1; cut < whole.length; cut++) {
      const t = new KeyStream();
      const out = [...t.push(whole.slice(0, cut)), ...t.push(whole.slice(cut))];
      expect(keys(out), `cut at ${cut}`).toEqual(['<paste:line one\nline two\nthree>', '\r']);
    }
  });

  it('keeps a paste in many reads one paste and lets no marker or control character into it', () => {
    const s = new KeyStream();
    const out: KeyEvent[] = [];
    out.push(...s.push('\x1b[200~'));
    for (let i = 0; i < 30; i++) out.push(...s.push(`${'x'.repeat(9)}\n`));
    expect(s.inPaste).toBe(true);
    out.push(...s.push('\x07\x1b[201~'));
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual({ kind: 'paste', text: `${'x'.repeat(9)}\n`.repeat(30) });
  });

  it('drops a stray end marker, and ends a paste whose end never came when asked', () => {
    const s = new KeyStream();
    expect(keys(s.push('\x1b[201~q'))).toEqual(['q']);
    s.push('\x1b[200~half');
    expect(keys(s.endPaste())).toEqual(['<paste:half>']);
    expect(keys(s.push('k'))).toEqual(['k']);
  });
});
