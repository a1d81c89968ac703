// With NO_COLOR the reader's styles are still carried by bold / italic / underline / inverse.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type RowModule = typeof import('../../src/ui/components/reader/row-text.js');
let rows: RowModule;
let level = 0;

beforeAll(async () => {
  vi.stubEnv('NO_COLOR', '1');
  vi.resetModules();
  const chalk = (await import('chalk')).default;
  level = chalk.level;
  chalk.level = 1; // a terminal that draws styles (tests run without one)
  rows = await import('../../src/ui/components/reader/row-text.js');
});

afterAll(async () => {
  (await import('chalk')).default.level = level as 0;
  vi.unstubAllEnvs();
});

const draw = (source: string, kind = 0) => rows.rowText({ line: { text: source, offset: 0, end: source.length, width: source.length, src: 0 }, source, kind, plain: false });
const COLOUR = /\x1b\[(3[0-7]|9[0-7]|4[0-7])m/;

describe('reader rows with NO_COLOR', () => {
  it('heading bold and underlined, strong bold, emphasis italic, code inverse - no colour', () => {
    expect(draw('## The board')).toContain('\x1b[1m\x1b[4mThe board');
    expect(draw('a **bold** word')).toContain('\x1b[1mbold');
    expect(draw('an *odd* word')).toContain('\x1b[3modd');
    expect(draw('run `make`')).toContain('\x1b[7mmake');
    for (const s of ['## The board', 'a **bold** word', 'run `make`', '- item']) expect(draw(s)).not.toMatch(COLOUR);
  });

  it('list markers bold with a bullet, quotes italic behind a bar', () => {
    expect(draw('- item')).toContain('\x1b[1m•');
    expect(draw('3. third')).toContain('\x1b[1m3.');
    const q = draw('> quoted');
    expect(q).toContain('│');
    expect(q).toContain('\x1b[3mquoted');
    expect(q).not.toContain('>');
  });

  it('search hits inverse', () => {
    const source = 'find the needle here';
    const hit = { src: 0, offset: 9, length: 6, row: 0, col: 9, width: 6 };
    const out = rows.rowText({ line: { text: source, offset: 0, end: source.length, width: source.length, src: 0 }, source, kind: 0, plain: false, hits: [hit], current: hit });
    expect(out).toMatch(/\x1b\[7m[^x]*needle/);
  });
});
