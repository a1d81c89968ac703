// The multi-line answer editor (Ink view over TextBuffer).
// Enter submits (onSubmit; the screen decides what to do with an empty answer), Ctrl+J and
// Alt+Enter insert a newline, a bracketed paste is inserted as text (its newlines never submit)
// and reported with onPaste.
// Keys that are not editor keys (Tab, PgUp/PgDn, Ctrl+C, Esc, F1 ...) are left to the screen.
import React, { useCallback, useRef, useState } from 'react';
import { Box, Text, type Key } from 'ink';
import { TextBuffer, type EditStats, type VisualLine } from './text-buffer.js';
import { applyEditorKey, type EditorKeyResult } from './editor-keys.js';
import { theme } from '../../theme.js';
import { displayWidth, graphemes, truncateToWidth } from '../../../core/text/width.js';
import { useKeys, type KeyInfo } from '../../keys/keypress.js';

export interface EditorProps {
  /** A buffer owned by the caller (keep it across re-renders, e.g. in useRef / useTextBuffer).
   *  Without one the editor keeps its own, started from `initialText`. */
  buffer?: TextBuffer;
  initialText?: string;
  /** Only a focused editor reads keys and shows its cursor. */
  focus: boolean;
  /** Columns for the text (one is kept for the cursor at a line end). */
  width: number;
  /** Rows to show; the view scrolls to keep the cursor visible. */
  height: number;
  placeholder?: string;
  /** Enter pressed. The text is NOT cleared: call buffer.setText('') or remount to clear. */
  onSubmit?: (text: string, stats: EditStats) => void;
  /** After every change of the text. */
  onChange?: (text: string, stats: EditStats) => void;
  /** A bracketed paste was inserted (its characters and lines). */
  onPaste?: (chars: number, lines: number) => void;
  /** Sees every key first; returns true to take it (the editor then ignores it). */
  intercept?: (input: string, key: Key, info: KeyInfo) => boolean;
  /** Every key the editor did not use (so a screen without its own useInput can react). */
  onOtherKey?: (input: string, key: Key, info: KeyInfo) => void;
}

/** A TextBuffer that lives as long as the component (for a caller that owns the buffer). */
export function useTextBuffer(initialText = ''): TextBuffer {
  const ref = useRef<TextBuffer | null>(null);
  ref.current ??= new TextBuffer(initialText);
  return ref.current;
}

export function Editor(props: EditorProps): React.JSX.Element {
  const own = useTextBuffer(props.initialText ?? '');
  const buffer = props.buffer ?? own;
  const [, setTick] = useState(0);
  const { focus, width, height, onSubmit, onChange, onPaste, onOtherKey, intercept } = props;

  const handler = useCallback(
    (input: string, key: Key, info: KeyInfo) => {
      if (intercept?.(input, key, info)) return;
      const result: EditorKeyResult = applyEditorKey(buffer, input, key, info.raw, width, info.paste);
      switch (result.kind) {
        case 'submit':
          onSubmit?.(buffer.text, buffer.stats);
          break;
        case 'edit':
          if (result.paste) onPaste?.(result.paste.chars, result.paste.lines);
          onChange?.(buffer.text, buffer.stats);
          setTick((t) => t + 1);
          break;
        case 'move':
          setTick((t) => t + 1);
          break;
        case 'ignored':
          onOtherKey?.(input, key, info);
          break;
      }
    },
    [buffer, width, onSubmit, onChange, onPaste, onOtherKey, intercept],
  );
  useKeys(handler, { isActive: focus });

  const rows = Math.max(1, height);
  if (buffer.isEmpty() && props.placeholder) {
    return (
      <Box flexDirection="column" height={rows} width={width}>
        <Text wrap="truncate-end">
          {focus ? <Text inverse>{props.placeholder[0] ?? ' '}</Text> : null}
          <Text color={theme.text.muted}>{focus ? props.placeholder.slice(1) : props.placeholder}</Text>
        </Text>
      </Box>
    );
  }
  const view = buffer.getVisibleLines(rows, width);
  return (
    <Box flexDirection="column" height={rows} width={width}>
      {view.lines.map((line, i) => (
        <EditorLine key={view.scrollTop + i} line={line} width={width} cursorCol={focus && i === view.cursorLine ? cursorOffset(buffer, line) : -1} />
      ))}
    </Box>
  );
}

/** UTF-16 offset of the cursor inside this visual line's text, or -1. */
function cursorOffset(buffer: TextBuffer, line: VisualLine): number {
  const c = buffer.cursor;
  if (c.row !== line.row) return -1;
  return Math.max(0, Math.min(c.col - line.offset, line.text.length));
}

function EditorLine({ line, cursorCol, width }: { line: VisualLine; cursorCol: number; width: number }): React.JSX.Element {
  // A screen line may end in hanging spaces (a word wrap); never draw past the width.
  const fits = (t: string) => (displayWidth(t) <= width ? t : truncateToWidth(t, width, ''));
  if (cursorCol < 0) return <Text wrap="truncate-end">{line.text === '' ? ' ' : fits(line.text)}</Text>;
  let before = line.text.slice(0, cursorCol);
  const rest = line.text.slice(cursorCol);
  let under = rest === '' ? ' ' : graphemes(rest)[0];
  let after = rest.slice(rest === '' ? 0 : under.length);
  if (displayWidth(before) + displayWidth(under) > width) {
    // The cursor sits in hanging spaces past the edge: show it in the last column.
    before = truncateToWidth(before, Math.max(0, width - 1), '');
    under = ' ';
    after = '';
  } else {
    after = truncateToWidth(after, width - displayWidth(before) - displayWidth(under), '');
  }
  // A wide character under the cursor is shown inverse as a whole (2 columns).
  return (
    <Text wrap="truncate-end">
      {before}
      <Text inverse>{under}</Text>
      {after}
    </Text>
  );
}
