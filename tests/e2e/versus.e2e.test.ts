// End to end in a real pseudo-terminal: `clplay play SCENARIO --vs fake-model` against a loopback
// OpenAI-compatible server started here (real HTTP and SSE, the real openai SDK in the child).
// The person answers every task; the model's answer stays hidden until each submission, then
// both answers and both verdict columns; the person overrides a verdict on each side; leaving
// saves two run files linked by one matchId.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { taskStatus, type Verdict } from '../../src/core/grading/verdict.js';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import type { RunRecord } from '../../src/core/runs/types.js';
import { loadLibrary } from '../../src/core/scenario/library.js';
import type { Scenario } from '../../src/core/scenario/schema.js';
import { sanitizeInline } from '../../src/core/text/sanitize.js';
import { STATUS_SYMBOL } from '../../src/ui/theme.js';
import { startFakeOpenAI, type FakeServer } from '../helpers/fake-openai-server.js';
import { CLI, KEYS, PtySession, spawnClplay, tempDirs, type TempDirs } from '../helpers/pty.js';
import { runFiles as savedRuns, waitForRun as waitForSavedRun } from '../helpers/saved-runs.js';

// A bundled English scenario whose tasks all have a reference answer and task 2 a trap answer
// (the shortest such one): the person and the model answer from the scenario itself.
const library = await loadLibrary([BUNDLED_SCENARIOS]);
const PLAYED: Scenario | undefined = library.scenarios
  .filter((s) => s.language.startsWith('en') && s.tasks.length >= 2 && s.tasks.every((t) => t.reference) && (s.tasks[1]!.wrong?.length ?? 0) > 0)
  .sort((a, b) => a.tasks.reduce((n, t) => n + t.reference!.length, 0) - b.tasks.reduce((n, t) => n + t.reference!.length, 0))[0];

const MODEL = 'fake-model';
/** The person: right on task 1, the trap answer on task 2, right after that. */
const personAnswer = (s: Scenario, i: number) => (i === 1 ? s.tasks[1]!.wrong![0]!.answer : s.tasks[i]!.reference!).trimEnd();
/** The model: a trap answer (or nothing useful) on task 1, right on the others. */
const modelAnswer = (s: Scenario, i: number) => `(fake) ${i === 0 ? (s.tasks[0]!.wrong?.[0]?.answer ?? 'I cannot tell.') : s.tasks[i]!.reference!}`.trimEnd();

const HEADLINE = { solved: 'Solved', failed: 'Not solved', pending: 'Pending (some items need a judge)' } as const;
const LABEL = { pass: 'pass', fail: 'fail', pending: 'pending', unscored: 'unscored' } as const;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const col = (v: Verdict) => `${STATUS_SYMBOL[v.status]} ${LABEL[v.status]}`;
const itemStart = (text: string) => escapeRe(sanitizeInline(text).replace(/\s+/g, ' ').slice(0, 12).trimEnd());

let srv: FakeServer;
let dirs: TempDirs;
let p: PtySession | undefined;

beforeAll(async () => {
  if (!PLAYED) throw new Error('no bundled English scenario with references and a trap answer for task 2');
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  srv = await startFakeOpenAI();
  // Which task a request is about: the last user message carries the task's prompt.
  srv.setScript((req) => {
    const last: string = req.body.messages[req.body.messages.length - 1].content;
    const i = PLAYED!.tasks.findIndex((t) => last.includes(t.prompt.trim()));
    return { text: i >= 0 ? modelAnswer(PLAYED!, i) : 'no task found', chunkDelayMs: 2 };
  });
});
afterAll(async () => {
  await srv?.close();
});
afterEach(() => {
  p?.dispose();
  dirs?.cleanup();
});

const runFiles = () => savedRuns(dirs.saves);
const waitForRun = (pred: (r: RunRecord) => boolean, timeoutMs?: number) => waitForSavedRun(dirs.saves, pred, timeoutMs);

const isPerson = (r: RunRecord) => r.player.kind === 'human';
const isModel = (r: RunRecord) => r.player.kind === 'model';

