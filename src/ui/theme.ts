// The ONE place for colours: semantic tokens used by every component and screen.
// NO_COLOR (any non-empty value, https://no-color.org) turns every colour token into undefined;
// meaning is then carried by symbols (✓ ✗ … ?) and by bold / inverse / underline, which stay.
import type { VerdictStatus } from '../core/grading/verdict.js';

/** An Ink colour name / hex, or undefined for "no colour". */
export type Colour = string | undefined;

export interface Theme {
  noColor: boolean;
  text: { primary: Colour; muted: Colour; accent: Colour; error: Colour; warning: Colour; success: Colour };
  status: Record<VerdictStatus, Colour>;
  accent: Colour;
  border: { focused: Colour; unfocused: Colour };
  /** Search hits: background colours; with NO_COLOR hits are drawn inverse instead. */
  highlight: { match: Colour; current: Colour; matchText: Colour };
  cursor: { inverse: true };
  progress: { done: Colour; rest: Colour };
  key: Colour;
}

export const STATUS_SYMBOL: Record<VerdictStatus, string> = {
  pass: '✓',
  fail: '✗',
  pending: '…',
  unscored: '?',
};

export function noColorRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '';
}

export function makeTheme(env: NodeJS.ProcessEnv = process.env): Theme {
  const off = noColorRequested(env);
  const c = (v: string): Colour => (off ? undefined : v);
  return {
    noColor: off,
    text: { primary: undefined, muted: c('gray'), accent: c('cyan'), error: c('red'), warning: c('yellow'), success: c('green') },
    status: { pass: c('green'), fail: c('red'), pending: c('yellow'), unscored: c('magenta') },
    accent: c('cyan'),
    border: { focused: c('cyan'), unfocused: c('gray') },
    highlight: { match: c('yellow'), current: c('magenta'), matchText: c('black') },
    cursor: { inverse: true },
    progress: { done: c('green'), rest: c('gray') },
    key: c('cyan'),
  };
}

/** The theme for this process (NO_COLOR read once at start-up). */
export const theme: Theme = makeTheme();

export function statusColour(status: VerdictStatus, t: Theme = theme): Colour {
  return t.status[status];
}

export function statusSymbol(status: VerdictStatus): string {
  return STATUS_SYMBOL[status];
}
