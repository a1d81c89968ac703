// A reader that stops early (`clplay run ... | head -1`) closes clplay's stdout. Most commands
// just stop quietly (src/cli.tsx). A command with work in flight - a batch of paid requests -
// registers here instead, to stop cleanly: finish what is in flight, save, say how to resume.
type Handler = () => void;
const handlers = new Set<Handler>();

/** Call `handler` (instead of exiting) when stdout's reader goes away; returns the unregister. */
export function onOutputClosed(handler: Handler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/** For the entry point: true when a command took over (it will exit by itself). */
export function claimOutputClosed(): boolean {
  if (handlers.size === 0) return false;
  for (const h of [...handlers]) h();
  return true;
}
