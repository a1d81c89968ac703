// Reads a judge's reply robustly: fenced JSON, prose around it, <think> blocks, trailing text,
// CL-bench's own key names or plainer ones, a list of "yes"/"no" or of objects. Then checks that
// every item 1..n was judged exactly once. Pure.

export interface ItemJudgement {
  pass: boolean;
  reason: string;
}

export type ParseResult = { ok: true; items: ItemJudgement[]; rationale: string } | { ok: false; problem: string };

/** Candidate JSON texts, most likely first: fenced blocks, then balanced {...} spans. */
function candidates(text: string): string[] {
  const out: string[] = [];
  const fence = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/g;
  let m: RegExpExecArray | null;
  const fenced: string[] = [];
  while ((m = fence.exec(text)) !== null) fenced.push(m[1]!.trim());
  out.push(...fenced.reverse());
  // Balanced objects, scanning from each top-level "{" (strings respected).
  const spans: string[] = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('{', i);
    if (start < 0) break;
    let depth = 0;
    let inStr = false;
    let esc = false;
    let end = -1;
    for (let j = start; j < text.length; j++) {
      const c = text[j]!;
      if (inStr) {
        if (esc) esc = false;
        else if (c === '\\') esc = true;
        else if (c === '"') inStr = false;
        continue;
      }
      if (c === '"') inStr = true;
      else if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          end = j;
          break;
        }
      }
    }
    if (end < 0) break;
    spans.push(text.slice(start, end + 1));
    i = end + 1;
  }
  // Longest first: the verdict object is usually the outermost, biggest one.
  out.push(...spans.sort((a, b) => b.length - a.length));
  return out;
}

function tryParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    try {
      // Trailing commas, a common slip.
      return JSON.parse(s.replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

const YES = new Set(['yes', 'y', 'true', 'pass', 'passed', 'met', 'satisfied', 'fulfilled', '1', 'correct']);
const NO = new Set(['no', 'n', 'false', 'fail', 'failed', 'not met', 'unmet', 'not satisfied', 'unsatisfied', 'not fulfilled', '0', 'incorrect']);

function yesNo(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase().replace(/[.!"']/g, '');
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  if (/^yes\b/.test(s)) return true;
  if (/^no\b/.test(s)) return false;
  return undefined;
}

function pick(o: Record<string, unknown>, re: RegExp): unknown {
  for (const [k, v] of Object.entries(o)) if (re.test(k)) return v;
  return undefined;
}

interface Entry {
  index?: number;
  pass?: boolean;
  reason: string;
}

function toEntry(v: unknown, fallbackIndex?: number): Entry {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const idx = pick(o, /^(item|index|number|no|id|requirement|requirement_?(number|id|index)|rubric_?(number|id|index))$/i);
    const status = pick(o, /^(satisfied|status|verdict|met|result|answer|pass|passed|score|judgement|judgment|decision)$/i);
    const reason = pick(o, /^(reason|rationale|explanation|why|comment|justification|evidence)$/i);
    const n = typeof idx === 'number' ? idx : typeof idx === 'string' && /^\d+$/.test(idx.trim()) ? Number(idx) : undefined;
    return { index: n ?? fallbackIndex, pass: yesNo(status), reason: typeof reason === 'string' ? reason : '' };
  }
  return { index: fallbackIndex, pass: yesNo(v), reason: '' };
}

function entriesOf(obj: Record<string, unknown>): { list?: Entry[]; rationale: string } {
  const rationale = pick(obj, /rationale|reasoning|explanation|summary/i);
  const listKey = Object.keys(obj).find((k) => /requirement|items|status|verdicts|rubric|results|judg|list/i.test(k) && typeof obj[k] === 'object' && obj[k] !== null);
  const raw = listKey ? obj[listKey] : undefined;
  let list: Entry[] | undefined;
  if (Array.isArray(raw)) {
    list = raw.map((v, i) => {
      const e = toEntry(v, undefined);
      // A bare list ("yes", "no", ...) is positional.
      return e.index === undefined ? { ...e, index: i + 1 } : e;
    });
  } else if (raw && typeof raw === 'object') {
    // {"1": "yes", "2": {"satisfied": "no", ...}}
    list = Object.entries(raw as Record<string, unknown>).map(([k, v]) => {
      const n = /^\D*(\d+)\D*$/.exec(k)?.[1];
      return toEntry(v, n ? Number(n) : undefined);
    });
  }
  return { list, rationale: typeof rationale === 'string' ? rationale : '' };
}

/** Strips reasoning blocks some models print before their answer. */
function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/^[\s\S]*<\/think>/i, '');
}

export function parseJudgeReply(reply: string, n: number): ParseResult {
  const text = stripThinking(reply);
  if (text.trim() === '') return { ok: false, problem: 'the reply is empty' };
  let lastProblem = 'no JSON object found in the reply';
  for (const c of candidates(text)) {
    const parsed = tryParse(c);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      if (parsed === undefined) lastProblem = 'the JSON in the reply does not parse (truncated?)';
      continue;
    }
    const { list, rationale } = entriesOf(parsed as Record<string, unknown>);
    if (!list) {
      lastProblem = 'the JSON has no list of requirement statuses';
      continue;
    }
    const byIndex = new Map<number, Entry>();
    let problem: string | undefined;
    for (const e of list) {
      if (e.index === undefined || !Number.isInteger(e.index)) problem = 'an entry has no item number';
      else if (e.index < 1 || e.index > n) problem = `item ${e.index} is not one of the ${n} requirement(s)`;
      else if (byIndex.has(e.index)) problem = `item ${e.index} is judged twice`;
      else if (e.pass === undefined) problem = `item ${e.index} has no clear yes/no`;
      else byIndex.set(e.index, e);
      if (problem) break;
    }
    if (!problem && byIndex.size < n) {
      const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
      problem = `item(s) ${missing.join(', ')} not judged (${byIndex.size} of ${n})`;
    }
    if (problem) {
      lastProblem = problem;
      continue;
    }
    const items = Array.from({ length: n }, (_, i) => {
      const e = byIndex.get(i + 1)!;
      return { pass: e.pass!, reason: e.reason.trim() || rationale.trim() || (e.pass ? 'judged satisfied' : 'judged not satisfied') };
    });
    return { ok: true, items, rationale };
  }
  // An opening brace with no closing one: a cut-off reply.
  if (candidates(text).length === 0 && text.includes('{')) lastProblem = 'the JSON in the reply is cut off (truncated?)';
  return { ok: false, problem: lastProblem };
}
