// End to end in a real pseudo-terminal: the built clplay (dist/clplay.js; `npm test` builds it
// first), driven by keys, read back from a headless xterm screen.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { taskStatus } from '../../src/core/grading/verdict.js';
import { BUNDLED_SCENARIOS } from '../../src/core/paths.js';
import type { RunRecord } from '../../src/core/runs/types.js';
import { loadLibrary } from '../../src/core/scenario/library.js';
import type { Scenario } from '../../src/core/scenario/schema.js';
import { sanitize, sanitizeInline } from '../../src/core/text/sanitize.js';
import { STATUS_SYMBOL } from '../../src/ui/theme.js';
import { CLI, KEYS, PtySession, spawnClplay, tempDirs, type TempDirs } from '../helpers/pty.js';
import { runFiles as savedRuns, waitForRun as waitForSavedRun } from '../helpers/saved-runs.js';

// The scenario played: the bundled example if it is there, else the bundled English scenario
// with the shortest answers. Answers come from the scenario itself (task 2 gets a prior-knowledge
// trap answer, the others the reference), and the verdicts expected from the grading code.
const library = await loadLibrary([BUNDLED_SCENARIOS]);
const playable = library.scenarios
  .filter((s) => s.language.startsWith('en') && s.tasks.length >= 2 && s.tasks.every((t) => t.reference) && (s.tasks[1]!.wrong?.length ?? 0) > 0)
  .sort((a, b) => answerChars(a) - answerChars(b));
const PLAYED: Scenario = playable.find((s) => s.id === (process.env.CLPLAY_E2E_SCENARIO || 'tidewater-rulebook')) ?? playable[0]!;
const SCENARIO = PLAYED?.id;

function answerChars(s: Scenario): number {
  return s.tasks.reduce((n, t) => n + (t.reference?.length ?? 0), 0);
}

