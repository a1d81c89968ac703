// The `clplay` entry: parses the command line, then loads only the command it runs.
// Every failure a user can cause ends as one clear line on stderr and an exit code - never a stack.
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/registry.js';
import { commandHelp, mainHelp } from './commands/help.js';
import { claimOutputClosed } from './commands/output-closed.js';
import type { CommandIO } from './commands/types.js';
import { migrateLegacyData, describeMigration } from './core/data-migration.js';
import { UserError, errorMessage } from './core/errors.js';
import { DATA_LAYOUT } from './core/paths.js';
import { sanitize } from './core/text/sanitize.js';
import { VERSION } from './core/version.js';

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(mainHelp(VERSION));
    return 0;
  }
  let name = 'home';
  let args = argv;
  if (first !== undefined && !first.startsWith('-')) {
    if (!(first in COMMANDS)) {
      throw new UserError(`unknown command "${first}"; run \`clplay --help\` to see the commands`, 2);
    }
    name = first;
    args = rest;
  }
  const command = (await COMMANDS[name]!.load()).default;
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: command.options,
      allowPositionals: command.allowPositionals,
      strict: true,
    });
  } catch (err) {
    const msg = errorMessage(err).replace(/\. To specify.*$/s, '').replace(/\s+/g, ' ');
    throw new UserError(`${msg}; run \`clplay ${name} --help\` for the options`, 2);
  }
  if (DATA_LAYOUT.installed) {
    try {
      for (const r of await migrateLegacyData(DATA_LAYOUT)) io.stderr.write(`clplay: ${describeMigration(r)}\n`);
    } catch (err) {
      io.stderr.write(`clplay: could not move the runs saved inside the package (${errorMessage(err)}); they are still in ${DATA_LAYOUT.legacy.saves}\n`);
    }
  }
  return command.run(parsed as never, io);
}

// A reader that stops early (`clplay export ... | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of an unhandled EPIPE with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') {
    // A batch in flight stops cleanly by itself (src/commands/output-closed.ts).
    if (claimOutputClosed()) return;
    process.exit(process.exitCode ?? 0);
  }
  process.stderr.write(`clplay: cannot write the output: ${err.message}\n`);
  process.exit(74);
});

const io: CommandIO = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UserError) {
      // Messages may quote a scenario, an answer or a file name: printed inert.
      io.stderr.write(`clplay: ${sanitize(err.message, { tabWidth: 0 })}\n`);
      process.exitCode = err.exitCode;
    } else {
      // A bug, not a user mistake: still one line by default; CLPLAY_DEBUG=1 shows the stack.
      const detail = io.env.CLPLAY_DEBUG ? `\n${(err as Error)?.stack ?? err}` : ' (set CLPLAY_DEBUG=1 for details)';
      io.stderr.write(`clplay: internal error: ${sanitize(`${errorMessage(err)}${detail}`, { tabWidth: 0 })}\n`);
      process.exitCode = 70;
    }
  },
);
