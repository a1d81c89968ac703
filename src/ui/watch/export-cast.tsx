// `clplay replay RUN --export cast`: the replay's frames, drawn by the same watch screen, on a
// virtual clock - the whole replay is run through as fast as frames can be drawn, each frame
// stamped with its replay time. Identical frames in a row are written once.
import React from 'react';
import { renderToString } from 'ink';
import type { CastFrame } from '../../core/replay/asciicast.js';
import type { ReplaySession } from '../../core/replay/replay-session.js';
import type { VirtualClock } from '../../core/replay/virtual-clock.js';
import { WatchScreen } from '../screens/Watch.js';

/** Frames of a replay driven by `clock` (the session must use it), until nothing is left to play. */
export function replayFrames(session: ReplaySession, clock: VirtualClock, model: string, size: { columns: number; rows: number }, maxFrames = 20_000): CastFrame[] {
  const frames: CastFrame[] = [];
  const draw = () => {
    const screen = renderToString(<WatchScreen session={session} model={model} size={size} />, { columns: size.columns });
    if (frames.at(-1)?.screen !== screen) frames.push({ ms: clock.now(), screen });
  };
  void session.start();
  draw();
  while (frames.length < maxFrames && clock.runNext()) draw();
  void session.close();
  return frames;
}
