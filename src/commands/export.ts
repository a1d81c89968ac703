// `clplay export`: task attempts as csv or jsonl, or CL-bench infer.py rows for upstream's eval.py.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { attemptsOf } from '../core/results/attempts.js';
import { EXPORT_FORMATS, toCsv, toJsonl, type ExportFormat } from '../core/results/export.js';
import { sanitize, sanitizeInline } from '../core/text/sanitize.js';
import { savesOption, scenariosOption } from './options.js';
import { filterOptions, loadResultsData } from './results-data.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'export',
  summary: 'Export task attempts as csv or jsonl (one row per attempt), or as CL-bench infer.py rows',
  usage: 'export --format csv|jsonl|clbench [--out FILE] [filters]',
  options: {
    format: { type: 'string', valueName: 'FORMAT', description: `One of ${EXPORT_FORMATS.join(', ')} (default csv)` },
    out: { type: 'string', valueName: 'FILE', description: 'Write to FILE instead of standard output (an existing FILE only with --force)' },
    force: { type: 'boolean', description: 'Let --out replace an existing file' },
    ...filterOptions,
    ...scenariosOption,
    ...savesOption,
  },
  examples: ['clplay export --format csv --out attempts.csv', 'clplay export --format clbench --model my-model --out my-model.jsonl'],
  allowPositionals: false,
  async run(args, io) {
    const format = (args.values.format as string | undefined) ?? 'csv';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UserError(`--format "${format}" is not known; use one of ${EXPORT_FORMATS.join(', ')}`, 2);
    const data = await loadResultsData(args, io);
    for (const p of data.problems) io.stderr.write(`clplay: skipped ${sanitizeInline(p)}\n`);
    let text: string;
    let count: number;
    if ((format as ExportFormat) === 'clbench') {
      const { toClbenchFiles, repeatPath } = await import('../core/results/export-clbench.js');
      const out = toClbenchFiles(data.runs, data.scenarios);
      for (const s of out.skipped) io.stderr.write(`clplay: skipped ${sanitizeInline(s)}\n`);
      if (out.files.length > 1) {
        // Several answers to one task (repeats, or several players): one file per repeat, so no
        // file holds a task id twice and upstream's resume-by-task-id works on each.
        const dest = args.values.out as string | undefined;
        if (!dest) {
          // To a pipe: every row still goes out (a script reading the stream gets all of them, repeat
          // by repeat), with one line saying how to get one file per repeat.
          io.stderr.write(
            `clplay: the runs hold up to ${out.files.length} answers to the same task (repeats); upstream's eval.py and infer.py skip a task id already in their file, so give --out FILE to get FILE.repeat-1 ... FILE.repeat-${out.files.length}\n`,
          );
          const all = out.files.map((f) => f.text).join('');
          io.stdout.write(io.stdout.isTTY ? sanitize(all, { tabWidth: 0 }) : all);
          return 0;
        }
        for (const f of out.files) {
          const path = resolve(io.cwd, repeatPath(dest, f.repeat));
          try {
            // As for one file: an existing file is replaced only with --force.
            await writeFile(path, f.text, { flag: args.values.force ? 'w' : 'wx' });
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') throw new UserError(`${path} already exists; add --force to replace it, or choose another --out`);
            throw new UserError(`cannot write ${path}: ${code ?? err}; choose another --out`);
          }
          io.stderr.write(`clplay: wrote ${f.rows} rows (clbench, repeat ${f.repeat}) to ${repeatPath(dest, f.repeat)}\n`);
        }
        return 0;
      }
      text = out.files[0]?.text ?? '';
      count = out.files[0]?.rows ?? 0;
    } else {
      const rows = attemptsOf(data.runs, data.scenarios);
      text = format === 'csv' ? toCsv(rows) : toJsonl(rows);
      count = rows.length;
    }
    const out = args.values.out as string | undefined;
    if (out) {
      const path = resolve(io.cwd, out);
      // "wx" creates the file or fails if it exists, in one step (no window for a race).
      const flag = args.values.force ? 'w' : 'wx';
      try {
        await writeFile(path, text, { flag });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UserError(`${out} already exists; add --force to replace it, or choose another --out`);
        const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EROFS' ? 'read-only file system' : (code ?? String(err));
        throw new UserError(`cannot write ${path}: ${why}; choose another --out`);
      }
      io.stderr.write(`clplay: wrote ${count} rows (${format}) to ${out}\n`);
    } else {
      // Files and pipes get the exact data; a terminal gets it inert (a player name from a merged
      // save must not write the clipboard or clear the screen).
      io.stdout.write(io.stdout.isTTY ? sanitize(text, { tabWidth: 0 }) : text);
    }
    return 0;
  },
};
export default command;
