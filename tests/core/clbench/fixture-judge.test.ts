// The clbench judge request for every task of the CL-bench fixture, compared with what CPython
// builds from the eval.py-shaped fixture file for the same row (tests/fixtures/
// gen-clbench-judge-prompts.py wrote clbench-rows.judge-prompts.json by running the fixture's own
// call_judge_api with upstream's checklist numbering). Import, then judge: the request must be
// the same bytes - empty / numeric / boolean / null / object rubric items included.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importClbench } from '../../../src/core/clbench/import.js';
import { loadGradingTemplate } from '../../../src/core/clbench/eval-template.js';
import { applyJudge } from '../../../src/core/judge/grade-task.js';
import { createJudge } from '../../../src/core/judge/judge.js';
import { createChatClient } from '../../../src/core/model/client.js';
import { PENDING } from '../../../src/core/grading/verdict.js';
import { loadScenarioFile } from '../../../src/core/scenario/load.js';
import type { Scenario } from '../../../src/core/scenario/schema.js';
import { startFakeOpenAI, type FakeServer } from '../../helpers/fake-openai-server.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'clbench-rows.judge-prompts.json'), 'utf8')) as {
  answer: string;
  requests: Record<string, { model: string; messages: { role: string; content: string }[] }>;
};

let srv: FakeServer;
let dir: string;
const scenarios: Scenario[] = [];
beforeAll(async () => {
  srv = await startFakeOpenAI();
  dir = await mkdtemp(join(tmpdir(), 'clplay-fixture-judge-'));
  await importClbench(join(FIXTURES, 'clbench-rows.jsonl'), dir, {});
  for (const name of (await readdir(dir)).sort()) scenarios.push((await loadScenarioFile(join(dir, name))).scenario!);
});
afterAll(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the clbench judge on the imported CL-bench fixture', () => {
  it('sends, for every task, the request CPython builds from the eval.py-shaped file', async () => {
    const client = await createChatClient({ baseUrl: srv.url, model: 'judge-model', apiKey: 'x', keySource: 'none (loopback)', params: { retries: 0, timeoutSeconds: 5 } });
    const judge = createJudge(client, { clbenchTemplate: loadGradingTemplate(join(FIXTURES, 'clbench-eval-shape.py')) });
    const tasks = scenarios.flatMap((s) => s.tasks);
    expect(new Set(tasks.map((t) => t.sourceId))).toEqual(new Set(Object.keys(expected.requests)));
    for (const t of tasks) {
      // imported CL-bench tasks are judged by the clbench protocol by default once eval.py is configured
      expect(judge.protocolFor(t)).toBe('clbench');
      srv.requests.length = 0;
      srv.setScript({ text: JSON.stringify({ 'Grading Rationale': 'r', 'List of Requirement Satisfaction Status': [], 'Overall Score': 0 }) });
      await applyJudge(t, expected.answer, t.rubric.map(() => ({ ...PENDING })), judge);
      const chats = srv.chats();
      expect(chats, t.sourceId).toHaveLength(1);
      expect(chats[0]!.raw, t.sourceId).toBe(JSON.stringify(expected.requests[t.sourceId!]));
    }
  });
});
