import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadScenarioFile, formatProblem, type Problem } from '../../../src/core/scenario/load.js';
import { tempDir, VALID_YAML, validObject, write } from './helpers.js';

const lines = (ps: Problem[]) => ps.map((p) => formatProblem(p));

async function load(name: string, content: string | Uint8Array) {
  const dir = tempDir();
  const path = write(dir, name, content);
  const r = await loadScenarioFile(path);
  return { ...r, path, dir, text: lines(r.problems).map((l) => l.slice(path.length)) };
}

describe('loadScenarioFile: valid files', () => {
  it('loads a valid YAML scenario and hashes its bytes', async () => {
    const r = await load('ok.yaml', VALID_YAML);
    expect(r.problems).toEqual([]);
    expect(r.scenario?.id).toBe('tiny-levy');
    expect(r.scenario?.context).toContain('7 marks per metre');
    expect(r.scenario?.tasks).toHaveLength(2);
    expect(r.scenario?.path).toBe(r.path);
    expect(r.scenario?.hash).toBe(createHash('sha256').update(VALID_YAML).digest('hex'));
  });

  it('accepts a UTF-8 BOM and CRLF line endings', async () => {
    const crlf = '\uFEFF' + VALID_YAML.replace(/\n/g, '\r\n');
    const r = await load('bom.yaml', Buffer.from(crlf, 'utf8'));
    expect(r.text).toEqual([]);
    expect(r.scenario?.context).toBe('Art. 1: the levy is 7 marks per metre. Art. 2: round UP.\n');
    expect(r.scenario?.tasks[0]!.prompt).toBe('A 3 m boat. What is the levy?');
  });

  it('accepts BOM + CRLF in JSON too', async () => {
    const json = '\uFEFF' + JSON.stringify(validObject(), null, 2).replace(/\n/g, '\r\n');
    const r = await load('bom.json', json);
    expect(r.text).toEqual([]);
    expect(r.scenario?.id).toBe('tiny-json');
  });

  it('reads contextFile relative to the scenario file and hashes it too', async () => {
    const dir = tempDir();
    write(dir, 'sub/material.md', 'The material.\r\nLine two.\n');
    const yaml = VALID_YAML.replace(/context: \|\n.*\n/, 'contextFile: material.md\n');
    const path = write(dir, 'sub/s.yaml', yaml);
    const r = await loadScenarioFile(path);
    expect(lines(r.problems)).toEqual([]);
    expect(r.scenario?.context).toBe('The material.\nLine two.\n');
    const h = createHash('sha256').update(yaml).update('The material.\r\nLine two.\n').digest('hex');
    expect(r.scenario?.hash).toBe(h);
    expect(r.contextPath).toBe(`${dir}/sub/material.md`);
  });

  it('lets an imported CL-bench chain have an empty first prompt, nobody else', async () => {
    const obj = validObject();
    (obj.tasks as { prompt: string }[])[0]!.prompt = '';
    const bad = await load('a.json', JSON.stringify(obj, null, 2));
    expect(bad.text).toEqual([expect.stringMatching(/^:\d+:\d+ tasks\[0\]\.prompt: is empty; only an imported CL-bench chain/)]);
    obj.source = { format: 'cl-bench', contextId: 'c1' };
    const ok = await load('b.json', JSON.stringify(obj, null, 2));
    expect(ok.text).toEqual([]);
  });
});

