// studies/study.schema.json, generated from the zod schema so editors can complete and check
// study files. tests/core/study/study.test.ts fails when the committed file is stale; regenerate
// with `node scripts/gen-schema.mjs`.
import { z } from 'zod';
import { StudyFileSchema } from './schema.js';

export function studyJsonSchemaText(): string {
  const { $schema, ...rest } = z.toJSONSchema(StudyFileSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const schema = { $schema, title: 'clplay study', description: 'A human baseline study protocol for clplay. Generated from src/core/study/schema.ts; do not edit by hand.', ...rest };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
