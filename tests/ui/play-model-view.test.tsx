// A person sees what the model sees (issue 16, point 5): the system message opens the reader as a
// marked section and is in the Ctrl+T view; a first question inside the context shows the
// context's opening and closing paragraphs in the task panel, with keys that jump the reader
// there; an imported row's given turns are shown, marked given; the run records what was shown.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app.js';
import type { AppDeps, RunSaver } from '../../src/ui/app-context.js';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import type { RunRecord } from '../../src/core/runs/types.js';
import type { Scenario } from '../../src/core/scenario/schema.js';
import { renderWithKeys, tick, waitForFrame } from './ink-helpers.js';

const CTRL_T = '\x14';
const ALT_1 = '\x1b1';
const ALT_2 = '\x1b2';

const filler = Array.from({ length: 80 }, (_, i) => `Clause ${i + 1}: the ferry log is kept in ink, never pencil, on page ${i + 1}.`).join('\n\n');
function imported(over: Partial<Scenario> = {}): Scenario {
  return {
    id: 'clbench-f0f0f0f0-1',
    title: 'Ferry log (Procedural)',
    category: 'procedural-task-execution',
    subcategory: 'Operational Procedures',
    origin: 'niche',
    language: 'en',
    estimatedMinutes: 5,
    system: 'You are the ferry purser. Answer in one sentence and cite the clause.',
    context: `Opening: the Ferry Log Manual (fictional) governs all entries.\n\n${filler}\n\nQuestion: on which page is clause 80 kept, and in what?`,
    tasks: [{ id: 'task-1', prompt: '', rubric: [{ text: 'Says page 80 in ink.' }], sourceId: 'f-1' }],
    source: { format: 'cl-bench', contextId: 'f0f0f0f0', taskIds: ['f-1'] },
    path: '/tmp/ferry.json',
    hash: 'h',
    ...over,
  };
}

function memStore(): RunSaver & { runs: Map<string, RunRecord> } {
  const runs = new Map<string, RunRecord>();
  return {
    runs,
    async create(r) {
      runs.set(r.id, JSON.parse(JSON.stringify(r)));
    },
    async save(r) {
      runs.set(r.id, JSON.parse(JSON.stringify(r)));
    },
    async list() {
      return { runs: [...runs.values()], problems: [] };
    },
  };
}

