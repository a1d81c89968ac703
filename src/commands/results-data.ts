// What `results` and `export` share: the filter flags, and loading saves plus scenarios.
import type { Scenario } from '../core/scenario/schema.js';
import { loadLibrary, scenarioDirs } from '../core/scenario/library.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import type { RunRecord } from '../core/runs/types.js';
import { checkDate, filterRuns, type RunFilter } from '../core/results/filter.js';
import { CATEGORIES } from '../core/scenario/schema.js';
import { UserError } from '../core/errors.js';
import { closest } from '../core/scenario/suggest.js';
import type { CommandIO, OptionSpec, ParsedArgs } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

export const filterOptions: Record<string, OptionSpec> = {
  scenario: { type: 'string', multiple: true, valueName: 'ID', description: 'Only this scenario (repeatable)' },
  category: { type: 'string', multiple: true, valueName: 'CATEGORY', description: `Only this category (repeatable): ${CATEGORIES.join(', ')}, or an imported category as written` },
  player: { type: 'string', multiple: true, valueName: 'NAME', description: "Only this person's or model's runs (repeatable)" },
  model: { type: 'string', multiple: true, valueName: 'MODEL', description: 'Only runs of this model (repeatable)' },
  since: { type: 'string', valueName: 'DATE', description: 'Only runs started on or after DATE (YYYY-MM-DD)' },
  until: { type: 'string', valueName: 'DATE', description: 'Only runs started on or before DATE (YYYY-MM-DD)' },
};

export function filterFrom(args: ParsedArgs): RunFilter {
  const list = (k: string) => args.values[k] as string[] | undefined;
  const category = list('category');
  // An imported CL-bench scenario may carry a category of its own (e.g. "Mock"), so any name is
  // allowed; one that is a near miss of the four is a typo.
  for (const c of category ?? []) {
    if ((CATEGORIES as readonly string[]).includes(c)) continue;
    const near = closest(c, CATEGORIES);
    if (near) throw new UserError(`--category "${c}" is not a category; did you mean ${near}? (the four: ${CATEGORIES.join(', ')})`, 2);
  }
  return {
    scenario: list('scenario'),
    category,
    player: list('player'),
    model: list('model'),
    since: checkDate('since', args.values.since as string | undefined),
    until: checkDate('until', args.values.until as string | undefined),
  };
}

export interface ResultsData {
  runs: RunRecord[];
  scenarios: Map<string, Scenario>;
  /** Saves or scenario files that could not be read, one line each. */
  problems: string[];
  store: RunStore;
}

export async function loadResultsData(args: ParsedArgs, io: CommandIO): Promise<ResultsData> {
  const dir = savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd });
  const store = new RunStore(dir);
  const [{ runs, problems }, library] = await Promise.all([
    store.list(),
    loadLibrary(scenarioDirs({ flags: args.values.scenarios as string[] | undefined, env: io.env }), scenarioLimit(io)),
  ]);
  const scenarios = new Map(library.scenarios.map((s) => [s.id, s]));
  const filtered = filterRuns(runs, filterFrom(args), (id) => scenarios.get(id)?.category);
  return { runs: filtered, scenarios, problems, store };
}
