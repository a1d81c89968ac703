// Terminal modes clplay switches on while it runs, and the promise to switch them off again:
// on a normal exit, on a crash (process 'exit' runs then too) and on SIGINT sent from outside
// (Ctrl+C itself is a key in raw mode). A terminal left in bracketed-paste mode would wrap every
// later paste in the shell in ESC[200~ ... ESC[201~.
import { writeSync } from 'node:fs';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from './key-stream.js';

export interface TerminalModes {
  /** Bracketed paste on or off (written at once). */
  setBracketedPaste(on: boolean): void;
  /** Switch everything off and stop watching the process. */
  dispose(): void;
}

export function createTerminalModes(fd = 1): TerminalModes {
  let paste = false;
  const write = (s: string) => {
    try {
      writeSync(fd, s);
    } catch {
      // the terminal is gone: nothing to restore
    }
  };
  const restore = () => {
    if (paste) write(BRACKETED_PASTE_OFF);
    paste = false;
  };
  const onSigint = () => {
    restore();
    process.off('SIGINT', onSigint);
    // Die of the signal as if we had not been listening.
    process.kill(process.pid, 'SIGINT');
  };
  process.on('exit', restore);
  process.on('SIGINT', onSigint);
  return {
    setBracketedPaste(on) {
      if (on === paste) return;
      paste = on;
      write(on ? BRACKETED_PASTE_ON : BRACKETED_PASTE_OFF);
    },
    dispose() {
      restore();
      process.off('exit', restore);
      process.off('SIGINT', onSigint);
    },
  };
}
