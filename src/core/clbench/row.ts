// One CL-bench JSONL row, checked and reduced to what the importer keeps.
//
// A row's messages are: [system], user (context + task 1), then (assistant, user) per earlier
// task; the last user message is the row's own task. The importer must not hold a context once
// per row, so a row is reduced to hashes of its prefixes plus only the parts that are new in it:
// the last user prompt and the assistant turn before it (the given answer of the previous task).
// The system message and the first user message are handed over separately and kept once.
//
// The bar is upstream: a row infer.py can send and eval.py can grade is imported. What clplay
// cannot hold as plain text it keeps beside the text (message shapes: extra keys such as `name`,
// content given as a list of parts), so a request can still carry the row's messages as written.
import { createHash, type Hash } from 'node:crypto';
import { CATEGORIES, type RubricItem } from '../scenario/schema.js';
import { contentText, messageShape, type MessageShape } from './shapes.js';
import { rubricFromRow } from './rubric.js';

export interface RowMeta {
  taskId: string;
  /** Upstream context_id; undefined when the row has none (grouped by its system + first user message). */
  contextId?: string;
  /** Upstream label, e.g. "Rule System Application"; "Unknown" (eval.py's word) when missing. */
  categoryLabel: string;
  /** One of the four kebab-case categories, or the upstream label as written. */
  category: string;
  subCategory: string;
}

/** Something the importer changed or decided about a row that still imports (reported, counted). */
export type RowNote =
  | 'no-context-id'
  | 'no-category'
  | 'own-category'
  | 'empty-rubric-item'
  | 'number-rubric-item'
  | 'list-content'
  | 'extra-keys';

export interface ReducedRow extends RowMeta {
  line: number;
  /** The chain a row belongs to: its context_id, else its rootKey. */
  groupKey: string;
  /** Number of user turns: 1 for a first task, k for the k-th task of a chain. */
  depth: number;
  /** Index of the first user message (1 with a system message, else 0). */
  start: number;
  /** Hash of [system] + first user message: identifies the context a chain starts from. */
  rootKey: string;
  /** Hash of all messages of the row. */
  fullHash: string;
  /** Hash of the messages without the last assistant + user pair (= the previous row's fullHash). */
  parentHash?: string;
  /** The last user message when depth > 1 (this task's prompt); '' for a first task. */
  prompt: string;
  /** The assistant turn before the last user message (the previous task's given answer). */
  givenForParent?: string;
  /** Shapes of the row's last two messages (by message index), where they are not plain. */
  shapes: Record<number, MessageShape>;
  rubric: RubricItem[];
  rubricCount: number;
  notes: RowNote[];
}

export interface RowRoot {
  system?: string;
  context: string;
  /** Shapes of the system and first user message, where they are not plain. */
  shapes: Record<number, MessageShape>;
}

/** All turns of a row after the first user message: used for a row whose earlier rows are absent. */
export interface RowTurns {
  /** (assistant, user) pairs in order: answers[k] follows user message k, prompts[k] is user message k + 1. */
  answers: string[];
  prompts: string[];
  shapes: Record<number, MessageShape>;
}

export type RowResult = { ok: true; row: ReducedRow; root: () => RowRoot; turns: () => RowTurns } | { ok: false; message: string };

/**
 * Maps an upstream category label to the kebab-case enum: "Empirical Discovery & Simulation" ->
 * empirical-discovery-simulation. Falls back to the first word ("Rule ...") if the wording drifts;
 * undefined for a category outside the four (kept as written by the importer).
 */
export function mapCategory(label: string): (typeof CATEGORIES)[number] | undefined {
  const kebab = label
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const known = CATEGORIES.find((c) => c === kebab);
  if (known) return known;
  const first = kebab.split('-')[0];
  return first ? CATEGORIES.find((c) => c.startsWith(first + '-')) : undefined;
}

function updateMessage(h: Hash, role: string, content: string, shape: MessageShape | undefined): void {
  // Length-prefixed, so no two different message lists hash alike by concatenation. A shape
  // (extra keys, content parts) is part of the message: rows that differ only there differ.
  h.update(`${role}:${content.length}:`);
  h.update(content);
  if (shape) {
    const s = JSON.stringify(shape);
    h.update(`|shape:${s.length}:`);
    h.update(s);
  }
}

const ROLES = new Set(['system', 'user', 'assistant']);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? `"${v.length > 30 ? v.slice(0, 30) + '...' : v}"` : typeof v;
}

