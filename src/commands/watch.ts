// `clplay watch SCENARIO --model M`: a model plays the scenario live - its answer streams in,
// then the verdicts. The run is saved like any other (after every task).
import { UserError } from '../core/errors.js';
import { createChatClient } from '../core/model/client.js';
import { probeEndpoint } from '../core/model/probe.js';
import { fileCache } from '../core/judge/cache.js';
import { createJudge } from '../core/judge/judge.js';
import { newModelRun } from '../core/model/player.js';
import { historyFor, preflight } from '../core/model/runner.js';
import { WatchSession } from '../core/model/watch-session.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import type { HistoryMode } from '../core/runs/types.js';
import { resolveScenario, scenarioDirs } from '../core/scenario/library.js';
import { loadSettings } from '../core/settings/settings.js';
import { requireTty } from './interactive.js';
import { judgeEndpoint, judgeOptions, modelEndpoint, modelOptions } from './model-options.js';
import { savesOption, scenariosOption } from './options.js';
import type { Command } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

const command: Command = {
  name: 'watch',
  summary: 'Watch a model play a scenario live: its answer streams in, then the verdicts',
  usage: 'watch SCENARIO --model M [--base-url URL] [--judge J] [--history own|given] [--no-context] [--auto]',
  options: {
    ...modelOptions,
    ...judgeOptions,
    history: { type: 'string', valueName: 'own|given', description: 'Earlier turns: the model\'s own answers, or the scenario\'s given ones (default: given for imported CL-bench, own otherwise)' },
    'no-context': { type: 'boolean', description: 'Control run: leave the context out' },
    stream: { type: 'boolean', description: 'Stream the reply (default: yes, but not for an imported CL-bench scenario, which gets upstream infer.py\'s {model, messages} request)' },
    auto: { type: 'boolean', description: 'Go on to the next task by itself (toggle with a)' },
    ...scenariosOption,
    ...savesOption,
  },
  examples: ['clplay watch tidewater-rulebook --model gpt-5.1', 'clplay watch sorrel-language --model llama3.1 --base-url http://localhost:11434/v1 --auto'],
  allowPositionals: true,
  async run(args, io) {
    const v = args.values;
    const [arg, ...extra] = args.positionals;
    if (!arg) throw new UserError('watch needs a SCENARIO (an id or a file); run `clplay list` to see the ids', 2);
    if (extra.length) throw new UserError(`watch takes one SCENARIO, got ${args.positionals.length}`, 2);
    const h = v.history;
    if (h !== undefined && h !== 'own' && h !== 'given') throw new UserError(`--history must be own or given, not "${String(h)}"`, 2);
    const settings = loadSettings({ env: io.env });
    const endpoint = modelEndpoint(args, io.env, settings);
    const judgeEp = judgeEndpoint(args, io.env, settings, endpoint);
    requireTty(io);
    const scenario = await resolveScenario(arg, scenarioDirs({ flags: v.scenarios as string[] | undefined, env: io.env, cwd: io.cwd }), { cwd: io.cwd, ...scenarioLimit(io) });
    const history: HistoryMode = historyFor(scenario, (h as HistoryMode | undefined) ?? 'auto');
    preflight([scenario], { history, noContext: !!v['no-context'] });
    // As for --vs: a missing or refused key, or a server that is down, is one line before the screen.
    await probeEndpoint(endpoint);
    const dir = savesDir({ flag: v.saves as string | undefined, env: io.env, cwd: io.cwd });
    const store = new RunStore(dir);
    const client = await createChatClient(endpoint);
    const judge = judgeEp ? createJudge(await createChatClient(judgeEp), { cache: await fileCache(dir), withTask: !!v['judge-with-task'] }) : undefined;
    const run = newModelRun(scenario, endpoint, { history, noContext: !!v['no-context'], judge: judgeEp?.model, ...(v.stream ? { stream: true } : {}) });
    await store.create(run);
    const session = new WatchSession({ scenario, run, client, judge, store, auto: !!v.auto });
    void session.start();
    const { runWatch } = await import('../ui/watch/run-watch.js');
    const code = await runWatch(session, endpoint.model);
    io.stdout.write(`saved run ${run.id} (${run.tasks.filter((t) => t.status === 'solved').length}/${run.tasks.length} solved)\n`);
    return code;
  },
};
export default command;
