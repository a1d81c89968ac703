// `clplay import` and `clplay validate` on a CL-bench-sized file: wall time and peak RSS of the
// real CLI (dist/clplay.js) as child processes. Targets: import <= 5 s, peak RSS <= 500 MB.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeClbenchLike } from './clbench-fixture.mjs';

export default {
  name: 'import',
  async run(ctx) {
    const file = join(ctx.tmp, 'clbench-like.jsonl');
    const out = join(ctx.tmp, 'imported');
    const t0 = Date.now();
    const made = await writeClbenchLike(file);
    const size = (await stat(file)).size;
    ctx.log(
      `generated ${made.rows} rows over ${made.contexts} contexts, ${(size / 1e6).toFixed(1)} MB; row length mean ${Math.round(made.meanChars).toLocaleString('en-US')} chars, max ${made.maxChars.toLocaleString('en-US')}; ${made.rubricItems.toLocaleString('en-US')} rubric items (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );

    const imp = await ctx.runCli(['import', file, '--out', out]);
    if (imp.code !== 0) throw new Error(`import exited ${imp.code}: ${imp.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
    for (const line of imp.stdout.trim().split('\n')) ctx.log(`| ${line}`);
    ctx.figure('import time', imp.ms / 1000, 's', { max: 5 });
    if (imp.peakRssMb !== null) ctx.figure('import peak RSS', imp.peakRssMb, 'MB', { max: 500 });

    const { checkRoundTrip } = await ctx.loadTs('bench/roundtrip.ts');
    const rt = await checkRoundTrip(file, out);
    ctx.log(`round trip (history given): ${rt.identical} of ${rt.rows} rows byte-identical`);
    if (rt.identical !== rt.rows) throw new Error(`round trip broken, first at task ${rt.firstMismatch}`);

    const again = await ctx.runCli(['import', file, '--out', out]);
    ctx.figure('import again (files unchanged)', again.ms / 1000, 's');

    const val = await ctx.runCli(['validate', out]);
    if (/not available in this build yet/.test(val.stderr)) {
      ctx.log('validate: not available in this build yet - skipped');
      return;
    }
    if (val.code !== 0) {
      // Figures of a validate that failed (or of a dist/ rebuilt under our feet) would mislead.
      ctx.log(`validate exited ${val.code}: ${val.stderr.trim().split('\n').slice(0, 3).join(' | ')} - no figures`);
      return;
    }
    ctx.figure('validate time (500 imported scenarios)', val.ms / 1000, 's', { max: 5 });
    if (val.peakRssMb !== null) ctx.figure('validate peak RSS', val.peakRssMb, 'MB', { max: 500 });
  },
};
