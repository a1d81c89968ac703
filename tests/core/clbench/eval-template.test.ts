import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findGradingTemplate, loadGradingTemplate, renderGradingPrompt } from '../../../src/core/clbench/eval-template.js';
import { stringRuns, unescapePython } from '../../../src/core/clbench/python-strings.js';
import { UserError } from '../../../src/core/errors.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/clbench-eval-shape.py');
// What CPython itself evaluates the fixture's grading_prompt to, with rubrics_text = "R" and
// model_output = "M" (computed once with python3 -c and pasted here).
const PYTHON_SAYS =
  "You mark homework from a checklist, \u3010strictly\u3011.\n\nRules\nGive 1 only when \"every\" line of the \u3010Checklist\u3011 holds; otherwise 0.\nSingle-quoted, with a \"double\" quote and a tab:\there.\nA raw line keeps \\n as two characters.\nBraces in a plain string stay {as written}.\nOctal A, hex B, a long \ud83d\ude00 and an unknown \\q escape.\n\u3010Output\u3011: [x\u2081, \u2026, x\u2099]\n\u3010Checklist\u3011:\nR\n\u3010Answer\u3011:\nM\n\nReply with JSON only:\n{\n  \"Grading Rationale\": \"why\",\n  \"List of Requirement Satisfaction Status\": [\"yes\", \"no\", ...],\n  \"Overall Score\": 0 or 1 {not a field}\n}\n";

const tmp = mkdtempSync(join(tmpdir(), 'clplay-evalpy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Python string literals', () => {
  it('processes escapes as Python does', () => {
    expect(unescapePython('a\\nb\\tc\\\\d\\\'e\\"f')).toBe('a\nb\tc\\d\'e"f');
    expect(unescapePython('\\101\\x42\\u3010\\U0001F600\\0')).toBe('AB\u3010\u{1F600}\0');
    expect(unescapePython('\\q\\d')).toBe('\\q\\d');
    expect(unescapePython('line\\\nnext')).toBe('linenext');
    expect(() => unescapePython('\\xZ1')).toThrow(/hex digits/);
  });
  it('joins adjacent literals inside brackets, but not across statements', () => {
    const runs = stringRuns('x = ("a" \'b\'  # note\n  "c")\ny = "d"\n"e"\nz = f"{v}" r"\\n"');
    expect(runs.map((r) => r.parts)).toEqual([[{ text: 'abc' }], [{ text: 'd' }], [{ text: 'e' }], [{ field: 'v' }, { text: '\\n' }]]);
    expect(runs.map((r) => r.line)).toEqual([1, 3, 4, 5]);
  });
  it('reads triple quotes, doubled braces and names that end in prefix letters', () => {
    const runs = stringRuns('"""doc "quoted" \n more"""\nnumber = bar\nq = F\'{{x}} {name}\'');
    expect(runs.map((r) => r.parts)).toEqual([[{ text: 'doc "quoted" \n more' }], [{ text: '{x} ' }, { field: 'name' }]]);
  });
  it('refuses what it cannot read exactly', () => {
    expect(() => stringRuns('x = "open')).toThrow(/not closed/);
    expect(() => stringRuns('x = f"{a + b}"')).toThrow(/not a plain variable name/);
    expect(() => stringRuns('x = b"bytes"')).toThrow(/bytes/);
  });
});

describe('the grading template in an eval.py-shaped file', () => {
  it('is read and rendered exactly as CPython builds it', () => {
    const t = loadGradingTemplate(FIXTURE);
    expect(t.line).toBe(25);
    expect(renderGradingPrompt(t, 'R', 'M')).toBe(PYTHON_SAYS);
  });
  it('fills the placeholders with text that itself has braces, verbatim', () => {
    const t = loadGradingTemplate(FIXTURE);
    expect(renderGradingPrompt(t, '1. {rubrics_text}', '{model_output} }{')).toContain('\u3010Checklist\u3011:\n1. {rubrics_text}\n\u3010Answer\u3011:\n{model_output} }{\n');
  });
  it('fails with one line naming the file, what is missing and what to do', () => {
    const none = join(tmp, 'other.py');
    writeFileSync(none, 'prompt = f"{rubrics_text} only"\n');
    expect(() => loadGradingTemplate(none)).toThrow(UserError);
    expect(() => loadGradingTemplate(none)).toThrow(/other\.py: not CL-bench's grading prompt: no concatenated string holding both \{rubrics_text\} and \{model_output\} was found; point --clbench-eval/);
    const broken = join(tmp, 'broken.py');
    writeFileSync(broken, 'x = 1\ny = "unclosed\n');
    expect(() => loadGradingTemplate(broken)).toThrow(/broken\.py: not CL-bench's grading prompt: line 2: a string literal is not closed on its line/);
    expect(() => loadGradingTemplate(join(tmp, 'missing.py'))).toThrow(/missing\.py: cannot read CL-bench's eval\.py \(no such file\)/);
    expect(findGradingTemplate('a = (f"{rubrics_text}" f"{model_output}")\nb = (f"{rubrics_text}" f"{model_output}")')).toEqual({ problem: expect.stringMatching(/2 strings hold/) });
  });
});
