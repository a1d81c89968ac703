// Headless throughput: `clplay run` over 1,899 tasks (500 generated scenarios, CL-bench's chain
// shape: 1-12 tasks, 3.8 on average; contexts of ~42,000 characters, CL-bench's mean) against a
// loopback OpenAI-compatible server that answers every request after a fixed 100 ms, at
// --concurrency 32. The floor is a plain-fetch client (bench/floor-apps/fetch-client.mjs) sending
// the very bodies clplay sent, measured in the same run, alternately (clplay, floor, clplay, ...):
// the figures are ratios of whole-process wall time, CPU time and peak memory.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule, CliResult } from './types.js';

const TASKS = 1899;
const CONTEXTS = 500;
const LATENCY_MS = 100;
const CONCURRENCY = 32;
const CONTEXT_CHARS = 42_000;
const PAIRS = 3;
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
      // 30,000 to 54,000 characters, 42,000 on average, as CL-bench's prompts.
      context: `# Rulebook ${i}\n\n` + para.repeat(Math.round(((CONTEXT_CHARS * (0.7 + ((i * 13) % 25) / 40)) / para.length))),
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: BenchModule = {
  name: 'throughput',
  async run(ctx) {
    const scenDir = join(ctx.tmp, 'scenarios');
    const ids = writeScenarios(scenDir);
    const bodies: string[] = [];
    let recording = true;
    let requests = 0;
    let first = 0;
    let last = 0;
    const server = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (d: Buffer) => parts.push(d));
      req.on('end', () => {
        const body = Buffer.concat(parts).toString('utf8');
        requests++;
        if (!first) first = performance.now();
        if (recording) bodies.push(body);
        const parsed = JSON.parse(body) as { stream?: boolean; messages: { content: string }[] };
        const msgs = parsed.messages;
        const m = /say (ANSWER-t\d+)/i.exec(msgs[msgs.length - 1]!.content);
        const text = `${m ? m[1] : 'ANSWER'}: two squares; the river blocks diagonal moves.`;
        setTimeout(() => {
          if (parsed.stream) {
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            const chunk = (delta: object, finish: string | null) => `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
            res.write(chunk({ role: 'assistant', content: text }, null));
            res.write(chunk({}, 'stop'));
            res.write(`data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [], usage: { prompt_tokens: 1000, completion_tokens: 12 } })}\n\n`);
            res.end('data: [DONE]\n\n');
          } else {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'bench', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 1000, completion_tokens: 12 } }));
          }
          last = performance.now();
        }, LATENCY_MS);
      });
    });
    // Idle keep-alive sockets must outlive a client's pause between requests, or a reused socket
    // is closed under the client (UND_ERR_SOCKET) - a server artefact, not a client cost.
    server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const fetchClient = join(ctx.root, 'bench', 'floor-apps', 'fetch-client.mjs');
    const bodiesFile = join(ctx.tmp, 'bodies.jsonl');
    const clplayRuns: CliResult[] = [];
    const floorRuns: CliResult[] = [];
    let batchMs = 0;
    try {
      for (let pair = 0; pair < PAIRS; pair++) {
        const saves = join(ctx.tmp, `saves-${pair}`);
        first = 0;
        const r = await ctx.runCli(
          ['run', ...ids, '--model', 'bench-model', '--base-url', url, '--concurrency', String(CONCURRENCY), '--scenarios', scenDir, '--saves', saves, '--json'],
          { env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', CI: '1', CLPLAY_CACHE_DIR: join(ctx.tmp, 'cache') } },
        );
        if (r.code !== 0) throw new Error(`clplay run exited ${r.code}: ${r.stderr.slice(-500)}`);
        const summary = JSON.parse(r.stdout) as { tasks: number; errors: number; unplayed: number };
        if (summary.tasks !== TASKS || summary.errors !== 0 || summary.unplayed !== 0) throw new Error(`unexpected summary: ${JSON.stringify(summary)}`);
        if (pair === 0) {
          batchMs = last - first;
          ctx.log(`${TASKS} tasks in ${CONTEXTS} scenarios (${readdirSync(saves).filter((f) => f.endsWith('.json')).length} runs saved), ${requests} requests, mean body ${Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length).toLocaleString('en-US')} bytes`);
          recording = false;
          writeFileSync(bodiesFile, bodies.join('\n') + '\n');
        }
        clplayRuns.push(r);
        rmSync(saves, { recursive: true, force: true });
        const out = join(ctx.tmp, `floor-${pair}.jsonl`);
        const f = await ctx.runNode([fetchClient, bodiesFile, url, String(CONCURRENCY), out]);
        if (f.code !== 0) throw new Error(`the plain-fetch client exited ${f.code}: ${f.stderr.slice(-500)}`);
        floorRuns.push(f);
        rmSync(out, { force: true });
      }
      const ideal = (TASKS * LATENCY_MS) / CONCURRENCY;
      const ratios = (pick: (r: CliResult) => number | null) => median(clplayRuns.map((c, i) => (pick(c) ?? NaN) / (pick(floorRuns[i]!) ?? NaN)));
      ctx.log(`clplay run: ${clplayRuns.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s; plain fetch: ${floorRuns.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s; ideal ${(ideal / 1000).toFixed(2)} s`);
      ctx.ratio('whole command wall time', ratios((r) => r.ms), 1, 'the plain-fetch client (median of pair ratios)', { max: 1.0 });
      ctx.ratio('CPU time per task', ratios((r) => r.cpuMs), 1, 'the plain-fetch client');
      ctx.ratio('peak memory', ratios((r) => r.peakRssMb), 1, 'the plain-fetch client');
      ctx.figure('batch throughput (achieved / ideal), first run', ideal / batchMs, 'x', { min: 0.9 });
      const cpu = median(clplayRuns.map((r) => r.cpuMs ?? NaN));
      ctx.log(`clplay CPU per task ${(cpu / TASKS).toFixed(2)} ms, plain fetch ${(median(floorRuns.map((r) => r.cpuMs ?? NaN)) / TASKS).toFixed(2)} ms`);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  },
};
export default bench;
