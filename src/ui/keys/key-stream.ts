// Splits what the terminal sends into key presses and pastes. No Ink, no React, no timers.
//
// A terminal read can hold many keys ("text" + Enter typed fast, `jjjj` from key repeat, an
// arrow key's escape sequence) or part of one (an escape sequence cut between two reads). Every
// key is handed on alone, so Enter after typed letters submits and ten `j`s scroll ten rows.
// With bracketed paste on (ESC[?2004h), the terminal wraps a paste in ESC[200~ ... ESC[201~:
// everything between the markers is ONE paste, newlines kept, whatever the read sizes - nothing
// is guessed from timing, and the markers never reach the text, even when cut between reads.

export type KeyEvent =
  /** One key press: a character (grapheme), a control character or one escape sequence. */
  | { kind: 'key'; sequence: string }
  /** What arrived between the paste markers (CR/CRLF turned into \n, control characters dropped). */
  | { kind: 'paste'; text: string };

const ESC = '\x1b';
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';
/** Switch the terminal's bracketed paste on / off. */
export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

type Parsed = { sequence: string; next: number } | 'pending' | undefined;

function isCsiParam(c: number): boolean {
  return (c >= 0x30 && c <= 0x3f) || (c >= 0x20 && c <= 0x2f);
}

/** A CSI sequence (ESC [ params final) starting at `at` (the ESC), as Ink's parser reads it. */
function parseCsi(s: string, at: number, prefix: number): Parsed {
  const start = at + prefix + 1;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isCsiParam(c)) continue;
    if (c === 0x5b && i === start) continue; // legacy ESC [ [ A
    if (c >= 0x40 && c <= 0x7e) return { sequence: s.slice(at, i + 1), next: i + 1 };
    return undefined;
  }
  return 'pending';
}

function parseControl(s: string, at: number, prefix: number): Parsed {
  const type = s[at + prefix];
  if (type === undefined) return 'pending';
  if (type === '[') return parseCsi(s, at, prefix);
  if (type === 'O') {
    const next = at + prefix + 2;
    if (next > s.length) return 'pending';
    const c = s.charCodeAt(next - 1);
    return c >= 0x40 && c <= 0x7e ? { sequence: s.slice(at, next), next } : undefined;
  }
  return undefined;
}

/** Text of a paste as it is inserted: newlines as \n, no control characters but Tab. */
export function cleanPaste(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

/** Longest suffix of `s` that is a proper prefix of `marker` (a marker cut between reads). */
function partialMarkerAtEnd(s: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, s.length); n > 0; n--) {
    if (marker.startsWith(s.slice(s.length - n))) return n;
  }
  return 0;
}

export class KeyStream {
  private pending = '';
  private paste: string | null = null;

  /** True while a paste has started and its end marker has not arrived. */
  get inPaste(): boolean {
    return this.paste !== null;
  }

  /** True when the end of the last read may be the start of a longer sequence (a lone Esc, a
   *  cut escape sequence): call flush() if nothing more arrives soon. */
  get hasPending(): boolean {
    return this.pending !== '' && this.paste === null;
  }

  /** Feed one read from the terminal; returns the complete events in it, in order. */
  push(chunk: string): KeyEvent[] {
    const out: KeyEvent[] = [];
    let s = this.pending + chunk;
    this.pending = '';
    while (s !== '') {
      if (this.paste !== null) {
        const end = s.indexOf(PASTE_END);
        if (end === -1) {
          const keep = partialMarkerAtEnd(s, PASTE_END);
          this.paste += s.slice(0, s.length - keep);
          this.pending = s.slice(s.length - keep);
          return out;
        }
        const text = cleanPaste(this.paste + s.slice(0, end));
        this.paste = null;
        if (text !== '') out.push({ kind: 'paste', text });
        s = s.slice(end + PASTE_END.length);
        continue;
      }
      s = this.keys(s, out);
    }
    return out;
  }

  /** A paste whose end marker never came: end it here with what arrived. */
  endPaste(): KeyEvent[] {
    if (this.paste === null) return [];
    const text = cleanPaste(this.paste + this.pending);
    this.paste = null;
    this.pending = '';
    return text === '' ? [] : [{ kind: 'paste', text }];
  }

  /** Nothing more came: hand on what was held back (a lone Esc is the Esc key). */
  flush(): KeyEvent[] {
    if (this.paste !== null) return [];
    const s = this.pending;
    this.pending = '';
    if (s === '') return [];
    if (s === ESC) return [{ kind: 'key', sequence: ESC }];
    if (s === ESC + ESC) return [{ kind: 'key', sequence: ESC }, { kind: 'key', sequence: ESC }];
    // A cut sequence that never completed: the Esc, then the rest as typed characters.
    const out: KeyEvent[] = [{ kind: 'key', sequence: ESC }];
    this.keys(s.slice(1), out);
    this.pending = '';
    return out;
  }

  /** Split keys off `s` until a paste starts (returns the rest) or `s` is used up. */
  private keys(s: string, out: KeyEvent[]): string {
    let i = 0;
    while (i < s.length) {
      const esc = s.indexOf(ESC, i);
      const textEnd = esc === -1 ? s.length : esc;
      if (textEnd > i) this.text(s.slice(i, textEnd), out);
      if (esc === -1) return '';
      if (esc === s.length - 1) {
        this.pending = ESC;
        return '';
      }
      let parsed = parseControl(s, esc, 1);
      if (parsed === undefined && s[esc + 1] === ESC) {
        // ESC ESC [ A: Alt with an arrow (some terminals).
        if (esc + 2 >= s.length) parsed = 'pending';
        else parsed = parseControl(s, esc, 2) ?? { sequence: s.slice(esc, esc + 2), next: esc + 2 };
      }
      if (parsed === 'pending') {
        this.pending = s.slice(esc);
        // A paste start marker can be cut too: wait for the rest of it.
        return '';
      }
      if (parsed === undefined) {
        // Alt + a character: ESC and the (whole) character.
        const cp = s.codePointAt(esc + 1) ?? 0;
        const len = cp > 0xffff ? 2 : 1;
        parsed = { sequence: s.slice(esc, esc + 1 + len), next: esc + 1 + len };
      }
      if (parsed.sequence === PASTE_START) {
        this.paste = '';
        return s.slice(parsed.next);
      }
      // A stray end marker (a paste that started before we listened) is dropped.
      if (parsed.sequence !== PASTE_END) out.push({ kind: 'key', sequence: parsed.sequence });
      i = parsed.next;
    }
    return '';
  }

  /** Plain text: one event per grapheme; control characters each on their own. */
  private text(t: string, out: KeyEvent[]): void {
    // ASCII fast path: every character is a key.
    if (/^[\x00-\x7f]*$/.test(t)) {
      for (const ch of t) out.push({ kind: 'key', sequence: ch });
      return;
    }
    for (const { segment } of segmenter.segment(t)) {
      if (segment === '\r\n') out.push({ kind: 'key', sequence: '\r' }, { kind: 'key', sequence: '\n' });
      else out.push({ kind: 'key', sequence: segment });
    }
  }
}
