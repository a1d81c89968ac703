import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS } from '../../../src/core/paths.js';
import { reflowMarkdown, wrapColumn } from '../../../src/core/text/reflow.js';

// A paragraph hard-wrapped at 60 columns, the way authors write Markdown files.
const para = [
  'Sorrel is a small scripting language for teaching and for',
  'configuration scripts. This manual is the complete definition',
  'of the language: where Sorrel differs from languages you may',
  'know, the manual is right and your habits are wrong. Read it.',
];

function doc(...blocks: string[][]): string {
  return blocks.map((b) => b.join('\n')).join('\n\n');
}

describe('reflowMarkdown', () => {
  it('joins hard-wrapped paragraph lines and keeps paragraphs apart', () => {
    const text = doc(para, para, para);
    expect(wrapColumn(text.split('\n'))).toBeGreaterThan(55);
    const out = reflowMarkdown(text).split('\n\n');
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(para.join(' '));
  });

  it('keeps short lines, logs, code, tables, headings and list starts as written', () => {
    const log = ['t=1 x=3 vy=12', 't=2 x=6 vy=11', 't=3 x=9 vy=10'];
    const code = ['```', 'let a = 2 + 3 * 4 and this line is long enough to look like prose text ok', 'print a', '```'];
    const table = ['| a | b |', '| - | - |', '| 1 | 2 |'];
    const list = ['- first item that is long enough to be wrapped by the author at', '  sixty columns, continued here', '- second item'];
    const text = doc(para, log, code, table, ['## A heading'], list, para);
    const out = reflowMarkdown(text);
    for (const l of [...log, ...code, ...table, '## A heading', '- second item']) expect(out.split('\n')).toContain(l);
    expect(out).toContain('- first item that is long enough to be wrapped by the author at sixty columns, continued here');
  });

  it('leaves text that was not hard-wrapped alone (e.g. one paragraph per line, or Chinese)', () => {
    const long = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} ${'word '.repeat(10 + ((i * 7) % 23))}end.`).join('\n');
    expect(reflowMarkdown(long)).toBe(long);
  });

  it('reflows the bundled English contexts without losing a character', () => {
    const text = readFileSync(join(BUNDLED_SCENARIOS, 'sorrel-language.context.md'), 'utf8');
    const out = reflowMarkdown(text);
    expect(out.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(out.split('\n').length).toBeLessThan(text.split("\n").length * 0.8);
  });
});

describe('reflowMarkdown on a short prompt', () => {
  it('joins a prompt wrapped by its author but keeps its code block', () => {
    const prompt = [
      'What does this Sorrel program print? Give the printed lines exactly, in order, in a code',
      'block, after a few lines of reasoning.',
      '',
      '```',
      'let a = 2 + 3 * 4',
      'print a',
      '```',
    ].join('\n');
    expect(reflowMarkdown(prompt, { minLines: 1 }).split('\n')[0]).toBe(
      'What does this Sorrel program print? Give the printed lines exactly, in order, in a code block, after a few lines of reasoning.',
    );
    expect(reflowMarkdown(prompt, { minLines: 1 })).toContain('```\nlet a = 2 + 3 * 4\nprint a\n```');
  });
});

describe('reflowMarkdown keeps one entry per line', () => {
  it('does not join lines that each end a sentence, or that all start alike', () => {
    const sentences = Array.from({ length: 20 }, (_, i) => `Sentence number ${i} of the generated context with some words.`).join('\n');
    expect(reflowMarkdown(sentences)).toBe(sentences);
    const log = Array.from({ length: 20 }, (_, i) => `tick ${String(i).padStart(3, '0')} x=${String(i * 7).padStart(4, '0')} vy=+12 contact none resting no`).join('\n');
    expect(reflowMarkdown(log)).toBe(log);
  });

  it('joins Chinese lines without a space', () => {
    const text = readFileSync(join(BUNDLED_SCENARIOS, 'lanyu-customs-code.context.md'), 'utf8');
    expect(text).toContain('保险费不计入完税价格，\n无论其是否单独列明。');
    expect(reflowMarkdown(text)).toContain('保险费不计入完税价格，无论其是否单独列明。');
  });
});

describe('reflowMarkdown: two of three lines starting with the same word', () => {
  it('still joins the wrap (the Sorrel manual, section 1)', () => {
    const text = readFileSync(join(BUNDLED_SCENARIOS, 'sorrel-language.context.md'), 'utf8');
    expect(text).toContain('Indentation has no meaning; it is used\nin this manual only');
    expect(reflowMarkdown(text)).toContain('Indentation has no meaning; it is used in this manual only');
  });
});

describe('reflowMarkdown with a break the author chose', () => {
  it('keeps a break after a sentence and joins the wraps around it', () => {
    const filler = Array.from({ length: 8 }, () => para.join('\n')).join('\n\n');
    const block = [
      'The board has two rows of six pits. South sits behind the near row.',
      'Each player owns the row in front of them and the harbour at their right-hand end',
      'of the board. Shells in a harbour never leave it again; shells in pits move.',
    ].join('\n');
    const out = reflowMarkdown(`${filler}\n\n${block}`).split('\n\n').pop();
    expect(out).toBe(
      'The board has two rows of six pits. South sits behind the near row.\nEach player owns the row in front of them and the harbour at their right-hand end of the board. Shells in a harbour never leave it again; shells in pits move.',
    );
  });
});
