// CL-bench's grading prompt, read out of the user's own copy of upstream's eval.py. clplay ships
// no upstream text: the template is the run of concatenated string literals (an f-string
// concatenation) that holds the two placeholders `{rubrics_text}` and `{model_output}`, exactly
// as eval.py's call_judge_api builds `grading_prompt`. Where it cannot be found, one line says
// which file, what was missing, and what to do.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { PythonSourceError, stringRuns, type TemplatePart } from './python-strings.js';

export const RUBRICS_FIELD = 'rubrics_text';
export const RESPONSE_FIELD = 'model_output';

/** The environment variable naming upstream's eval.py. */
export const CLBENCH_EVAL_ENV = 'CLPLAY_CLBENCH_EVAL';

export interface GradingTemplate {
  /** The file it was read from. */
  file: string;
  /** 1-based line where the template starts. */
  line: number;
  parts: TemplatePart[];
}

/** The template in `source`, or a reason (without the file name) why none was found. */
export function findGradingTemplate(source: string): { parts: TemplatePart[]; line: number } | { problem: string } {
  let runs;
  try {
    runs = stringRuns(source);
  } catch (err) {
    if (err instanceof PythonSourceError) return { problem: `line ${err.line}: ${err.message}` };
    throw err;
  }
  const holding = runs.filter((r) => {
    const fields = new Set(r.parts.flatMap((p) => ('field' in p ? [p.field] : [])));
    return fields.has(RUBRICS_FIELD) && fields.has(RESPONSE_FIELD);
  });
  if (holding.length === 0) return { problem: `no concatenated string holding both {${RUBRICS_FIELD}} and {${RESPONSE_FIELD}} was found` };
  if (holding.length > 1) return { problem: `${holding.length} strings hold {${RUBRICS_FIELD}} and {${RESPONSE_FIELD}} (lines ${holding.map((r) => r.line).join(', ')}); expected one` };
  const run = holding[0]!;
  const other = run.parts.find((p) => 'field' in p && p.field !== RUBRICS_FIELD && p.field !== RESPONSE_FIELD);
  if (other && 'field' in other) return { problem: `the grading prompt at line ${run.line} has a third placeholder {${other.field}}` };
  return { parts: run.parts, line: run.line };
}

/** Reads and checks the template in `file`; a one-line UserError when it cannot. */
export function loadGradingTemplate(file: string, cwd = process.cwd()): GradingTemplate {
  const path = resolve(cwd, file);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read CL-bench's eval.py (${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}); point --clbench-eval (or ${CLBENCH_EVAL_ENV}) at your copy of upstream's eval.py`, 2);
  }
  const found = findGradingTemplate(source.replace(/^\uFEFF/, ''));
  if ('problem' in found) {
    throw new UserError(`${file}: not CL-bench's grading prompt: ${found.problem}; point --clbench-eval (or ${CLBENCH_EVAL_ENV}) at upstream's eval.py, or use --judge-protocol clplay`, 2);
  }
  return { file: path, line: found.line, parts: found.parts };
}

/** The prompt with the two placeholders filled in, as Python's f-string would. */
export function renderGradingPrompt(t: Pick<GradingTemplate, 'parts'>, rubricsText: string, modelOutput: string): string {
  return t.parts.map((p) => ('text' in p ? p.text : p.field === RUBRICS_FIELD ? rubricsText : modelOutput)).join('');
}
