// Drives the real `clplay` (dist/clplay.js) in a pseudo-terminal and reads the screen the way a
// person sees it: @lydell/node-pty (prebuilt, no compiler) runs the process, @xterm/headless interprets its output.
// CI is removed from the child's environment (with CI set, Ink prints only the last frame).
// Use waitForText / waitFor instead of sleeps.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';

const require = createRequire(import.meta.url);
const pty = require('@lydell/node-pty') as typeof import('@lydell/node-pty');

const SETTLE_MS = 60;

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** The built CLI; CLPLAY_E2E_CLI points the tests at another build (e.g. a private one). */
export const CLI = process.env.CLPLAY_E2E_CLI || join(REPO_ROOT, 'dist', 'clplay.js');

export { KEYS } from './keys.js';

export interface TempDirs {
  saves: string;
  config: string;
  root: string;
  cleanup(): void;
}

/** Fresh saves and config folders under the OS temp dir. */
export function tempDirs(prefix = 'clplay-e2e-'): TempDirs {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const saves = join(root, 'saves');
  const config = join(root, 'config');
  return { root, saves, config, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface SpawnOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export class PtySession {
  readonly term: InstanceType<typeof xterm.Terminal>;
  readonly proc: IPty;
  readonly startedAt = performance.now();
  /** Time (performance.now) of the first output byte. */
  firstOutputAt: number | null = null;
  exitCode: number | null = null;
  signal: number | null = null;
  raw = '';
  private exited: Promise<number>;
  private pendingWrites: Promise<void> = Promise.resolve();

  constructor(args: string[], o: SpawnOptions = {}) {
    const cols = o.cols ?? 100;
    const rows = o.rows ?? 30;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...o.env })) {
      if (v !== undefined) env[k] = v;
    }
    delete env.CI;
    delete env.NODE_ENV;
    delete env.VITEST;
    this.proc = pty.spawn(process.execPath, [CLI, ...args], { name: 'xterm-256color', cols, rows, cwd: o.cwd ?? REPO_ROOT, env });
    this.proc.onData((d) => {
      if (this.firstOutputAt === null) this.firstOutputAt = performance.now();
      this.raw += d;
      this.pendingWrites = this.pendingWrites.then(() => new Promise<void>((res) => this.term.write(d, res)));
    });
    this.exited = new Promise((res) => {
      this.proc.onExit(({ exitCode, signal }) => {
        this.exitCode = exitCode;
        this.signal = signal ?? null;
        res(exitCode);
      });
    });
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  lines(): string[] {
    const buf = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < this.term.rows; i++) out.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return out;
  }

  screen(): string {
    return this.lines().join('\n');
  }

  write(data: string): void {
    this.proc.write(data);
  }

  /** Pastes text as a terminal with bracketed paste on sends it (clplay switches that on). */
  paste(text: string): void {
    this.proc.write(`\x1b[200~${text}\x1b[201~`);
  }

  /** Types text one chunk at a time (each chunk is one read for the app, like keystrokes). */
  async type(text: string, delayMs = 5): Promise<void> {
    for (const ch of text) {
      this.proc.write(ch);
      await sleep(delayMs);
    }
  }

  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  /** Waits until `pred(screen)` holds; throws with the screen on timeout. */
  async waitFor(pred: (screen: string) => boolean, timeoutMs = 5000, what = 'condition'): Promise<string> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      await this.pendingWrites;
      const s = this.screen();
      if (pred(s)) {
        // A new screen attaches its key handlers just after its first frame: let it settle, so
        // the next key a test sends is not lost (a person never types within milliseconds).
        await sleep(SETTLE_MS);
        return s;
      }
      if (this.exitCode !== null && Date.now() > end - timeoutMs + 50) {
        // exited: one last look, then fail fast
        await sleep(20);
        await this.pendingWrites;
        const last = this.screen();
        if (pred(last)) return last;
        throw new Error(`process exited (${this.exitCode}) before ${what}; screen:\n${last}\nraw tail: ${JSON.stringify(this.raw.slice(-400))}`);
      }
      if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${s}\nraw tail: ${JSON.stringify(this.raw.slice(-300))}`);
      await sleep(15);
    }
  }

  waitForText(text: string | RegExp, timeoutMs = 5000): Promise<string> {
    const test = typeof text === 'string' ? (s: string) => s.includes(text) : (s: string) => text.test(s);
    return this.waitFor(test, timeoutMs, `text ${String(text)}`);
  }

  waitForGone(text: string, timeoutMs = 5000): Promise<string> {
    return this.waitFor((s) => !s.includes(text), timeoutMs, `text ${text} to disappear`);
  }

  /** The terminal is in raw mode (the app reads keys one by one). Before that, keys typed are
   *  held by the terminal's line editing and arrive later as one line. */
  isRaw(): boolean {
    const name = (this.proc as unknown as { ptsName?: string }).ptsName;
    if (!name) return true;
    const r = spawnSync('stty', ['-F', name, '-a'], { encoding: 'utf8' });
    if (r.status !== 0) return true; // cannot tell: assume ready
    return /(^|\s)-icanon(\s|$)/.test(r.stdout);
  }

  /** Waits until the app reads keys (raw mode); call before the first key. */
  async waitForRawMode(timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!this.isRaw()) {
      if (this.exitCode !== null) throw new Error(`process exited (${this.exitCode}) before it read keys; screen:\n${this.screen()}`);
      if (Date.now() > end) throw new Error(`the app did not switch the terminal to raw mode within ${timeoutMs} ms; screen:\n${this.screen()}`);
      await sleep(20);
    }
  }

  /** Waits for text, then for raw mode: the screen is there and the app takes keys. */
  async ready(text: string | RegExp, timeoutMs = 8000): Promise<string> {
    await this.waitForText(text, timeoutMs);
    await this.waitForRawMode(timeoutMs);
    return this.screen();
  }

  /** Resolves with the exit code (throws on timeout). */
  async waitForExit(timeoutMs = 5000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`process did not exit within ${timeoutMs} ms; screen:\n${this.screen()}`)), timeoutMs);
    });
    try {
      const code = await Promise.race([this.exited, timeout]);
      await this.pendingWrites;
      return code;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.exitCode === null) {
      try {
        this.proc.kill(signal);
      } catch {
        // already gone
      }
    }
  }

  dispose(): void {
    this.kill('SIGKILL');
    this.term.dispose();
  }
}

export function spawnClplay(args: string[], o: SpawnOptions = {}): PtySession {
  return new PtySession(args, o);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms));
}
