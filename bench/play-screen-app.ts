// the whole play screen (bundled and run by bench/play-screen.mjs) (reader + task panel + editor, inside the app) on a
// generated 320,000-character context, in-process. Figures: time from render() to the play
// screen's first frame (target <= 100 ms), a reader scroll step (page, line; target <= 10 ms) and
// a key typed in the answer editor (target <= 10 ms), each the median of many.
// Ink runs in debug mode against a fake 120 x 40 terminal, so every render is written at once and
// can be timed (a real terminal adds Ink's 30 fps throttle, which is not CPU time).
import React from 'react';
import { render } from 'ink';
import { App } from '../src/ui/app.js';
import type { AppDeps } from '../src/ui/app-context.js';
import { gradeByChecks } from '../src/core/grading/grade.js';
import type { RunRecord } from '../src/core/runs/types.js';
import type { Scenario } from '../src/core/scenario/schema.js';
import type { BenchContext } from './types.js';
import { FakeStdin, FakeStdout } from './fake-terminal.js';

const COLS = 120;
const ROWS = 40;
const CONTEXT_CHARS = 320_000;


function generatedContext(): string {
  const words = 'harbour levy vessel tide glass salt mark season berth article exemption surcharge receipt master rounding'.split(' ');
  const parts: string[] = [];
  let n = 0;
  let section = 0;
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  while (n < CONTEXT_CHARS) {
    const head = `## Article ${++section}`;
    const para = Array.from({ length: 60 + Math.floor(rnd() * 80) }, () => words[Math.floor(rnd() * words.length)]).join(' ') + '.';
    parts.push(head, '', para, '');
    n += head.length + para.length + 3;
  }
  return parts.join('\n').slice(0, CONTEXT_CHARS);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

async function timeKey(stdout: FakeStdout, stdin: FakeStdin, key: string): Promise<number> {
  const frame = stdout.next();
  const t0 = performance.now();
  stdin.write(key);
  await frame;
  return performance.now() - t0;
}

export async function runPlayScreenBench(ctx: BenchContext): Promise<void> {
  const context = generatedContext();
  const scenario: Scenario = {
    id: 'bench-play',
    title: 'Bench: a 320,000-character context',
    category: 'rule-system-application',
    subcategory: 'Bench',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 30,
    context,
    tasks: [{ id: 't1', prompt: 'What is the levy for a 23 m cog carrying glass?', rubric: [{ text: 'States 81.', check: { type: 'number', value: 81 } }] }],
    path: '/bench/play.yaml',
    hash: 'bench',
  };
  const runs = new Map<string, RunRecord>();
  const deps: AppDeps = {
    scenarios: [scenario],
    store: {
      create: async (r) => void runs.set(r.id, r),
      save: async (r) => void runs.set(r.id, r),
      list: async () => ({ runs: [...runs.values()], problems: [] }),
    },
    player: 'Bench',
    reveal: 'task',
    start: { screen: 'play', scenario },
    grade: (t, a) => gradeByChecks(t, a),
    newRunId: () => 'bench-run',
    size: { columns: COLS, rows: ROWS },
  };
  const stdout = new FakeStdout(COLS, ROWS);
  const stdin = new FakeStdin();
  const first = stdout.next((s) => s.includes('Task 1 of 1'));
  const t0 = performance.now();
  const app = render(React.createElement(App, { deps }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await first;
  ctx.figure('play screen first frame, 320k context (in-process)', performance.now() - t0, 'ms', { max: 100 });
  await tick();
  await new Promise((r) => setTimeout(r, 30)); // key handlers attach after the first frame

  const pages: number[] = [];
  for (let i = 0; i < 40; i++) pages.push(await timeKey(stdout, stdin, '\x1b[6~'));
  ctx.figure('reader page step on the play screen (median of 40)', median(pages), 'ms', { max: 10 });
  const lines: number[] = [];
  for (let i = 0; i < 40; i++) lines.push(await timeKey(stdout, stdin, 'j'));
  ctx.figure('reader line step on the play screen (median of 40)', median(lines), 'ms', { max: 10 });

  await timeKey(stdout, stdin, '\t');
  await new Promise((r) => setTimeout(r, 30));
  const keys: number[] = [];
  for (const ch of 'the levy is eighty one marks after rounding up') keys.push(await timeKey(stdout, stdin, ch));
  ctx.figure('key typed in the answer editor (median)', median(keys), 'ms', { max: 10 });
  ctx.log(`frame: ${stdout.last.split('\n').length} rows; context ${context.length.toLocaleString('en-US')} characters`);
  app.unmount();
}
