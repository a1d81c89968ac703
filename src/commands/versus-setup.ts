// For `clplay play SCENARIO --vs MODEL`: everything the play screen needs to run a model beside
// the person. Called by the play command before Ink starts (so a missing key or a bad URL is
// one line, not a broken screen). The play screen then, per run:
//   const match = deps.versus?.start(scenario, run)   // before store.create(run): links matchId
//   <PlayScreen renderBeside={(w, h, i) => <VersusPanel match={match} index={i} task={scenario.tasks[i]}
//        personResult={ctl.run.tasks[i]} width={w} height={h} label={deps.versus.label} />} />
//   and the same panel beside the verdicts after a submission; match.close() when leaving.
import { createChatClient } from '../core/model/client.js';
import { fileCache } from '../core/judge/cache.js';
import { createJudge } from '../core/judge/judge.js';
import { historyFor, preflight } from '../core/model/runner.js';
import { VersusMatch } from '../core/model/versus.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import type { RunRecord } from '../core/runs/types.js';
import type { Scenario } from '../core/scenario/schema.js';
import { loadSettings } from '../core/settings/settings.js';
import { judgeEndpoint, modelEndpoint } from './model-options.js';
import type { CommandIO, ParsedArgs } from './types.js';

export interface VersusSetup {
  /** The model's name, for labels. */
  label: string;
  /** Starts the model's side for a new person run of `scenario`; sets `run.matchId`. */
  start(scenario: Scenario, run: RunRecord): VersusMatch;
}

/** Undefined when --vs is not given. Throws a one-line UserError for a bad endpoint. */
export async function versusSetup(args: ParsedArgs, io: CommandIO, scenario?: Scenario): Promise<VersusSetup | undefined> {
  const vs = args.values.vs;
  if (typeof vs !== 'string') return undefined;
  const settings = loadSettings({ env: io.env });
  const endpoint = modelEndpoint({ ...args, values: { ...args.values, model: vs } }, io.env, settings);
  const judgeEp = judgeEndpoint(args, io.env, settings, endpoint);
  if (scenario) preflight([scenario], { history: historyFor(scenario, 'auto') });
  const dir = savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd });
  const store = new RunStore(dir);
  const client = await createChatClient(endpoint);
  const judge = judgeEp ? createJudge(await createChatClient(judgeEp), { cache: await fileCache(dir) }) : undefined;
  return {
    label: endpoint.model,
    start(s, run) {
      const match = new VersusMatch({ scenario: s, client, endpoint, judge, store, history: historyFor(s, 'auto') });
      match.link(run);
      return match;
    },
  };
}
