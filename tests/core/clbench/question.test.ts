import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importClbench } from '../../../src/core/clbench/import.js';
import { questionEnds, taskForJudge } from '../../../src/core/clbench/question.js';
import { createJudge } from '../../../src/core/judge/judge.js';
import { createChatClient } from '../../../src/core/model/client.js';
import { newModelRun, playTask } from '../../../src/core/model/player.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { startFakeOpenAI } from '../../helpers/fake-openai-server.js';

describe('questionEnds', () => {
  it('takes the opening and closing paragraphs, a short one (a heading) with the next', () => {
    const middle = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} of the manual, long enough to stand alone as a paragraph of its own here.`).join('\n\n');
    const ctx = `# Manual\n\nThe opening paragraph says what the manual covers, in a sentence of some length.\n\n${middle}\n\nQuestion:\n\nHow many paragraphs does the manual have, counting this one and the heading too?`;
    const { opening, closing } = questionEnds(ctx);
    expect(opening.text).toBe('# Manual\n\nThe opening paragraph says what the manual covers, in a sentence of some length.');
    expect(ctx.slice(opening.from, opening.to)).toBe(opening.text);
    expect(closing!.text).toBe('Question:\n\nHow many paragraphs does the manual have, counting this one and the heading too?');
    expect(ctx.slice(closing!.from, closing!.to)).toBe(closing!.text);
    expect(closing!.to).toBe(ctx.length);
  });

  it('gives one span for a one-paragraph context and cuts long ends to 1,200 characters', () => {
    expect(questionEnds('Just one paragraph, question included?')).toEqual({ opening: { from: 0, to: 38, text: 'Just one paragraph, question included?' } });
    const long = 'a'.repeat(5_000) + '\n\n' + 'b'.repeat(5_000);
    const { opening, closing } = questionEnds(long);
    expect(opening.text).toBe('a'.repeat(1_200));
    expect(closing!.text).toBe('b'.repeat(1_200));
    expect(closing!.to).toBe(long.length);
  });
});

describe('--judge-with-task on an imported first task', () => {
  it('shows the judge the context\'s ends (where the question is), not an empty task', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clplay-question-'));
    const srv = await startFakeOpenAI({ text: 'not json' });
    try {
      await importClbench(join(__dirname, '../../fixtures/clbench-rows.jsonl'), dir);
      const s = (await loadLibrary([dir])).scenarios.find((x) => x.tasks[0]!.sourceId === 'qm-task-1')!;
      expect(s.tasks[0]!.prompt).toBe('');
      expect(taskForJudge(s, 0).prompt).toContain('Question: what does a 10 m vessel pay for three nights?');
      expect(taskForJudge(s, 1)).toBe(s.tasks[1]);
      const ep = { baseUrl: srv.url, model: 'fake-model', apiKey: 'sk-test', keySource: 'OPENAI_API_KEY' as const, params: { retries: 0, timeoutSeconds: 5 } };
      const judge = createJudge(await createChatClient(ep), { withTask: true, attempts: 1 });
      const run = newModelRun(s, ep, { history: 'given' });
      await playTask(s, run, 0, { client: await createChatClient(ep), judge });
      const judged = srv.chats().filter((r) => r.body.messages.some((m: { content: string }) => m.content.includes('not json')));
      expect(judged.length).toBeGreaterThan(0);
      const text = JSON.stringify(judged[0]!.body.messages);
      expect(text).toContain('Question: what does a 10 m vessel pay for three nights?');
      expect(text).toContain('# Quillmere Mooring Code (fictional)');
    } finally {
      await srv.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
