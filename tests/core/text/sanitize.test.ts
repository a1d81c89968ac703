import { describe, expect, it } from 'vitest';
import { expandTabs, needsSanitize, sanitize, sanitizeInline } from '../../../src/core/text/sanitize.js';

const ESC = '\x1b';

function hasControl(s: string): boolean {
   
  return /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(s);
}

describe('sanitize', () => {
  it('returns clean text unchanged (same string)', () => {
    const t = 'plain text\nwith lines, 中文 and émoji 😀';
    expect(sanitize(t)).toBe(t);
    expect(needsSanitize(t)).toBe(false);
  });

  it('shows a CSI colour sequence inert', () => {
    const out = sanitize(`${ESC}[31mred${ESC}[0m`);
    expect(out).toBe('␛[31mred␛[0m');
    expect(hasControl(out)).toBe(false);
  });

  it('neutralises cursor moves and screen clears', () => {
    const out = sanitize(`a${ESC}[2J${ESC}[H${ESC}[10;20Hb${ESC}[1A`);
    expect(out).not.toContain(ESC);
    expect(out).toBe('a␛[2J␛[H␛[10;20Hb␛[1A');
  });

  it('neutralises an OSC 52 clipboard write ended by BEL', () => {
    const attack = `before${ESC}]52;c;ZWNobyBwd25lZA==\x07after`;
    const out = sanitize(attack);
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\x07');
    expect(out).toBe('before␛]52;c;ZWNobyBwd25lZA==␇after');
  });

  it('neutralises an OSC title ended by ST (ESC \\) and the 8-bit C1 forms', () => {
    const out = sanitize(`${ESC}]0;pwned${ESC}\\ x \x9b31m \x9d0;t\x9c`);
    expect(hasControl(out)).toBe(false);
    expect(out).toContain('␛]0;pwned␛\\');
    expect(out).toContain('\\x9b31m');
    expect(out).toContain('\\x9d0;t\\x9c');
  });

  it('keeps newlines, turns CRLF into LF and shows a lone CR', () => {
    expect(sanitize('a\r\nb\nc')).toBe('a\nb\nc');
    expect(sanitize('progress 10%\rprogress 99%')).toBe('progress 10%␍progress 99%');
  });

  it('shows NUL, backspace, DEL and other C0 controls as symbols', () => {
    const out = sanitize('a\x00b\x08c\x7fd\x1ae');
    expect(out).toBe('a␀b␈c␡d␚e');
  });

  it('expands tabs to tab stops', () => {
    expect(sanitize('a\tb\n\tc')).toBe('a   b\n    c');
    expect(expandTabs('ab\tc', 8)).toBe('ab      c');
    expect(sanitize('a\tb', { tabWidth: 0 })).toBe('a\tb');
  });

  it('shows bidirectional overrides (Trojan Source) visibly, keeps ordinary RTL text', () => {
    expect(sanitize('access\u202e\u2066 level')).toBe('access⟨U+202E⟩⟨U+2066⟩ level');
    expect(sanitize('שלום عربى')).toBe('שלום عربى');
  });

  it('sanitizeInline makes one line', () => {
    expect(sanitizeInline(`x\ny\t${ESC}[1m`)).toBe('x⏎y ␛[1m');
  });
});
