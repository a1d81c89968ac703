// `choice`: the answer chooses exactly one option label (`value`), and no other.
// How a choice is read, strongest evidence first; the first kind found decides:
//   1. the last `Answer:` / `Final answer:` line ("Answer: B", "Final answer: (B) two squares");
//   2. statements: "the answer is B", "the correct option is (B)", "I choose B", "B is correct";
//   3. lines that start with a label: "B", "(B)", "B) two squares", "B. two squares", "**B**";
//   4. marked mentions in prose: "option B", "(B)", "**B**" - minus negated ones ("not (A)",
//      "option A is wrong", "rule out A");
//   5. a label as the very last word: "It moves two squares, so B.".
// A bare capital letter in prose is never read as a choice, so the article in "A lantern moves"
// does not count as option A. Several different labels at the deciding level fail the check.
import type { Check } from '../scenario/schema.js';
import { findFinalAnswer, hasAnswerMarker, readPart } from './answer-part.js';
import type { CheckContext } from './context.js';
import { listing, quote } from './normalize.js';
import { fail, pass, type CheckResult } from './result.js';

type ChoiceCheck = Extract<Check, { type: 'choice' }>;

export const DEFAULT_OPTIONS = ['A', 'B', 'C', 'D', 'E'];

interface Found {
  label: string;
  evidence: string;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NB = '(?![\\p{L}\\p{N}])'; // no letter or digit follows
const PB = '(?<![\\p{L}\\p{N}])'; // no letter or digit precedes

const NEGATION_BEFORE =
  /(?:\bnot|n't|\bnever|\brather than|\binstead of|\bexcept|\bexclud\w*|\beliminat\w*|\brul(?:e|ed|ing) out|\bunlike|\bdoubt\w*|\bnor)\b[^.;!?]*$/i;
const NEGATION_AFTER =
  /^\s*[)\]]?\s*(?:is|are|was|seems|would be)\s+(?:not\b|also\s+wrong|wrong|incorrect|false|invalid|ruled out|eliminated|out\b)|^\s*[)\]]?\s*(?:can|could|should)\s+be\s+(?:ruled out|eliminated|excluded)|^\s*[)\]]?\s*(?:isn't|is not|doesn't|does not)/i;

function clauseBefore(text: string, index: number): string {
  const start = Math.max(0, index - 60);
  const before = text.slice(start, index);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf(','), before.lastIndexOf('\n'));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

function negated(text: string, index: number, end: number): boolean {
  return NEGATION_BEFORE.test(clauseBefore(text, index)) || NEGATION_AFTER.test(text.slice(end, end + 40));
}

function evidence(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 20);
  return quote(text.slice(start, index + length + 20).trim(), 50);
}

const CONNECTIVE = /^\s+(?:because|since|as|for|given|due|which|and|but|is|was|would|here|in|on)\b/i;

/**
 * A bare label ("the answer is B") counts when punctuation or the end follows, or - for an
 * upper-case label written in upper case - a word; but "A"/"I" followed by a word are the article
 * and the pronoun ("the answer is A lantern ...") unless a connective follows ("A because").
 */
function bareOk(label: string, bare: string, after: string): boolean {
  if (/^\s*(?:$|\n|[.,;:!?)\]]|\s[-–—]\s)/.test(after)) return true;
  if ([...label].length > 1) return true;
  if (bare !== label || bare.toLowerCase() === bare) return false;
  if (bare === 'A' || bare === 'I') return CONNECTIVE.test(after);
  return true;
}

