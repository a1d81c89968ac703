// `clplay saves`: where runs are saved, and merging saves collected on other machines.
import { UserError } from '../core/errors.js';
import { mergeSaves } from '../core/results/merge.js';
import { resolveLimits } from '../core/limits.js';
import { recoverRuns, recoveryDirs, recoveryFiles } from '../core/runs/recovery.js';
import { RunStore, savesDir } from '../core/runs/store.js';
import { loadSettings } from '../core/settings/settings.js';
import { sanitizeInline } from '../core/text/sanitize.js';
import { savesOption } from './options.js';
import type { Command } from './types.js';

const command: Command = {
  name: 'saves',
  summary: 'Merge saves from other machines (folders or .tar/.tar.gz/.zip archives), bring back runs kept while saving failed, or show the saves folder',
  usage: 'saves merge PATH... | saves recover | saves path',
  options: { ...savesOption },
  examples: ['clplay saves merge ~/collected/laptop-1 ~/collected/laptop-2.tar.gz', 'clplay saves recover', 'clplay saves path'],
  allowPositionals: true,
  async run(args, io) {
    const [sub, ...paths] = args.positionals;
    const dir = savesDir({ flag: args.values.saves as string | undefined, env: io.env, cwd: io.cwd });
    if (sub === 'path') {
      io.stdout.write(`${dir}\n`);
      return 0;
    }
    if (sub === 'recover') {
      // Runs written to a recovery file while the saves folder could not be written.
      if (paths.length) throw new UserError('saves recover takes no PATH: it reads the recovery folders by itself', 2);
      const files = await recoveryFiles(io.env);
      if (!files.length) {
        io.stdout.write(`nothing to recover (looked in ${recoveryDirs(io.env).join(' and ')})\n`);
        return 0;
      }
      const store = new RunStore(dir);
      const report = await recoverRuns(files, {
        load: async (id) => ((await store.has(id)) ? store.load(id) : undefined),
        create: (run) => store.create(run),
        save: (run) => store.save(run),
      });
      for (const id of report.restored) io.stdout.write(`recovered run ${id}\n`);
      for (const s of report.refused) io.stderr.write(`clplay: not recovered ${s}\n`);
      io.stdout.write(`recovered into ${dir}: ${report.restored.length} restored, ${report.unchanged.length} already there, ${report.refused.length} left in the recovery folder\n`);
      return report.refused.length ? 1 : 0;
    }
    if (sub !== 'merge') throw new UserError(`use \`clplay saves merge PATH...\`, \`clplay saves recover\` or \`clplay saves path\`${sub ? ` (not "${sub}")` : ''}`, 2);
    if (!paths.length) throw new UserError('name at least one folder or archive to merge: clplay saves merge PATH...', 2);
    const store = new RunStore(dir);
    const settings = loadSettings({ env: io.env });
    for (const p of settings.problems) io.stderr.write(`clplay: ${p}\n`);
    const report = await mergeSaves(
      paths,
      { load: async (id) => ((await store.has(id)) ? store.load(id) : undefined), create: (run) => store.create(run) },
      io.cwd,
      resolveLimits(settings.limits).archive,
    );
    for (const c of report.conflicts) {
      const why = c.why ?? 'differs from the saved one';
      io.stdout.write(`conflict: run ${c.id} from ${sanitizeInline(c.from)} ${c.why ? `- ${sanitizeInline(why)}` : why}; both kept (the incoming one as ${c.keptAs})\n`);
    }
    for (const s of report.refused) io.stderr.write(`clplay: refused ${sanitizeInline(s)}\n`);
    io.stdout.write(
      `merged into ${dir}: ${report.added.length} merged, ${report.unchanged.length} unchanged, ${report.conflicts.length} conflicted (kept side by side), ${report.refused.length} refused\n`,
    );
    return report.refused.length ? 1 : 0;
  },
};
export default command;
