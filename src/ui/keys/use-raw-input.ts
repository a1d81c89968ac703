// The raw sequence of the key press being handled right now.
// ink's useInput reports Backspace (0x7f) and the forward Delete key ("\x1b[3~") both as
// key.delete; the raw sequence tells them apart (and shows F1 etc.). This hook listens to ink's
// internal input emitter with prependListener, so it always sees a key before any useInput
// handler does; call the returned function inside your useInput handler.
import { useStdin } from 'ink';
import { useCallback } from 'react';
import type { EventEmitter } from 'node:events';

interface Tracker {
  last: string | undefined;
}

const trackers = new WeakMap<EventEmitter, Tracker>();

/** Returns a getter for the raw sequence of the current key press (undefined if unknown). */
export function useRawInput(): () => string | undefined {
  const { internal_eventEmitter: emitter } = useStdin();
  // Register during render (idempotent) so the tracker exists before any effect of a sibling.
  // The listener lives as long as the Ink instance's emitter (a WeakMap key).
  if (emitter && !trackers.has(emitter)) {
    const t: Tracker = { last: undefined };
    trackers.set(emitter, t);
    emitter.prependListener('input', (data: string) => {
      t.last = data;
    });
  }
  return useCallback(() => (emitter ? trackers.get(emitter)?.last : undefined), [emitter]);
}
