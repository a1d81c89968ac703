// Loading a study file: YAML or JSON, validated by the zod schema, every problem with its file,
// line and column (the scenario loader's source reading and issue wording, reused).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { RE2JS } from 're2js';
import { issuesToProblems } from '../scenario/issues.js';
import { fieldPath, type Problem } from '../scenario/problem.js';
import { decodeUtf8, parseJsonSource, parseYamlSource } from '../scenario/source.js';
import { describeFsError, sortProblems } from '../scenario/load.js';
import { StudyFileSchema, type Study } from './schema.js';

const MAX_STUDY_BYTES = 1024 * 1024;

export interface StudyLoad {
  study?: Study;
  problems: Problem[];
}

export async function loadStudyFile(path: string): Promise<StudyLoad> {
  const file = path;
  const top = (message: string): StudyLoad => ({ problems: [{ file, line: 1, col: 1, field: '', message }] });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return top(`cannot read the study file: ${describeFsError(err)}`);
  }
  if (bytes.length > MAX_STUDY_BYTES) return top('the file is over 1 MB; is it really a study file?');
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return { problems: [{ file, line: decoded.error.line, col: decoded.error.col, field: '', message: decoded.error.message }] };
  const parsed = extname(path).toLowerCase() === '.json' ? parseJsonSource(decoded.text) : parseYamlSource(decoded.text);
  const problems: Problem[] = parsed.errors.map((e) => ({ file, line: e.line, col: e.col, field: '', message: e.message }));
  const source = parsed.source;
  if (!source) return { problems };
  const result = StudyFileSchema.safeParse(source.data);
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues as never, { file, source, schema: StudyFileSchema }));
    return { problems: sortProblems(problems) };
  }
  const data = result.data;
  const at = (p: PropertyKey[], message: string): Problem => {
    const pos = source.locate(p);
    return { file, line: pos.line, col: pos.col, field: fieldPath(p), message };
  };
  try {
    RE2JS.compile(data.participantPattern);
  } catch (err) {
    problems.push(at(['participantPattern'], `is not a pattern clplay can use: ${(err as Error).message}`));
  }
  if (Array.isArray(data.scenarios) && new Set(data.scenarios).size !== data.scenarios.length) {
    problems.push(at(['scenarios'], 'names a scenario twice'));
  }
  const seen = new Set<string>();
  data.exclusions.forEach((r, i) => {
    if (seen.has(r.id)) problems.push(at(['exclusions', i, 'id'], `the exclusion id "${r.id}" is used twice`));
    seen.add(r.id);
  });
  if (problems.length) return { problems: sortProblems(problems) };
  const { $schema: _s, ...rest } = data;
  return { study: { ...rest, path: resolve(path), hash: createHash('sha256').update(bytes).digest('hex') }, problems: [] };
}

/** Does `code` match the study's participant pattern in full? */
export function validParticipant(study: Pick<Study, 'participantPattern'>, code: string): boolean {
  return RE2JS.compile(study.participantPattern).matches(code);
}
