// Subscribes a component to a PlayController (re-renders on every session change).
import { useSyncExternalStore } from 'react';
import type { PlayController } from '../../core/play/controller.js';
import type { PlayState } from '../../core/play/session.js';

export function usePlayState(ctl: PlayController): PlayState {
  return useSyncExternalStore(ctl.subscribe, ctl.getState, ctl.getState);
}
