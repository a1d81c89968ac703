// The end of a run: tasks solved, rubric pass rate, time per task, and beside it the results of
// other people and models on this scenario from the saves. With --reveal end the verdicts of
// every task are shown here (for the first time); with --reveal never no score is shown.
// In a versus match (play --vs) the model's score, and per task both answers and both sets of
// verdicts. Where rubric items are listed the person can judge them (↑↓, + / -, Tab for the
// model's side), as on the verdicts screen.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { PlayController } from '../../core/play/controller.js';
import { baselineRows, formatClock } from '../../core/play/baseline.js';
import { compareRows, type CompareRow } from '../../core/play/compare.js';
import { scenarioScore, resultStatus } from '../../core/grading/verdict.js';
import type { RunRecord } from '../../core/runs/types.js';
import type { Scenario } from '../../core/scenario/schema.js';
import { displayWidth, padToWidth, truncateToWidth } from '../../core/text/width.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import type { VersusMatch } from '../../core/model/versus.js';
import { useAppValue } from '../app-context.js';
import { usePlayState } from '../hooks/use-play-state.js';
import { commandFor, type KeyContext } from '../keys/bindings.js';
import { STATUS_SYMBOL, theme } from '../theme.js';
import { answerRows, itemSpans, rubricRows, withCursor, type JudgeSide, type Row } from './parts/judge-rows.js';
import { wrapPlain } from './parts/text-lines.js';
import { useItemCursor, useJudge, useMatchVersion } from './parts/use-judging.js';
import { modelAnswer } from './Verdicts.js';
import { useScreenHints } from '../hooks/use-screen-hints.js';
import { useKeys } from '../keys/keypress.js';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

function cell(text: string, width: number, right = false): string {
  const t = truncateToWidth(text, width);
  return right ? ' '.repeat(Math.max(0, width - displayWidth(t))) + t : padToWidth(t, width);
}

export interface SummaryOptions {
  /** Versus: the model's side of the match. */
  match?: VersusMatch | null;
  /** Versus: whose verdicts the keys change (marked in the rubric's column header). */
  side?: JudgeSide;
}

const statusWord = (st: 'solved' | 'failed' | 'pending') =>
  st === 'solved' ? `${STATUS_SYMBOL.pass} solved` : st === 'failed' ? `${STATUS_SYMBOL.fail} failed` : `${STATUS_SYMBOL.pending} pending`;

/** The versus headline: the model's score so far, or (--reveal never) only where its run is. */
function versusRows(run: RunRecord, scenario: Scenario, match: VersusMatch, width: number): Row[] {
  const label = sanitizeInline(match.model);
  const reveal = run.reveal ?? 'task';
  const n = scenario.tasks.length;
  const views = scenario.tasks.map((_, i) => match.view(i, run.tasks[i]?.answer !== undefined));
  const ended = views.filter((v) => v.phase === 'done' || v.phase === 'failed').length;
  const answering = views.findIndex((v) => v.phase === 'answering');
  const still = answering >= 0 ? ` · answering task ${answering + 1}… (leaving now stops it)` : '';
  const rows: Row[] = [{ text: '' }, { text: `Versus ${label}`, bold: true, colour: theme.accent }];
  const para = (text: string, colour?: Row['colour']) => {
    for (const r of wrapPlain(text, width)) rows.push({ text: r, colour });
  };
  const ids = () => {
    para(`Its run: ${match.run.id}`, theme.text.muted);
    para(`Match: ${match.matchId}`, theme.text.muted);
  };
  if (reveal === 'never') {
    para(`${label} ended ${ended} of ${n} tasks${still}; its answers and verdicts stay hidden (--reveal never).`, theme.text.muted);
    ids();
    return rows;
  }
  const weights = scenario.tasks.map((t) => t.rubric.map((r) => r.weight));
  const shown = views.map((v) => (v.revealed && v.result ? v.result.verdicts : null));
  const score = scenarioScore(
    shown.filter((v): v is NonNullable<typeof v> => v !== null),
    weights.filter((_, i) => shown[i] !== null),
  );
  const r = score.rubric;
  const items = r.counts.pass + r.counts.fail + r.counts.pending + r.counts.unscored;
  const pend = score.pending ? ` (${score.pending} pending)` : '';
  para(
    `${label}: solved ${score.solved} of ${n} tasks${pend} · rubric ${r.counts.pass} of ${items} items passed (${pct(r.rate)})${ended < n ? ` · ${ended} of ${n} answered` : ''}${still}`,
    score.solved === n ? theme.status.pass : undefined,
  );
  ids();
  return rows;
}

