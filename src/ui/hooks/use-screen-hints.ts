// A screen declares which key contexts it has; the footer hints follow, unless a modal (help,
// a question) owns the footer for the moment.
import { useEffect } from 'react';
import { useAppValue } from '../app-context.js';
import type { KeyContext } from '../keys/bindings.js';

export function useScreenHints(contexts: readonly KeyContext[], enabled = true): void {
  const app = useAppValue();
  const { setHints } = app.actions;
  const key = contexts.join(',');
  useEffect(() => {
    if (enabled && !app.modal) setHints(contexts);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app.modal, setHints, key, enabled]);
}
