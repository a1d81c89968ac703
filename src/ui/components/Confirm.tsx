// A yes/no question: y confirms, n or Esc cancels (keys from the binding table).
import React from 'react';
import { Text } from 'ink';
import { commandFor, hintLine } from '../keys/bindings.js';
import { sanitizeInline } from '../../core/text/sanitize.js';
import { theme } from '../theme.js';
import { useKeys } from '../keys/keypress.js';

export interface ConfirmProps {
  message: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Reads keys only while focused (default true). */
  focus?: boolean;
}

export function Confirm({ message, onConfirm, onCancel, focus = true }: ConfirmProps): React.JSX.Element {
  useKeys(
    (input, key) => {
      const cmd = commandFor(['confirm'], input, key);
      if (cmd === 'confirm.yes') onConfirm();
      else if (cmd === 'confirm.no') onCancel();
    },
    { isActive: focus },
  );
  return (
    <Text wrap="wrap">
      <Text color={theme.text.warning} bold>
        {sanitizeInline(message)}
      </Text>
      <Text color={theme.text.muted}> ({hintLine('confirm')})</Text>
    </Text>
  );
}
