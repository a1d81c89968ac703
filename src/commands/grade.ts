// `clplay grade`: grade what is pending or unscored in saved runs - with an LLM judge, or by a
// person item by item in the terminal (--manual). A baseline collected offline gets graded later.
import { createInterface } from 'node:readline';
import { UserError } from '../core/errors.js';
import { createChatClient } from '../core/model/client.js';
import { describeEndpoint } from '../core/model/endpoint.js';
import { createJudge } from '../core/judge/judge.js';
import { fileCache } from '../core/judge/cache.js';
import { gradeByHand, judgeRuns, planGrading, type ManualAnswer, type ManualItem } from '../core/judge/regrade.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import type { RunRecord } from '../core/runs/types.js';
import { loadLibrary, scenarioDirs } from '../core/scenario/library.js';
import { loadSettings, playerName } from '../core/settings/settings.js';
import { sanitize, sanitizeInline } from '../core/text/sanitize.js';
import { clbenchProtocolHint, judgeEndpoint, judgeModeOptions, judgeOptions, modelOptions, numberFlag } from './model-options.js';
import { jsonOption, savesOption, scenariosOption } from './options.js';
import type { Command, CommandIO } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

function selectRuns(all: readonly RunRecord[], ids: readonly string[]): RunRecord[] {
  if (ids.length === 0) return [...all];
  const out: RunRecord[] = [];
  for (const id of ids) {
    const hit = all.filter((r) => r.id === id || r.batchId === id || r.matchId === id);
    if (hit.length === 0) throw new UserError(`no saved run, batch or match "${id}" (see \`clplay saves\`)`, 2);
    for (const r of hit) if (!out.includes(r)) out.push(r);
  }
  return out;
}

