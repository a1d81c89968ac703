// Small helpers for ink-testing-library tests of the UI components.
// lastFrame() is stale right after stdin.write: wait for React and Ink to draw.

import React from 'react';
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import { KeypressProvider } from '../../src/ui/keys/keypress.js';
import { KeypressStdin } from '../../src/ui/keys/keypress-stdin.js';

export { KEYS } from '../helpers/keys.js';

export function tick(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Write keys one by one, letting Ink process each (a lone Esc needs ink's pending-escape flush). */
export async function press(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await tick(k === '\x1b' ? 60 : 5);
  }
  await tick(5);
}

/** Poll until `cond(lastFrame())` holds (or time out with the last frame in the message). */
export async function waitForFrame(lastFrame: () => string | undefined, cond: (f: string) => boolean, timeoutMs = 2000): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const f = lastFrame() ?? '';
    if (cond(f)) return f;
    if (Date.now() - t0 > timeoutMs) throw new Error(`frame condition not met; last frame:\n${f}`);
    await tick(5);
  }
}

/**
 * Render through clplay's keypress layer, as the real terminal does (KeypressStdin + provider):
 * each write is one terminal read, split into keys; ESC[200~ ... ESC[201~ is one paste.
 * Same surface as ink-testing-library's render (lastFrame, stdin.write, unmount).
 */
export function renderWithKeys(tree: React.ReactNode, size: { columns?: number; rows?: number } = {}) {
  const source = Object.assign(new EventEmitter(), { isTTY: true });
  const stdout = Object.assign(new EventEmitter(), {
    columns: size.columns ?? 100,
    rows: size.rows ?? 30,
    last: undefined as string | undefined,
    write(frame: string) {
      stdout.last = frame;
      return true;
    },
  });
  const stderr = Object.assign(new EventEmitter(), { write: () => true });
  const stdin = new KeypressStdin(source);
  const instance = inkRender(<KeypressProvider>{tree}</KeypressProvider>, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lastFrame: () => stdout.last,
    stdin: { write: (s: string) => void source.emit('data', s) },
    unmount: () => instance.unmount(),
    rerender: instance.rerender,
  };
}

/** A paste as a terminal with bracketed paste on sends it. */
export const bracketed = (text: string) => `\x1b[200~${text}\x1b[201~`;
