// What the verdicts and summary screens share for a person acting as judge: an item cursor that
// the view follows (↑↓ between rubric items, PgUp/PgDn by pages), whose side `+` / `-` change in
// a versus match (Tab), and the marking itself - the person's run through the PlayController,
// the model's through the VersusMatch - each saved at once.
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import type { VersusMatch } from '../../../core/model/versus.js';
import type { PlayController } from '../../../core/play/controller.js';
import { errorMessage } from '../../../core/errors.js';
import { follow, type ItemSpan, type JudgeSide } from './judge-rows.js';

const noSubscribe = () => () => undefined;
const zero = () => 0;

/** Re-renders on every change of the match (none without one). */
export function useMatchVersion(match: VersusMatch | null): number {
  return useSyncExternalStore(match ? match.subscribe : noSubscribe, match ? match.getVersion : zero, match ? match.getVersion : zero);
}

export interface ItemCursor {
  /** Index into the spans; -1 while no item is chosen. */
  cursor: number;
  top: number;
  move(delta: number): void;
  scroll(delta: number): void;
}

/**
 * An item cursor over `spans` in a list of `rowCount` rows, `visible` of them on screen.
 * `initial` -1: no item chosen yet (the first ↓ chooses the first item; the view starts at the top).
 */
export function useItemCursor(spans: readonly ItemSpan[], rowCount: number, visible: number, initial = 0): ItemCursor {
  const [cursor, setCursor] = useState(initial);
  const [top, setTop] = useState(() => {
    const s = initial >= 0 ? spans[initial] : undefined;
    return s ? follow(0, s.start, s.end, visible, Math.max(0, rowCount - visible)) : 0;
  });
  const maxTop = Math.max(0, rowCount - visible);
  const c = cursor < 0 || !spans.length ? -1 : Math.min(cursor, spans.length - 1);
  const scroll = (delta: number) => setTop((t) => Math.max(0, Math.min(maxTop, Math.min(t, maxTop) + delta)));
  // Keys that arrive before the next render (a burst of `k`) each move from the last one's
  // result, so the cursor state is read through the updater, never from this render's `c`.
  const latest = useRef(c);
  latest.current = c;
  const move = (delta: number) => {
    const from = latest.current;
    if (!spans.length || (from < 0 && delta < 0)) {
      scroll(delta);
      return;
    }
    const next = from < 0 ? 0 : Math.max(0, Math.min(spans.length - 1, from + delta));
    latest.current = next;
    setCursor(next);
    const s = spans[next]!;
    setTop((t) => follow(Math.min(t, maxTop), s.start, s.end, visible, maxTop));
  };
  return { cursor: c, top: Math.min(top, maxTop), move, scroll };
}

export interface JudgeOptions {
  ctl: PlayController;
  match: VersusMatch | null;
  /** Who decides: the player's name (recorded as `person:<name>`). */
  person: string;
  notify: (message: string) => void;
}

/** Marks an item of the person's run or (versus) of the model's run; tells the person when it cannot. */
export function useJudge({ ctl, match, person, notify }: JudgeOptions) {
  const [side, setSide] = useState<JudgeSide>('you');
  const toggleSide = useCallback(() => {
    if (match) setSide((s) => (s === 'you' ? 'model' : 'you'));
  }, [match]);
  const mark = useCallback(
    (task: number, item: number, status: 'pass' | 'fail') => {
      void (async () => {
        try {
          if (side === 'model' && match) {
            const ok = await match.judge(task, item, status, person);
            if (!ok) notify(`${match.model} has no answer to judge for this task yet`);
          } else {
            const ok = await ctl.judge(task, item, status, person);
            if (!ok) notify('only a submitted answer can be judged');
          }
        } catch (err) {
          notify(`not saved: ${errorMessage(err)}`);
        }
      })();
    },
    [ctl, match, person, notify, side],
  );
  return { side: match ? side : ('you' as JudgeSide), toggleSide, mark };
}
