// Small helpers for ink-testing-library tests of the UI components.
// lastFrame() is stale right after stdin.write: wait for React and Ink to draw.

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
