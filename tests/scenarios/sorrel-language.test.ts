import { describe } from 'vitest';
import { answerKeySuite } from './answer-key.js';

describe('scenario sorrel-language', () =>
  answerKeySuite('sorrel-language', [
    {
      task: 'arithmetic',
      answer: 'Output:\n\n    20 3 −1\n    3 8 −4',
      pass: true,
      why: 'indented code block and Unicode minus signs',
    },
    {
      task: 'loop-and-truth',
      answer: '0 is true in Sorrel (only no and none are false), so it prints "zero is true", not "zero is false".\n```\n9 -1\nzero is true\nsum=9-1 8!\n```',
      pass: true,
      why: 'names the trap line only to reject it',
    },
    {
      task: 'loop-and-truth',
      answer: 'total - 9 is 0, which counts as no, so the else branch runs.\n```\n9 -1\nzero is false\nsum=9-1 8!\n```',
      pass: false,
      why: 'zero treated as false (the word "no" before it is the Sorrel value, not a negation)',
    },
    {
      task: 'frames',
      answer: 'show("top") runs first and x is still 1 then, so it prints top 1 (not top 11).\n```\ntop 1\ninner 50\n50 11 1\n```',
      pass: true,
      why: 'names the trap line only to reject it',
    },
    {
      task: 'list-copies',
      answer: '```\n[11, 24, -1] [100, 24, -1] [100, 24, 10]\n10 none\n```',
      pass: true,
      why: 'the bare output',
    },
    {
      task: 'callers-and-text',
      answer: 'grow is called from build, so it finds build\'s x = 300, not the top x = 11 (which would give [3, 2, 12]).\n```\n[3, 2, 301] 3\n12311 1212\n```',
      pass: true,
      why: 'names the lexical-scope result only to reject it',
    },
    {
      task: 'callers-and-text',
      answer: 'grow has no x of its own and uses the top-level x = 11.\n```\n[3, 2, 12] 3\n12311 1212\n```',
      pass: false,
      why: 'lexical scope',
    },
  ]));
