// Rubric items with their verdicts: symbol (✓ ✗ … ?), status colour, item text, who decided and
// why. Everything shown is sanitized (item texts and reasons may come from a scenario or a model).
import React from 'react';
import { Box, Text } from 'ink';
import type { Verdict } from '../../core/grading/verdict.js';
import { sanitize, sanitizeInline } from '../../core/text/sanitize.js';
import { STATUS_SYMBOL, theme } from '../theme.js';

export interface VerdictItem {
  /** The rubric item's text. */
  text: string;
  verdict: Verdict;
  weight?: number;
}

export interface VerdictListProps {
  items: readonly VerdictItem[];
  width: number;
  /** Show `by` and the reason under each item. Default true. */
  details?: boolean;
  /** Highlight this item (a person choosing items to mark). */
  selected?: number;
  /** At most this many rows of text per item's reason (default 3). */
  reasonLines?: number;
}

export function VerdictList({ items, width, details = true, selected, reasonLines = 3 }: VerdictListProps): React.JSX.Element {
  return (
    <Box flexDirection="column" width={width}>
      {items.map((item, i) => {
        const v = item.verdict;
        const colour = theme.status[v.status];
        const reason = sanitize(v.reason ?? '').trim();
        return (
          <Box key={i} flexDirection="column">
            <Box>
              <Text color={colour} bold inverse={selected === i}>
                {STATUS_SYMBOL[v.status]}{' '}
              </Text>
              <Box flexGrow={1}>
                <Text wrap="wrap">
                  {sanitize(item.text)}
                  {item.weight !== undefined && item.weight !== 1 ? <Text color={theme.text.muted}> (weight {item.weight})</Text> : null}
                </Text>
              </Box>
            </Box>
            {details && (reason || v.by) ? (
              <Box paddingLeft={2}>
                <Text color={theme.text.muted} wrap="wrap">
                  {v.status}
                  {v.by ? ` · ${sanitizeInline(v.by)}` : ''}
                  {reason ? ` · ${clipLines(reason, reasonLines)}` : ''}
                </Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

function clipLines(text: string, n: number): string {
  const lines = text.split('\n');
  if (lines.length <= n) return text;
  return lines.slice(0, n).join('\n') + ' …';
}
