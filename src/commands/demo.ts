// `clplay demo`: the saved runs that make good demos, best first, each opened in replay with the
// person's answers beside the model's. Offline. Not on a terminal: the list is printed instead.
import { UserError } from '../core/errors.js';
import { checkTasksAlign, scenarioNotes } from '../core/replay/pick.js';
import { demoCandidates, demoReason } from '../core/replay/demos.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import { loadLibrary, scenarioDirs } from '../core/scenario/library.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { savesOption, scenariosOption } from './options.js';
import { scenarioLimit } from './scenario-limit.js';
import type { Command } from './types.js';
import type { DemoEntry } from '../ui/screens/Demo.js';

const command: Command = {
  name: 'demo',
  summary: 'List the saved runs that make good demos (a model failed what a person solved, or fell into a trap) and replay them',
  usage: 'demo [--scenarios DIR] [--saves DIR]',
  options: { ...scenariosOption, ...savesOption },
  examples: ['clplay demo', 'clplay demo | head -5'],
  allowPositionals: false,
  async run(args, io) {
    const v = args.values;
    const store = new RunStore(savesDir({ flag: v.saves as string | undefined, env: io.env, cwd: io.cwd }));
    const { runs } = await store.list();
    const lib = await loadLibrary(scenarioDirs({ flags: v.scenarios as string[] | undefined, env: io.env, cwd: io.cwd }), scenarioLimit(io));
    const entries: DemoEntry[] = [];
    for (const candidate of demoCandidates(runs, lib.scenarios)) {
      const scenario = lib.scenarios.find((s) => s.id === candidate.model.scenarioId)!;
      try {
        checkTasksAlign(candidate.model, scenario);
      } catch {
        continue; // the scenario's tasks changed since: it cannot be shown with this run
      }
      entries.push({ candidate, scenario, notes: scenarioNotes(candidate.model, scenario) });
    }
    const model = (e: DemoEntry) => (e.candidate.model.player.kind === 'model' ? e.candidate.model.player.model : 'model');
    if (!io.stdout.isTTY || !io.stdin.isTTY) {
      // A pipe gets one line per run: id, model, scenario, why (replay it with `clplay replay ID`).
      for (const e of entries) io.stdout.write(`${e.candidate.model.id}\t${sanitizeInline(model(e))}\t${sanitizeInline(e.scenario.id)}\t${sanitizeInline(demoReason(e.candidate))}\n`);
      if (!entries.length) throw new UserError('no saved run makes a demo yet (a model run that failed a task a person solved, or fell into a trap)', 1);
      return 0;
    }
    const React = await import('react');
    const { renderInTerminal } = await import('../ui/render-terminal.js');
    const { DemoScreen } = await import('../ui/screens/Demo.js');
    const { untilExit } = await import('../ui/until-exit.js');
    const app = renderInTerminal(React.createElement(DemoScreen, { entries }), { patchConsole: true });
    return untilExit(app, async () => undefined);
  },
};
export default command;
