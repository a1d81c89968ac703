// The play screen: the context reader and the task panel side by side (stacked below 100
// columns). The editor has focus when a task opens, so typing lands in the answer; PgUp/PgDn,
// Ctrl+S (search), Ctrl+O (outline) and Alt+N work from it, so most people never need Tab. Tab
// moves focus; a printable key the reader has no use for goes to the editor. Ctrl+P pauses (the
// clock stops, context and task are hidden); Ctrl+T shows the whole task in the reader; `?` (F1
// while typing) lists every key. Enter submits; an empty answer is confirmed first.
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, type Key } from 'ink';
import type { PlayController } from '../../core/play/controller.js';
import { formatClock } from '../../core/play/baseline.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { displayWidth, truncateToWidth } from '../../core/text/width.js';
import { useAppValue } from '../app-context.js';
import { Confirm } from '../components/Confirm.js';
import { Editor } from '../components/editor/Editor.js';
import { TextBuffer } from '../components/editor/text-buffer.js';
import { Reader } from '../components/reader/Reader.js';
import { useReader } from '../components/reader/use-reader.js';
import { usePlayKey } from '../hooks/use-play-state.js';
import { BINDINGS, commandFor, describeKey, type KeyContext } from '../keys/bindings.js';
import { contextSpan, readerPreamble } from '../../core/play/shown.js';
import { questionEnds } from '../../core/clbench/question.js';
import { questionInContext } from '../../core/clbench/messages.js';
import { theme } from '../theme.js';
import { TaskPanel, taskDocument, taskPanelRows } from './parts/TaskPanel.js';
import { rowAtChar, visibleCharSpan } from './parts/view-span.js';
import { useScreenHints } from '../hooks/use-screen-hints.js';
import { useKeys, type KeyInfo } from '../keys/keypress.js';
import { applyEditorKey } from '../components/editor/editor-keys.js';
import { clippedOnScreen, readerKeyAction } from '../components/reader/reader-state.js';

export interface PlayScreenProps {
  ctl: PlayController;
  /** False while another screen or a question is in front: no keys, no clock start. */
  active: boolean;
  /** Versus mode: a column beside the answer editor (width, height, task index). */
  renderBeside?: (width: number, height: number, index: number) => React.ReactNode;
}

/** How the task panel names the keys that jump to the context's ends. */
const QUESTION_KEYS = { start: describeKey(BINDINGS['question.start'].keys[0]!), end: describeKey(BINDINGS['question.end'].keys[0]!) };

/** Side by side from this many columns; stacked below. */
export const SIDE_BY_SIDE_COLUMNS = 100;
const TICK_MS = 10_000;

/** Which pane gets the larger share of the screen (Ctrl+G swaps). */
export type LargePane = 'reader' | 'task';

export function playLayout(columns: number, height: number, large: LargePane = 'reader') {
  const body = Math.max(3, height - 1);
  if (columns >= SIDE_BY_SIDE_COLUMNS) {
    const readerWidth = Math.floor((columns - 1) * (large === 'reader' ? 0.55 : 0.4));
    return { wide: true, body, readerWidth, readerHeight: body, panelWidth: columns - readerWidth - 1, panelHeight: body };
  }
  // Stacked: the context keeps at least its status line and a few rows, whichever is large.
  const readerHeight = Math.max(4, Math.floor(body * (large === 'reader' ? 0.48 : 0.3)));
  return { wide: false, body, readerWidth: columns, readerHeight, panelWidth: columns, panelHeight: Math.max(3, body - readerHeight - 1) };
}

