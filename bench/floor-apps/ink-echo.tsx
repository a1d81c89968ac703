// Floor for key handling: an Ink app that echoes every key into a line of text, on a screen as
// large as clplay's. A key's time-to-screen in clplay is reported as a ratio to this one's.
import React, { useState } from 'react';
import { Box, render, Text, useInput } from 'ink';

function Echo(): React.JSX.Element {
  const [text, setText] = useState('');
  useInput((input) => setText((t) => (t + input).slice(-60)));
  const rows = (process.stdout.rows ?? 24) - 2;
  return React.createElement(
    Box,
    { flexDirection: 'column' },
    React.createElement(Text, null, `echo> ${text}|`),
    ...Array.from({ length: rows }, (_, i) => React.createElement(Text, { key: i }, `row ${i} of a screen as tall as the terminal's`)),
  );
}
render(React.createElement(Echo));
