// Run key handlers so that what they change is on screen - and in every handler - before the
// next key is handled. Ink 6.8's useInput wraps handlers in the reconciler's batchedUpdates,
// which is a no-op on React 19: state updates from a key are scheduled (default priority) and
// rendered later, so the keys of one terminal read all saw the state from before the first of
// them ("green" typed fast became "gren"; a key right after Tab went to the old pane).
// React's flushSync for custom renderers (flushSyncFromReconciler) renders them at once; Ink
// does not export its reconciler, so it is imported by file (the same module Ink itself loads,
// in the bundle as in tests).
import inkReconciler from '../../../node_modules/ink/build/reconciler.js';

const reconciler = inkReconciler as unknown as { flushSyncFromReconciler?: (fn: () => void) => void };

/** Call `fn` (key handlers) and render what it changed before returning. */
export function flushKeyUpdates(fn: () => void): void {
  if (typeof reconciler.flushSyncFromReconciler === 'function') reconciler.flushSyncFromReconciler(fn);
  else fn();
}
