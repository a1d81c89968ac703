// Renders the interactive app and resolves when the person leaves. Loaded with a dynamic import
// by the home and play commands, so `clplay --help` never loads Ink or React.
// Ctrl+C is handled by the app (it asks first while a run is open); SIGTERM and SIGHUP save the
// run being played (and, versus, the model's run) before exiting.
import type { VersusMatch } from '../core/model/versus.js';
import type { PlayController } from '../core/play/controller.js';
import { App } from './app.js';
import { untilExit } from './until-exit.js';
import type { AppDeps } from './app-context.js';
import { renderInTerminal } from './render-terminal.js';

export async function runApp(deps: AppDeps): Promise<number> {
  let ctl: PlayController | null = null;
  let match: VersusMatch | null = null;
  const app = renderInTerminal(<App deps={{ ...deps, onController: (c) => (ctl = c), onMatch: (m) => (match = m) }} />, { patchConsole: true });
  // The person's run and (versus) the model's run are both saved before a signal ends it.
  return untilExit(app, () => {
    const c = ctl as PlayController | null;
    const m = match as VersusMatch | null;
    return Promise.all([c?.close().catch(() => undefined), m?.close().catch(() => undefined)]);
  });
}
