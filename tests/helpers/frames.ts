// Waits for an ink-testing-library frame to show something, instead of sleeping a fixed time:
// on a loaded 2-core machine a fixed tick is sometimes too short.
export async function waitForFrame(lastFrame: () => string | undefined, pred: (frame: string) => boolean, timeoutMs = 3000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const f = lastFrame() ?? '';
    if (pred(f)) return f;
    if (Date.now() > end) throw new Error(`frame did not match within ${timeoutMs} ms:\n${f}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const frameHas = (lastFrame: () => string | undefined, text: string | RegExp, timeoutMs?: number) =>
  waitForFrame(lastFrame, (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), timeoutMs);
