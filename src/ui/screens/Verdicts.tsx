// After a submission (with --reveal task): the task's rubric items with pass / fail / pending and
// the reason, the answer as submitted, and the task's status. The person can act as judge: ↑↓
// choose an item, `+` / `-` mark it pass or fail (a pending item decided, or any verdict
// overridden - saved at once with who, when and the earlier verdict). In a versus match the
// model's answer and verdicts stand beside the person's (Tab: whose verdicts the keys change).
// Enter goes on.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { PlayController } from '../../core/play/controller.js';
import { resultStatus, type Verdict } from '../../core/grading/verdict.js';
import type { RubricItem } from '../../core/scenario/schema.js';
import { formatClock } from '../../core/play/baseline.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { truncateToWidth } from '../../core/text/width.js';
import type { VersusTaskView } from '../../core/model/versus.js';
import { useAppValue } from '../app-context.js';
import { usePlayState } from '../hooks/use-play-state.js';
import { commandFor, type KeyContext } from '../keys/bindings.js';
import { theme, type Colour } from '../theme.js';
import { oneRow, trimEnd, wrapPlain } from './parts/text-lines.js';
import { answerRows, itemSpans, rubricRows, statusLine, withCursor, type AnswerBlock, type JudgeSide, type Row } from './parts/judge-rows.js';
import { useItemCursor, useJudge, useMatchVersion } from './parts/use-judging.js';
import { useScreenHints } from '../hooks/use-screen-hints.js';
import { useKeys } from '../keys/keypress.js';

export { statusLine, type Row } from './parts/judge-rows.js';

/** Rows for a task's rubric items and verdicts, wrapped to `width` (no cursor). */
export function verdictRows(rubric: readonly RubricItem[], verdicts: readonly Verdict[], width: number): Row[] {
  return rubricRows({ rubric, verdicts, width, task: 0 });
}

/** The model's side of a task in one line. */
export function modelStatus(label: string, view: VersusTaskView, weights?: readonly (number | undefined)[]): { text: string; colour: Colour } {
  const name = sanitizeInline(label);
  if (view.revealed && view.result) {
    const r = view.result;
    if (r.error && r.answer === undefined) return { text: `${name}: could not answer - ${r.error}`, colour: theme.status.fail };
    const st = resultStatus(r.verdicts, r.judgement);
    return {
      text: `${name}: ${statusLine(r.verdicts, weights)}${r.cutOff ? ' (cut off)' : ''}`,
      colour: st === 'solved' ? theme.status.pass : st === 'failed' ? theme.status.fail : theme.status.pending,
    };
  }
  if (view.phase === 'answering') return { text: `${name} is answering… (${view.chars} chars)`, colour: theme.text.muted };
  if (view.phase === 'done') return { text: `${name} has answered (hidden until you submit)`, colour: theme.text.muted };
  return { text: `${name} will answer this task`, colour: theme.text.muted };
}

/** The model's answer as the verdicts show it (a placeholder until it is revealed). */
export function modelAnswer(label: string, view: VersusTaskView | null): AnswerBlock {
  const title = `${sanitizeInline(label)}'s answer:`;
  const r = view?.revealed ? view.result : undefined;
  if (!r) return { title, text: view?.phase === 'answering' ? `(still answering… ${view.chars} chars so far)` : '(not answered yet)' };
  if (r.answer !== undefined) return { title, text: r.answer + (r.cutOff ? '\n(cut off)' : '') };
  return { title, text: `(no answer: ${r.error ?? 'unknown'})${r.draft ? `\n${r.draft}` : ''}` };
}

