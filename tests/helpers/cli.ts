// Runs the built CLI (dist/clplay.js) as a user would from a script: no terminal, plain output.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const CLI_PATH = join(REPO, 'dist', 'clplay.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): CliResult {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', ...opts.env })) if (v !== undefined) env[k] = v;
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { encoding: 'utf8', env, input: opts.input ?? '', cwd: opts.cwd ?? REPO, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
