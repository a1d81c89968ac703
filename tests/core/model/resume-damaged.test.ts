// `run --resume ID` on a run whose file is damaged, or was written by a newer clplay, says so and
// names the file - it is not "no saved run".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resumeTarget } from '../../../src/core/model/resume.js';
import { RunStore } from '../../../src/core/runs/store.js';
import { RUN_SCHEMA_VERSION } from '../../../src/core/runs/types.js';
import { modelRun, task } from '../../helpers/runs.js';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

describe('resumeTarget with unreadable run files', () => {
  it('names a damaged file and a newer-version file; an unknown id is still "no saved run"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clplay-resume-'));
    made.push(dir);
    const good = modelRun('r-good', 'm', 'quarry', [task('t1', ['pass'])], { batchId: 'b-000000000001' });
    writeFileSync(join(dir, 'r-good.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'r-broken.json'), '{"schemaVersion": 1, "id": "r-bro');
    writeFileSync(join(dir, 'r-future.json'), JSON.stringify({ ...good, id: 'r-future', schemaVersion: RUN_SCHEMA_VERSION + 1 }));
    const { runs, problems } = await new RunStore(dir).list();
    expect(runs.map((r) => r.id)).toEqual(['r-good']);

    expect(() => resumeTarget('r-broken', runs, problems)).toThrow(/^run r-broken cannot be resumed: .*r-broken\.json: ./);
    expect(() => resumeTarget('r-future', runs, problems)).toThrow(/^run r-future cannot be resumed: .*r-future\.json: .*newer/);
    expect(() => resumeTarget('r-none', runs, problems)).toThrow(/^no saved run or batch "r-none"/);
    expect(resumeTarget('r-good', runs, problems).batchId).toBe('b-000000000001');
  });
});
