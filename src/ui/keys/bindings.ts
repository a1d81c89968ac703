// THE key-binding table: every shortcut of clplay is declared here, once.
// Screens ask `commandFor(contexts, input, key, raw)` which command a key press means; the `?`
// help screen, the footer hints and the README key table are generated from this table.
//
// Key facts on ink 6.8 (see shared/notes/ink-on-node20.md): Enter sets key.return; Ctrl+J arrives
// as input "\n"; Alt+Enter is return + meta; Backspace (0x7f) arrives as key.delete, and so does
// the forward Delete key ("\x1b[3~") - only the raw sequence tells them apart (see
// use-raw-input.ts); a paste arrives as one input string; Esc sets key.escape AND key.meta.
//
// To add commands: append entries to BINDINGS (additive edits); `Command` follows.
import type { Key } from 'ink';

/** Where a binding applies. A screen passes the contexts that are active, most specific first. */
export type KeyContext =
  | 'global' // anywhere
  | 'play' // the play screen, whatever has focus (also while typing in the editor)
  | 'reader' // the context reader has focus
  | 'search' // the reader's search prompt is open
  | 'outline' // the reader's outline list is open
  | 'clipped' // the reader shows a table or code block cut at the pane's edge
  | 'wide' // a clipped table or code block is open full width
  | 'editor' // the answer editor has focus
  | 'confirm' // a yes/no question
  | 'home'
  | 'verdicts'
  | 'summary'
  | 'results'
  | 'reveal' // the verdicts shown to a player after a task
  | 'versus' // verdicts of a versus match (the person's and the model's side by side)
  | 'name' // the first-launch name prompt
  | 'watch' // watching a model play (clplay watch)
  | 'replay' // replaying a saved model run (clplay replay, clplay demo)
  | 'demo'; // the list of saved runs that make good demos (clplay demo)

export const CONTEXT_TITLES: Record<KeyContext, string> = {
  global: 'Everywhere',
  play: 'Play screen (reader or editor)',
  reader: 'Context reader',
  search: 'Search prompt',
  outline: 'Outline',
  clipped: 'Reader, with a clipped table or code block on screen',
  wide: 'Wide view (a table or code block, whole)',
  editor: 'Answer editor',
  confirm: 'Questions',
  home: 'Home',
  verdicts: 'Verdicts',
  summary: 'Summary',
  results: 'Results',
  reveal: 'Verdicts after a task',
  versus: 'Versus (you and the model)',
  name: 'Your name',
  watch: 'Watching a model',
  replay: 'Replaying a saved run',
  demo: 'Demo list',
};

export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace' // Backspace / Ctrl+H (and 0x7f, which ink reports as delete)
  | 'delete' // the forward Delete key (needs the raw sequence; see use-raw-input.ts)
  | 'f1';

export interface KeySpec {
  /** Exact input string: a printable character ('j', '?', 'G', ' '), or '\n' for Ctrl+J.
   *  With ctrl: the letter ('c' for Ctrl+C), as ink reports it. */
  readonly input?: string;
  readonly name?: KeyName;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  /** Checked only when given (ink sets shift for capital letters by itself). */
  readonly shift?: boolean;
}

export interface BindingDef {
  readonly contexts: readonly KeyContext[];
  readonly keys: readonly KeySpec[];
  readonly description: string;
  /** Footer hint: short key text and label. Commands without one are only in the help screen. */
  readonly hint?: { readonly keys: string; readonly label: string };
}