export function PlayScreen({ ctl, active, renderBeside }: PlayScreenProps): React.JSX.Element {
  const app = useAppValue();
  // Not on every draft change: the editor redraws itself while typing.
  const state = usePlayKey(ctl, (s) => `${s.index}|${s.pausedAt !== null}|${s.run.status}`);
  const scenario = ctl.scenario;
  const { columns } = app.size;
  const height = app.bodyRows;
  const index = state.index;
  const finished = index >= scenario.tasks.length;
  const reveal = state.run.reveal ?? 'task';
  const paused = state.pausedAt !== null;
  const [focus, setFocus] = useState<'reader' | 'editor'>('editor');
  // Search or outline opened from the editor: focus goes back there when it closes.
  const backToEditor = useRef(false);
  const [showTask, setShowTask] = useState(false);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  // Answers being saved (more than one when Enter comes again before the first save is done).
  const [saving, setSaving] = useState(0);
  const submitting = saving > 0;
  const [large, setLarge] = useState<LargePane>('reader');
  const [promptTop, setPromptTop] = useState(0);
  const layout = playLayout(columns, height, large);

  const onSearch = useCallback((query: string) => ctl.search(query), [ctl]);
  // What the model sees, a person sees: its instructions (system message) open the reader, marked
  // as such; every offset the run records (seen, readerAt) stays an offset into the context.
  const preamble = useMemo(() => readerPreamble(scenario), [scenario]);
  const question = useMemo(() => (questionInContext(scenario) ? questionEnds(scenario.context) : undefined), [scenario]);
  const readerText = useMemo(() => preamble + scenario.context, [preamble, scenario]);
  const reader = useReader({ text: readerText, width: layout.readerWidth, height: layout.readerHeight, onSearch });
  // A continued run reopens the context where the person was reading (once, on mount).
  useEffect(() => {
    const s = ctl.getState();
    const at = s.run.tasks[Math.min(s.index, s.run.tasks.length - 1)]?.readerAt;
    if (at) reader.dispatch({ type: 'gotoRow', row: rowAtChar(reader.state.doc.wrapped, at + preamble.length) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Rebuilt each time the task view opens: earlier answers change on submission (the index), but
  // their statuses also change after it, when a person judges items on the verdicts screen.
  const taskText = useMemo(
    () =>
      taskDocument(scenario.tasks, ctl.getState().run.tasks, Math.min(index, scenario.tasks.length - 1), reveal, {
        system: scenario.system,
        givenTurns: scenario.givenTurns,
        question: index === 0 ? question : undefined,
        history: state.run.history,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scenario, index, reveal, showTask],
  );
  const taskReader = useReader({ text: taskText, width: layout.readerWidth, height: layout.readerHeight });
  const shown = showTask ? taskReader : reader;

  // What part of the context is on screen (nothing while the task view or the pause hides it).
  const span = contextSpan(visibleCharSpan(reader.state.doc.wrapped, reader.state.top, reader.state.rows), preamble.length);
  const hidden = showTask || paused || !active;
  useEffect(() => {
    ctl.view(hidden ? { from: 0, to: 0, total: span.total } : span);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctl, hidden, span.from, span.to, span.total]);

  // Start (or continue) the clock of the task on screen. The next task is on screen as soon as an
  // answer is submitted, so its clock starts then, not when the save is done (a slow disk would
  // otherwise eat its time, or a quick answer would get none) - except with verdicts after each
  // task: they come first, and the clock starts when the person is back here.
  const waitForVerdicts = submitting && reveal === 'task';
  useEffect(() => {
    if (!active || finished || waitForVerdicts) return;
    const s = ctl.getState();
    if (s.segmentStart === null && s.pausedAt === null) void ctl.open();
  }, [ctl, active, finished, waitForVerdicts, index]);

  useEffect(() => {
    const t = setInterval(() => {
      if (ctl.getState().segmentStart !== null) ctl.tick();
    }, TICK_MS);
    return () => clearInterval(t);
  }, [ctl]);

  // One editor buffer per task, started from the saved draft (a continued run).
  const buffer = useMemo(() => new TextBuffer(ctl.getState().run.tasks[index]?.draft ?? ''), [ctl, index]);
  const pendingPaste = useRef<number | null>(null);
  useEffect(() => {
    setConfirmEmpty(false);
    setFocus('editor');
    setPromptTop(0);
  }, [index]);
  const panelRows = taskPanelRows({ tasks: scenario.tasks, results: state.run.tasks, index, width: layout.panelWidth, height: layout.panelHeight, promptTop, question: index === 0 ? question : undefined, questionKeys: QUESTION_KEYS, givenTurns: scenario.givenTurns });

  const contexts: KeyContext[] = paused
    ? ['play']
    : confirmEmpty
      ? ['confirm']
      : focus === 'editor'
        ? ['editor', 'play']
        : [...shown.contexts, 'play'];
  const { showHelp, afterSubmit } = app.actions;
  useScreenHints(contexts, active);

  // An answer is for the task it was typed for (`forIndex`, the task on screen when Enter was
  // pressed). It is recorded at once, even while an earlier answer is still being saved (the saves
  // queue up in the controller): a person's Enter is never dropped. A second Enter for a task
  // already submitted (a key that reached the old editor) is ignored.
  const submit = useCallback(
    async (text: string, forIndex: number) => {
      const at = ctl.getState().index;
      if (at !== forIndex || at >= scenario.tasks.length) return;
      setSaving((n) => n + 1);
      setConfirmEmpty(false);
      try {
        await ctl.submit(text);
      } finally {
        setSaving((n) => n - 1);
        setShowTask(false);
        afterSubmit(at);
      }
    },
    [ctl, scenario, afterSubmit],
  );

  /** Screen-level commands; true when the key was used. */
  const screenKey = (input: string, key: Key, raw: string, typing: boolean): boolean => {
    const cmd = commandFor(['play', 'global'], input, key, raw, { typing });
    switch (cmd) {
      case 'app.quit':
        return true; // the root asks
      case 'app.help':
        showHelp(contexts);
        return true;
      case 'app.pause':
        void ctl.togglePause();
        return true;
      case undefined:
        return false;
    }
    if (paused) return true;
    switch (cmd) {
      case 'focus.toggle':
        setFocus((f) => (f === 'reader' ? 'editor' : 'reader'));
        return true;
      case 'reader.pageUp':
        shown.dispatch({ type: 'page', dir: -1 });
        return true;
      case 'reader.pageDown':
        shown.dispatch({ type: 'page', dir: 1 });
        return true;
      case 'task.full':
        setShowTask((v) => !v);
        return true;
      case 'play.search':
      case 'play.outline':
        backToEditor.current = focus === 'editor';
        setFocus('reader');
        shown.dispatch({ type: cmd === 'play.search' ? 'searchOpen' : 'outlineOpen' });
        return true;
      case 'play.wide':
        backToEditor.current = focus === 'editor';
        if (clippedOnScreen(shown.state)) setFocus('reader');
        else backToEditor.current = false;
        shown.dispatch({ type: 'wideOpen' });
        return true;
      case 'task.scrollUp':
      case 'task.scrollDown': {
        const step = Math.max(1, panelRows.prompt.rows.length - 2);
        const next = promptTop + (cmd === 'task.scrollUp' ? -step : step);
        setPromptTop(Math.max(0, Math.min(panelRows.prompt.maxTop, next)));
        return true;
      }
      case 'layout.swap':
        setLarge((l) => (l === 'reader' ? 'task' : 'reader'));
        return true;
      case 'play.nextMatch':
        shown.dispatch({ type: 'nextMatch' });
        return true;
      case 'play.prevMatch':
        shown.dispatch({ type: 'prevMatch' });
        return true;
      case 'question.start':
      case 'question.end': {
        if (!question) return false;
        const at = cmd === 'question.start' ? question.opening.from : (question.closing ?? question.opening).from;
        setShowTask(false);
        reader.dispatch({ type: 'gotoRow', row: rowAtChar(reader.state.doc.wrapped, at + preamble.length) });
        return true;
      }
      default:
        return false;
    }
  };

  const readerKeys = active && !confirmEmpty && !submitting && (paused || focus === 'reader');
  useKeys(
    (input, key, info) => {
      if (paused) {
        screenKey(input, key, info.raw, false);
        return;
      }
      const modal = shown.modal;
      if (modal) {
        const action = readerKeyAction(shown.state, input, key, info.raw);
        if (action) {
          shown.dispatch(action);
          // Search or outline done: back to the editor when that is where it was opened from.
          if (backToEditor.current && ['searchSubmit', 'searchCancel', 'outlineJump', 'outlineClose', 'wideClose'].includes(action.type)) {
            backToEditor.current = false;
            setFocus('editor');
          }
          return;
        }
        if (shown.typing) return;
      }
      if (screenKey(input, key, info.raw, false)) return;
      if (shown.handleKey(input, key, info.raw)) return;
      // Text the reader has no use for is meant for the answer: it goes there, with focus.
      if (!showTask && (info.paste || isTypedText(input, key))) {
        backToEditor.current = false;
        setFocus('editor');
        const result = applyEditorKey(buffer, input, key, info.raw, undefined, info.paste);
        if (result.kind === 'edit') {
          if (result.paste) onPaste(result.paste.chars);
          onChange(buffer.text);
        }
      }
    },
    { isActive: readerKeys },
  );

  // The editor stays live while an answer is being saved: the next task's buffer is already up
  // (the index moves before the save), so keys typed right after Enter are not lost, and an Enter
  // meanwhile submits that next task (see submit()).
  const editorFocus = active && !paused && !confirmEmpty && focus === 'editor';
  const onEditorKey = (input: string, key: Key, info: KeyInfo) => void screenKey(input, key, info.raw, true);
  // The terminal marks a paste (bracketed paste): its size is recorded with the draft it made.
  const onPaste = useCallback((chars: number) => {
    pendingPaste.current = chars;
  }, []);
  const onChange = useCallback(
    (text: string) => {
      const pasted = pendingPaste.current;
      pendingPaste.current = null;
      ctl.draft(text, pasted ?? undefined);
    },
    [ctl],
  );
  const onSubmit = useCallback(
    (text: string) => {
      if (text.trim() === '') setConfirmEmpty(true);
      else void submit(text, index);
    },
    [submit, index],
  );

  const header = (
    <PlayHeader
      title={scenario.title}
      index={index}
      total={scenario.tasks.length}
      ctl={ctl}
      paused={paused}
      width={columns}
      saving={submitting}
    />
  );

  if (paused) {
    return (
      <Box flexDirection="column" height={height} width={columns}>
        {header}
        <Box flexDirection="column" height={layout.body} justifyContent="center" alignItems="center">
          <Text bold color={theme.text.warning}>
            ⏸ Paused
          </Text>
          <Text color={theme.text.muted} wrap="truncate-end">
            {truncateToWidth('The clock is stopped; the context and the task are hidden.', columns)}
          </Text>
          <Text wrap="truncate-end">{truncateToWidth('Press Ctrl+P to go on.', columns)}</Text>
        </Box>
      </Box>
    );
  }

  const readerFocused = focus === 'reader' && !confirmEmpty;
  const readerView = (
    <Box flexDirection="column" width={layout.readerWidth} height={layout.readerHeight}>
      <Reader reader={shown} focus={active && readerFocused} captureKeys={false} />
    </Box>
  );
  const answerLabel = confirmEmpty ? (
    <Confirm message="Submit an empty answer?" onConfirm={() => void submit('', index)} onCancel={() => setConfirmEmpty(false)} focus={active} />
  ) : (
    <FocusBar
      focused={focus === 'editor'}
      width={layout.panelWidth}
      text={submitting ? 'Saving your answer…' : focus === 'editor' ? 'Your answer (Enter submits · Ctrl+J new line)' : 'Your answer (Tab, or just type)'}
    />
  );
  const panel = finished ? (
    <Box width={layout.panelWidth} height={layout.panelHeight}>
      <Text color={theme.text.muted}>All tasks answered.</Text>
    </Box>
  ) : (
    <TaskPanel
      tasks={scenario.tasks}
      results={state.run.tasks}
      index={index}
      reveal={reveal}
      width={layout.panelWidth}
      height={layout.panelHeight}
      focused={focus === 'editor'}
      promptTop={panelRows.prompt.top}
      answerLabel={answerLabel}
      renderAnswer={(w, h) => (
        <Editor
          key={index}
          buffer={buffer}
          focus={editorFocus}
          width={w}
          height={h}
          placeholder="Type your answer here"
          onChange={onChange}
          onPaste={onPaste}
          onSubmit={onSubmit}
          onOtherKey={onEditorKey}
        />
      )}
      beside={renderBeside ? (w, h) => renderBeside(w, h, index) : undefined}
      question={index === 0 ? question : undefined}
      questionKeys={QUESTION_KEYS}
      givenTurns={scenario.givenTurns}
      history={state.run.history}
    />
  );

  return (
    <Box flexDirection="column" height={height} width={columns}>
      {header}
      {layout.wide ? (
        <Box flexDirection="row" height={layout.body}>
          {readerView}
          <Box width={1} height={layout.body} flexDirection="column">
            <Text color={readerFocused ? theme.border.unfocused : theme.border.focused}>{'│\n'.repeat(layout.body).trimEnd()}</Text>
          </Box>
          {panel}
        </Box>
      ) : (
        <Box flexDirection="column" height={layout.body}>
          {readerView}
          <Text color={theme.border.unfocused} wrap="truncate-end">
            {'─'.repeat(columns)}
          </Text>
          {panel}
        </Box>
      )}
    </Box>
  );
}

function PlayHeader(props: {
  title: string;
  index: number;
  total: number;
  ctl: PlayController;
  paused: boolean;
  width: number;
  saving: boolean;
}): React.JSX.Element {
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  const clock = `${props.paused ? '⏸ ' : '⏱ '}${formatClock(props.ctl.elapsed())}`;
  const k = Math.min(props.index + 1, props.total);
  const right = ` Task ${k}/${props.total} · ${clock}`;
  const titleWidth = Math.max(1, props.width - right.length - 1);
  return (
    <Box width={props.width} height={1}>
      <Text bold wrap="truncate-end">
        {truncateToWidth(sanitizeInline(props.title), titleWidth)}
      </Text>
      <Box flexGrow={1} />
      <Text color={props.paused ? theme.text.warning : theme.text.accent}>{right}</Text>
    </Box>
  );
}

/** A key that types text (a letter, a digit, punctuation), not a command key. */
function isTypedText(input: string, key: Key): boolean {
  if (input === '' || key.ctrl || key.meta || key.return || key.tab || key.escape) return false;
  return !/[\x00-\x1f\x7f]/.test(input);
}

/** A pane's title: drawn inverse across the pane while it has focus (seen with NO_COLOR too). */
function FocusBar({ focused, width, text }: { focused: boolean; width: number; text: string }): React.JSX.Element {
  if (!focused) {
    return (
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(text, width)}
      </Text>
    );
  }
  const bar = truncateToWidth(`▶ ${text}`, width);
  return (
    <Text color={theme.accent} inverse bold wrap="truncate-end">
      {bar + ' '.repeat(Math.max(0, width - displayWidth(bar)))}
    </Text>
  );
}
