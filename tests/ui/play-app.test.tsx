// The play app's screens with ink-testing-library: layout by width, focus, empty-answer
// confirmation, pause, help from the key table, reveal modes, drafts saved while typing, the safe
// Ctrl+C, sanitized scenario text, the home screen and the summary's comparison table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import type { AppDeps, RunSaver } from '../../src/ui/app-context.js';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { newHumanRun } from '../../src/core/play/session.js';
import { acquireLock, describeOwner, type LockOwner } from '../../src/core/runs/lock.js';
import { RunStore } from '../../src/core/runs/store.js';
import type { RunRecord } from '../../src/core/runs/types.js';
import type { Scenario } from '../../src/core/scenario/schema.js';
import { KEYS, renderWithKeys, tick, waitForFrame } from './ink-helpers.js';

const CTRL_C = '\x03';
const CTRL_P = '\x10';
const CTRL_T = '\x14';

function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    id: 'quarry',
    title: 'The Quarry Signals',
    category: 'rule-system-application',
    subcategory: 'Safety',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 5,
    context: ['# Quarry rules', '', 'Rule 1: green means STOP in this quarry.', '', ...Array.from({ length: 60 }, (_, i) => `Filler line ${i + 1} about gravel.`), '', '## Appendix', 'Rule 9: a blue flag means blasting.'].join('\n'),
    tasks: [
      { id: 'green', prompt: 'What does a green light mean?', rubric: [{ text: 'Says stop.', check: { type: 'regex', pattern: '\\bstop\\b', flags: 'i' } }] },
      { id: 'blue', prompt: 'What does a blue flag mean?', rubric: [{ text: 'Says blasting.', check: { type: 'includes', value: 'blasting' } }, { text: 'Explains why.' }] },
    ],
    path: '/tmp/quarry.yaml',
    hash: 'hash-1',
    ...over,
  };
}

interface MemStore extends RunSaver {
  runs: Map<string, RunRecord>;
  saves: RunRecord[];
}

function memStore(initial: RunRecord[] = []): MemStore {
  const clone = (r: RunRecord) => JSON.parse(JSON.stringify(r)) as RunRecord;
  const runs = new Map(initial.map((r) => [r.id, clone(r)]));
  const saves: RunRecord[] = [];
  return {
    runs,
    saves,
    async create(r) {
      if (runs.has(r.id)) throw new Error('exists');
      runs.set(r.id, clone(r));
    },
    async save(r) {
      saves.push(clone(r));
      runs.set(r.id, clone(r));
    },
    async list() {
      return { runs: [...runs.values()].map(clone), problems: [] };
    },
  };
}

let ids = 0;
function deps(over: Partial<AppDeps> = {}): AppDeps {
  const s = over.scenarios?.[0] ?? scenario();
  return {
    scenarios: [s],
    store: memStore(),
    player: 'Ada',
    reveal: 'task',
    start: { screen: 'play', scenario: s },
    grade: (task, answer) => gradeByChecks(task, answer),
    newRunId: () => `run-${++ids}`,
    size: { columns: 100, rows: 30 },
    draftDelayMs: 30,
    ...over,
  };
}

const mounted: { unmount: () => void }[] = [];
function mount(d: AppDeps) {
  // Through clplay's keypress layer, as in the terminal (one key per read, bracketed pastes).
  const r = renderWithKeys(<App deps={d} />, d.size);
  mounted.push(r);
  return r;
}
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount();
});

/**
 * Keys one by one, each given time to be handled (a lone Esc needs longer). A screen's key
 * handlers attach just after its first frame is drawn, so the first key waits a moment too.
 */
async function keys(stdin: { write: (s: string) => void }, ...list: string[]): Promise<void> {
  await tick(30);
  for (const k of list) {
    stdin.write(k);
    await tick(k === KEYS.escape ? 60 : 15);
  }
}

async function typeText(stdin: { write: (s: string) => void }, text: string): Promise<void> {
  await tick(30);
  for (const ch of text) {
    stdin.write(ch);
    await tick(2);
  }
  await tick(15);
}

