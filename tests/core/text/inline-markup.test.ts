import { describe, expect, it } from 'vitest';
import { fencedLines, lineMarkup } from '../../../src/core/text/inline-markup.js';

/** The line as the reader draws it: hidden markers removed. */
function drawn(line: string): string {
  const m = lineMarkup(line);
  return [...line].filter((_, i) => !m.hidden.some(([a, b]) => i >= a && i < b)).join('');
}

describe('lineMarkup', () => {
  it('hides heading, strong, emphasis, code and link markers and styles what they mark', () => {
    expect(drawn('## The board')).toBe('The board');
    expect(lineMarkup('## The board').styles).toEqual([{ from: 0, to: 12, style: 'heading', level: 2 }]);
    expect(drawn('at their **right-hand** end')).toBe('at their right-hand end');
    expect(drawn('a *tide path* and `S3 N5` and [the rules](https://x.test/r)')).toBe('a tide path and S3 N5 and the rules');
    const styles = lineMarkup('a *tide path* and `S3 N5`').styles.map((s) => s.style);
    expect(styles).toEqual(['emphasis', 'code']);
    expect(drawn('~~old~~ new')).toBe('old new');
  });

  it('leaves plain text, a lone asterisk and table rows alone', () => {
    expect(lineMarkup('Plain words only.').styles).toEqual([]);
    expect(drawn('3 * 4 = 12')).toBe('3 * 4 = 12');
    expect(drawn('| South | S1 | S2 |')).toBe('| South | S1 | S2 |');
  });

  it('marks the lines of a code fence so they are never styled', () => {
    expect([...fencedLines(['text', '```js', 'a **b**', '```', 'after'])]).toEqual([0, 1, 1, 1, 0]);
  });
});
