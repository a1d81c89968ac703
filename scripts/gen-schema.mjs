// Regenerates the JSON Schemas editors use from the zod schemas (the single sources of truth):
// scenarios/scenario.schema.json (src/core/scenario/schema.ts) and studies/study.schema.json
// (src/core/study/schema.ts).
// Usage: node scripts/gen-schema.mjs            (writes the files)
//        node scripts/gen-schema.mjs --check    (exit 1 if a committed file is stale)
// The TypeScript modules are bundled on the fly with esbuild, so no compile step is needed.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCHEMAS = [
  { source: 'src/core/scenario/json-schema.ts', exported: 'scenarioJsonSchemaText', target: 'scenarios/scenario.schema.json' },
  { source: 'src/core/study/json-schema.ts', exported: 'studyJsonSchemaText', target: 'studies/study.schema.json' },
];
const dir = mkdtempSync(join(tmpdir(), 'clplay-schema-'));
try {
  for (const s of SCHEMAS) {
    const out = join(dir, `${s.exported}.mjs`);
    await build({ entryPoints: [join(root, s.source)], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
    const text = (await import(pathToFileURL(out).href))[s.exported]();
    const target = join(root, s.target);
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {
        // No file yet: it is stale by definition.
      }
      if (current !== text) {
        console.error(`${s.target} is stale; run: node scripts/gen-schema.mjs`);
        process.exitCode = 1;
      } else console.log(`${s.target} is up to date`);
    } else {
      writeFileSync(target, text);
      console.log(`wrote ${target}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
