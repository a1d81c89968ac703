// The LLM judge, CL-bench-compatible: strict, all-or-nothing per task (a task is solved only if
// every item passes). It gets only the rubric items that have no machine check, and the answer
// (the task only with `withTask`). A reply that cannot be used is retried a bounded number of
// times; after that the items are `unscored` with the raw reply kept - never pass, never fail,
// never dropped. Verdicts are cached, so regrading the same thing makes no call.
import { PENDING, type JudgeProtocol, type Verdict } from '../grading/verdict.js';
import { answerParams } from '../model/endpoint.js';
import type { ChatClient } from '../model/client.js';
import { errorMessage, UserError } from '../errors.js';
import type { Task } from '../scenario/schema.js';
import { CLBENCH_EVAL_ENV, type GradingTemplate } from '../clbench/eval-template.js';
import { rubricNumber } from '../clbench/rubric.js';
import { gradeClbench, type ClbenchResult } from './clbench-judge.js';
import type { NumberedItem } from './clbench-protocol.js';
import { judgeCacheKey, memoryCache, type VerdictCache } from './cache.js';
import { parseJudgeReply } from './parse.js';
import { judgeMessages } from './prompt.js';

export const DEFAULT_JUDGE_ATTEMPTS = 3;
/** Raw replies kept on unscored verdicts are cut to this many characters. */
const RAW_MAX = 20_000;

export interface Judge {
  /** `judge:<model>` */
  readonly by: string;
  readonly model: string;
  /** `--judge-checks`: items a machine check decided are judged too, as a second opinion. */
  readonly judgeChecks: boolean;
  /** The protocol that grades `task`: as chosen, else clbench for imported CL-bench tasks when eval.py is configured. */
  protocolFor(task: Task): JudgeProtocol;
  /** The clbench protocol: the whole task, as upstream eval.py grades it. */
  judgeTask(task: Task, answer: string, opts?: { signal?: AbortSignal }): Promise<ClbenchResult>;
  /**
   * The clplay protocol. Judges `items` (rubric texts) for one answer; returns one verdict per item, in order.
   * Calls the model only for items not in the cache.
   */
  judge(items: readonly string[], answer: string, opts?: { task?: string; signal?: AbortSignal }): Promise<JudgeOutcome>;
}

export interface JudgeOutcome {
  /** One per item; `pending` for items left undecided because the call was stopped. */
  verdicts: Verdict[];
  /** Judge calls made (0 when everything came from the cache). */
  calls: number;
  cached: number;
  /** The judge could not be reached (after the transport's retries): the items stay pending. */
  unreachable?: string;
}

export interface JudgeOptions {
  cache?: VerdictCache;
  /** Calls per task before the items are left unscored (default 3). */
  attempts?: number;
  /** Show the judge the task prompt too (CL-bench does not). */
  withTask?: boolean;
  now?: () => Date;
  /** Which protocol grades; unset: clbench for imported CL-bench tasks when `clbenchTemplate` is given, else clplay. */
  protocol?: JudgeProtocol;
  /** The grading prompt read from the user's eval.py (needed by the clbench protocol). */
  clbenchTemplate?: GradingTemplate;
  judgeChecks?: boolean;
}

/** The rubric items of a task with the numbers upstream gives them (their place in the row's `rubrics`). */
export function numberedItems(task: Task): NumberedItem[] {
  return task.rubric.map((r, i) => ({ number: rubricNumber(r, i), text: r.text }));
}

export const NO_EVAL_PY = `--judge-protocol clbench needs your copy of CL-bench's eval.py: pass --clbench-eval FILE, set ${CLBENCH_EVAL_ENV}, or run \`clplay config set judge.clbenchEval FILE\``;