export const BINDINGS = {
  // --- everywhere
  'app.quit': { contexts: ['global'], keys: [{ input: 'c', ctrl: true }], description: 'leave (asks first; your draft is kept)', hint: { keys: 'Ctrl+C', label: 'quit' } },
  'app.help': { contexts: ['global'], keys: [{ input: '?' }, { name: 'f1' }], description: 'show all keys (F1 while typing)', hint: { keys: '?', label: 'keys' } },

  // --- play screen, from the reader or the editor
  'focus.toggle': { contexts: ['play'], keys: [{ name: 'tab' }, { name: 'tab', shift: true }], description: 'move focus between the reader and the editor', hint: { keys: 'Tab', label: 'focus' } },
  'reader.pageUp': { contexts: ['play'], keys: [{ name: 'pageUp' }, { input: 'b' }], description: 'reader: page up (PgUp works from the editor too)' },
  'reader.pageDown': { contexts: ['play'], keys: [{ name: 'pageDown' }, { input: ' ' }], description: 'reader: page down (PgDn works from the editor too)', hint: { keys: 'PgUp/PgDn', label: 'page' } },
  'app.pause': { contexts: ['play'], keys: [{ input: 'p', ctrl: true }], description: 'pause: stop the clock and hide the task', hint: { keys: 'Ctrl+P', label: 'pause' } },
  'play.search': { contexts: ['play'], keys: [{ input: 's', ctrl: true }, { input: '/', meta: true }], description: 'search the context, from the editor too (Alt+/ as well; Enter or Esc comes back)', hint: { keys: 'Ctrl+S', label: 'search' } },
  'play.outline': { contexts: ['play'], keys: [{ input: 'o', ctrl: true }], description: 'outline of the context, from the editor too (Enter or Esc comes back)', hint: { keys: 'Ctrl+O', label: 'outline' } },
  'play.nextMatch': { contexts: ['play'], keys: [{ input: 'n', meta: true }], description: 'next search match, from the editor too' },
  'play.prevMatch': { contexts: ['play'], keys: [{ input: 'p', meta: true }], description: 'previous search match, from the editor too' },
  'task.scrollUp': { contexts: ['play', 'watch', 'replay'], keys: [{ name: 'up', meta: true }, { name: 'up', ctrl: true }], description: 'scroll the task up (when it is longer than its pane; Ctrl+↑ too)' },
  'task.scrollDown': { contexts: ['play', 'watch', 'replay'], keys: [{ name: 'down', meta: true }, { name: 'down', ctrl: true }], description: 'scroll the task down (when it is longer than its pane; Ctrl+↓ too)', hint: { keys: 'Alt+↑↓', label: 'task' } },
  'layout.swap': { contexts: ['play', 'watch', 'replay'], keys: [{ input: 'g', ctrl: true }], description: 'swap which pane is large: the context or the task', hint: { keys: 'Ctrl+G', label: 'bigger pane' } },
  'task.full': { contexts: ['play'], keys: [{ input: 't', ctrl: true }], description: 'show the whole task and your earlier answers in the reader (again: back to the context)', hint: { keys: 'Ctrl+T', label: 'task' } },
  'play.wide': { contexts: ['play'], keys: [{ input: 'w', meta: true }], description: 'open the clipped table or code block on screen full width, from the editor too' },
  'question.start': { contexts: ['play'], keys: [{ input: '1', meta: true }], description: 'reader: jump to the opening paragraph of the context (a first question inside the context is at its start or its end)' },
  'question.end': { contexts: ['play'], keys: [{ input: '2', meta: true }], description: 'reader: jump to the closing paragraph of the context (where CL-bench often puts the question)' },

  // --- the context reader
  'reader.up': { contexts: ['reader'], keys: [{ name: 'up' }, { input: 'k' }], description: 'scroll up one line' },
  'reader.down': { contexts: ['reader'], keys: [{ name: 'down' }, { input: 'j' }], description: 'scroll down one line', hint: { keys: '↑↓/jk', label: 'scroll' } },
  'reader.halfUp': { contexts: ['reader'], keys: [{ input: 'u' }], description: 'scroll up half a page' },
  'reader.halfDown': { contexts: ['reader'], keys: [{ input: 'd' }], description: 'scroll down half a page' },
  'reader.top': { contexts: ['reader'], keys: [{ input: 'g' }, { name: 'home' }], description: 'go to the top' },
  'reader.bottom': { contexts: ['reader'], keys: [{ input: 'G' }, { name: 'end' }], description: 'go to the bottom', hint: { keys: 'g/G', label: 'top/end' } },
  'reader.search': { contexts: ['reader'], keys: [{ input: '/' }], description: 'search the context (case-insensitive)', hint: { keys: '/', label: 'search' } },
  'reader.nextMatch': { contexts: ['reader'], keys: [{ input: 'n' }], description: 'next match', hint: { keys: 'n/N', label: 'next/prev' } },
  'reader.prevMatch': { contexts: ['reader'], keys: [{ input: 'N' }], description: 'previous match' },
  'reader.clearSearch': { contexts: ['reader'], keys: [{ name: 'escape' }], description: 'clear the search highlights' },
  'reader.outline': { contexts: ['reader'], keys: [{ input: 'o' }], description: 'outline: the headings of the context, to jump to', hint: { keys: 'o', label: 'outline' } },

  // --- a table or code block wider than the reader (marked › at the cut)
  'reader.wide': { contexts: ['clipped'], keys: [{ input: 'w' }], description: 'open the clipped table or code block on screen full width, to scroll sideways', hint: { keys: 'w', label: 'whole table/code' } },
  'wide.left': { contexts: ['wide'], keys: [{ name: 'left' }, { input: 'h' }], description: 'scroll left' },
  'wide.right': { contexts: ['wide'], keys: [{ name: 'right' }, { input: 'l' }], description: 'scroll right', hint: { keys: '←→', label: 'sideways' } },
  'wide.up': { contexts: ['wide'], keys: [{ name: 'up' }, { input: 'k' }], description: 'scroll up one line (PgUp a page)' },
  'wide.down': { contexts: ['wide'], keys: [{ name: 'down' }, { input: 'j' }], description: 'scroll down one line (PgDn a page)', hint: { keys: '↑↓', label: 'scroll' } },
  'wide.start': { contexts: ['wide'], keys: [{ name: 'home' }, { input: '0' }], description: 'to the left edge' },
  'wide.end': { contexts: ['wide'], keys: [{ name: 'end' }, { input: '$' }], description: 'to the right edge', hint: { keys: 'Home/End', label: 'edges' } },
  'wide.close': { contexts: ['wide'], keys: [{ name: 'escape' }, { input: 'w' }, { input: 'q' }], description: 'close the wide view (back to the reader where it was)', hint: { keys: 'Esc', label: 'close' } },

  // --- the reader's search prompt
  'search.submit': { contexts: ['search'], keys: [{ name: 'return' }], description: 'search for what you typed', hint: { keys: 'Enter', label: 'search' } },
  'search.cancel': { contexts: ['search'], keys: [{ name: 'escape' }], description: 'close the prompt', hint: { keys: 'Esc', label: 'cancel' } },

  // --- the outline list
  'outline.up': { contexts: ['outline'], keys: [{ name: 'up' }, { input: 'k' }], description: 'previous heading' },
  'outline.down': { contexts: ['outline'], keys: [{ name: 'down' }, { input: 'j' }], description: 'next heading', hint: { keys: '↑↓', label: 'choose' } },
  'outline.jump': { contexts: ['outline'], keys: [{ name: 'return' }], description: 'jump to the heading', hint: { keys: 'Enter', label: 'jump' } },
  'outline.close': { contexts: ['outline'], keys: [{ name: 'escape' }, { input: 'o' }], description: 'close the outline', hint: { keys: 'Esc', label: 'close' } },

  // --- the answer editor
  'editor.submit': { contexts: ['editor'], keys: [{ name: 'return' }], description: 'submit the answer', hint: { keys: 'Enter', label: 'submit' } },
  'editor.newline': { contexts: ['editor'], keys: [{ input: '\n' }, { name: 'return', meta: true }, { name: 'return', shift: true }], description: 'new line (Ctrl+J, Alt+Enter; Shift+Enter where the terminal reports it)', hint: { keys: 'Ctrl+J', label: 'newline' } },
  'editor.left': { contexts: ['editor'], keys: [{ name: 'left' }, { input: 'b', ctrl: true }], description: 'cursor left' },
  'editor.right': { contexts: ['editor'], keys: [{ name: 'right' }, { input: 'f', ctrl: true }], description: 'cursor right' },
  'editor.up': { contexts: ['editor'], keys: [{ name: 'up' }], description: 'cursor up (by screen line)' },
  'editor.down': { contexts: ['editor'], keys: [{ name: 'down' }], description: 'cursor down (by screen line)' },
  'editor.wordLeft': { contexts: ['editor'], keys: [{ name: 'left', ctrl: true }, { name: 'left', meta: true }, { input: 'b', meta: true }], description: 'word left' },
  'editor.wordRight': { contexts: ['editor'], keys: [{ name: 'right', ctrl: true }, { name: 'right', meta: true }, { input: 'f', meta: true }], description: 'word right' },
  'editor.home': { contexts: ['editor'], keys: [{ name: 'home' }, { input: 'a', ctrl: true }], description: 'start of line' },
  'editor.end': { contexts: ['editor'], keys: [{ name: 'end' }, { input: 'e', ctrl: true }], description: 'end of line' },
  'editor.docStart': { contexts: ['editor'], keys: [{ name: 'home', ctrl: true }], description: 'start of the answer' },
  'editor.docEnd': { contexts: ['editor'], keys: [{ name: 'end', ctrl: true }], description: 'end of the answer' },
  'editor.backspace': { contexts: ['editor'], keys: [{ name: 'backspace' }], description: 'delete the character before the cursor' },
  'editor.delete': { contexts: ['editor'], keys: [{ name: 'delete' }, { input: 'd', ctrl: true }], description: 'delete the character under the cursor' },
  'editor.deleteWordLeft': { contexts: ['editor'], keys: [{ input: 'w', ctrl: true }, { name: 'backspace', meta: true }], description: 'delete the word before the cursor' },
  'editor.deleteWordRight': { contexts: ['editor'], keys: [{ input: 'd', meta: true }], description: 'delete the word after the cursor' },
  'editor.killLineStart': { contexts: ['editor'], keys: [{ input: 'u', ctrl: true }], description: 'delete to the start of the line' },
  'editor.killLineEnd': { contexts: ['editor'], keys: [{ input: 'k', ctrl: true }], description: 'delete to the end of the line' },
  'editor.undo': { contexts: ['editor'], keys: [{ input: 'z', ctrl: true }], description: 'undo', hint: { keys: 'Ctrl+Z', label: 'undo' } },
  'editor.redo': { contexts: ['editor'], keys: [{ input: 'y', ctrl: true }], description: 'redo' },

  // --- yes/no questions
  'confirm.yes': { contexts: ['confirm'], keys: [{ input: 'y' }, { input: 'Y' }], description: 'yes', hint: { keys: 'y', label: 'yes' } },
  'confirm.no': { contexts: ['confirm'], keys: [{ input: 'n' }, { input: 'N' }, { name: 'escape' }], description: 'no', hint: { keys: 'n/Esc', label: 'no' } },

  // --- verdicts (a person deciding pending rubric items)
  'verdict.up': { contexts: ['verdicts'], keys: [{ name: 'up' }, { input: 'k' }], description: 'previous rubric item (the view follows)' },
  'verdict.down': { contexts: ['verdicts'], keys: [{ name: 'down' }, { input: 'j' }], description: 'next rubric item (the view follows)', hint: { keys: '↑↓', label: 'item' } },
  'verdict.markPass': { contexts: ['verdicts'], keys: [{ input: '+' }, { input: '=' }], description: 'mark the item as passed (decides a pending item, or overrides any verdict; saved at once with who, when and the earlier verdict)', hint: { keys: '+', label: 'pass' } },
  'verdict.markFail': { contexts: ['verdicts'], keys: [{ input: '-' }], description: 'mark the item as failed (decides a pending item, or overrides any verdict; saved at once)', hint: { keys: '-', label: 'fail' } },
  'versus.side': { contexts: ['versus'], keys: [{ name: 'tab' }], description: "choose whose verdicts + and - change: yours or the model's", hint: { keys: 'Tab', label: 'you/model' } },

  // --- results screen
  'results.nextTab': { contexts: ['results'], keys: [{ name: 'right' }, { input: 'l' }, { name: 'tab' }], description: 'next tab', hint: { keys: '←→', label: 'tab' } },
  'results.prevTab': { contexts: ['results'], keys: [{ name: 'left' }, { input: 'h' }, { name: 'tab', shift: true }], description: 'previous tab' },
  'results.tab': { contexts: ['results'], keys: [{ input: '1' }, { input: '2' }, { input: '3' }, { input: '4' }, { input: '5' }], description: 'go to the tab with that number' },
  'results.up': { contexts: ['results'], keys: [{ name: 'up' }, { input: 'k' }], description: 'up one line (on Tasks: the previous task)' },
  'results.down': { contexts: ['results'], keys: [{ name: 'down' }, { input: 'j' }], description: 'down one line (on Tasks: the next task)', hint: { keys: '↑↓', label: 'move' } },
  'results.pageUp': { contexts: ['results'], keys: [{ name: 'pageUp' }, { input: 'b' }], description: 'page up' },
  'results.pageDown': { contexts: ['results'], keys: [{ name: 'pageDown' }, { input: ' ' }], description: 'page down' },
  'results.open': { contexts: ['results'], keys: [{ name: 'return' }], description: "on Tasks: open every player's answer to the task", hint: { keys: 'Enter', label: 'answers' } },
  'results.back': { contexts: ['results'], keys: [{ name: 'escape' }], description: 'close the answers; on a tab: leave' },
  'results.quit': { contexts: ['results'], keys: [{ input: 'q' }], description: 'leave the results', hint: { keys: 'q', label: 'quit' } },

  // --- home screen
  'home.up': { contexts: ['home'], keys: [{ name: 'up' }, { input: 'k' }], description: 'previous scenario' },
  'home.down': { contexts: ['home'], keys: [{ name: 'down' }, { input: 'j' }], description: 'next scenario', hint: { keys: '↑↓', label: 'choose' } },
  'home.pageUp': { contexts: ['home'], keys: [{ name: 'pageUp' }], description: 'page up' },
  'home.pageDown': { contexts: ['home'], keys: [{ name: 'pageDown' }], description: 'page down' },
  'home.open': { contexts: ['home'], keys: [{ name: 'return' }], description: 'play the scenario, or continue the unfinished run', hint: { keys: 'Enter', label: 'play' } },
  'home.nextCategory': { contexts: ['home'], keys: [{ input: 'c' }, { name: 'right' }, { name: 'tab' }], description: 'filter: next category', hint: { keys: 'c', label: 'category' } },
  'home.prevCategory': { contexts: ['home'], keys: [{ input: 'C' }, { name: 'left' }, { name: 'tab', shift: true }], description: 'filter: previous category' },
  'home.quit': { contexts: ['home'], keys: [{ input: 'q' }, { name: 'escape' }], description: 'leave clplay', hint: { keys: 'q', label: 'quit' } },

  // --- verdicts after a task
  // (↑↓ there choose a rubric item - the 'verdicts' keys - and the view follows.)
  'reveal.pageUp': { contexts: ['reveal'], keys: [{ name: 'pageUp' }], description: 'scroll up a page (the answers below the rubric)' },
  'reveal.pageDown': { contexts: ['reveal'], keys: [{ name: 'pageDown' }], description: 'scroll down a page', hint: { keys: 'PgUp/PgDn', label: 'page' } },
  'reveal.next': { contexts: ['reveal'], keys: [{ name: 'return' }, { input: ' ' }], description: 'go on to the next task (or the summary)', hint: { keys: 'Enter', label: 'next' } },

  // --- summary
  'summary.up': { contexts: ['summary'], keys: [{ name: 'up' }, { input: 'k' }], description: 'scroll up (where rubric items are listed, ↑↓ choose an item instead)' },
  'summary.down': { contexts: ['summary'], keys: [{ name: 'down' }, { input: 'j' }], description: 'scroll down (where rubric items are listed, ↑↓ choose an item instead)', hint: { keys: '↑↓', label: 'scroll' } },
  'summary.pageUp': { contexts: ['summary'], keys: [{ name: 'pageUp' }, { input: 'b' }], description: 'page up' },
  'summary.pageDown': { contexts: ['summary'], keys: [{ name: 'pageDown' }, { input: ' ' }], description: 'page down' },
  'summary.home': { contexts: ['summary'], keys: [{ name: 'return' }, { input: 'h' }], description: 'back to the home screen', hint: { keys: 'Enter', label: 'home' } },
  'summary.quit': { contexts: ['summary'], keys: [{ input: 'q' }, { name: 'escape' }], description: 'leave clplay', hint: { keys: 'q', label: 'quit' } },

  // --- watching a model play
  'watch.stop': { contexts: ['watch'], keys: [{ name: 'escape' }], description: 'stop the reply being written (it is kept, marked cut off, and graded as it stands)', hint: { keys: 'Esc', label: 'stop reply' } },
  'watch.next': { contexts: ['watch'], keys: [{ name: 'return' }], description: 'ask the next task (or the first)', hint: { keys: 'Enter', label: 'next task' } },
  'watch.auto': { contexts: ['watch', 'replay'], keys: [{ input: 'a' }], description: 'auto-run on/off: go on to the next task by itself', hint: { keys: 'a', label: 'auto' } },
  'watch.answerUp': { contexts: ['watch', 'replay'], keys: [{ input: '[' }], description: 'scroll the answer and verdicts up' },
  'watch.answerDown': { contexts: ['watch', 'replay'], keys: [{ input: ']' }], description: 'scroll the answer and verdicts down', hint: { keys: '[ ]', label: 'answer' } },
  'watch.quit': { contexts: ['watch'], keys: [{ input: 'q' }], description: 'leave (a reply in flight is kept, cut off; the run is saved)', hint: { keys: 'q', label: 'quit' } },

  // --- replaying a saved model run (nothing is asked of a model, nothing is saved)
  'replay.pause': { contexts: ['replay'], keys: [{ input: ' ' }], description: 'pause or go on', hint: { keys: 'Space', label: 'pause' } },
  'replay.next': { contexts: ['replay'], keys: [{ name: 'return' }], description: 'next task (the rest of the one playing is skipped)', hint: { keys: 'Enter', label: 'next task' } },
  'replay.previous': { contexts: ['replay'], keys: [{ input: 'p' }], description: 'previous task (played again from its start)', hint: { keys: 'p', label: 'previous' } },
  'replay.finish': { contexts: ['replay'], keys: [{ input: '.' }], description: 'show the task playing to its end at once (its answer and verdicts)', hint: { keys: '.', label: 'to the end' } },
  'replay.jump': { contexts: ['replay'], keys: [{ input: '1' }, { input: '2' }, { input: '3' }, { input: '4' }, { input: '5' }, { input: '6' }, { input: '7' }, { input: '8' }, { input: '9' }], description: 'jump to the task with that number' },
  'replay.faster': { contexts: ['replay'], keys: [{ input: '+' }, { input: '=' }], description: 'play faster (up to 16x)', hint: { keys: '+/-', label: 'speed' } },
  'replay.slower': { contexts: ['replay'], keys: [{ input: '-' }], description: 'play slower (down to 0.25x)' },
  'replay.quit': { contexts: ['replay'], keys: [{ input: 'q' }], description: 'leave the replay (nothing is saved: the run is only read)', hint: { keys: 'q', label: 'quit' } },

  // --- the demo list
  'demo.up': { contexts: ['demo'], keys: [{ name: 'up' }, { input: 'k' }], description: 'previous run' },
  'demo.down': { contexts: ['demo'], keys: [{ name: 'down' }, { input: 'j' }], description: 'next run', hint: { keys: '↑↓', label: 'choose' } },
  'demo.open': { contexts: ['demo'], keys: [{ name: 'return' }], description: "replay the run, with the person's answer beside the model's", hint: { keys: 'Enter', label: 'replay' } },
  'demo.quit': { contexts: ['demo'], keys: [{ input: 'q' }, { name: 'escape' }], description: 'leave', hint: { keys: 'q', label: 'quit' } },

  // --- first-launch name prompt
  'name.save': { contexts: ['name'], keys: [{ name: 'return' }], description: 'save the name (kept in settings)', hint: { keys: 'Enter', label: 'save' } },
} as const satisfies Record<string, BindingDef>;

