// Renders the watch screen and resolves when the person leaves. Loaded lazily by `clplay watch`.
import { render } from 'ink';
import type { WatchSession } from '../../core/model/watch-session.js';
import { WatchScreen } from '../screens/Watch.js';
import { untilExit } from '../until-exit.js';

export async function runWatch(session: WatchSession, model: string): Promise<number> {
  const app = render(<WatchScreen session={session} model={model} />, { exitOnCtrlC: false, patchConsole: true });
  const code = await untilExit(app, () => session.close());
  await session.close();
  return code;
}
