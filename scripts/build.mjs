// Bundles src/cli.tsx into dist/ so that start-up loads one small module graph
// (Ink's unbundled graph costs ~400 ms to load; see shared notes). Code that only
// some commands need (openai SDK, import, results) sits behind dynamic import()
// and lands in separate chunks thanks to splitting.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { clplay: 'src/cli.tsx' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink loads react-devtools-core only when DEV=true; never in clplay.
  external: ['react-devtools-core'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __clplayCreateRequire } from 'node:module'; const require = __clplayCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
