// One CL-bench JSONL row, checked and reduced to what the importer keeps.
//
// A row's messages are: [system], user (context + task 1), then (assistant, user) per earlier
// task; the last user message is the row's own task. The importer must not hold a context once
// per row, so a row is reduced to hashes of its prefixes plus only the parts that are new in it:
// the last user prompt and the assistant turn before it (the given answer of the previous task).
// The system message and the first user message are handed over separately and kept once.
import { createHash, type Hash } from 'node:crypto';
import { CATEGORIES, type Category, type RubricItem } from '../scenario/schema.js';

export interface RowMeta {
  taskId: string;
  contextId: string;
  /** Upstream label, e.g. "Rule System Application". */
  categoryLabel: string;
  category: Category;
  subCategory: string;
}

export interface ReducedRow extends RowMeta {
  line: number;
  /** Number of user turns: 1 for a first task, k for the k-th task of a chain. */
  depth: number;
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
  rubric: RubricItem[];
  rubricCount: number;
}

export interface RowRoot {
  system?: string;
  context: string;
}

export type RowResult = { ok: true; row: ReducedRow; root: () => RowRoot } | { ok: false; message: string };

/**
 * Maps an upstream category label to the kebab-case enum: "Empirical Discovery & Simulation" ->
 * empirical-discovery-simulation. Falls back to the first word ("Rule ...") if the wording drifts.
 */
export function mapCategory(label: string): Category | undefined {
  const kebab = label
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if ((CATEGORIES as readonly string[]).includes(kebab)) return kebab as Category;
  const first = kebab.split('-')[0];
  return first ? CATEGORIES.find((c) => c.startsWith(first + '-')) : undefined;
}

function updateMessage(h: Hash, role: string, content: string): void {
  // Length-prefixed, so no two different message lists hash alike by concatenation.
  h.update(`${role}:${content.length}:`);
  h.update(content);
}

const ROLES = new Set(['system', 'user', 'assistant']);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? `"${v.length > 30 ? v.slice(0, 30) + '...' : v}"` : typeof v;
}

/** Check one parsed JSONL value; never throws. */
export function reduceRow(value: unknown, line: number): RowResult {
  const fail = (message: string): RowResult => ({ ok: false, message });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('not a JSON object');
  const v = value as Record<string, unknown>;

  // -- metadata
  const meta = v.metadata as Record<string, unknown> | undefined;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return fail('metadata is missing or not an object');
  const taskId = meta.task_id;
  const contextId = meta.context_id;
  if (typeof taskId !== 'string' || taskId === '') return fail('metadata.task_id is missing or not a string');
  if (typeof contextId !== 'string' || contextId === '') return fail('metadata.context_id is missing or not a string');
  const label = meta.context_category;
  if (typeof label !== 'string' || label === '') return fail('metadata.context_category is missing or not a string');
  const category = mapCategory(label);
  if (!category) {
    return fail(`metadata.context_category "${label}" is not a CL-bench category (expected Domain Knowledge Reasoning, Rule System Application, Procedural Task Execution or Empirical Discovery & Simulation)`);
  }
  const sub = meta.sub_category;
  if (sub !== undefined && sub !== null && typeof sub !== 'string') return fail('metadata.sub_category is not a string');
  const subCategory = typeof sub === 'string' && sub.trim() !== '' ? sub : 'Unspecified';

  // -- rubric
  const rubrics = v.rubrics;
  if (!Array.isArray(rubrics)) return fail('rubrics is missing or not a list');
  if (rubrics.length === 0) return fail('rubrics is empty (a task needs at least one rubric item)');
  const rubric: RubricItem[] = [];
  for (let i = 0; i < rubrics.length; i++) {
    const item: unknown = rubrics[i];
    let text: unknown = item;
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) text = (item as Record<string, unknown>).rubric_criteria;
    if (typeof text !== 'string') return fail(`rubrics[${i}] is ${describe(item)}; expected a string or an object with a "rubric_criteria" string`);
    if (text.trim() === '') return fail(`rubrics[${i}] is empty`);
    rubric.push({ text });
  }

  // -- messages: [system] user (assistant user)*
  const messages = v.messages;
  if (!Array.isArray(messages) || messages.length === 0) return fail('messages is missing or empty');
  for (let i = 0; i < messages.length; i++) {
    const m: unknown = messages[i];
    if (m === null || typeof m !== 'object' || Array.isArray(m)) return fail(`messages[${i}] is not an object`);
    const { role, content } = m as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.has(role)) return fail(`messages[${i}].role is ${describe(role)}; expected system, user or assistant`);
    if (typeof content !== 'string') return fail(`messages[${i}].content is ${describe(content)}; expected a string (content parts are not supported)`);
  }
  const msgs = messages as { role: string; content: string }[];
  const start = msgs[0]!.role === 'system' ? 1 : 0;
  if (start >= msgs.length) return fail('messages hold only a system message; expected a user message with the context');
  for (let i = start; i < msgs.length; i++) {
    const expected = (i - start) % 2 === 0 ? 'user' : 'assistant';
    if (msgs[i]!.role !== expected) {
      return fail(`messages[${i}].role is "${msgs[i]!.role}", expected "${expected}" (after the optional system message, user and assistant turns alternate)`);
    }
  }
  if (msgs[msgs.length - 1]!.role !== 'user') return fail('the last message is not a user message (a row ends with its task)');
  if (msgs[start]!.content.trim() === '') return fail(`messages[${start}] (the context) is empty`);
  if (msgs.length - start > 1 && msgs[msgs.length - 1]!.content.trim() === '') {
    return fail(`messages[${msgs.length - 1}] (this task's prompt) is empty; every task after the first needs a prompt`);
  }

  // -- hashes of the prefixes
  const h = createHash('sha256');
  let rootKey = '';
  let parentHash: string | undefined;
  for (let i = 0; i < msgs.length; i++) {
    if (i === msgs.length - 2 && i > start) parentHash = h.copy().digest('hex');
    updateMessage(h, msgs[i]!.role, msgs[i]!.content);
    if (i === start) rootKey = h.copy().digest('hex');
  }
  const fullHash = h.digest('hex');
  const depth = (msgs.length - start + 1) / 2;
  const system = start === 1 ? msgs[0]!.content : undefined;
  const context = msgs[start]!.content;
  return {
    ok: true,
    row: {
      line,
      taskId,
      contextId,
      categoryLabel: label,
      category,
      subCategory,
      depth,
      rootKey,
      fullHash,
      parentHash,
      prompt: depth > 1 ? msgs[msgs.length - 1]!.content : '',
      givenForParent: depth > 1 ? msgs[msgs.length - 2]!.content : undefined,
      rubric,
      rubricCount: rubric.length,
    },
    // Called only for the first row of a context: the context is kept once, not per row.
    root: () => (system === undefined ? { context } : { system, context }),
  };
}
