// scenarios/scenario.schema.json, generated from the zod schema (the single source of truth) so
// editors can complete and check scenario files. Regenerate with `node scripts/gen-schema.mjs`;
// tests/core/scenario/schema-json.test.ts fails when the committed file is stale.
import { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';

const SCENARIO_FIELDS: Record<string, string> = {
  $schema: 'Path or URL of this JSON Schema (for editors); ignored by clplay.',
  id: 'Unique id across all loaded scenarios: lowercase letters, digits and single dashes.',
  title: 'Shown in lists and on the home screen.',
  category:
    "CL-bench's context category: domain-knowledge-reasoning, rule-system-application, procedural-task-execution or empirical-discovery-simulation. An imported CL-bench scenario (source.format: cl-bench) keeps any other upstream label as written.",
  subcategory: 'Free text, e.g. "Game Mechanics".',
  origin: 'fictional (invented), modified (real content changed) or niche (real but obscure).',
  language: 'BCP 47 tag of the material, e.g. en or zh-Hans.',
  estimatedMinutes: 'How long a person needs, reading included.',
  notes: 'For authors: what new knowledge this teaches, which real-world belief it overturns.',
  system: 'Optional system message for a model player.',
  context: 'The material to learn from (Markdown). Give this or contextFile, not both.',
  contextFile: 'Path of a file holding the context, relative to this scenario file.',
  givenTurns: 'Imported CL-bench row whose earlier rows were not imported: its earlier turns (prompt, answer), fixed history before task 1 for every player.',
  tasks: 'The tasks, in order; later tasks may build on earlier answers.',
  source: 'Provenance, e.g. format: cl-bench for imported chains.',
};
const TASK_FIELDS: Record<string, string> = {
  id: 'Unique within the scenario.',
  prompt: 'The question. Empty only for the first task of an imported CL-bench chain.',
  dependsOn: 'Ids of EARLIER tasks whose answers this one builds on.',
  rubric: 'Rubric items; the task is solved when every item passes.',
  reference: 'A model answer; must pass every check of the task.',
  wrong: 'Answers that must fail at least one check (e.g. what prior knowledge would answer).',
  given: "This task's answer as it stands in the history of later tasks under --history given.",
  sourceId: 'Upstream task id (CL-bench task_id) for imported tasks.',
};

type JsonObject = { [k: string]: unknown };

function describe(props: unknown, texts: Record<string, string>): void {
  if (!props || typeof props !== 'object') return;
  for (const [key, text] of Object.entries(texts)) {
    const p = (props as Record<string, JsonObject>)[key];
    if (p && typeof p === 'object') (props as Record<string, JsonObject>)[key] = { description: text, ...p };
  }
}

export function scenarioJsonSchema(): JsonObject {
  const generated = z.toJSONSchema(ScenarioFileSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonObject;
  const { $schema, ...rest } = generated;
  const schema: JsonObject = {
    $schema,
    title: 'clplay scenario',
    description: 'A context-learning scenario for clplay: material to learn from and tasks graded by rubric items. Generated from src/core/scenario/schema.ts; do not edit by hand.',
    ...rest,
  };
  describe(schema.properties, SCENARIO_FIELDS);
  const tasks = (schema.properties as Record<string, JsonObject>).tasks;
  const taskItems = (tasks?.items ?? {}) as JsonObject;
  describe(taskItems.properties, TASK_FIELDS);
  return schema;
}

/** The exact text of scenarios/scenario.schema.json. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
