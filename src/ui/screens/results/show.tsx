// Opens the results screen full-size and resolves when the person leaves it.
import { ResultsScreen } from './ResultsScreen.js';
import type { ResultsInput } from './results-view.js';
import { renderInTerminal } from '../../render-terminal.js';

export async function showResultsScreen(input: ResultsInput): Promise<void> {
  const app = renderInTerminal(<ResultsScreen {...input} />);
  await app.waitUntilExit();
}
