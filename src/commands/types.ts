// A command of the `clplay` CLI. Each lives in its own file under src/commands/ and is
// loaded lazily by src/cli.tsx, so start-up only pays for the command that runs.
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  /** One line for --help. */
  description: string;
  /** Placeholder shown in --help, e.g. DIR. */
  valueName?: string;
};

export interface CommandSpec {
  name: string;
  summary: string;
  /** Usage line after `clplay `, e.g. `check SCENARIO --task ID (--answer TEXT | --answer-file FILE)`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Examples for --help and the README. */
  examples: string[];
  allowPositionals: boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CommandIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command extends CommandSpec {
  /** Returns the exit code. Throws UserError for a one-line failure. */
  run(args: ParsedArgs, io: CommandIO): Promise<number>;
}
