// The `?` screen: every key of the given contexts, generated from the binding table.
// Scrolls with ↑↓ / PgUp PgDn when taller than `height`; any other key closes it (onClose).
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { helpSections, type KeyContext } from '../keys/bindings.js';
import { padToWidth, truncateToWidth } from '../../core/text/width.js';
import { theme } from '../theme.js';
import { useKeys } from '../keys/keypress.js';

export interface HelpOverlayProps {
  contexts: readonly KeyContext[];
  width: number;
  /** Rows available (the overlay never draws more). */
  height: number;
  /** Called on Esc, q, ?, Enter or any other non-scroll key. Omit to handle keys yourself. */
  onClose?: () => void;
  focus?: boolean;
}

type HelpRow = { kind: 'title'; text: string } | { kind: 'key'; keys: string; text: string } | { kind: 'blank' };

export function helpRows(contexts: readonly KeyContext[]): HelpRow[] {
  const rows: HelpRow[] = [];
  for (const s of helpSections(contexts, { active: true })) {
    if (rows.length) rows.push({ kind: 'blank' });
    rows.push({ kind: 'title', text: s.title });
    for (const l of s.lines) rows.push({ kind: 'key', keys: l.keys, text: l.description });
  }
  return rows;
}

export function HelpOverlay({ contexts, width, height, onClose, focus = true }: HelpOverlayProps): React.JSX.Element {
  const rows = helpRows(contexts);
  const bodyRows = Math.max(1, height - 2);
  const [top, setTop] = useState(0);
  const maxTop = Math.max(0, rows.length - bodyRows);
  useKeys(
    (input, key) => {
      if (key.downArrow || input === 'j') setTop((t) => Math.min(maxTop, t + 1));
      else if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
      else if (key.pageDown || input === ' ') setTop((t) => Math.min(maxTop, t + bodyRows));
      else if (key.pageUp) setTop((t) => Math.max(0, t - bodyRows));
      else onClose?.();
    },
    { isActive: focus && onClose !== undefined },
  );
  const keyCol = Math.min(28, Math.max(12, Math.floor(width * 0.35)));
  const shown = rows.slice(top, top + bodyRows);
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, rows.length + 2)}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Keys{rows.length > bodyRows ? `  (${top + 1}-${Math.min(rows.length, top + bodyRows)} of ${rows.length}, ↑↓ scroll)` : ''}
      </Text>
      {shown.map((r, i) =>
        r.kind === 'blank' ? (
          <Text key={i}> </Text>
        ) : r.kind === 'title' ? (
          <Text key={i} bold underline wrap="truncate-end">
            {r.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate-end">
            <Text color={theme.key}>{padToWidth(truncateToWidth(r.keys, keyCol - 1), keyCol)}</Text>
            {r.text}
          </Text>
        ),
      )}
      <Text color={theme.text.muted} wrap="truncate-end">
        Esc or any other key closes this help
      </Text>
    </Box>
  );
}
