// Shared by the interactive commands (home, play): the terminal check, the options they share,
// and what the app needs (scenarios, saves, settings), loaded before Ink starts.
import { UserError } from '../core/errors.js';
import { gradeByChecks } from '../core/grading/grade.js';
import { acquireLock, describeOwner, type LockOwner } from '../core/runs/lock.js';
import { recovery } from '../core/runs/recovery.js';
import { RunStore, newRunId, savesDir } from '../core/runs/store.js';
import type { RevealMode } from '../core/runs/types.js';
import { loadLibrary, scenarioDirs } from '../core/scenario/library.js';
import { formatProblem } from '../core/scenario/problem.js';
import { loadSettings, saveSetting } from '../core/settings/settings.js';
import type { AppDeps, StartTarget } from '../ui/app-context.js';
import type { CommandIO, OptionSpec, ParsedArgs } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

export const NOT_A_TTY =
  'clplay needs an interactive terminal; run it in a terminal, or use `clplay list` / `clplay check` for scripts';

export const playerOption: Record<string, OptionSpec> = {
  player: { type: 'string', valueName: 'NAME', description: 'Play under this name (default: the name in the settings)' },
};

export const REVEAL_MODES: readonly RevealMode[] = ['task', 'end', 'never'];

export const revealOption: Record<string, OptionSpec> = {
  reveal: {
    type: 'string',
    valueName: 'WHEN',
    description: 'When verdicts are shown: task (after each task, default), end (only in the summary: the baseline protocol), never',
  },
};

/** Exit code 2 with one line when stdin is not a terminal. */
export function requireTty(io: CommandIO): void {
  if (!io.stdin.isTTY) throw new UserError(NOT_A_TTY, 2);
}

export function parseReveal(value: unknown): RevealMode {
  if (value === undefined) return 'task';
  if (typeof value === 'string' && (REVEAL_MODES as readonly string[]).includes(value)) return value as RevealMode;
  throw new UserError(`--reveal must be one of task, end, never (got "${String(value)}")`, 2);
}

export const historyOption: Record<string, OptionSpec> = {
  history: {
    type: 'string',
    valueName: 'own|given',
    description: "Earlier tasks as you see them: your own answers (default), or their given answers, marked given - what a model gets under --history given",
  },
};

export function parseHistory(value: unknown): 'own' | 'given' {
  if (value === undefined || value === 'own' || value === 'given') return (value ?? 'own') as 'own' | 'given';
  throw new UserError(`--history must be own or given (got "${String(value)}")`, 2);
}

export function parsePlayer(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const name = String(value).replace(/\s+/g, ' ').trim();
  if (!name) throw new UserError('--player needs a name, e.g. --player Ada', 2);
  if (name.length > 60) throw new UserError('--player: the name is longer than 60 characters', 2);
  return name;
}

export function scenarioDirsOf(args: ParsedArgs, io: CommandIO): string[] {
  return scenarioDirs({ flags: args.values.scenarios as string[] | undefined, env: io.env, cwd: io.cwd });
}

/** Everything the app needs except the start target. */
export async function appDeps(args: ParsedArgs, io: CommandIO, start: StartTarget, preloaded?: { scenarios: AppDeps['scenarios']; problems: string[] }): Promise<AppDeps> {
  const store = new RunStore(savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd }));
  const settings = loadSettings({ env: io.env });
  let scenarios = preloaded?.scenarios;
  let problems = preloaded?.problems;
  if (!scenarios) {
    const lib = await loadLibrary(scenarioDirsOf(args, io), scenarioLimit(io, settings));
    scenarios = lib.scenarios;
    problems = lib.problems.map((p) => formatProblem(p, io.cwd));
  }
  const player = parsePlayer(args.values.player) ?? settings.player.name ?? null;
  return {
    scenarios,
    scenarioProblems: problems ?? [],
    store,
    savesDir: store.dir,
    player,
    savePlayerName: async (name) => {
      await saveSetting('player.name', name, { env: io.env });
    },
    reveal: parseReveal(args.values.reveal),
    ...(parseHistory(args.values.history) === 'given' ? { history: 'given' as const } : {}),
    start,
    grade: (task, answer) => gradeByChecks(task, answer, new Date().toISOString()),
    newRunId: () => newRunId(),
    recovery: recovery(io.env),
    lockRun: async (runId) => {
      // Try once, never wait: a run open elsewhere is refused with who holds it.
      const now = new AbortController();
      now.abort();
      let owner: LockOwner | undefined;
      const held = await acquireLock(store.dir, `run-${runId}`, 'clplay, playing this run', { signal: now.signal, onWait: (o) => (owner = o) });
      return held ?? { heldBy: describeOwner(owner) };
    },
  };
}

/** Starts Ink (loaded only now, so `--help` and scripts stay fast) and waits for the exit. */
export async function startApp(deps: AppDeps): Promise<number> {
  const { runApp } = await import('../ui/run-app.js');
  return runApp(deps);
}
