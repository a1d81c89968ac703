// Subscribes a component to a WatchSession (which batches stream deltas to ~50 ms).
import { useSyncExternalStore } from 'react';
import type { WatchSession, WatchState } from '../../core/model/watch-session.js';

export function useWatch(session: WatchSession): WatchState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
