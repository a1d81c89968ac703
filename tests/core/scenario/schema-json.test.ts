import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/core/paths.js';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../../src/core/scenario/json-schema.js';
import { CHECK_TYPES } from '../../../src/core/scenario/schema.js';

describe('scenarios/scenario.schema.json', () => {
  it('equals the schema generated from the zod schema (regenerate: node scripts/gen-schema.mjs)', () => {
    const committed = readFileSync(join(PACKAGE_ROOT, 'scenarios', 'scenario.schema.json'), 'utf8');
    const fresh = scenarioJsonSchemaText();
    expect(committed === fresh, 'scenarios/scenario.schema.json is stale: run `node scripts/gen-schema.mjs` and commit it').toBe(true);
  });

  it('describes the fields editors complete, strictly, with every check type', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON Schema document is walked by path here
    const s = scenarioJsonSchema() as any;
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(expect.arrayContaining(['id', 'title', 'category', 'tasks']));
    expect(s.properties.tasks.items.properties.prompt.description).toMatch(/CL-bench/);
    const text = JSON.stringify(s);
    for (const t of CHECK_TYPES) expect(text).toContain(`"const":"${t}"`);
  });
});
