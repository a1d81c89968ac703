// A problem found in a scenario file, and how it is printed: `FILE:LINE:COL field: message`.
import { isAbsolute, relative } from 'node:path';
import { sanitizeInline } from '../text/sanitize.js';

export interface Problem {
  /** The file as it was given (or found); formatProblem may shorten it. */
  file: string;
  /** 1-based; 0 when the problem has no position (a missing directory). */
  line: number;
  /** 1-based, counted in characters. */
  col: number;
  /** Path of the field, e.g. `tasks[2].rubric[0].check.type`; empty for file-level problems. */
  field: string;
  /** One line, says what is wrong and, where it helps, what to do. */
  message: string;
}

/**
 * `FILE:LINE:COL field: message`; with `cwd`, files inside it are shown relative to it. The line is
 * inert: a file name or a quoted value holding an escape sequence prints as text.
 */
export function formatProblem(p: Problem, cwd?: string): string {
  let file = p.file;
  if (cwd && isAbsolute(file)) {
    const rel = relative(cwd, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) file = rel;
  }
  const where = p.line > 0 ? `${file}:${p.line}:${p.col}` : `${file}:`;
  const message = oneLine(p.message);
  return sanitizeInline(p.field ? `${where} ${p.field}: ${message}` : `${where} ${message}`);
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** `tasks[2].rubric[0].check.type` from ['tasks', 2, 'rubric', 0, 'check', 'type']. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out ? `.${s}` : s;
      else out += `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** Maps string offsets to 1-based line and column; built once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    let i = text.indexOf('\n');
    while (i !== -1) {
      this.starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }
  at(offset: number): { line: number; col: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: Math.max(0, offset - s[lo]!) + 1 };
  }
}

/** A short, one-line rendering of a value for messages: `"abc"`, `12`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

export function quote(s: string, max = 40): string {
  const short = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return JSON.stringify(short);
}
