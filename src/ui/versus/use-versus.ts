// Subscribes a component to a versus match: asks the model for the task on screen and re-renders
// as it answers (at most every ~100 ms while it streams).
import { useEffect, useSyncExternalStore } from 'react';
import type { VersusMatch, VersusTaskView } from '../../core/model/versus.js';

/** The model's side of task `index`; its answer only once `personSubmitted`. */
export function useVersus(match: VersusMatch, index: number, personSubmitted: boolean): VersusTaskView {
  useSyncExternalStore(match.subscribe, match.getVersion, match.getVersion);
  useEffect(() => {
    match.ensure(index);
  }, [match, index]);
  return match.view(index, personSubmitted);
}