describe('loadScenarioFile: syntax and encoding', () => {
  it('reports a tab used for indentation with its line and column', async () => {
    const r = await load('tab.yaml', VALID_YAML.replace('  - id: second', '\t- id: second'));
    expect(r.scenario).toBeUndefined();
    expect(r.text).toEqual([':21:1 YAML syntax: Tabs are not allowed as indentation (indent with spaces, not tabs)']);
  });

  it('reports bad indentation', async () => {
    const r = await load('indent.yaml', VALID_YAML.replace('title: Tiny levy', ' title: Tiny levy'));
    expect(r.scenario).toBeUndefined();
    expect(r.text).toEqual([
      ':2:2 YAML syntax: this line is indented deeper than the key above it, so it is read as part of that value (align it with its sibling keys)',
    ]);
    const r2 = await load('colon.yaml', VALID_YAML.replace('prompt: And for 4 m?', 'prompt: Note: what for 4 m?'));
    expect(r2.text).toEqual([':22:13 YAML syntax: a plain value may not contain ": " (put the value in quotes)']);
  });

  it('reports invalid UTF-8 at the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('id: x\ntitle: café '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const r = await load('bad.yaml', bytes);
    expect(r.text).toEqual([':2:13 invalid UTF-8 (byte 0xC3 at offset 19); save the file as UTF-8']);
  });

  it('reports an empty file and a file that is not a mapping', async () => {
    expect((await load('e.yaml', '\n  \n')).text[0]).toMatch(/^:1:1 the file is empty/);
    expect((await load('l.yaml', '- a\n- b\n')).text[0]).toMatch(/holds a list/);
  });

  it('refuses a 50 MB single-line file at once, without reading it', async () => {
    const dir = tempDir();
    const path = write(dir, 'huge.yaml', Buffer.alloc(50 * 1024 * 1024, 0x78));
    const r = await loadScenarioFile(path);
    expect(lines(r.problems)).toEqual([`${path}:1:1 the file is 50 MB; scenario files may be at most 10 MB (is it really a scenario? the limit is the setting limits.scenarioMB)`]);
  });

  it('parses a large single-line file under the limit quickly', async () => {
    const obj = validObject();
    obj.context = 'word '.repeat(1_800_000); // 9 MB on one line
    const r = await load('big.json', JSON.stringify(obj));
    expect(r.text).toEqual([]);
  });

  it('reports JSON syntax errors with line and column', async () => {
    const r = await load('t.json', '{\n  "id": "x",\n  "title": "T",\n}\n');
    expect(r.text).toEqual([':4:1 JSON syntax: trailing comma before "}" (JSON allows none)']);
    const r2 = await load('q.json', "{\n  'id': 1\n}");
    expect(r2.text[0]).toMatch(/^:2:3 JSON syntax: /);
  });

  it('rejects a non-scenario extension', async () => {
    expect((await load('x.txt', 'id: x')).text[0]).toMatch(/not a scenario file/);
  });
});

