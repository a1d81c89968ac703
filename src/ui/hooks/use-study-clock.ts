// A study's per-scenario time limit: the time left (active time, so a pause stops it), updated
// once a second, and at zero the draft is submitted as it stands (PlayController.expire).
import { useEffect, useState } from 'react';
import type { PlayController } from '../../core/play/controller.js';

export function useStudyClock(ctl: PlayController | null, limitMs: number | undefined, onExpired: () => void): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!ctl || limitMs === undefined || ctl.finished) {
      setLeft(null);
      return;
    }
    let expired = false;
    const update = () => {
      const remaining = Math.max(0, limitMs - ctl.runActive());
      setLeft(remaining);
      if (remaining === 0 && !expired && !ctl.finished) {
        expired = true;
        void ctl.expire().then(onExpired);
      }
    };
    update();
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  }, [ctl, limitMs, onExpired]);
  return left;
}
