import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import {
  BINDINGS,
  commandFor,
  describeKey,
  helpSections,
  hintLine,
  isForwardDeleteRaw,
  keysMarkdown,
  matches,
  type Command,
} from '../../src/ui/keys/bindings.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};
const k = (over: Partial<Key>): Key => ({ ...NO_KEY, ...over });

describe('key bindings', () => {
  it('matches the ink 6.8 shapes of the tricky keys', () => {
    expect(matches('editor.submit', '', k({ return: true }))).toBe(true);
    expect(matches('editor.submit', '', k({ return: true, meta: true }))).toBe(false);
    expect(matches('editor.newline', '\n', k({}))).toBe(true); // Ctrl+J
    expect(matches('editor.newline', '', k({ return: true, meta: true }))).toBe(true); // Alt+Enter
    expect(matches('editor.backspace', '', k({ delete: true }), '\x7f')).toBe(true);
    expect(matches('editor.backspace', '', k({ delete: true }), '\x1b[3~')).toBe(false);
    expect(matches('editor.delete', '', k({ delete: true }), '\x1b[3~')).toBe(true);
    expect(matches('editor.deleteWordLeft', '', k({ delete: true, meta: true }), '\x1b\x7f')).toBe(true);
    expect(matches('app.quit', 'c', k({ ctrl: true }))).toBe(true);
    expect(matches('app.quit', 'c', k({}))).toBe(false);
    expect(matches('reader.bottom', 'G', k({ shift: true }))).toBe(true);
    expect(matches('reader.clearSearch', '', k({ escape: true, meta: true }))).toBe(true);
    expect(matches('focus.toggle', '', k({ tab: true, shift: true }))).toBe(true);
    expect(matches('app.help', '', k({}), '\x1bOP')).toBe(true); // F1
    expect(isForwardDeleteRaw('\x1b[3;5~')).toBe(true);
  });

  it('resolves by context order and skips plain characters while typing', () => {
    expect(commandFor(['reader', 'play', 'global'], 'j', k({}))).toBe('reader.down');
    expect(commandFor(['reader', 'play', 'global'], '?', k({}))).toBe('app.help');
    expect(commandFor(['editor', 'play', 'global'], '?', k({}), undefined, { typing: true })).toBeUndefined();
    expect(commandFor(['editor', 'play', 'global'], ' ', k({}), undefined, { typing: true })).toBeUndefined();
    expect(commandFor(['editor', 'play', 'global'], '', k({ pageDown: true }), undefined, { typing: true })).toBe('reader.pageDown');
    expect(commandFor(['editor', 'play', 'global'], '', k({ tab: true }), undefined, { typing: true })).toBe('focus.toggle');
    expect(commandFor(['editor', 'play', 'global'], '\n', k({}), undefined, { typing: true })).toBe('editor.newline');
    expect(commandFor(['outline', 'reader'], '', k({ return: true }))).toBe('outline.jump');
  });

  it('has no key bound twice within one context', () => {
    const seen = new Map<string, Command>();
    for (const [command, def] of Object.entries(BINDINGS) as [Command, (typeof BINDINGS)[Command]][]) {
      for (const ctx of def.contexts) {
        for (const spec of def.keys) {
          const id = `${ctx}:${describeKey(spec)}`;
          expect(seen.get(id), `${id} bound to ${seen.get(id)} and ${command}`).toBeUndefined();
          seen.set(id, command);
        }
      }
    }
  });

  it('describes keys and generates help, hints and Markdown from the table', () => {
    expect(describeKey({ input: '\n' })).toBe('Ctrl+J');
    expect(describeKey({ name: 'return', meta: true })).toBe('Alt+Enter');
    expect(describeKey({ input: 'c', ctrl: true })).toBe('Ctrl+C');
    expect(describeKey({ input: ' ' })).toBe('Space');
    const sections = helpSections(['reader', 'editor']);
    expect(sections.map((s) => s.title)).toEqual(['Context reader', 'Answer editor']);
    expect(sections[0].lines.find((l) => l.command === 'reader.down')?.keys).toBe('↓ j');
    const hint = hintLine(['reader', 'play', 'global']);
    expect(hint).toContain('/ search');
    expect(hint).toContain('Tab focus');
    expect(hintLine(['reader'], 20).length).toBeLessThanOrEqual(20);
    const md = keysMarkdown(['editor']);
    expect(md).toContain('### Answer editor');
    expect(md).toContain('| `Ctrl+J` `Alt+Enter` `Shift+Enter` | new line');
  });
});
