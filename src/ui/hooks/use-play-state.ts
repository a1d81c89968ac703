// Subscribes a component to a PlayController. `usePlayState` re-renders on every session change;
// `usePlayKey` only when a chosen key (a string or number derived from the state) changes - the
// play screen uses it so that typing (a draft change per key) re-renders the editor alone.
import { useCallback, useSyncExternalStore } from 'react';
import type { PlayController } from '../../core/play/controller.js';
import type { PlayState } from '../../core/play/session.js';

export function usePlayState(ctl: PlayController): PlayState {
  return useSyncExternalStore(ctl.subscribe, ctl.getState, ctl.getState);
}

/** Re-renders only when `key(state)` changes; read the state itself with ctl.getState(). */
export function usePlayKey(ctl: PlayController, key: (s: PlayState) => string | number): PlayState {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const get = useCallback(() => key(ctl.getState()), [ctl]);
  useSyncExternalStore(ctl.subscribe, get, get);
  return ctl.getState();
}
