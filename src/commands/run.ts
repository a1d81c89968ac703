// `clplay run`: models play scenarios headless, N requests in flight, with a progress bar on a
// terminal (plain lines otherwise), a final table and --json. Ctrl+C stops cleanly; rerunning the
// same command (or --resume) skips what is done.
import { UserError } from '../core/errors.js';
import { resolveLimits } from '../core/limits.js';
import { loadLibrary, resolveScenario, scenarioDirs } from '../core/scenario/library.js';
import type { Scenario } from '../core/scenario/schema.js';
import { loadSettings } from '../core/settings/settings.js';
import { RUN_ID, RunStore, savesDir } from '../core/runs/store.js';
import { createChatClient } from '../core/model/client.js';
import { describeEndpoint, resolveEndpoint, endpointSettings, type Endpoint } from '../core/model/endpoint.js';
import { batchKey, runBatch, summarizeBatch, type BatchConfig, type BatchEvent } from '../core/model/runner.js';
import { freshBatchId, latestBatchFor, resumeTarget } from '../core/model/resume.js';
import { progressLine, summaryTable } from '../core/model/progress.js';
import { createJudge } from '../core/judge/judge.js';
import { fileCache } from '../core/judge/cache.js';
import type { HistoryMode } from '../core/runs/types.js';
import { clbenchProtocolHint, judgeEndpoint, judgeModeOptions, judgeOptions, modelEndpoint, modelOptions, numberFlag } from './model-options.js';
import { jsonOption, savesOption, scenariosOption } from './options.js';
import { onOutputClosed } from './output-closed.js';
import { acquireLock, describeOwner } from '../core/runs/lock.js';
import type { Command, CommandIO, ParsedArgs } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

function historyFlag(args: ParsedArgs): HistoryMode | 'auto' {
  const h = args.values.history;
  if (h === undefined) return 'auto';
  if (h === 'own' || h === 'given') return h;
  throw new UserError(`--history must be own or given, not "${String(h)}"`, 2);
}

async function scenariosFor(ids: readonly string[], all: boolean, dirs: string[], cwd: string, io: CommandIO): Promise<Scenario[]> {
  const limit = scenarioLimit(io);
  const lib = await loadLibrary(dirs, limit);
  if (all) {
    if (lib.problems.length) io.stderr.write(`clplay: ${lib.problems.length} scenario file(s) have problems and are skipped (run \`clplay validate\`)\n`);
    const extra = [];
    for (const id of ids) if (!lib.scenarios.some((s) => s.id === id)) extra.push(await resolveScenario(id, dirs, { cwd, ...limit }));
    return [...lib.scenarios, ...extra];
  }
  const out: Scenario[] = [];
  for (const id of ids) out.push(lib.scenarios.find((s) => s.id === id) ?? (await resolveScenario(id, dirs, { cwd, ...limit })));
  const seen = new Set<string>();
  return out.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}

