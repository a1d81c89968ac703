// The watch screen: the context reader on the left (on top below 100 columns), and on the right
// the task, the model's answer streaming in (only its tail is wrapped and drawn), then the
// verdicts. Esc stops a reply (kept, cut off); Enter asks the next task; `a` lets it run by
// itself; [ ] scroll the answer; q (or Ctrl+C) leaves with the run saved.
import React, { useEffect, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { WatchState } from '../../core/model/watch-session.js';
import type { WatchSource } from '../../core/replay/watch-source.js';
import type { TaskResult } from '../../core/runs/types.js';
import { resultStatus } from '../../core/grading/verdict.js';
import { reflowPrompt } from '../../core/text/reflow.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { truncateToWidth } from '../../core/text/width.js';
import { KeyHints } from '../components/KeyHints.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { Reader } from '../components/reader/Reader.js';
import { useReader } from '../components/reader/use-reader.js';
import { VerdictList } from '../components/VerdictList.js';
import { useTerminalSize, type TerminalSize } from '../hooks/use-terminal-size.js';
import { commandFor, type KeyContext } from '../keys/bindings.js';
import { useRawInput } from '../keys/use-raw-input.js';
import { theme } from '../theme.js';
import { tailRows, wrapRows } from '../watch/answer-rows.js';
import { useWatch } from '../watch/use-watch.js';
import { useKeys } from '../keys/keypress.js';
import { scrollRows } from './parts/text-lines.js';
import { TASK_SCROLL_KEYS } from './parts/TaskPanel.js';

export interface WatchScreenProps {
  /** A model playing live, or a saved run replayed (session.replay set). */
  session: WatchSource;
  /** Model name for the header. */
  model: string;
  size?: Partial<TerminalSize>;
  /** Called when the person leaves (after the session is closed). */
  onExit?: () => void;
  /** Leaving does not end the app (the demo list opens the replay and comes back). */
  keepApp?: boolean;
}

const WIDE = 100;

export function WatchScreen({ session, model, size: fixed, onExit, keepApp }: WatchScreenProps): React.JSX.Element {
  const size = useTerminalSize(fixed);
  const state = useWatch(session);
  const { exit } = useApp();
  const raw = useRawInput();
  const [scroll, setScroll] = useState(0);
  const [help, setHelp] = useState<KeyContext[] | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [large, setLarge] = useState<'reader' | 'task'>('reader');
  const [promptTop, setPromptTop] = useState(0);
  const scenario = session.scenario;
  const task = scenario.tasks[state.index]!;
  const replay = session.replay;
  // A replay: the person's answer to this task beside the model's (versus, demo), and a note.
  const beside = replay?.beside;
  const besideResult = beside?.run.tasks.find((t) => t.taskId === task.id);
  const extraRows = (replay?.note ? 1 : 0) + (beside ? Math.max(2, Math.min(6, Math.floor(size.rows / 6))) : 0);

  // Root at most rows - 1 high (Ink redraws everything otherwise): header, body, footer.
  const bodyRows = Math.max(4, size.rows - 3);
  const wide = size.columns >= WIDE;
  // Ctrl+G gives the task (prompt, answer, verdicts) the larger share, for a demo audience.
  const readerWidth = wide ? Math.floor((size.columns - 1) * (large === 'reader' ? 0.5 : 0.35)) : size.columns;
  const readerHeight = wide ? bodyRows : Math.max(4, Math.floor(bodyRows * (large === 'reader' ? 0.4 : 0.25)));
  const panelWidth = wide ? size.columns - readerWidth - 1 : size.columns;
  const panelHeight = wide ? bodyRows : Math.max(3, bodyRows - readerHeight - 1);
  const reader = useReader({ text: scenario.context, width: readerWidth, height: readerHeight });

  useEffect(() => setScroll(0), [state.index, state.phase]);
  useEffect(() => setPromptTop(0), [state.index]);

  // The prompt: its share of the panel, scrolled with Alt+↑↓ when longer (the author's hard wrap
  // undone, as on the play screen).
  const w = Math.max(10, panelWidth - 1);
  const promptAll = wrapRows(reflowPrompt(task.prompt) || '(the question is inside the context)', w);
  const prompt = scrollRows(promptAll, promptTop, Math.max(2, Math.floor(panelHeight * (large === 'reader' ? 0.3 : 0.45))), w, TASK_SCROLL_KEYS);

  const leave = () => {
    if (leaving) return;
    setLeaving(true);
    void session.close().finally(() => {
      onExit?.();
      if (!keepApp) exit();
    });
  };

  const own: KeyContext = replay ? 'replay' : 'watch';
  const contexts: KeyContext[] = reader.typing ? [...reader.contexts] : reader.state.wide ? [...reader.contexts, own] : [own, ...reader.contexts];
  useKeys(
    (input, key) => {
      if (help) return;
      const r = raw();
      if (reader.typing) {
        reader.handleKey(input, key, r);
        return;
      }
      // The wide view (a clipped table or code block) takes its keys first: Esc closes it.
      if (reader.state.wide && reader.handleKey(input, key, r)) return;
      const cmd = commandFor([...contexts, 'global'], input, key, r);
      switch (cmd) {
        case 'app.quit':
        case 'watch.quit':
        case 'replay.quit':
          leave();
          return;
        case 'replay.pause':
          replay?.togglePause();
          return;
        case 'replay.next':
          session.next();
          return;
        case 'replay.previous':
          replay?.previous();
          return;
        case 'replay.finish':
          replay?.finishTask();
          return;
        case 'replay.jump':
          replay?.jump(Number(input) - 1);
          return;
        case 'replay.faster':
          replay?.faster();
          return;
        case 'replay.slower':
          replay?.slower();
          return;
        case 'app.help':
          setHelp([...contexts, 'global']);
          return;
        case 'watch.stop':
          if (state.phase === 'answering') session.stop();
          else reader.handleKey(input, key, r);
          return;
        case 'watch.next':
          if (state.phase === 'idle') void session.start();
          else session.next();
          return;
        case 'watch.auto':
          session.setAuto(!state.auto);
          return;
        case 'watch.answerUp':
          setScroll((s) => Math.max(0, s - Math.max(1, Math.floor(panelHeight / 2))));
          return;
        case 'watch.answerDown':
          setScroll((s) => s + Math.max(1, Math.floor(panelHeight / 2)));
          return;
        case 'task.scrollUp':
        case 'task.scrollDown': {
          const step = Math.max(1, prompt.rows.length - 2);
          setPromptTop(Math.max(0, Math.min(prompt.maxTop, prompt.top + (cmd === 'task.scrollUp' ? -step : step))));
          return;
        }
        case 'layout.swap':
          setLarge((l) => (l === 'reader' ? 'task' : 'reader'));
          return;
        default:
          reader.handleKey(input, key, r);
      }
    },
    { isActive: !leaving },
  );

  // ---- the right panel: task, answer, verdicts
  const promptShown = prompt.rows;
  const status = statusText(state, !!replay);
  const rest = Math.max(1, panelHeight - promptShown.length - 2 - extraRows);
  let answerBlock: React.ReactNode;
  if (state.phase === 'answering' || state.phase === 'idle') {
    const rows = state.phase === 'idle' ? [] : tailRows(state.text, w, rest);
    answerBlock = (
      <Box flexDirection="column" height={rest}>
        {rows.length ? rows.map((row, i) => <Text key={i}>{row || ' '}</Text>) : <Text color={theme.text.muted}>{state.phase === 'idle' ? 'Press Enter to ask the model.' : 'Waiting for the first words…'}</Text>}
      </Box>
    );
  } else {
    const ans = wrapRows(state.text || (state.result?.error ? '' : '(empty answer)'), w);
    const result = state.result;
    const items = (result?.verdicts ?? []).map((v, i) => ({ text: task.rubric[i]?.text ?? `item ${i + 1}`, verdict: v, weight: task.rubric[i]?.weight }));
    const answerRows = Math.max(1, Math.min(ans.length, Math.ceil(rest * 0.5)));
    const top = Math.min(scroll, Math.max(0, ans.length - answerRows));
    // The inner box keeps its natural height and the outer one clips it: in a fixed-height column
    // Ink's Texts shrink, and shrunk rows were drawn over each other (a row over the one above).
    answerBlock = (
      <Box flexDirection="column" height={rest} overflow="hidden">
        <Box flexDirection="column" flexShrink={0}>
        {result?.error ? (
          <Text color={theme.text.error} wrap="wrap">
            {sanitizeInline(`no answer: ${result.error}`)}
          </Text>
        ) : null}
        {ans.slice(top, top + answerRows).map((row, i) => (
          <Text key={i}>{row || ' '}</Text>
        ))}
        {ans.length > answerRows ? <Text color={theme.text.muted}>{`… ${ans.length - answerRows - top > 0 ? `${ans.length - answerRows - top} more row(s), ] to scroll` : 'end'}`}</Text> : null}
        <Box marginTop={0} flexDirection="column">
          <VerdictList items={items} width={w} reasonLines={1} />
        </Box>
        </Box>
      </Box>
    );
  }

  const panel = (
    <Box flexDirection="column" width={panelWidth} height={panelHeight} paddingLeft={wide ? 1 : 0} overflow="hidden">
      {promptShown.map((row, i) => (
        <Text key={i} bold={!(prompt.maxTop > 0 && i === promptShown.length - 1)} color={prompt.maxTop > 0 && i === promptShown.length - 1 ? theme.text.accent : undefined} wrap="truncate-end">
          {row || ' '}
        </Text>
      ))}
      <Text color={theme.text.accent} wrap="truncate-end">
        {truncateToWidth(`${model}: ${status}`, w)}
      </Text>
      {replay?.note ? (
        <Text color={theme.text.warning} wrap="truncate-end">
          {truncateToWidth(sanitizeInline(replay.note), w)}
        </Text>
      ) : null}
      <Text color={theme.border.unfocused}>{'─'.repeat(Math.max(1, w))}</Text>
      {answerBlock}
      {beside ? <BesideBlock label={beside.label} result={besideResult} width={w} rows={extraRows - (replay?.note ? 1 : 0)} /> : null}
    </Box>
  );

  const solved = replay ? replay.solvedSoFar() : session.run.tasks.filter((t) => t.status === 'solved').length;
  const pace = replay ? `${replay.paused ? ' · PAUSED' : ''}${replay.speed !== 1 ? ` · ${replay.speed}x` : ''}` : '';
  const right = ` Task ${state.index + 1}/${scenario.tasks.length} · solved ${solved}${state.auto ? ' · auto' : ''}${pace}`;
  const header = (
    <Box width={size.columns} height={1}>
      <Text bold wrap="truncate-end">
        {truncateToWidth(`${replay ? 'Replaying' : 'Watching'} ${model} · ${sanitizeInline(scenario.title)}`, Math.max(1, size.columns - right.length - 1))}
      </Text>
      <Box flexGrow={1} />
      <Text color={theme.text.accent}>{right}</Text>
    </Box>
  );

  return (
    <Box flexDirection="column" width={size.columns} height={size.rows - 1}>
      {header}
      {help ? (
        <HelpOverlay contexts={help} width={size.columns} height={bodyRows} onClose={() => setHelp(null)} />
      ) : wide ? (
        <Box flexDirection="row" height={bodyRows}>
          <Reader reader={reader} focus={!leaving} captureKeys={false} />
          <Box width={1} height={bodyRows}>
            <Text color={theme.border.unfocused}>{'│\n'.repeat(bodyRows).trimEnd()}</Text>
          </Box>
          {panel}
        </Box>
      ) : (
        <Box flexDirection="column" height={bodyRows}>
          <Reader reader={reader} focus={!leaving} captureKeys={false} />
          <Text color={theme.border.unfocused}>{'─'.repeat(size.columns)}</Text>
          {panel}
        </Box>
      )}
      <Box height={1} overflow="hidden">
        {leaving ? <Text color={theme.text.muted}>{replay ? 'Leaving…' : 'Saving and leaving…'}</Text> : <KeyHints contexts={[...contexts, 'global']} width={size.columns} />}
      </Box>
    </Box>
  );
}

