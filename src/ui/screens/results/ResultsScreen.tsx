// The results screen: tabs of tables and charts; on Tasks, Enter opens every answer to a task
// side by side with its verdict. Renders only the visible slice of its lines.
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { truncateToWidth } from '../../../core/text/width.js';
import { commandFor, hintLine } from '../../keys/bindings.js';
import { theme } from '../../theme.js';
import { answerLines, TABS, tabLines, type ResultsInput } from './results-view.js';

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

export function ResultsScreen(props: ResultsScreenProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(props);
  const [tab, setTab] = useState(0);
  const [top, setTop] = useState(0);
  const [selected, setSelected] = useState(0);
  const [open, setOpen] = useState(false);
  // Header (1) + tab bar (1) + footer (1) + one spare row: Ink redraws everything if the
  // frame is as tall as the terminal.
  const bodyRows = Math.max(3, rows - 4);
  const width = Math.max(20, columns - 1);
  const tabName = TABS[tab]!;
  const onTasks = tabName === 'Tasks';
  const lines = useMemo(
    () => (open && props.tasks[selected] ? answerLines(props.tasks[selected]!, props, width) : tabLines(tabName, props)),
    [open, selected, tabName, props, width],
  );
  const maxTop = Math.max(0, lines.length - bodyRows);

  const leave = () => (props.onExit ? props.onExit() : exit());

  useInput((input, key) => {
    const cmd = commandFor(['results', 'global'], input, key);
    const page = (n: number) => setTop((t) => Math.min(maxTop, Math.max(0, t + n)));
    const select = (i: number) => {
      const next = Math.min(props.tasks.length - 1, Math.max(0, i));
      setSelected(next);
      setTop((t) => (next < t ? next : next >= t + bodyRows ? next - bodyRows + 1 : t));
    };
    switch (cmd) {
      case 'results.nextTab':
      case 'results.prevTab':
        if (open) return;
        setTab((t) => (t + (cmd === 'results.nextTab' ? 1 : TABS.length - 1)) % TABS.length);
        setTop(0);
        return;
      case 'results.up':
        return onTasks && !open ? select(selected - 1) : page(-1);
      case 'results.down':
        return onTasks && !open ? select(selected + 1) : page(1);
      case 'results.pageUp':
        return onTasks && !open ? select(selected - bodyRows) : page(-bodyRows);
      case 'results.pageDown':
        return onTasks && !open ? select(selected + bodyRows) : page(bodyRows);
      case 'results.open':
        if (onTasks && props.tasks.length && !open) {
          setOpen(true);
          setTop(0);
        }
        return;
      case 'results.back':
        if (open) {
          setOpen(false);
          setTop(Math.max(0, selected - Math.floor(bodyRows / 2)));
        } else leave();
        return;
      case 'results.quit':
      case 'app.quit':
        return leave();
    }
  });

  const visible = lines.slice(top, top + bodyRows);
  const position = lines.length > bodyRows ? ` ${top + 1}-${Math.min(lines.length, top + bodyRows)} of ${lines.length}` : '';
  const hints = open ? 'Esc back · ↑↓ scroll · q quit' : hintLine(['results'], width);
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text bold color={theme.accent}>
        {truncateToWidth(`clplay results${position}`, width)}
      </Text>
      <Text>
        {TABS.map((t, i) => (
          <Text key={t} inverse={i === tab} color={i === tab ? undefined : theme.text.muted}>
            {` ${i + 1} ${t} `}
          </Text>
        ))}
      </Text>
      <Box flexDirection="column" height={bodyRows}>
        {visible.map((line, i) => {
          const isSel = onTasks && !open && top + i === selected;
          return (
            <Text key={top + i} inverse={isSel} wrap="truncate">
              {truncateToWidth(line, width) || ' '}
            </Text>
          );
        })}
      </Box>
      <Text color={theme.text.muted}>{truncateToWidth(hints, width)}</Text>
    </Box>
  );
}