/** A metadata id: a string, or a number written as JSON writes it; undefined when absent or empty. */
function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Check one parsed JSONL value; never throws. */
export function reduceRow(value: unknown, line: number): RowResult {
  const fail = (message: string): RowResult => ({ ok: false, message });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('not a JSON object');
  const v = value as Record<string, unknown>;
  const notes = new Set<RowNote>();

  // -- metadata (upstream's infer.py reads metadata.task_id; eval.py files a missing category under "Unknown")
  const meta = v.metadata as Record<string, unknown> | undefined;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return fail('metadata is missing or not an object');
  const taskId = idOf(meta.task_id);
  if (taskId === undefined) return fail('metadata.task_id is missing or not a string (upstream infer.py needs it too)');
  const contextId = idOf(meta.context_id);
  if (contextId === undefined) notes.add('no-context-id');
  const rawLabel = meta.context_category;
  if (rawLabel !== undefined && rawLabel !== null && typeof rawLabel !== 'string') return fail('metadata.context_category is not a string');
  let label = typeof rawLabel === 'string' ? rawLabel : '';
  if (label.trim() === '') {
    label = 'Unknown';
    notes.add('no-category');
  }
  const mapped = mapCategory(label);
  if (!mapped && !notes.has('no-category')) notes.add('own-category');
  const sub = meta.sub_category;
  if (sub !== undefined && sub !== null && typeof sub !== 'string') return fail('metadata.sub_category is not a string');
  const subCategory = typeof sub === 'string' && sub.trim() !== '' ? sub : 'Unspecified';

  // -- rubric
  const rubricResult = rubricFromRow(v.rubrics);
  if (!rubricResult.ok) return fail(rubricResult.message);
  const rubric = rubricResult.items;
  if (rubricResult.skipped > 0) notes.add('empty-rubric-item');
  if (rubricResult.stringified > 0) notes.add('number-rubric-item');

  // -- messages: [system] user (assistant user)*
  const messages = v.messages;
  if (!Array.isArray(messages) || messages.length === 0) return fail('messages is missing or empty');
  const texts: string[] = [];
  const roles: string[] = [];
  const shapes: (MessageShape | undefined)[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m: unknown = messages[i];
    if (m === null || typeof m !== 'object' || Array.isArray(m)) return fail(`messages[${i}] is not an object`);
    const { role, content } = m as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.has(role)) return fail(`messages[${i}].role is ${describe(role)}; expected system, user or assistant`);
    const text = contentText(content);
    if (text === undefined) return fail(`messages[${i}].content is ${describe(content)}; expected text or a list of content parts`);
    const shape = messageShape(m as Record<string, unknown>);
    if (shape) {
      if (Array.isArray(content)) notes.add('list-content');
      if (Object.keys(shape).some((k) => k !== 'role' && k !== 'content')) notes.add('extra-keys');
    }
    texts.push(text);
    roles.push(role);
    shapes.push(shape);
  }
  const start = roles[0] === 'system' ? 1 : 0;
  if (start >= roles.length) return fail('messages hold only a system message; expected a user message with the context');
  for (let i = start; i < roles.length; i++) {
    const expected = (i - start) % 2 === 0 ? 'user' : 'assistant';
    if (roles[i] !== expected) {
      return fail(`messages[${i}].role is "${roles[i]}", expected "${expected}" (after the optional system message, user and assistant turns alternate)`);
    }
  }
  const last = roles.length - 1;
  if (roles[last] !== 'user') return fail('the last message is not a user message (a row ends with its task)');
  if (texts[start]!.trim() === '') return fail(`messages[${start}] (the context) is empty`);
  if (last > start && texts[last]!.trim() === '') {
    return fail(`messages[${last}] (this task's prompt) is empty; every task after the first needs a prompt`);
  }

  // -- hashes of the prefixes
  const h = createHash('sha256');
  let rootKey = '';
  let parentHash: string | undefined;
  for (let i = 0; i <= last; i++) {
    if (i === last - 1 && i > start) parentHash = h.copy().digest('hex');
    updateMessage(h, roles[i]!, texts[i]!, shapes[i]);
    if (i === start) rootKey = h.copy().digest('hex');
  }
  const fullHash = h.digest('hex');
  const depth = (last - start) / 2 + 1;
  const pick = (from: number, to: number): Record<number, MessageShape> => {
    const out: Record<number, MessageShape> = {};
    for (let i = from; i <= to; i++) if (shapes[i]) out[i] = shapes[i]!;
    return out;
  };
  const rowShapes = depth > 1 ? pick(last - 1, last) : {};
  const system = start === 1 ? texts[0] : undefined;
  const context = texts[start]!;
  return {
    ok: true,
    row: {
      line,
      taskId,
      contextId,
      groupKey: contextId ?? `root:${rootKey}`,
      categoryLabel: label,
      category: mapped ?? label,
      subCategory,
      depth,
      start,
      rootKey,
      fullHash,
      parentHash,
      prompt: depth > 1 ? texts[last]! : '',
      givenForParent: depth > 1 ? texts[last - 1] : undefined,
      shapes: rowShapes,
      rubric,
      rubricCount: rubric.length,
      notes: [...notes],
    },
    // Called only for the first row of a context: the context is kept once, not per row.
    root: () => ({ ...(system === undefined ? {} : { system }), context, shapes: pick(0, start) }),
    // Called only in the importer's second pass, for a row whose earlier rows are absent.
    turns: () => {
      const answers: string[] = [];
      const prompts: string[] = [];
      for (let i = start + 1; i < last; i += 2) {
        answers.push(texts[i]!);
        prompts.push(texts[i + 1]!);
      }
      return { answers, prompts, shapes: pick(start + 1, last) };
    },
  };
}
