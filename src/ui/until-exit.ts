// Waits until an Ink app exits. SIGTERM and SIGHUP first run `save` (the run being played, a
// model's run), then unmount; the exit code then says which signal ended it (143 / 129).
import type { Instance } from 'ink';

export async function untilExit(app: Instance, save: () => Promise<unknown>): Promise<number> {
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) return;
    signalled = sig;
    void save()
      .catch(() => undefined)
      .finally(() => app.unmount());
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
