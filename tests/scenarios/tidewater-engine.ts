// The rules of Tidewater, the invented sowing game of scenarios/tidewater-rulebook.yaml, as code.
// The derivation test replays every task's moves with it. Where Tidewater differs from the
// well-known Kalah rules (the traps the scenario sets):
//   - sowing passes through BOTH harbours (a seed dropped in the opponent's harbour is theirs);
//   - the last seed in your OWN harbour ends the turn; in the OPPONENT's harbour it earns an
//     "ebb" move - but a turn holds at most three moves;
//   - a capture (last seed in an empty pit of your own side) takes only the opposite pit's seeds;
//     the capturing seed stays where it landed; a lighthouse pit (your pit 6) never captures;
//   - when the player to move has no seeds, the game ends and every seed still in a pit goes to
//     the harbour of that player - the one who cannot move.

export type Side = 'S' | 'N';

export interface Position {
  /** 0-5: S1..S6, 6: South harbour, 7-12: N1..N6, 13: North harbour. */
  cells: number[];
  toMove: Side;
  /** Moves already made in the current turn (1 after the first move of a turn). */
  movesThisTurn: number;
  over: boolean;
}

export const MAX_MOVES_PER_TURN = 3;
const HARBOUR: Record<Side, number> = { S: 6, N: 13 };
const other = (s: Side): Side => (s === 'S' ? 'N' : 'S');

export function start(seeds = 4): Position {
  const cells = Array<number>(14).fill(seeds);
  cells[6] = 0;
  cells[13] = 0;
  return { cells, toMove: 'S', movesThisTurn: 0, over: false };
}

/** Index of pit `label` (S1..S6, N1..N6). */
export function cellOf(label: string): number {
  const m = /^([SN])([1-6])$/.exec(label);
  if (!m) throw new Error(`bad pit ${label}`);
  return (m[1] === 'S' ? 0 : 7) + Number(m[2]) - 1;
}

/** The pit straight across: S1 faces N6, S6 faces N1. */
export function opposite(cell: number): number {
  return 12 - cell;
}

const sideOf = (cell: number): Side | 'harbour' => (cell === 6 || cell === 13 ? 'harbour' : cell < 6 ? 'S' : 'N');

export interface MoveReport {
  position: Position;
  lastCell: number;
  captured: number;
  ebb: boolean;
}

export function move(p: Position, label: string): MoveReport {
  if (p.over) throw new Error('the game is over');
  const from = cellOf(label);
  if (sideOf(from) !== p.toMove) throw new Error(`${label} is not ${p.toMove}'s pit`);
  const cells = [...p.cells];
  let hand = cells[from]!;
  if (hand === 0) throw new Error(`${label} is empty`);
  cells[from] = 0;
  let at = from;
  while (hand > 0) {
    at = (at + 1) % 14;
    cells[at]! += 1;
    hand -= 1;
  }
  const me = p.toMove;
  let captured = 0;
  let ebb = false;
  const lighthouse = me === 'S' ? 5 : 12;
  if (sideOf(at) === me && cells[at] === 1 && at !== lighthouse) {
    captured = cells[opposite(at)]!;
    cells[opposite(at)] = 0;
    cells[HARBOUR[me]]! += captured;
  }
  const moves = p.movesThisTurn + 1;
  let next: Position;
  if (at === HARBOUR[other(me)] && moves < MAX_MOVES_PER_TURN) {
    ebb = true;
    next = { cells, toMove: me, movesThisTurn: moves, over: false };
  } else {
    next = { cells, toMove: other(me), movesThisTurn: 0, over: false };
  }
  // the ebb mover, too, may find their own side empty: the game ends the same way
  next = settle(next);
  return { position: next, lastCell: at, captured, ebb };
}

/** If the player to move has no seeds in their pits, the game ends: all pit seeds go to that player. */
export function settle(p: Position): Position {
  const mine = p.toMove === 'S' ? [0, 1, 2, 3, 4, 5] : [7, 8, 9, 10, 11, 12];
  if (mine.some((c) => p.cells[c]! > 0)) return p;
  const cells = [...p.cells];
  let rest = 0;
  for (let c = 0; c < 14; c++) {
    if (c === 6 || c === 13) continue;
    rest += cells[c]!;
    cells[c] = 0;
  }
  cells[HARBOUR[p.toMove]]! += rest;
  return { ...p, cells, over: true };
}

export function play(p: Position, labels: string[]): Position {
  return labels.reduce((q, l) => move(q, l).position, p);
}

/** The rulebook's notation: `S:4-4-0-5-5-5/1 N:4-4-4-4-4-4/0`. */
export function notation(p: Position): string {
  const c = p.cells;
  return `S:${c.slice(0, 6).join('-')}/${c[6]} N:${c.slice(7, 13).join('-')}/${c[13]}`;
}

export function fromNotation(text: string, toMove: Side): Position {
  const m = /^S:(\d+)-(\d+)-(\d+)-(\d+)-(\d+)-(\d+)\/(\d+) N:(\d+)-(\d+)-(\d+)-(\d+)-(\d+)-(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`bad notation ${text}`);
  return { cells: m.slice(1).map(Number), toMove, movesThisTurn: 0, over: false };
}

export function total(p: Position): number {
  return p.cells.reduce((a, b) => a + b, 0);
}