export type Command = keyof typeof BINDINGS;

export function binding(command: Command): BindingDef {
  return BINDINGS[command];
}

// ---------------------------------------------------------------- matching

/** The raw sequence of the forward Delete key, with or without modifiers ("\x1b[3~", "\x1b[3;5~"). */
export function isForwardDeleteRaw(raw: string | undefined): boolean {
  return raw !== undefined && /^\x1b+\[3[~;$^]/.test(raw);
}

function isF1Raw(raw: string | undefined): boolean {
  return raw !== undefined && /^\x1b+(?:OP|\[11~|\[\[A|\[1;\d+P|\[P)/.test(raw);
}

function nameMatches(name: KeyName, key: Key, raw: string | undefined): boolean {
  switch (name) {
    case 'up':
      return key.upArrow;
    case 'down':
      return key.downArrow;
    case 'left':
      return key.leftArrow;
    case 'right':
      return key.rightArrow;
    case 'pageUp':
      return key.pageUp;
    case 'pageDown':
      return key.pageDown;
    case 'home':
      return key.home;
    case 'end':
      return key.end;
    case 'return':
      return key.return;
    case 'escape':
      return key.escape;
    case 'tab':
      return key.tab;
    case 'backspace':
      return key.backspace || (key.delete && !isForwardDeleteRaw(raw));
    case 'delete':
      return key.delete && isForwardDeleteRaw(raw);
    case 'f1':
      return isF1Raw(raw);
  }
}

/** A spec that is plain typed text (no Ctrl/Alt): ignored while the user is typing. */
export function isPrintableSpec(spec: KeySpec): boolean {
  return spec.input !== undefined && spec.input !== '\n' && !spec.ctrl && !spec.meta;
}

/** Does this key press (ink's useInput arguments, plus the raw sequence if known) match `spec`? */
export function keyMatches(spec: KeySpec, input: string, key: Key, raw?: string): boolean {
  if ((spec.ctrl ?? false) !== key.ctrl) return false;
  const isEscape = spec.name === 'escape';
  // ink sets meta for Esc itself; "\x1b\x7f" (Alt+Backspace) is delete + meta.
  if (!isEscape && (spec.meta ?? false) !== key.meta) return false;
  if (spec.shift !== undefined && spec.shift !== key.shift) return false;
  if (spec.name !== undefined) {
    if (spec.name === 'tab' && spec.shift === undefined && key.shift) return false;
    if (spec.name === 'return' && spec.shift === undefined && key.shift) return false;
    if (!nameMatches(spec.name, key, raw)) return false;
  }
  if (spec.input !== undefined) {
    if (input !== spec.input) return false;
    // Ctrl+J's "\n" is not the Enter key.
    if (key.return) return false;
  }
  return spec.name !== undefined || spec.input !== undefined;
}

/** Does this key press mean `command`? */
export function matches(command: Command, input: string, key: Key, raw?: string): boolean {
  return BINDINGS[command].keys.some((s) => keyMatches(s, input, key, raw));
}

export interface ResolveOptions {
  /** The user is typing text (editor or a prompt has focus): plain-character bindings are skipped. */
  typing?: boolean;
}

/**
 * The command a key press means in the given contexts (most specific first), or undefined.
 * Example: `commandFor(['outline', 'reader', 'play', 'global'], input, key, raw())`.
 */
export function commandFor(
  contexts: readonly KeyContext[],
  input: string,
  key: Key,
  raw?: string,
  options: ResolveOptions = {},
): Command | undefined {
  for (const ctx of contexts) {
    for (const command of Object.keys(BINDINGS) as Command[]) {
      const def: BindingDef = BINDINGS[command];
      if (!def.contexts.includes(ctx)) continue;
      for (const spec of def.keys) {
        if (options.typing && isPrintableSpec(spec)) continue;
        if (keyMatches(spec, input, key, raw)) return command;
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- describing keys

const NAME_LABEL: Record<KeyName, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  home: 'Home',
  end: 'End',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  f1: 'F1',
};

/** Human label of one key spec: "Ctrl+J", "Alt+Enter", "Shift+Tab", "Space", "G". */
export function describeKey(spec: KeySpec): string {
  if (spec.input === '\n') return 'Ctrl+J';
  const mods = (spec.ctrl ? 'Ctrl+' : '') + (spec.meta ? 'Alt+' : '') + (spec.shift ? 'Shift+' : '');
  let base = '';
  if (spec.name) base = NAME_LABEL[spec.name];
  else if (spec.input === ' ') base = 'Space';
  else if (spec.input !== undefined) base = spec.ctrl || spec.meta ? spec.input.toUpperCase() : spec.input;
  return mods + base;
}

/** All keys of a command, e.g. "↓ j". */
export function describeCommand(command: Command): string {
  return BINDINGS[command].keys.map(describeKey).join(' ');
}

export interface HelpLine {
  command: Command;
  context: KeyContext;
  keys: string;
  description: string;
}

export interface HelpSection {
  context: KeyContext;
  title: string;
  lines: HelpLine[];
}

function asList(c: KeyContext | readonly KeyContext[]): readonly KeyContext[] {
  return typeof c === 'string' ? [c] : c;
}

/** Help lines for the given contexts, in table order (grouped by context in the given order). */
export function helpLines(contexts: KeyContext | readonly KeyContext[]): HelpLine[] {
  return helpSections(contexts).flatMap((s) => s.lines);
}

/** Every key of `def` is bound by a command of one of `earlier` (so commandFor never reaches it). */
function isShadowed(def: BindingDef, earlier: readonly KeyContext[]): boolean {
  if (earlier.length === 0) return false;
  const taken = new Set<string>();
  for (const command of Object.keys(BINDINGS) as Command[]) {
    const other: BindingDef = BINDINGS[command];
    if (other === def || !other.contexts.some((c) => earlier.includes(c))) continue;
    for (const spec of other.keys) taken.add(describeKey(spec));
  }
  return def.keys.every((spec) => taken.has(describeKey(spec)));
}

export interface HelpOptions {
  /**
   * The contexts are active together, most specific first (the `?` screen): leave out commands
   * whose every key an earlier context takes. Off for listing whole contexts (the README table).
   */
  active?: boolean;
}

/** Help grouped by context, for the `?` screen. */
export function helpSections(contexts: KeyContext | readonly KeyContext[], options: HelpOptions = {}): HelpSection[] {
  const out: HelpSection[] = [];
  const list = asList(contexts);
  for (const [i, ctx] of list.entries()) {
    const lines: HelpLine[] = [];
    for (const command of Object.keys(BINDINGS) as Command[]) {
      const def: BindingDef = BINDINGS[command];
      if (!def.contexts.includes(ctx)) continue;
      if (options.active && isShadowed(def, list.slice(0, i))) continue;
      lines.push({ command, context: ctx, keys: describeCommand(command), description: def.description });
    }
    if (lines.length) out.push({ context: ctx, title: CONTEXT_TITLES[ctx], lines });
  }
  return out;
}

export interface HintItem {
  keys: string;
  label: string;
}

/**
 * Footer hints for the given contexts (commands that declare a hint), in order. The contexts are
 * the ones active together, most specific first (as for commandFor): a command whose every key
 * an earlier context takes is left out - it cannot be reached there.
 */
export function hintItems(contexts: KeyContext | readonly KeyContext[]): HintItem[] {
  const out: HintItem[] = [];
  const list = asList(contexts);
  list.forEach((ctx, i) => {
    for (const command of Object.keys(BINDINGS) as Command[]) {
      const def: BindingDef = BINDINGS[command];
      if (def.hint && def.contexts.includes(ctx) && !isShadowed(def, list.slice(0, i))) out.push({ keys: def.hint.keys, label: def.hint.label });
    }
  });
  return out;
}

/** One-line footer: "↑↓/jk scroll · / search · ? keys", cut to `maxWidth` columns at a separator. */
export function hintLine(contexts: KeyContext | readonly KeyContext[], maxWidth = Infinity): string {
  let line = '';
  for (const h of hintItems(contexts)) {
    const part = `${h.keys} ${h.label}`;
    const next = line ? `${line} · ${part}` : part;
    if ([...next].length > maxWidth) break;
    line = next;
  }
  return line;
}

/** The key table as Markdown (for the README), one section per context. */
export function keysMarkdown(contexts: readonly KeyContext[] = Object.keys(CONTEXT_TITLES) as KeyContext[]): string {
  const parts: string[] = [];
  for (const s of helpSections(contexts)) {
    parts.push(`### ${s.title}\n\n| Keys | Action |\n| --- | --- |`);
    for (const l of s.lines) {
      const keys = l.keys
        .split(' ')
        .map((k) => '`' + (k === '|' ? '\\|' : k) + '`')
        .join(' ');
      parts[parts.length - 1] += `\n| ${keys} | ${l.description} |`;
    }
  }
  return parts.join('\n\n') + '\n';
}
