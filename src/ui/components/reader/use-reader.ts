// useReader: the parent (the play screen) owns the reader's state, so it can scroll the reader
// from the editor (PgUp/PgDn), read the searches made and the lines seen, and route keys.
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { Key } from 'ink';
import {
  createReaderState,
  prepareReaderDoc,
  readerContexts,
  readerKeyAction,
  readerReducer,
  visibleSourceRange,
  type ReaderAction,
  type ReaderDoc,
  type ReaderState,
} from './reader-state.js';
import { rowMarkup } from './row-text.js';

export interface UseReaderOptions {
  /** The raw context (sanitized here). */
  text: string;
  /** Columns for the text. */
  width: number;
  /** The reader's whole height in rows, its status line included (text rows = height - 1). */
  height: number;
  /** Source lines [from, to) of `total` are now on screen (called after every change). */
  onLinesSeen?: (from: number, to: number, total: number) => void;
  /** A search was submitted (query, number of hits). */
  onSearch?: (query: string, count: number) => void;
}

export interface ReaderController {
  state: ReaderState;
  dispatch: Dispatch<ReaderAction>;
  doc: ReaderDoc;
  width: number;
  height: number;
  /** Apply a key press as the focused reader would; returns true when the reader used it. */
  handleKey: (input: string, key: Key, raw?: string) => boolean;
  /** The search prompt is open: printable keys are text, not commands. */
  typing: boolean;
  /** Key contexts active in the reader: ['search'] | ['outline'] | ['wide'] | ['clipped', 'reader'] | ['reader']. */
  contexts: ('search' | 'outline' | 'wide' | 'clipped' | 'reader')[];
  /** The search prompt, the outline or the wide view is open: the reader takes every key it knows. */
  modal: boolean;
}

const PREFETCH_DELAY_MS = 60;
const PREFETCH_SLICE_MS = 4;

/** Parse the inline Markdown of the rows one page above and two below `top`; returns a cancel. */
function prefetchMarkup(doc: ReaderDoc, top: number, rows: number): () => void {
  const lines = doc.wrapped.lines;
  const from = Math.max(0, top - rows);
  const to = Math.min(lines.length, top + 3 * rows);
  let r = from;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const work = () => {
    const end = performance.now() + PREFETCH_SLICE_MS;
    for (; r < to && performance.now() < end; r++) {
      const line = lines[r]!;
      if (!line.display && (r === from || line.src !== lines[r - 1]!.src)) rowMarkup(doc.wrapped.sourceLines[line.src] ?? '', doc.kinds[line.src] ?? 0);
    }
    if (r < to) {
      timer = setTimeout(work, 0);
      timer.unref?.();
    }
  };
  timer = setTimeout(work, PREFETCH_DELAY_MS);
  // Never keep the process alive for it.
  timer.unref?.();
  return () => clearTimeout(timer);
}

export function useReader(options: UseReaderOptions): ReaderController {
  const { text, width, height, onLinesSeen, onSearch } = options;
  const w = Math.max(1, Math.floor(width));
  const rows = Math.max(1, Math.floor(height) - 1);
  const doc = prepareReaderDoc(text, w);
  const [state, dispatch] = useReducer(readerReducer, undefined, () => createReaderState(doc, rows));
  if (state.doc !== doc || state.rows !== rows) {
    // Re-wrap on resize: React re-renders at once with the new layout (no stale frame).
    dispatch({ type: 'layout', doc, rows });
  }

  const stateRef = useRef(state);
  stateRef.current = state;
  const handleKey = useCallback((input: string, key: Key, raw?: string) => {
    const action = readerKeyAction(stateRef.current, input, key, raw);
    if (!action) return false;
    dispatch(action);
    return true;
  }, []);

  const range = visibleSourceRange(state);
  const seenRef = useRef(onLinesSeen);
  seenRef.current = onLinesSeen;
  useEffect(() => {
    seenRef.current?.(range.from, range.to, range.total);
  }, [range.from, range.to, range.total]);

  // While the person reads, parse the Markdown of the pages above and below (in slices of a few
  // milliseconds, after a pause), so the next page step finds its lines parsed.
  useEffect(() => prefetchMarkup(state.doc, state.top, state.rows), [state.doc, state.top, state.rows]);

  const searchRef = useRef(onSearch);
  searchRef.current = onSearch;
  const reported = useRef(0);
  useEffect(() => {
    const list = state.searches;
    while (reported.current < list.length) {
      const s = list[reported.current++];
      searchRef.current?.(s.query, s.count);
    }
  }, [state.searches]);

  return { state, dispatch, doc, width: w, height: rows + 1, handleKey, typing: state.search.open, contexts: readerContexts(state), modal: state.search.open || state.outline.open || state.wide !== null };
}
