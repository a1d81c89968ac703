// Renders the interactive app and resolves when the person leaves. Loaded with a dynamic import
// by the home and play commands, so `clplay --help` never loads Ink or React.
// Ctrl+C is handled by the app (it asks first while a run is open); SIGTERM and SIGHUP save the
// run being played (and, versus, the model's run) before exiting.
import type { VersusMatch } from '../core/model/versus.js';
import type { PlayController } from '../core/play/controller.js';
import { errorMessage } from '../core/errors.js';
import { App } from './app.js';
import { untilExit } from './until-exit.js';
import type { AppDeps } from './app-context.js';
import { renderInTerminal } from './render-terminal.js';

export async function runApp(deps: AppDeps, stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  let ctl: PlayController | null = null;
  let match: VersusMatch | null = null;
  // Every run played in this session: at exit, any that could not be saved is named, with the
  // recovery file that holds it, and the exit code says something went wrong.
  const played = new Set<PlayController>();
  const onController = (c: PlayController | null) => {
    ctl = c;
    if (c) played.add(c);
  };
  const app = renderInTerminal(<App deps={{ ...deps, onController, onMatch: (m) => (match = m) }} />, { patchConsole: true });
  // The person's run and (versus) the model's run are both saved before a signal ends it.
  const code = await untilExit(app, () => {
    const c = ctl as PlayController | null;
    const m = match as VersusMatch | null;
    return Promise.all([c?.close().catch(() => undefined), m?.close().catch(() => undefined)]);
  });
  let unsaved = 0;
  for (const c of played) {
    if (!c.lastSaveError) continue;
    unsaved++;
    const why = errorMessage(c.lastSaveError);
    stderr.write(
      c.keptAt
        ? `clplay: run ${c.run.id} was NOT saved (${why}); it is kept in ${c.keptAt} - bring it back with \`clplay saves recover\` once the saves folder works again\n`
        : `clplay: run ${c.run.id} was NOT saved (${why}), and no recovery file could be written\n`,
    );
  }
  return code !== 0 ? code : unsaved ? 1 : 0;
}
