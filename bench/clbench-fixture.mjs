// A CL-bench-shaped JSONL of the real data set's size, generated (clplay ships no CL-bench rows):
// 1,899 rows over 500 contexts, sequential chains (row k = row k-1 + given answer + next task),
// row length (all message characters) about 42,000 on average, the largest 320,000; about 16
// rubric items per task, some as { rubric_criteria } objects. Deterministic (seeded).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  ['Domain Knowledge Reasoning', ['Humanities', 'Management', 'Healthcare', 'Finance', 'Science', 'Legal Advisory', 'Lifestyle']],
  ['Rule System Application', ['Technical Standards', 'Game Mechanics', 'Legal & Regulatory', 'Mathematical Formalism', 'Programming Syntax']],
  ['Procedural Task Execution', ['Workflow Orchestration', 'Operational Procedures', 'Instructional Procedures']],
  ['Empirical Discovery & Simulation', ['Observational Data', 'Simulation Environment', 'Experimental Data']],
];

export async function writeClbenchLike(path, opts = {}) {
  const rows = opts.rows ?? 1899;
  const contexts = opts.contexts ?? 500;
  const meanChars = opts.meanChars ?? 42_000;
  const maxChars = opts.maxChars ?? 320_000;
  const rand = mulberry32(opts.seed ?? 20260203);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

  // A pool of prose to slice contexts from (escapes and non-ASCII included on purpose).
  const syll = ['ka', 'lo', 'mir', 'sen', 'tal', 'vo', 'ren', 'qua', 'dis', 'el', 'or', 'un', 'bre', 'thi', 'gos'];
  const words = Array.from({ length: 600 }, () => Array.from({ length: int(1, 4) }, () => syll[int(0, syll.length - 1)]).join(''));
  const extras = ['"quoted"', 'café', '—', '“rule”', '\t', '§4.2', '½', 'naïve'];
  const pieces = [];
  let poolLen = 0;
  while (poolLen < maxChars + 50_000) {
    const n = int(8, 24);
    const s = [];
    for (let i = 0; i < n; i++) s.push(rand() < 0.03 ? extras[int(0, extras.length - 1)] : words[int(0, words.length - 1)]);
    let sentence = s.join(' ') + '. ';
    if (rand() < 0.12) sentence += '\n\n';
    pieces.push(sentence);
    poolLen += sentence.length;
  }
  const pool = pieces.join('');
  const text = (len) => {
    const start = int(0, pool.length - len - 1);
    return pool.slice(start, start + len);
  };

  // Chain lengths: 1..12, summing to `rows`.
  const lengths = Array.from({ length: contexts }, () => Math.min(12, 1 + Math.floor(-Math.log(1 - rand()) * 2.8)));
  let sum = lengths.reduce((a, b) => a + b, 0);
  while (sum < rows) {
    const i = int(0, contexts - 1);
    if (lengths[i] < 12) {
      lengths[i]++;
      sum++;
    }
  }
  while (sum > rows) {
    const i = int(0, contexts - 1);
    if (lengths[i] > 1) {
      lengths[i]--;
      sum--;
    }
  }

  const SYSTEM = 'You are a careful assistant. Answer only from the material the user gives you; if it does not say, say so.';
  const GIVEN = 1_200;
  const PROMPT = 250;
  const turn = GIVEN + PROMPT;
  // Context sizes: log-normal spread, the largest chosen so its longest row is maxChars, the rest
  // scaled so the mean row length is meanChars.
  const weights = lengths.map(() => Math.exp((rand() - 0.5) * 2.2));
  const big = lengths.findIndex((l) => l === 1) >= 0 ? lengths.findIndex((l) => l === 1) : 0;
  const ctx = new Array(contexts).fill(0);
  ctx[big] = maxChars - SYSTEM.length - (lengths[big] - 1) * turn;
  const history = lengths.reduce((a, l) => a + (turn * l * (l - 1)) / 2, 0);
  let budget = meanChars * rows - history - rows * SYSTEM.length - lengths[big] * ctx[big];
  let weighted = 0;
  lengths.forEach((l, i) => i !== big && (weighted += l * weights[i]));
  for (let i = 0; i < contexts; i++) {
    if (i !== big) ctx[i] = Math.max(1_500, Math.min(Math.round((budget / weighted) * weights[i]), Math.floor(ctx[big] * 0.8)));
  }

  const out = createWriteStream(path);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let total = 0;
  let longest = 0;
  let n = 0;
  let rubricItems = 0;
  for (let c = 0; c < contexts; c++) {
    const [category, subs] = CATEGORIES[c % CATEGORIES.length];
    const sub = subs[int(0, subs.length - 1)];
    const contextId = uuid();
    const question = `\n\nQuestion: using only the material above, what does rule ${int(1, 99)} require of the ${words[int(0, 599)]}?`;
    const header = `# ${words[int(0, 599)]} ${words[int(0, 599)]} handbook (context ${c + 1})\n\n`;
    const first = header + text(Math.max(200, ctx[c] - header.length - question.length)) + question;
    const messages = [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: first },
    ];
    let rowChars = SYSTEM.length + first.length;
    for (let k = 1; k <= lengths[c]; k++) {
      if (k > 1) {
        const given = `Answer: ${text(GIVEN - 8)}`;
        const prompt = `Follow-up ${k}: ${text(PROMPT - 14)}`;
        messages.push({ role: 'assistant', content: given }, { role: 'user', content: prompt });
        rowChars += given.length + prompt.length;
      }
      const items = int(6, 27);
      rubricItems += items;
      const rubrics = Array.from({ length: items }, (_, i) => {
        const t = `The response should state that the ${words[int(0, 599)]} ${words[int(0, 599)]} is ${int(1, 9000)} (item ${i + 1}).`;
        return i % 5 === 4 ? { rubric_criteria: t } : t;
      });
      await write(JSON.stringify({ messages, rubrics, metadata: { task_id: uuid(), context_id: contextId, context_category: category, sub_category: sub } }) + '\n');
      n++;
      total += rowChars;
      longest = Math.max(longest, rowChars);
    }
  }
  out.end();
  await once(out, 'finish');
  return { rows: n, contexts, rubricItems, meanChars: total / n, maxChars: longest };
}