const STATUS_HEADLINE = { solved: 'Solved', failed: 'Not solved', pending: 'Pending (some items need a judge)' } as const;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A line as the Markdown reader draws it: heading marks and emphasis marks are not shown. */
const drawn = (line: string) => sanitize(line.trim()).replace(/^#{1,6}\s+/, '').replace(/\*\*|`/g, '');
/** The first non-empty line, cut short (the reader shows it on one row). */
const firstLine = (text: string) => drawn(text.split('\n').find((l) => l.trim())!).slice(0, 24);
const lastLine = (text: string) => drawn(text.trimEnd().split('\n').at(-1)!).slice(0, 24);
/** The start of a text as a one-row listing shows it. */
const oneRowStart = (text: string) => sanitizeInline(text.trim()).replace(/\s+/g, ' ').slice(0, 16).trimEnd();
/** A word of the context to search for. */
function searchWord(text: string): string {
  const words = text.slice(Math.floor(text.length / 3)).match(/[A-Za-z]{6,}/g) ?? ['the'];
  return words[0]!.toLowerCase();
}

let dirs: TempDirs;
const sessions: PtySession[] = [];

function start(args: string[], o: { cols?: number; rows?: number; env?: Record<string, string> } = {}): PtySession {
  const p = spawnClplay(args, {
    cols: o.cols ?? 80,
    rows: o.rows ?? 24,
    env: { CLPLAY_SAVES: dirs.saves, CLPLAY_CONFIG_DIR: dirs.config, CLPLAY_CACHE_DIR: join(dirs.root, 'cache'), CLPLAY_SCENARIOS: '', ...o.env },
  });
  sessions.push(p);
  return p;
}

const runFiles = () => savedRuns(dirs.saves);
const waitForRun = (pred: (r: RunRecord) => boolean, timeoutMs?: number) => waitForSavedRun(dirs.saves, pred, timeoutMs);

/**
 * Types like a person, one key at a time, then waits until the end of the text is on screen. (A
 * busy machine may still deliver several keys in one read - the app then sees them as one chunk,
 * so a command key such as Enter is only sent once the text before it has arrived.)
 */
async function typeSlowly(p: PtySession, text: string): Promise<void> {
  await p.type(text, 25);
  const tail = text.slice(-6);
  if (tail.trim()) await p.waitForText(tail, 5000);
}

/** The reader's search prompt is open (its status line starts with "/"). */
function searchPromptOpen(screen: string): boolean {
  return screen.split('\n').some((l) => /^\/\S*\s*$/.test(l));
}

/** No screen row may be used in the terminal's last row (the app keeps its root at rows - 1). */
function lastRowEmpty(p: PtySession): boolean {
  const lines = p.lines();
  return lines[lines.length - 1]!.trim() === '';
}

beforeAll(() => {
  if (!PLAYED) throw new Error('no bundled English scenario with references and a trap answer for task 2');
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});

afterEach(() => {
  while (sessions.length) sessions.pop()!.dispose();
  dirs?.cleanup();
});

describe('clplay play in a real terminal', () => {
  it('journey 1: reads, scrolls, searches, answers every task (right and wrong), sees verdicts and the summary, and saves the run', async () => {
    dirs = tempDirs();
    const n = PLAYED.tasks.length;
    const p = start(['play', PLAYED.id, '--player', 'Ada']);
    let screen = await p.ready(`Task 1 of ${n}`);
    expect(screen).toContain(firstLine(PLAYED.context));
    expect(screen).toMatch(/lines 1-\d+ of \d+/);
    expect(lastRowEmpty(p)).toBe(true);

    // the editor has focus first (its bar is inverse); Tab gives it to the reader
    expect(screen).toContain('▶ Your answer');
    p.write(KEYS.tab);
    await p.waitForText('▶ lines');
    // scroll the reader: down a page, to the end, back to the top
    p.write(KEYS.pageDown);
    await p.waitFor((s) => !/lines 1-/.test(s), 3000, 'the reader to scroll');
    p.write('G');
    screen = await p.waitForText('100%');
    expect(screen).toContain(lastLine(PLAYED.context));
    p.write('g');
    await p.waitForText(/lines 1-/);

    // search
    const word = searchWord(PLAYED.context);
    p.write('/');
    await p.waitFor(searchPromptOpen, 5000, 'the search prompt');
    await typeSlowly(p, word);
    p.write(KEYS.enter);
    await p.waitForText(new RegExp(`"${word}" 1/\\d+`));

    // every task: the first right (typed), the second wrong (pasted), the rest right (pasted)
    const answers = PLAYED.tasks.map((t, i) => (i === 1 ? t.wrong![0]!.answer : t.reference!).trimEnd());
    const expected = PLAYED.tasks.map((t, i) => taskStatus(gradeByChecks(t, answers[i]!)));
    expect(expected[0]).not.toBe('failed');
    expect(expected[1]).toBe('failed');
    p.write(KEYS.tab);
    await p.waitForText('Enter submits');
    for (let i = 0; i < n; i++) {
      const task = PLAYED.tasks[i]!;
      const answer = answers[i]!;
      if (i > 0) {
        screen = await p.waitForText(`Task ${i + 1} of ${n}`);
        expect(screen).toContain(`${i}. ${oneRowStart(answers[i - 1]!)}`); // the earlier answer is listed
        await p.waitForText('Enter submits'); // focus stays on the editor
      }
      if (i === 0 && answer.length <= 200) {
        const lines = answer.split('\n');
        for (let k = 0; k < lines.length; k++) {
          if (k > 0) p.write(KEYS.ctrlJ);
          await typeSlowly(p, lines[k]!);
        }
      } else {
        p.paste(answer);
      }
      // The whole answer is in the editor once its draft is saved (text on screen could also be
      // in the context); only then Enter, so it cannot arrive inside the paste.
      await waitForRun((r) => r.tasks[i]?.draft === answer);
      p.write(KEYS.enter);
      screen = await p.waitForText('Rubric:');
      const verdicts = gradeByChecks(task, answer);
      expect(screen).toContain(STATUS_HEADLINE[expected[i]!]);
      expect(screen).toContain(`${verdicts.filter((v) => v.status === 'pass').length} of ${verdicts.length} items passed`);
      const v0 = verdicts[0]!;
      expect(screen).toMatch(new RegExp(`${STATUS_SYMBOL[v0.status]} ${v0.status} +${escapeRe(oneRowStart(task.rubric[0]!.text))}`));
      expect(screen).toContain(i === n - 1 ? 'Enter: the summary' : 'Enter: next task');
      p.write(KEYS.enter);
    }

    screen = await p.waitForText('Summary');
    const solved = expected.filter((x) => x === 'solved').length;
    const pending = expected.filter((x) => x === 'pending').length;
    expect(screen).toContain(`Solved ${solved} of ${n} tasks${pending ? ` (${pending} pending a judge)` : ''}`);
    expect(screen).toMatch(new RegExp(`${escapeRe(PLAYED.tasks[1]!.id.slice(0, 20))}.* ✗ failed`));
    expect(screen).toContain('On this scenario');
    expect(lastRowEmpty(p)).toBe(true);
    p.write('q');
    expect(await p.waitForExit(5000)).toBe(0);

    const runs = runFiles();
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.status).toBe('finished');
    expect(run.scenarioId).toBe(PLAYED.id);
    expect(run.player).toEqual({ kind: 'human', name: 'Ada' });
    expect(run.reveal).toBe('task');
    expect(run.tasks.map((t) => t.status)).toEqual(expected);
    expect(run.tasks.map((t) => t.answer)).toEqual(answers);
    expect(run.tasks[0]!.searches).toEqual([word]);
    expect(run.tasks[0]!.linesSeenFraction).toBeGreaterThan(0);
    expect(run.tasks[0]!.seen!.length).toBeGreaterThanOrEqual(2); // the top and the end
    expect((run.tasks[1]!.pastes ?? []).reduce((k, x) => k + x.chars, 0)).toBe([...answers[1]!].length);
    for (const t of run.tasks) {
      expect(t.submittedAt).toBeTruthy();
      expect(t.draft).toBeUndefined();
      expect(t.wallMs).toBeGreaterThan(0);
      expect(t.activeMs).toBeGreaterThan(0);
      expect(t.activeMs!).toBeLessThanOrEqual(t.wallMs!);
      expect(t.edits).toBeGreaterThan(0);
      expect(t.verdicts.length).toBeGreaterThan(0);
    }
  });

  it('journey 2: killed mid-answer, the run is offered again with its draft, and can be finished', async () => {
    dirs = tempDirs();
    let p = start(['play', SCENARIO, '--player', 'Bo', '--reveal', 'end']);
    await p.ready(`Task 1 of ${PLAYED.tasks.length}`);
    await p.waitForText('Enter submits');
    await typeSlowly(p, 'Half of 161');
    // the draft is saved ~500 ms after typing stops
    await waitForRun((r) => r.tasks[0]?.draft === 'Half of 161');
    p.kill('SIGKILL');
    await p.waitForExit(5000);

    // `clplay play SCENARIO` offers the unfinished run
    p = start(['play', SCENARIO, '--player', 'Bo']);
    let screen = await p.ready('unfinished run');
    expect(screen).toContain(`0 of ${PLAYED.tasks.length} tasks answered`);
    expect(screen).toContain('saved draft');
    p.write('y');
    screen = await p.waitForText(`Task 1 of ${PLAYED.tasks.length}`);
    expect(screen).toContain('Half of 161');
    // leave safely: Ctrl+C asks first
    p.write(KEYS.ctrlC);
    await p.waitForText('Leave clplay?');
    p.write('n');
    await p.waitForGone('Leave clplay?');
    p.write(KEYS.ctrlC);
    await p.waitForText('Leave clplay?');
    p.write('y');
    expect(await p.waitForExit(5000)).toBe(0);

    // the home screen offers it first, as "continue"
    p = start([], { env: {} });
    // no name in the settings yet: --player was only for those runs; give the name now
    await p.ready('What name');
    await typeSlowly(p, 'Bo');
    p.write(KEYS.enter);
    screen = await p.waitForText('Continue:');
    expect(screen).toContain(`▸ ↻ Continue: ${PLAYED.title.slice(0, 16)}`);
    p.write(KEYS.enter);
    screen = await p.waitForText(`Task 1 of ${PLAYED.tasks.length}`);
    expect(screen).toContain('Half of 161');
    await p.waitForText('Enter submits');
    p.write(KEYS.end);
    await typeSlowly(p, ' is 80.5, so Answer: 81 marks');
    p.write(KEYS.enter);
    // --reveal end (kept from the run): no verdicts now, straight to task 2
    screen = await p.waitForText(`Task 2 of ${PLAYED.tasks.length}`);
    expect(screen).not.toContain('Rubric:');

    const run = await waitForRun((r) => r.tasks[0]?.submittedAt !== undefined);
    expect(runFiles()).toHaveLength(1);
    expect(run.reveal).toBe('end');
    expect(run.tasks[0]!.answer).toBe('Half of 161 is 80.5, so Answer: 81 marks');
    const closed = (run.tasks[0]!.pauses ?? []).filter((x) => x.kind === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(2); // the crash, and the quit
    const pausedMs = (run.tasks[0]!.pauses ?? []).reduce((n, x) => n + x.ms, 0);
    expect(run.tasks[0]!.activeMs! + pausedMs).toBe(run.tasks[0]!.wallMs);
    p.write(KEYS.ctrlC);
    await p.waitForText('Leave clplay?');
    p.write('y');
    expect(await p.waitForExit(5000)).toBe(0);
  });

  it('journey 3: first launch asks for the name, then the home screen lists scenarios (60 columns, CJK)', async () => {
    dirs = tempDirs();
    const extra = join(dirs.root, 'more');
    mkdirSync(extra, { recursive: true });
    writeFileSync(join(extra, 'cjk.yaml'), CJK_SCENARIO);
    const p = start([], { cols: 60, rows: 20, env: { CLPLAY_SCENARIOS: extra } });
    let screen = await p.ready('What name');
    expect(screen).toContain('Welcome to clplay');
    await typeSlowly(p, 'Cleo');
    p.write(KEYS.enter);
    screen = await p.waitForText('playing as Cleo');
    expect(screen).toContain(PLAYED.title.slice(0, 20));
    expect(screen).toContain('港口税则');
    expect(lastRowEmpty(p)).toBe(true);
    for (const line of p.lines()) expect(line.length).toBeLessThanOrEqual(60);
    const settings = JSON.parse(readFileSync(join(dirs.config, 'config.json'), 'utf8'));
    expect(settings.player.name).toBe('Cleo');

    // the category filter narrows the list
    p.write('c');
    await p.waitForText(/Category: (?!All)/);

    // open the Chinese scenario and check its context is drawn with wide characters
    p.write('C');
    await p.waitForText('All categories');
    // One j at a time, each waited for on screen (frames are drawn at most 30 times a second).
    const selectedRow = () => p.lines().find((l) => l.startsWith('▸'));
    for (let i = 0; i < 12 && !/▸ .*港口税则/.test(p.screen()); i++) {
      const before = selectedRow();
      p.write('j');
      await p.waitFor(() => selectedRow() !== before, 3000, 'the selection to move');
    }
    expect(p.screen()).toMatch(/▸ .*港口税则/);
    p.write(KEYS.enter);
    screen = await p.waitForText('Task 1 of 1', 5000);
    expect(screen).toContain('第一条');
    expect(lastRowEmpty(p)).toBe(true);
    // wide characters: no row wider than the terminal (xterm would wrap it onto the next row)
    const row = p.lines().find((l) => l.includes('第一条'))!;
    expect(row).toBeTruthy();

    // resize: re-wraps to the new width, root stays within rows - 1
    p.resize(100, 24);
    await p.waitFor((s) => s.split('\n').some((l) => l.includes('│')), 3000, 'side-by-side layout');
    expect(lastRowEmpty(p)).toBe(true);
    p.write(KEYS.ctrlC);
    await p.waitForText('Leave clplay?');
    p.write('y');
    expect(await p.waitForExit(5000)).toBe(0);
  });

  it('NO_COLOR: no colour codes, the meaning stays in symbols', async () => {
    dirs = tempDirs();
    const p = start(['play', SCENARIO, '--player', 'Eve'], { env: { NO_COLOR: '1' } });
    await p.ready(`Task 1 of ${PLAYED.tasks.length}`);
    await p.waitForText('Enter submits');
    await typeSlowly(p, 'no idea');
    await waitForRun((r) => r.tasks[0]?.draft === 'no idea');
    p.write(KEYS.enter);
    await p.waitForText('Rubric:');
    expect(p.screen()).toMatch(/✗ fail/);
    // SGR colour parameters: 30-39, 40-49, 90-97, 100-107 (bold, inverse etc. stay)
    const colours = [...p.raw.matchAll(/\x1b\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(';')).filter((x) => /^(3\d|4\d|9[0-7]|10[0-7])$/.test(x));
    expect(colours).toEqual([]);
  });

  it('SIGTERM saves the draft before leaving', async () => {
    dirs = tempDirs();
    const p = start(['play', SCENARIO, '--player', 'Di']);
    await p.ready(`Task 1 of ${PLAYED.tasks.length}`);
    await p.waitForText('Enter submits');
    await p.type('unsaved', 25);
    await p.waitForText('unsaved');
    p.kill('SIGTERM'); // at once: the debounced draft save has not happened yet
    expect(await p.waitForExit(5000)).toBe(143);
    const run = runFiles()[0]!;
    expect(run.tasks[0]!.draft).toBe('unsaved');
    expect(run.status).toBe('in-progress');
  });

  it('refuses to start without a terminal (exit 2, one line)', () => {
    dirs = tempDirs();
    for (const args of [['play', SCENARIO], []]) {
      const r = spawnSync(process.execPath, [CLI, ...args], {
        input: '',
        encoding: 'utf8',
        env: { ...process.env, CLPLAY_SAVES: dirs.saves, CLPLAY_CONFIG_DIR: dirs.config, CLPLAY_CACHE_DIR: join(dirs.root, 'cache') },
      });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([
        'clplay: clplay needs an interactive terminal; run it in a terminal, or use `clplay list` / `clplay check` for scripts',
      ]);
    }
  });
});

const CJK_SCENARIO = `id: cjk-harbour
title: 港口税则 (测试)
category: rule-system-application
subcategory: 法规
origin: fictional
language: zh-Hans
estimatedMinutes: 3
context: |
  # 港口税则

  第一条：每艘船每米船长缴纳七马克。这是一段很长的中文句子，用来检查宽字符在窄终端中的换行是否正确，不会超出屏幕宽度。🚢⚓
tasks:
  - id: t1
    prompt: 一艘十米长的船要缴多少马克？
    rubric:
      - text: 答案为七十马克。
        check: { type: number, value: 70 }
`;
