// CL-bench-shaped rows written by the tests themselves (clplay ships no CL-bench data).
export interface Msg {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Row {
  messages: Msg[];
  rubrics: (string | { rubric_criteria: string })[];
  metadata: { task_id: string; context_id: string; context_category: string; sub_category: string };
}

export interface ChainSpec {
  contextId: string;
  system?: string;
  /** First user message: context and task 1 in one message. */
  first: string;
  /** Later tasks: the given answer to the previous task, then the next prompt. */
  turns: { given: string; prompt: string }[];
  category?: string;
  subCategory?: string;
  rubric?: (k: number) => Row['rubrics'];
  taskId?: (k: number) => string;
}

/** The rows of one chain: row k holds row k-1's messages + assistant + user. */
export function chainRows(spec: ChainSpec): Row[] {
  const rows: Row[] = [];
  const messages: Msg[] = [];
  if (spec.system !== undefined) messages.push({ role: 'system', content: spec.system });
  messages.push({ role: 'user', content: spec.first });
  const meta = (k: number) => ({
    task_id: spec.taskId ? spec.taskId(k) : `${spec.contextId}-task-${k}`,
    context_id: spec.contextId,
    context_category: spec.category ?? 'Rule System Application',
    sub_category: spec.subCategory ?? 'Game Mechanics',
  });
  const rubric = (k: number) => (spec.rubric ? spec.rubric(k) : [`The response should answer task ${k} of ${spec.contextId}.`, `Item two of task ${k}.`]);
  rows.push({ messages: structuredClone(messages), rubrics: rubric(1), metadata: meta(1) });
  spec.turns.forEach((t, i) => {
    messages.push({ role: 'assistant', content: t.given });
    messages.push({ role: 'user', content: t.prompt });
    rows.push({ messages: structuredClone(messages), rubrics: rubric(i + 2), metadata: meta(i + 2) });
  });
  return rows;
}

export function toJsonl(lines: (Row | string)[], eol = '\n'): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join(eol) + eol;
}
