// The scenario format: one zod schema is the single source of truth for
// scenario files, the TypeScript types, and scenarios/scenario.schema.json.
import { z } from 'zod';

export const CATEGORIES = [
  'domain-knowledge-reasoning',
  'rule-system-application',
  'procedural-task-execution',
  'empirical-discovery-simulation',
] as const;
export type Category = (typeof CATEGORIES)[number];
/**
 * A scenario's category: one of the four, or - only in an imported CL-bench scenario - the
 * upstream label as written when it is none of them (e.g. a mock or a new category), so results
 * show it under its own name as upstream's eval.py does.
 */
export type ScenarioCategory = Category | (string & {});

export function isKnownCategory(c: string): c is Category {
  return (CATEGORIES as readonly string[]).includes(c);
}

/** The name to show for a category: CL-bench's label for the four, else the name as written. */
export function categoryName(c: string): string {
  return isKnownCategory(c) ? CATEGORY_LABELS[c] : c;
}

/** Human labels for categories, as CL-bench names them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  'domain-knowledge-reasoning': 'Domain Knowledge Reasoning',
  'rule-system-application': 'Rule System Application',
  'procedural-task-execution': 'Procedural Task Execution',
  'empirical-discovery-simulation': 'Empirical Discovery & Simulation',
};

export const ORIGINS = ['fictional', 'modified', 'niche'] as const;
export type Origin = (typeof ORIGINS)[number];

const stringOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

// Fields shared by the checks that read a value from the answer (see src/core/checks/answer-part.ts).
/** Read only the line the task asks for with this label (`FEE BY: ...`); it must be in the task's answerLabels. */
const label = z.string().min(1).optional();
/** `whole`: read the whole answer, not the final answer or the labelled lines (default `final`). */
const scope = z.enum(['final', 'whole']).optional();
/** What the value is, for reasons a player reads: "the settle time" -> "expected the settle time 24 min". */
const what = z.string().min(1).optional();

/** A unit a number is stated in: a known unit (mg, g, kg, mL, L, s, min, h, mm, cm, m, km, %) or any name, with other spellings. */
export const UnitSchema = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1), aliases: z.array(z.string().min(1)).optional() }),
]);
export type Unit = z.infer<typeof UnitSchema>;

// ---- checks: deterministic grading of one rubric item ----------------------

