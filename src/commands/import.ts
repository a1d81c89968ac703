// `clplay import FILE.jsonl [--out DIR]`: CL-bench rows -> scenario files (one per chain).
import { relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { DEFAULT_IMPORT_DIR } from '../core/paths.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { jsonOption } from './options.js';
import type { Command } from './types.js';

/** Bad lines printed before "... and N more". */
const MAX_PRINTED = 50;

const command: Command = {
  name: 'import',
  summary: 'Import a CL-bench JSONL file as scenarios (one per chain of sequential tasks)',
  usage: 'import FILE.jsonl [--out DIR] [--json]',
  options: {
    out: {
      type: 'string',
      valueName: 'DIR',
      description: 'Where to write the scenarios (default: the import folder, loaded automatically; see `clplay config path`)',
    },
    ...jsonOption,
  },
  examples: ['clplay import ~/data/CL-bench.jsonl', 'clplay import CL-bench.jsonl --out ~/clbench && clplay list --scenarios ~/clbench'],
  allowPositionals: true,
  async run(args, io) {
    const files = args.positionals;
    if (files.length !== 1) {
      throw new UserError(
        files.length === 0 ? 'give the CL-bench JSONL file: clplay import FILE.jsonl [--out DIR]' : `give one file to import (got ${files.length})`,
        2,
      );
    }
    const file = resolve(io.cwd, files[0]!);
    const outFlag = args.values.out as string | undefined;
    const out = outFlag ? resolve(io.cwd, outFlag) : DEFAULT_IMPORT_DIR;
    const shown = (p: string) => {
      const rel = relative(io.cwd, p);
      return rel && !rel.startsWith('..') ? rel : p;
    };
    let printed = 0;
    let hidden = 0;
    const { importClbench, NOTE_TEXT } = await import('../core/clbench/import.js');
    const summary = await importClbench(file, out, {
      onProblem(p) {
        if (printed < MAX_PRINTED) {
          io.stderr.write(`${sanitizeInline(`${shown(file)}:${p.line}: ${p.message}`)}${p.imported || p.message.endsWith('skipped') ? '' : '; skipped'}\n`);
          printed++;
        } else hidden++;
      },
    });
    if (hidden) io.stderr.write(`... and ${hidden} more skipped line${hidden === 1 ? '' : 's'}\n`);
    if (args.values.json) {
      io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    } else {
      const n = (x: number) => x.toLocaleString('en-US');
      const rows: [string, string][] = [
        ['contexts', n(summary.contexts)],
        ['scenarios', `${n(summary.chains)} (one per chain of sequential tasks)`],
        ['tasks', n(summary.tasks)],
        ['rubric items', n(summary.rubricItems)],
        ['skipped lines', summary.skippedLines ? `${n(summary.skippedLines)} (listed above)` : '0'],
        ...(summary.duplicates ? [['duplicates', `${n(summary.duplicates)} (imported once; listed above)`] as [string, string]] : []),
        ...(summary.orphans ? [['without earlier rows', `${n(summary.orphans)} (imported with their earlier turns as given history)`] as [string, string]] : []),
        ['files', `${n(summary.written)} written, ${n(summary.unchanged)} unchanged`],
      ];
      const width = Math.max(...rows.map(([k]) => k.length));
      io.stdout.write(`Imported ${shown(file)} into ${shown(out)}/\n`);
      for (const [k, v] of rows) io.stdout.write(`  ${(k + ':').padEnd(width + 1)} ${v}\n`);
      for (const [kind, lines] of Object.entries(summary.notes) as [keyof typeof NOTE_TEXT, number[]][]) {
        const at = lines.length > 5 ? `${lines.slice(0, 5).join(', ')}, ...` : lines.join(', ');
        io.stdout.write(`  note: ${n(lines.length)} row${lines.length === 1 ? '' : 's'} with ${NOTE_TEXT[kind]} (line${lines.length === 1 ? '' : 's'} ${at})\n`);
      }
      if (outFlag) io.stdout.write(`Play them with --scenarios ${shown(out)} (or add the folder to CLPLAY_SCENARIOS).\n`);
      else io.stdout.write('They are loaded automatically: `clplay list` shows them.\n');
    }
    return summary.skippedLines > 0 ? 1 : 0;
  },
};
export default command;
