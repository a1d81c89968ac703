// the context reader (bundled and run by bench/ui.mjs) on a generated 320,000-character context, in-process.
// Figures: cold wrap time (ASCII-heavy Markdown and all-CJK), time to the reader's first frame
// (sanitize + wrap + outline + first render; target <= 100 ms), time per scroll step (one line
// and one page; target <= 10 ms), and a search over the whole context.
// Ink runs in debug mode against a fake terminal (120 x 40) so every render is written at once
// and can be timed synchronously (a real terminal adds Ink's 30 fps throttle, not CPU time).
import React from 'react';
import { render } from 'ink';
import { Reader } from '../src/ui/components/reader/Reader.js';
import { useReader } from '../src/ui/components/reader/use-reader.js';
import { clearWrapCache, wrapText } from '../src/core/text/wrap.js';
import { sanitize } from '../src/core/text/sanitize.js';
import { searchText } from '../src/core/text/search.js';
import type { BenchContext } from './types.js';
import { FakeStdin, FakeStdout } from './fake-terminal.js';

const COLS = 120;
const ROWS = 40;

/** A Markdown-ish context of at least `chars` characters: headings, paragraphs, lists, some CJK. */
export function makeContext(chars: number, seed = 1): string {
  const words = ['the', 'rule', 'applies', 'unless', 'the', 'lantern', 'crosses', 'a', 'river', 'of', 'seven', 'stones', 'procedure', 'reviewer', 'must', 'sign', 'within', '14', 'days', 'and'];
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: string[] = [];
  let n = 0;
  let i = 0;
  while (n < chars) {
    let line: string;
    if (i % 40 === 0) line = `${'#'.repeat(1 + (i % 3))} Section ${i / 40 + 1}: the lantern procedure`;
    else if (i % 13 === 0) line = '';
    else if (i % 29 === 0) line = '规则适用于所有灯笼，除非灯笼穿过一条由七块石头组成的河流。审核人必须在十四天内签字。';
    else if (i % 7 === 0) line = `- item ${i}: ` + Array.from({ length: 6 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
    else line = Array.from({ length: 10 + Math.floor(rnd() * 60) }, () => words[Math.floor(rnd() * words.length)]).join(' ') + '.';
    out.push(line);
    n += line.length + 1;
    i++;
  }
  return out.join('\n');
}

/** Time from a key press to the frame that shows it (React may render after a microtask). */
const cpuSteps: number[] = [];
function step(stdin: FakeStdin, stdout: FakeStdout, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const timer = setTimeout(() => reject(new Error('no frame after a key press')), 2000);
    void stdout.next().then(() => {
      clearTimeout(timer);
      const c = process.cpuUsage(c0);
      cpuSteps.push((c.user + c.system) / 1000);
      resolve(performance.now() - t0);
    });
    stdin.write(key);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function Harness({ text, width, height, plain = false }: { text: string; width: number; height: number; plain?: boolean }) {
  const reader = useReader({ text, width, height });
  return React.createElement(Reader, { reader, focus: true, plain });
}

/** makeContext with inline Markdown in it: strong, emphasis and code on many lines. */
export function makeMarkdownContext(chars: number): string {
  return makeContext(chars).replace(/lantern/g, '**lantern**').replace(/river/g, '*river*').replace(/days/g, '`days`');
}

/** Median page-step time of the reader on `text` (a few renders, 50 steps each). */
async function pageSteps(text: string, plain: boolean, pauseMs = 0, runs = 3): Promise<{ wall: number; cpu: number }> {
  const steps: number[] = [];
  cpuSteps.length = 0;
  for (let r = 0; r < runs; r++) {
    const stdout = new FakeStdout(COLS, ROWS);
    const stdin = new FakeStdin();
    const first = stdout.next();
    const inst = render(React.createElement(Harness, { text: `${text}\nrun ${r} ${plain}`, width: COLS - 2, height: ROWS - 2, plain }), {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    await first;
    await new Promise((res) => setTimeout(res, 20));
    for (let s = 0; s < 50; s++) {
      // A reader's pause between pages (the reader parses the next pages meanwhile).
      if (pauseMs) await new Promise((res) => setTimeout(res, pauseMs));
      steps.push(await step(stdin, stdout, '\x1b[6~'));
    }
    inst.unmount();
    inst.cleanup();
  }
  return { wall: median(steps), cpu: median(cpuSteps) };
}

export async function runUiBench(ctx: BenchContext): Promise<void> {
  {
    const base = makeContext(320_000);
    ctx.log(`context: ${base.length.toLocaleString('en-US')} characters, ${base.split('\n').length.toLocaleString('en-US')} lines, reader ${COLS - 2}x${ROWS - 2}`);

    // Warm up the module code paths once (JIT), on a different text.
    wrapText(makeContext(20_000, 7), 80);

    const wrapTimes: number[] = [];
    for (let r = 0; r < 5; r++) {
      clearWrapCache();
      const t = sanitize(base + ' '.repeat(r));
      const t0 = performance.now();
      wrapText(t, 80);
      wrapTimes.push(performance.now() - t0);
    }
    ctx.figure('wrap 320k chars (Markdown) to 80 cols, cold', median(wrapTimes), 'ms', { max: 50 });

    const cjk = ('中文上下文学习测试，规则与程序适用于所有灯笼。'.repeat(12) + '\n').repeat(Math.ceil(320_000 / 277));
    const cjkTimes: number[] = [];
    for (let r = 0; r < 3; r++) {
      clearWrapCache();
      const t0 = performance.now();
      wrapText(cjk + ' '.repeat(r), 80);
      cjkTimes.push(performance.now() - t0);
    }
    ctx.figure(`wrap ${Math.round(cjk.length / 1000)}k CJK chars to 80 cols, cold`, median(cjkTimes), 'ms', { max: 100 });

    for (const [w, h, label] of [
      [COLS - 2, ROWS - 2, `full terminal, reader ${COLS - 2}x${ROWS - 2}`],
      [72, ROWS - 4, 'play-screen column, reader 72x36'],
    ] as const) {
      const firstFrames: number[] = [];
      const lineSteps: number[] = [];
      const pageSteps: number[] = [];
      cpuSteps.length = 0;
      for (let r = 0; r < 5; r++) {
        const text = base + `\nrun ${w} ${r}`; // a new string: nothing cached
        const stdout = new FakeStdout(COLS, ROWS);
        const stdin = new FakeStdin();
        const first = stdout.next();
        const t0 = performance.now();
        const inst = render(React.createElement(Harness, { text, width: w, height: h }), {
          stdout: stdout as unknown as NodeJS.WriteStream,
          stdin: stdin as unknown as NodeJS.ReadStream,
          debug: true,
          exitOnCtrlC: false,
          patchConsole: false,
        });
        await first;
        firstFrames.push(performance.now() - t0);
        if (!stdout.last.includes('lines 1-')) throw new Error('reader did not draw its first frame');
        // Let Ink run its effects (useInput enables raw mode and starts reading stdin).
        await new Promise((res) => setTimeout(res, 20));
        for (let s = 0; s < 100; s++) lineSteps.push(await step(stdin, stdout, 'j'));
        for (let s = 0; s < 50; s++) pageSteps.push(await step(stdin, stdout, '\x1b[6~'));
        if (!stdout.last.includes('lines ') || stdout.last.includes('lines 1-')) throw new Error('reader did not scroll');
        inst.unmount();
        inst.cleanup();
      }
      ctx.figure(`first frame, 320k context (${label}, median of 5)`, median(firstFrames), 'ms', { max: 100 });
      ctx.figure(`scroll step, one line (${label}, median of 500)`, median(lineSteps), 'ms', { max: 10 });
      ctx.figure(`scroll step, one page (${label}, median of 250)`, median(pageSteps), 'ms', { max: 10 });
      // Wall time above includes waiting for a core on a busy machine; this is the work itself
      // (most of it Ink's per-character output grid, which is proportional to the screen size).
      ctx.figure(`scroll step CPU time (${label}, median)`, median(cpuSteps), 'ms', { max: 10 });
    }

    // The Markdown reader (styles, hidden markers; each row's source line parsed when first on
    // screen) against the same reader drawing the text as written.
    const md = makeMarkdownContext(320_000);
    const plainStep = await pageSteps(md, true);
    const mdStep = await pageSteps(md, false);
    ctx.figure('scroll step, one page, plain reader (320k Markdown, median of 150)', plainStep.wall, 'ms', { max: 10 });
    ctx.figure('scroll step, one page, Markdown reader (320k Markdown, median of 150)', mdStep.wall, 'ms', { max: Math.max(10, plainStep.wall * 1.1) });
    // CPU time per step: on a shared machine wall time is mostly waiting for a core.
    ctx.figure('scroll step CPU time, one page, plain reader (median of 150)', plainStep.cpu, 'ms', { max: 10 });
    ctx.figure('scroll step CPU time, one page, Markdown reader (median of 150)', mdStep.cpu, 'ms', { max: Math.max(10, plainStep.cpu * 1.1) });
    // Pages never shown before, each after a 150 ms pause, as a person reads: a fresh text each
    // time, so nothing is cached from the runs above.
    const fresh = makeMarkdownContext(320_000).replace(/seven/g, 'eight');
    const plainFresh = await pageSteps(fresh, true, 150, 1);
    const mdFresh = await pageSteps(fresh.replace(/stones/g, 'rocks'), false, 150, 1);
    ctx.figure('scroll step CPU time, one new page after a pause, plain reader (median of 50)', plainFresh.cpu, 'ms', { max: 10 });
    ctx.figure('scroll step CPU time, one new page after a pause, Markdown reader (median of 50)', mdFresh.cpu, 'ms', { max: Math.max(10, plainFresh.cpu * 1.1) });

    const doc = wrapText(sanitize(base), 118);
    const s0 = performance.now();
    const res = searchText(doc, 'Reviewer');
    ctx.figure(`search "Reviewer" over 320k (${res.count} hits)`, performance.now() - s0, 'ms', { max: 50 });
  }
}
