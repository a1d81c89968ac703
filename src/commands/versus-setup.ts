// For `clplay play SCENARIO --vs MODEL`: everything the play app needs to run a model beside the
// person. Called by the play command before Ink starts, so a missing or refused key and an
// unreachable base URL are one line, not a broken screen. The app then calls `start` for each
// run it opens (a new run, or a continued one) and closes the match when the person leaves.
import { createChatClient } from '../core/model/client.js';
import { fileCache } from '../core/judge/cache.js';
import { createJudge } from '../core/judge/judge.js';
import type { Endpoint } from '../core/model/endpoint.js';
import { probeEndpoint } from '../core/model/probe.js';
import { historyFor, preflight } from '../core/model/runner.js';
import { VersusMatch } from '../core/model/versus.js';
import { UserError } from '../core/errors.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import type { RunRecord } from '../core/runs/types.js';
import type { Scenario } from '../core/scenario/schema.js';
import { loadSettings } from '../core/settings/settings.js';
import type { VersusDeps } from '../ui/app-context.js';
import { judgeEndpoint, judgeModeOptions, modelEndpoint } from './model-options.js';
import type { CommandIO, ParsedArgs } from './types.js';

export type VersusSetup = VersusDeps;

/** The saved model run of this person's match, if it can be continued with this endpoint. */
export function savedModelSide(run: RunRecord, scenario: Scenario, endpoint: Endpoint, saved: readonly RunRecord[]): RunRecord | undefined {
  if (!run.matchId) return undefined;
  return saved.find(
    (r) =>
      r.matchId === run.matchId &&
      r.id !== run.id &&
      r.player.kind === 'model' &&
      r.player.model === endpoint.model &&
      r.player.baseUrl === endpoint.baseUrl &&
      r.scenarioId === scenario.id &&
      r.scenarioHash === scenario.hash,
  );
}

async function probe(ep: Endpoint, what: string): Promise<void> {
  try {
    await probeEndpoint(ep);
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${what}: ${err.message}`, err.exitCode);
    throw err;
  }
}

/** Undefined when --vs is not given. Throws a one-line UserError for a bad endpoint. */
export async function versusSetup(args: ParsedArgs, io: CommandIO, scenario?: Scenario): Promise<VersusSetup | undefined> {
  const vs = args.values.vs;
  if (vs === undefined) return undefined;
  if (typeof vs !== 'string' || vs.trim() === '') throw new UserError('--vs needs a model name, e.g. --vs gpt-4o-mini (with --base-url for a local server)', 2);
  if (args.values.model !== undefined && args.values.model !== vs) {
    throw new UserError('--vs names the model to play against; leave out --model', 2);
  }
  const settings = loadSettings({ env: io.env });
  const endpoint = modelEndpoint({ ...args, values: { ...args.values, model: vs.trim() } }, io.env, settings);
  const judgeEp = judgeEndpoint(args, io.env, settings, endpoint);
  if (scenario) preflight([scenario], { history: historyFor(scenario, 'auto') });
  await probe(endpoint, `--vs ${endpoint.model}`);
  if (judgeEp && (judgeEp.baseUrl !== endpoint.baseUrl || judgeEp.apiKey !== endpoint.apiKey)) await probe(judgeEp, `--judge ${judgeEp.model}`);
  const dir = savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd });
  const store = new RunStore(dir);
  const client = await createChatClient(endpoint);
  const judge = judgeEp
    ? createJudge(await createChatClient(judgeEp), { cache: await fileCache(dir), ...judgeModeOptions(args, io.env, settings, io.cwd) })
    : undefined;
  return {
    label: endpoint.model,
    start(s, run, opts = {}) {
      const history = historyFor(s, 'auto');
      if (s !== scenario) preflight([s], { history });
      const resume = savedModelSide(run, s, endpoint, opts.saved ?? []);
      const match = new VersusMatch({ scenario: s, client, endpoint, judge, store, history, resume, onError: opts.onError });
      match.link(run);
      return match;
    },
  };
}
