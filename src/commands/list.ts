// `clplay list [--json]`: the loaded scenarios. Invalid files are reported on stderr (one line
// each) and the valid ones are still listed.
import { loadLibrary, scenarioDirs } from '../core/scenario/library.js';
import { formatProblem } from '../core/scenario/problem.js';
import { CATEGORIES, CATEGORY_LABELS, type Scenario } from '../core/scenario/schema.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { jsonOption, scenariosOption } from './options.js';
import type { Command } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

export interface ScenarioSummary {
  id: string;
  title: string;
  category: string;
  subcategory: string;
  origin: string;
  language: string;
  tasks: number;
  dependentTasks: number;
  contextChars: number;
  path: string;
}

export function summarize(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    category: s.category,
    subcategory: s.subcategory,
    origin: s.origin,
    language: s.language,
    tasks: s.tasks.length,
    dependentTasks: s.tasks.filter((t) => (t.dependsOn?.length ?? 0) > 0).length,
    contextChars: s.context.length,
    path: s.path,
  };
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}

const command: Command = {
  name: 'list',
  summary: 'List the loaded scenarios',
  usage: 'list [--json] [--scenarios DIR]',
  options: { ...scenariosOption, ...jsonOption },
  examples: ['clplay list', 'clplay list --json', 'clplay list --scenarios ~/my-scenarios'],
  allowPositionals: false,
  async run(args, io) {
    const dirs = scenarioDirs({ flags: args.values.scenarios as string[] | undefined, env: io.env, cwd: io.cwd });
    const lib = await loadLibrary(dirs, scenarioLimit(io));
    for (const p of lib.problems) io.stderr.write(`clplay: ${formatProblem(p, io.cwd)}\n`);
    // The four in CL-bench's order, then imported categories outside them.
    const order = (c: string): number => ((CATEGORIES as readonly string[]).includes(c) ? (CATEGORIES as readonly string[]).indexOf(c) : CATEGORIES.length);
    const rows = lib.scenarios
      .map(summarize)
      .sort((a, b) => order(a.category) - order(b.category) || a.id.localeCompare(b.id));
    if (args.values.json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      io.stdout.write(`no scenarios found in ${dirs.join(', ')}\n`);
      return 0;
    }
    // In a terminal the title is cut to fit; piped output keeps whole lines.
    const cols = io.stdout.isTTY ? Math.max(60, io.stdout.columns || 100) : Infinity;
    const head = { id: 'ID', tasks: 'TASKS', ctx: 'CONTEXT', cat: 'CATEGORY', title: 'TITLE' };
    const data = rows.map((r) => ({
      id: r.id,
      tasks: r.dependentTasks ? `${r.tasks} (${r.dependentTasks} dep)` : String(r.tasks),
      ctx: r.contextChars >= 1000 ? `${(r.contextChars / 1000).toFixed(1)}k ch` : `${r.contextChars} ch`,
      // Titles come from downloaded scenario packs: escape sequences print as text.
      cat: sanitizeInline(`${CATEGORY_LABELS[r.category as keyof typeof CATEGORY_LABELS] ?? r.category} / ${r.subcategory}`),
      title: sanitizeInline(r.title),
    }));
    const w = (k: keyof typeof head): number => Math.max(head[k].length, ...data.map((d) => d[k].length));
    const wid = w('id');
    const wt = w('tasks');
    const wc = w('ctx');
    const wcat = Math.min(w('cat'), 44);
    const line = (d: typeof head): string => {
      const fixed = `${d.id.padEnd(wid)}  ${d.tasks.padEnd(wt)}  ${d.ctx.padStart(wc)}  ${truncate(d.cat, wcat).padEnd(wcat)}  `;
      return (fixed + truncate(d.title, Math.max(10, cols - fixed.length - 1))).trimEnd();
    };
    io.stdout.write(`${line(head)}\n`);
    for (const d of data) io.stdout.write(`${line(d)}\n`);
    io.stdout.write(`\n${rows.length} scenario${rows.length === 1 ? '' : 's'}${lib.problems.length ? `; ${lib.problems.length} problem${lib.problems.length === 1 ? '' : 's'} (run \`clplay validate\`)` : ''}\n`);
    return 0;
  },
};
export default command;
