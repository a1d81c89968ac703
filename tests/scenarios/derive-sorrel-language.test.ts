// Derives the answer key of scenarios/sorrel-language.yaml: runs every task program through an
// interpreter that implements the manual, and checks that each reference answer's final code
// block is exactly the output, that no wrong answer's block is, and that the manual's own
// examples print what the manual says they print.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run, sorrelDiv } from './sorrel-interpreter.js';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const scenario = parse(readFileSync(join(DIR, 'sorrel-language.yaml'), 'utf8')) as {
  contextFile: string;
  tasks: { id: string; prompt: string; dependsOn?: string[]; reference: string; wrong: { answer: string }[] }[];
};
const manual = readFileSync(join(DIR, scenario.contextFile), 'utf8');

/** The last fenced code block of a text, without its fences. */
function lastBlock(text: string): string {
  const blocks = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)];
  expect(blocks.length, 'a fenced code block').toBeGreaterThan(0);
  return blocks[blocks.length - 1]![1]!.trimEnd();
}

const task = (id: string) => scenario.tasks.find((t) => t.id === id)!;
const program = (id: string) => lastBlock(task(id).prompt);

// Which earlier programs each task's lines continue (the prompts say so in words).
const CHAINS: Record<string, string[]> = {
  arithmetic: ['arithmetic'],
  'loop-and-truth': ['arithmetic', 'loop-and-truth'],
  frames: ['frames'],
  'list-copies': ['frames', 'list-copies'],
  'callers-and-text': ['frames', 'list-copies', 'callers-and-text'],
};

/** Output of the lines a task adds: run the chain with and without them and take the difference. */
function addedOutput(id: string): string {
  const chain = CHAINS[id]!;
  const before = chain.slice(0, -1).map(program).join('\n');
  const after = chain.map(program).join('\n');
  const outBefore = before ? run(before) : '';
  const outAfter = run(after);
  expect(outAfter.startsWith(outBefore)).toBe(true);
  expect(outAfter).not.toContain('error:');
  return outAfter.slice(outBefore.length).replace(/^\n/, '');
}

describe('sorrel-language answer key', () => {
  it('covers every task, and the chains match dependsOn', () => {
    expect(Object.keys(CHAINS).sort()).toEqual(scenario.tasks.map((t) => t.id).sort());
    for (const t of scenario.tasks) {
      const earlier = CHAINS[t.id]!.slice(0, -1);
      expect((t.dependsOn ?? []).every((d) => earlier.includes(d)), t.id).toBe(true);
      if (earlier.length > 0) expect(t.dependsOn?.length, t.id).toBeGreaterThan(0);
    }
  });

  for (const t of scenario.tasks) {
    it(`${t.id}: the reference prints exactly what the interpreter prints`, () => {
      const out = addedOutput(t.id);
      expect(lastBlock(t.reference)).toBe(out);
      for (const w of t.wrong) {
        if (w.answer.includes('```')) expect(lastBlock(w.answer)).not.toBe(out);
      }
    });
  }

  it('values the rubric texts quote', () => {
    expect(run('print 17 % 6, 11 % 4, -7 / 2, 20 / 8')).toBe('-1 -1 -4 3');
  });

  it("the manual's examples print what the manual says", () => {
    const examples: [string, string][] = [
      ['print 2 + 3 * 4', '20'],
      ['print 2 + (3 * 4)', '14'],
      ['print 20 - 2 - 3', '15'],
      ['print 1 + 2 * 3 == 9', 'yes'],
      ['print "n=" + 4, 4 + "n", 1 + 2 + "x", "x" + 1 + 2', 'n=4 4n 3x x12'],
      ['print not yes, not 0', 'no no'],
      ['print 7 / 2, -7 / 2, 9 / 4, 10 / 4, 8 % 3, 7 % 3', '4 -4 2 3 -1 1'],
      ['print [1, "a", [2, 3]], []', '[1, "a", [2, 3]] []'],
      ['let xs = [7, 8, 9]\nprint xs[1], xs[3], xs[0], xs[4]', '7 9 none none'],
    ];
    for (const [src, out] of examples) expect(run(src), src).toBe(out);
    // the multi-line examples, taken from the manual itself
    const blocks = [...manual.matchAll(/((?:^ {4}.*\n)+)/gm)].map((m) => m[1]!.replace(/^ {4}/gm, '').trimEnd());
    const find = (start: string) => {
      const b = blocks.find((x) => x.startsWith(start));
      expect(b, start).toBeDefined();
      return b!;
    };
    const colour = find('let colour');
    expect(run(colour)).toBe('grey\nochre');
    expect(colour).toContain('# prints grey');
    expect(colour).toContain('# prints ochre');
    const next = find('let n = 1');
    expect(run(next)).toBe('100 10');
    expect(next).toContain('# prints 100 10');
    const copy = find('let a = [1, 2]');
    expect(run(copy)).toBe('[1, 2] [5, 2]');
    expect(copy).toContain('# prints [1, 2] [5, 2]');
    const full = find('let prices');
    const printed = blocks[blocks.indexOf(full) + 1];
    expect(run(full)).toBe(printed);
    expect(sorrelDiv(87, 2)).toBe(44);
  });
});
