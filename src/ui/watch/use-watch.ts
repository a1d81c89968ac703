// Subscribes a component to what the watch screen shows: a live WatchSession (which batches
// stream deltas to ~50 ms) or a replay.
import { useSyncExternalStore } from 'react';
import type { WatchState } from '../../core/model/watch-session.js';
import type { WatchSource } from '../../core/replay/watch-source.js';

export function useWatch(session: WatchSource): WatchState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
