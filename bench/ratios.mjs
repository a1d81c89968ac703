// Bench module: what a person feels, measured from outside in a real pseudo-terminal, as ratios
// to floors measured in the same run, alternately (floor, clplay, floor, clplay, ...):
// - first frame: clplay's home screen (warm; and as a new user, with an empty config and cache)
//   and the play screen on a 320,000-character context, against an Ink hello world bundled like
//   clplay (bench/floor-apps/ink-hello.tsx);
// - key to screen: a reader page step and a key typed in the answer editor on that play screen,
//   against an Ink app that echoes keys on a screen as large (bench/floor-apps/ink-echo.tsx).
// Each ratio is the median of the per-pair ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PtyProgram, median, timeToText } from './pty.mjs';

const PAIRS = 7;
const KEYS = 25;
const COLS = 120;
const ROWS = 36;

function bigScenario(dir) {
  const words = 'harbour levy vessel tide glass salt mark season berth article exemption surcharge receipt master rounding'.split(' ');
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const parts = [];
  let n = 0;
  for (let section = 1; n < 320_000; section++) {
    const para = Array.from({ length: 60 + Math.floor(rnd() * 80) }, () => words[Math.floor(rnd() * words.length)]).join(' ') + '.';
    parts.push(`## Article ${section}`, '', para, '');
    n += para.length + 20;
  }
  const scenario = {
    id: 'bench-320k',
    title: 'Bench: a 320,000-character context',
    category: 'rule-system-application',
    subcategory: 'Bench',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 30,
    context: parts.join('\n').slice(0, 320_000),
    tasks: [{ id: 't1', prompt: 'What is the levy for a 23 m cog carrying glass?', rubric: [{ text: 'States 81.', check: { type: 'number', value: 81 } }] }],
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bench-320k.json'), JSON.stringify(scenario));
}

/** Alternates floor and clplay launches; returns the median per-pair ratio and the medians. */
async function alternate(floor, subject, pairs = PAIRS) {
  const f = [];
  const s = [];
  for (let i = 0; i < pairs; i++) {
    f.push(await floor(i));
    s.push(await subject(i));
  }
  return { ratio: median(s.map((x, i) => x / f[i])), floorMs: median(f), subjectMs: median(s) };
}

export default {
  name: 'ratios',
  async run(ctx) {
    const hello = await ctx.bundle('bench/floor-apps/ink-hello.tsx');
    const echo = await ctx.bundle('bench/floor-apps/ink-echo.tsx');
    const node = process.execPath;
    const config = join(ctx.tmp, 'config');
    const scenarios = join(ctx.tmp, 'scenarios');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.json'), JSON.stringify({ player: { name: 'Bench' } }));
    bigScenario(scenarios);
    const base = { ...process.env, TERM: 'xterm-256color', CLPLAY_CONFIG_DIR: config, CLPLAY_CACHE_DIR: join(ctx.tmp, 'cache') };
    delete base.CI; // with CI set, Ink prints only the last frame
    const opts = (env) => ({ env, cwd: ctx.root, cols: COLS, rows: ROWS });
    const saves = (i, tag) => join(ctx.tmp, `saves-${tag}-${i}`);
    const helloFrame = () => timeToText([node, hello], 'hello from ink', opts(base));

    // warm-up: file-system cache and clplay's scenario cache, as after a first launch
    await helloFrame();
    await timeToText([node, ctx.cli], 'playing as Bench', opts({ ...base, CLPLAY_SAVES: saves(0, 'warm') }));

    const warm = await alternate(helloFrame, (i) => timeToText([node, ctx.cli], 'playing as Bench', opts({ ...base, CLPLAY_SAVES: saves(i, 'home') })));
    ctx.log(`home screen first frame ${warm.subjectMs.toFixed(0)} ms; Ink hello ${warm.floorMs.toFixed(0)} ms`);
    ctx.ratio('first frame, warm (home screen)', warm.ratio, 1, 'Ink hello world', { max: 1.2 });

    const fresh = await alternate(helloFrame, (i) => {
      const dir = join(ctx.tmp, `new-user-${i}`);
      return timeToText([node, ctx.cli], 'Welcome to clplay', opts({ ...base, CLPLAY_CONFIG_DIR: join(dir, 'config'), CLPLAY_CACHE_DIR: join(dir, 'cache'), CLPLAY_SAVES: join(dir, 'saves') }));
    });
    ctx.log(`new user's first frame ${fresh.subjectMs.toFixed(0)} ms; Ink hello ${fresh.floorMs.toFixed(0)} ms`);
    ctx.ratio('first frame, new user (empty config and cache)', fresh.ratio, 1, 'Ink hello world', { max: 1.5 });

    const playArgs = [node, ctx.cli, 'play', 'bench-320k', '--scenarios', scenarios];
    await timeToText(playArgs, 'Task 1 of', opts({ ...base, CLPLAY_SAVES: saves(0, 'play-warm') }));
    const play = await alternate(helloFrame, (i) => timeToText(playArgs, 'Task 1 of', opts({ ...base, CLPLAY_SAVES: saves(i, 'play') })), 5);
    ctx.log(`play screen first frame on 320,000 characters ${play.subjectMs.toFixed(0)} ms; Ink hello ${play.floorMs.toFixed(0)} ms`);
    ctx.ratio('first frame, play screen on a 320k context', play.ratio, 1, 'Ink hello world', { max: 1.5 });

    // Key to screen: the echo floor and the play screen, each key timed to the first output after it.
    const echoProg = new PtyProgram([node, echo], opts(base));
    const playProg = new PtyProgram(playArgs, opts({ ...base, CLPLAY_SAVES: saves(0, 'keys') }));
    try {
      await echoProg.until('echo>');
      await playProg.until('Task 1 of');
      await playProg.quiet(300);
      const floorKeys = [];
      for (let i = 0; i < KEYS; i++) floorKeys.push(await echoProg.keyToScreen('abcdefghij'[i % 10]));
      const pages = [];
      for (let i = 0; i < KEYS; i++) pages.push(await playProg.keyToScreen(i % 2 ? '\x1b[5~' : '\x1b[6~'));
      // Typing: the editor has focus when a task opens (PgUp/PgDn above worked from it too).
      const typed = [];
      for (let i = 0; i < KEYS; i++) typed.push(await playProg.keyToScreen('the levy is eighty one marks'[i % 28]));
      const f = median(floorKeys);
      ctx.log(`key to screen: Ink echo ${f.toFixed(1)} ms; page step ${median(pages).toFixed(1)} ms; typing ${median(typed).toFixed(1)} ms`);
      ctx.ratio('key to screen, reader page step (320k context)', median(pages), f, 'Ink echo app', { max: 1.5 });
      ctx.ratio('key to screen, typing in the answer editor', median(typed), f, 'Ink echo app', { max: 1.5 });
    } finally {
      echoProg.kill();
      playProg.kill();
    }
  },
};
