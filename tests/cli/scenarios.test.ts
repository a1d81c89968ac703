// `clplay validate` and `clplay list` run as a user would (the built dist/clplay.js): exit codes,
// one line per problem, the summary, and list's JSON shape.
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';
import { VALID_YAML } from '../core/scenario/helpers.js';

let root: string;
let env: Record<string, string>;
const withId = (id: string) => VALID_YAML.replace('id: tiny-levy', `id: ${id}`);

beforeAll(() => {
  if (!existsSync(CLI_PATH)) throw new Error('dist/clplay.js is missing: run `npm run build` first (npm test does)');
  root = mkdtempSync(join(tmpdir(), 'clplay-cli-scn-'));
  env = { CLPLAY_CONFIG_DIR: join(root, 'config'), CLPLAY_CACHE_DIR: join(root, 'cache'), CLPLAY_SCENARIOS: '' };
  mkdirSync(join(root, 'good'));
  writeFileSync(join(root, 'good', 'one.yaml'), withId('one'));
  writeFileSync(join(root, 'good', 'two.yaml'), withId('two'));
  mkdirSync(join(root, 'bad'));
  writeFileSync(join(root, 'bad', 'typo.yaml'), withId('typo').replace('    prompt: A 3 m', '    promt: A 3 m').replace('estimatedMinutes: 3', 'estimatedMinutes: soon'));
  writeFileSync(join(root, 'bad', 'tab.yaml'), withId('tab').replace('  - id: second', '\t- id: second'));
  writeFileSync(join(root, 'bad', 'fine.yaml'), withId('fine'));
  mkdirSync(join(root, 'empty'));
  mkdirSync(join(root, 'dup'));
  writeFileSync(join(root, 'dup', 'a.yaml'), withId('twin'));
  writeFileSync(join(root, 'dup', 'b.yaml'), withId('twin'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('clplay validate', () => {
  it('exits 0 and says how many are valid', () => {
    const r = runCli(['validate', join(root, 'good')], { env, cwd: root });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('2 scenarios valid\n');
    expect(r.code).toBe(0);
  });

  it('validates the bundled scenarios by default', () => {
    const r = runCli(['validate'], { env });
    expect(r.stdout).toMatch(/^\d+ scenarios? valid\n$/);
    expect(r.code).toBe(0);
  });

  it('reports every problem on one line each, relative paths, then a summary; exit 1', () => {
    const r = runCli(['validate', 'bad'], { env, cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'bad/tab.yaml:21:1 YAML syntax: Tabs are not allowed as indentation (indent with spaces, not tabs)',
      'bad/typo.yaml:7:19 estimatedMinutes: expected a number, got text "soon"',
      'bad/typo.yaml:12:5 tasks[0].promt: unknown field "promt" (did you mean "prompt"?)',
      '3 problems in 2 files (1 scenario valid)',
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  it('reports an id used by two files', () => {
    const r = runCli(['validate', 'dup'], { env, cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('dup/b.yaml:1:5 id: id "twin" is also used by');
  });

  it('an empty folder is a clear message and exit 1', () => {
    const r = runCli(['validate', 'empty'], { env, cwd: root });
    expect(r.stdout).toBe('no scenario files (*.yaml, *.yml, *.json) found in empty\n');
    expect(r.code).toBe(1);
  });

  it('a path that does not exist is a problem, not a crash', () => {
    const r = runCli(['validate', 'nowhere'], { env, cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/nowhere: scenario folder not found/);
    expect(r.stderr).toBe('');
  });

  it('refuses a 50 MB single-line file with one line', () => {
    const dir = join(root, 'huge');
    mkdirSync(dir);
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    const r = runCli(['validate', 'huge'], { env, cwd: root });
    expect(r.stdout).toContain('huge/huge.json:1:1 the file is 50 MB; scenario files may be at most 10 MB');
    expect(r.code).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('clplay list', () => {
  it('--json prints the summary fields of every loaded scenario', () => {
    const r = runCli(['list', '--json', '--scenarios', join(root, 'good')], { env });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const one = rows.find((x) => x.id === 'one');
    expect(one).toEqual({
      id: 'one',
      title: 'Tiny levy',
      category: 'rule-system-application',
      subcategory: 'Legal & Regulatory',
      origin: 'fictional',
      language: 'en',
      tasks: 2,
      dependentTasks: 1,
      contextChars: "Art. 1: the levy is 7 marks per metre. Art. 2: round UP.\n".length,
      path: join(root, 'good', 'one.yaml'),
    });
    expect(rows.some((x) => x.id === 'sorrel-language')).toBe(true);
  });

  it('lists the valid scenarios and reports invalid ones on stderr, one line each', () => {
    const r = runCli(['list', '--scenarios', 'bad'], { env, cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+TASKS\s+CONTEXT\s+CATEGORY\s+TITLE$/m);
    expect(r.stdout).toMatch(/^fine\s+2 \(1 dep\)\s+57 ch\s+Rule System Application \/ Legal & Regulatory\s+Tiny levy$/m);
    expect(r.stderr.trim().split('\n')).toEqual([
      'clplay: bad/tab.yaml:21:1 YAML syntax: Tabs are not allowed as indentation (indent with spaces, not tabs)',
      'clplay: bad/typo.yaml:7:19 estimatedMinutes: expected a number, got text "soon"',
      'clplay: bad/typo.yaml:12:5 tasks[0].promt: unknown field "promt" (did you mean "prompt"?)',
    ]);
  });

  it('lists the same from its cache, and still reports the invalid files', () => {
    const first = runCli(['list', '--scenarios', 'bad'], { env, cwd: root });
    const again = runCli(['list', '--scenarios', 'bad'], { env, cwd: root });
    expect(again).toEqual(first);
    expect(again.stderr.trim().split('\n')).toHaveLength(3);
  });

  it('takes folders from CLPLAY_SCENARIOS', () => {
    const r = runCli(['list', '--json'], { env: { ...env, CLPLAY_SCENARIOS: join(root, 'good') } });
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['one', 'two']));
  });
});
