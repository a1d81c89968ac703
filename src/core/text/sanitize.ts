// Make text from a scenario or a model inert for the terminal.
// Escape sequences (CSI colour, cursor moves, OSC title / clipboard writes ended by BEL or ST),
// C0 and C1 control characters other than "\n" and "\t", and DEL are replaced by visible, inert
// forms: ESC -> "␛" (so "\x1b[31m" shows as "␛[31m"), other C0 -> the Unicode control pictures
// ("␇" for BEL, "␍" for a lone CR), DEL -> "␡", C1 (U+0080..U+009F) -> "\x9b"-style text.
// Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make text read
// differently from what it is ("Trojan Source"), are shown as "⟨U+202E⟩".
// "\r\n" becomes "\n"; tabs are expanded to spaces at tab stops. Pure, no I/O.

export interface SanitizeOptions {
  /** Tab stop width; 0 keeps tabs as they are. Default 4. */
  tabWidth?: number;
}

// Anything that needs rewriting: C0 except \n, DEL, C1, and CR (handled separately).
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_G = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function inertChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x1b) return '\u241b'; // ␛
  if (c < 0x20) return String.fromCharCode(0x2400 + c); // ␀ .. ␟
  if (c === 0x7f) return '\u2421'; // ␡
  if (c > 0xff) return `⟨U+${c.toString(16).toUpperCase()}⟩`; // bidi controls
  return '\\x' + c.toString(16).padStart(2, '0'); // C1: shown as text
}

/** True when `text` holds anything `sanitize` would change (tabs and CR included). */
export function needsSanitize(text: string): boolean {
  return UNSAFE.test(text);
}

/** Inert, display-safe copy of `text`. Returns the same string when nothing needs changing. */
export function sanitize(text: string, options: SanitizeOptions = {}): string {
  if (!UNSAFE.test(text)) return text;
  const tabWidth = options.tabWidth ?? 4;
  let out = text.indexOf('\r') === -1 ? text : text.replace(/\r\n/g, '\n');
  out = out.replace(UNSAFE_G, inertChar);
  if (tabWidth > 0 && out.indexOf('\t') !== -1) out = expandTabs(out, tabWidth);
  return out;
}

/** Sanitize a single-line label (a title, a task id): newlines become "⏎", tabs one space. */
export function sanitizeInline(text: string): string {
  const s = sanitize(text, { tabWidth: 0 });
  return s.replace(/\t/g, ' ').replace(/\n/g, '\u23ce');
}

/** Expand tabs to spaces at multiples of `tabWidth` (columns counted per UTF-16 unit). */
export function expandTabs(text: string, tabWidth = 4): string {
  let out = '';
  let col = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      col = 0;
    } else if (c === 9) {
      out += text.slice(last, i);
      const n = tabWidth - (col % tabWidth);
      out += ' '.repeat(n);
      col += n;
      last = i + 1;
    } else {
      col++;
    }
  }
  return out + text.slice(last);
}
