import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { BUNDLED_SCENARIOS } from '../../../src/core/paths.js';
import { loadLibrary, resolveScenario, scenarioDirs } from '../../../src/core/scenario/library.js';
import { formatProblem } from '../../../src/core/scenario/load.js';
import { tempDir, VALID_YAML, validObject, write } from './helpers.js';

const withId = (id: string) => VALID_YAML.replace('id: tiny-levy', `id: ${id}`);

describe('scenarioDirs', () => {
  it('lists the bundled folder, then --scenarios flags, then CLPLAY_SCENARIOS, resolved and without repeats', () => {
    const dirs = scenarioDirs({ flags: ['a', '/abs/b'], env: { CLPLAY_SCENARIOS: ['/c', '', 'a'].join(delimiter) }, cwd: '/work' });
    expect(dirs).toEqual([BUNDLED_SCENARIOS, '/work/a', '/abs/b', '/c']);
  });
  it('finds the bundled folder relative to the package, not the working directory', () => {
    expect(BUNDLED_SCENARIOS.endsWith('scenarios')).toBe(true);
    expect(scenarioDirs({ env: {}, cwd: '/tmp' })[0]).toBe(BUNDLED_SCENARIOS);
  });
});

describe('loadLibrary', () => {
  it('reads folders recursively, YAML and JSON, skipping the JSON Schema and context files', async () => {
    const dir = tempDir();
    write(dir, 'a.yaml', withId('alpha'));
    write(dir, 'nested/deeper/b.yml', withId('beta'));
    write(dir, 'c.json', JSON.stringify(validObject()));
    write(dir, 'scenario.schema.json', '{"not": "a scenario"}');
    write(dir, 'notes.md', '# not a scenario');
    write(dir, '.hidden/x.yaml', 'garbage: [');
    // a context file that happens to be JSON is material, not a scenario
    write(dir, 'ctx/material.json', '{"the": "material"}');
    write(dir, 'ctx/uses-json.yaml', withId('gamma').replace(/context: \|\n.*\n/, 'contextFile: material.json\n'));
    const lib = await loadLibrary([dir], { optionalDirs: [] });
    expect(lib.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(lib.scenarios.map((s) => s.id).sort()).toEqual(['alpha', 'beta', 'gamma', 'tiny-json']);
    expect(lib.files).toBe(4);
  });

  it('reports an id used by two files, naming both, and keeps the first', async () => {
    const one = tempDir();
    const two = tempDir();
    const first = write(one, 'x.yaml', withId('same'));
    const second = write(two, 'y.yaml', withId('same'));
    const lib = await loadLibrary([one, two], { optionalDirs: [] });
    expect(lib.scenarios.map((s) => s.path)).toEqual([first]);
    expect(lib.problems.map((p) => formatProblem(p))).toEqual([
      `${second}:1:5 id: id "same" is also used by ${first}; scenario ids must be unique (this file is skipped)`,
    ]);
  });

  it('reports a missing folder a user named, and tolerates a missing bundled folder', async () => {
    const gone = join(tempDir(), 'gone');
    const lib = await loadLibrary([gone], { optionalDirs: [] });
    expect(lib.problems.map((p) => formatProblem(p))).toEqual([`${gone}: scenario folder not found (no such file)`]);
    const quiet = await loadLibrary([gone], { optionalDirs: [gone] });
    expect(quiet.problems).toEqual([]);
  });

  it('gives an empty folder no scenarios and no problems (validate turns that into a message)', async () => {
    const lib = await loadLibrary([tempDir()], { optionalDirs: [] });
    expect(lib).toMatchObject({ scenarios: [], problems: [], files: 0 });
  });

  it('keeps loading the other files when some are broken', async () => {
    const dir = tempDir();
    write(dir, 'good.yaml', withId('good'));
    write(dir, 'bad.yaml', withId('bad').replace('estimatedMinutes: 3', 'estimatedMinutes: x'));
    write(dir, 'worse.json', '{');
    write(dir, 'binary.yaml', Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    const lib = await loadLibrary([dir], { optionalDirs: [] });
    expect(lib.scenarios.map((s) => s.id)).toEqual(['good']);
    expect(lib.problems).toHaveLength(3);
    expect(lib.invalid.get('bad')?.field).toBe('estimatedMinutes');
  });

  it('loads many files in parallel without running out of file handles', async () => {
    const dir = tempDir();
    for (let i = 0; i < 300; i++) write(dir, `s${i}.yaml`, withId(`s-${i}`));
    const lib = await loadLibrary([dir], { optionalDirs: [] });
    expect(lib.scenarios).toHaveLength(300);
    expect(lib.problems).toEqual([]);
  });
});

describe('resolveScenario', () => {
  it('takes a file path first, then an id', async () => {
    const dir = tempDir();
    const file = write(dir, 'one.yaml', withId('one'));
    expect((await resolveScenario(file, [dir])).id).toBe('one');
    expect((await resolveScenario('one.yaml', [], { cwd: dir })).id).toBe('one');
    expect((await resolveScenario('one', [dir])).path).toBe(file);
  });

  it('says which ids are near when an id is unknown', async () => {
    const dir = tempDir();
    write(dir, 'one.yaml', withId('harbour-levy'));
    await expect(resolveScenario('harbor-levy', [dir])).rejects.toThrow(
      new UserError('unknown scenario "harbor-levy"; did you mean harbour-levy? (run `clplay list` to see them all)'),
    );
  });

  it('names the first problem when the file or the id is invalid', async () => {
    const dir = tempDir();
    const file = write(dir, 'bad.yaml', withId('broken').replace('estimatedMinutes: 3', 'estimatedMinutes: x'));
    await expect(resolveScenario(file, [dir])).rejects.toThrow(`${file}:7:19 estimatedMinutes: expected a number, got text "x"`);
    await expect(resolveScenario('broken', [dir])).rejects.toThrow(/^scenario "broken" is invalid: .*bad\.yaml:7:19 estimatedMinutes/);
    await expect(resolveScenario('./nope.yaml', [dir])).rejects.toThrow('no such scenario file: ./nope.yaml');
  });
});