/** The headline and per-task rows of a finished (or stopped) human run. */
export function summaryRows(run: RunRecord, scenario: Scenario, width: number, opts: SummaryOptions = {}): Row[] {
  const match = opts.match ?? null;
  const reveal = run.reveal ?? 'task';
  const weights = scenario.tasks.map((t) => t.rubric.map((r) => r.weight));
  const score = scenarioScore(run.tasks.map((t) => t.verdicts), weights);
  const base = baselineRows(run);
  const active = base.reduce((n, r) => n + r.activeMs, 0);
  const wall = base.reduce((n, r) => n + r.wallMs, 0);
  const rows: Row[] = [];
  if (reveal === 'never') {
    rows.push({ text: 'Verdicts are hidden for this run (--reveal never).', bold: true });
  } else {
    const pend = score.pending ? ` (${score.pending} pending a judge)` : '';
    rows.push({ text: `Solved ${score.solved} of ${score.tasks} tasks${pend}`, bold: true, colour: score.solved === score.tasks ? theme.status.pass : undefined });
    const r = score.rubric;
    const items = r.counts.pass + r.counts.fail + r.counts.pending + r.counts.unscored;
    rows.push({ text: `Rubric: ${r.counts.pass} of ${items} items passed (${pct(r.rate)}${r.counts.pending + r.counts.unscored ? ' of decided' : ''})` });
  }
  rows.push({ text: `Time: ${formatClock(active)} active, ${formatClock(wall)} wall`, colour: theme.text.muted });
  rows.push({ text: '' });
  const idW = Math.max(6, Math.min(22, width - 47));
  rows.push({ text: `${cell('#', 3)}${cell('Task', idW)} ${cell(reveal === 'never' ? '' : 'Status', 10)} ${cell('Active', 8, true)} ${cell('Wall', 8, true)} ${cell('Pasted', 7, true)} ${cell('Seen', 5, true)}`, bold: true });
  run.tasks.forEach((t, i) => {
    const b = base[i]!;
    const st = resultStatus(t.verdicts, t.judgement);
    const status = reveal === 'never' ? '' : !b.submitted ? 'open' : st === 'solved' ? `${STATUS_SYMBOL.pass} solved` : st === 'failed' ? `${STATUS_SYMBOL.fail} failed` : `${STATUS_SYMBOL.pending} pending`;
    const colour = reveal === 'never' || !b.submitted ? undefined : theme.status[st === 'solved' ? 'pass' : st === 'failed' ? 'fail' : 'pending'];
    rows.push({
      text: `${cell(String(i + 1), 3)}${cell(sanitizeInline(t.taskId), idW)} ${cell(status, 10)} ${cell(formatClock(b.activeMs), 8, true)} ${cell(formatClock(b.wallMs), 8, true)} ${cell(b.pastedChars ? String(b.pastedChars) : '-', 7, true)} ${cell(pct(b.linesSeenFraction), 5, true)}`,
      colour,
    });
  });
  if (match) rows.push(...versusRows(run, scenario, match, width));
  // Every task's items (with --reveal end for the first time; in a versus match beside the
  // model's), each one open to the person's judgement.
  if (reveal === 'end' || (match && reveal === 'task')) {
    scenario.tasks.forEach((task, i) => {
      const t = run.tasks[i];
      if (!t) return;
      const submitted = t.answer !== undefined;
      const view = match ? match.view(i, submitted) : null;
      const theirs = view?.revealed ? view.result : undefined;
      let head = `${i + 1}. ${sanitizeInline(task.id)}`;
      if (match) {
        head += ` · you ${submitted ? statusWord(resultStatus(t.verdicts, t.judgement)) : 'not answered'}`;
        head += ` · ${sanitizeInline(match.model)} ${theirs ? statusWord(resultStatus(theirs.verdicts, theirs.judgement)) : view?.phase === 'answering' ? 'answering…' : 'no answer yet'}`;
      }
      rows.push({ text: '' });
      rows.push({ text: head, bold: true });
      if (!submitted) {
        rows.push({ text: '   not answered', colour: theme.text.muted });
        return;
      }
      rows.push(
        ...rubricRows({
          rubric: task.rubric,
          verdicts: t.verdicts,
          width,
          task: i,
          selectable: true,
          ...(match ? { model: { label: match.model, verdicts: theirs?.verdicts }, side: opts.side } : {}),
        }),
      );
      if (match) rows.push(...answerRows({ title: 'Your answer:', text: t.answer ?? '' }, modelAnswer(match.model, view), width, 6));
    });
  }
  return rows;
}

/** The comparison table as rows. */
export function compareTableRows(list: readonly CompareRow[], width: number, showScores: boolean): Row[] {
  const rows: Row[] = [{ text: 'On this scenario', bold: true }];
  if (!showScores) {
    rows.push({ text: '(hidden with --reveal never)', colour: theme.text.muted });
    return rows;
  }
  const whoW = Math.max(6, Math.min(20, width - 27));
  rows.push({ text: `${cell('Player', whoW)} ${cell('Runs', 4, true)} ${cell('Solved', 6, true)} ${cell('Rubric', 6, true)} ${cell('T/task', 7, true)}`, colour: theme.text.muted });
  for (const r of list) {
    const who = `${r.self ? '▸ ' : ''}${sanitizeInline(r.who)}${r.kind === 'model' ? ' (model)' : ''}`;
    rows.push({
      text: `${cell(who, whoW)} ${cell(String(r.runs), 4, true)} ${cell(pct(r.solveRate), 6, true)} ${cell(pct(r.rubricRate), 6, true)} ${cell(r.msPerTask === null ? '-' : formatClock(r.msPerTask), 7, true)}`,
      bold: r.self,
      colour: r.self ? theme.accent : undefined,
    });
  }
  if (list.length <= 1) rows.push({ text: 'No other saved runs yet.', colour: theme.text.muted });
  return rows;
}

