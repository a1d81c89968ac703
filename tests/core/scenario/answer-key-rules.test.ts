// validate's answer-key rules: accepted answers must pass every check, wrong ones must fail one,
// evidence quotes must point at one place in the context, labels must be declared, regexes must
// be ones RE2 can run - each reported as FILE:LINE:COL field: message.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, formatProblem } from '../../../src/core/scenario/load.js';
import { loadLibrary } from '../../../src/core/scenario/library.js';
import { tempDir, write } from './helpers.js';

const HEAD = `id: key-rules
title: Key rules
category: rule-system-application
subcategory: Legal & Regulatory
origin: fictional
language: en
estimatedMinutes: 3
context: |
  Art. 1: the levy is 7 marks per metre. Art. 2: round UP. Art. 3: glass pays half.
  Art. 4: the levy is 7 marks per metre of hull.
tasks:
`;

async function problems(tasks: string, opts: { strict?: boolean } = {}): Promise<string[]> {
  const dir = tempDir();
  const file = write(dir, 's.yaml', HEAD + tasks);
  const r = await loadScenarioFile(file, opts);
  return r.problems.map((p) => formatProblem(p).replace(file, 'FILE'));
}

describe('accept and wrong answers', () => {
  const task = (accept: string, wrong = '') => `  - id: t
    prompt: A 3 m boat. What is the levy?
    rubric:
      - text: States 21 marks.
        check: { type: number, value: 21, what: the levy }
    reference: "Answer: 21 marks"
    accept:
${accept}
${wrong}`;

  it('passes when every accepted answer passes and every wrong one fails', async () => {
    expect(await problems(task('      - "Answer: twenty-one marks"\n      - { answer: "**Answer:** 21", why: bold }', '    wrong:\n      - { answer: "Answer: 21 or 22 marks", why: hedges }'))).toEqual([]);
  });

  it('reports an accepted answer that fails a check, with the item and the reason', async () => {
    expect(await problems(task('      - "Answer: 22 marks"'))).toEqual([
      'FILE:19:9 tasks[0].accept[0]: fails rubric[0] ("States 21 marks."): expected the levy 21; the final answer gives 22; a correct answer must pass every check',
    ]);
  });

  it('reports a wrong answer that passes every check (a hedge the check let through is a bug of the check)', async () => {
    const r = await problems(task('      - "Answer: 21"', '    wrong:\n      - { answer: "Answer: 21 marks, not 22", why: hedge written as a denial }'));
    expect(r).toEqual([expect.stringMatching(/^FILE:21:19 tasks\[0\]\.wrong\[0\]\.answer: passes every check of the task \(it should fail one: hedge written as a denial\)/)]);
  });

  it('under --strict, needs at least 3 accept and 3 wrong answers per task', async () => {
    const r = await problems(task('      - "Answer: 21"', '    wrong:\n      - { answer: "22", why: off by one }'), { strict: true });
    expect(r).toEqual([
      expect.stringMatching(/^FILE:19:7 tasks\[0\]\.accept: has 1 accept answer; a bundled task needs at least 3/),
      expect.stringMatching(/^FILE:21:7 tasks\[0\]\.wrong: has 1 wrong answer; a bundled task needs at least 3/),
    ]);
    expect(await problems(task('      - "Answer: 21"', '    wrong:\n      - { answer: "22", why: off by one }'))).toEqual([]);
  });
});

describe('evidence', () => {
  const task = (evidence: string) => `  - id: t
    prompt: A 3 m boat. What is the levy?
    rubric:
      - text: States 21 marks.
        check: { type: number, value: 21 }
        evidence: ${evidence}
`;
  it('accepts quotes that occur once (whitespace may differ)', async () => {
    expect(await problems(task('["round UP", "glass   pays half"]'))).toEqual([]);
  });
  it('reports a missing quote and an ambiguous one at their position', async () => {
    expect(await problems(task('["round DOWN", "7 marks per metre"]'))).toEqual([
      'FILE:17:20 tasks[0].rubric[0].evidence[0]: "round DOWN" does not occur in the context; quote it exactly (whitespace may differ)',
      'FILE:17:34 tasks[0].rubric[0].evidence[1]: "7 marks per metre" occurs more than once in the context; quote more of it so it points at one place',
    ]);
  });
});

describe('labels and regexes', () => {
  it('a check label must be one of the task answerLabels', async () => {
    const r = await problems(`  - id: t
    prompt: "Answer with LEVY: <marks>"
    answerLabels: [LEVY]
    rubric:
      - text: States 21 marks.
        check: { type: number, value: 21, label: LEVY }
      - text: States the rate.
        check: { type: number, value: 7, label: RATE }
`);
    expect(r).toEqual(['FILE:19:49 tasks[0].rubric[1].check.label: "RATE" is not one of the task\'s answerLabels (LEVY)']);
  });

  it.each([
    ["'(?<!not )21'", /lookbehind .*RE2.* negate: true/],
    ["'^(?=[\\s\\S]*21)'", /lookahead .*RE2.* includes check with mode: all/],
    ["'(2)1\\1'", /backreference/],
  ])('rejects %s with what to use instead', async (pattern, message) => {
    const r = await problems(`  - id: t
    prompt: p
    rubric:
      - text: States 21 marks.
        check: { type: regex, pattern: ${pattern} }
`);
    expect(r).toEqual([expect.stringMatching(/^FILE:16:40 tasks\[0\]\.rubric\[0\]\.check\.pattern: regex cannot be used: uses a /)]);
    expect(r[0]).toMatch(message);
  });

  it('capture needs expect, and pattern and capture do not mix', async () => {
    const r = await problems(`  - id: t
    prompt: p
    rubric:
      - text: a
        check: { type: regex, capture: '(\\d+)' }
      - text: b
        check: { type: regex, pattern: 'x', expect: '1' }
`);
    expect(r).toEqual([
      expect.stringMatching(/^FILE:16:\d+ tasks\[0\]\.rubric\[0\]\.check\.capture: capture needs expect/),
      expect.stringMatching(/^FILE:18:\d+ tasks\[0\]\.rubric\[1\]\.check\.expect: expect works with capture/),
    ]);
  });
});

describe('a regex that would backtrack for ever', () => {
  const evil = `'^(a+)+$'`;
  it('validates a wrong answer of the evil shape promptly (RE2 is linear)', async () => {
    const dir = tempDir();
    write(dir, 's.yaml', HEAD + `  - id: t
    prompt: p
    rubric:
      - text: Answers with a run of a.
        check: { type: regex, pattern: ${evil} }
    reference: aaaa
    wrong:
      - { answer: "${'a'.repeat(5000)}!", why: ends with a bang }
`);
    // Before RE2 this did not return (a backtracking engine needs 2^5000 steps); the test's
    // timeout is the bound.
    const lib = await loadLibrary([dir], { cacheDir: false, optionalDirs: [] });
    expect(lib.problems).toEqual([]);
    expect(lib.scenarios).toHaveLength(1);
  });
});
