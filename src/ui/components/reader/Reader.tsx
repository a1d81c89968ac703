// The context reader: draws only the visible slice of pre-wrapped rows, search highlights, the
// outline overlay and a status line (position, search prompt, match count).
// State lives in useReader (owned by the parent); with `focus` the reader reads keys itself.
import React from 'react';
import { Box, Text, type Key } from 'ink';
import { useRawInput } from '../../keys/use-raw-input.js';
import { theme } from '../../theme.js';
import { displayWidth, truncateToWidth } from '../../../core/text/width.js';
import { matchesInRows, type SearchMatch } from '../../../core/text/search.js';
import type { WrappedLine } from '../../../core/text/wrap.js';
import { positionLabel } from './reader-state.js';
import type { ReaderController } from './use-reader.js';
import { useKeys } from '../../keys/keypress.js';

export interface ReaderProps {
  reader: ReaderController;
  /** A focused reader reads keys (unless captureKeys is false) and shows the search prompt cursor. */
  focus: boolean;
  /** Read keys with useInput while focused. Default true; set false to route keys yourself
   *  through reader.handleKey. */
  captureKeys?: boolean;
  /** Keys the reader did not use. */
  onOtherKey?: (input: string, key: Key) => void;
}

export function Reader({ reader, focus, captureKeys = true, onOtherKey }: ReaderProps): React.JSX.Element {
  const raw = useRawInput();
  useKeys(
    (input, key) => {
      if (!reader.handleKey(input, key, raw())) onOtherKey?.(input, key);
    },
    { isActive: focus && captureKeys },
  );
  const { state, width } = reader;
  const rows = state.rows;
  return (
    <Box flexDirection="column" width={width} height={rows + 1}>
      {state.outline.open ? <OutlineList reader={reader} /> : <Rows reader={reader} />}
      <StatusLine reader={reader} focus={focus} />
    </Box>
  );
}

function Rows({ reader }: { reader: ReaderController }): React.JSX.Element {
  const { state } = reader;
  const lines = state.doc.wrapped.lines;
  const from = state.top;
  const to = Math.min(lines.length, state.top + state.rows);
  // Hits that start up to a few rows above may continue onto the first visible row.
  const hits = state.search.result.matches.length ? matchesInRows(state.search.result, Math.max(0, from - 4), to) : [];
  const current = state.search.current >= 0 ? state.search.result.matches[state.search.current] : undefined;
  const out: React.JSX.Element[] = [];
  for (let r = from; r < to; r++) {
    out.push(<Row key={r} line={lines[r]} hits={hits} current={current} />);
  }
  for (let r = to; r < state.top + state.rows; r++) out.push(<Text key={`e${r}`}> </Text>);
  return <Box flexDirection="column">{out}</Box>;
}

const Row = React.memo(function Row({
  line,
  hits,
  current,
}: {
  line: WrappedLine;
  hits: readonly SearchMatch[];
  current: SearchMatch | undefined;
}): React.JSX.Element {
  const textEnd = line.offset + line.text.length;
  const spans: { start: number; stop: number; current: boolean }[] = [];
  for (const m of hits) {
    if (m.src !== line.src) continue;
    const start = Math.max(m.offset, line.offset);
    const stop = Math.min(m.offset + m.length, textEnd);
    if (stop <= start) continue;
    spans.push({ start: start - line.offset, stop: stop - line.offset, current: m === current });
  }
  if (spans.length === 0) return <Text wrap="truncate-end">{line.text === '' ? ' ' : line.text}</Text>;
  const parts: React.ReactNode[] = [];
  let pos = 0;
  spans.forEach((s, i) => {
    if (s.start > pos) parts.push(line.text.slice(pos, s.start));
    parts.push(
      <Text
        key={i}
        backgroundColor={s.current ? theme.highlight.current : theme.highlight.match}
        color={theme.highlight.matchText}
        inverse={theme.noColor}
        bold={s.current}
        underline={s.current && theme.noColor}
      >
        {line.text.slice(s.start, s.stop)}
      </Text>,
    );
    pos = s.stop;
  });
  if (pos < line.text.length) parts.push(line.text.slice(pos));
  return <Text wrap="truncate-end">{parts}</Text>;
});

function OutlineList({ reader }: { reader: ReaderController }): React.JSX.Element {
  const { state, width } = reader;
  const hs = state.doc.headings;
  const rows = state.rows;
  const listRows = Math.max(1, rows - 1);
  const sel = state.outline.index;
  const start = Math.max(0, Math.min(sel - Math.floor(listRows / 2), hs.length - listRows));
  const shown = hs.slice(start, start + listRows);
  const out: React.JSX.Element[] = [
    <Text key="title" bold color={theme.accent}>
      {truncateToWidth(`Outline (${hs.length} headings) - Enter jumps, Esc closes`, width)}
    </Text>,
  ];
  shown.forEach((h, i) => {
    const idx = start + i;
    const label = `${'  '.repeat(h.level - 1)}${h.title}`;
    const selected = idx === sel;
    out.push(
      <Text key={idx} inverse={selected} color={selected ? undefined : h.level === 1 ? theme.text.primary : undefined} wrap="truncate-end">
        {truncateToWidth(`${selected ? '›' : ' '} ${label}`, width)}
      </Text>,
    );
  });
  for (let i = out.length; i < rows; i++) out.push(<Text key={`e${i}`}> </Text>);
  return <Box flexDirection="column">{out}</Box>;
}

function StatusLine({ reader, focus }: { reader: ReaderController; focus: boolean }): React.JSX.Element {
  const { state, width } = reader;
  if (state.search.open) {
    return (
      <Text wrap="truncate-start">
        <Text color={theme.accent}>/</Text>
        {state.search.input}
        {focus ? <Text inverse> </Text> : null}
      </Text>
    );
  }
  const pos = positionLabel(state);
  const r = state.search.result;
  let search = '';
  if (r.query) {
    const q = truncateToWidth(r.query, 20);
    search = r.count === 0 ? `"${q}" not found` : `"${q}" ${state.search.current + 1}/${r.count}${r.truncated ? '+' : ''}`;
  }
  let line = search ? `${pos} · ${search}` : pos;
  if (state.notice) line = `${state.notice} · ${line}`;
  // The focused pane's bar is drawn inverse across its width (seen with NO_COLOR too).
  if (!focus) {
    return (
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth(line, width)}
      </Text>
    );
  }
  const bar = truncateToWidth(`▶ ${line}`, width);
  return (
    <Text color={theme.text.accent} inverse bold wrap="truncate-end">
      {bar + ' '.repeat(Math.max(0, width - displayWidth(bar)))}
    </Text>
  );
}
