// A model run recorded for replay tests: played by the real player against the loopback
// OpenAI-compatible server (real openai SDK, streaming), on a clock that moves 100 ms at every
// reading, so the recorded timing is known exactly.
import { createChatClient } from '../../src/core/model/client.js';
import type { Endpoint } from '../../src/core/model/endpoint.js';
import { newModelRun, playRun } from '../../src/core/model/player.js';
import type { RunStore } from '../../src/core/runs/store.js';
import type { RunRecord } from '../../src/core/runs/types.js';
import type { Scenario } from '../../src/core/scenario/schema.js';
import type { FakeServer } from './fake-openai-server.js';

export function endpointOf(srv: FakeServer): Endpoint {
  return { baseUrl: srv.url, model: 'fake-model', apiKey: 'sk-test', keySource: 'OPENAI_API_KEY', params: { retries: 0, timeoutSeconds: 10 } };
}

/** A clock that reads 100 ms later every time it is read, from `start`. */
export function steppingClock(start = Date.parse('2026-12-07T10:00:00.000Z'), stepMs = 100): () => Date {
  let t = start - stepMs;
  return () => new Date((t += stepMs));
}

export async function recordRun(srv: FakeServer, scenario: Scenario, opts: { store?: Pick<RunStore, 'save'>; now?: () => Date } = {}): Promise<RunRecord> {
  const ep = endpointOf(srv);
  const run = newModelRun(scenario, ep, { history: 'own', now: new Date('2026-12-07T10:00:00.000Z') });
  const client = await createChatClient(ep);
  await playRun(scenario, run, { client, store: opts.store, now: opts.now ?? steppingClock() });
  return run;
}
