// Temp folders and a valid base scenario for the scenario-loading tests.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clplay-scn-'));
  made.push(d);
  return d;
}

export function write(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** A valid scenario as YAML lines; tests edit single lines of it. */
export const VALID_YAML = `id: tiny-levy
title: Tiny levy
category: rule-system-application
subcategory: Legal & Regulatory
origin: fictional
language: en
estimatedMinutes: 3
context: |
  Art. 1: the levy is 7 marks per metre. Art. 2: round UP.
tasks:
  - id: first
    prompt: A 3 m boat. What is the levy?
    rubric:
      - text: States 21 marks.
        check: { type: number, value: 21 }
      - text: Explains the rule.
    reference: 3 x 7 = 21 marks.
    wrong:
      - answer: 20 marks
        why: miscounted
  - id: second
    prompt: And for 4 m?
    dependsOn: [first]
    rubric:
      - text: States 28 marks.
        check: { type: regex, pattern: '\\b28\\b' }
`;

export function validObject(): Record<string, unknown> {
  return {
    id: 'tiny-json',
    title: 'Tiny JSON',
    category: 'rule-system-application',
    subcategory: 'Legal & Regulatory',
    origin: 'fictional',
    language: 'en',
    estimatedMinutes: 3,
    context: 'Art. 1: the levy is 7 marks per metre.',
    tasks: [
      {
        id: 'first',
        prompt: 'A 3 m boat. What is the levy?',
        rubric: [{ text: 'States 21 marks.', check: { type: 'number', value: 21 } }],
        reference: '21 marks',
      },
    ],
  };
}