describe('clplay play --vs in a real terminal', () => {
  it('the model answers in the background, hidden until each submission; then both answers and verdicts; the person overrides one verdict per side; two runs, one matchId', async () => {
    const s = PLAYED!;
    const n = s.tasks.length;
    dirs = tempDirs('clplay-e2e-vs-');
    p = spawnClplay(['play', s.id, '--vs', MODEL, '--base-url', srv.url, '--player', 'Ada'], {
      cols: 120,
      rows: 40,
      env: {
        CLPLAY_SAVES: dirs.saves,
        CLPLAY_CONFIG_DIR: dirs.config,
        CLPLAY_CACHE_DIR: join(dirs.root, 'cache'),
        CLPLAY_SCENARIOS: '',
        OPENAI_API_KEY: undefined, // loopback: no key needed
        OPENAI_BASE_URL: undefined,
      },
    });
    await p.ready(`Task 1 of ${n}`, 10_000);
    // the endpoint was probed before the screen opened, and the model is asked task 1 at once
    expect(srv.requests.some((r) => r.method === 'GET' && r.path.endsWith('/models'))).toBe(true);
    await p.waitForText(`${MODEL} has answered`, 8000);
    await p.waitForText('Enter submits');

    const mine: Verdict[][] = [];
    const theirs: Verdict[][] = [];
    for (let i = 0; i < n; i++) {
      const answer = personAnswer(s, i);
      mine.push(gradeByChecks(s.tasks[i]!, answer));
      theirs.push(gradeByChecks(s.tasks[i]!, modelAnswer(s, i)));
      if (i > 0) {
        await p.waitForText(`Task ${i + 1} of ${n}`);
        await p.waitForText('Enter submits');
      }
      // hidden until the person submits: the model's text never reached the terminal
      expect(p.raw).not.toContain(modelAnswer(s, i).split('\n')[0]!.slice(0, 30));
      p.paste(answer);
      await waitForRun((r) => isPerson(r) && r.tasks[i]?.draft === answer);
      p.write(KEYS.enter);
      const screen = await p.waitForText(`${MODEL}: ${HEADLINE[taskStatus(theirs[i]!)]}`, 8000);
      expect(screen).toContain(`You: ${HEADLINE[taskStatus(mine[i]!)]}`);
      expect(screen).toMatch(new RegExp(`\\[you\\] +${escapeRe(MODEL)} +rubric item`)); // [you]: whose verdicts the keys change
      // both verdict columns, item by item, and both answers side by side
      const r0 = s.tasks[i]!.rubric[0]!;
      expect(screen).toMatch(new RegExp(`${escapeRe(col(mine[i]![0]!))} +${escapeRe(col(theirs[i]![0]!))} +${itemStart(r0.text)}`));
      expect(screen).toMatch(new RegExp(`Your answer: +│ ${escapeRe(MODEL)}'s answer:`));
      expect(screen).toContain('(fake)');

      if (i === 0) {
        // Person as judge: to the first (checked) item, flip the person's verdict...
        await p.type('kkkkkkkk', 30);
        // The cursor row must be item 1 itself: several items can show the same verdicts.
        const first = new RegExp(`▸ ${escapeRe(col(mine[0]![0]!))} +${escapeRe(col(theirs[0]![0]!))} +${itemStart(s.tasks[0]!.rubric[0]!.text)}`);
        await p.waitFor((x) => first.test(x), 8000, 'the cursor on item 1');
        const flip = mine[0]![0]!.status === 'pass' ? 'fail' : 'pass';
        p.write(flip === 'pass' ? '+' : '-');
        await p.waitForText(`Ada overrode ${mine[0]![0]!.status} (check) with ${flip}`);
        const saved = await waitForRun((r) => isPerson(r) && r.tasks[0]!.verdicts[0]!.by === 'person:Ada');
        expect(saved.tasks[0]!.verdicts[0]).toMatchObject({ status: flip, previous: [{ status: mine[0]![0]!.status, by: 'check' }] });
        expect(Date.parse(saved.tasks[0]!.verdicts[0]!.at!)).toBeGreaterThan(Date.parse(saved.startedAt));
        mine[0]![0] = { ...mine[0]![0]!, status: flip };
        // ...then Tab to the model's side and flip its verdict of the same item
        p.write(KEYS.tab);
        await p.waitForText(`[${MODEL}]`);
        const flipModel = theirs[0]![0]!.status === 'pass' ? 'fail' : 'pass';
        p.write(flipModel === 'pass' ? '+' : '-');
        await p.waitForText(`${MODEL}: person:Ada: Ada overrode`);
        const model = await waitForRun((r) => isModel(r) && r.tasks[0]!.verdicts[0]!.by === 'person:Ada');
        expect(model.tasks[0]!.verdicts[0]).toMatchObject({ status: flipModel, previous: [{ status: theirs[0]![0]!.status, by: 'check' }] });
        theirs[0]![0] = { ...theirs[0]![0]!, status: flipModel };
        p.write(KEYS.tab); // back to judging the person's items
        await p.waitForText('[you]');
      }
      p.write(KEYS.enter);
    }

    const summary = await p.waitForText(`Versus ${MODEL}`, 8000);
    const solved = theirs.filter((v) => taskStatus(v) === 'solved').length;
    expect(summary).toContain(`${MODEL}: solved ${solved} of ${n} tasks`);
    p.write('q');
    expect(await p.waitForExit(8000)).toBe(0);

    const runs = runFiles();
    expect(runs).toHaveLength(2);
    const person = runs.find(isPerson)!;
    const model = runs.find(isModel)!;
    expect(person.matchId).toMatch(/^m-[0-9a-f]+$/);
    expect(model.matchId).toBe(person.matchId);
    expect(person.status).toBe('finished');
    expect(model.status).toBe('finished');
    expect(model.player).toEqual({ kind: 'model', model: MODEL, baseUrl: srv.url, params: {} });
    expect(person.tasks.map((t) => t.answer)).toEqual(s.tasks.map((_, i) => personAnswer(s, i)));
    expect(model.tasks.map((t) => t.answer)).toEqual(s.tasks.map((_, i) => modelAnswer(s, i)));
    expect(person.tasks.map((t) => t.status)).toEqual(mine.map((v) => taskStatus(v)));
    expect(model.tasks.map((t) => t.status)).toEqual(theirs.map((v) => taskStatus(v)));
    // no key was ever written: there was none (loopback), and no placeholder either
    for (const f of readdirSync(dirs.saves)) expect(readFileSync(join(dirs.saves, f), 'utf8')).not.toContain('clplay-no-key');
  });
});
