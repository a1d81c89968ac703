// The keypress layer: stdin is read once (KeypressStdin, one key per read), and every key goes
// through ONE Ink input handler here, which hands it to the screens' handlers (useKeys).
// Why not each component's own useInput: Ink registers useInput handlers in effects, which run
// after the frame is drawn, and its updates are rendered later, so a key that arrived right after
// Tab or a screen change reached the old handler (or none) and was lost. Here each key's updates
// are rendered before the next key (ink-sync.ts), and useKeys registers in a layout effect - in
// place as soon as React commits - and always calls the newest handler.
// A handler gets (input, key, info): info.paste marks text that arrived as a bracketed paste
// (then `input` is the whole pasted text and `key` has no flag set), info.raw the sequence sent.
import React, { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { KeypressStdin, type KeyInfo } from './keypress-stdin.js';
import { flushKeyUpdates } from './ink-sync.js';
import { useRawInput } from './use-raw-input.js';

export type { KeyInfo } from './keypress-stdin.js';
export type KeyHandler = (input: string, key: Key, info: KeyInfo) => void;

interface Registry {
  handlers: Set<{ current: KeyHandler }>;
}

const KeypressContext = createContext<Registry | null>(null);

/** A key with no flag set (what a paste is handed on with). */
function plainKey(key: Key): Key {
  const out = { ...key } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'boolean') out[k] = false;
  return out as unknown as Key;
}

/** Wrap the whole app (inside Ink's render) so useKeys has one reader of stdin. */
export function KeypressProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const registry = useMemo<Registry>(() => ({ handlers: new Set() }), []);
  const { stdin } = useStdin();
  const raw = useRawInput();
  const dispatch = useCallback(
    (input: string, key: Key) => {
      const seen = raw() ?? input;
      const current = stdin instanceof KeypressStdin ? stdin.current : null;
      const info: KeyInfo = current && current.chunk === seen ? current.info : { raw: seen, paste: false };
      const text = info.paste ? info.raw : input;
      const k = info.paste ? plainKey(key) : key;
      // A copy: a handler may mount or unmount others; they take effect from the next key on,
      // which sees them, because the update is rendered before this returns.
      const handlers = [...registry.handlers];
      flushKeyUpdates(() => {
        for (const h of handlers) h.current(text, k, info);
      });
    },
    [registry, raw, stdin],
  );
  // Always active, so raw mode (and bracketed paste) stays on across screen changes.
  useInput(dispatch);
  return <KeypressContext.Provider value={registry}>{children}</KeypressContext.Provider>;
}

/**
 * Like Ink's useInput, with the key info (paste, raw sequence) as a third argument. Inside a
 * KeypressProvider the handler is live from the commit that activates it; without one (component
 * tests) it falls back to Ink's useInput.
 */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const registry = useContext(KeypressContext);
  const active = options.isActive !== false;
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useLayoutEffect(() => {
    if (!registry || !active) return;
    registry.handlers.add(ref);
    return () => {
      registry.handlers.delete(ref);
    };
  }, [registry, active]);
  const raw = useRawInput();
  const fallback = useCallback((input: string, key: Key) => {
    const seen = raw() ?? input;
    ref.current(input, key, { raw: seen, paste: false });
  }, [raw]);
  useInput(fallback, { isActive: active && !registry });
}
