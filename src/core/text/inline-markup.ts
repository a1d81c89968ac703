// What a line of Markdown looks like in the reader: the ranges to style (headings, strong,
// emphasis, code, links, strike-through) and the marker characters to hide (`## `, `**`, `` ` ``,
// `[`, `](url)`). Parsed with mdast-util-from-markdown + GFM, one source line at a time and only
// for the lines on screen (a whole 320,000-character context takes seconds to parse; a line takes
// well under a millisecond), cached by line text. Offsets are UTF-16 columns of the line, so
// search hits, coverage and `seen` ranges keep mapping to the text as before.
// Lines inside fenced code are never parsed (see fencedLines).
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parent } from 'mdast';

export type InlineStyle = 'heading' | 'strong' | 'emphasis' | 'code' | 'link' | 'delete';

export interface StyledRange {
  from: number;
  to: number;
  style: InlineStyle;
  /** Heading level (1-6) for 'heading'. */
  level?: number;
}

export interface LineMarkup {
  styles: StyledRange[];
  /** [from, to) ranges of marker characters not drawn. */
  hidden: [number, number][];
}

export const NO_MARKUP: LineMarkup = { styles: [], hidden: [] };

const cache = new Map<string, LineMarkup>();
const CACHE_MAX = 4000;
const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

/** Nothing to parse in a line without any Markdown punctuation (most of a long context). */
const MAYBE_MARKUP = /[#*_`[~]/;

export function lineMarkup(line: string): LineMarkup {
  if (!MAYBE_MARKUP.test(line)) return NO_MARKUP;
  const hit = cache.get(line);
  if (hit) return hit;
  let out: LineMarkup;
  try {
    out = collect(fromMarkdown(line, { extensions, mdastExtensions }));
  } catch {
    out = NO_MARKUP; // never let a strange line break the reader
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(line, out);
  return out;
}

function start(n: Nodes): number {
  return n.position?.start.offset ?? 0;
}
function end(n: Nodes): number {
  return n.position?.end.offset ?? 0;
}

function collect(root: Nodes): LineMarkup {
  const styles: StyledRange[] = [];
  const hidden: [number, number][] = [];
  const visit = (n: Nodes) => {
    const kids = 'children' in n ? (n as Parent).children as Nodes[] : [];
    const inner = kids.length ? [start(kids[0]!), end(kids[kids.length - 1]!)] : null;
    switch (n.type) {
      case 'heading':
        styles.push({ from: start(n), to: end(n), style: 'heading', level: n.depth });
        if (inner) hidden.push([start(n), inner[0]!]);
        break;
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'link':
        if (inner) {
          styles.push({ from: inner[0]!, to: inner[1]!, style: n.type });
          hidden.push([start(n), inner[0]!], [inner[1]!, end(n)]);
        }
        break;
      case 'inlineCode': {
        const from = start(n);
        const to = end(n);
        // mdast keeps the value, not the backticks: (width - value) / 2 characters on each side.
        const tick = Math.max(1, Math.floor((to - from - n.value.length) / 2));
        styles.push({ from: from + tick, to: to - tick, style: 'code' });
        hidden.push([from, from + tick], [to - tick, to]);
        break;
      }
      default:
        break;
    }
    for (const k of kids) visit(k);
  };
  visit(root);
  return { styles, hidden: hidden.filter(([a, b]) => b > a) };
}

/** Source lines that are inside (or are) a code fence: shown as written, never styled. */
export function fencedLines(lines: readonly string[]): Uint8Array {
  const out = new Uint8Array(lines.length);
  let open: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i]!);
    if (open) {
      out[i] = 1;
      if (m && m[1]![0] === open[0] && m[1]!.length >= open.length) open = null;
    } else if (m) {
      out[i] = 1;
      open = m[1]!;
    }
  }
  return out;
}
