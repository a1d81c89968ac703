// `clplay check SCENARIO --task ID (--answer TEXT | --answer-file FILE) [--json]`: grades one
// answer against a task's machine checks and prints each rubric item's verdict - the rubric
// author's tool. Exit codes: 0 = no item failed (solved, or some items pending a judge);
// 1 = at least one item failed; 2 = the command could not grade (usage, scenario, task, file).
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { errorMessage, UserError } from '../core/errors.js';
import { showPattern } from '../core/checks/regex.js';
import { gradeByChecks } from '../core/grading/grade.js';
import { resolveLimits } from '../core/limits.js';
import { readLimited, TooLargeError } from '../core/fs/read-limited.js';
import { loadSettings } from '../core/settings/settings.js';
import { rubricRate, taskStatus, type TaskStatus, type Verdict } from '../core/grading/verdict.js';
import { resolveScenario, scenarioDirs } from '../core/scenario/library.js';
import type { Scenario, Task } from '../core/scenario/schema.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { jsonOption, scenariosOption } from './options.js';
import type { Command, CommandIO } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

export interface CheckReport {
  scenario: string;
  task: string;
  status: TaskStatus;
  /** `pattern`: a regex item's pattern, for authors (never shown on a player's screen). */
  items: { text: string; verdict: Verdict['status']; by: string | null; reason: string; pattern?: string }[];
}

const SYMBOL: Record<Verdict['status'], string> = { pass: '✓', fail: '✗', pending: '…', unscored: '?' };

async function readAnswer(values: Record<string, unknown>, io: CommandIO): Promise<string> {
  const text = values.answer as string | undefined;
  const file = values['answer-file'] as string | undefined;
  if (text !== undefined && file !== undefined) throw new UserError('give either --answer or --answer-file, not both', 2);
  if (text !== undefined) return text;
  if (file === undefined) {
    throw new UserError('no answer: give --answer TEXT or --answer-file FILE (- reads stdin); run `clplay check --help`', 2);
  }
  let buf: Buffer;
  try {
    // Capped on the bytes read (stdin or /dev/zero never end); the limit is limits.answerFileMB.
    const max = resolveLimits(loadSettings({ env: io.env }).limits).answerFileBytes;
    buf = await readLimited(file === '-' ? io.stdin : resolve(io.cwd, file), max, 'the limit for an answer file; see limits.answerFileMB');
  } catch (err) {
    if (err instanceof TooLargeError) throw new UserError(`the answer file ${file} is ${err.message}`, 2);
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : errorMessage(err);
    throw new UserError(`cannot read the answer file ${file}: ${why}`, 2);
  }
  return buf.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The task `--task` names: by id, else by number (1 = the first task). */
export function findTask(scenario: Scenario, id: string | undefined): Task {
  const ids = scenario.tasks.map((t) => t.id).join(', ');
  if (id === undefined) {
    if (scenario.tasks.length === 1) return scenario.tasks[0]!;
    throw new UserError(`which task? give --task ID; ${scenario.id} has tasks: ${ids}`, 2);
  }
  const byId = scenario.tasks.find((t) => t.id === id);
  if (byId) return byId;
  const n = /^\d+$/.test(id) ? Number(id) : NaN;
  if (n >= 1 && n <= scenario.tasks.length) return scenario.tasks[n - 1]!;
  throw new UserError(`no task "${id}" in ${scenario.id}; its tasks are: ${ids}`, 2);
}

export function checkReport(scenario: Scenario, task: Task, verdicts: Verdict[]): CheckReport {
  return {
    scenario: scenario.id,
    task: task.id,
    status: taskStatus(verdicts),
    items: task.rubric.map((item, i) => ({
      text: item.text,
      verdict: verdicts[i]!.status,
      by: verdicts[i]!.by ?? null,
      reason: verdicts[i]!.reason,
      ...(item.check?.type === 'regex' ? { pattern: showPattern(item.check) } : {}),
    })),
  };
}

function wantsColour(io: CommandIO): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return !!io.stdout.isTTY && io.env.TERM !== 'dumb';
}

