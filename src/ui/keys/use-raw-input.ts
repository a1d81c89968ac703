// The raw sequence of the key press being handled right now.
// ink's useInput reports Backspace (0x7f) and the forward Delete key ("\x1b[3~") both as
// key.delete; the raw sequence tells them apart (and shows F1 etc.). This hook listens to ink's
// internal input emitter with prependListener, so it always sees a key before any useInput
// handler does; call the returned function inside your useInput handler.
import { useStdin } from 'ink';
import { useCallback, useEffect } from 'react';
import type { EventEmitter } from 'node:events';

interface Tracker {
  last: string | undefined;
  users: number;
  listener: (data: string) => void;
}

const trackers = new WeakMap<EventEmitter, Tracker>();

/** Returns a getter for the raw sequence of the current key press (undefined if unknown). */
export function useRawInput(): () => string | undefined {
  const { internal_eventEmitter: emitter } = useStdin();
  // Register during render (idempotent) so the tracker exists before any effect of a sibling.
  if (emitter && !trackers.has(emitter)) {
    const t: Tracker = { last: undefined, users: 0, listener: (data: string) => (t.last = data) };
    trackers.set(emitter, t);
    emitter.prependListener('input', t.listener);
  }
  useEffect(() => {
    if (!emitter) return;
    const t = trackers.get(emitter);
    if (!t) return;
    t.users++;
    return () => {
      t.users--;
    };
  }, [emitter]);
  return useCallback(() => (emitter ? trackers.get(emitter)?.last : undefined), [emitter]);
}