describe('loadScenarioFile: schema problems, one line each, with positions', () => {
  it('maps wrong types, unknown fields and unknown checks to FILE:LINE:COL field: message', async () => {
    const yaml = VALID_YAML.replace('estimatedMinutes: 3', 'estimatedMinutes: three')
      .replace('    prompt: A 3 m boat.', '    promt: A 3 m boat.')
      .replace('{ type: number, value: 21 }', '{ type: numbr, value: 21 }')
      .replace('category: rule-system-application', 'category: rule-system');
    const r = await load('bad.yaml', yaml);
    expect(r.scenario).toBeUndefined();
    expect(r.text).toEqual([
      ':3:11 category: unknown category "rule-system" (expected one of domain-knowledge-reasoning, rule-system-application, procedural-task-execution, empirical-discovery-simulation); did you mean "rule-system-application"?',
      ':7:19 estimatedMinutes: expected a number, got text "three"',
      ':12:5 tasks[0].promt: unknown field "promt" (did you mean "prompt"?)',
      ':15:24 tasks[0].rubric[0].check.type: unknown check "numbr" (expected one of includes, excludes, regex, number, equals, choice, words, sentences, json, format); did you mean "number"?',
    ]);
  });

  it('reports unknown fields at the key, with the allowed fields when no close match exists', async () => {
    const r = await load('u.yaml', VALID_YAML.replace('      - text: Explains the rule.', '      - text: Explains the rule.\n        zzzz: 1'));
    expect(r.text).toEqual([':17:9 tasks[0].rubric[1].zzzz: unknown field "zzzz" (allowed here: text, check, weight, number, evidence)']);
  });

  it('reports a missing required field and a value that must be quoted', async () => {
    const yaml = VALID_YAML.replace('title: Tiny levy\n', '').replace("check: { type: regex, pattern: '\\b28\\b' }", 'check: { type: includes, value: 28 }');
    const r = await load('m.yaml', yaml);
    expect(r.text).toEqual([':1:1 title: missing (required: text)', ':25:41 tasks[1].rubric[0].check.value: expected text or a list of texts, got 28']);
  });

  it('gives JSON files the same line:col problems', async () => {
    const obj = validObject();
    const task = (obj.tasks as Record<string, unknown>[])[0]!;
    task.rubric = [{ text: 'x', check: { type: 'numbr', value: 2 } }];
    task.promt = 'typo';
    obj.estimatedMinutes = 'ten';
    const r = await load('bad.json', JSON.stringify(obj, null, 2));
    expect(r.text).toEqual([
      ':8:23 estimatedMinutes: expected a number, got text "ten"',
      ':18:21 tasks[0].rubric[0].check.type: unknown check "numbr" (expected one of includes, excludes, regex, number, equals, choice, words, sentences, json, format); did you mean "number"?',
      ':24:7 tasks[0].promt: unknown field "promt" (did you mean "prompt"?)',
    ]);
  });

  it('reports a key given twice', async () => {
    const r = await load('d.yaml', VALID_YAML.replace('origin: fictional', 'origin: fictional\norigin: niche'));
    expect(r.text[0]).toMatch(/^:6:1 YAML syntax: the same key is given twice/);
    const j = await load('d.json', '{"id": "a", "id": "b"}');
    expect(j.text).toContain(':1:13 key "id" is given twice in one object (remove one)');
  });
});