export function SummaryScreen({ ctl }: { ctl: PlayController }): React.JSX.Element {
  const app = useAppValue();
  const state = usePlayState(ctl);
  const match = app.match;
  const version = useMatchVersion(match);
  const { columns } = app.size;
  const height = app.bodyRows;
  const run = state.run;
  const person = app.player ?? (run.player.kind === 'human' ? run.player.name : 'anonymous');
  const judge = useJudge({ ctl, match, person, notify: app.actions.notify });
  const wide = columns >= 100;
  const rightW = wide ? Math.min(52, Math.floor(columns * 0.45)) : columns;
  const leftW = wide ? columns - rightW - 2 : columns;
  const showScores = (run.reveal ?? 'task') !== 'never';
  const comparison = useMemo(
    () => compareTableRows(compareRows(app.runs ?? [], ctl.scenario, run, 10), rightW, showScores),
    [app.runs, ctl.scenario, run, rightW, showScores],
  );
  const left = useMemo(
    () => summaryRows(run, ctl.scenario, leftW, { match, side: judge.side }),
    // `version`: the match changed (the model answered, or an item of its run was judged)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, ctl.scenario, leftW, match, judge.side, version],
  );
  const base = useMemo(() => (wide ? left : [...left, { text: '' }, ...comparison]), [wide, left, comparison]);
  const spans = useMemo(() => itemSpans(base), [base]);
  const bodyRows = Math.max(1, height - 2);
  const cur = useItemCursor(spans, base.length, bodyRows, -1);
  const rows = useMemo(() => withCursor(base, spans[cur.cursor]), [base, spans, cur.cursor]);
  const top = cur.top;
  const { showHelp, goHome, quit, notify } = app.actions;
  // Rubric items are listed: ↑↓ move between them (the view follows) and + / - judge them.
  const contexts: KeyContext[] = spans.length ? (match ? ['verdicts', 'versus', 'summary'] : ['verdicts', 'summary']) : ['summary'];
  useScreenHints(contexts);
  useKeys(
    (input, key) => {
      const cmd = commandFor([...contexts, 'global'], input, key);
      if (cmd === 'summary.down') cur.scroll(1);
      else if (cmd === 'summary.up') cur.scroll(-1);
      else if (cmd === 'verdict.down') cur.move(1);
      else if (cmd === 'verdict.up') cur.move(-1);
      else if (cmd === 'summary.pageDown') cur.scroll(bodyRows);
      else if (cmd === 'summary.pageUp') cur.scroll(-bodyRows);
      else if (cmd === 'verdict.markPass' || cmd === 'verdict.markFail') {
        const ref = spans[cur.cursor]?.ref;
        if (ref) judge.mark(ref.task, ref.item, cmd === 'verdict.markPass' ? 'pass' : 'fail');
        else notify('choose a rubric item with ↑↓ first');
      } else if (cmd === 'versus.side') judge.toggleSide();
      else if (cmd === 'summary.home') goHome();
      else if (cmd === 'summary.quit') quit();
      else if (cmd === 'app.help') showHelp(contexts);
    },
    { isActive: !app.modal },
  );
  const draw = (list: Row[], w: number) =>
    list.map((r, i) => (
      <Text key={i} color={r.colour} bold={r.bold} wrap="truncate-end">
        {r.text === '' ? ' ' : truncateToWidth(r.text, w)}
      </Text>
    ));
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Text bold color={theme.accent} wrap="truncate-end">
        {truncateToWidth(`Summary · ${sanitizeInline(ctl.scenario.title)}${run.status === 'finished' ? '' : ' (unfinished)'}`, columns)}
      </Text>
      <Box flexDirection="row" height={bodyRows}>
        <Box flexDirection="column" width={leftW}>
          {draw(rows.slice(top, top + bodyRows), leftW)}
        </Box>
        {wide ? (
          <>
            <Box width={2} />
            <Box flexDirection="column" width={rightW}>
              {draw(comparison.slice(0, bodyRows), rightW)}
            </Box>
          </>
        ) : null}
      </Box>
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(`Saved as run ${run.id}${rows.length > bodyRows ? ` · ↑↓ more (${top + 1}-${Math.min(rows.length, top + bodyRows)} of ${rows.length})` : ''}`, columns)}
      </Text>
    </Box>
  );
}
