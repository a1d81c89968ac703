// A one-line progress bar: "████████░░░░ 8/12 label". Meaning does not depend on colour.
import React from 'react';
import { Text } from 'ink';
import { theme } from '../theme.js';

export interface ProgressBarProps {
  /** 0..1 */
  value: number;
  /** Columns for the bar itself. */
  width: number;
  /** Text after the bar, e.g. "3/7 tasks". */
  label?: string;
}

export function progressCells(value: number, width: number): { done: number; rest: number } {
  const v = Number.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
  const w = Math.max(0, Math.floor(width));
  const done = Math.round(v * w);
  return { done, rest: w - done };
}

export function ProgressBar({ value, width, label }: ProgressBarProps): React.JSX.Element {
  const { done, rest } = progressCells(value, width);
  return (
    <Text wrap="truncate-end">
      <Text color={theme.progress.done}>{'█'.repeat(done)}</Text>
      <Text color={theme.progress.rest}>{'░'.repeat(rest)}</Text>
      {label ? ` ${label}` : ''}
    </Text>
  );
}
