// One reader row as a string with its styles (SGR codes from chalk, as Ink's <Text> would emit):
// one <Text> per row instead of a tree of nested ones, so a Markdown row costs Ink what a plain
// row costs. Rows without search hits are built once per row of a laid-out document (cached by
// the row object, which lives as long as the (text, width) layout), so a scroll step only builds
// the rows that come onto the screen. The text is sanitized before it gets here: these codes are
// the only escape sequences in it.
import chalk, { type ChalkInstance } from 'chalk';
import { theme } from '../../theme.js';
import { BULLETS, LineKind, linePrefix } from '../../../core/text/blocks.js';
import { lineMarkup, NO_MARKUP, type LineMarkup } from '../../../core/text/inline-markup.js';
import type { SearchMatch } from '../../../core/text/search.js';
import type { WrappedLine } from '../../../core/text/wrap.js';

/** How one character is drawn. */
interface Look {
  hit: 0 | 1 | 2; // none, match, current match
  heading: number; // level, 0 for none
  strong: boolean;
  emphasis: boolean;
  code: boolean;
  link: boolean;
  del: boolean;
  /** A list marker (bullet or number). */
  mark: boolean;
  /** A quote bar. */
  bar: boolean;
  /** Text inside a block quote. */
  quote: boolean;
}

const looks = new Map<string, ChalkInstance>();

function paint(c: ChalkInstance, colour: string | undefined, bg = false): ChalkInstance {
  if (!colour) return c;
  const name = bg ? `bg${colour[0]!.toUpperCase()}${colour.slice(1)}` : colour;
  return ((c as unknown as Record<string, ChalkInstance>)[name] ?? c) as ChalkInstance;
}

/** The chalk style of a look. With NO_COLOR, bold / italic / underline / inverse still carry the
 *  meaning (headings bold + underlined, code inverse, links underlined, hits inverse). */
function styleOf(l: Look): ChalkInstance {
  const key = `${l.hit}${l.heading}${+l.strong}${+l.emphasis}${+l.code}${+l.link}${+l.del}${+l.mark}${+l.bar}${+l.quote}`;
  let c = looks.get(key);
  if (c) return c;
  c = chalk;
  if (l.hit) {
    c = paint(paint(c, l.hit === 2 ? theme.highlight.current : theme.highlight.match, true), theme.highlight.matchText);
    if (theme.noColor) c = c.inverse;
    if (l.hit === 2 || l.strong || l.heading > 0) c = c.bold;
    if ((l.hit === 2 && theme.noColor) || l.link) c = c.underline;
  } else {
    if (l.heading > 0 || l.strong || l.mark) c = c.bold;
    if (l.emphasis || l.quote) c = c.italic;
    if (l.link || l.heading === 1 || l.heading === 2) c = c.underline;
    if (l.del) c = c.strikethrough;
    if (l.code && theme.noColor) c = c.inverse;
    const colour = l.heading > 0 ? theme.text.accent : l.code ? theme.text.warning : l.link || l.mark ? theme.accent : l.bar ? theme.text.muted : undefined;
    c = paint(c, colour);
  }
  looks.set(key, c);
  return c;
}

const muted = () => paint(chalk, theme.text.muted);

/** Inline markup of a text line, with its quote bars, list marker and the quoted text. */
export interface RowMarkup extends LineMarkup {
  replace: Map<number, string>;
  mark?: [number, number];
  quoteFrom: number;
  bars: number[];
}

const NONE: RowMarkup = { ...NO_MARKUP, replace: new Map(), quoteFrom: -1, bars: [] };

/** The markup of a source line of kind `kind` (code and rules are drawn as they are). */
export function rowMarkup(source: string, kind: number): RowMarkup {
  if (kind !== LineKind.text) return NONE;
  const p = linePrefix(source);
  if (p.length === 0) {
    const m = lineMarkup(source);
    return m === NO_MARKUP ? NONE : { ...m, replace: NONE.replace, quoteFrom: -1, bars: [] };
  }
  // Parsed without its prefix: "    - item" alone would read as indented code.
  const inner = lineMarkup(source.slice(p.length));
  const shift = p.length;
  const replace = new Map<number, string>();
  for (const q of p.quotes) replace.set(q, '│');
  if (p.marker?.bullet) replace.set(p.marker.from, BULLETS[p.marker.depth % BULLETS.length]!);
  return {
    styles: inner.styles.map((s) => ({ ...s, from: s.from + shift, to: s.to + shift })),
    hidden: inner.hidden.map(([a, b]) => [a + shift, b + shift] as [number, number]),
    replace,
    mark: p.marker ? [p.marker.from, p.marker.to] : undefined,
    quoteFrom: p.quotes.length ? p.length : -1,
    bars: p.quotes,
  };
}

