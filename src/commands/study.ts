// `clplay study ...`: a human baseline study from protocol to published numbers.
//   join STUDY|PACK --participant CODE   instructions, consent, then the assigned scenarios in order
//   pack STUDY --out FILE.zip            the study file + exactly its scenarios (with hashes)
//   submit STUDY --participant CODE --out FILE.zip   this participant's runs of the study
//   status STUDY [--json]                participants x scenarios: done / in progress / not started
//   report STUDY [--plain|--json|--format md]        solve rates with bootstrap intervals
//   export STUDY --out DIR               pseudonymous JSONL + a datasheet README.md
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { UserError } from '../core/errors.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import type { RunRecord } from '../core/runs/types.js';
import { loadLibrary } from '../core/scenario/library.js';
import { formatProblem } from '../core/scenario/problem.js';
import type { Scenario } from '../core/scenario/schema.js';
import { assignment, completionCode, studyPool } from '../core/study/assign.js';
import { datasetRows, datasheet } from '../core/study/dataset.js';
import { reportMarkdown, reportText, statusText } from '../core/study/format.js';
import { loadStudyFile, validParticipant } from '../core/study/load.js';
import { packStudy, submitRuns, unpackStudy } from '../core/study/pack.js';
import { seedOf } from '../core/study/random.js';
import { studyReport, studyRuns } from '../core/study/report.js';
import type { Study } from '../core/study/schema.js';
import { studyStatus } from '../core/study/status.js';
import { formatClock } from '../core/play/baseline.js';
import { sanitize, sanitizeInline } from '../core/text/sanitize.js';
import { appDeps, requireTty, scenarioDirsOf, startApp } from './interactive.js';
import { jsonOption, savesOption, scenariosOption } from './options.js';
import type { Command, CommandIO, ParsedArgs } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

interface Loaded {
  study: Study;
  library: Scenario[];
  pool: string[];
}

/** The study (a file, or a pack zip unpacked to a folder of its own) and the scenarios it draws on. */
async function loadStudy(arg: string | undefined, args: ParsedArgs, io: CommandIO): Promise<Loaded> {
  if (!arg) throw new UserError('name the study file (studies/NAME.yaml) or a study pack (.zip)', 2);
  let path = resolve(io.cwd, arg);
  const dirs = scenarioDirsOf(args, io);
  if (extname(path).toLowerCase() === '.zip') {
    // Unpacked once per pack (by its bytes' hash), so a resumed join finds the same files.
    const dir = join(tmpdir(), `clplay-study-${seedOf('pack', path).toString(16)}`);
    const manifest = await unpackStudy(path, dir);
    path = join(dir, manifest.study.file);
    dirs.push(join(dir, 'scenarios'));
  }
  const { study, problems } = await loadStudyFile(path);
  if (!study) throw new UserError(problems.map((p) => formatProblem(p, io.cwd)).join('\n'));
  const lib = await loadLibrary(dirs, scenarioLimit(io));
  return { study, library: lib.scenarios, pool: studyPool(study, lib.scenarios) };
}

function participantOf(args: ParsedArgs, study: Study): string {
  const code = typeof args.values.participant === 'string' ? args.values.participant.trim() : '';
  if (!code) throw new UserError(`give your participant code: --participant CODE (the study expects codes like ${study.participantPattern})`, 2);
  if (!validParticipant(study, code)) throw new UserError(`"${sanitizeInline(code)}" is not a participant code of this study (pattern ${study.participantPattern}); check the code you were given`, 2);
  return code;
}

async function savedRuns(args: ParsedArgs, io: CommandIO): Promise<{ store: RunStore; runs: RunRecord[] }> {
  const store = new RunStore(savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd }));
  const { runs, problems } = await store.list();
  for (const p of problems) io.stderr.write(`clplay: skipped ${p}\n`);
  return { store, runs };
}

