// Bench module: time from launch to the home screen's first frame in a real pseudo-terminal
// (@lydell/node-pty), median of several launches; also the play screen's first frame and, for scale, a
// bare `node` and `clplay --version`. Target: home screen (scenarios listed) <= 500 ms.
// The first frame counts when its text has arrived at the terminal (the scenario list on the
// home screen, "Task 1 of" on the play screen), not when the process starts drawing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeToText as timeInPty } from './pty.mjs';

const RUNS = 7;
const timeToText = (_pty, argv, marker, env, cwd) => timeInPty(argv, marker, { env, cwd, cols: 100, rows: 30, timeoutMs: 10_000 });

export default {
  name: 'startup',
  async run(ctx) {
    const pty = null; // the pseudo-terminal lives in bench/pty.mjs
    const config = join(ctx.tmp, 'config');
    const saves = join(ctx.tmp, 'saves');
    mkdirSync(config, { recursive: true });
    mkdirSync(saves, { recursive: true });
    writeFileSync(join(config, 'config.json'), JSON.stringify({ player: { name: 'Bench' } }));
    // the scenario cache lives in the temp folder too; the warm-up launch fills it, as a user's first start does
    const env = { ...process.env, TERM: 'xterm-256color', CLPLAY_CONFIG_DIR: config, CLPLAY_SAVES: saves, CLPLAY_CACHE_DIR: join(ctx.tmp, 'cache') };
    delete env.CI;
    const node = process.execPath;
    // the play screen of the bundled example, or of the first bundled scenario if it is gone
    const listed = await ctx.runCli(['list', '--json'], { env });
    const ids = JSON.parse(listed.stdout || '[]').map((s) => s.id);
    const playId = ids.includes('example-harbour-levy') ? 'example-harbour-levy' : ids[0];
    const cases = [
      { label: 'node printing one line', argv: [node, '-e', 'console.log("ready")'], marker: 'ready' },
      { label: 'clplay --version', argv: [node, ctx.cli, '--version'], marker: '.' },
      { label: 'home screen first frame', argv: [node, ctx.cli], marker: 'playing as Bench', target: 500 },
      // a fresh saves folder per launch, else the next launch offers to continue the run
      { label: 'play screen first frame', argv: [node, ctx.cli, 'play', playId], marker: 'Task 1 of', fresh: true },
      
    ];
    // one warm-up launch (file system cache)
    await timeToText(pty, cases[2].argv, cases[2].marker, env, ctx.root);
    for (const c of cases) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const runEnv = c.fresh ? { ...env, CLPLAY_SAVES: join(saves, `fresh-${i}`) } : env;
        times.push(await timeToText(pty, c.argv, c.marker, runEnv, ctx.root));
      }
      ctx.log(`${c.label}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      ctx.figure(`${c.label} (median of ${RUNS})`, median(times), 'ms', c.target ? { max: c.target } : undefined);
    }
  },
};
