// One rebuilt CL-bench chain -> one clplay scenario file (the ScenarioFileSchema shape).
//
// Decisions:
// - id `clbench-<first 8 of context_id>-<n>` (n = chain number within the context);
// - origin `niche`: upstream does not say which of fictional / modified / niche a context is,
//   and `niche` is the weakest of the three claims;
// - language `en`, or `zh` when most letters of the context are CJK;
// - estimatedMinutes: reading at ~1,000 characters a minute plus 5 minutes per task to answer;
// - the context is the first user message verbatim and task 1's prompt is '' (its question is
//   inside the context); later tasks' prompts are the later user messages; `given` holds the
//   assistant turns; every rubric string becomes an item without a check (a judge or a person
//   grades it); task ids are task-1..task-k and sourceId keeps upstream's task_id;
// - a chain whose first row's earlier rows were absent (orphan) starts with `givenTurns`: that
//   row's earlier turns, fixed history for every player; its tasks keep their upstream turn
//   numbers (task-3, task-4, ...);
// - a category outside the four is kept as upstream wrote it;
// - messages that are not plain {role, content: text} keep their shape (source.messageShapes);
// - key order puts the short fields first and the (possibly 320,000-character) context last, so
//   the file is readable in an editor.
import type { ScenarioFile } from '../scenario/schema.js';
import type { Chain } from './chains.js';
import type { RowTurns } from './row.js';
import type { MessageShape } from './shapes.js';

export function scenarioIdFor(short: string, n: number): string {
  return `clbench-${short}-${n}`;
}

/** The `<first 8>` part: lowercase letters and digits of the context id. */
export function shortContextId(contextId: string, length = 8): string {
  return contextId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, length);
}

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/** `zh` when most letters of the first 5,000 characters are CJK, else `en`. */
function guessLanguage(text: string): string {
  const n = Math.min(text.length, 5_000);
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0x3040 && isCjk(c)) cjk++;
  }
  // A CJK character carries about a word; compare against Latin words (~5 letters).
  return cjk > latin / 5 ? 'zh' : 'en';
}

/** A title from the context's first Markdown heading (or its first line), else the sub-category. */
function titleFor(chain: Chain, short: string): string {
  const head = chain.root.context.slice(0, 4_000);
  const lines = head.split(/\r?\n/).map((l) => l.trim());
  const heading = lines.find((l) => /^#{1,3}\s+\S/.test(l));
  let base = heading ? heading.replace(/^#+\s+/, '').replace(/[*_`]+/g, '').trim() : '';
   
  base = base.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (base.length > 70) base = base.slice(0, 69).trimEnd() + '…';
  const sub = chain.rows[0]!.subCategory;
  const title = base ? `${base} (${sub})` : `${sub} - CL-bench context ${short}`;
  return chain.ofContext > 1 ? `${title}, chain ${chain.n}` : title;
}

/** `turns`: the first row's earlier turns, needed (and only read) for an orphan chain. */
export function chainToScenario(chain: Chain, short: string, turns?: RowTurns): ScenarioFile {
  const first = chain.rows[0]!;
  const before = first.depth - 1;
  if (chain.orphan && !turns) throw new Error(`chain of line ${first.line} needs the turns of its first row`);
  const ids = chain.rows.map((_, i) => `task-${before + i + 1}`);
  const tasks: ScenarioFile['tasks'] = chain.rows.map((row, i) => {
    const given = chain.rows[i + 1]?.givenForParent;
    return {
      id: ids[i]!,
      prompt: before + i === 0 ? '' : row.prompt,
      ...(i > 0 ? { dependsOn: ids.slice(0, i) } : {}),
      rubric: row.rubric,
      ...(given !== undefined ? { given } : {}),
      sourceId: row.taskId,
    };
  });
  const shapes: Record<number, MessageShape> = { ...chain.root.shapes };
  const givenTurns: NonNullable<ScenarioFile['givenTurns']> = [];
  if (chain.orphan && turns) {
    Object.assign(shapes, turns.shapes);
    for (let k = 0; k < before; k++) givenTurns.push({ prompt: k === 0 ? '' : turns.prompts[k - 1]!, answer: turns.answers[k]! });
  }
  for (const row of chain.rows) Object.assign(shapes, row.shapes);
  let chars = chain.root.context.length;
  for (const t of givenTurns) chars += t.prompt.length + t.answer.length;
  for (const row of chain.rows) chars += row.prompt.length + (row.givenForParent?.length ?? 0);
  const estimatedMinutes = Math.max(1, Math.ceil(chars / 1000 + 5 * tasks.length));
  const file: ScenarioFile = {
    id: scenarioIdFor(short, chain.n),
    title: titleFor(chain, short),
    category: first.category,
    subcategory: first.subCategory,
    origin: 'niche',
    language: guessLanguage(chain.root.context),
    estimatedMinutes,
    notes:
      `Imported from CL-bench (${chain.contextId !== undefined ? `context_id ${chain.contextId}` : 'no context_id: grouped by its system and first user message'}${chain.ofContext > 1 ? `, chain ${chain.n} of ${chain.ofContext}` : ''}). ` +
      (givenTurns.length
        ? `The file held no row for turns 1-${before}: they are given history (givenTurns), as upstream's row holds them; turn 1's question is inside the context. `
        : "Task 1's question is inside the context, as upstream wrote it. ") +
      "`given` holds upstream's fixed assistant turns " +
      '(history, not guaranteed gold answers). Rubric items have no machine checks: a judge or a person grades them.',
    ...(givenTurns.length ? { givenTurns } : {}),
    source: {
      format: 'cl-bench',
      ...(chain.contextId !== undefined ? { contextId: chain.contextId } : {}),
      taskIds: chain.rows.map((r) => r.taskId),
      category: first.categoryLabel,
      subCategory: first.subCategory,
      ...(Object.keys(shapes).length ? { messageShapes: Object.fromEntries(Object.entries(shapes)) } : {}),
    },
    tasks,
  };
  if (chain.root.system !== undefined) file.system = chain.root.system;
  file.context = chain.root.context;
  return file;
}