async function ask(io: CommandIO, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function joinStudy(l: Loaded, args: ParsedArgs, io: CommandIO): Promise<number> {
  const { study, library } = l;
  const code = participantOf(args, study);
  requireTty(io);
  const plan = assignment(study, l.pool, code);
  const byId = new Map(library.map((s) => [s.id, s]));
  const mine = (runs: readonly RunRecord[]) => studyRuns(study, runs).filter((r) => r.study!.participant === code);
  const { runs } = await savedRuns(args, io);
  let consentAt = mine(runs).map((r) => r.study!.consentAt).find((c) => c);
  const started = mine(runs).length > 0;
  io.stdout.write(`\n${sanitizeInline(study.title)}\n\n${sanitize(study.instructions)}\n\n`);
  io.stdout.write(`You will play ${plan.length} scenario(s), in this order: ${plan.join(', ')}.\n`);
  if (study.timeLimitMinutes) io.stdout.write(`Each scenario has a time limit of ${study.timeLimitMinutes} minutes; at zero your draft is submitted as it stands.\n`);
  if (study.consent && !consentAt) {
    io.stdout.write(`\n${sanitize(study.consent)}\n\n`);
    const answer = await ask(io, 'Type "yes" to agree and take part, anything else to leave: ');
    if (answer.toLowerCase() !== 'yes') {
      io.stdout.write('You did not agree, so nothing was recorded. Thank you for your time.\n');
      return 1;
    }
    consentAt = new Date().toISOString();
  } else if (!started) await ask(io, 'Press Enter to begin. ');
  else io.stdout.write('Welcome back: your runs so far are kept, and you continue where you left off.\n');

  for (const [i, id] of plan.entries()) {
    const scenario = byId.get(id)!;
    const done = () => mine(cachedRuns).some((r) => r.scenarioId === id && r.status === 'finished' && r.scenarioHash === scenario.hash);
    let cachedRuns = (await savedRuns(args, io)).runs;
    if (done()) continue;
    const deps = await appDeps(args, io, { screen: 'play', scenario }, { scenarios: library, problems: [] });
    deps.player = code;
    deps.savePlayerName = undefined;
    deps.reveal = study.reveal;
    deps.study = { tag: { id: study.id, hash: study.hash, participant: code, position: i + 1, ...(consentAt ? { consentAt } : {}) }, ...(study.timeLimitMinutes ? { timeLimitMs: study.timeLimitMinutes * 60_000 } : {}) };
    const exit = await startApp(deps);
    cachedRuns = (await savedRuns(args, io)).runs;
    if (!done()) {
      io.stdout.write(`Your progress is saved. To continue, run the same command again: clplay study join ${args.positionals[1]} --participant ${code}\n`);
      return exit || 0;
    }
  }
  const finished = mine((await savedRuns(args, io)).runs).filter((r) => r.status === 'finished');
  const active = finished.reduce((n, r) => n + r.tasks.reduce((m, t) => m + (t.activeMs ?? 0), 0), 0);
  io.stdout.write(`\nThank you - you have completed the study.\n  scenarios done: ${plan.length}\n  total active time: ${formatClock(active)}\n  completion code: ${completionCode(study, code)}\n`);
  io.stdout.write(`Send your runs with: clplay study submit ${args.positionals[1]} --participant ${code} --out ${code}.zip\n`);
  return 0;
}

const command: Command = {
  name: 'study',
  summary: 'Run a human baseline study: join, pack, submit, status, report, export',
  usage: 'study join|pack|submit|status|report|export STUDY [--participant CODE] [--out PATH] [--json|--plain|--format md]',
  options: {
    participant: { type: 'string', valueName: 'CODE', description: 'Your participant code (join, submit)' },
    out: { type: 'string', valueName: 'PATH', description: 'Where pack/submit write a .zip, or export writes its folder' },
    format: { type: 'string', valueName: 'md', description: 'report: md prints Markdown for a paper appendix' },
    plain: { type: 'boolean', description: 'report: plain text (the default when not a terminal)' },
    force: { type: 'boolean', description: 'Overwrite an existing --out file' },
    ...jsonOption,
    ...scenariosOption,
    ...savesOption,
  },
  examples: [
    'clplay study join studies/bundled-pilot.yaml --participant P07',
    'clplay study pack studies/bundled-pilot.yaml --out pilot.zip',
    'clplay study join pilot.zip --participant P07',
    'clplay study submit pilot.zip --participant P07 --out P07.zip',
    'clplay saves merge P*.zip && clplay study status studies/bundled-pilot.yaml',
    'clplay study report studies/bundled-pilot.yaml --format md',
    'clplay study export studies/bundled-pilot.yaml --out pilot-dataset',
  ],
  allowPositionals: true,
  async run(args, io) {
    const [sub, arg, ...extra] = args.positionals;
    const subs = ['join', 'pack', 'submit', 'status', 'report', 'export'];
    if (!sub || !subs.includes(sub)) throw new UserError(`use clplay study ${subs.join('|')} STUDY${sub ? ` (not "${sanitizeInline(sub)}")` : ''}`, 2);
    if (extra.length) throw new UserError(`study ${sub} takes one STUDY, got also: ${extra.join(' ')}`, 2);
    const l = await loadStudy(arg, args, io);
    const out = typeof args.values.out === 'string' ? resolve(io.cwd, args.values.out) : undefined;
    const refuseOverwrite = (p: string) => {
      if (existsSync(p) && !args.values.force) throw new UserError(`${p} exists; choose another --out or add --force`, 2);
    };
    switch (sub) {
      case 'join':
        return joinStudy(l, args, io);
      case 'pack': {
        if (!out) throw new UserError('study pack needs --out FILE.zip', 2);
        refuseOverwrite(out);
        const used = l.library.filter((s) => l.pool.includes(s.id));
        const m = await packStudy(l.study, used, out);
        io.stdout.write(`packed ${l.study.id} with ${m.scenarios.length} scenario(s) into ${out}\nParticipants run: clplay study join ${out} --participant CODE\n`);
        return 0;
      }
      case 'submit': {
        const code = participantOf(args, l.study);
        if (!out) throw new UserError('study submit needs --out FILE.zip', 2);
        refuseOverwrite(out);
        const mine = studyRuns(l.study, (await savedRuns(args, io)).runs).filter((r) => r.study!.participant === code);
        if (!mine.length) throw new UserError(`no runs of study ${l.study.id} by ${code} in the saves folder`);
        await submitRuns(mine, out);
        io.stdout.write(`wrote ${mine.length} run(s) of ${code} to ${out}; send this file to the study's coordinator\n`);
        return 0;
      }
      case 'status': {
        const list = studyStatus(l.study, (await savedRuns(args, io)).runs, l.library, l.pool);
        io.stdout.write(args.values.json ? `${JSON.stringify(list, null, 2)}\n` : statusText(list));
        return 0;
      }
      case 'report': {
        const report = studyReport(l.study, (await savedRuns(args, io)).runs, l.library, l.pool);
        if (args.values.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (args.values.format === 'md') io.stdout.write(reportMarkdown(report));
        else if (args.values.format !== undefined) throw new UserError(`--format takes md (got "${sanitizeInline(String(args.values.format))}")`, 2);
        else io.stdout.write(reportText(report));
        return 0;
      }
      case 'export': {
        if (!out) throw new UserError('study export needs --out DIR', 2);
        const runs = (await savedRuns(args, io)).runs;
        const rows = datasetRows(l.study, runs, l.library);
        const report = studyReport(l.study, runs, l.library, l.pool);
        await mkdir(out, { recursive: true });
        const data = join(out, 'attempts.jsonl');
        refuseOverwrite(data);
        await writeFile(data, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
        await writeFile(join(out, 'README.md'), datasheet(l.study, report, rows.length));
        io.stdout.write(`wrote ${rows.length} attempt(s) to ${data} and a datasheet to ${join(out, 'README.md')}\n`);
        return 0;
      }
    }
    return 2;
  },
};
export default command;
