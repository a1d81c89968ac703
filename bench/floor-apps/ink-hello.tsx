// Floor for start-up: the smallest Ink app, bundled exactly like clplay. clplay's first frame is
// reported as a ratio to this one's, measured in the same run.
import React from 'react';
import { render, Text } from 'ink';

render(React.createElement(Text, null, 'hello from ink'));
