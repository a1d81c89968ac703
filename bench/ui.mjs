// Bench module: the context reader on a generated 320,000-character context (see
// bench/ui-reader.ts for the figures). The TypeScript part is bundled here with code splitting,
// so Ink's lazily imported devtools chunk (react-devtools-core) is never loaded - the same way
// scripts/build.mjs bundles the app.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export default {
  name: 'ui',
  async run(ctx) {
    const esbuild = await import('esbuild');
    const outdir = join(ctx.tmp, 'ui-bench');
    await esbuild.build({
      entryPoints: { 'ui-reader': join(ctx.root, 'bench', 'ui-reader.ts') },
      bundle: true,
      splitting: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      outdir,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      external: ['react-devtools-core'],
      banner: { js: "import { createRequire as __uiBenchRequire } from 'node:module'; const require = __uiBenchRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const mod = await import(pathToFileURL(join(outdir, 'ui-reader.js')).href);
    await mod.runUiBench(ctx);
  },
};
