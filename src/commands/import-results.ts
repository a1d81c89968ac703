// `clplay import-results FILE`: CL-bench graded output (eval.py's *_graded.jsonl) as model runs.
import { createReadStream, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { UserError } from '../core/errors.js';
import { gradedRowsToRuns, indexBySourceId, type GradedRow } from '../core/results/import-results.js';
import { canonical } from '../core/runs/identity.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import { loadLibrary, scenarioDirs } from '../core/scenario/library.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { savesOption, scenariosOption } from './options.js';
import type { Command } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

const command: Command = {
  name: 'import-results',
  summary: 'Import CL-bench graded output rows (*_graded.jsonl) as model runs on imported scenarios',
  usage: 'import-results FILE [--model NAME] [--judge NAME] [--repeat N]',
  options: {
    model: { type: 'string', valueName: 'NAME', description: 'The model that answered (default: the file name before _graded.jsonl)' },
    judge: { type: 'string', valueName: 'NAME', description: 'The judge upstream used (default gpt-5.1, eval.py\'s default)' },
    repeat: { type: 'string', valueName: 'N', description: 'Which repeat this file is, for several runs of one model (default 1)' },
    ...scenariosOption,
    ...savesOption,
  },
  examples: ['clplay import-results outputs/my-model_graded.jsonl', 'clplay import-results run2_graded.jsonl --model my-model --repeat 2'],
  allowPositionals: true,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new UserError('give exactly one graded JSONL file: clplay import-results FILE', 2);
    const path = resolve(io.cwd, file);
    if (!existsSync(path)) throw new UserError(`${file}: no such file`);
    const model = (args.values.model as string | undefined) ?? basename(path).replace(/(_graded)?\.jsonl?$/i, '');
    const repeat = Number((args.values.repeat as string | undefined) ?? '1');
    if (!Number.isInteger(repeat) || repeat < 1) throw new UserError(`--repeat "${String(args.values.repeat)}" must be a whole number from 1`, 2);
    const judge = (args.values.judge as string | undefined) ?? 'gpt-5.1';

    const library = await loadLibrary(scenarioDirs({ flags: args.values.scenarios as string[] | undefined, env: io.env }), scenarioLimit(io));
    const index = indexBySourceId(library.scenarios);
    if (!index.size) throw new UserError('no imported CL-bench scenarios are loaded; import the data first with `clplay import FILE.jsonl`');

    const rows: { line: number; row: GradedRow }[] = [];
    const bad: string[] = [];
    let line = 0;
    const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const text of rl) {
      line++;
      if (!text.trim()) continue;
      try {
        const parsed = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text) as GradedRow & { messages?: unknown };
        if (!parsed || typeof parsed !== 'object') throw new Error('not a JSON object');
        // Keep only what grading needs: the messages (contexts) would cost memory for nothing.
        rows.push({ line, row: { idx: parsed.idx, model_output: parsed.model_output, metadata: parsed.metadata, grading_rationale: parsed.grading_rationale, requirement_status: parsed.requirement_status, score: parsed.score } });
      } catch (err) {
        bad.push(`${file}:${line}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    const { runs, unknown, repeats, disagreements, upstream } = gradedRowsToRuns(rows, index, { model, judge, repeat, batchId: `cl-bench:${basename(path)}`, now: new Date().toISOString() });
    const store = new RunStore(savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd }));
    let added = 0;
    let same = 0;
    for (const run of runs) {
      if (await store.has(run.id)) {
        const old = await store.load(run.id);
        const strip = (r: typeof run) => ({ ...r, startedAt: '', endedAt: '', tasks: r.tasks.map((t) => ({ ...t, verdicts: t.verdicts.map((v) => ({ ...v, at: '' })), ...(t.judgement ? { judgement: { ...t.judgement, at: '' } } : {}) })) });
        if (canonical(strip(old)) === canonical(strip(run))) same++;
        else io.stderr.write(`clplay: run ${run.id} was imported before with other content; kept the saved one (use --repeat N to import another repeat)\n`);
        continue;
      }
      await store.create(run);
      added++;
    }
    for (const b of [...bad, ...unknown]) io.stderr.write(`clplay: skipped ${sanitizeInline(b)}\n`);
    const tasks = runs.reduce((n, r) => n + r.tasks.filter((t) => t.answer !== undefined).length, 0);
    const repeatsSeen = [...new Set(runs.map((r) => r.repeat ?? 1))].sort((x, y) => x - y);
    const repeatWord = repeatsSeen.length > 1 ? `repeats ${repeatsSeen[0]}-${repeatsSeen[repeatsSeen.length - 1]}` : `repeat ${repeat}`;
    io.stdout.write(`${rows.length} graded rows read; ${tasks} tasks in ${runs.length} runs of ${model} (${repeatWord}); ${added} runs added, ${same} already there; ${bad.length + unknown.length} rows skipped\n`);
    for (const r of repeats) io.stdout.write(`${r}\n`);
    io.stdout.write(`eval.py counts ${upstream.solved}/${upstream.total} solved in this file (score == 1); each task's status follows its score\n`);
    if (disagreements.length) {
      io.stdout.write(`${disagreements.length} row(s) where the judge's per-item list and its score disagree (the score decides, as in eval.py):\n`);
      for (const d of disagreements.slice(0, 20)) io.stdout.write(`  ${d}\n`);
      if (disagreements.length > 20) io.stdout.write(`  ... and ${disagreements.length - 20} more (see \`clplay results\`, judge agreement)\n`);
    }
    return bad.length + unknown.length > 0 && rows.length === 0 ? 1 : 0;
  },
};
export default command;
