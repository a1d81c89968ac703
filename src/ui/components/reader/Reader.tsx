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
import { lineMarkup, NO_MARKUP, type LineMarkup } from '../../../core/text/inline-markup.js';
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
      {state.outline.open ? <OutlineList reader={reader} /> : <Rows reader={reader} plain={plain} />}
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
    const line = lines[r];
    // Only the rows on screen are parsed (one source line at a time, cached).
    const markup = plain || line.display || doc.fenced[line.src] ? NO_MARKUP : lineMarkup(doc.wrapped.sourceLines[line.src] ?? '');
    out.push(<Row key={r} line={line} hits={hits} current={current} markup={markup} />);
  }
  for (let r = to; r < state.top + state.rows; r++) out.push(<Text key={`e${r}`}> </Text>);
  return <Box flexDirection="column">{out}</Box>;
}

/** How one character is drawn. */
interface Look {
  hit: 0 | 1 | 2; // none, match, current match
  heading: number; // level, 0 for none
  strong: boolean;
  emphasis: boolean;
  code: boolean;
  link: boolean;
  del: boolean;
}

const sameLook = (a: Look, b: Look) =>
  a.hit === b.hit && a.heading === b.heading && a.strong === b.strong && a.emphasis === b.emphasis && a.code === b.code && a.link === b.link && a.del === b.del;

const Row = React.memo(function Row({
  line,
  hits,
  current,
  markup,
}: {
  line: WrappedLine;
  hits: readonly SearchMatch[];
  current: SearchMatch | undefined;
  markup: LineMarkup;
}): React.JSX.Element {
  const textEnd = line.offset + line.text.length;
  const spans: { start: number; stop: number; current: boolean }[] = [];
  for (const m of hits) {
    if (m.src !== line.src) continue;
    const start = Math.max(m.offset, line.offset);
    const stop = Math.min(m.offset + m.length, textEnd);
    if (stop <= start) continue;
    spans.push({ start, stop, current: m === current });
  }
  if (line.display) {
    // A laid-out table row: a search hit anywhere in its source line marks the whole row.
    const hit = hits.some((m) => m.src === line.src);
    return (
      <Text wrap="truncate-end" inverse={hit && theme.noColor} backgroundColor={hit ? theme.highlight.match : undefined}>
        {line.text === '' ? ' ' : line.text}
      </Text>
    );
  }
  if (spans.length === 0 && markup.styles.length === 0) return <Text wrap="truncate-end">{line.text === '' ? ' ' : line.text}</Text>;
  // Character by character over this row's range of the source line (a row is at most a pane
  // wide): markers hidden, styles and search hits merged into runs of one look.
  const parts: React.ReactNode[] = [];
  let run = '';
  let look: Look | null = null;
  const flush = () => {
    if (run && look) parts.push(styled(run, look, parts.length));
    run = '';
  };
  for (let i = line.offset; i < textEnd; i++) {
    if (markup.hidden.some(([a, b]) => i >= a && i < b)) continue;
    const at: Look = { hit: 0, heading: 0, strong: false, emphasis: false, code: false, link: false, del: false };
    for (const sp of spans) if (i >= sp.start && i < sp.stop) at.hit = sp.current ? 2 : 1;
    for (const st of markup.styles) {
      if (i < st.from || i >= st.to) continue;
      if (st.style === 'heading') at.heading = st.level ?? 1;
      else if (st.style === 'strong') at.strong = true;
      else if (st.style === 'emphasis') at.emphasis = true;
      else if (st.style === 'code') at.code = true;
      else if (st.style === 'link') at.link = true;
      else if (st.style === 'delete') at.del = true;
    }
    if (!look || !sameLook(look, at)) {
      flush();
      look = at;
    }
    run += line.text[i - line.offset];
  }
  flush();
  return <Text wrap="truncate-end">{parts.length ? parts : ' '}</Text>;
});

/** A run of characters with one look. With NO_COLOR, bold / italic / underline / inverse still
 *  carry the meaning (headings bold + underlined, code inverse, links underlined). */
function styled(text: string, l: Look, key: number): React.ReactNode {
  if (l.hit) {
    return (
      <Text
        key={key}
        backgroundColor={l.hit === 2 ? theme.highlight.current : theme.highlight.match}
        color={theme.highlight.matchText}
        inverse={theme.noColor}
        bold={l.hit === 2 || l.strong || l.heading > 0}
        underline={(l.hit === 2 && theme.noColor) || l.link}
      >
        {text}
      </Text>
    );
  }
  return (
    <Text
      key={key}
      bold={l.heading > 0 || l.strong}
      italic={l.emphasis}
      underline={l.link || l.heading === 1 || l.heading === 2}
      strikethrough={l.del}
      inverse={l.code && theme.noColor}
      color={l.heading > 0 ? theme.text.accent : l.code ? theme.text.warning : l.link ? theme.accent : undefined}
    >
      {text}
    </Text>
  );
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