const plainCache = new WeakMap<WrappedLine, string>();
const styledCache = new WeakMap<WrappedLine, string>();

export interface RowInput {
  line: WrappedLine;
  source: string;
  kind: number;
  plain: boolean;
  /** Search hits on this row's source line (undefined for none). */
  hits?: readonly SearchMatch[];
  current?: SearchMatch;
}

/** The row as drawn: lead, text with styles and hits, and a `›` where it was clipped. */
export function rowText(r: RowInput): string {
  const cache = r.plain ? plainCache : styledCache;
  if (!r.hits) {
    const hit = cache.get(r.line);
    if (hit !== undefined) return hit;
  }
  const out = build(r);
  if (!r.hits) cache.set(r.line, out);
  return out;
}

function build({ line, source, kind, plain, hits, current }: RowInput): string {
  const lead = line.lead ? muted()(line.lead) : '';
  const clip = line.clip ? muted()('›') : '';
  if (line.display) {
    // A laid-out table row or a rule: a search hit anywhere in its source line marks the whole row.
    const text = line.text === '' ? ' ' : line.text;
    const body = hits?.length ? styleOf({ ...BLANK, hit: 1 })(text) : kind === LineKind.rule ? muted()(text) : text;
    return body + clip;
  }
  const markup = plain ? NONE : rowMarkup(source, kind);
  const textEnd = line.offset + line.text.length;
  const spans: { start: number; stop: number; current: boolean }[] = [];
  for (const m of hits ?? []) {
    const start = Math.max(m.offset, line.offset);
    const stop = Math.min(m.offset + m.length, textEnd);
    if (stop > start) spans.push({ start, stop, current: m === current });
  }
  const code = !plain && (kind === LineKind.code || kind === LineKind.fence);
  if (spans.length === 0 && markup === NONE) {
    const text = line.text === '' && !lead ? ' ' : line.text;
    return lead + (code ? paint(chalk, kind === LineKind.fence ? theme.text.muted : theme.text.warning)(text) : text) + clip;
  }
  // Character by character over this row's range of the source line (a row is at most a pane
  // wide): markers hidden, styles and search hits merged into runs of one look.
  let out = lead;
  let run = '';
  let look: Look | null = null;
  const flush = () => {
    if (run && look) out += styleOf(look)(run);
    run = '';
  };
  for (let i = line.offset; i < textEnd; i++) {
    if (markup.hidden.some(([a, b]) => i >= a && i < b)) continue;
    const at: Look = { ...BLANK };
    for (const sp of spans) if (i >= sp.start && i < sp.stop) at.hit = sp.current ? 2 : 1;
    for (const st of markup.styles) {
      if (i < st.from || i >= st.to) continue;
      if (st.style === 'heading') at.heading = st.level ?? 1;
      else if (st.style === 'strong') at.strong = true;
      else if (st.style === 'emphasis') at.emphasis = true;
      else if (st.style === 'code') at.code = true;
      else if (st.style === 'link') at.link = true;
      else if (st.style === 'delete') at.del = true;
    }
    if (markup.mark && i >= markup.mark[0] && i < markup.mark[1]) at.mark = true;
    if (markup.bars.includes(i)) at.bar = true;
    else if (markup.quoteFrom >= 0 && i >= markup.quoteFrom) at.quote = true;
    if (!look || !sameLook(look, at)) {
      flush();
      look = at;
    }
    run += markup.replace.get(i) ?? line.text[i - line.offset];
  }
  flush();
  return (out === '' ? ' ' : out) + clip;
}

const BLANK: Look = { hit: 0, heading: 0, strong: false, emphasis: false, code: false, link: false, del: false, mark: false, bar: false, quote: false };

const sameLook = (a: Look, b: Look) =>
  a.hit === b.hit && a.heading === b.heading && a.strong === b.strong && a.emphasis === b.emphasis && a.code === b.code && a.link === b.link && a.del === b.del && a.mark === b.mark && a.bar === b.bar && a.quote === b.quote;
