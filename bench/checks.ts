// Grading speed: every bundled task's machine checks on a 10,000-character answer (reasoning
// with many numbers, denials, Chinese numerals and number words, then labelled lines and an
// Answer: line), as `clplay check` grades it. Target (issue 9): under 50 ms per task - the median
// of 15 runs of the slowest task. Also: RE2 on the answer shape that hangs a backtracking engine.
import { gradeByChecks } from '../src/core/grading/grade.js';
import { runCheck } from '../src/core/checks/index.js';
import { loadLibrary } from '../src/core/scenario/library.js';
import type { BenchModule } from './types.js';

const PARAGRAPH =
  'Overshoot -41.2 - (-44.0) = 2.8 K, six started half kelvins, so 6 x 4 = 24 minutes from 09:16; ' +
  'it is not 22 minutes and the lid stays shut (do not use the lid). The fee is 296 crowns, not 284 or 314; ' +
  'Kalah scoring would give North 35, but here the store counts 36. 完税价格为二万一千四百八十澜元，不是2,221澜元。 ' +
  'Two hundred and ninety-six crowns; 0.75 g every eight hours; HALF at t = 2 h. ';

function answer(length: number): string {
  const tail = '\nHALF: 2\nQUARTER: 6\nEIGHTH: 14\nAnswer: 296 crowns; settle time 24 minutes; RESUME 09:40.';
  let body = '';
  while (body.length + tail.length < length) body += PARAGRAPH;
  return (body.slice(0, length - tail.length) + tail).slice(0, length);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const bench: BenchModule = {
  name: 'checks',
  async run(ctx) {
    const lib = await loadLibrary([`${ctx.root}/scenarios`], { cacheDir: false });
    const text = answer(10_000);
    let slowest = { ms: 0, task: '' };
    let total = 0;
    for (const s of lib.scenarios) {
      for (const t of s.tasks) {
        gradeByChecks(t, text); // warm up (JIT, compiled patterns)
        const runs: number[] = [];
        for (let i = 0; i < 15; i++) {
          const t0 = performance.now();
          gradeByChecks(t, text);
          runs.push(performance.now() - t0);
        }
        const ms = median(runs);
        total += ms;
        if (ms > slowest.ms) slowest = { ms, task: `${s.id} › ${t.id}` };
      }
    }
    ctx.log(`${lib.scenarios.length} scenarios; slowest task: ${slowest.task}`);
    ctx.figure('grade a 10,000-char answer: slowest bundled task (median of 15)', Math.round(slowest.ms * 10) / 10, 'ms', { max: 50 });
    ctx.figure('grade a 10,000-char answer: all bundled tasks', Math.round(total), 'ms');
    const evil = `${'a'.repeat(100_000)}!`;
    const t0 = performance.now();
    runCheck({ type: 'regex', pattern: '^(a+)+$' }, evil);
    ctx.figure('regex ^(a+)+$ on 100,000 a + "!" (RE2)', Math.round(performance.now() - t0), 'ms', { max: 1000 });
  },
};
export default bench;
