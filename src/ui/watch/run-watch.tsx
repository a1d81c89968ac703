// Renders the watch screen and resolves when the person leaves. Loaded lazily by `clplay watch`
// and `clplay replay`.
import type { WatchSource } from '../../core/replay/watch-source.js';
import { WatchScreen } from '../screens/Watch.js';
import { untilExit } from '../until-exit.js';
import { renderInTerminal } from '../render-terminal.js';

export async function runWatch(session: WatchSource, model: string): Promise<number> {
  const app = renderInTerminal(<WatchScreen session={session} model={model} />, { patchConsole: true });
  const code = await untilExit(app, () => session.close());
  await session.close();
  return code;
}
