// The dataset to publish: one pseudonymous JSONL row per attempt (participant code, scenario,
// task, answer, verdicts with provenance, times relative to the run's start, pastes, reading
// coverage, exclusions) and a datasheet README.md with the YAML front matter a dataset hub reads.
// No player name is written: a study run's player is its participant code, and a verdict a
// person gave is credited to "person" only.
import type { RunRecord } from '../runs/types.js';
import type { Scenario } from '../scenario/schema.js';
import { exclusionsOf, describeRule, runMetrics } from './metrics.js';
import type { StudyReport } from './report.js';
import { studyRuns } from './report.js';
import type { Study } from './schema.js';

export interface DatasetRow {
  study: string;
  participant: string;
  run: string;
  position: number;
  scenario: string;
  scenarioHash: string;
  task: string;
  taskIndex: number;
  answer: string | null;
  status: string;
  verdicts: { status: string; by: string; reason?: string }[];
  startedMs: number | null;
  submittedMs: number | null;
  activeMs: number | null;
  wallMs: number | null;
  timeLimit: boolean;
  pastes: { atMs: number | null; chars: number }[];
  contextSeen: number | null;
  excludedBy: string[];
}

const rel = (at: string | undefined, start: number): number | null => (at ? Math.max(0, Date.parse(at) - start) : null);
/** "person:Ada" -> "person": a verdict's provenance without anyone's name. */
const pseudonymousBy = (by: string | undefined): string => (by ? (by.startsWith('person:') ? 'person' : by) : 'pending');

export function datasetRows(study: Study, allRuns: readonly RunRecord[], library: readonly Scenario[]): DatasetRow[] {
  const hashes = new Map(library.map((s) => [s.id, s.hash]));
  const rows: DatasetRow[] = [];
  for (const run of studyRuns(study, allRuns)) {
    const start = Date.parse(run.startedAt);
    const metrics = runMetrics(run);
    const excludedBy = exclusionsOf(metrics, study.exclusions);
    if (hashes.get(run.scenarioId) && hashes.get(run.scenarioId) !== run.scenarioHash) excludedBy.push('scenario-changed');
    run.tasks.forEach((t, taskIndex) => {
      if (t.answer === undefined && !t.timeLimit) return;
      rows.push({
        study: study.id,
        participant: run.study!.participant,
        run: run.id,
        position: run.study!.position,
        scenario: run.scenarioId,
        scenarioHash: run.scenarioHash,
        task: t.taskId,
        taskIndex,
        answer: t.answer ?? null,
        status: t.status,
        verdicts: t.verdicts.map((v) => ({ status: v.status, by: pseudonymousBy(v.by), ...(v.reason ? { reason: v.reason } : {}) })),
        startedMs: rel(t.startedAt, start),
        submittedMs: rel(t.submittedAt, start),
        activeMs: t.activeMs ?? null,
        wallMs: t.wallMs ?? null,
        timeLimit: Boolean(t.timeLimit),
        pastes: (t.pastes ?? []).map((p) => ({ atMs: rel(p.at, start), chars: p.chars })),
        contextSeen: t.linesSeenFraction ?? null,
        excludedBy,
      });
    });
  }
  return rows;
}

export function datasheet(study: Study, report: StudyReport, rows: number): string {
  const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
  const o = report.afterExclusions.overall;
  const ci = o.ci ? ` (95% CI ${pct(o.ci.low)}-${pct(o.ci.high)})` : '';
  return [
    '---',
    `pretty_name: ${JSON.stringify(study.title)}`,
    `license: ${study.licence ?? 'other'}`,
    'configs:',
    '  - config_name: attempts',
    '    data_files: attempts.jsonl',
    '---',
    '',
    `# ${study.title}`,
    '',
    `A human baseline collected with clplay under the study protocol \`${study.id}\` (study file sha256 ${study.hash.slice(0, 12)}).`,
    '',
    '## Protocol',
    '',
    `- Scenarios: ${Array.isArray(study.scenarios) ? study.scenarios.join(', ') : `every scenario of category ${study.scenarios.category}`}`,
    `- Assignment: ${study.assignment.mode === 'all' ? 'every participant plays every scenario' : `${study.assignment.perParticipant} per participant, balanced, seed ${study.seed}`}; order ${study.order}`,
    `- Verdicts shown to participants: ${study.reveal === 'end' ? 'at the end only' : 'never'}`,
    `- Time limit per scenario: ${study.timeLimitMinutes ? `${study.timeLimitMinutes} min (the draft is submitted at zero; such tasks have timeLimit: true)` : 'none'}`,
    `- Participants are identified by pseudonymous codes only (pattern ${study.participantPattern}); no names are stored.`,
    '',
    '## Exclusions (applied at report time; excluded attempts are in the data, marked in `excludedBy`)',
    '',
    ...(report.exclusions.length ? report.exclusions.map((e) => `- \`${e.id}\`: ${e.description} - ${e.runs} run(s)`) : ['- none declared']),
    ...study.exclusions.filter((r) => r.why).map((r) => `  - why \`${r.id}\`: ${r.why} (${describeRule(r)})`),
    '',
    '## Counts',
    '',
    `- Participants: ${report.participants}; runs: ${report.all.runs} (${report.afterExclusions.runs} after exclusions); attempts (rows): ${rows}`,
    `- Human solve rate after exclusions: ${pct(o.rate)}${ci}, ${o.solved} solved of ${o.solved + o.failed} decided, ${o.undecided} undecided`,
    `- Bootstrap: ${report.bootstrap.samples} participant-level resamples, seed ${report.bootstrap.seed}`,
    '',
    '## Fields',
    '',
    'One row per attempted task: `participant`, `scenario`, `scenarioHash`, `task`, `answer`, `status` (solved / failed / pending / unscored),',
    '`verdicts` (status and provenance: check, judge:<model>, person), times in ms relative to the run start (`startedMs`, `submittedMs`),',
    '`activeMs`, `wallMs`, `timeLimit`, `pastes`, `contextSeen` (share of the context on screen during the task) and `excludedBy`.',
    '',
    `## Licence\n\n${study.licence ?? 'Not stated in the study file.'}`,
    '',
  ].join('\n');
}