export function VerdictsScreen({ ctl, index }: { ctl: PlayController; index: number }): React.JSX.Element {
  const app = useAppValue();
  const state = usePlayState(ctl);
  const match = app.match;
  useMatchVersion(match);
  const { columns } = app.size;
  const height = app.bodyRows;
  const task = ctl.scenario.tasks[index];
  const result = state.run.tasks[index];
  const submitted = result?.answer !== undefined;
  const view = match ? match.view(index, submitted) : null;
  const person = app.player ?? (state.run.player.kind === 'human' ? state.run.player.name : 'anonymous');
  const { showHelp, next, notify } = app.actions;
  const judge = useJudge({ ctl, match, person, notify });
  const side: JudgeSide = judge.side;
  // The cursor starts on the first item still waiting for a decision.
  const firstOpen = Math.max(0, result?.verdicts.findIndex((v) => v.status === 'pending' || v.status === 'unscored') ?? 0);

  const header = match ? 3 : 2;
  const bodyRows = Math.max(1, height - header - 1);
  const modelResult = view?.revealed ? view.result : undefined;
  const base = useMemo<Row[]>(() => {
    if (!task || !result) return [];
    const out: Row[] = [];
    if (!match) {
      out.push({ text: 'Your answer:', bold: true });
      for (const r of trimEnd(wrapPlain(result.answer ?? '', columns - 2)).slice(0, 8)) out.push({ text: `  ${r}`, colour: theme.text.muted });
      out.push({ text: '' });
      out.push({ text: 'Rubric:', bold: true });
      out.push(...rubricRows({ rubric: task.rubric, verdicts: result.verdicts, width: columns, task: index, selectable: true }));
      return out;
    }
    // Versus: both sets of verdicts first, then both answers in full (side by side when wide).
    out.push({ text: 'Rubric:', bold: true });
    out.push(
      ...rubricRows({
        rubric: task.rubric,
        verdicts: result.verdicts,
        width: columns,
        task: index,
        selectable: true,
        model: { label: match.model, verdicts: modelResult?.verdicts },
        side,
      }),
    );
    out.push({ text: '' });
    out.push(...answerRows({ title: 'Your answer:', text: result.answer ?? '' }, modelAnswer(match.model, view), columns));
    return out;
  }, [task, result, match, modelResult, view?.phase, view?.chars, columns, index, side]); // eslint-disable-line react-hooks/exhaustive-deps
  const spans = useMemo(() => itemSpans(base), [base]);
  const cur = useItemCursor(spans, base.length, bodyRows, firstOpen);
  const item = spans[cur.cursor]?.ref.item ?? null;
  const rows = useMemo(() => withCursor(base, spans[cur.cursor]), [base, spans, cur.cursor]);

  const contexts: KeyContext[] = match ? ['verdicts', 'versus', 'reveal'] : ['verdicts', 'reveal'];
  useScreenHints(contexts);
  useKeys(
    (input, key) => {
      const cmd = commandFor([...contexts, 'global'], input, key);
      if (cmd === 'verdict.down') cur.move(1);
      else if (cmd === 'verdict.up') cur.move(-1);
      else if (cmd === 'reveal.pageDown') cur.scroll(bodyRows);
      else if (cmd === 'reveal.pageUp') cur.scroll(-bodyRows);
      else if ((cmd === 'verdict.markPass' || cmd === 'verdict.markFail') && item !== null) judge.mark(index, item, cmd === 'verdict.markPass' ? 'pass' : 'fail');
      else if (cmd === 'versus.side') judge.toggleSide();
      else if (cmd === 'reveal.next') next();
      else if (cmd === 'app.help') showHelp(contexts);
    },
    { isActive: !app.modal },
  );
  if (!task || !result) return <Text>No such task.</Text>;
  const status = resultStatus(result.verdicts, result.judgement);
  const statusColour = status === 'solved' ? theme.status.pass : status === 'failed' ? theme.status.fail : theme.status.pending;
  const last = index + 1 >= ctl.scenario.tasks.length;
  const time = result.activeMs !== undefined ? ` · ${formatClock(result.activeMs)}` : '';
  const weights = task.rubric.map((r) => r.weight);
  const mine = statusLine(result.verdicts, weights);
  const theirs = match && view ? modelStatus(match.model, view, weights) : null;
  const top = cur.top;
  const where = rows.length > bodyRows ? `PgUp/PgDn more (${top + 1}-${Math.min(rows.length, top + bodyRows)} of ${rows.length}) · ` : '';
  const judging = `+/- judge ${side === 'model' && match ? `${sanitizeInline(match.model)}'s` : 'your'} item${match ? ' (Tab: switch)' : ''} · `;
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Text bold wrap="truncate-end">
        {oneRow(`Task ${index + 1} of ${ctl.scenario.tasks.length} · ${task.id}${time}`, columns)}
      </Text>
      <Text bold color={statusColour} wrap="truncate-end">
        {truncateToWidth(match ? `You: ${mine}` : mine, columns)}
      </Text>
      {theirs ? (
        <Text bold color={theirs.colour} wrap="truncate-end">
          {truncateToWidth(theirs.text, columns)}
        </Text>
      ) : null}
      <Box flexDirection="column" height={bodyRows}>
        {rows.slice(top, top + bodyRows).map((r, i) => (
          <Text key={top + i} color={r.colour} bold={r.bold} wrap="truncate-end">
            {r.text === '' ? ' ' : truncateToWidth(r.text, columns)}
          </Text>
        ))}
      </Box>
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(`${where}${judging}Enter: ${last ? 'the summary' : 'next task'}`, columns)}
      </Text>
    </Box>
  );
}
