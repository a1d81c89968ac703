// The stdin Ink is given: reads the real terminal once, splits every read into keys and pastes
// (key-stream.ts) and hands them to Ink one per read(), so Ink's parser and every useInput see
// exactly one key at a time - never "text\r" as one string, never a paste marker.
// `current` says what Ink is handling right now: the raw sequence and whether it was a paste, so
// the keypress layer (keypress.tsx) can tell a one-character paste from a typed key.
// Bracketed paste is switched on with raw mode and off with it (and, through terminal-modes.ts,
// on exit, on a signal or a crash).
import { EventEmitter } from 'node:events';
import { KeyStream, type KeyEvent } from './key-stream.js';

export interface KeyInfo {
  /** The sequence the terminal sent (for a paste: its text). */
  raw: string;
  /** The text arrived between bracketed-paste markers. */
  paste: boolean;
}

interface Queued {
  /** What Ink reads: one key (Esc spelled so Ink's parser needs no wait) or a paste's text. */
  chunk: string;
  info: KeyInfo;
}

/** The real terminal input (process.stdin, or a test double with the same surface). */
export interface InputSource {
  isTTY?: boolean;
  setRawMode?(on: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (data: string | Buffer) => void): unknown;
  off(event: 'data', listener: (data: string | Buffer) => void): unknown;
  pause?(): unknown;
  resume?(): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

export interface ModeWriter {
  /** Called with true when keys start being read (raw mode on), false when they stop. */
  (reading: boolean): void;
}

/** How long a cut escape sequence (or a lone Esc) waits for the rest of it. */
const ESCAPE_WAIT_MS = 25;
/** A paste whose end marker never comes (a broken terminal) is ended after this much quiet. */
const PASTE_QUIET_MS = 2000;

export class KeypressStdin extends EventEmitter {
  readonly isTTY: boolean;
  /** The key (or paste) Ink is handling right now. */
  current: Queued | null = null;
  private readonly queue: Queued[] = [];
  private readonly stream = new KeyStream();
  private reading = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: InputSource,
    private readonly onMode: ModeWriter = () => undefined,
  ) {
    super();
    this.isTTY = source.isTTY === true;
  }

  setRawMode(on: boolean): void {
    if (on === this.reading) return;
    this.reading = on;
    if (on) {
      this.source.setRawMode?.(true);
      this.source.setEncoding?.('utf8');
      this.source.on('data', this.onData);
      this.source.resume?.();
      this.onMode(true);
    } else {
      this.onMode(false);
      this.source.off('data', this.onData);
      this.source.setRawMode?.(false);
      this.source.pause?.();
      this.clearTimer();
    }
  }

  setEncoding(): void {
    // Always strings: the source is decoded as UTF-8 in setRawMode.
  }

  ref(): void {
    this.source.ref?.();
  }

  unref(): void {
    this.source.unref?.();
  }

  resume(): void {}
  pause(): void {}

  /** Ink's read: one key or paste per call, null when none is waiting. */
  read(): string | null {
    const next = this.queue.shift();
    if (!next) return null;
    this.current = next;
    return next.chunk;
  }

  private readonly onData = (data: string | Buffer): void => {
    this.clearTimer();
    this.enqueue(this.stream.push(typeof data === 'string' ? data : data.toString('utf8')));
    if (this.stream.hasPending) this.timer = setTimeout(() => this.enqueue(this.stream.flush()), ESCAPE_WAIT_MS);
    else if (this.stream.inPaste) this.timer = setTimeout(() => this.enqueue(this.stream.endPaste()), PASTE_QUIET_MS);
  };

  private enqueue(events: KeyEvent[]): void {
    if (events.length === 0) return;
    for (const e of events) this.queue.push(toQueued(e));
    this.emit('readable');
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function toQueued(e: KeyEvent): Queued {
  if (e.kind === 'paste') return { chunk: e.text, info: { raw: e.text, paste: true } };
  // A lone Esc would make Ink's parser wait for more; the kitty spelling of Esc (CSI 27 u) is
  // complete and means the same key (Alt+Esc: modifier 3).
  const chunk = e.sequence === '\x1b' ? '\x1b[27u' : e.sequence === '\x1b\x1b' ? '\x1b[27;3u' : e.sequence;
  return { chunk, info: { raw: e.sequence, paste: false } };
}
