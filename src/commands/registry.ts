// Every command of the CLI, loaded lazily: `clplay --help` lists them without importing any.
import type { Command } from './types.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<{ default: Command }>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  home: { summary: 'Open the home screen (the default when no command is given)', load: () => import('./home.js') },
  play: { summary: 'Play a scenario as a person (optionally against a model with --vs)', load: () => import('./play.js') },
  watch: { summary: 'Watch a model play a scenario live', load: () => import('./watch.js') },
  replay: { summary: 'Replay a saved model run or versus match as it happened, offline (or export an asciicast)', load: () => import('./replay.js') },
  demo: { summary: 'Saved runs that make good demos (a model failed what a person solved), to replay', load: () => import('./demo.js') },
  run: { summary: 'Run models headless over scenarios, with progress and a final table', load: () => import('./run.js') },
  grade: { summary: 'Grade pending or unscored rubric items of saved runs (LLM judge or by hand)', load: () => import('./grade.js') },
  results: { summary: 'Humans beside models: solve rates per scenario, category and task', load: () => import('./results.js') },
  list: { summary: 'List the loaded scenarios', load: () => import('./list.js') },
  check: { summary: "Grade one answer against a task's machine checks (for rubric authors)", load: () => import('./check.js') },
  validate: { summary: 'Validate scenario files and report every problem with file:line:col', load: () => import('./validate.js') },
  import: { summary: 'Import a CL-bench JSONL file as scenarios', load: () => import('./import.js') },
  'import-results': { summary: 'Import CL-bench graded output as model runs', load: () => import('./import-results.js') },
  export: { summary: 'Export task attempts as csv, jsonl or CL-bench infer output', load: () => import('./export.js') },
  study: { summary: 'Run a human baseline study: join, pack, submit, status, report, export', load: () => import('./study.js') },
  saves: { summary: 'Manage saved runs (merge saves from other machines)', load: () => import('./saves.js') },
  config: { summary: 'Show or change settings (player name, endpoints, keys)', load: () => import('./config.js') },
};