const plain = (f: string) => f.replace(/\x1b\[[0-9;]*m/g, '');
const rowsOf = (f: string) => plain(f).split('\n');

describe('play screen', () => {
  it('draws reader and task side by side at 100 columns, within rows - 1', async () => {
    const { lastFrame } = mount(deps());
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2')));
    expect(f).toContain('Quarry rules');
    expect(f).toContain('What does a green light mean?');
    expect(f).toMatch(/Task 1\/2 · ⏱ 0:0\d/);
    const rows = rowsOf(f);
    expect(rows.length).toBeLessThanOrEqual(29);
    expect(rows.filter((r) => r.includes('│')).length).toBeGreaterThan(10);
    expect(rows.find((r) => r.includes('Quarry rules'))).toMatch(/Quarry rules.*│Task 1 of 2/);
  });

  it('stacks reader over task below 100 columns, and keeps every row within 60 columns', async () => {
    const { lastFrame } = mount(deps({ size: { columns: 60, rows: 24 } }));
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2')));
    const rows = rowsOf(f);
    expect(rows.length).toBeLessThanOrEqual(23);
    expect(rows.some((r) => /^─{20,}/.test(r))).toBe(true);
    expect(rows.some((r) => r.includes('│'))).toBe(false);
    for (const r of rows) expect([...r].length).toBeLessThanOrEqual(60);
    expect(rows.findIndex((r) => r.includes('Quarry rules'))).toBeLessThan(rows.findIndex((r) => r.includes('Task 1 of 2')));
  });

  it('the editor has focus when a task opens: typing lands in the answer; PgDn still scrolls the reader from there', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'jk ');
    expect(plain(lastFrame()!)).toMatch(/lines 1-\d+ of/);
    await keys(stdin, KEYS.pageDown);
    const f = plain(await waitForFrame(lastFrame, (x) => !/lines 1-/.test(plain(x))));
    expect(f).toContain('jk'); // typed into the answer, not taken as reader keys
  });

  it('Tab gives the reader focus (its bar shows it); a key the reader has no use for goes to the answer, with focus', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await keys(stdin, KEYS.tab, 'j');
    let f = plain(await waitForFrame(lastFrame, (x) => x.includes('▶ lines')));
    expect(f).toContain('Your answer (Tab, or just type)');
    // j scrolled the reader; T is no reader key: it starts the answer and moves focus there.
    await keys(stdin, 'T', 'h', 'e');
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('Enter submits')));
    expect(f).toContain('The');
    expect(f).not.toContain('▶ lines');
  });

  it('keys in one read are handled one by one: Tab then ten j scroll the reader ten rows', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await keys(stdin, `${KEYS.tab}${'j'.repeat(10)}`);
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('▶ lines')));
    expect(f).toMatch(/▶ lines 11-/);
  });

  it('Ctrl+S searches the context from the editor, and Enter brings focus back to the answer', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await keys(stdin, '\x13');
    await waitForFrame(lastFrame, (x) => plain(x).split('\n').some((l) => l.startsWith('/')));
    await typeText(stdin, 'green');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => /"green" 1\/\d/.test(plain(x)) && x.includes('Enter submits'));
    await typeText(stdin, 'ok');
    expect(plain(lastFrame()!)).toMatch(/ok/);
  });

  it('asks before submitting an empty answer', async () => {
    const d = deps();
    const { lastFrame, stdin } = mount(d);
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Submit an empty answer?'));
    await keys(stdin, 'n');
    await waitForFrame(lastFrame, (x) => !x.includes('Submit an empty answer?'));
    const store = d.store as MemStore;
    expect([...store.runs.values()][0]!.tasks[0]!.submittedAt).toBeUndefined();
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Submit an empty answer?'));
    await keys(stdin, 'y');
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Rubric:')));
    expect(f).toContain('Not solved');
    expect(f).toContain('no answer given');
  });

  it('pause stops the clock and hides the context and the task', async () => {
    let now = 1_000_000;
    const d = deps({ now: () => now });
    const { lastFrame, stdin } = mount(d);
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await tick(30); // the clock starts just after the first frame
    now += 5000;
    await keys(stdin, CTRL_P);
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Paused')));
    expect(f).not.toContain('Quarry rules');
    expect(f).not.toContain('green light');
    now += 60_000;
    await keys(stdin, CTRL_P);
    await waitForFrame(lastFrame, (x) => x.includes('green light'));
    now += 1000;
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Rubric:'));
    const run = [...(d.store as MemStore).runs.values()][0]!;
    expect(run.tasks[0]!.pauses).toEqual([expect.objectContaining({ ms: 60_000, kind: 'pause' })]);
    expect(run.tasks[0]!.activeMs).toBe(6000);
    expect(run.tasks[0]!.wallMs).toBe(66_000);
  });

  it('? (F1 while typing) shows every key from the binding table; any key closes it', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await keys(stdin, '\x1bOP');
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Keys')));
    expect(f).toContain('Answer editor');
    expect(f).toContain('submit the answer');
    await keys(stdin, 'x');
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
  });

  it('Ctrl+T shows the whole task in the reader pane', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await keys(stdin, CTRL_T);
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2 (green)')));
    expect(f).not.toContain('Quarry rules');
    await keys(stdin, CTRL_T);
    await waitForFrame(lastFrame, (x) => x.includes('Quarry rules'));
  });

  it('Ctrl+T: the earlier task shows the status a person gave it after submission, and the prompt is not hard-wrapped', async () => {
    const wrapped = scenario();
    wrapped.tasks[1] = {
      ...wrapped.tasks[1]!,
      prompt: 'The quarry of the previous task also flies flags on its gantry, which the rulebook\ndescribes in its appendix. What does a blue flag mean there, and what must you do?',
    };
    const { lastFrame, stdin } = mount(deps({ scenarios: [wrapped], start: { screen: 'play', scenario: wrapped }, size: { columns: 140, rows: 30 } }));
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Rubric:'));
    await keys(stdin, '-'); // override the check: task 1 is now failed
    await waitForFrame(lastFrame, (x) => plain(x).includes('Not solved'));
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2'));
    await keys(stdin, CTRL_T);
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2 (blue)')));
    expect(f).toContain('1. green - failed');
    // the author's break after "rulebook" is undone: the reader re-wraps the prompt to its width
    expect(f).toMatch(/rulebook describes/);
  });

  it('saves the draft shortly after typing stops, then the submission at once', async () => {
    const d = deps();
    const store = d.store as MemStore;
    const { lastFrame, stdin } = mount(d);
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    // One terminal read with every key: split into keys, typed one by one, saved once they stop.
    await keys(stdin, 'it means stop');
    await tick(80);
    const drafts = store.saves.filter((r) => r.tasks[0]!.draft !== undefined);
    expect(drafts.at(-1)!.tasks[0]!.draft).toBe('it means stop');
    expect(drafts.length).toBeLessThan(5); // debounced, not one write per key
    const before = store.saves.length;
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Rubric:'));
    expect(store.saves.length).toBe(before + 1);
    expect(store.saves.at(-1)!.tasks[0]!.answer).toBe('it means stop');
    expect(store.saves.at(-1)!.tasks[0]!.status).toBe('solved');
  });

  it('Ctrl+C asks first while a run is open; n stays', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await keys(stdin, CTRL_C);
    await waitForFrame(lastFrame, (x) => x.includes('Leave clplay? Your draft is kept.'));
    await keys(stdin, 'n');
    await waitForFrame(lastFrame, (x) => !x.includes('Leave clplay?'));
    expect(lastFrame()).toContain('Task 1 of 2');
  });

  it('shows escape sequences from a scenario inert', async () => {
    const evil = scenario({
      title: 'Evil \x1b]0;pwned\x07 title',
      context: 'Normal text \x1b[31mRED\x1b[0m and \x1b]52;c;aGk=\x07 clipboard.\n',
      tasks: [{ id: 't', prompt: 'Prompt \x1b[2J here', rubric: [{ text: 'x', check: { type: 'includes', value: 'x' } }] }],
    });
    const { lastFrame } = mount(deps({ scenarios: [evil], start: { screen: 'play', scenario: evil } }));
    const f = await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 1'));
    expect(f).toContain('␛[31mRED␛[0m');
    expect(f).toContain('␛]52;c;aGk=␇');
    expect(f).toContain('Prompt ␛[2J here');
    expect(f).not.toContain('\x1b]');
    expect(f).not.toContain('\x1b[2J');
    expect(f).not.toContain('\x1b[31mRED');
  });
});

