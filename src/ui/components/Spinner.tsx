// A small spinner for waits (a model or judge answering). Stops its timer on unmount.
import React, { useEffect, useState } from 'react';
import { Text } from 'ink';
import { theme } from '../theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function Spinner({ label, intervalMs = 100 }: { label?: string; intervalMs?: number }): React.JSX.Element {
  const [i, setI] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setI((n) => (n + 1) % FRAMES.length), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return (
    <Text>
      <Text color={theme.accent}>{FRAMES[i]}</Text>
      {label ? ` ${label}` : ''}
    </Text>
  );
}