const command: Command = {
  name: 'run',
  summary: 'Run a model headless over scenarios, with progress, a final table and resume',
  usage: 'run [SCENARIO...] [--all] --model M [--base-url URL] [--concurrency N] [--repeat K] [--judge J] [--history own|given] [--no-context] [--resume BATCH_OR_RUN] [--json]',
  options: {
    all: { type: 'boolean', description: 'Every loaded scenario' },
    ...modelOptions,
    concurrency: { type: 'string', valueName: 'N', description: 'Requests in flight at once (default 4); tasks of one chain stay in order' },
    repeat: { type: 'string', valueName: 'K', description: 'Runs per scenario (CL-bench reports the mean of 3; default 1)' },
    ...judgeOptions,
    history: { type: 'string', valueName: 'own|given', description: 'Earlier turns: the model\'s own answers, or the scenario\'s given ones (default: given for imported CL-bench, own otherwise)' },
    'no-context': { type: 'boolean', description: 'Control run: leave the context out' },
    'max-reply-mb': { type: 'string', valueName: 'MB', description: 'Largest reply kept, MB of text; a longer one is cut there and marked truncated (default 2; setting limits.replyMB)' },
    stream: { type: 'boolean', description: 'Stream the replies (default: yes, but not for imported CL-bench scenarios, which get upstream infer.py\'s {model, messages} request)' },
    resume: { type: 'string', valueName: 'BATCH_OR_RUN', description: 'Continue a batch (its id, or one of its runs\' ids); rerunning the same command does this too' },
    'stop-wait': { type: 'string', valueName: 'SECONDS', description: 'On Ctrl+C, SIGTERM or a closed output pipe: how long to wait for requests in flight before abandoning them (default 30)' },
    fresh: { type: 'boolean', description: 'Start a new batch even if the same command ran before' },
    ...jsonOption,
    ...scenariosOption,
    ...savesOption,
  },
  examples: [
    'clplay run sorrel-language --model gpt-5.1',
    'clplay run --all --model llama3.1 --base-url http://localhost:11434/v1 --concurrency 4 --repeat 3',
    'clplay run --all --model qwen3 --base-url http://localhost:8000/v1 --judge gpt-5.1 --judge-base-url https://api.openai.com/v1',
    'clplay run --resume b-0123456789ab',
  ],
  allowPositionals: true,
  async run(args, io) {
    const v = args.values;
    const settingsLoaded = loadSettings({ env: io.env });
    for (const p of settingsLoaded.problems) io.stderr.write(`clplay: ${p}\n`);
    const dir = savesDir({ flag: v.saves as string | undefined, env: io.env, cwd: io.cwd });
    const store = new RunStore(dir);
    const dirs = scenarioDirs({ flags: v.scenarios as string[] | undefined, env: io.env, cwd: io.cwd });
    const concurrency = numberFlag(args, 'concurrency', { int: true, min: 1, max: 1024 }) ?? 4;
    const repeatFlag = numberFlag(args, 'repeat', { int: true, min: 1, max: 100 });
    const saved = await store.list();
    if (saved.problems.length) {
      io.stderr.write(`clplay: ${saved.problems.length} file(s) in ${dir} are not readable runs and are ignored:\n`);
      for (const p of saved.problems.slice(0, 5)) io.stderr.write(`  ${p}\n`);
      if (saved.problems.length > 5) io.stderr.write(`  ... and ${saved.problems.length - 5} more\n`);
    }

    let endpoint: Endpoint;
    let scenarios: Scenario[];
    let config: BatchConfig;
    let batchId: string;
    if (typeof v.resume === 'string') {
      if (args.positionals.length || v.all) throw new UserError('--resume takes the scenarios from the saved batch; leave out SCENARIO and --all', 2);
      const known = saved.runs.some((r) => r.id === v.resume || r.batchId === v.resume);
      // A damaged (or newer) run file is not in the list: say so, rather than "no saved run".
      if (!known && RUN_ID.test(v.resume) && (await store.has(v.resume))) await store.load(v.resume);
      const t = resumeTarget(v.resume, saved.runs, saved.problems);
      const s = endpointSettings(settingsLoaded, 'model');
      endpoint = resolveEndpoint({
        role: 'model',
        flags: {
          model: t.model.model,
          baseUrl: (v['base-url'] as string | undefined) ?? t.model.baseUrl,
          ...t.model.params,
          timeoutSeconds: numberFlag(args, 'timeout', { positive: true }) ?? t.model.params.timeoutSeconds,
          retries: numberFlag(args, 'retries', { int: true, min: 0, max: 20 }) ?? t.model.params.retries,
        },
        env: io.env,
        settings: { apiKeyEnv: s.apiKeyEnv, apiKey: s.apiKey },
      });
      scenarios = await scenariosFor(t.scenarioIds, false, dirs, io.cwd, io);
      config = { endpoint, history: t.history, noContext: t.noContext, repeat: Math.max(t.repeat, repeatFlag ?? 1), judgeName: undefined };
      batchId = t.batchId;
    } else {
      if (args.positionals.length === 0 && !v.all) throw new UserError('give SCENARIO ids (or paths), or --all; see `clplay list`', 2);
      endpoint = modelEndpoint(args, io.env, settingsLoaded);
      scenarios = await scenariosFor(args.positionals, !!v.all, dirs, io.cwd, io);
      if (scenarios.length === 0) throw new UserError('no scenarios to run (see `clplay list`)', 2);
      config = { endpoint, history: historyFlag(args), noContext: !!v['no-context'], repeat: repeatFlag ?? 1 };
      const key = batchKey(config);
      batchId = v.fresh ? freshBatchId(key) : latestBatchFor(key, saved.runs);
    }
    const judgeEp = judgeEndpoint(args, io.env, settingsLoaded, endpoint);
    if (judgeEp) config.judgeName = judgeEp.model;
    if (v.stream) config.stream = true;

    const replyMB = numberFlag(args, 'max-reply-mb', { positive: true });
    const limits = resolveLimits({ ...settingsLoaded.limits, ...(replyMB !== undefined ? { replyMB } : {}) });
    const client = await createChatClient(endpoint, { maxReplyChars: limits.replyChars });
    const judge = judgeEp
      ? createJudge(await createChatClient(judgeEp, { maxReplyChars: limits.replyChars }), { cache: await fileCache(dir), ...judgeModeOptions(args, io.env, settingsLoaded, io.cwd) })
      : undefined;
    const hint = clbenchProtocolHint(judge, args, scenarios);
    if (hint) io.stderr.write(`clplay: ${hint}\n`);

    // Progress: to stdout, or to stderr when stdout carries --json. Once stdout's reader has gone
    // (`| head -1`), nothing more is written there.
    let outputClosed = false;
    const say = (stream: NodeJS.WriteStream, text: string) => {
      if (!(stream === io.stdout && outputClosed)) stream.write(text);
    };
    const outStream = v.json ? io.stderr : io.stdout;
    const out = { write: (text: string) => say(outStream, text) };
    const live = !!outStream.isTTY && !io.env.CI;
    const width = () => (outStream.columns && outStream.columns > 20 ? outStream.columns : 80);
    let lastDraw = 0;
    let barShown = false;
    const clearBar = () => {
      if (barShown) out.write('\r\x1b[K');
      barShown = false;
    };
    const drawBar = (e: BatchEvent, force = false) => {
      const t = Date.now();
      if (!force && t - lastDraw < 100) return;
      lastDraw = t;
      out.write(`\r\x1b[K${progressLine(e.stats, t, width())}`);
      barShown = true;
    };
    const onEvent = (e: BatchEvent) => {
      if (e.type === 'start') {
        const skipped = e.stats.skipped ? `; ${e.stats.skipped} already done, skipped` : '';
        out.write(`batch ${e.batchId}: ${describeEndpoint(endpoint)}, ${e.runs} run(s), ${e.stats.total} task(s) to play${skipped}, ${concurrency} in flight\n`);
        if (live) drawBar(e, true);
        return;
      }
      if (e.type === 'end') {
        if (live) {
          drawBar(e, true);
          out.write('\n');
          barShown = false;
        }
        return;
      }
      if (live) {
        // On a terminal: only what needs attention scrolls above the bar.
        if (e.type === 'note' || (e.type === 'task' && / FAILED /.test(e.line))) {
          clearBar();
          out.write(`${e.line}\n`);
          drawBar(e, true);
        } else drawBar(e);
      } else {
        out.write(`[${e.stats.done}/${e.stats.total}] ${e.line}\n`);
      }
    };

    // Stopping. The first Ctrl+C, a SIGTERM or SIGHUP, or a closed output pipe: take no new task,
    // wait for the requests in flight (at most --stop-wait seconds) and save them - they are paid
    // for, and a resume must not ask them again. Then (or at a second Ctrl+C) abandon the rest.
    const stopWaitMs = (numberFlag(args, 'stop-wait', { min: 0 }) ?? 30) * 1000;
    const drain = new AbortController();
    const ctl = new AbortController();
    let stopReason: string | undefined;
    let waitTimer: NodeJS.Timeout | undefined;
    const stop = (why: string) => {
      if (drain.signal.aborted) return;
      stopReason = why;
      clearBar();
      io.stderr.write(`clplay: stopping (${why}): no new requests; waiting up to ${stopWaitMs / 1000}s for the ones in flight, then saving${why === 'SIGINT' ? ' (Ctrl+C again to abandon them)' : ''}\n`);
      drain.abort();
      waitTimer = setTimeout(() => ctl.abort(), stopWaitMs);
      waitTimer.unref();
    };
    let sigints = 0;
    const onSigint = () => {
      sigints++;
      if (sigints === 1) stop('SIGINT');
      else if (sigints === 2) {
        io.stderr.write('clplay: abandoning the requests in flight; saving what finished\n');
        ctl.abort();
      } else process.exit(130);
    };
    const onSigterm = () => stop('SIGTERM');
    const onSighup = () => stop('SIGHUP');
    const offOutputClosed = onOutputClosed(() => {
      outputClosed = true;
      stop('output closed');
    });
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
    process.on('SIGHUP', onSighup);
    const resumeHint = `clplay run --resume ${batchId}${v.saves ? ` --saves ${String(v.saves)}` : ''}`;
    let res;
    let lock;
    try {
      // One writer per batch: a second \`clplay run\` of it waits here, saying who holds it.
      lock = await acquireLock(dir, `batch-${batchId}`, `clplay run, batch ${batchId}`, {
        signal: drain.signal,
        onWait: (owner) => io.stderr.write(`clplay: batch ${batchId} is being run by ${describeOwner(owner)}; waiting for it to finish (Ctrl+C to give up)\n`),
        onCompromised: (err) => {
          io.stderr.write(`clplay: lost the lock on batch ${batchId} (${err.message}); stopping\n`);
          stop('lock lost');
        },
      });
      if (!lock) {
        io.stderr.write(`clplay: gave up waiting; nothing was sent\n`);
        return 130;
      }
      // Read the saves again under the lock: the process we waited for may have done the work.
      const existing = (await store.list()).runs;
      res = await runBatch(scenarios, config, {
        store,
        client,
        judge,
        concurrency,
        signal: ctl.signal,
        drain: drain.signal,
        stopReason: () => stopReason,
        batchId,
        existing,
        onEvent,
      });
    } finally {
      if (waitTimer) clearTimeout(waitTimer);
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      process.off('SIGHUP', onSighup);
      offOutputClosed();
      await lock?.release();
      clearBar();
    }
    const summary = summarizeBatch(res, config, scenarios);
    if (v.json) {
      say(io.stdout, JSON.stringify({ ...summary, stopped: res.stopped, ...(stopReason ? { stoppedBy: stopReason } : {}), ...(res.fatal ? { fatal: res.fatal } : {}), stats: res.stats }, null, 2) + '\n');
    } else {
      say(io.stdout, `\n${summaryTable(summary)}\n`);
    }
    if (res.fatal) throw new UserError(`${res.fatal} - the batch was stopped; fix it and rerun to continue`);
    if (res.stopped) {
      const saved = res.stats.done ? `; ${res.stats.done} finished task(s) saved` : '';
      io.stderr.write(`clplay: batch ${res.batchId} stopped (${stopReason ?? 'stopped'})${saved}; to continue: ${resumeHint} (or rerun the same command)\n`);
      return stopReason === 'output closed' ? 141 : stopReason === 'SIGTERM' ? 143 : stopReason === 'SIGHUP' ? 129 : 130;
    }
    return 0;
  },
};
export default command;
