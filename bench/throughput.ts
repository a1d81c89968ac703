// Headless throughput: `clplay run` over 1,899 tasks (500 generated scenarios, CL-bench's chain
// shape: 1-12 tasks, 3.8 on average) against a loopback OpenAI-compatible server that answers
// every request after a fixed 100 ms, at --concurrency 32. Ideal time = tasks x latency /
// concurrency; achieved / ideal throughput must be >= 0.9. Measured over the batch (the server's
// first request to its last reply) and, for reference, over the whole command (node start-up,
// loading 500 scenario files and saving every run included).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule } from './types.js';

const TASKS = 1899;
const CONTEXTS = 500;
const LATENCY_MS = 100;
const CONCURRENCY = 32;

/** Chain lengths summing to TASKS over CONTEXTS, between 1 and 12, deterministic. */
function chainLengths(): number[] {
  const lens = Array.from({ length: CONTEXTS }, (_, i) => 1 + ((i * 7) % 5)); // 1..5
  let sum = lens.reduce((a, b) => a + b, 0);
  for (let i = 0; sum < TASKS; i = (i + 37) % CONTEXTS) {
    if (lens[i]! < 12) {
      lens[i]!++;
      sum++;
    }
  }
  for (let i = 0; sum > TASKS; i = (i + 11) % CONTEXTS) {
    if (lens[i]! > 1) {
      lens[i]!--;
      sum--;
    }
  }
  return lens;
}

function writeScenarios(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const ids: string[] = [];
  const para = 'The guild of lantern keepers moves each lantern exactly two squares, never diagonally across a river. ';
  chainLengths().forEach((n, i) => {
    const id = `tp-${String(i).padStart(3, '0')}`;
    ids.push(id);
    const scenario = {
      id,
      title: `Throughput ${i}`,
      category: 'rule-system-application',
      subcategory: 'Game Mechanics',
      origin: 'fictional',
      language: 'en',
      estimatedMinutes: 5,
      system: 'Answer from the rulebook only.',
      context: `# Rulebook ${i}\n\n` + para.repeat(40),
      tasks: Array.from({ length: n }, (_, k) => ({
        id: `t${k + 1}`,
        prompt: `Task ${k + 1} of ${id}: how far does a lantern move? Say ANSWER-t${k + 1}.`,
        rubric: [{ text: `Says ANSWER-t${k + 1}.`, check: { type: 'includes', value: `ANSWER-t${k + 1}` } }, { text: 'Explains the river rule.' }],
      })),
    };
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(scenario));
  });
  return ids;
}

const bench: BenchModule = {
  name: 'throughput',
  async run(ctx) {
    const scenDir = join(ctx.tmp, 'scenarios');
    const saves = join(ctx.tmp, 'saves');
    const ids = writeScenarios(scenDir);
    let requests = 0;
    let first = 0;
    let last = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        requests++;
        if (!first) first = performance.now();
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const msgs = JSON.parse(body).messages as { content: string }[];
        const m = /say (ANSWER-t\d+)/i.exec(msgs[msgs.length - 1]!.content);
        const text = `${m ? m[1] : 'ANSWER'}: two squares; the river blocks diagonal moves.`;
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          const chunk = (delta: object, finish: string | null) => `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
          res.write(chunk({ role: 'assistant', content: text }, null));
          res.write(chunk({}, 'stop'));
          res.write(`data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [], usage: { prompt_tokens: 1000, completion_tokens: 12 } })}\n\n`);
          res.end('data: [DONE]\n\n');
          inFlight--;
          last = performance.now();
        }, LATENCY_MS);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    try {
      const r = await ctx.runCli(
        ['run', ...ids, '--model', 'bench-model', '--base-url', url, '--concurrency', String(CONCURRENCY), '--scenarios', scenDir, '--saves', saves, '--json'],
        { env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', CI: '1' } },
      );
      if (r.code !== 0) throw new Error(`clplay run exited ${r.code}: ${r.stderr.slice(-500)}`);
      const summary = JSON.parse(r.stdout) as { tasks: number; solved: number; errors: number; unplayed: number };
      if (summary.tasks !== TASKS || summary.errors !== 0 || summary.unplayed !== 0) throw new Error(`unexpected summary: ${JSON.stringify(summary)}`);
      const runFiles = readdirSync(saves).filter((f) => f.endsWith('.json')).length;
      const ideal = (TASKS * LATENCY_MS) / CONCURRENCY;
      const batchMs = last - first;
      ctx.log(`${TASKS} tasks in ${CONTEXTS} scenarios (${runFiles} runs saved), ${requests} requests, at most ${maxInFlight} in flight, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}`);
      ctx.log(`ideal ${(ideal / 1000).toFixed(2)} s; batch ${(batchMs / 1000).toFixed(2)} s; whole command ${(r.ms / 1000).toFixed(2)} s (peak RSS ${r.peakRssMb?.toFixed(0) ?? '?'} MB)`);
      ctx.figure('throughput, batch (achieved / ideal)', ideal / batchMs, 'x', { min: 0.9 });
      ctx.figure('throughput, whole command (achieved / ideal)', ideal / r.ms, 'x');
      ctx.figure('tasks per second, batch', (TASKS * 1000) / batchMs, 'tasks/s');
      if (r.peakRssMb !== null) ctx.figure('peak RSS of clplay run', r.peakRssMb, 'MB');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  },
};
export default bench;
