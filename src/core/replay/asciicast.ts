// asciicast v2, the format asciinema plays (https://docs.asciinema.org/manual/asciicast/v2/):
// a header line of JSON, then one JSON array per event, [seconds, "o", data]. Each frame of a
// replay is one event that redraws the screen from its top-left corner, so a player can seek
// anywhere and see a whole screen. Written by hand: it is two JSON shapes, and the npm packages
// for it are players and recorders of terminals, not writers of known frames.

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  timestamp: number;
  title?: string;
  env?: Record<string, string>;
}

export interface CastFrame {
  /** ms since the replay started. */
  ms: number;
  /** The screen as drawn (rows separated by \n; may hold colour sequences). */
  screen: string;
}

export type CastEvent = [number, 'o', string];

/** The output that draws `screen` over the last frame: rows from the top, each row's rest erased. */
export function frameData(screen: string, first: boolean): string {
  const rows = screen.split('\n');
  const body = rows.map((r) => `${r}\x1b[K`).join('\r\n');
  return `${first ? '\x1b[?25l\x1b[2J' : ''}\x1b[H${body}\x1b[J`;
}

export function writeCast(header: CastHeader, frames: readonly CastFrame[]): string {
  const lines = [JSON.stringify(header)];
  frames.forEach((f, i) => {
    const ev: CastEvent = [Math.round(f.ms) / 1000, 'o', frameData(f.screen, i === 0)];
    lines.push(JSON.stringify(ev));
  });
  return lines.join('\n') + '\n';
}

/** Reads a cast back (tests, and a check that what was written is valid); throws on the first bad line. */
export function parseCast(text: string): { header: CastHeader; events: CastEvent[] } {
  const lines = text.split('\n').filter((l) => l !== '');
  const header = JSON.parse(lines[0] ?? 'null') as CastHeader;
  if (!header || header.version !== 2 || !Number.isInteger(header.width) || !Number.isInteger(header.height)) throw new Error('line 1: not an asciicast v2 header');
  const events: CastEvent[] = [];
  let last = 0;
  lines.slice(1).forEach((l, i) => {
    const e = JSON.parse(l) as unknown;
    if (!Array.isArray(e) || e.length !== 3 || typeof e[0] !== 'number' || e[1] !== 'o' || typeof e[2] !== 'string') throw new Error(`line ${i + 2}: not an output event`);
    if (e[0] < last) throw new Error(`line ${i + 2}: time goes back`);
    last = e[0];
    events.push(e as CastEvent);
  });
  return { header, events };
}
