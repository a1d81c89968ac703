// `clplay saves`: where runs are saved, and merging saves collected on other machines.
import { UserError } from '../core/errors.js';
import { mergeSaves } from '../core/results/merge.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import { savesOption } from './options.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'saves',
  summary: 'Merge saves from other machines (folders or .tar/.tar.gz/.zip archives), or show the saves folder',
  usage: 'saves merge PATH... | saves path',
  options: { ...savesOption },
  examples: ['clplay saves merge ~/collected/laptop-1 ~/collected/laptop-2.tar.gz', 'clplay saves path'],
  allowPositionals: true,
  async run(args, io) {
    const [sub, ...paths] = args.positionals;
    const dir = savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd });
    if (sub === 'path') {
      io.stdout.write(`${dir}\n`);
      return 0;
    }
    if (sub !== 'merge') throw new UserError(`use \`clplay saves merge PATH...\` or \`clplay saves path\`${sub ? ` (not "${sub}")` : ''}`, 2);
    if (!paths.length) throw new UserError('name at least one folder or archive to merge: clplay saves merge PATH...', 2);
    const store = new RunStore(dir);
    const report = await mergeSaves(
      paths,
      { load: async (id) => ((await store.has(id)) ? store.load(id) : undefined), create: (run) => store.create(run) },
      io.cwd,
    );
    for (const c of report.conflicts) io.stdout.write(`conflict: run ${c.id} from ${c.from} differs from the saved one; both kept (the incoming one as ${c.keptAs})\n`);
    for (const s of report.skipped) io.stderr.write(`clplay: skipped ${s}\n`);
    io.stdout.write(`merged into ${dir}: ${report.added.length} added, ${report.unchanged.length} already there, ${report.conflicts.length} conflicts kept side by side, ${report.skipped.length} files skipped\n`);
    return 0;
  },
};
export default command;
