// Answers found while reviewing sorrel-language, beyond the task's own accept/wrong lists:
// issue 9's "(In C, zero is false; not here.)", and answer blocks that hedge or reverse.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/core/scenario/load.js';
import { answerKeySuite, scenarioPath } from './answer-key.js';

describe('scenario sorrel-language', () => {
  it('meets the library\'s strict rules: >= 3 accept and >= 3 wrong answers per task, evidence quotes found once', async () => {
    const { problems } = await loadScenarioFile(scenarioPath('sorrel-language'), { strict: true });
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`)).toEqual([]);
  });

  answerKeySuite('sorrel-language', [
    { task: 'arithmetic', answer: 'Answer:\n\n    20 3 −1\n    3 8 −4', pass: true, why: 'indented code block and Unicode minus signs' },
    { task: 'arithmetic', answer: '```\n20 3 -1\n3 8 -4\n```', pass: true, why: 'the bare output, with no reasoning and no Answer: line' },
    { task: 'arithmetic', answer: 'Answer:\n```\n20 3 -1\n3 8 -4\n3 8 -3\n```', pass: false, why: 'a third line, the truncating result of -7 / 2' },
    {
      task: 'loop-and-truth',
      answer: '0 is true here. (In C, zero is false; not here.)\n\nAnswer:\n```\n9 -1\nzero is true\nsum=9-1 8!\n```',
      pass: true,
      why: 'issue 9: the C rule named in a parenthesis',
    },
    {
      task: 'loop-and-truth',
      answer: 'total - 9 is 0, which counts as no, so the else branch runs.\nAnswer:\n```\n9 -1\nzero is false\nsum=9-1 8!\n```',
      pass: false,
      why: 'zero treated as false',
    },
    {
      task: 'frames',
      answer: 'show("top") runs first and x is still 1 then, so it prints top 1 (not top 11). x ends as 11.\nAnswer:\n```\ntop 1\ninner 50\n50 11 1\n```',
      pass: true,
      why: 'names the trap line only to reject it',
    },
    { task: 'list-copies', answer: 'Answer:\n```\n[11, 24, -1] [100, 24, -1] [100, 24, 10]\n10 none\n```', pass: true, why: 'the bare output' },
    {
      task: 'callers-and-text',
      answer: 'grow has no x of its own and uses the top-level x = 11.\nAnswer:\n```\n[3, 2, 12] 3\n12311 1212\n```',
      pass: false,
      why: 'lexical scope',
    },
    {
      task: 'callers-and-text',
      answer: 'Answer:\n```\n[3, 2, 301] 3\n12311 1212\n```\nor, if grow uses the global x:\n```\n[3, 2, 12] 3\n12311 1212\n```',
      pass: false,
      why: 'a second candidate output after the answer',
    },
  ]);
});
