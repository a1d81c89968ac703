// Regenerates scenarios/scenario.schema.json from the zod schema (src/core/scenario/schema.ts).
// Usage: node scripts/gen-schema.mjs            (writes the file)
//        node scripts/gen-schema.mjs --check    (exit 1 if the committed file is stale)
// The TypeScript module is bundled on the fly with esbuild, so no compile step is needed.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'scenarios', 'scenario.schema.json');
const dir = mkdtempSync(join(tmpdir(), 'clplay-schema-'));
try {
  const out = join(dir, 'json-schema.mjs');
  await build({
    entryPoints: [join(root, 'src/core/scenario/json-schema.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  const { scenarioJsonSchemaText } = await import(pathToFileURL(out).href);
  const text = scenarioJsonSchemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // No file yet: it is stale by definition.
    }
    if (current !== text) {
      console.error('scenarios/scenario.schema.json is stale; run: node scripts/gen-schema.mjs');
      process.exitCode = 1;
    } else console.log('scenarios/scenario.schema.json is up to date');
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
