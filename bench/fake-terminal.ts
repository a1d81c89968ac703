// An in-process terminal for the UI benchmarks: Ink renders into it in debug mode (every render
// written at once, no 30 fps throttle), so a key press can be timed to the frame that shows it.
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  isTTY = true;
  last = '';
  private waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string) => {
    this.last = s;
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(s)) return true;
      w.resolve();
      return false;
    });
    return true;
  };
  /** Resolves at the next frame for which `test` holds. */
  next(test: (s: string) => boolean = () => true): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
