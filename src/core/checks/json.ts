// `json`: the answer parses as JSON - the whole answer, or else a fenced block (```json blocks
// first, then other fenced blocks; the last one that parses wins). With `path` (`a.b[0].c`,
// `[2].name`, `a["odd key"]`) the value there must exist; with `equals` it must deep-equal that
// value (object key order does not matter).
import type { Check } from '../scenario/schema.js';
import { errorMessage } from '../errors.js';
import { quote } from './normalize.js';
import { fail, pass, type CheckResult } from './result.js';

type JsonCheck = Extract<Check, { type: 'json' }>;

export type PathKey = string | number;

/** Parses `a.b[0].c` into ['a', 'b', 0, 'c']; null when the path is malformed. */
export function parsePath(path: string): PathKey[] | null {
  const keys: PathKey[] = [];
  const re = /\.?([^.[\]"]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/gy;
  let pos = 0;
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (!m || m[0].length === 0) return null;
    if (m[1] !== undefined) {
      if (pos === 0 && m[0].startsWith('.')) return null;
      keys.push(m[1]);
    } else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(JSON.parse(`"${m[3]}"`) as string);
    pos = re.lastIndex;
  }
  return keys;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  return ak.length === Object.keys(bo).length && ak.every((k) => Object.hasOwn(bo, k) && deepEqual(ao[k], bo[k]));
}

interface Parsed {
  value: unknown;
  where: string;
}

/** The JSON an answer holds: the whole answer, else its fenced blocks. */
export function findJson(answer: string): { parsed?: Parsed; error: string } {
  const text = answer.replace(/^\uFEFF/, '').trim();
  let error = '';
  try {
    return { parsed: { value: JSON.parse(text), where: 'the answer' }, error };
  } catch (err) {
    error = errorMessage(err);
  }
  const blocks = [...text.matchAll(/^[ \t]*(```+|~~~+)[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)\n[ \t]*\1[ \t]*$/gm)].map((m) => ({
    lang: m[2]!.toLowerCase(),
    body: m[3]!,
  }));
  const isJson = (b: { lang: string }) => b.lang === 'json' || b.lang === 'jsonc';
  const jsonFirst = [...blocks.filter(isJson).reverse(), ...blocks.filter((b) => !isJson(b)).reverse()];
  for (const b of jsonFirst) {
    try {
      return { parsed: { value: JSON.parse(b.body), where: `the ${b.lang || 'fenced'} block` }, error };
    } catch (err) {
      error = `the ${b.lang || 'fenced'} block does not parse: ${errorMessage(err)}`;
    }
  }
  return { error: blocks.length ? error : `no fenced block, and the answer is not JSON (${error})` };
}

const show = (v: unknown) => (v === undefined ? 'undefined' : quote(JSON.stringify(v), 40).slice(1, -1));

export function checkJson(check: JsonCheck, answer: string): CheckResult {
  const { parsed, error } = findJson(answer);
  if (!parsed) return fail(`not JSON: ${error.replace(/\s+/g, ' ').slice(0, 100)}`);
  const hasEquals = 'equals' in check && check.equals !== undefined;
  let value = parsed.value;
  let at = parsed.where;
  if (check.path !== undefined && check.path !== '') {
    const keys = parsePath(check.path);
    if (!keys) return fail(`the check's path "${check.path}" is malformed (write it like a.b[0].c)`);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const container = value as Record<string | number, unknown> | null;
      const ok =
        typeof key === 'number'
          ? Array.isArray(container) && key < container.length
          : container !== null && typeof container === 'object' && !Array.isArray(container) && Object.hasOwn(container, key);
      if (!ok) {
        const done = keys.slice(0, i);
        return fail(`${parsed.where} has no "${check.path}"${done.length ? ` (found up to ${formatKeys(done)})` : ''}`);
      }
      value = container![key];
    }
    at = `"${check.path}"`;
  }
  if (!hasEquals) return pass(`${at} ${check.path ? `is ${show(value)}` : 'parses as JSON'}`);
  if (deepEqual(value, check.equals)) return pass(`${at} is ${show(value)}`);
  return fail(`${at} is ${show(value)}, expected ${show(check.equals)}`);
}

function formatKeys(keys: PathKey[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
