// Opens the results screen full-size and resolves when the person leaves it.
import { render } from 'ink';
import { ResultsScreen } from './ResultsScreen.js';
import type { ResultsInput } from './results-view.js';

export async function showResultsScreen(input: ResultsInput): Promise<void> {
  const app = render(<ResultsScreen {...input} />, { exitOnCtrlC: false });
  await app.waitUntilExit();
}
