// One task graded by the `clbench` protocol: the prompt from the user's eval.py, one user message
// sent as `{model, messages}` (no streaming, no parameters clplay would add), eval.py's reply
// reading and its retries. Where eval.py would drop the task, clplay keeps every item `unscored`
// and the judgement says how upstream would have counted it - never dropped, never guessed.
import type { TaskJudgement, Verdict } from '../grading/verdict.js';
import type { ChatClient, ChatMessage } from '../model/client.js';
import { errorMessage } from '../errors.js';
import { renderGradingPrompt, type GradingTemplate } from '../clbench/eval-template.js';
import { buildRubricsText, pyStrip, readStatusList, readUpstreamReply, upstreamSolved, type NumberedItem } from './clbench-protocol.js';

const RAW_MAX = 20_000;

export type ClbenchResult =
  | { kind: 'graded'; items: Verdict[]; judgement: TaskJudgement; calls: number }
  /** Stopped (Esc, Ctrl+C) before a reply was used: nothing decided. */
  | { kind: 'stopped'; calls: number }
  /** The judge could not be reached after the transport's retries: nothing decided. */
  | { kind: 'unreachable'; message: string; calls: number };

export interface ClbenchGradeOptions {
  /** eval.py's --max-retries (default 3): calls before the task is given up. */
  attempts: number;
  by: string;
  now: () => Date;
  signal?: AbortSignal;
}

/** The request eval.py sends for these items and this answer. */
export function clbenchMessages(template: Pick<GradingTemplate, 'parts'>, rubricsText: string, answer: string): ChatMessage[] {
  return [{ role: 'user', content: renderGradingPrompt(template, rubricsText, answer) }];
}

const cut = (s: string) => (s.length > RAW_MAX ? `${s.slice(0, RAW_MAX)}...[cut]` : s);

export async function gradeClbench(
  client: ChatClient,
  template: GradingTemplate,
  items: readonly NumberedItem[],
  answer: string,
  o: ClbenchGradeOptions,
): Promise<ClbenchResult> {
  const at = () => o.now().toISOString();
  const base = { by: o.by, protocol: 'clbench' as const };
  if (pyStrip(answer) === '') {
    const when = at();
    return {
      kind: 'graded',
      calls: 0,
      items: items.map(() => ({ ...base, status: 'fail', reason: 'the answer is empty (eval.py scores it 0 without asking the judge)', at: when })),
      judgement: { ...base, protocol: 'clbench', at: when, upstream: 'not solved', score: 0, rationale: 'No model output (eval.py counts it as score 0)' },
    };
  }
  const rubricsText = buildRubricsText(items);
  const dropped = (reason: string, calls: number, raw?: string): ClbenchResult => {
    const when = at();
    const note = `${reason}; eval.py would drop this task (not written to its graded file, so not in its solved/graded)`;
    return {
      kind: 'graded',
      calls,
      items: items.map(() => ({ ...base, status: 'unscored', reason: note, at: when, ...(raw !== undefined ? { raw: cut(raw) } : {}) })),
      judgement: { ...base, protocol: 'clbench', at: when, upstream: 'dropped', note, ...(raw !== undefined ? { raw: cut(raw) } : {}) },
    };
  };
  if (rubricsText === undefined) return dropped('no rubric item has text to grade', 0);
  const messages = clbenchMessages(template, rubricsText, answer);
  const attempts = Math.max(1, o.attempts);
  let calls = 0;
  let lastProblem = '';
  let lastRaw: string | undefined;
  for (let a = 0; a < attempts; a++) {
    if (o.signal?.aborted) return { kind: 'stopped', calls };
    let text: string;
    try {
      calls++;
      const r = await client.complete(messages, { signal: o.signal, stream: false });
      if (r.cutOff) return { kind: 'stopped', calls };
      text = r.text;
    } catch (err) {
      return { kind: 'unreachable', message: errorMessage(err), calls };
    }
    lastRaw = text;
    const reply = readUpstreamReply(text);
    if (reply.kind === 'empty') {
      lastProblem = 'the reply is empty';
      continue;
    }
    if (reply.kind === 'retry') {
      lastProblem = reply.problem;
      continue;
    }
    if (reply.kind === 'uncaught') {
      return dropped(`${reply.problem}: eval.py does not retry this (with --workers 1 it stops)`, calls, text);
    }
    const when = at();
    // The list answers the items that were sent; an empty item is not sent (its number is skipped).
    const sent = items.map((it, i) => ({ i, n: it.number, empty: pyStrip(it.text) === '' })).filter((x) => !x.empty);
    const list = readStatusList(reply.statuses, sent.map((x) => x.n), reply.score);
    const rationale = typeof reply.rationale === 'string' ? reply.rationale : JSON.stringify(reply.rationale);
    const short = pyStrip(rationale).replace(/\s+/g, ' ').slice(0, 400);
    const verdicts: Verdict[] = items.map(() => ({ ...base, status: 'unscored', reason: 'an empty rubric item: eval.py does not send it to the judge', at: when }));
    sent.forEach((x, k) => {
      const it = list.items[k]!;
      verdicts[x.i] = { ...base, status: it.status, reason: it.status === 'unscored' || !short ? it.reason : `${it.reason}. ${short}`, at: when };
    });
    return {
      kind: 'graded',
      calls,
      items: verdicts,
      judgement: {
        ...base,
        protocol: 'clbench',
        at: when,
        upstream: upstreamSolved(reply.score) ? 'solved' : 'not solved',
        score: reply.score,
        rationale,
        ...(list.disagreement ? { disagreement: list.disagreement } : {}),
      },
    };
  }
  return dropped(`no usable reply after ${calls} call(s): ${lastProblem}`, calls, lastRaw);
}
