import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeModeOptions } from '../../../src/commands/model-options.js';
import { describeSettings, loadSettings, saveSetting } from '../../../src/core/settings/settings.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/clbench-eval-shape.py');
const cwd = mkdtempSync(join(tmpdir(), 'clplay-cfg-eval-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const args = (values: Record<string, unknown>) => ({ values: values as never, positionals: [] });

describe('judge.clbenchEval', () => {
  it('is stored, shown with where it comes from, and used when no flag or variable names eval.py', async () => {
    await saveSetting('judge.clbenchEval', FIXTURE, { cwd, env: {} });
    const s = loadSettings({ cwd, env: {} });
    expect(s.judge.clbenchEval).toBe(FIXTURE);
    expect(describeSettings(s, {}).find((r) => r.key === 'judge.clbenchEval')).toMatchObject({ shown: FIXTURE, from: 'config' });
    expect(describeSettings(s, { CLPLAY_CLBENCH_EVAL: '/x/eval.py' }).find((r) => r.key === 'judge.clbenchEval')).toMatchObject({ shown: '/x/eval.py', from: 'CLPLAY_CLBENCH_EVAL (overrides the config)' });
    const mode = judgeModeOptions(args({}), {}, s, cwd);
    expect(mode.clbenchTemplate?.file).toBe(FIXTURE);
    expect(mode.protocol).toBeUndefined();
    // The variable wins over the setting, the flag over both; --judge-protocol clplay reads no file.
    expect(() => judgeModeOptions(args({}), { CLPLAY_CLBENCH_EVAL: join(cwd, 'none.py') }, s, cwd)).toThrow(/none\.py: cannot read/);
    expect(judgeModeOptions(args({ 'clbench-eval': FIXTURE }), { CLPLAY_CLBENCH_EVAL: join(cwd, 'none.py') }, s, cwd).clbenchTemplate).toBeDefined();
    expect(judgeModeOptions(args({ 'judge-protocol': 'clplay' }), { CLPLAY_CLBENCH_EVAL: join(cwd, 'none.py') }, s, cwd)).toMatchObject({ protocol: 'clplay' });
  });
});