/** The human-readable verdict table: a symbol and the item's text, its reason below. */
export function formatReport(report: CheckReport, task: Task, verdicts: Verdict[], colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const paint: Record<Verdict['status'], (s: string) => string> = { pass: c.green, fail: c.red, pending: c.yellow, unscored: c.magenta };
  // Rubric text and reasons (which quote the answer) are made inert; only our colours remain.
  const lines = [c.bold(sanitizeInline(`${report.scenario} › ${report.task}`))];
  report.items.forEach((item) => {
    lines.push(`  ${paint[item.verdict](SYMBOL[item.verdict])} ${sanitizeInline(item.text.replace(/\s+/g, ' ').trim())}`);
    const reason = item.verdict === 'pending' ? `pending: ${item.reason}` : item.reason;
    lines.push(`      ${c.dim(sanitizeInline(reason))}`);
  });
  const rate = rubricRate(verdicts, task.rubric.map((r) => r.weight));
  const { pass, fail, pending, unscored } = rate.counts;
  const counts = [`${pass} pass`, `${fail} fail`, pending ? `${pending} pending (no check)` : '', unscored ? `${unscored} unscored` : '']
    .filter(Boolean)
    .join(', ');
  const pct = rate.rate === null ? '' : ` - checked rubric ${Math.round(rate.rate * 100)}%`;
  const label = report.status === 'solved' ? c.green('solved') : report.status === 'failed' ? c.red('failed') : c.yellow('pending');
  lines.push(`${label}: ${counts}${pct}`);
  return lines.join('\n') + '\n';
}

const command: Command = {
  name: 'check',
  summary: "Grade one answer against a task's machine checks (for rubric authors). Exit: 0 nothing failed, 1 an item failed, 2 could not grade",
  usage: 'check SCENARIO --task ID (--answer TEXT | --answer-file FILE) [--json] [--scenarios DIR]',
  options: {
    task: { type: 'string', short: 't', valueName: 'ID', description: 'The task to grade (its id, or its number: 1 = the first)' },
    answer: { type: 'string', short: 'a', valueName: 'TEXT', description: 'The answer to grade' },
    'answer-file': { type: 'string', short: 'f', valueName: 'FILE', description: 'Read the answer from FILE (- reads stdin)' },
    ...jsonOption,
    ...scenariosOption,
  },
  examples: [
    'clplay check sorrel-language --task arithmetic --answer-file my-answer.md',
    'clplay check tests/fixtures/example-harbour-levy.yaml --task glass-cog --answer "Rounded up: Answer: 81 marks"',
    'clplay check scenarios/my-scenario.yaml --task opening-move --answer-file answer.md',
    'pbpaste | clplay check my-scenario --task 2 --answer-file - --json',
  ],
  allowPositionals: true,
  async run(args, io) {
    const [arg, ...extra] = args.positionals;
    if (!arg) throw new UserError('which scenario? usage: clplay check SCENARIO --task ID --answer TEXT', 2);
    if (extra.length) {
      throw new UserError(`one scenario at a time; unexpected ${extra.map((e) => JSON.stringify(e)).join(' ')} (quote an answer and pass it with --answer)`, 2);
    }
    const answer = await readAnswer(args.values, io);
    const dirs = scenarioDirs({ flags: args.values.scenarios as string[] | undefined, env: io.env, cwd: io.cwd });
    let scenario: Scenario;
    try {
      scenario = await resolveScenario(arg, dirs, { cwd: io.cwd, ...scenarioLimit(io) });
    } catch (err) {
      // Exit 1 means "an item failed" for this command; not finding the scenario is exit 2.
      if (err instanceof UserError) throw new UserError(err.message, 2);
      throw err;
    }
    const task = findTask(scenario, args.values.task as string | undefined);
    const verdicts = gradeByChecks(task, answer, new Date().toISOString());
    const report = checkReport(scenario, task, verdicts);
    if (args.values.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout.write(formatReport(report, task, verdicts, wantsColour(io)));
    return report.status === 'failed' ? 1 : 0;
  },
};
export default command;
