// A small baseline study end to end: the coordinator packs it; P01 joins in a real terminal
// (consent, three tasks typed, the completion code); P02 and P03 play headless through the same
// play controller the app uses (P02 pastes an answer - excluded by the study's rule; P03 runs
// out of time); each submits; the coordinator merges (twice: idempotent) and checks status and
// the report against numbers worked out by hand.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeByChecks } from '../../src/core/grading/grade.js';
import { PlayController } from '../../src/core/play/controller.js';
import { newHumanRun } from '../../src/core/play/session.js';
import { RunStore } from '../../src/core/runs/store.js';
import { loadLibrary } from '../../src/core/scenario/library.js';
import { loadStudyFile } from '../../src/core/study/load.js';
import { runCli } from '../helpers/cli.js';
import { KEYS, spawnClplay, tempDirs, type PtySession } from '../helpers/pty.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const dirs = tempDirs('clplay-study-e2e-');
afterAll(() => dirs.cleanup());

const studyPath = join(dirs.root, 'pilot.yaml');
writeFileSync(
  studyPath,
  `id: e2e-pilot
title: End-to-end pilot
instructions: |
  # Read the ordinance
  Answer from it alone.
consent: Your answers are recorded under your code.
scenarios: [example-harbour-levy]
assignment: { mode: all }
order: fixed
seed: 5
reveal: end
timeLimitMinutes: 30
participantPattern: "P[0-9]{2}"
exclusions:
  - { id: pasted, metric: pastedShare, above: 0.5 }
bootstrap: { samples: 400, seed: 2 }
`,
);
const savesOf = (code: string) => join(dirs.root, `saves-${code}`);
const env = (code: string) => ({ CLPLAY_SAVES: savesOf(code), CLPLAY_CONFIG_DIR: dirs.config, CLPLAY_CACHE_DIR: join(dirs.root, 'cache'), CLPLAY_SCENARIOS: '' });
const pack = join(dirs.root, 'pilot.zip');

/** A participant playing headless through PlayController, the app's own play path. */
async function playHeadless(code: string, answers: { text: string; pasted?: boolean; seconds: number }[], expireAfter?: number): Promise<void> {
  const lib = await loadLibrary([FIXTURES], { cacheDir: false });
  const scenario = lib.scenarios.find((s) => s.id === 'example-harbour-levy')!;
  const study = (await loadStudyFile(studyPath)).study!;
  const store = new RunStore(savesOf(code));
  let t = Date.parse('2026-11-30T09:00:00Z');
  const fresh = newHumanRun({ id: `run-${code.toLowerCase()}-0001`, scenario, player: { kind: 'human', name: code }, reveal: 'end', at: t });
  const run = { ...fresh, study: { id: study.id, hash: study.hash, participant: code, position: 1, consentAt: new Date(t).toISOString() } };
  await store.create(run);
  const ctl = new PlayController(scenario, run, { save: (r) => store.save(r), grade: (task, a) => gradeByChecks(task, a), now: () => t, delayMs: 0 });
  for (const [i, a] of answers.entries()) {
    await ctl.open();
    ctl.draft(a.text, a.pasted ? a.text.length : undefined);
    t += a.seconds * 1000;
    if (expireAfter === i) {
      await ctl.expire();
      break;
    }
    await ctl.submit(a.text);
  }
  await ctl.close();
}

