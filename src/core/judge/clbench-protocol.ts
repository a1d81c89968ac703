// The `clbench` judge protocol: what upstream eval.py does, step for step, so a clplay score can
// stand beside eval.py's. The prompt text comes from the user's own eval.py (eval-template.ts);
// this file holds the code shape around it. Pure.
//
// eval.py, as read: build_rubrics_text numbers the items by their position (1-based), str()s and
// strip()s each, skips empty ones while keeping the numbering, and joins `"{i}. {criteria}"` with
// newlines. The prompt goes out as ONE user message, `{model, messages}` and nothing else. The
// reply is strip()ped; a leading "```json", then a leading "```", then a trailing "```" are cut,
// and it is strip()ped again. An empty result counts as a failed API call (called again). The
// whole text must be one JSON value (json.loads) holding "Overall Score", else the judge is called
// again (up to --max-retries, default 3); after that the row is not written (dropped from
// solved/graded). The score decides: solved iff `score == 1` in Python (1, 1.0 and true; not "1").
// The per-item list is stored as it came and never read for counting.
import type { Verdict } from '../grading/verdict.js';

/** Python's str.strip() whitespace: differs from JS trim() (\x1c-\x1f and \x85 in, \ufeff out). */
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

export function pyStrip(s: string): string {
  return s.replace(PY_STRIP, '');
}

export interface NumberedItem {
  /** The item's upstream number (its 1-based position in the row's `rubrics`). */
  number: number;
  text: string;
}

/** build_rubrics_text: `undefined` when no item has text (upstream then sends a fixed sentence clplay does not ship). */
export function buildRubricsText(items: readonly NumberedItem[]): string | undefined {
  const lines = items.map((it) => ({ n: it.number, t: pyStrip(it.text) })).filter((l) => l.t !== '');
  return lines.length ? lines.map((l) => `${l.n}. ${l.t}`).join('\n') : undefined;
}

/** The reply as call_judge_api leaves it: stripped, code fence cut. */
export function stripFence(reply: string): string {
  let t = pyStrip(reply);
  if (t.startsWith('```json')) t = t.slice(7);
  if (t.startsWith('```')) t = t.slice(3);
  if (t.endsWith('```')) t = t.slice(0, -3);
  return pyStrip(t);
}

/**
 * json.loads: like JSON.parse, but Python also reads the bare constants NaN, Infinity and
 * -Infinity (outside strings). Throws a SyntaxError when it does not parse.
 */
export function pyJsonLoads(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!/NaN|Infinity/.test(text)) throw err;
    // Replace the constants outside strings with marked strings, then map them back.
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        out += c;
        if (c === '\\') out += text[++i] ?? '';
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') {
        inString = true;
        out += c;
        continue;
      }
      const m = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
      if (m) {
        out += `"\\u0000py:${m[1]}"`;
        i += m[1]!.length - 1;
      } else out += c;
    }
    const constants: Record<string, number> = { '\u0000py:NaN': NaN, '\u0000py:Infinity': Infinity, '\u0000py:-Infinity': -Infinity };
    return JSON.parse(out, (_k, v: unknown) => (typeof v === 'string' && v in constants ? constants[v] : v));
  }
}

export type UpstreamReply =
  /** eval.py writes the row: these are its grading_rationale, requirement_status and score. */
  | { kind: 'graded'; score: unknown; statuses: unknown; rationale: unknown }
  /** Empty after stripping: eval.py counts a failed API call and calls again. */
  | { kind: 'empty' }
  /** json.loads failed, or no "Overall Score": eval.py calls the judge again. */
  | { kind: 'retry'; problem: string }
  /** An error eval.py does not catch: with --workers 1 the script stops; with more, the row is dropped. */
  | { kind: 'uncaught'; problem: string };