export function createJudge(client: ChatClient, opts: JudgeOptions = {}): Judge {
  const ep = client.endpoint;
  const by = `judge:${ep.model}`;
  const cache = opts.cache ?? memoryCache();
  const attempts = Math.max(1, opts.attempts ?? DEFAULT_JUDGE_ATTEMPTS);
  const now = opts.now ?? (() => new Date());
  const params = answerParams(ep.params) as Record<string, unknown>;
  const template = opts.clbenchTemplate;
  if (opts.protocol === 'clbench' && !template) throw new UserError(NO_EVAL_PY, 2);

  return {
    by,
    model: ep.model,
    judgeChecks: Boolean(opts.judgeChecks),
    protocolFor(task) {
      if (opts.protocol) return opts.protocol;
      return task.sourceId !== undefined && template ? 'clbench' : 'clplay';
    },
    async judgeTask(task, answer, callOpts = {}) {
      if (!template) throw new UserError(NO_EVAL_PY, 2);
      return gradeClbench(client, template, numberedItems(task), answer, { attempts, by, now, signal: callOpts.signal });
    },
    async judge(items, answer, callOpts = {}) {
      const task = opts.withTask ? callOpts.task : undefined;
      const at = () => now().toISOString();
      const verdicts: (Verdict | undefined)[] = new Array(items.length).fill(undefined);
      if (items.length === 0) return { verdicts: [], calls: 0, cached: 0 };
      if (answer.trim() === '') {
        // CL-bench scores an empty answer 0 without asking.
        return { verdicts: items.map(() => ({ status: 'fail', by, protocol: 'clplay', reason: 'the answer is empty', at: at() })), calls: 0, cached: 0 };
      }
      const keys = items.map((item) => judgeCacheKey({ item, answer, model: ep.model, params, task }));
      const todo: number[] = [];
      let cached = 0;
      keys.forEach((k, i) => {
        const hit = cache.get(k);
        if (hit) {
          verdicts[i] = { status: hit.status, by: hit.by, protocol: 'clplay', reason: hit.reason, at: hit.at };
          cached++;
        } else todo.push(i);
      });
      let calls = 0;
      if (todo.length > 0) {
        const ask = todo.map((i) => items[i]!);
        let lastRaw: string | undefined;
        let lastProblem = '';
        let done = false;
        let stopped = false;
        let unreachable: string | undefined;
        for (let a = 0; a < attempts && !done; a++) {
          if (callOpts.signal?.aborted) {
            stopped = true;
            break;
          }
          const note =
            a === 0
              ? undefined
              : `Your previous reply could not be used (${lastProblem}). Reply again with ONLY the JSON object, one entry for each of the ${ask.length} requirement(s), keeping reasons to one short sentence.`;
          let reply: string;
          try {
            calls++;
            const r = await client.complete(judgeMessages({ items: ask, answer, task }, note), { signal: callOpts.signal });
            reply = r.text;
            if (r.cutOff) {
              stopped = true;
              break;
            }
          } catch (err) {
            // The transport already retried. A judge that cannot be reached was never asked, so
            // its items stay pending (unscored means a reply came and could not be used).
            unreachable = errorMessage(err);
            stopped = true;
            break;
          }
          lastRaw = reply;
          const parsed = parseJudgeReply(reply, ask.length);
          if (parsed.ok) {
            const when = at();
            for (let j = 0; j < todo.length; j++) {
              const it = parsed.items[j]!;
              const v: Verdict = { status: it.pass ? 'pass' : 'fail', by, protocol: 'clplay', reason: shorten(it.reason), at: when };
              verdicts[todo[j]!] = v;
              await cache.put(keys[todo[j]!]!, { status: v.status as 'pass' | 'fail', by, reason: v.reason, at: when });
            }
            done = true;
          } else {
            lastProblem = parsed.problem;
          }
        }
        if (stopped) {
          // Stopped (Ctrl+C, Esc) or unreachable: nothing was decided; the items stay pending.
          for (const i of todo) verdicts[i] = { ...PENDING };
          if (unreachable !== undefined) return { verdicts: verdicts as Verdict[], calls, cached, unreachable };
        } else if (!done) {
          const when = at();
          for (const i of todo) {
            verdicts[i] = {
              status: 'unscored',
              by,
              protocol: 'clplay',
              reason: `judge reply not usable after ${calls} call(s): ${lastProblem}`,
              at: when,
              ...(lastRaw !== undefined ? { raw: lastRaw.length > RAW_MAX ? `${lastRaw.slice(0, RAW_MAX)}...[cut]` : lastRaw } : {}),
            };
          }
        }
      }
      return { verdicts: verdicts as Verdict[], calls, cached };
    },
  };
}

function shorten(s: string, max = 600): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}
