// Types of the bench harness (bench/run.mjs) for bench modules written in TypeScript.

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, ms (node start-up included, as a user sees it). */
  ms: number;
  /** User + system CPU time of the child, ms (from /usr/bin/time -v; null without it). */
  cpuMs: number | null;
  /** Peak resident set size of the child, MB (from /usr/bin/time -v, or polling /proc). */
  peakRssMb: number | null;
}

export interface FigureOptions {
  /** Target the value must not exceed (`max`) or must reach (`min`). */
  max?: number;
  min?: number;
  /** How the target reads in the table, e.g. "<= 5 s". Derived from max/min if absent. */
  target?: string;
}

export interface BenchContext {
  /** The repository root. */
  root: string;
  /** dist/clplay.js (built by `npm run bench` before the harness runs). */
  cli: string;
  /** A fresh temp folder for this module; removed afterwards unless --keep. */
  tmp: string;
  /** Record one figure; it is printed now and in the final table. */
  figure(label: string, value: number, unit: string, opts?: FigureOptions): void;
  /**
   * Record a figure as a ratio to a floor measured in the same run (value / floor), e.g. clplay's
   * first frame against an Ink hello world's; `opts.max` is the target ratio.
   */
  ratio(label: string, value: number, floor: number, floorLabel: string, opts?: FigureOptions): void;
  /** A line of commentary under the module's heading. */
  log(text: string): void;
  /** Run `node dist/clplay.js ...args` as a child process; measures time and peak RSS. */
  runCli(args: string[], opts?: { cwd?: string; env?: Record<string, string | undefined> }): Promise<CliResult>;
  /** Run `node ...args` as a child process (a floor program), measured like runCli. */
  runNode(args: string[], opts?: { cwd?: string; env?: Record<string, string | undefined> }): Promise<CliResult>;
  /** Bundle a TypeScript file with esbuild into a temp folder and return the runnable .js path. */
  bundle(path: string): Promise<string>;
  /** Bundle a TypeScript file with esbuild into a temp folder and import it. */
  loadTs<T = Record<string, unknown>>(path: string): Promise<T>;
}

export interface BenchModule {
  /** Short name, used to pick modules on the command line (`npm run bench -- import`). */
  name: string;
  run(ctx: BenchContext): Promise<void>;
}
