// `clplay check` end to end: the built CLI (dist/clplay.js, made by `npm run build`) grading
// answers against a scenario written to a temp folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '..', '..', 'dist', 'clplay.js');

const SCENARIO = `id: check-cmd-test
title: Check command test
category: rule-system-application
subcategory: Game Mechanics
origin: fictional
language: en
estimatedMinutes: 3
context: |
  The lantern moves exactly two squares. The river blocks diagonal moves.
tasks:
  - id: move
    prompt: How far does the lantern move? Choose A (one), B (two) or C (three).
    rubric:
      - text: Chooses option B.
        check: { type: choice, value: B }
      - text: States that the lantern moves 2 squares.
        check: { type: number, value: 2 }
      - text: Explains that the rule is from the context.
  - id: river
    prompt: Can the lantern cross the river diagonally?
    rubric:
      - text: Says the river blocks diagonal moves.
        check: { type: regex, pattern: '\\bblocks?\\b', flags: i }
      - text: Uses no bold.
        check: { type: format, noBold: true }
`;

let dir: string;
let file: string;

function run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', CLPLAY_SCENARIOS: '', ...opts.env })) if (v !== undefined) env[k] = v;
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', env, input: opts.input ?? '', cwd: dir, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  dir = mkdtempSync(join(tmpdir(), 'clplay-check-'));
  file = join(dir, 'check-cmd-test.yaml');
  writeFileSync(file, SCENARIO);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clplay check', () => {
  it('prints a verdict table; exit 0 when nothing failed (judge items pending)', () => {
    const r = run([file, '--task', 'move', '--answer', 'It moves two squares.\nAnswer: B - it moves 2 squares']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('check-cmd-test › move');
    expect(lines[1]).toBe('  ✓ Chooses option B.');
    expect(lines[2]).toMatch(/^ {6}chose B/);
    expect(lines[3]).toBe('  ✓ States that the lantern moves 2 squares.');
    expect(lines[5]).toBe('  … Explains that the rule is from the context.');
    expect(lines[6]).toBe('      pending: no machine check; needs a judge or a person');
    expect(lines[7]).toBe('pending: 2 pass, 0 fail, 1 pending (no check) - checked rubric 100%');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('exit 1 when an item fails, with the reason', () => {
    const r = run([file, '--task', 'move', '--answer', 'A lantern moves 3 squares, so the answer is C.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ States that the lantern moves 2 squares.\n      expected the value 2; the answer gives 3\n');
    expect(r.stdout).toMatch(/✗ Chooses option B\.\n {6}chose C, expected B/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^failed: 0 pass, 2 fail, 1 pending/);
  });

  it('exit 0 and "solved" when every item is checked and passes', () => {
    const r = run([file, '--task', 'river', '--answer', 'No: the river blocks diagonal moves.']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('solved: 2 pass, 0 fail - checked rubric 100%');
  });

  it('--json prints {scenario, task, status, items}', () => {
    const r = run([file, '--task', 'river', '--answer', '**No**, it is blocked', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      scenario: 'check-cmd-test',
      task: 'river',
      status: 'failed',
      items: [
        {
          text: 'Says the river blocks diagonal moves.',
          verdict: 'fail',
          by: 'check',
          // the reason a player reads names no pattern; --json keeps it for the author
          reason: 'the answer does not state what the item asks ("Says the river blocks diagonal moves.")',
          pattern: '/\\bblocks?\\b/i',
        },
        { text: 'Uses no bold.', verdict: 'fail', by: 'check', reason: 'uses bold: "**No**"' },
      ],
    });
  });

  it('finds the scenario by id through --scenarios, and the task by number', () => {
    const r = run(['check-cmd-test', '--scenarios', dir, '--task', '2', '--answer', 'It blocks.', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ task: 'river', status: 'solved' });
  });

  it('reads the answer from a file and from stdin (BOM and CRLF handled)', () => {
    const answerFile = join(dir, 'answer.md');
    writeFileSync(answerFile, '\uFEFFI read the rule.\r\nAnswer: B\r\nThe lantern moves 2 squares.\r\n');
    expect(run([file, '--task', 'move', '--answer-file', 'answer.md']).code).toBe(0);
    const r = run([file, '--task', 'move', '--answer-file', '-', '--json'], { input: 'Answer: (B), 2 squares\r\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items.map((i: { verdict: string }) => i.verdict)).toEqual(['pass', 'pass', 'pending']);
  });

  it('colours only when asked: FORCE_COLOR yes, NO_COLOR no', () => {
    const args = [file, '--task', 'river', '--answer', 'It blocks.'];
    expect(run(args, { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[32m✓/);
    expect(run(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it.each([
    [['--task', 'nope', '--answer', 'x'], /^clplay: no task "nope" in check-cmd-test; its tasks are: move, river\n$/],
    [['--answer', 'x'], /^clplay: which task\? give --task ID; check-cmd-test has tasks: move, river\n$/],
    [['--task', 'move'], /^clplay: no answer: give --answer TEXT or --answer-file FILE/],
    [['--task', 'move', '--answer', 'x', '--answer-file', 'y'], /^clplay: give either --answer or --answer-file, not both\n$/],
    [['--task', 'move', '--answer-file', 'missing.md'], /^clplay: cannot read the answer file missing\.md: no such file\n$/],
    [['--task', 'move', '--answer', 'x', '--bogus'], /^clplay: .*bogus.*clplay check --help/],
  ])('usage error %j: one line on stderr, exit 2', (args, message) => {
    const r = run([file, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('grades an answer shaped to make a backtracking regex hang, and returns (RE2)', () => {
    const evil = join(dir, 'evil.yaml');
    writeFileSync(
      evil,
      SCENARIO.replace('id: check-cmd-test', 'id: evil-regex').replace("pattern: '\\bblocks?\\b', flags: i", () => "pattern: '^(a+)+$'"),
    );
    // Before RE2 this run never ended; spawnSync's timeout (30 s) is the bound.
    const r = run([evil, '--task', 'river', '--answer', `${'a'.repeat(20_000)}!`, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).items[0]).toMatchObject({ verdict: 'fail', pattern: '/^(a+)+$/' });
  });

  it('an unknown scenario or a missing argument is exit 2', () => {
    const unknown = run(['no-such-scenario-x', '--task', 'a', '--answer', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^clplay: unknown scenario "no-such-scenario-x"/);
    const none = run(['--task', 'a', '--answer', 'x']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^clplay: which scenario\?/);
  });
});