describe('a baseline study, from pack to report', () => {
  let p: PtySession | undefined;
  afterAll(() => p?.kill());

  it('packs the study with its scenario', () => {
    const r = runCli(['study', 'pack', studyPath, '--out', pack, '--scenarios', FIXTURES], { env: env('C') });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/packed e2e-pilot with 1 scenario\(s\)/);
  });

  it('P01 joins in a real terminal: consent, three answers, a completion code', async () => {
    p = spawnClplay(['study', 'join', pack, '--participant', 'P01'], { cols: 100, rows: 30, env: env('P01') });
    await p.waitForText('Read the ordinance', 20_000);
    await p.waitForText('Type "yes"', 10_000);
    p.write('yes\r');
    await p.waitForText('Task 1 of 3', 20_000);
    // The editor has focus when a task opens: typing goes straight into the answer.
    await p.type('161 halved is 80.5, rounded up. Answer: 81 marks');
    p.write(KEYS.enter);
    await p.waitForText('Task 2 of 3', 10_000);
    await p.type('Salt voids the exemption. Answer: not exempt, 173 marks');
    p.write(KEYS.enter);
    await p.waitForText('Task 3 of 3', 10_000);
    await p.type('VESSEL: 23 m salt\nLEVY: 173 marks\nDECISION: due'); // "\n" is Ctrl+J: a new line
    p.write(KEYS.enter);
    await p.waitForText(/Time:|Summary|summary/, 10_000);
    p.write(KEYS.enter); // leaving the summary ends the study's app
    const screen = await p.waitForText('completion code:', 20_000);
    expect(screen).toMatch(/scenarios done: 1/);
    expect(await p.waitForExit(10_000)).toBe(0);
    const run = JSON.parse(readFileSync(join(savesOf('P01'), (await new RunStore(savesOf('P01')).list()).runs[0]!.id + '.json'), 'utf8'));
    expect(run.player).toEqual({ kind: 'human', name: 'P01' });
    expect(run.study).toMatchObject({ id: 'e2e-pilot', participant: 'P01', position: 1 });
    expect(run.study.consentAt).toMatch(/^\d{4}-/);
    expect(run.tasks.every((t: { pastes?: unknown[] }) => !t.pastes?.length)).toBe(true);
  }, 120_000);

  it('P02 (pasting) and P03 (out of time) play headless, everyone submits, the coordinator merges twice', async () => {
    await playHeadless('P02', [
      { text: 'Answer: 80.5 marks', seconds: 60 },
      { text: 'Answer: not exempt, 173 marks', pasted: true, seconds: 60 },
      { text: 'VESSEL: 23 m salt\nLEVY: 173 marks\nDECISION: due', pasted: true, seconds: 60 },
    ]);
    await playHeadless('P03', [{ text: 'Answer: 81 marks', seconds: 1800 }], 0);
    const zips = ['P01', 'P02', 'P03'].map((code) => {
      const out = join(dirs.root, `${code}.zip`);
      const r = runCli(['study', 'submit', pack, '--participant', code, '--out', out], { env: env(code) });
      expect(r.stdout, r.stderr).toMatch(/wrote 1 run\(s\)/);
      return out;
    });
    mkdirSync(savesOf('C'), { recursive: true });
    expect(runCli(['saves', 'merge', ...zips], { env: env('C') }).stdout).toMatch(/3 (added|merged)/);
    expect(runCli(['saves', 'merge', ...zips], { env: env('C') }).stdout).toMatch(/0 (added|merged)/);
  }, 60_000);

  it('status and report match the numbers worked out by hand', () => {
    const status = JSON.parse(runCli(['study', 'status', pack, '--json'], { env: env('C') }).stdout);
    expect(status.map((s: { participant: string; done: number }) => [s.participant, s.done])).toEqual([
      ['P01', 1],
      ['P02', 1],
      ['P03', 1],
    ]);
    expect(status.find((s: { participant: string }) => s.participant === 'P03').cells[0].flags).toContain('time-limit');
    const report = JSON.parse(runCli(['study', 'report', pack, '--json'], { env: env('C') }).stdout);
    // Task 1 has a judge-only item: undecided unless a check fails it (P02's 80.5 fails the
    // number). Tasks 2 and 3 are decided by checks: P01 and P02 solve both, P03 (time limit:
    // empty answers) fails both. So 4 solved, 3 failed (P02 t1, P03 t2 and t3), 2 undecided.
    expect(report.all.overall).toMatchObject({ solved: 4, failed: 3, undecided: 2, participants: 3 });
    expect(report.exclusions).toEqual([{ id: 'pasted', description: 'pasted share of the answers above 50%', runs: 1 }]);
    expect(report.excludedRuns.map((e: { participant: string }) => e.participant)).toEqual(['P02']);
    expect(report.afterExclusions.overall).toMatchObject({ solved: 2, failed: 2, rate: 0.5, participants: 2 });
    const md = runCli(['study', 'report', pack, '--format', 'md'], { env: env('C') }).stdout;
    expect(md).toMatch(/## Human baseline: End-to-end pilot/);
  });

  it('the exported dataset holds codes and no name', () => {
    const out = join(dirs.root, 'dataset');
    const r = runCli(['study', 'export', pack, '--out', out], { env: { ...env('C'), USER: 'Ada Lovelace' } });
    expect(r.stdout).toMatch(/wrote 9 attempt\(s\)/);
    const text = readFileSync(join(out, 'attempts.jsonl'), 'utf8') + readFileSync(join(out, 'README.md'), 'utf8');
    expect(text).toMatch(/"participant":"P03"/);
    expect(text).not.toMatch(/Ada|Lovelace/);
  });
});
