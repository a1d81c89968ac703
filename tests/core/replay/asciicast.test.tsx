// `--export cast`: the replay's frames (drawn by the watch screen on a virtual clock) as an
// asciicast v2 file - a valid header and event stream - that, played in a terminal emulator,
// shows the same frames at the replay's times.
import { stripVTControlCharacters } from 'node:util';
import xterm from '@xterm/headless';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCast, writeCast } from '../../../src/core/replay/asciicast.js';
import { ReplaySession } from '../../../src/core/replay/replay-session.js';
import { VirtualClock } from '../../../src/core/replay/virtual-clock.js';
import type { RunRecord } from '../../../src/core/runs/types.js';
import { replayFrames } from '../../../src/ui/watch/export-cast.js';
import { startFakeOpenAI } from '../../helpers/fake-openai-server.js';
import { scenario, task } from '../../helpers/model-scenarios.js';
import { recordRun } from '../../helpers/recorded-run.js';

const s = scenario('cast', [task('t1', '[t1] First?'), task('t2', '[t2] Second?')]);
let run: RunRecord;
beforeAll(async () => {
  const srv = await startFakeOpenAI((req) => ({ text: JSON.stringify(req.body.messages.at(-1)).includes('[t1]') ? 'ANSWER-t1 STREAMED-WORDS-ARRIVE-HERE' : 'WRONG for t2', chunks: 4 }));
  run = await recordRun(srv, s);
  await srv.close();
});

async function screenOf(term: InstanceType<typeof xterm.Terminal>, data: string): Promise<string> {
  await new Promise<void>((r) => term.write(data, r));
  const b = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < term.rows; y++) rows.push(b.getLine(y)?.translateToString(true) ?? '');
  return rows.map((r) => r.trimEnd()).join('\n').trimEnd();
}

describe('asciicast export', () => {
  it('is a valid v2 file whose events draw the replay frames, in time order', async () => {
    const size = { columns: 100, rows: 30 };
    const clock = new VirtualClock();
    const session = new ReplaySession({ scenario: s, run, clock, auto: true });
    const frames = replayFrames(session, clock, 'fake-model', size);
    const text = writeCast({ version: 2, width: 100, height: 30, timestamp: 1_780_000_000 }, frames);

    const { header, events } = parseCast(text);
    expect(header).toMatchObject({ version: 2, width: 100, height: 30, timestamp: 1_780_000_000 });
    expect(events).toHaveLength(frames.length);
    expect(events.map((e) => e[0])).toEqual(frames.map((f) => Math.round(f.ms) / 1000));

    // Played in a terminal, each event leaves exactly the frame on screen.
    const term = new xterm.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
    for (const [k, e] of events.entries()) {
      const want = stripVTControlCharacters(frames[k]!.screen).split('\n').map((r) => r.trimEnd()).join('\n').trimEnd();
      expect(await screenOf(term, e[2])).toBe(want);
    }
    const plain = frames.map((f) => stripVTControlCharacters(f.screen));
    // The reply grows over several frames, then the verdicts, then task 2.
    const first = plain.findIndex((f) => f.includes('ANSWER-t1'));
    const full = plain.findIndex((f) => f.includes('STREAMED-WORDS-ARRIVE-HERE'));
    const second = plain.findIndex((f) => f.includes('Task 2/2'));
    expect(first).toBeGreaterThan(0);
    expect(full).toBeGreaterThan(first);
    expect(second).toBeGreaterThan(full);
    expect(plain[second - 1]).toMatch(/✓ Says ANSWER-t1/);
    expect(plain.at(-1)).toMatch(/end of the run/);
    expect(plain.every((f) => f.includes('Replaying fake-model'))).toBe(true);
  });

  it('refuses what is not a cast', () => {
    expect(() => parseCast('{"version":1}\n')).toThrow(/line 1/);
    expect(() => parseCast('{"version":2,"width":80,"height":24,"timestamp":0}\n[1,"o","a"]\n[0.5,"o","b"]\n')).toThrow(/line 3: time goes back/);
  });
});
