// The results screen: tabs of tables and charts; on Tasks, Enter opens every answer to a task
// side by side with its verdict. Renders only the visible slice of its lines.
import { Box, Text, useApp, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { truncateToWidth } from '../../../core/text/width.js';
import { commandFor, helpLines, hintLine } from '../../keys/bindings.js';
import { theme } from '../../theme.js';
import { initialResultsState, resultsReducer, type ResultsState } from './results-state.js';
import { answerLines, TABS, tabLines, type ResultsInput } from './results-view.js';
import { useKeys } from '../../keys/keypress.js';

export interface ResultsScreenProps extends ResultsInput {
  /** Fixed size for tests; otherwise the terminal's, following resizes. */
  termColumns?: number;
  termRows?: number;
  onExit?: () => void;
}

function useTerminalSize(fixed: { termColumns?: number; termRows?: number }) {
  const { stdout } = useStdout();
  const read = () => ({ columns: fixed.termColumns ?? stdout.columns ?? 100, rows: fixed.termRows ?? stdout.rows ?? 30 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  });
  return size;
}

/** `?`: every key of this screen, from the key table. */
function keyLines(): string[] {
  const rows = helpLines(['results', 'global']);
  const w = Math.max(...rows.map((r) => r.keys.length));
  return ['Keys on the results screen', '', ...rows.map((r) => `  ${r.keys.padEnd(w)}  ${r.description}`)];
}

export function ResultsScreen(props: ResultsScreenProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(props);
  // Header (1) + tab bar (1) + footer (1) + one spare row: Ink redraws everything if the
  // frame is as tall as the terminal.
  const bodyRows = Math.max(3, rows - 4);
  const width = Math.max(20, columns - 1);
  const linesOf = useCallback(
    (s: Pick<ResultsState, 'open' | 'selected' | 'tab' | 'help'>) =>
      s.help ? keyLines() : s.open && props.tasks[s.selected] ? answerLines(props.tasks[s.selected]!, props, width) : tabLines(TABS[s.tab]!, props),
    [props, width],
  );
  // The reducer asks for line counts of the state it is in, so keys never act on a stale frame.
  const linesRef = useRef(linesOf);
  linesRef.current = linesOf;
  const [state, dispatch] = useReducer(resultsReducer, initialResultsState);
  // Only what decides the lines: scrolling must not rebuild them.
  const { open, selected, tab, help } = state;
  const lines = useMemo(() => linesOf({ open, selected, tab, help }), [linesOf, open, selected, tab, help]);

  // Quit once, with whichever exit the latest props give.
  const onExit = useRef(props.onExit ?? exit);
  useEffect(() => {
    onExit.current = props.onExit ?? exit;
  });
  useEffect(() => {
    if (state.quit) onExit.current();
  }, [state.quit]);

  useKeys((input, key) => {
    dispatch({ command: commandFor(['results', 'global'], input, key), input, bodyRows, taskCount: props.tasks.length, lineCount: (s) => linesRef.current(s).length });
  });

  const onTasks = TABS[state.tab] === 'Tasks';
  const { top } = state;
  const visible = lines.slice(top, top + bodyRows);
  const position = lines.length > bodyRows ? ` ${top + 1}-${Math.min(lines.length, top + bodyRows)} of ${lines.length}` : '';
  const hints = state.help ? 'any key: back · q quit' : state.open ? 'Esc back · ↑↓ scroll · q quit' : hintLine(['results', 'global'], width);
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text bold color={theme.accent}>
        {truncateToWidth(`clplay results${position}`, width)}
      </Text>
      <Text>
        {TABS.map((t, i) => (
          <Text key={t} inverse={i === state.tab} color={i === state.tab ? undefined : theme.text.muted}>
            {` ${i + 1} ${t} `}
          </Text>
        ))}
      </Text>
      <Box flexDirection="column" height={bodyRows}>
        {visible.map((line, i) => (
          <Text key={top + i} inverse={onTasks && !state.open && top + i === state.selected} wrap="truncate">
            {truncateToWidth(line, width) || ' '}
          </Text>
        ))}
      </Box>
      <Text color={theme.text.muted}>{truncateToWidth(hints, width)}</Text>
    </Box>
  );
}
