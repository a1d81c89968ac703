// Escape sequences hidden in a downloaded scenario pack or a merged save (OSC 52 clipboard writes,
// OSC 8 links, clear-screen, CSI colours) must print as visible text from every plain command:
// list, check, results --plain, export to a terminal, and error messages. Exports to a file or a
// pipe keep the exact data.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import check from '../../src/commands/check.js';
import exportCommand from '../../src/commands/export.js';
import list from '../../src/commands/list.js';
import results from '../../src/commands/results.js';
import type { Command, CommandIO } from '../../src/commands/types.js';
import { humanRun, task } from '../helpers/runs.js';

const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x07';
const OSC8 = '\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\';
const CLEAR = '\x1b[2J\x1b[H';
const CSI = '\x1b[31;1m';
const ALL = [OSC52, OSC8, CLEAR, CSI];

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'clplay-inert-'));
  made.push(d);
  return d;
}

/** An io whose stdout claims to be a terminal (or not); collects everything written. */
function fakeIo(cwd: string, tty: boolean) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty, columns: 200 });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const io = {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: Readable.from([]) as unknown as NodeJS.ReadStream,
    env: { CLPLAY_CONFIG_DIR: join(cwd, 'cfg'), NO_COLOR: '1' },
    cwd,
  } as CommandIO;
  return { io, out: () => out, err: () => err };
}

const COMMANDS: Record<string, Command> = { list, check, results, exportCommand };

async function run(name: string, argv: Record<string, unknown>, positionals: string[], io: CommandIO): Promise<number> {
  return COMMANDS[name === 'export' ? 'exportCommand' : name]!.run({ values: argv as never, positionals }, io);
}

function expectInert(text: string): void {
  expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  expect(text).toContain('␛');
}

function hostilePack(dir: string): string {
  const pack = join(dir, 'pack');
  mkdirSync(pack);
  const yaml = [
    'id: hostile',
    `title: ${JSON.stringify(`Harbour ${OSC52}${CLEAR} levy`)}`,
    'category: rule-system-application',
    `subcategory: ${JSON.stringify(`Legal ${OSC8}`)}`,
    'origin: fictional',
    'language: en',
    'estimatedMinutes: 3',
    'context: The levy is 7 marks per metre.',
    'tasks:',
    '  - id: first',
    '    prompt: A 3 m boat?',
    '    rubric:',
    `      - text: ${JSON.stringify(`States 21 ${CSI}marks${OSC52}.`)}`,
    '        check: { type: number, value: 21 }',
  ].join('\n');
  writeFileSync(join(pack, 'hostile.yaml'), yaml);
  // An invalid file whose very name holds a clear-screen sequence.
  writeFileSync(join(pack, `broken${CLEAR}.yaml`), 'id: broken\n');
  return pack;
}

describe('plain output is inert', () => {
  it('list: titles, subcategories and problems', async () => {
    const dir = tmp();
    const pack = hostilePack(dir);
    for (const tty of [true, false]) {
      const f = fakeIo(dir, tty);
      expect(await run('list', { scenarios: [pack] }, [], f.io)).toBe(0);
      expectInert(f.out());
      expect(f.out()).toContain('Harbour ␛]52;c;ZWNobyBwd25lZA==␇␛[2J␛[H levy');
      expect(f.out()).toContain('Legal ␛]8;;https:');
      expectInert(f.err());
      expect(f.err()).toContain('broken␛[2J␛[H.yaml');
    }
  });

  it('check: rubric text', async () => {
    const dir = tmp();
    const pack = hostilePack(dir);
    const f = fakeIo(dir, true);
    expect(await run('check', { scenarios: [pack], task: 'first', answer: `21 marks ${OSC52}` }, ['hostile'], f.io)).toBe(0);
    expectInert(f.out());
    expect(f.out()).toContain('States 21 ␛[31;1mmarks␛]52;c;ZWNobyBwd25lZA==␇.');
  });

  it('results --plain and export to a terminal: player names from a merged save; a file keeps the exact bytes', async () => {
    const dir = tmp();
    const saves = join(dir, 'saves');
    mkdirSync(saves);
    const name = `eve${OSC52}${OSC8}${CLEAR}`;
    const r = humanRun('h1', name, 'hostile', [task('first', ['pass'])]);
    writeFileSync(join(saves, 'h1.json'), JSON.stringify(r));
    const pack = hostilePack(dir);

    const res = fakeIo(dir, true);
    expect(await run('results', { plain: true, saves, scenarios: [pack] }, [], res.io)).toBe(0);
    expectInert(res.out());
    expect(res.out()).toContain('eve␛]52;c;');

    const tty = fakeIo(dir, true);
    expect(await run('export', { format: 'csv', saves, scenarios: [pack] }, [], tty.io)).toBe(0);
    expectInert(tty.out());
    expect(tty.out()).toContain('eve␛]52;c;');

    const piped = fakeIo(dir, false);
    expect(await run('export', { format: 'csv', saves, scenarios: [pack] }, [], piped.io)).toBe(0);
    expect(piped.out()).toContain(name);

    const file = fakeIo(dir, true);
    expect(await run('export', { format: 'jsonl', saves, scenarios: [pack], out: 'x.jsonl' }, [], file.io)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'x.jsonl'), 'utf8').split('\n')[0]!).player).toBe(name);
  });

  it('the same sequences never survive sanitizing in any of the forms used', async () => {
    const { sanitize, sanitizeInline } = await import('../../src/core/text/sanitize.js');
    for (const s of ALL) {
      expect(sanitize(s, { tabWidth: 0 })).not.toContain('\x1b');
      expect(sanitizeInline(s)).not.toMatch(/[\x07\x1b]/);
    }
  });
});

describe('error messages are inert', () => {
  it('a one-line error quoting what the user or a file gave prints escapes as text', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const r = runCli(['check', `nope${OSC52}${CLEAR}`, '--answer', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown scenario "nope␛]52;c;ZWNobyBwd25lZA==␇␛[2J␛[H"');
    expect(r.stderr).not.toMatch(/[\x07\x1b]/);
  });
});