/** The person's answer to the task (a replay of a versus match, a demo): status, then its first rows. */
function BesideBlock({ label, result, width, rows }: { label: string; result?: TaskResult; width: number; rows: number }): React.JSX.Element {
  const answered = result?.answer !== undefined;
  const status = answered ? resultStatus(result.verdicts, result.judgement) : 'did not answer';
  const head = `${label}: ${status}`;
  const body = answered ? wrapRows(result.answer ?? '', width).slice(0, Math.max(0, rows - 1)) : [];
  return (
    <Box flexDirection="column" height={rows} overflow="hidden" flexShrink={0}>
      <Text bold color={answered && status === 'solved' ? theme.status.pass : theme.text.accent} wrap="truncate-end">
        {truncateToWidth(sanitizeInline(head), width)}
      </Text>
      {body.map((row, i) => (
        <Text key={i} color={theme.text.muted}>
          {row || ' '}
        </Text>
      ))}
    </Box>
  );
}

function statusText(s: WatchState, replay?: boolean): string {
  const chars = `${s.text.length} chars`;
  switch (s.phase) {
    case 'idle':
      return replay ? (s.result ? 'not answered in this run' : 'Enter starts the replay') : 'waiting for you (Enter asks)';
    case 'answering':
      return s.retrying ? `try ${s.tries}: retrying (${sanitizeInline(s.retrying)})` : `answering… ${chars}${s.tries > 1 ? ` (try ${s.tries})` : ''}`;
    case 'judging':
      return `judging… (${chars})`;
    case 'failed':
      return `failed to answer${s.result?.tries ? ` after ${s.result.tries} tries` : ''}`;
    case 'done': {
      const r = s.result;
      const st = r?.status ?? 'pending';
      const cut = r?.cutOff ? ', cut off' : '';
      const tries = (r?.tries ?? 1) > 1 ? `, ${r?.tries} tries` : '';
      const more = s.finished ? (replay ? ' · end of the run (q leaves)' : ' · all tasks done (q leaves)') : s.auto ? '' : ' · Enter: next task';
      return `${st}${cut}${tries} · ${chars}${more}`;
    }
  }
}
