// `clplay play SCENARIO`: play one scenario as a person. An unfinished run of it by this player
// is offered first (continue with the draft, or start a new run). With `--vs MODEL` a model plays
// the same tasks in the background (its own run, linked by matchId); its endpoint is checked
// before the screen opens.
import { UserError } from '../core/errors.js';
import { loadLibrary, resolveScenario } from '../core/scenario/library.js';
import { formatProblem } from '../core/scenario/problem.js';
import { judgeOptions, modelOptions } from './model-options.js';
import { savesOption, scenariosOption } from './options.js';
import { appDeps, historyOption, parseHistory, parsePlayer, parseReveal, playerOption, requireTty, revealOption, scenarioDirsOf, startApp } from './interactive.js';
import type { Command } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

/** The model options without --model (--vs names the model). */
function versusModelOptions(): typeof modelOptions {
  const { model: _model, ...rest } = modelOptions;
  return rest;
}

const command: Command = {
  name: 'play',
  summary: 'Play a scenario as a person (optionally against a model with --vs)',
  usage: 'play SCENARIO [--player NAME] [--reveal task|end|never] [--vs MODEL [--base-url URL] [--judge J] ...] [--scenarios DIR] [--saves DIR]',
  options: {
    ...playerOption,
    ...revealOption,
    ...historyOption,
    vs: {
      type: 'string',
      valueName: 'MODEL',
      description: 'Play against a model: it answers each task in the background, hidden until you submit; then both answers and verdicts side by side (with --reveal end: in the summary)',
    },
    ...versusModelOptions(),
    ...judgeOptions,
    ...scenariosOption,
    ...savesOption,
  },
  examples: [
    'clplay play example-harbour-levy',
    'clplay play example-harbour-levy --player Ada --reveal end',
    'clplay play ./my-scenario.yaml',
    'clplay play sorrel-language --vs llama3.1 --base-url http://localhost:11434/v1',
  ],
  allowPositionals: true,
  async run(args, io) {
    const [arg, ...extra] = args.positionals;
    if (!arg) throw new UserError('play needs a SCENARIO (an id or a file); run `clplay list` to see the ids', 2);
    if (extra.length) throw new UserError(`play takes one SCENARIO, got ${args.positionals.length}: ${args.positionals.join(' ')}`, 2);
    // Check the options before the terminal, so a typo is reported even from a script.
    parseReveal(args.values.reveal);
    const history = parseHistory(args.values.history);
    parsePlayer(args.values.player);
    // The library is read once: for the SCENARIO id here, and for the home screen after the
    // summary. A file path (or an unknown id, for its error message) goes through resolveScenario.
    const lib = await loadLibrary(scenarioDirsOf(args, io), scenarioLimit(io));
    const scenario = lib.scenarios.find((s) => s.id === arg) ?? (await resolveScenario(arg, scenarioDirsOf(args, io), { cwd: io.cwd, ...scenarioLimit(io) }));
    if (args.values.vs === undefined) {
      for (const name of [...Object.keys(modelOptions), ...Object.keys(judgeOptions)]) {
        if (args.values[name] !== undefined) throw new UserError(`--${name} is for playing against a model: add --vs MODEL`, 2);
      }
    }
    // A missing or refused key, or an unreachable base URL: one line, before the screen opens.
    // (Loaded only for --vs: the person's path never loads the model code.)
    const versus = args.values.vs === undefined ? undefined : await (await import('./versus-setup.js')).versusSetup(args, io, scenario);
    if (history === 'given' && scenario.tasks.slice(0, -1).some((t) => t.given === undefined)) {
      throw new UserError(`--history given: scenario ${scenario.id} has tasks without a given answer; play it with --history own`, 2);
    }
    requireTty(io);
    const scenarios = lib.scenarios.some((s) => s.id === scenario.id) ? lib.scenarios : [...lib.scenarios, scenario];
    const deps = await appDeps(args, io, { screen: 'play', scenario }, { scenarios, problems: lib.problems.map((p) => formatProblem(p, io.cwd)) });
    return startApp(versus ? { ...deps, versus } : deps);
  },
};
export default command;