describe('reveal modes and the summary', () => {
  it('--reveal task: verdicts after each task, then the summary', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'Go');
    await keys(stdin, KEYS.enter);
    let f = plain(await waitForFrame(lastFrame, (x) => x.includes('Rubric:')));
    expect(f).toMatch(/✗ fail +Says stop\./);
    await keys(stdin, KEYS.enter);
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2')));
    expect(f).toMatch(/✗ 1\. Go/); // the earlier answer, with its verdict
    await typeText(stdin, 'blasting');
    await keys(stdin, KEYS.enter);
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('Rubric:')));
    expect(f).toContain('Pending (some items need a judge)');
    expect(f).toContain('Enter: the summary');
    await keys(stdin, KEYS.enter);
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('Summary')));
    expect(f).toContain('Solved 0 of 2 tasks (1 pending a judge)');
  });

  it('--reveal end: no verdicts during play; all of them in the summary', async () => {
    const { lastFrame, stdin } = mount(deps({ reveal: 'end' }));
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    await keys(stdin, KEYS.enter);
    let f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2')));
    expect(f).not.toContain('Rubric:');
    expect(f).not.toMatch(/[✓✗] 1\. stop/);
    expect(f).toMatch(/1\. stop/);
    await typeText(stdin, 'calm');
    await keys(stdin, KEYS.enter);
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('Summary')));
    expect(f).toContain('Solved 1 of 2 tasks');
    expect(f).toMatch(/✓ pass +Says stop\./);
    expect(f).toMatch(/✗ fail +Says blasting\./);
  });

  it('keys typed while the answer is still being saved reach the next task', async () => {
    const store = memStore();
    const slow = { ...store, save: async (r: RunRecord) => (await tick(150), store.save(r)) };
    const { lastFrame, stdin } = mount(deps({ reveal: 'end', store: slow }));
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    stdin.write(KEYS.enter);
    for (const ch of 'calm') {
      await tick(5);
      stdin.write(ch);
    }
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2') && x.includes('calm')));
    expect(f).toMatch(/1\. stop/);
  });

  it('an Enter pressed while the previous answer is still being saved submits the next task', async () => {
    // The save of task 1 is held until released: a person who types task 2's answer and presses
    // Enter meanwhile (a slow disk, a loaded machine) must not lose that Enter.
    const store = memStore();
    let release: () => void = () => undefined;
    let holding = true;
    const held = {
      ...store,
      save: async (r: RunRecord) => {
        if (holding) await new Promise<void>((res) => (release = res));
        return store.save(r);
      },
    };
    const { lastFrame, stdin } = mount(deps({ reveal: 'end', store: held }));
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2') && x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2') && x.includes('Saving your answer'));
    await typeText(stdin, 'blasting');
    await keys(stdin, KEYS.enter);
    holding = false;
    release();
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Summary')));
    expect(f).toContain('Solved 1 of 2 tasks (1 pending a judge)'); // task 2's second item needs a judge
    const run = [...store.runs.values()][0]!;
    expect(run.tasks.map((t) => t.answer)).toEqual(['stop', 'blasting']);
    // Task 2's clock ran from when it came on screen, not from when task 1's save ended.
    expect(run.tasks[1]!.startedAt).toBeDefined();
    expect(run.status).toBe('finished');
  });

  it('--reveal never: no score anywhere', async () => {
    const { lastFrame, stdin } = mount(deps({ reveal: 'never', scenarios: [scenario({ tasks: [scenario().tasks[0]!] })], start: { screen: 'play', scenario: scenario({ tasks: [scenario().tasks[0]!] }) } }));
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 1'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    await keys(stdin, KEYS.enter);
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Summary')));
    expect(f).toContain('Verdicts are hidden');
    expect(f).not.toMatch(/Solved \d/);
    expect(f).not.toContain('✓');
  });

  it('the summary puts this run beside other humans and models from the saves', async () => {
    const s = scenario();
    const other = (id: string, player: RunRecord['player'], statuses: ('pass' | 'fail')[][]): RunRecord => ({
      ...newHumanRun({ id, scenario: s, player: { kind: 'human', name: 'x' }, at: 0 }),
      player,
      status: 'finished',
      tasks: s.tasks.map((t, i) => ({ taskId: t.id, verdicts: statuses[i]!.map((st) => ({ status: st, reason: '' })), status: 'failed' as const, activeMs: 30_000, latencyMs: 2000 })),
    });
    const store = memStore([
      other('h1', { kind: 'human', name: 'Bea' }, [['pass'], ['pass', 'pass']]),
      other('m1', { kind: 'model', model: 'gpt-test', baseUrl: 'http://x', params: {} }, [['fail'], ['pass', 'fail']]),
    ]);
    const { lastFrame, stdin } = mount(deps({ store, reveal: 'end' }));
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2'));
    await typeText(stdin, 'blasting');
    await keys(stdin, KEYS.enter);
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('gpt-test')));
    expect(f).toContain('On this scenario');
    expect(f).toMatch(/▸ Ada +1 +50% +100%/);
    expect(f).toMatch(/Bea +1 +100% +100%/);
    expect(f).toMatch(/gpt-test \(model\) +1 +0% +33%/);
  });
});

