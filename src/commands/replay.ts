// `clplay replay RUN_OR_MATCH`: a saved model run (or a versus match) played back on the watch
// screen as it happened - no endpoint, no key, and nothing saved. `--export cast` writes the
// replay as an asciicast v2 file instead of showing it.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { pickReplay } from '../core/replay/pick.js';
import { ReplaySession } from '../core/replay/replay-session.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import { scenarioDirs } from '../core/scenario/library.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { requireTty } from './interactive.js';
import { savesOption, scenariosOption } from './options.js';
import { parseSize, scenarioForRun } from './replay-target.js';
import { scenarioLimit } from './scenario-limit.js';
import type { Command } from './types.js';

export function parseSpeed(v: unknown): number {
  if (v === undefined) return 1;
  const n = typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  if (!(n >= 0.1 && n <= 100)) throw new UserError(`--speed must be a number from 0.1 to 100 (e.g. 2), not "${String(v)}"`, 2);
  return n;
}

const command: Command = {
  name: 'replay',
  summary: 'Replay a saved model run (or a versus match) as it happened, offline; or export it as an asciicast',
  usage: 'replay RUN_OR_MATCH [--speed N] [--instant] [--export cast --out FILE [--size COLSxROWS] [--force]]',
  options: {
    speed: { type: 'string', valueName: 'N', description: 'Play N times as fast as it happened (0.1 to 100; + and - change it while playing)' },
    instant: { type: 'boolean', description: 'Show every task complete at once; step through them with Enter' },
    export: { type: 'string', valueName: 'cast', description: 'Write the replay to a file instead of showing it: cast (asciicast v2, plays in asciinema)' },
    out: { type: 'string', valueName: 'FILE', description: 'With --export: the file to write (an existing one only with --force)' },
    size: { type: 'string', valueName: 'COLSxROWS', description: 'With --export: the screen size of the recording (default 120x36)' },
    force: { type: 'boolean', description: 'Let --out replace an existing file' },
    ...scenariosOption,
    ...savesOption,
  },
  examples: ['clplay replay 20261207-101500-ab12cd', 'clplay replay m-3f2a9c01b2de --speed 2', 'clplay replay 20261207-101500-ab12cd --export cast --out demo.cast'],
  allowPositionals: true,
  async run(args, io) {
    const v = args.values;
    const [arg, ...extra] = args.positionals;
    if (!arg) throw new UserError('replay needs a RUN or MATCH id (see `clplay demo` for runs worth showing)', 2);
    if (extra.length) throw new UserError(`replay takes one RUN_OR_MATCH, got ${args.positionals.length}`, 2);
    const speed = parseSpeed(v.speed);
    const exportAs = v.export as string | undefined;
    if (exportAs !== undefined && exportAs !== 'cast') throw new UserError(`--export must be cast, not "${exportAs}"`, 2);
    if (exportAs && !v.out) throw new UserError('--export cast needs --out FILE', 2);
    if (!exportAs && (v.out || v.size)) throw new UserError('--out and --size go with --export cast', 2);
    const size = parseSize(v.size, { columns: 120, rows: 36 });
    if (!exportAs) requireTty(io);

    const store = new RunStore(savesDir({ flag: v.saves as string | undefined, env: io.env, cwd: io.cwd }));
    const { runs } = await store.list();
    const pick = pickReplay(arg, runs);
    const { scenario, notes } = await scenarioForRun(pick.model, scenarioDirs({ flags: v.scenarios as string[] | undefined, env: io.env, cwd: io.cwd }), scenarioLimit(io));
    const model = pick.model.player.kind === 'model' ? pick.model.player.model : 'model';
    const beside = pick.person?.player.kind === 'human' ? { label: pick.person.player.name, run: pick.person } : undefined;

    if (exportAs) {
      const { VirtualClock } = await import('../core/replay/virtual-clock.js');
      const { writeCast } = await import('../core/replay/asciicast.js');
      const { replayFrames } = await import('../ui/watch/export-cast.js');
      const clock = new VirtualClock();
      // A recording plays through by itself, whatever --instant says about stepping.
      const session = new ReplaySession({ scenario, run: pick.model, clock, speed, instant: !!v.instant, auto: true, notes, beside });
      const frames = replayFrames(session, clock, model, size);
      const text = writeCast(
        { version: 2, width: size.columns, height: size.rows, timestamp: Math.floor(Date.parse(pick.model.startedAt) / 1000) || 0, title: `clplay replay: ${model} on ${scenario.title}`, env: { TERM: 'xterm-256color' } },
        frames,
      );
      const path = resolve(io.cwd, v.out as string);
      try {
        await writeFile(path, text, { flag: v.force ? 'w' : 'wx' });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UserError(`${sanitizeInline(String(v.out))} already exists; add --force to replace it, or choose another --out`);
        throw new UserError(`cannot write ${sanitizeInline(path)}: ${code ?? String(err)}; choose another --out`);
      }
      const secs = ((frames.at(-1)?.ms ?? 0) / 1000).toFixed(1);
      io.stderr.write(`clplay: wrote ${frames.length} frames (${secs} s, ${size.columns}x${size.rows}) to ${sanitizeInline(String(v.out))}\n`);
      return 0;
    }

    const session = new ReplaySession({ scenario, run: pick.model, speed, instant: !!v.instant, notes, beside });
    void session.start();
    const { runWatch } = await import('../ui/watch/run-watch.js');
    return runWatch(session, model);
  },
};
export default command;
