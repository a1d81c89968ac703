// The context reader: draws only the visible slice of pre-wrapped rows, search highlights, the
// outline overlay and a status line (position, search prompt, match count).
// State lives in useReader (owned by the parent); with `focus` the reader reads keys itself.
import React from 'react';
import { Box, Text, type Key } from 'ink';
import { useRawInput } from '../../keys/use-raw-input.js';
import { theme } from '../../theme.js';
import { displayWidth, truncateToWidth } from '../../../core/text/width.js';
import { matchesInRows } from '../../../core/text/search.js';
import { rowText } from './row-text.js';
import { sliceColumns } from './wide-view.js';
import { clippedOnScreen, positionLabel } from './reader-state.js';
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
  /** Show the text as written (no Markdown styling; the bench compares the two). */
  plain?: boolean;
}

export function Reader({ reader, focus, captureKeys = true, onOtherKey, plain = false }: ReaderProps): React.JSX.Element {
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
      {state.outline.open ? <OutlineList reader={reader} /> : state.wide ? <WideRows reader={reader} /> : <Rows reader={reader} plain={plain} />}
      <StatusLine reader={reader} focus={focus} />
    </Box>
  );
}

function Rows({ reader, plain }: { reader: ReaderController; plain: boolean }): React.JSX.Element {
  const { state } = reader;
  const doc = state.doc;
  const lines = doc.wrapped.lines;
  const from = state.top;
  const to = Math.min(lines.length, state.top + state.rows);
  // Hits that start up to a few rows above may continue onto the first visible row.
  const hits = state.search.result.matches.length ? matchesInRows(state.search.result, Math.max(0, from - 4), to) : [];
  const current = state.search.current >= 0 ? state.search.result.matches[state.search.current] : undefined;
  const out: React.JSX.Element[] = [];
  for (let r = from; r < to; r++) {
    const line = lines[r]!;
    const own = hits.length ? hits.filter((m) => m.src === line.src) : undefined;
    // Only the rows on screen are built (each once per layout, cached; see row-text.ts).
    const text = rowText({ line, source: doc.wrapped.sourceLines[line.src] ?? '', kind: doc.kinds[line.src] ?? 0, plain, hits: own?.length ? own : undefined, current });
    out.push(
      <Text key={r} wrap="truncate-end">
        {text}
      </Text>,
    );
  }
  for (let r = to; r < state.top + state.rows; r++) out.push(<Text key={`e${r}`}> </Text>);
  return <Box flexDirection="column">{out}</Box>;
}

/** A clipped table or code block drawn whole, scrolled sideways: ‹ and › say there is more. */
function WideRows({ reader }: { reader: ReaderController }): React.JSX.Element {
  const { state, width } = reader;
  const v = state.wide!;
  const inner = Math.max(1, width - 2);
  const out: React.JSX.Element[] = [];
  for (let r = 0; r < state.rows; r++) {
    const line = v.lines[v.top + r];
    if (line === undefined) {
      out.push(<Text key={`e${r}`}> </Text>);
      continue;
    }
    const cut = sliceColumns(line, v.left, inner);
    out.push(
      <Text key={r} wrap="truncate-end">
        <Text color={theme.text.muted}>{cut.before ? '‹' : ' '}</Text>
        {cut.text}
        <Text color={theme.text.muted}>{cut.after ? ' '.repeat(Math.max(0, inner - displayWidth(cut.text))) + '›' : ''}</Text>
      </Text>,
    );
  }
  return <Box flexDirection="column">{out}</Box>;
}

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
  if (state.wide) {
    const v = state.wide;
    const inner = Math.max(1, width - 2);
    const what = v.block.kind === 'table' ? 'table' : 'code';
    const cols = `columns ${v.left + 1}-${Math.min(v.width, v.left + inner)} of ${v.width}`;
    const rowsShown = v.lines.length > state.rows ? ` · lines ${v.top + 1}-${Math.min(v.lines.length, v.top + state.rows)} of ${v.lines.length}` : '';
    const line = `${what}, whole: ${cols}${rowsShown} · ←→ scroll · Esc closes`;
    return (
      <Text color={theme.text.accent} inverse={focus} bold={focus} wrap="truncate-end">
        {focus ? truncateToWidth(line, width).padEnd(width) : truncateToWidth(line, width)}
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
  // A table or code block cut at the pane's edge: say how to see it whole.
  if (clippedOnScreen(state)) line = `› clipped: ${focus ? 'w' : 'Alt+W'} shows it whole · ${line}`;
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
