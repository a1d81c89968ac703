import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { aggregate, perTask } from '../../src/core/results/aggregate.js';
import { judgeAgreement } from '../../src/core/results/agreement.js';
import { attemptsOf } from '../../src/core/results/attempts.js';
import { ResultsScreen } from '../../src/ui/screens/results/ResultsScreen.js';
import { waitForFrame } from './ink-helpers.js';
import { humanRun, modelRun, task } from '../helpers/runs.js';

const tick = () => new Promise((r) => setTimeout(r, 20));
const RIGHT = '\x1b[C';
const DOWN = '\x1b[B';

function input() {
  const runs = [
    humanRun('h1', 'ana', 'quarry', [task('t1', ['pass'], { answer: 'Green means \x1b[31mstop\x1b[0m here.' }), task('t2', ['fail'])]),
    modelRun('m1', 'gpt-x', 'quarry', [task('t1', ['fail'], { answer: 'Green means go.' }), task('t2', ['fail'])]),
  ];
  const rows = attemptsOf(runs);
  return { report: aggregate(rows), rows, tasks: perTask(rows), agreement: judgeAgreement(runs), runs, scenarios: new Map() };
}

describe('results screen', () => {
  it('shows the overview, switches to the chart, and opens both answers to a task', async () => {
    let exited = false;
    const ui = render(<ResultsScreen {...input()} termColumns={100} termRows={30} onExit={() => (exited = true)} />);
    await waitForFrame(ui.lastFrame, (f) => f.includes('Overview'), 3000);
    expect(ui.lastFrame()).toMatch(/humans\s+1\s+1\s+1\/2\s+50\.0%/);
    expect(ui.lastFrame()).toMatch(/gpt-x\s+-\s+1\s+0\/2\s+0\.0%/);
    ui.stdin.write(RIGHT);
    await waitForFrame(ui.lastFrame, (f) => /humans\s+█{15}·{15}\s+50\.0%/.test(f), 3000);
    ui.stdin.write(RIGHT);
    await waitForFrame(ui.lastFrame, (f) => f.includes('quarry / t1'), 3000);
    ui.stdin.write('\r');
    const frame = await waitForFrame(ui.lastFrame, (f) => f.includes('ana (human)'), 3000);
    expect(frame).toContain('ana (human)');
    expect(frame).toContain('Green means go.');
    // Escape sequences in an answer are shown inert, never interpreted.
    expect(frame).toContain('␛[31mstop');
    ui.stdin.write('\x1b');
    await waitForFrame(ui.lastFrame, (f) => !f.includes('ana (human)'));
    ui.stdin.write(DOWN);
    await tick();
    ui.stdin.write('?');
    await waitForFrame(ui.lastFrame, (f) => f.includes('Keys on the results screen'), 3000);
    expect(ui.lastFrame()).toMatch(/Enter\s+on Tasks: open every player's answer/);
    ui.stdin.write('j');
    await waitForFrame(ui.lastFrame, (f) => !f.includes('Keys on the results screen'));
    ui.stdin.write('q');
    await waitForFrame(ui.lastFrame, () => exited);
    ui.unmount();
  });

  it('the number shown on a tab goes to it', async () => {
    const ui = render(<ResultsScreen {...input()} termColumns={100} termRows={30} />);
    await waitForFrame(ui.lastFrame, (f) => f.includes('Overview'), 3000);
    await tick();
    ui.stdin.write('3');
    await waitForFrame(ui.lastFrame, (f) => f.includes('quarry / t1'), 3000);
    ui.stdin.write('2');
    await waitForFrame(ui.lastFrame, (f) => /humans\s+█{15}·{15}\s+50\.0%/.test(f), 3000);
    ui.stdin.write('1');
    await waitForFrame(ui.lastFrame, (f) => /gpt-x\s+-\s+1\s+0\/2\s+0\.0%/.test(f), 3000);
    ui.unmount();
  });

  it('never draws more rows than the terminal has minus one', async () => {
    const ui = render(<ResultsScreen {...input()} termColumns={60} termRows={12} />);
    await waitForFrame(ui.lastFrame, (f) => f.includes('Overview'), 3000);
    expect(ui.lastFrame()!.split('\n').length).toBeLessThanOrEqual(11);
    ui.unmount();
  });
});
