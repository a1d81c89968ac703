// Reads the string literals of Python source, as Python's tokenizer would, and joins adjacent ones
// (implicit concatenation: `"a" "b"` inside parentheses, or on one logical line) into runs. Each
// run is a list of parts: literal text, or an f-string replacement field naming one variable.
// Written for reading CL-bench's eval.py (its grading prompt is such a run); it knows prefixes
// r/u/f/b in any case and combination, single and triple quotes, the escapes Python defines,
// `{{`/`}}` in f-strings, comments, and bracket depth. It does not evaluate anything. Pure.

export type TemplatePart = { text: string } | { field: string };

export interface StringRun {
  parts: TemplatePart[];
  /** 1-based line of the run's first literal. */
  line: number;
}

export class PythonSourceError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'PythonSourceError';
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Python's escape processing for a non-raw str literal body (no quotes). */
export function unescapePython(body: string, line = 1): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[i + 1];
    if (n === undefined) {
      out += '\\';
      break;
    }
    if (n === '\n') {
      // backslash-newline inside a literal: both vanish
      i++;
      continue;
    }
    if (n === '\r') {
      i += body[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i++;
      continue;
    }
    if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCodePoint(parseInt(m, 8));
      i += m.length;
      continue;
    }
    const hexLen = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) throw new PythonSourceError(`a \\${n} escape needs ${hexLen} hex digits`, line);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new PythonSourceError(`\\${n}${hex} is not a Unicode code point`, line);
      out += String.fromCodePoint(cp);
      i += 1 + hexLen;
      continue;
    }
    if (n === 'N') throw new PythonSourceError('\\N{...} escapes (named characters) are not supported', line);
    // An unknown escape keeps its backslash, as Python does.
    out += '\\' + n;
    i++;
  }
  return out;
}

interface Literal {
  prefix: string;
  body: string;
  line: number;
}

/** f-string body -> parts; only `{name}` fields (an identifier) are accepted. */
function fstringParts(lit: Literal, raw: boolean): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ text: raw ? text : unescapePython(text, lit.line) });
    text = '';
  };
  const b = lit.body;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === '{' && b[i + 1] === '{') {
      text += '{';
      i++;
    } else if (c === '}' && b[i + 1] === '}') {
      text += '}';
      i++;
    } else if (c === '{') {
      const end = b.indexOf('}', i);
      if (end < 0) throw new PythonSourceError('an f-string field is not closed', lit.line);
      const expr = b.slice(i + 1, end).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(expr)) throw new PythonSourceError(`the f-string field {${expr}} is not a plain variable name`, lit.line);
      flush();
      parts.push({ field: expr });
      i = end;
    } else if (c === '}') {
      throw new PythonSourceError("a single '}' in an f-string", lit.line);
    } else text += c;
  }
  flush();
  return parts;
}

function partsOf(lit: Literal): TemplatePart[] {
  const p = lit.prefix.toLowerCase();
  if (p.includes('b')) throw new PythonSourceError('a bytes literal is not text', lit.line);
  const raw = p.includes('r');
  if (p.includes('f')) return fstringParts(lit, raw);
  return [{ text: raw ? lit.body : unescapePython(lit.body, lit.line) }];
}

/** Adjacent text parts merged, empty ones dropped. */
function merge(parts: TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if ('text' in p) {
      if (!p.text) continue;
      if (last && 'text' in last) last.text += p.text;
      else out.push({ text: p.text });
    } else out.push(p);
  }
  return out;
}

const PREFIX = /^(?:[rRuUfFbB]|[rR][fFbB]|[fFbB][rR])$/;

/**
 * Every run of adjacent string literals in `source`, in order. Throws PythonSourceError (with the
 * line) for an unterminated literal.
 */
export function stringRuns(source: string): StringRun[] {
  const src = source.replace(/\r\n?/g, '\n');
  const runs: StringRun[] = [];
  let current: { parts: TemplatePart[]; line: number } | undefined;
  let depth = 0;
  let line = 1;
  const end = () => {
    if (current) runs.push({ parts: merge(current.parts), line: current.line });
    current = undefined;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      line++;
      i++;
      // A newline outside brackets ends the logical line (and any run).
      if (depth === 0) end();
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      line++;
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    // A literal: optional prefix, then a quote.
    let j = i;
    while (j < src.length && j - i < 2 && /[rRuUfFbB]/.test(src[j]!)) j++;
    const prefix = src.slice(i, j);
    const q = src[j];
    const prefixOk = prefix === '' || PREFIX.test(prefix);
    const wordBefore = i > 0 && /[A-Za-z0-9_]/.test(src[i - 1]!);
    if ((q === '"' || q === "'") && prefixOk && !wordBefore) {
      const triple = src.startsWith(q.repeat(3), j);
      const quote = triple ? q.repeat(3) : q;
      const startLine = line;
      let k = j + quote.length;
      let body = '';
      for (;;) {
        if (k >= src.length) throw new PythonSourceError('a string literal is not closed', startLine);
        const ch = src[k]!;
        if (ch === '\\') {
          // Even in a raw literal a backslash keeps the next character from ending it.
          body += ch + (src[k + 1] ?? '');
          if (src[k + 1] === '\n') line++;
          k += 2;
          continue;
        }
        if (src.startsWith(quote, k)) {
          k += quote.length;
          break;
        }
        if (ch === '\n') {
          if (!triple) throw new PythonSourceError('a string literal is not closed on its line', startLine);
          line++;
        }
        body += ch;
        k++;
      }
      current ??= { parts: [], line: startLine };
      current.parts.push(...partsOf({ prefix, body, line: startLine }));
      i = k;
      continue;
    }
    // Anything else is a token between literals: it ends a run.
    end();
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    // Skip a whole identifier or number at once, so a name ending in r/b/f/u is not taken as a prefix.
    if (/[A-Za-z0-9_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
    } else i++;
  }
  end();
  return runs;
}
