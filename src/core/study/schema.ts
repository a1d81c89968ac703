// The study file (studies/*.yaml): the written protocol of a human baseline - which scenarios,
// who plays which in what order, under which rules, and which runs a report leaves out. One zod
// schema is the source of the TypeScript types, the validation and studies/study.schema.json.
import { z } from 'zod';

const EXCLUSION_METRICS = ['pastedShare', 'contextSeen', 'activeSecondsPerTask'] as const;
export type ExclusionMetric = (typeof EXCLUSION_METRICS)[number];

export const ExclusionRule = z
  .strictObject({
    /** A short name, shown in reports ("pasted", "skimmed"). */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    /**
     * pastedShare: pasted characters / answer characters, per run (0..1); contextSeen: the share of
     * the context that was on screen, per run (0..1); activeSecondsPerTask: median active seconds
     * per submitted task, per run.
     */
    metric: z.enum(EXCLUSION_METRICS),
    above: z.number().nonnegative().optional(),
    below: z.number().nonnegative().optional(),
    why: z.string().optional(),
  })
  .refine((r) => (r.above === undefined) !== (r.below === undefined), { message: 'give exactly one of above or below' });
export type ExclusionRule = z.infer<typeof ExclusionRule>;

export const StudyFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lower-case letters, digits and dashes (at most 64)'),
  title: z.string().min(1),
  /** Markdown shown to every participant before the first scenario. */
  instructions: z.string().min(1),
  /** When given, the participant must accept it before playing; the time of consent is recorded. */
  consent: z.string().min(1).optional(),
  /** The pool: scenario ids, or every scenario of one category. */
  scenarios: z.union([z.array(z.string().min(1)).min(1), z.strictObject({ category: z.string().min(1) })]),
  /** `all`: every participant plays the whole pool; `random`: `perParticipant` of it, balanced. */
  assignment: z.union([
    z.strictObject({ mode: z.literal('all') }),
    z.strictObject({ mode: z.literal('random'), perParticipant: z.number().int().positive() }),
  ]),
  order: z.enum(['fixed', 'shuffled']),
  /** Seed of the assignment and of the orders: the same seed gives the same plan. */
  seed: z.number().int().nonnegative(),
  /** A study never shows verdicts after each task (`task` is refused). */
  reveal: z.enum(['end', 'never']),
  /** A per-scenario time limit: a countdown, and at zero the draft is submitted as it stands. */
  timeLimitMinutes: z.number().positive().max(24 * 60).optional(),
  /** Participant codes must match this pattern in full, e.g. `P[0-9]{2}` (no names are stored). */
  participantPattern: z.string().min(1),
  exclusions: z.array(ExclusionRule).default([]),
  /** Participant-level bootstrap for confidence intervals. */
  bootstrap: z.strictObject({ samples: z.number().int().min(100).max(100_000), seed: z.number().int().nonnegative() }).default({ samples: 2000, seed: 1 }),
  /** The licence the published dataset carries (written into its datasheet). */
  licence: z.string().min(1).optional(),
});
export type StudyFile = z.infer<typeof StudyFileSchema>;

/** A loaded study: the file's fields, where it came from and the hash of its bytes. */
export interface Study extends Omit<StudyFile, '$schema'> {
  path: string;
  hash: string;
}
