// Real-terminal timing for the benchmarks: a program runs in a pseudo-terminal (@lydell/node-pty)
// and a figure is the time until its output shows a text, or until a key's effect reaches the
// terminal. Shared by the start-up and the ratio benchmarks.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pty = require('@lydell/node-pty');

export const strip = (s) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\x1b\][^\x07]*\x07/g, '');

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A program in a pseudo-terminal whose output is collected; `until` waits for a text. */
export class PtyProgram {
  constructor(argv, { env, cwd, cols = 120, rows = 36 }) {
    this.startedAt = performance.now();
    this.out = '';
    this.waiters = [];
    this.p = pty.spawn(argv[0], argv.slice(1), { name: 'xterm-256color', cols, rows, cwd, env });
    this.p.onData((d) => {
      this.out += d;
      this.lastDataAt = performance.now();
      for (const w of [...this.waiters]) w();
    });
    this.p.onExit(() => {
      this.exited = true;
      for (const w of [...this.waiters]) w();
    });
  }
  /** ms from `since` until the output after `from` holds `marker` (ANSI stripped). */
  until(marker, { since = this.startedAt, from = 0, timeoutMs = 15_000 } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (strip(this.out.slice(from)).includes(marker)) {
          done();
          resolve(performance.now() - since);
        } else if (this.exited) {
          done();
          reject(new Error(`exited before "${marker}": ${JSON.stringify(strip(this.out).slice(-300))}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no "${marker}" within ${timeoutMs} ms: ${JSON.stringify(strip(this.out).slice(-300))}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
      };
      this.waiters.push(check);
      check();
    });
  }
  /** ms from writing `key` until the terminal receives the first output after it. */
  async keyToScreen(key, { settleMs = 40 } = {}) {
    // Let the previous key's frames drain, so this key's output is its own.
    await this.quiet(settleMs);
    const from = this.out.length;
    const t0 = performance.now();
    this.p.write(key);
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no output within 5 s after key ${JSON.stringify(key)}`)), 5000);
      const check = () => {
        if (this.out.length > from) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve();
        }
      };
      this.waiters.push(check);
    });
    return performance.now() - t0;
  }
  /** Resolves once no output has arrived for `ms`. */
  async quiet(ms) {
    for (;;) {
      const since = performance.now() - (this.lastDataAt ?? 0);
      if (since >= ms) return;
      await new Promise((r) => setTimeout(r, ms - since));
    }
  }
  write(s) {
    this.p.write(s);
  }
  kill() {
    try {
      this.p.kill('SIGKILL');
    } catch {
      // gone
    }
  }
}

/** ms from spawn until the output shows `marker`; the program is then killed. */
export async function timeToText(argv, marker, opts) {
  const prog = new PtyProgram(argv, opts);
  try {
    return await prog.until(marker, { timeoutMs: opts.timeoutMs ?? 15_000 });
  } finally {
    prog.kill();
  }
}
