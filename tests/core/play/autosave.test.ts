import { describe, expect, it } from 'vitest';
import { Autosaver } from '../../../src/core/play/autosave.js';
import type { RunRecord } from '../../../src/core/runs/types.js';

const run = (n: number) => ({ id: `r${n}` }) as unknown as RunRecord;

function fakeTimers() {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (fn: () => void) => {
      timers.set(next, fn);
      return next++;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    fire: () => {
      const all = [...timers.values()];
      timers.clear();
      all.forEach((f) => f());
    },
    count: () => timers.size,
  };
}

describe('autosaver', () => {
  it('debounces: only the newest draft is written when typing stops', async () => {
    const saved: string[] = [];
    const t = fakeTimers();
    const a = new Autosaver({ save: async (r) => void saved.push(r.id), ...t });
    a.schedule(run(1));
    a.schedule(run(2));
    a.schedule(run(3));
    expect(t.count()).toBe(1);
    expect(saved).toEqual([]);
    t.fire();
    await a.flush();
    expect(saved).toEqual(['r3']);
  });

  it('saveNow writes at once, cancels the pending debounce, never overlaps writes', async () => {
    const saved: string[] = [];
    let active = 0;
    let maxActive = 0;
    const t = fakeTimers();
    const a = new Autosaver({
      save: async (r) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((res) => setTimeout(res, 5));
        saved.push(r.id);
        active--;
      },
      ...t,
    });
    a.schedule(run(1));
    const p1 = a.saveNow(run(2));
    const p2 = a.saveNow(run(3));
    await Promise.all([p1, p2]);
    expect(t.count()).toBe(0);
    expect(saved).toEqual(['r2', 'r3']);
    expect(maxActive).toBe(1);
    expect(a.lastSaved?.id).toBe('r3');
  });

  it('keeps the run after a failed write and writes it on the next flush', async () => {
    let fail = true;
    const saved: string[] = [];
    const errors: unknown[] = [];
    const a = new Autosaver({
      save: async (r) => {
        if (fail) throw new Error('disk full');
        saved.push(r.id);
      },
      onError: (e) => errors.push(e),
    });
    await a.saveNow(run(1));
    expect(errors).toHaveLength(1);
    expect(a.hasPending).toBe(true);
    fail = false;
    await a.flush();
    expect(saved).toEqual(['r1']);
  });
});
