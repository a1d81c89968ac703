// The results screen's state as a pure reducer: key handling never reads a stale render.
import type { Command } from '../../keys/bindings.js';
import { TABS } from './results-view.js';

export interface ResultsState {
  tab: number;
  top: number;
  selected: number;
  open: boolean;
  /** The key list (`?`) is shown instead of the tab. */
  help: boolean;
  quit: boolean;
}

export const initialResultsState: ResultsState = { tab: 0, top: 0, selected: 0, open: false, help: false, quit: false };

export interface ResultsKey {
  command: Command | undefined;
  /** The key's text (the digit of `results.tab`). */
  input?: string;
  bodyRows: number;
  taskCount: number;
  /** Line count of what is shown now (a tab, or the open answers). */
  lineCount: (s: ResultsState) => number;
}

export function resultsReducer(s: ResultsState, k: ResultsKey): ResultsState {
  // The key list: any key closes it (q and Ctrl+C still leave).
  if (s.help) return k.command === 'results.quit' || k.command === 'app.quit' ? { ...s, quit: true } : k.command ? { ...s, help: false } : s;
  if (k.command === 'app.help') return { ...s, help: true };
  const onTasks = TABS[s.tab] === 'Tasks';
  const listMode = onTasks && !s.open;
  const maxTop = Math.max(0, k.lineCount(s) - k.bodyRows);
  const scroll = (n: number) => ({ ...s, top: Math.min(maxTop, Math.max(0, s.top + n)) });
  const select = (i: number) => {
    const selected = Math.min(k.taskCount - 1, Math.max(0, i));
    const top = selected < s.top ? selected : selected >= s.top + k.bodyRows ? selected - k.bodyRows + 1 : s.top;
    return { ...s, selected, top };
  };
  switch (k.command) {
    case 'results.nextTab':
    case 'results.prevTab':
      if (s.open) return s;
      return { ...s, tab: (s.tab + (k.command === 'results.nextTab' ? 1 : TABS.length - 1)) % TABS.length, top: 0 };
    case 'results.tab': {
      const tab = Number(k.input) - 1;
      if (s.open || !Number.isInteger(tab) || tab < 0 || tab >= TABS.length) return s;
      return { ...s, tab, top: 0 };
    }
    case 'results.up':
      return listMode ? select(s.selected - 1) : scroll(-1);
    case 'results.down':
      return listMode ? select(s.selected + 1) : scroll(1);
    case 'results.pageUp':
      return listMode ? select(s.selected - k.bodyRows) : scroll(-k.bodyRows);
    case 'results.pageDown':
      return listMode ? select(s.selected + k.bodyRows) : scroll(k.bodyRows);
    case 'results.open':
      return listMode && k.taskCount > 0 ? { ...s, open: true, top: 0 } : s;
    case 'results.back':
      return s.open ? { ...s, open: false, top: Math.max(0, s.selected - Math.floor(k.bodyRows / 2)) } : { ...s, quit: true };
    case 'results.quit':
    case 'app.quit':
      return { ...s, quit: true };
    default:
      return s;
  }
}
