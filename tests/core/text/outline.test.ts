import { describe, expect, it } from 'vitest';
import { outline } from '../../../src/core/text/outline.js';

describe('outline', () => {
  it('lists ATX headings with level and line, ignoring fenced code', () => {
    const text = [
      '# Manual', // 0
      'intro',
      '## Rules ##', // 2
      '```md',
      '# not a heading',
      '```',
      '   ### Indented three', // 6
      '    #### four spaces is code',
      '#no space is not a heading',
      '~~~',
      '## inside tilde fence',
      '~~~',
      '###### Deep', // 12
      '#######  seven is not',
      '## ', // empty heading ignored
    ].join('\n');
    expect(outline(text)).toEqual([
      { level: 1, title: 'Manual', line: 0 },
      { level: 2, title: 'Rules', line: 2 },
      { level: 3, title: 'Indented three', line: 6 },
      { level: 6, title: 'Deep', line: 12 },
    ]);
  });

  it('accepts pre-split lines and CJK titles', () => {
    expect(outline(['# 第一章 规则', 'text'])).toEqual([{ level: 1, title: '第一章 规则', line: 0 }]);
  });

  it('a fence closes only with the same marker', () => {
    expect(outline('```\n~~~\n# hidden\n```\n# shown')).toEqual([{ level: 1, title: 'shown', line: 4 }]);
  });
});