export const IncludesCheck = z.strictObject({
  type: z.literal('includes'),
  value: stringOrList,
  mode: z.enum(['all', 'any']).optional(),
  caseSensitive: z.boolean().optional(),
  label,
  scope,
});
export const ExcludesCheck = z.strictObject({
  type: z.literal('excludes'),
  value: stringOrList,
  caseSensitive: z.boolean().optional(),
  label,
  scope,
});
export const RegexCheck = z.strictObject({
  type: z.literal('regex'),
  /** An RE2 pattern the part read must match (or, with negate, must not match in an asserting clause). */
  pattern: z.string().min(1).optional(),
  /** An RE2 pattern whose group `value` (else group 1, else the whole match) captures the stated value. */
  capture: z.string().min(1).optional(),
  /** With capture: the value every capture must equal (a number compares as a number; a list gives accepted spellings). */
  expect: z.union([z.number(), z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** With capture, instead of expect: the numbers the capture states, in order (`161 0 6 16`, `x=161, y=0, ...`). */
  expectNumbers: z.array(z.number()).min(1).optional(),
  flags: z.string().regex(/^[dgimsuvy]*$/, 'flags may only use d g i m s u v y').optional(),
  /** true: the answer must NOT match. */
  negate: z.boolean().optional(),
  label,
  scope,
  what,
});
export const NumberCheck = z.strictObject({
  type: z.literal('number'),
  value: z.number(),
  tolerance: z.number().nonnegative().optional(),
  relTolerance: z.number().nonnegative().optional(),
  /** The unit `value` is in; numbers in other units of the same kind are converted (0.75 g = 750 mg). */
  unit: UnitSchema.optional(),
  label,
  scope,
  what,
});
export const EqualsCheck = z.strictObject({
  type: z.literal('equals'),
  value: z.union([z.string(), z.number()]),
  caseSensitive: z.boolean().optional(),
  label,
  scope,
  what,
});
export const ChoiceCheck = z.strictObject({
  type: z.literal('choice'),
  value: z.string().min(1),
  /** The option labels a player may choose from; default A-E. */
  options: z.array(z.string().min(1)).optional(),
  label,
  scope,
  what,
});
export const WordsCheck = z.strictObject({
  type: z.literal('words'),
  min: z.number().int().nonnegative().optional(),
  max: z.number().int().nonnegative().optional(),
});
export const SentencesCheck = z.strictObject({
  type: z.literal('sentences'),
  min: z.number().int().nonnegative().optional(),
  max: z.number().int().nonnegative().optional(),
});
export const JsonCheck = z.strictObject({
  type: z.literal('json'),
  /** Dotted path with [n] indices, e.g. `items[0].price`. */
  path: z.string().optional(),
  equals: z.unknown().optional(),
});
export const FormatCheck = z.strictObject({
  type: z.literal('format'),
  noBold: z.boolean().optional(),
  noLists: z.boolean().optional(),
  headings: z.array(z.string().min(1)).optional(),
  endsWith: z.string().min(1).optional(),
});

export const CHECK_TYPES = [
  'includes',
  'excludes',
  'regex',
  'number',
  'equals',
  'choice',
  'words',
  'sentences',
  'json',
  'format',
] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

export const CheckSchema = z.discriminatedUnion('type', [
  IncludesCheck,
  ExcludesCheck,
  RegexCheck,
  NumberCheck,
  EqualsCheck,
  ChoiceCheck,
  WordsCheck,
  SentencesCheck,
  JsonCheck,
  FormatCheck,
]);
export type Check = z.infer<typeof CheckSchema>;

// ---- rubric, tasks, scenario ------------------------------------------------

export const RubricItemSchema = z.strictObject({
  /** Shown to players and judges; self-contained (a judge never sees the context). */
  text: z.string().min(1),
  check: CheckSchema.optional(),
  weight: z.number().positive().optional(),
  /**
   * Imported CL-bench items: upstream's number for this item where it is not its position here.
   * Upstream numbers items by their place in the row's list and skips empty ones without
   * renumbering, so after a skipped item the numbers run ahead of the positions.
   */
  number: z.number().int().positive().optional(),
  /** Quotes from the context that support this item; each must occur in the context exactly once. */
  evidence: stringOrList.optional(),
});
export type RubricItem = z.infer<typeof RubricItemSchema>;

export const WrongAnswerSchema = z.strictObject({
  answer: z.string().min(1),
  /** Which prior belief or slip produces this answer. */
  why: z.string().min(1),
});

/** Another correct wording of the answer: it must pass every check. */
export const AcceptAnswerSchema = z.union([
  z.string().min(1),
  z.strictObject({ answer: z.string().min(1), why: z.string().min(1).optional() }),
]);

/** A label a task asks its answer lines to start with (`HALF`, `FEE BY`): letters, digits, spaces, - and _. */
export const ANSWER_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

export const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const SCENARIO_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const TaskSchema = z.strictObject({
  id: z.string().regex(TASK_ID, 'task ids use letters, digits, ".", "_" and "-"'),
  /** Empty only for an imported CL-bench chain's first task (its question is inside the context). */
  prompt: z.string(),
  dependsOn: z.array(z.string()).optional(),
  rubric: z.array(RubricItemSchema).min(1),
  /**
   * The labelled lines the prompt asks for (`HALF: ...`): when an answer has them, checks read
   * those lines instead of the whole answer, and a check's `label` reads one of them.
   */
  answerLabels: z.array(z.string().regex(ANSWER_LABEL, 'a label is letters, digits, spaces, "-" and "_" (no colon)')).min(1).optional(),
  reference: z.string().optional(),
  /** Correct answers in other wordings (bold labels, number words, the trap explained): each must pass every check. */
  accept: z.array(AcceptAnswerSchema).optional(),
  wrong: z.array(WrongAnswerSchema).optional(),
  /** This task's answer as it stands in the history of later tasks under --history given. */
  given: z.string().optional(),
  /** Upstream id (CL-bench task_id) for imported tasks. */
  sourceId: z.string().optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export const SourceSchema = z.strictObject({
  format: z.string().min(1),
  contextId: z.string().optional(),
  taskIds: z.array(z.string()).optional(),
  category: z.string().optional(),
  subCategory: z.string().optional(),
  /**
   * Imported CL-bench messages that are not plain {role, content: text}, by their index in the
   * messages of the scenario's last task: the message as upstream wrote it (every key, in order),
   * with `content: null` where the content is the text clplay holds (context, prompt, given) and
   * the list of content parts where upstream gave a list. Requests send them as written.
   */
  messageShapes: z.record(z.string().regex(/^\d+$/), z.record(z.string(), z.unknown())).optional(),
});

/** A turn before task 1 that is not a task of this scenario (see ScenarioFile.givenTurns). */
export const GivenTurnSchema = z.strictObject({
  /** The user message; '' for the first turn (its question is inside the context). */
  prompt: z.string(),
  /** The assistant message upstream's row holds after it. */
  answer: z.string(),
});
export type GivenTurn = z.infer<typeof GivenTurnSchema>;

export const ScenarioFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(SCENARIO_ID, 'ids use lowercase letters, digits and single dashes ([a-z0-9-]+)'),
  title: z.string().min(1),
  // Any text passes here; the rules (rules.ts) allow one outside CATEGORIES only in an imported
  // CL-bench scenario, with the same "unknown category ... did you mean" message as an enum.
  category: z.union([z.enum(CATEGORIES), z.string().min(1)]),
  subcategory: z.string().min(1),
  origin: z.enum(ORIGINS),
  language: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as en or zh-Hans'),
  estimatedMinutes: z.number().positive(),
  notes: z.string().optional(),
  system: z.string().optional(),
  context: z.string().optional(),
  contextFile: z.string().optional(),
  /**
   * Imported CL-bench row whose earlier rows were not in the file: its earlier turns, as fixed
   * history before task 1. Every player gets them as they are (there are no own answers to them).
   */
  givenTurns: z.array(GivenTurnSchema).min(1).optional(),
  tasks: z.array(TaskSchema).min(1),
  source: SourceSchema.optional(),
});
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

/** A loaded, validated scenario: the context is resolved (contextFile read). */
export interface Scenario extends Omit<ScenarioFile, 'context' | 'contextFile' | '$schema'> {
  context: string;
  /** Absolute path of the scenario file. */
  path: string;
  /** sha256 of the file content (and context file, if any): runs record it. */
  hash: string;
}