describe('home screen', () => {
  const a = scenario();
  const b = scenario({ id: 'lexicon', title: 'A Lexicon of Sorrel', category: 'domain-knowledge-reasoning', context: 'x'.repeat(12_345) });

  it('lists scenarios with their facts and the last result; unfinished runs come first', async () => {
    const finished: RunRecord = {
      ...newHumanRun({ id: 'done', scenario: a, player: { kind: 'human', name: 'Ada' }, at: 0 }),
      status: 'finished',
      tasks: a.tasks.map((t) => ({ taskId: t.id, verdicts: [{ status: 'pass', reason: '' }], status: 'solved' as const })),
    };
    const open = newHumanRun({ id: 'open', scenario: b, player: { kind: 'human', name: 'Ada' }, at: 5 });
    open.tasks[0]!.draft = 'half-way';
    const notMine = newHumanRun({ id: 'bob', scenario: a, player: { kind: 'human', name: 'Bob' }, at: 9 });
    const { lastFrame } = mount(deps({ scenarios: [a, b], store: memStore([finished, open, notMine]), start: { screen: 'home' } }));
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Continue:')));
    const rows = rowsOf(f);
    const cont = rows.findIndex((r) => r.includes('Continue: A Lexicon of Sorrel'));
    expect(cont).toBeGreaterThan(-1);
    expect(rows[cont]).toContain('draft');
    expect(rows.filter((r) => r.includes('Continue:'))).toHaveLength(1);
    const quarry = rows.find((r) => r.includes('The Quarry Signals'))!;
    expect(rows.indexOf(quarry)).toBeGreaterThan(cont);
    expect(quarry).toMatch(/Rules +2 +5 +\S+ +2\/2 ✓/);
    expect(rows.find((r) => /^ +A Lexicon of Sorrel/.test(r))).toMatch(/Domain +2 +5 +12k/);
    expect(f).toContain('playing as Ada');
    expect(f).toContain('2 scenarios · 3 saved runs');
  });

  it('says where the runs are saved', async () => {
    const { lastFrame } = mount(deps({ scenarios: [a], store: memStore([]), savesDir: '/data/clplay/saves', start: { screen: 'home' } }));
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('saved runs')));
    expect(f).toContain('1 scenario · 0 saved runs in /data/clplay/saves');
  });

  it('one saved run is not "1 saved runs"', async () => {
    const one = newHumanRun({ id: 'one', scenario: a, player: { kind: 'human', name: 'Ada' }, at: 0 });
    const { lastFrame } = mount(deps({ scenarios: [a], store: memStore([one]), start: { screen: 'home' } }));
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('saved run')));
    expect(f).toContain('1 scenario · 1 saved run');
    expect(f).not.toContain('1 saved runs');
  });

  it('names a file in the saves folder that is not a readable run, and still lists the rest', async () => {
    const store = memStore();
    const list = store.list.bind(store);
    store.list = async () => ({ ...(await list()), problems: ['saves/zz-corrupt.json: not valid JSON (Unexpected end of JSON input)'] });
    const { lastFrame } = mount(deps({ scenarios: [a, b], store, start: { screen: 'home' } }));
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('saved runs')));
    expect(f).toContain('The Quarry Signals');
    expect(f).toContain('Skipped a file in the saves folder: saves/zz-corrupt.json: not valid JSON');
    expect(f).toContain('2 scenarios · 0 saved runs');
    expect(rowsOf(f).length).toBeLessThanOrEqual(29);
  });

  it('with damaged runs on disk ("tasks":[null], "verdicts":"xx"): the good runs list, the damaged file and field are named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-home-damaged-'));
    const good = newHumanRun({ id: 'good', scenario: a, player: { kind: 'human', name: 'Ada' }, at: 0 });
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'n1.json'), JSON.stringify({ ...good, id: 'n1', tasks: [null] }));
    writeFileSync(join(dir, 'n2.json'), JSON.stringify({ ...good, id: 'n2', tasks: [{ ...good.tasks[0], verdicts: 'xx' }] }));
    const { lastFrame } = mount(deps({ scenarios: [a, b], store: new RunStore(dir), start: { screen: 'home' } }));
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('saved run')));
    expect(f).toContain('2 scenarios · 1 saved run');
    expect(f).toMatch(/Skipped 2 files in the saves folder: .*n1\.json: damaged run: tasks\[0\]/);
  });

  it('filters by category', async () => {
    const { lastFrame, stdin } = mount(deps({ scenarios: [a, b], start: { screen: 'home' } }));
    await waitForFrame(lastFrame, (x) => x.includes('All categories'));
    await keys(stdin, 'c');
    let f = plain(await waitForFrame(lastFrame, (x) => !x.includes('All categories')));
    const one = f.includes('The Quarry Signals') !== f.includes('A Lexicon of Sorrel');
    expect(one).toBe(true);
    await keys(stdin, 'c');
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('(3/3')));
    expect(f.includes('The Quarry Signals') !== f.includes('A Lexicon of Sorrel')).toBe(true);
  });

  it('asks for the name on a first launch and keeps it', async () => {
    const saved: string[] = [];
    const { lastFrame, stdin } = mount(deps({ player: null, start: { screen: 'home' }, savePlayerName: async (n) => void saved.push(n) }));
    await waitForFrame(lastFrame, (x) => x.includes('What name'));
    await typeText(stdin, '  Zoë  ');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('playing as Zoë'));
    expect(saved).toEqual(['Zoë']);
  });

  it('on the name prompt ? shows the keys (not typed), and Enter on an empty name keeps the login name', async () => {
    const saved: string[] = [];
    const { lastFrame, stdin } = mount(deps({ player: null, start: { screen: 'home' }, savePlayerName: async (n) => void saved.push(n) }));
    const login = userInfo().username;
    await waitForFrame(lastFrame, (x) => x.includes('What name') && x.includes(`${login} (Enter keeps it)`));
    await keys(stdin, '?');
    await waitForFrame(lastFrame, (x) => x.includes('Keys'));
    await keys(stdin, 'x');
    await waitForFrame(lastFrame, (x) => x.includes('What name'));
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes(`playing as ${login}`));
    expect(saved).toEqual([login]);
  });

  it('choosing a scenario with an unfinished run offers to continue it', async () => {
    const open = newHumanRun({ id: 'open', scenario: a, player: { kind: 'human', name: 'Ada' }, at: 5 });
    open.tasks[0]!.draft = 'my draft';
    const { lastFrame, stdin } = mount(deps({ scenarios: [a], store: memStore([open]) }));
    await waitForFrame(lastFrame, (x) => x.includes('unfinished run'));
    await keys(stdin, 'y');
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2')));
    expect(f).toContain('my draft');
  });

  it('one writer per run: a run open in another process is not continued here; the holder is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-runlock-'));
    const held = await acquireLock(dir, 'run-open3', 'clplay, playing this run');
    const open = newHumanRun({ id: 'open3', scenario: a, player: { kind: 'human', name: 'Ada' }, at: 5 });
    const lockRun = async (id: string) => {
      const now = new AbortController();
      now.abort();
      let owner: LockOwner | undefined;
      const got = await acquireLock(dir, `run-${id}`, 'clplay, playing this run', { signal: now.signal, onWait: (o) => (owner = o) });
      return got ?? { heldBy: describeOwner(owner) };
    };
    const { lastFrame, stdin } = mount(deps({ scenarios: [a], store: memStore([open]), lockRun }));
    await waitForFrame(lastFrame, (x) => x.includes('unfinished run'));
    await keys(stdin, 'y');
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('this run is open in')));
    expect(f).toContain(`this run is open in process ${process.pid} (clplay, playing this run`);
    expect(f).not.toContain('Task 1 of 2');
    await held!.release();
  });

  it('a continued run reopens the context where the person was reading', async () => {
    const open = newHumanRun({ id: 'open2', scenario: a, player: { kind: 'human', name: 'Ada' }, at: 5 });
    open.tasks[0]!.readerAt = a.context.indexOf('Filler line 20');
    const { lastFrame, stdin } = mount(deps({ scenarios: [a], store: memStore([open]) }));
    await waitForFrame(lastFrame, (x) => x.includes('unfinished run'));
    await keys(stdin, 'y');
    // The first frame may still show the top; the reader then moves to where the person was.
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2') && x.includes('Filler line 20') && !x.includes('Quarry rules')));
    expect(f).not.toContain('Filler line 19 ');
    expect(plain(f).split('\n')[1]).toMatch(/^Filler line 20 /);
  });
});

