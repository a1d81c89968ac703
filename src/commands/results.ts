// `clplay results`: humans beside models. A screen on a terminal; a plain table in a pipe; --json.
import { aggregate, perTask } from '../core/results/aggregate.js';
import { judgeAgreement } from '../core/results/agreement.js';
import { attemptsOf } from '../core/results/attempts.js';
import { categoryBars, timeVsSolve } from '../core/results/charts.js';
import { categoryLabel, renderAgreement, renderPublished, renderReport, renderTasks } from '../core/results/render.js';
import { sanitize, sanitizeInline } from '../core/text/sanitize.js';
import { jsonOption, savesOption, scenariosOption } from './options.js';
import { filterOptions, loadResultsData } from './results-data.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'results',
  summary: 'Humans beside models: solve rates per scenario, category and task, with charts and judge agreement',
  usage: 'results [--json] [--plain] [--scenario ID] [--category C] [--player NAME] [--model M] [--since DATE] [--until DATE]',
  options: {
    ...jsonOption,
    plain: { type: 'boolean', description: 'Print plain tables even on a terminal (no screen)' },
    ...filterOptions,
    ...scenariosOption,
    ...savesOption,
  },
  examples: ['clplay results', 'clplay results --category rule-system-application --plain', 'clplay results --json > results.json'],
  allowPositionals: false,
  async run(args, io) {
    const data = await loadResultsData(args, io);
    for (const p of data.problems) io.stderr.write(`clplay: skipped ${sanitizeInline(p)}\n`);
    const rows = attemptsOf(data.runs, data.scenarios);
    const report = aggregate(rows);
    const tasks = perTask(rows);
    const agreement = judgeAgreement(data.runs);
    if (args.values.json) {
      io.stdout.write(JSON.stringify({ ...report, tasks, agreement, skipped: data.problems }, null, 2) + '\n');
      return 0;
    }
    if (io.stdout.isTTY && io.stdin.isTTY && !args.values.plain) {
      const { showResultsScreen } = await import('../ui/screens/results/show.js');
      await showResultsScreen({ report, rows, tasks, agreement, runs: data.runs, scenarios: data.scenarios });
      return 0;
    }
    const parts = [renderReport(report)];
    if (rows.length) {
      parts.push('', 'Solve rate by category', categoryBars(report.categories, categoryLabel), '', timeVsSolve(rows));
      parts.push('', 'Tasks', renderTasks(tasks), '', renderAgreement(agreement));
    }
    parts.push('', renderPublished());
    // Names in merged saves are not trusted: nothing in them reaches the terminal as a control.
    io.stdout.write(sanitize(parts.join('\n'), { tabWidth: 0 }) + '\n');
    return 0;
  },
};
export default command;
