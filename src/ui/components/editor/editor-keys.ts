// Key press -> TextBuffer operation, using the single binding table. No React.
import type { Key } from 'ink';
import { commandFor, type Command } from '../../keys/bindings.js';
import type { PasteEvent, TextBuffer } from './text-buffer.js';

export type EditorKeyResult =
  /** Enter: the caller decides (submit, or confirm an empty answer). */
  | { kind: 'submit' }
  /** The text changed (paste set when it was a bracketed paste). */
  | { kind: 'edit'; paste?: PasteEvent }
  /** Only the cursor moved (or nothing happened for an editor key). */
  | { kind: 'move' }
  /** Not an editor key: let the screen handle it (Tab, PgUp, Ctrl+C, Esc, F1 ...). */
  | { kind: 'ignored' };

/**
 * Apply one key press to the buffer. `width` is the editor's text width (for up/down by screen
 * line); pass `raw` (the key's sequence) so the forward Delete key is told apart from Backspace.
 */
export function applyEditorKey(buffer: TextBuffer, input: string, key: Key, raw?: string, width?: number, paste = false): EditorKeyResult {
  // A paste is text, whatever it holds (a lone newline in it never submits).
  if (paste) return { kind: 'edit', paste: buffer.insert(input, { paste: true }) };
  const command = commandFor(['editor'], input, key, raw, { typing: true });
  if (command) return run(buffer, command, width);
  if (key.ctrl || key.meta || key.escape || key.tab || key.return) return { kind: 'ignored' };
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return { kind: 'ignored' };
  if (input === '') return { kind: 'ignored' };
  buffer.insert(input);
  return { kind: 'edit' };
}

function run(b: TextBuffer, command: Command, width?: number): EditorKeyResult {
  const edit = (changed: boolean): EditorKeyResult => (changed ? { kind: 'edit' } : { kind: 'move' });
  const move = (): EditorKeyResult => ({ kind: 'move' });
  switch (command) {
    case 'editor.submit':
      return { kind: 'submit' };
    case 'editor.newline':
      b.newline();
      return { kind: 'edit' };
    case 'editor.left':
      b.move('left');
      return move();
    case 'editor.right':
      b.move('right');
      return move();
    case 'editor.up':
      b.move('up', width !== undefined ? Math.max(1, width - 1) : undefined);
      return move();
    case 'editor.down':
      b.move('down', width !== undefined ? Math.max(1, width - 1) : undefined);
      return move();
    case 'editor.wordLeft':
      b.move('wordLeft');
      return move();
    case 'editor.wordRight':
      b.move('wordRight');
      return move();
    case 'editor.home':
      b.move('home');
      return move();
    case 'editor.end':
      b.move('end');
      return move();
    case 'editor.docStart':
      b.move('docStart');
      return move();
    case 'editor.docEnd':
      b.move('docEnd');
      return move();
    case 'editor.backspace':
      return edit(b.backspace());
    case 'editor.delete':
      return edit(b.deleteForward());
    case 'editor.deleteWordLeft':
      return edit(b.deleteWordLeft());
    case 'editor.deleteWordRight':
      return edit(b.deleteWordRight());
    case 'editor.killLineStart':
      return edit(b.killLineStart());
    case 'editor.killLineEnd':
      return edit(b.killLineEnd());
    case 'editor.undo':
      return edit(b.undo());
    case 'editor.redo':
      return edit(b.redo());
    default:
      return { kind: 'ignored' };
  }
}
