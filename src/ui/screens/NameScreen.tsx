// First launch: asks for the name runs are saved under, and keeps it in the settings.
// Enter on an empty name takes the login name (as the README promises); `?` shows the keys
// (a name has no use for it).
import { userInfo } from 'node:os';
import React, { useCallback } from 'react';
import { Box, Text, type Key } from 'ink';
import { truncateToWidth } from '../../core/text/width.js';
import { useAppValue } from '../app-context.js';
import { Editor, useTextBuffer } from '../components/editor/Editor.js';
import { commandFor } from '../keys/bindings.js';
import type { KeyInfo } from '../keys/keypress.js';
import { theme } from '../theme.js';
import { useScreenHints } from '../hooks/use-screen-hints.js';

export const MAX_NAME = 60;

export function NameScreen(): React.JSX.Element {
  const app = useAppValue();
  const { columns } = app.size;
  const buffer = useTextBuffer('');
  const { setPlayer, showHelp } = app.actions;
  useScreenHints(['name']);
  const onSubmit = useCallback(
    (text: string) => {
      const name = (text.replace(/\s+/g, ' ').trim() || loginName()).slice(0, MAX_NAME);
      if (name) void setPlayer(name);
    },
    [setPlayer],
  );
  const onOther = (input: string, key: Key) => {
    if (commandFor(['global'], input, key, undefined, { typing: true }) === 'app.help') showHelp(['name']);
  };
  const intercept = (input: string, key: Key, info: KeyInfo) => {
    if (info.paste || input !== '?' || key.ctrl || key.meta) return false;
    showHelp(['name']);
    return true;
  };
  const login = loginName();
  const w = Math.min(columns - 2, 40);
  return (
    <Box flexDirection="column" width={columns} paddingLeft={1}>
      <Text bold color={theme.accent}>
        Welcome to clplay
      </Text>
      <Text> </Text>
      <Text wrap="truncate-end">{truncateToWidth('What name should your runs be saved under?', columns - 2)}</Text>
      <Text color={theme.text.muted} wrap="truncate-end">
        {truncateToWidth('It is kept in the settings (change it later: clplay config set player.name NAME).', columns - 2)}
      </Text>
      <Text> </Text>
      <Box>
        <Text color={theme.accent}>Name: </Text>
        <Editor
          buffer={buffer}
          focus={!app.modal}
          width={w}
          height={1}
          placeholder={login ? `${login} (Enter keeps it)` : undefined}
          onSubmit={onSubmit}
          onOtherKey={onOther}
          intercept={intercept}
        />
      </Box>
    </Box>
  );
}

/** The login name of this user ('' when the system cannot tell). */
function loginName(): string {
  try {
    return userInfo().username.trim();
  } catch {
    return (process.env.USER ?? process.env.USERNAME ?? '').trim();
  }
}
