// Floor for the headless client: a bare OpenAI-compatible client with fetch. It sends the bodies
// in a JSONL file (the exact bodies clplay sent, recorded by the bench server) to URL with
// CONCURRENCY requests in flight, reads every reply whole and appends it to OUT, as upstream
// infer.py does. `clplay run` is reported as a ratio to this program, measured in the same run.
//   node fetch-client.mjs BODIES.jsonl URL CONCURRENCY OUT.jsonl
import { appendFileSync, readFileSync } from 'node:fs';

const [bodiesFile, url, concurrency, out] = process.argv.slice(2);
const bodies = readFileSync(bodiesFile, 'utf8').split('\n').filter(Boolean);
let next = 0;
async function worker() {
  while (next < bodies.length) {
    const body = bodies[next++];
    // Two tries, as a real client (and the openai SDK) retries a dropped connection.
    let res;
    let reply;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body });
        reply = await res.text();
        break;
      } catch (err) {
        if (attempt >= 2) throw err;
      }
    }
    appendFileSync(out, JSON.stringify({ status: res.status, reply }) + '\n');
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
