// One-line key hints footer, generated from the binding table.
import React from 'react';
import { Text } from 'ink';
import { hintItems, type KeyContext } from '../keys/bindings.js';
import { displayWidth } from '../../core/text/width.js';
import { theme } from '../theme.js';

export interface KeyHintsProps {
  /** Active contexts, most specific first, e.g. ['reader', 'play', 'global']. */
  contexts: KeyContext | readonly KeyContext[];
  /** Columns available; hints that do not fit are dropped (whole items). */
  width: number;
}

export function KeyHints({ contexts, width }: KeyHintsProps): React.JSX.Element {
  const items = hintItems(contexts);
  const seen = new Set<string>();
  const parts: React.ReactNode[] = [];
  let used = 0;
  for (const h of items) {
    const id = `${h.keys} ${h.label}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const w = displayWidth(id) + (parts.length ? 3 : 0);
    if (used + w > width) break;
    if (parts.length) parts.push(<Text key={`s${parts.length}`} color={theme.text.muted}>{' · '}</Text>);
    parts.push(
      <Text key={id}>
        <Text color={theme.key} bold>
          {h.keys}
        </Text>
        <Text color={theme.text.muted}> {h.label}</Text>
      </Text>,
    );
    used += w;
  }
  return <Text wrap="truncate-end">{parts.length ? parts : ' '}</Text>;
}