function indent(text: string, pad = '    '): string {
  return sanitize(text)
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

async function manualGrade(plan: ReturnType<typeof planGrading>, person: string, store: RunStore, io: CommandIO): Promise<number> {
  // Lines are queued as they come, so answers piped in all at once are not lost.
  const rl = createInterface({ input: io.stdin, terminal: false });
  const queue: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  rl.on('line', (l) => (waiting.length ? waiting.shift()!(l) : queue.push(l)));
  rl.on('close', () => {
    closed = true;
    while (waiting.length) waiting.shift()!(null);
  });
  const nextLine = (): Promise<string | null> =>
    queue.length ? Promise.resolve(queue.shift()!) : closed ? Promise.resolve(null) : new Promise((r) => waiting.push(r));
  io.stdout.write(`Grading ${plan.items} item(s) as ${person}. For each: p = pass, f = fail, s = skip, q = quit (decisions are saved at once).\n`);
  const ask = async (it: ManualItem): Promise<ManualAnswer> => {
    if (it.firstOfTask) {
      const tr = it.run.tasks[it.taskIndex]!;
      io.stdout.write(`\n=== ${sanitizeInline(it.scenario.title)} - task ${sanitizeInline(it.task.id)} (run ${it.run.id}, ${it.run.player.kind === 'model' ? it.run.player.model : it.run.player.name})\n`);
      if (it.task.prompt) io.stdout.write(`Task:\n${indent(it.task.prompt)}\n`);
      io.stdout.write(`Answer:\n${indent(tr.answer ?? '')}\n`);
    }
    const v = it.run.tasks[it.taskIndex]!.verdicts[it.itemIndex]!;
    const was = v.status === 'unscored' ? ` [unscored: ${sanitizeInline(v.reason)}]` : '';
    for (;;) {
      io.stdout.write(`(${it.n}/${it.of}) ${sanitizeInline(it.task.rubric[it.itemIndex]!.text)}${was}\n  pass/fail/skip/quit [p/f/s/q]? `);
      const line = await nextLine();
      if (line === null) {
        io.stdout.write('\n');
        return 'quit';
      }
      const a = line.trim().toLowerCase();
      if (a === 'p' || a === 'pass' || a === 'y' || a === 'yes') return 'pass';
      if (a === 'f' || a === 'fail' || a === 'n' || a === 'no') return 'fail';
      if (a === 's' || a === 'skip' || a === '') return 'skip';
      if (a === 'q' || a === 'quit') return 'quit';
      io.stdout.write('  please answer p, f, s or q\n');
    }
  };
  const res = await gradeByHand(plan, person, ask, (r) => store.save(r));
  rl.close();
  io.stdout.write(`\n${res.decided} item(s) decided, ${res.skipped} left for later${res.quit ? ' (stopped)' : ''}.\n`);
  return 0;
}

const command: Command = {
  name: 'grade',
  summary: 'Grade pending or unscored rubric items of saved runs (LLM judge or by hand)',
  usage: 'grade [RUN|BATCH|MATCH...] [--judge J [--judge-base-url URL] | --manual] [--concurrency N] [--json]',
  options: {
    ...judgeOptions,
    manual: { type: 'boolean', description: 'Grade by hand, item by item, in the terminal' },
    concurrency: { type: 'string', valueName: 'N', description: 'Judge calls at once (default 4)' },
    timeout: modelOptions.timeout!,
    retries: modelOptions.retries!,
    ...jsonOption,
    ...scenariosOption,
    ...savesOption,
  },
  examples: ['clplay grade --judge gpt-5.1', 'clplay grade b-0123456789ab --judge qwen3 --judge-base-url http://localhost:8000/v1', 'clplay grade --manual'],
  allowPositionals: true,
  async run(args, io) {
    const v = args.values;
    if (v.manual && typeof v.judge === 'string') throw new UserError('choose one: --judge J (an LLM judge) or --manual (you)', 2);
    const settings = loadSettings({ env: io.env });
    for (const p of settings.problems) io.stderr.write(`clplay: ${p}\n`);
    const dir = savesDir({ flag: v.saves as string | undefined, env: io.env, cwd: io.cwd });
    const store = new RunStore(dir);
    const saved = await store.list();
    if (saved.problems.length) io.stderr.write(`clplay: ${saved.problems.length} file(s) in ${dir} are not readable runs and are ignored (see \`clplay saves\`)\n`);
    const runs = selectRuns(saved.runs, args.positionals);
    const lib = await loadLibrary(scenarioDirs({ flags: v.scenarios as string[] | undefined, env: io.env, cwd: io.cwd }), scenarioLimit(io));
    const manual = Boolean(v.manual);
    if (manual && (v['judge-protocol'] !== undefined || v['judge-checks'])) throw new UserError('--judge-protocol and --judge-checks are for an LLM judge; leave them out with --manual', 2);
    const ep = manual ? undefined : judgeEndpoint(args, io.env, settings, undefined, { required: true })!;
    const judge = ep ? createJudge(await createChatClient(ep), { cache: await fileCache(dir), ...judgeModeOptions(args, io.env, settings, io.cwd) }) : undefined;
    const plan = planGrading(runs, lib.scenarios, judge);
    const hint = clbenchProtocolHint(judge, args, plan.work.map((w) => w.scenario));
    if (hint) io.stderr.write(`clplay: ${hint}\n`);
    for (const s of plan.skipped) io.stderr.write(`clplay: skipped ${s}\n`);
    if (plan.items === 0) {
      if (v.json) io.stdout.write(JSON.stringify({ items: 0, skipped: plan.skipped }, null, 2) + '\n');
      else io.stdout.write(`nothing to grade: no pending or unscored items in ${runs.length} run(s)\n`);
      return 0;
    }
    if (v.manual) {
      if (v.json) throw new UserError('--manual asks a person; it has no --json output', 2);
      return manualGrade(plan, playerName(settings, io.env), store, io);
    }
    if (!judge || !ep) throw new UserError('no judge given: pass --judge MODEL, or grade by hand with --manual', 2);
    const concurrency = numberFlag(args, 'concurrency', { int: true, min: 1, max: 256 }) ?? 4;
    const ctl = new AbortController();
    const onSigint = () => (ctl.signal.aborted ? process.exit(130) : ctl.abort());
    process.on('SIGINT', onSigint);
    const log = v.json ? io.stderr : io.stdout;
    log.write(`grading ${plan.items} item(s) in ${plan.work.reduce((a, w) => a + w.tasks.length, 0)} task(s) with ${describeEndpoint(ep)}\n`);
    let res;
    try {
      res = await judgeRuns(plan, { judge, concurrency, save: (r) => store.save(r), signal: ctl.signal, onTask: (_w, _i, line) => log.write(`${line}\n`) });
    } finally {
      process.off('SIGINT', onSigint);
    }
    if (res.unreachable !== undefined) {
      throw new UserError(`the judge could not be reached: ${res.unreachable}; ${res.decided} item(s) decided before that, the rest stay pending (rerun \`clplay grade\` when the judge is up)`);
    }
    if (v.json) io.stdout.write(JSON.stringify({ ...res, items: plan.items, judge: ep.model, stopped: ctl.signal.aborted, skipped: plan.skipped }, null, 2) + '\n');
    else {
      io.stdout.write(`${res.decided} item(s) decided, ${res.unscored} unscored, ${res.calls} judge call(s), ${res.cached} from the cache\n`);
      if (res.unscored) io.stdout.write('unscored items keep the judge\'s raw reply; run `clplay grade` again, or `clplay grade --manual` to decide them yourself\n');
    }
    return ctl.signal.aborted ? 130 : 0;
  },
};
export default command;
