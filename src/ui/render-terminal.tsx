// Renders an interactive screen in the real terminal: keys come through the keypress layer
// (one reader of stdin, bracketed paste on while keys are read, switched off on any exit).
import React from 'react';
import { render, type Instance, type RenderOptions } from 'ink';
import { KeypressProvider } from './keys/keypress.js';
import { KeypressStdin } from './keys/keypress-stdin.js';
import { createTerminalModes } from './keys/terminal-modes.js';

export function renderInTerminal(tree: React.ReactNode, options: Pick<RenderOptions, 'patchConsole'> = {}): Instance {
  const modes = createTerminalModes();
  const stdin = new KeypressStdin(process.stdin, (reading) => modes.setBracketedPaste(reading));
  const app = render(<KeypressProvider>{tree}</KeypressProvider>, {
    ...options,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
  });
  app.waitUntilExit().then(modes.dispose, modes.dispose);
  return app;
}