function deps(s: Scenario, store = memStore(), history?: 'given'): AppDeps {
  return {
    ...(history ? { history } : {}),
    scenarios: [s],
    store,
    player: 'Ada',
    reveal: 'task',
    start: { screen: 'play', scenario: s },
    grade: (task, answer) => gradeByChecks(task, answer),
    newRunId: () => 'run-1',
    size: { columns: 120, rows: 30 },
    draftDelayMs: 30,
  };
}

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount();
});
const plain = (f: string) => f.replace(/\x1b\[[0-9;]*m/g, '');
/** The reader's side of a side-by-side frame (left of the divider). */
const readerSide = (f: string) =>
  plain(f)
    .split('\n')
    .map((row) => row.split('│')[0])
    .join('\n');

describe('what the model sees, shown to a person', () => {
  it('opens the reader with the marked instructions and shows where the question is, with keys that jump there', async () => {
    const store = memStore();
    const r = renderWithKeys(<App deps={deps(imported(), store)} />);
    mounted.push(r);
    let f = plain(await waitForFrame(r.lastFrame, (x) => x.includes('Task 1 of 1')));
    expect(f).toContain('Instructions the model is given');
    expect(f).toContain('You are the ferry purser.');
    expect(f).toContain('The question is inside the context');
    expect(f).toMatch(/▸ Start \(Alt\+1\)/);
    expect(f).toMatch(/▸ End \(Alt\+2\)/);
    expect(f).toContain('Question: on which page is clause 80 kept');

    await tick(30);
    r.stdin.write(ALT_2);
    // The reader moved to the closing paragraphs: the instructions and the opening are off screen.
    f = readerSide(await waitForFrame(r.lastFrame, (x) => readerSide(x).includes('Question: on which page is clause 80')));
    expect(f).not.toContain('You are the ferry purser.');
    expect(f).not.toContain('Opening: the Ferry Log Manual');
    r.stdin.write(ALT_1);
    f = readerSide(await waitForFrame(r.lastFrame, (x) => readerSide(x).includes('Opening: the Ferry Log Manual')));
    expect(f).not.toContain('Question: on which page is clause 80');

    r.stdin.write(CTRL_T);
    // The task view is Markdown: its headings are drawn without their # marks.
    f = plain(await waitForFrame(r.lastFrame, (x) => plain(x).includes('The context ends:')));
    expect(f).toContain('Instructions the model is given');

    const run = [...store.runs.values()][0]!;
    expect(run.shown).toEqual({ instructions: true, questionEnds: true });
  });

  it('records the context seen as offsets into the context, without the instructions', async () => {
    const store = memStore();
    const r = renderWithKeys(<App deps={deps(imported(), store)} />);
    mounted.push(r);
    await waitForFrame(r.lastFrame, (x) => x.includes('Task 1 of 1'));
    await tick(30);
    r.stdin.write(ALT_2);
    await waitForFrame(r.lastFrame, (x) => readerSide(x).includes('Question: on which page is clause 80'));
    r.stdin.write('x\r');
    const s = imported();
    const done = async () => [...store.runs.values()][0]?.tasks[0]?.submittedAt !== undefined;
    for (let i = 0; i < 200 && !(await done()); i++) await tick(10);
    const t = [...store.runs.values()][0]!.tasks[0]!;
    expect(t.contextChars).toBe(s.context.length);
    const seenEnd = Math.max(...(t.seen ?? []).map(([, to]) => to));
    expect(seenEnd).toBe(s.context.length);
  });

  it('shows an imported row\'s given turns, marked given, before its task', async () => {
    const s = imported({
      system: undefined,
      givenTurns: [
        { prompt: '', answer: 'Page 3, in ink.' },
        { prompt: 'And clause 4?', answer: 'Page 4.' },
      ],
      tasks: [{ id: 'task-3', prompt: 'And clause 5, in what?', rubric: [{ text: 'Says ink.' }], sourceId: 'f-3' }],
    });
    const r = renderWithKeys(<App deps={deps(s)} />);
    mounted.push(r);
    let f = plain(await waitForFrame(r.lastFrame, (x) => x.includes('Task 1 of 1')));
    expect(f).toContain('given 1. Page 3, in ink.');
    expect(f).toContain('given 2. And clause 4? → Page 4.');
    expect(f).toContain('And clause 5, in what?');
    expect(f).not.toContain('Instructions the model is given');
    await tick(30);
    r.stdin.write(CTRL_T);
    f = plain(await waitForFrame(r.lastFrame, (x) => plain(x).includes('Given turns before')));
    expect(f).toContain('not yours');
  });

  it('under --history given, shows an earlier task with its given answer, marked given, and records it', async () => {
    const s = imported({
      system: undefined,
      tasks: [
        { id: 'task-1', prompt: '', rubric: [{ text: 'Says page 80.' }], given: 'GIVEN: page 80, in ink.', sourceId: 'f-1' },
        { id: 'task-2', prompt: 'And clause 81?', rubric: [{ text: 'Says there is none.' }], sourceId: 'f-2' },
      ],
    });
    const store = memStore();
    const r = renderWithKeys(<App deps={deps(s, store, 'given')} />);
    mounted.push(r);
    await waitForFrame(r.lastFrame, (x) => x.includes('Task 1 of 2'));
    await tick(30);
    // The editor has focus when a task opens.
    await waitForFrame(r.lastFrame, (x) => x.includes('Enter submits'));
    for (const ch of 'my own answer') {
      r.stdin.write(ch);
      await tick(2);
    }
    await waitForFrame(r.lastFrame, (x) => x.includes('own answer'));
    r.stdin.write('\r');
    // reveal 'task' shows the verdicts first; Enter goes on to task 2.
    await waitForFrame(r.lastFrame, (x) => x.includes('Enter: next task'));
    await tick(30);
    r.stdin.write('\r');
    let f = plain(await waitForFrame(r.lastFrame, (x) => x.includes('Task 2 of 2')));
    expect(f).toContain('1. given: GIVEN: page 80, in ink.');
    expect(f).not.toContain('1. my own answer');
    const run = [...store.runs.values()][0]!;
    expect(run.history).toBe('given');
    expect(run.shown).toEqual({ givenTurns: true, questionEnds: true });
    await tick(50);
    r.stdin.write(CTRL_T);
    f = plain(await waitForFrame(r.lastFrame, (x) => plain(x).includes('Given answer')));
    expect(f).toContain('Your answer:');
  });
});