describe('loadScenarioFile: cross-field rules', () => {
  it('dependsOn may name only earlier tasks', async () => {
    const yaml = VALID_YAML.replace('  - id: first\n', '  - id: first\n    dependsOn: [second]\n');
    const r = await load('dep.yaml', yaml);
    expect(r.text).toEqual([':12:17 tasks[0].dependsOn[0]: "second" is a later task (tasks[1]); dependsOn may name only earlier tasks']);
    const r2 = await load('dep2.yaml', VALID_YAML.replace('dependsOn: [first]', 'dependsOn: [frist]'));
    expect(r2.text).toEqual([':23:17 tasks[1].dependsOn[0]: no task "frist" in this scenario; did you mean "first"?']);
  });

  it('task ids must be unique', async () => {
    const r = await load('dup.yaml', VALID_YAML.replace('  - id: second', '  - id: first'));
    expect(r.text).toContain(':21:9 tasks[1].id: duplicate task id "first" (also tasks[0]); task ids must be unique');
  });

  it('every regex must compile', async () => {
    const r = await load('re.yaml', VALID_YAML.replace("pattern: '\\b28\\b'", "pattern: '(28'"));
    expect(r.text).toEqual([':26:40 tasks[1].rubric[0].check.pattern: regex cannot be used: missing closing ): `(28`']);
    const r2 = await load('re2.yaml', VALID_YAML.replace("pattern: '\\b28\\b'", "pattern: 'x', flags: gg"));
    expect(r2.text).toEqual([expect.stringMatching(/^:26:\d+ tasks\[1\]\.rubric\[0\]\.check\.flags: regex cannot be used: flag "g" is given twice/)]);
  });

  it('the reference must pass every check', async () => {
    const r = await load('ref.yaml', VALID_YAML.replace('reference: 3 x 7 = 21 marks.', 'reference: 3 x 7 = 22 marks.'));
    expect(r.text).toEqual([expect.stringMatching(/^:17:16 tasks\[0\]\.reference: fails rubric\[0\] \(number check\): .*21.*; fix the reference or the check$/)]);
  });

  it('every wrong answer must fail at least one check', async () => {
    const r = await load('wrong.yaml', VALID_YAML.replace('- answer: 20 marks', '- answer: 21 marks'));
    expect(r.text).toEqual([
      ':19:17 tasks[0].wrong[0].answer: passes every check of the task (it should fail one: miscounted); tighten a check or add one (rubric[0]: the answer gives the value as 21 (expected 21))',
    ]);
  });

  it('a wrong answer needs a machine check to fail', async () => {
    const yaml = VALID_YAML.replace('        check: { type: number, value: 21 }\n', '').replace('    reference: 3 x 7 = 21 marks.\n', '');
    const r = await load('nocheck.yaml', yaml);
    expect(r.text).toEqual([expect.stringMatching(/^:17:17 tasks\[0\]\.wrong\[0\]\.answer: the task has no machine check/)]);
  });

  it('a missing contextFile is reported at the field with the path it looked for', async () => {
    const r = await load('cf.yaml', VALID_YAML.replace(/context: \|\n.*\n/, 'contextFile: nowhere.md\n'));
    expect(r.text).toEqual([`:8:14 contextFile: "nowhere.md" not found (looked for ${r.dir}/nowhere.md; the path is relative to the scenario file)`]);
  });

  it('an empty context is reported, inline or from a file', async () => {
    const r = await load('ec.yaml', VALID_YAML.replace(/context: \|\n.*\n/, 'context: "  "\n'));
    expect(r.text).toEqual([':8:10 context: is empty; a scenario needs material to learn from']);
    const dir = tempDir();
    write(dir, 'empty.md', '\n\n');
    const p = write(dir, 's.yaml', VALID_YAML.replace(/context: \|\n.*\n/, 'contextFile: empty.md\n'));
    expect(lines((await loadScenarioFile(p)).problems)).toEqual([`${p}:8:14 contextFile: "empty.md" is empty; a scenario needs material to learn from`]);
  });

  it('no context at all, or both kinds, is a problem', async () => {
    const none = await load('n.yaml', VALID_YAML.replace(/context: \|\n.*\n/, ''));
    expect(none.text).toEqual([':1:1 missing context (give context: with the material, or contextFile: a path relative to this file)']);
    const dir = tempDir();
    write(dir, 'm.md', 'material');
    const p = write(dir, 'b.yaml', VALID_YAML.replace('context: |', 'contextFile: m.md\ncontext: |'));
    expect(lines((await loadScenarioFile(p)).problems)).toEqual([`${p}:8:14 contextFile: give either context or contextFile, not both`]);
  });

  it('checks the sanity of words limits and choice options', async () => {
    const yaml = VALID_YAML.replace("check: { type: regex, pattern: '\\b28\\b' }", 'check: { type: words, min: 9, max: 3 }').replace(
      '      - text: Explains the rule.',
      '      - text: Picks B.\n        check: { type: choice, value: F, options: [A, B] }',
    );
    const r = await load('sanity.yaml', yaml);
    expect(r.text).toEqual([
      ':17:39 tasks[0].rubric[1].check.value: "F" is not one of the options (A, B)',
      ':18:16 tasks[0].reference: fails rubric[1] (choice check): no option chosen (expected F); fix the reference or the check',
      ':27:36 tasks[1].rubric[0].check.min: min 9 is greater than max 3',
    ]);
  });

  it('reports problems of several kinds in one pass', async () => {
    const yaml = VALID_YAML.replace('estimatedMinutes: 3', 'estimatedMinutes: -1').replace("pattern: '\\b28\\b'", "pattern: '['");
    const r = await load('many.yaml', yaml);
    expect(r.text).toHaveLength(2);
    expect(r.text[0]).toBe(':7:19 estimatedMinutes: must be greater than 0 (got -1)');
    expect(r.text[1]).toMatch(/^:26:40 tasks\[1\]\.rubric\[0\]\.check\.pattern: regex cannot be used/);
  });
});
