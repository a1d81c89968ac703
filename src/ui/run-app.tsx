// Renders the interactive app and resolves when the person leaves. Loaded with a dynamic import
// by the home and play commands, so `clplay --help` never loads Ink or React.
// Ctrl+C is handled by the app (it asks first while a run is open); SIGTERM and SIGHUP save the
// run being played before exiting.
import { render } from 'ink';
import type { PlayController } from '../core/play/controller.js';
import { App } from './app.js';
import type { AppDeps } from './app-context.js';

export async function runApp(deps: AppDeps): Promise<number> {
  let ctl: PlayController | null = null;
  const app = render(<App deps={{ ...deps, onController: (c) => (ctl = c) }} />, { exitOnCtrlC: false, patchConsole: true });
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) return;
    signalled = sig;
    const c = ctl as PlayController | null;
    void (c ? c.close() : Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        app.unmount();
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    await app.waitUntilExit();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  if (signalled) return signalled === 'SIGTERM' ? 143 : 129;
  return 0;
}