/** Runs every pattern for every label; returns the non-negated hits in text order. */
function scan(text: string, labels: string[], patterns: Pattern[], checkNegation: boolean): Found[] {
  const hits: { label: string; index: number; evidence: string }[] = [];
  const any = labels.map(esc).join('|');
  for (const label of labels) {
    for (const make of patterns) {
      const re = new RegExp(make(esc(label), any), 'giu');
      for (const m of text.matchAll(re)) {
        const end = m.index + m[0].length;
        const bare = m.groups?.bare;
        if (bare !== undefined && !bareOk(label, bare, text.slice(end, end + 30))) continue;
        const at = m.index + (m[0].length - m[0].trimStart().length);
        if (checkNegation && negated(text, at, end)) continue;
        hits.push({ label, index: at, evidence: evidence(text, m.index, m[0].length) });
      }
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

// A label as written in a statement: B, (B), [B], option B, choice (B), letter B.
const LABEL = (l: string) =>
  `(?:(?:option|choice|letter|alternative)\\s+[(\\[]?${l}[)\\]]?${NB}|[(\\[]${l}[)\\]]|(?<bare>${l})${NB})`;
const ANY = (any: string) => `(?:(?:option|choice|letter|alternative)\\s+)?[(\\[]?(?:${any})[)\\]]?${NB}`;
const ADVERB = '(?:(?:therefore|thus|hence|clearly|definitely|probably|likely|simply|indeed|so)\\s+)?';

// How a statement of the answer begins: "the answer is", "answer:", "I choose".
const HEADS = [
  `\\b(?:answer|option|choice)\\s*(?:is|would\\s+be|will\\s+be|must\\s+be|should\\s+be|=)\\s*:?\\s*${ADVERB}`,
  `\\b(?:answer|choice)\\s*[:：]\\s*`,
  `\\bI\\s*(?:would|'d|will|'ll|am going to|'m going to)?\\s*(?:choose|chose|pick|picked|select|selected|go\\s+with|going\\s+with|opt\\s+for)\\s+`,
];
const JOIN = '\\s*(?:,|/|&|\\bor\\b|\\band\\b|\\band/or\\b)\\s*';

type Pattern = (label: string, any: string) => string;

const STATEMENTS: Pattern[] = [
  ...HEADS.map((head): Pattern => (l) => `${head}${LABEL(l)}`),
  // the second or third label of "the answer is B or C"
  ...HEADS.map((head): Pattern => (l, any) => `${head}(?:${ANY(any)}${JOIN}){1,3}${LABEL(l)}`),
  (l) => `${PB}${LABEL(l)}\\s+(?:is|would\\s+be|must\\s+be)\\s+(?:the\\s+)?(?:correct|right|best|true|answer)\\b`,
];

// A line that starts with a label: "B", "(B)", "B)", "B.", "B:", "B - ...", after list or quote marks.
const LINE_START: Pattern[] = [
  (l) => `^[\\t >*_#-]*[(\\[]?${l}(?:[)\\]](?!\\S)|[)\\]]\\s|[.:](?!\\S)|[.:]\\s|\\s+[-–—]\\s|\\s*$)`,
];

const MENTIONS: Pattern[] = [
  (l) => `\\b(?:option|choice|letter|alternative)\\s+[(\\[]?${l}[)\\]]?${NB}`,
  (l) => `\\(${l}\\)`,
  (l) => `\\[${l}\\]`,
  (l) => `\\*\\*\\s*[(\\[]?${l}[)\\]]?\\s*\\*\\*`,
  (l) => `${PB}__${l}__`,
];

// The answer's last word is a label: "It moves two squares, so B." ("A" as an article never ends a text).
const END_LABEL: Pattern[] = [(l) => `(?:^|[\\s:：,;(\\[-])[(\\[]?${l}[)\\]]?\\s*[.!]?$`];

/** Removes bold/italic/code markers so "**Answer:** **B**" reads as "Answer: B". */
function plain(text: string): string {
  return fold(text).replace(/\*\*|__|`/g, '');
}

function fold(text: string): string {
  return text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
}

type Decision = { kind: 'one'; found: Found } | { kind: 'many'; labels: string[]; found: Found[] } | { kind: 'none' };

function decide(hits: Found[]): Decision {
  const labels = [...new Set(hits.map((h) => h.label))];
  if (labels.length === 0) return { kind: 'none' };
  if (labels.length === 1) return { kind: 'one', found: hits[hits.length - 1]! };
  return { kind: 'many', labels, found: hits };
}

/** A line made only of labels and "and"/"or"/","  ("B and C", "(B), (C)") names them all. */
function onlyLabels(lines: string[], labels: string[]): Decision {
  const any = ANY(labels.map(esc).join('|'));
  const whole = new RegExp(`^[\\t >*_#-]*${any}(?:${JOIN}${any})+\\s*[.!]?\\s*$`, 'iu');
  const hits: Found[] = [];
  for (const line of lines) {
    if (!whole.test(line)) continue;
    for (const label of labels) {
      if (new RegExp(`${PB}[(\\[]?${esc(label)}[)\\]]?${NB}`, 'iu').test(line)) hits.push({ label, evidence: quote(line, 50) });
    }
  }
  return decide(hits);
}

function readChoice(text: string, labels: string[]): Decision {
  const flat = plain(text);
  const lines = flat.split('\n');
  const statements = decide(scan(flat, labels, STATEMENTS, true));
  if (statements.kind !== 'none') return statements;
  const only = onlyLabels(lines, labels);
  if (only.kind !== 'none') return only;
  // Several lines starting with different labels are an echoed option list, not a choice.
  const starts = decide(lines.flatMap((line) => scan(line, labels, LINE_START, false)));
  if (starts.kind === 'one') return starts;
  const mentions = decide(scan(fold(text), labels, MENTIONS, true));
  if (mentions.kind !== 'none') return mentions;
  return decide(scan(flat.trimEnd(), labels, END_LABEL, true));
}

/** The option(s) an answer chooses. Exported for the play screens and tests. */
export function chosenOptions(answer: string, options: readonly string[] = DEFAULT_OPTIONS): { labels: string[]; evidence?: string } {
  const labels = [...options].sort((a, b) => b.length - a.length);
  let d: Decision = { kind: 'none' };
  if (hasAnswerMarker(answer)) {
    const final = findFinalAnswer(answer);
    if (final.marked && final.text) d = readChoice(final.text, labels);
  }
  if (d.kind === 'none') d = readChoice(answer, labels);
  if (d.kind === 'one') return { labels: [d.found.label], evidence: d.found.evidence };
  if (d.kind === 'many') return { labels: d.labels };
  return { labels: [] };
}

export function checkChoice(check: ChoiceCheck, answer: string, ctx: CheckContext = {}): CheckResult {
  const options = check.options ?? DEFAULT_OPTIONS;
  const all = options.some((o) => o.toLowerCase() === check.value.toLowerCase()) ? options : [...options, check.value];
  // A labelled answer line is read on its own; otherwise the final answer, then the whole reply.
  const part = check.label || check.scope || ctx.labels?.length ? readPart(answer, { labels: ctx.labels, label: check.label, scope: check.scope }) : undefined;
  if (part && !part.found) return fail(`no ${check.label!.toUpperCase()}: line (expected ${check.value})`);
  const labelled = !!part && part.where !== 'the final answer' && part.where !== 'the answer';
  const { labels, evidence: ev } = labelled ? chosenOptions(`Answer:\n${part!.text}`, all) : chosenOptions(answer, all);
  const canonical = labels.map((l) => all.find((o) => o.toLowerCase() === l.toLowerCase()) ?? l);
  const want = check.value;
  if (canonical.length === 0) return fail(`no option chosen (expected ${want})`);
  if (canonical.length > 1) return fail(`chooses more than one option (${listing(canonical)}); expected only ${want}`);
  const got = canonical[0]!;
  if (got.toLowerCase() === want.toLowerCase()) return pass(`chose ${got}: ${ev}`);
  return fail(`chose ${got}, expected ${want}: ${ev}`);
}
