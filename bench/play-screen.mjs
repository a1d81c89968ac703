// Bench module: the whole play screen in-process on a 320,000-character context (figures in
// bench/play-screen-app.ts). Bundled here with code splitting, so Ink's lazily imported devtools
// chunk is never loaded - the way scripts/build.mjs bundles the app.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export default {
  name: 'play-screen',
  async run(ctx) {
    const esbuild = await import('esbuild');
    const outdir = join(ctx.tmp, 'play-screen-bench');
    await esbuild.build({
      entryPoints: { 'play-screen-app': join(ctx.root, 'bench', 'play-screen-app.ts') },
      bundle: true,
      splitting: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      outdir,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      external: ['react-devtools-core'],
      banner: { js: "import { createRequire as __playBenchRequire } from 'node:module'; const require = __playBenchRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const mod = await import(pathToFileURL(join(outdir, 'play-screen-app.js')).href);
    await mod.runPlayScreenBench(ctx);
  },
};
