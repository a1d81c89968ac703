// Renders the watch screen and resolves when the person leaves. Loaded lazily by `clplay watch`.
import React from 'react';
import { render } from 'ink';
import type { WatchSession } from '../../core/model/watch-session.js';
import { WatchScreen } from '../screens/Watch.js';

export async function runWatch(session: WatchSession, model: string): Promise<number> {
  const app = render(<WatchScreen session={session} model={model} />, { exitOnCtrlC: false, patchConsole: true });
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) return;
    signalled = sig;
    void session.close().finally(() => app.unmount());
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    await app.waitUntilExit();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  await session.close();
  if (signalled) return signalled === 'SIGTERM' ? 143 : 129;
  return 0;
}
