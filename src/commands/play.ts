// `clplay play SCENARIO`: play one scenario as a person. An unfinished run of it by this player
// is offered first (continue with the draft, or start a new run).
import { UserError } from '../core/errors.js';
import { loadLibrary, resolveScenario } from '../core/scenario/library.js';
import { formatProblem } from '../core/scenario/problem.js';
import { savesOption, scenariosOption } from './options.js';
import { appDeps, parsePlayer, parseReveal, playerOption, requireTty, revealOption, scenarioDirsOf, startApp } from './interactive.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'play',
  summary: 'Play a scenario as a person (optionally against a model with --vs)',
  usage: 'play SCENARIO [--player NAME] [--reveal task|end|never] [--vs MODEL] [--scenarios DIR] [--saves DIR]',
  options: {
    ...playerOption,
    ...revealOption,
    vs: { type: 'string', valueName: 'MODEL', description: 'Play against a model: its answers appear beside yours after each task' },
    ...scenariosOption,
    ...savesOption,
  },
  examples: [
    'clplay play example-harbour-levy',
    'clplay play example-harbour-levy --player Ada --reveal end',
    'clplay play ./my-scenario.yaml',
  ],
  allowPositionals: true,
  async run(args, io) {
    const [arg, ...extra] = args.positionals;
    if (!arg) throw new UserError('play needs a SCENARIO (an id or a file); run `clplay list` to see the ids', 2);
    if (extra.length) throw new UserError(`play takes one SCENARIO, got ${args.positionals.length}: ${args.positionals.join(' ')}`, 2);
    // Check the options before the terminal, so a typo is reported even from a script.
    parseReveal(args.values.reveal);
    parsePlayer(args.values.player);
    if (args.values.vs !== undefined) {
      throw new UserError('--vs is not available in this build yet; play alone, or watch a model with `clplay watch`', 2);
    }
    // The library is read once: for the SCENARIO id here, and for the home screen after the
    // summary. A file path (or an unknown id, for its error message) goes through resolveScenario.
    const lib = await loadLibrary(scenarioDirsOf(args, io));
    const scenario = lib.scenarios.find((s) => s.id === arg) ?? (await resolveScenario(arg, scenarioDirsOf(args, io), { cwd: io.cwd }));
    requireTty(io);
    const scenarios = lib.scenarios.some((s) => s.id === scenario.id) ? lib.scenarios : [...lib.scenarios, scenario];
    const deps = await appDeps(args, io, { screen: 'play', scenario }, { scenarios, problems: lib.problems.map((p) => formatProblem(p, io.cwd)) });
    return startApp(deps);
  },
};
export default command;
