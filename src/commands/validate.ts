// `clplay validate [PATH...]`: every problem of every scenario file, one line each
// (`FILE:LINE:COL field: message`), then a summary. Exit 0 when all are valid, 1 otherwise -
// including when there is nothing to validate (an empty folder is most likely a wrong path).
import { isAbsolute, relative, resolve } from 'node:path';
import { loadLibrary, scenarioDirs } from '../core/scenario/library.js';
import { formatProblem } from '../core/scenario/problem.js';
import { jsonOption, scenariosOption } from './options.js';
import type { Command } from './types.js';
import { scenarioLimit } from './scenario-limit.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const command: Command = {
  name: 'validate',
  summary: 'Validate scenario files and report every problem with file:line:col',
  usage: 'validate [PATH...] [--strict]',
  options: {
    ...scenariosOption,
    ...jsonOption,
    strict: {
      type: 'boolean',
      description: 'The bundled library\'s rules: every task needs at least 3 accept and 3 wrong answers',
    },
  },
  examples: [
    'clplay validate                              # the bundled scenarios (+ --scenarios, CLPLAY_SCENARIOS)',
    'clplay validate my-scenario.yaml',
    'clplay validate ~/scenarios/ other.json',
    'clplay validate --strict scenarios/            # as the bundled library is held to',
  ],
  allowPositionals: true,
  async run(args, io) {
    const given = args.positionals.length > 0;
    const paths = given
      ? args.positionals.map((p) => resolve(io.cwd, p))
      : scenarioDirs({ flags: args.values.scenarios as string[] | undefined, env: io.env, cwd: io.cwd });
    // Paths given on the command line must exist; the bundled folder is read only if present.
    const lib = await loadLibrary(paths, { ...scenarioLimit(io), cacheDir: false, strict: !!args.values.strict, ...(given ? { optionalDirs: [] } : {}) });
    const problems = lib.problems;
    const badFiles = new Set(problems.map((p) => p.file)).size;
    if (args.values.json) {
      io.stdout.write(
        `${JSON.stringify({ files: lib.files, valid: lib.scenarios.map((s) => s.id), problems }, null, 2)}\n`,
      );
      return problems.length === 0 && lib.files > 0 ? 0 : 1;
    }
    for (const p of problems) io.stdout.write(`${formatProblem(p, io.cwd)}\n`);
    if (lib.files === 0 && problems.length === 0) {
      io.stdout.write(`no scenario files (*.yaml, *.yml, *.json) found in ${paths.map((p) => relativeTo(io.cwd, p)).join(', ')}\n`);
      return 1;
    }
    if (problems.length === 0) {
      io.stdout.write(`${plural(lib.scenarios.length, 'scenario')} valid\n`);
      return 0;
    }
    const valid = lib.scenarios.length ? ` (${plural(lib.scenarios.length, 'scenario')} valid)` : '';
    io.stdout.write(`${plural(problems.length, 'problem')} in ${plural(badFiles, 'file')}${valid}\n`);
    return 1;
  },
};

function relativeTo(cwd: string, p: string): string {
  const r = relative(cwd, p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

export default command;
