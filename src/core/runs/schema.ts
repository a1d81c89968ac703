// The whole run record as a zod schema: every run file is checked against it when it is read
// (saves folder, `saves merge`, resume), so a damaged or hostile file is refused with one line
// naming the field - `tasks[0]: expected an object, got null` - instead of crashing a screen
// later. Objects are loose: fields a later clplay of the same schema version adds are kept, not
// stripped, so reading and saving a run never drops data.
import * as z from 'zod';
import { JUDGE_PROTOCOLS, type Verdict } from '../grading/verdict.js';
import type { RunRecord } from './types.js';

const isoish = z.string();
const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();

export const verdictSchema: z.ZodType<Verdict> = z.looseObject({
  status: z.enum(['pass', 'fail', 'pending', 'unscored']),
  by: z.string().optional(),
  reason: z.string(),
  at: isoish.optional(),
  raw: z.string().optional(),
  protocol: z.enum(JUDGE_PROTOCOLS).optional(),
  get previous() {
    return z.array(verdictSchema).optional();
  },
  // A judge's second opinion beside a check's verdict (--judge-checks).
  judgeOpinion: z
    .looseObject({ status: z.enum(['pass', 'fail', 'pending', 'unscored']), by: z.string().optional(), reason: z.string(), at: isoish.optional(), raw: z.string().optional(), protocol: z.enum(JUDGE_PROTOCOLS).optional() })
    .optional(),
});

const modelParamsSchema = z.looseObject({
  temperature: z.number().optional(),
  maxTokens: z.number().optional(),
  reasoningEffort: z.string().optional(),
  timeoutSeconds: z.number().optional(),
  retries: z.number().optional(),
});

const playerSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('human'), name: z.string() }),
  z.looseObject({ kind: z.literal('model'), model: z.string(), baseUrl: z.string(), params: modelParamsSchema }),
]);

const pauseSchema = z.looseObject({ at: isoish, ms, kind: z.enum(['pause', 'closed']).optional() });

export const taskResultSchema = z.looseObject({
  taskId: z.string(),
  answer: z.string().optional(),
  draft: z.string().optional(),
  startedAt: isoish.optional(),
  submittedAt: isoish.optional(),
  wallMs: ms.optional(),
  activeMs: ms.optional(),
  pauses: z.array(pauseSchema).optional(),
  edits: count.optional(),
  pastes: z.array(z.looseObject({ at: isoish, chars: count })).optional(),
  linesSeenFraction: z.number().min(0).max(1).optional(),
  searches: z.array(z.string()).optional(),
  seen: z.array(z.tuple([z.number(), z.number()])).optional(),
  contextChars: count.optional(),
  readerAt: z.number().optional(),
  dwellMs: z.array(ms).optional(),
  lastActiveAt: isoish.optional(),
  verdicts: z.array(verdictSchema),
  judgement: z
    .looseObject({
      protocol: z.literal('clbench'),
      by: z.string(),
      at: isoish,
      upstream: z.enum(['solved', 'not solved', 'dropped']),
      score: z.unknown().optional(),
      rationale: z.string().optional(),
      disagreement: z.string().optional(),
      note: z.string().optional(),
      raw: z.string().optional(),
    })
    .optional(),
  status: z.enum(['solved', 'failed', 'pending']),
  tries: count.optional(),
  error: z.string().optional(),
  cutOff: z.boolean().optional(),
  truncated: z.boolean().optional(),
  usage: z.looseObject({ promptTokens: z.number().optional(), completionTokens: z.number().optional() }).optional(),
  latencyMs: ms.optional(),
  // [characters so far, ms since the task started] pairs; checked against the answer on replay.
  timing: z.looseObject({ chunks: z.array(z.tuple([count, ms])).max(100_000) }).optional(),
  timeLimit: z.boolean().optional(),
});

const studyTagSchema = z.looseObject({
  id: z.string(),
  hash: z.string(),
  participant: z.string(),
  position: z.number().int().positive(),
  consentAt: isoish.optional(),
});

export const runRecordSchema = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string(),
  scenarioId: z.string(),
  scenarioHash: z.string(),
  scenarioTitle: z.string().optional(),
  category: z.string().optional(),
  player: playerSchema,
  history: z.enum(['own', 'given']),
  noContext: z.boolean().optional(),
  reveal: z.enum(['task', 'end', 'never']).optional(),
  matchId: z.string().optional(),
  batchId: z.string().optional(),
  repeat: z.number().int().positive().optional(),
  judge: z.string().optional(),
  stream: z.boolean().optional(),
  givenTurns: count.optional(),
  shown: z.looseObject({ instructions: z.boolean().optional(), givenTurns: z.boolean().optional(), questionEnds: z.boolean().optional() }).optional(),
  startedAt: isoish,
  endedAt: isoish.optional(),
  status: z.enum(['in-progress', 'finished', 'stopped']),
  stoppedBy: z.string().optional(),
  study: studyTagSchema.optional(),
  tasks: z.array(taskResultSchema),
});

// The hand-written types in types.ts (with their comments) and this schema must agree both ways:
// a field added to one and not the other fails the typecheck here.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Strip<T> = T extends object ? (T extends readonly unknown[] ? { [K in keyof T]: Strip<T[K]> } : { [K in keyof T as string extends K ? never : K]: Strip<T[K]> }) : T;
export const runTypesAgree: Same<Strip<z.output<typeof runRecordSchema>>, Strip<RunRecord>> = true;

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length > 40 ? 'a string' : `"${v}"`;
  if (typeof v === 'undefined') return 'nothing';
  return `${typeof v === 'number' ? 'the number' : typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false', int: 'a whole number' };

/** `tasks[0].verdicts[2].status` */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the run)';
}

function issueText(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? `missing (expected ${EXPECTED[issue.expected] ?? issue.expected})` : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${kindOf(input)}`;
    case 'invalid_value':
      if (input === undefined) return `missing (expected ${issue.values.map((x) => JSON.stringify(x)).join(' or ')})`;
      return `expected ${issue.values.map((x) => JSON.stringify(x)).join(' or ')}, got ${kindOf(input)}`;
    case 'invalid_union':
      return issue.path.length && (issue as { discriminator?: string }).discriminator
        ? `expected ${((issue as { options?: unknown[] }).options ?? []).map((x) => JSON.stringify(x)).join(' or ')}, got ${kindOf(input && typeof input === 'object' ? (input as Record<string, unknown>)[(issue as { discriminator?: string }).discriminator!] : input)}`
        : 'does not match any allowed shape';
    case 'too_small':
    case 'too_big':
      return `${issue.code === 'too_small' ? 'too small' : 'too big'}: got ${kindOf(input)}`;
    default:
      return issue.message;
  }
}

/** The run, or one line naming the first bad field: `tasks[0]: expected an object, got null`. */
export function checkRunShape(data: unknown): { run: RunRecord } | { problem: string } {
  const r = runRecordSchema.safeParse(data, { reportInput: true });
  if (r.success) return { run: r.data as RunRecord };
  const issue = r.error.issues[0]!;
  const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? 's' : ''})` : '';
  return { problem: `${fieldPath(issue.path)}: ${issueText(issue)}${more}` };
}