const isDict = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function readUpstreamReply(reply: string): UpstreamReply {
  const text = stripFence(reply);
  if (text === '') return { kind: 'empty' };
  let json: unknown;
  try {
    json = pyJsonLoads(text);
  } catch (err) {
    return { kind: 'retry', problem: `the reply is not one JSON value (${(err as Error).message})` };
  }
  // `"Overall Score" not in result_json`, then result_json.get(...): what Python does for each type.
  if (isDict(json)) {
    if (!Object.prototype.hasOwnProperty.call(json, 'Overall Score')) return { kind: 'retry', problem: "Missing 'Overall Score' field" };
    return {
      kind: 'graded',
      score: json['Overall Score'],
      statuses: Object.prototype.hasOwnProperty.call(json, 'List of Requirement Satisfaction Status') ? json['List of Requirement Satisfaction Status'] : [],
      rationale: Object.prototype.hasOwnProperty.call(json, 'Grading Rationale') ? json['Grading Rationale'] : '',
    };
  }
  if (Array.isArray(json) || typeof json === 'string') {
    const holds = Array.isArray(json) ? json.includes('Overall Score') : json.includes('Overall Score');
    if (!holds) return { kind: 'retry', problem: "Missing 'Overall Score' field" };
    return { kind: 'uncaught', problem: `the reply is a JSON ${Array.isArray(json) ? 'list' : 'string'}, not an object (AttributeError in eval.py)` };
  }
  return { kind: 'uncaught', problem: `the reply is the JSON ${json === null ? 'null' : typeof json} ${String(json).slice(0, 20)}, not an object (TypeError in eval.py)` };
}

/** calculate_statistics: `item.get("score") == 1` in Python (1, 1.0 and True are equal to 1). */
export function upstreamSolved(score: unknown): boolean {
  return score === 1 || score === true;
}

export function describeScore(score: unknown): string {
  if (typeof score === 'string') return `"${score.slice(0, 20)}" (a string)`;
  if (score === undefined) return 'missing';
  return JSON.stringify(score) ?? String(score);
}

export interface ListReading {
  /** One per item, in the given order. */
  items: Pick<Verdict, 'status' | 'reason'>[];
  /** Where the list and the score disagree (or the list is not one entry per item). */
  disagreement?: string;
}

function entryStatus(e: unknown): 'pass' | 'fail' | undefined {
  if (typeof e === 'boolean') return e ? 'pass' : 'fail';
  if (typeof e !== 'string') return undefined;
  const s = e.trim().toLowerCase();
  return s === 'yes' ? 'pass' : s === 'no' ? 'fail' : undefined;
}

/**
 * The judge's per-item list read against the items (numbered as sent) and the score. An entry per
 * item (or, where numbering has gaps, per number) is read as yes/no; anything else, or a missing
 * entry, leaves that item unscored. Disagreements with the score are described, not resolved.
 */
export function readStatusList(statuses: unknown, numbers: readonly number[], score: unknown): ListReading {
  const n = numbers.length;
  const problems: string[] = [];
  let entries: unknown[] = [];
  if (Array.isArray(statuses)) entries = statuses;
  else problems.push('the judge gave no list of per-item statuses');
  const max = Math.max(0, ...numbers);
  // A list as long as the highest number (gaps where empty items were skipped) is read by number.
  const byNumber = entries.length !== n && entries.length === max && max > n;
  if (Array.isArray(statuses) && entries.length !== n && !byNumber) problems.push(`the list has ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} for ${n} item${n === 1 ? '' : 's'}`);
  const items = numbers.map((num, i) => {
    const e = byNumber ? entries[num - 1] : entries[i];
    if (e === undefined) return { status: 'unscored' as const, reason: `the judge's list has no entry for item ${num}` };
    const st = entryStatus(e);
    if (!st) return { status: 'unscored' as const, reason: `the judge answered ${JSON.stringify(e)?.slice(0, 30)} for item ${num}` };
    return { status: st, reason: st === 'pass' ? 'judge (CL-bench protocol): yes' : 'judge (CL-bench protocol): no' };
  });
  const solved = upstreamSolved(score);
  const failed = numbers.filter((_, i) => items[i]!.status === 'fail');
  const plain = solved || score === 0 || score === false;
  if (!plain) problems.push(`the Overall Score is ${describeScore(score)}, which eval.py counts as not solved`);
  if (solved && failed.length) problems.push(`the list marks item${failed.length > 1 ? 's' : ''} ${failed.join(', ')} "no" but the Overall Score is 1 (eval.py counts it solved)`);
  if (plain && !solved && n > 0 && items.every((it) => it.status === 'pass')) problems.push(`the list marks every item "yes" but the Overall Score is ${describeScore(score)} (eval.py counts it not solved)`);
  return { items, ...(problems.length ? { disagreement: problems.join('; ') } : {}) };
}