describe('person as judge', () => {
  it('on the verdicts screen: + decides a pending item, - overrides a check; both saved at once with who, when and the earlier verdict', async () => {
    const d = deps();
    const store = d.store as MemStore;
    const { lastFrame, stdin } = mount(d);
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'stop');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Rubric:'));
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2'));
    await typeText(stdin, 'blasting');
    await keys(stdin, KEYS.enter);
    let f = plain(await waitForFrame(lastFrame, (x) => x.includes('Rubric:') && x.includes('+ pass')));
    expect(f).toContain('Pending (some items need a judge)');
    // the keys are in the footer; the cursor starts on the item that waits for a decision
    expect(f).toMatch(/\+ pass · - fail/);
    expect(f).toMatch(/▸ … pending +Explains why\./);
    await keys(stdin, '+');
    f = plain(await waitForFrame(lastFrame, (x) => plain(x).includes('Solved · 2 of 2 items passed')));
    expect(f).toMatch(/▸ ✓ pass +Explains why\./);
    expect(f).toContain('person:Ada: marked pass by Ada');
    let saved = store.runs.get([...store.runs.keys()][0]!)!;
    const decided = saved.tasks[1]!.verdicts[1]!;
    expect(decided).toMatchObject({ status: 'pass', by: 'person:Ada' });
    expect(Date.parse(decided.at!)).toBeGreaterThan(0);
    expect(decided.previous).toBeUndefined(); // a pending item is no decision to remember
    expect(saved.tasks[1]!.status).toBe('solved');

    // up to the checked item and override it
    await keys(stdin, KEYS.up);
    await waitForFrame(lastFrame, (x) => /▸ ✓ pass +Says blasting\./.test(plain(x)));
    await keys(stdin, '-');
    f = plain(await waitForFrame(lastFrame, (x) => plain(x).includes('Not solved · 1 of 2 items passed')));
    expect(f).toMatch(/▸ ✗ fail +Says blasting\./);
    expect(f).toContain('Ada overrode pass (check) with fail');
    saved = store.runs.get([...store.runs.keys()][0]!)!;
    const over = saved.tasks[1]!.verdicts[0]!;
    expect(over).toMatchObject({ status: 'fail', by: 'person:Ada' });
    expect(over.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(over.previous).toEqual([expect.objectContaining({ status: 'pass', by: 'check' })]);
    expect(saved.tasks[1]!.status).toBe('failed');

    // the summary counts the decisions
    await keys(stdin, KEYS.enter);
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('Summary')));
    expect(f).toContain('Solved 1 of 2 tasks');
  });

  it('? on the verdicts screen lists the judging keys from the table', async () => {
    const { lastFrame, stdin } = mount(deps());
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'Go');
    await keys(stdin, KEYS.enter);
    await waitForFrame(lastFrame, (x) => x.includes('Rubric:'));
    await keys(stdin, '?');
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('mark the item as passed')));
    expect(f).toContain('mark the item as failed');
    expect(f).toContain('next rubric item');
    expect(f).toMatch(/↓ j +next rubric item/);
    expect(f).not.toMatch(/↓ j +scroll down/); // ↓ moves between items here, not line by line
  });

  it('--reveal end: judging is offered in the summary, where the verdicts are shown', async () => {
    const d = deps({ reveal: 'end' });
    const store = d.store as MemStore;
    const { lastFrame, stdin } = mount(d);
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 2'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'Go');
    await keys(stdin, KEYS.enter);
    let f = plain(await waitForFrame(lastFrame, (x) => x.includes('Task 2 of 2')));
    expect(f).not.toContain('+ pass'); // nothing to judge while the verdicts are hidden
    await typeText(stdin, 'blasting');
    await keys(stdin, KEYS.enter);
    f = plain(await waitForFrame(lastFrame, (x) => x.includes('Summary') && x.includes('+ pass')));
    expect(f).toContain('Solved 0 of 2 tasks');
    expect(f).toMatch(/\+ pass · - fail/);
    await keys(stdin, KEYS.down);
    await waitForFrame(lastFrame, (x) => /▸ ✗ fail +Says stop\./.test(plain(x)));
    await keys(stdin, '+');
    f = plain(await waitForFrame(lastFrame, (x) => plain(x).includes('Solved 1 of 2 tasks')));
    expect(f).toMatch(/▸ ✓ pass +Says stop\./);
    const saved = [...store.runs.values()][0]!;
    expect(saved.tasks[0]!.verdicts[0]).toMatchObject({ status: 'pass', by: 'person:Ada', previous: [{ status: 'fail', by: 'check' }] });
  });

  it('--reveal never: no verdicts, so nothing to judge', async () => {
    const one = scenario({ tasks: [scenario().tasks[0]!] });
    const d = deps({ reveal: 'never', scenarios: [one], start: { screen: 'play', scenario: one } });
    const store = d.store as MemStore;
    const { lastFrame, stdin } = mount(d);
    await waitForFrame(lastFrame, (x) => x.includes('Task 1 of 1'));
    await waitForFrame(lastFrame, (x) => x.includes('Enter submits'));
    await typeText(stdin, 'Go');
    await keys(stdin, KEYS.enter);
    const f = plain(await waitForFrame(lastFrame, (x) => x.includes('Summary') && x.includes('Enter home')));
    expect(f).not.toContain('+ pass');
    const before = store.saves.length;
    await keys(stdin, KEYS.down, '+', '-');
    await tick(30);
    expect(store.saves.length).toBe(before);
    expect([...store.runs.values()][0]!.tasks[0]!.verdicts[0]!.by).toBe('check');
  });
});
