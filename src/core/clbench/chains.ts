// Rebuilds CL-bench chains of sequential tasks from reduced rows.
//
// Row k of a chain holds row k-1's messages plus one assistant and one user message, so a row's
// parentHash equals its predecessor's fullHash. Rows form a forest per context: roots are first
// tasks (one per distinct first user message), and a node with two children (same earlier turns,
// different given answer or next prompt) is a fork. Every root-to-leaf path becomes one chain
// (one scenario); a task before a fork appears in each of the forked chains.
//
// A row whose earlier rows are not in the file (a sample, a --max-samples run, one category of a
// chain's rows) is a root too: it carries its whole history in its own messages, so it becomes a
// chain whose earlier turns are given history (`historyFrom`), as upstream plays it.
import type { ReducedRow, RowRoot } from './row.js';

export interface ChainNode {
  row: ReducedRow;
  children: ChainNode[];
}

export interface Chain {
  /** Upstream context_id (undefined when the rows have none). */
  contextId?: string;
  /** What groups the rows: the context_id, else the hash of system + first user message. */
  groupKey: string;
  /** 1-based number of the chain within its context (order of first appearance). */
  n: number;
  /** Chains of the same context. */
  ofContext: number;
  root: RowRoot;
  /** The rows, first task first. */
  rows: ReducedRow[];
  /** Set when the first row's earlier rows are absent: its earlier turns are given history. */
  orphan?: boolean;
}

export interface BuildProblem {
  line: number;
  message: string;
  /** Not skipped: imported (once), reported for the record. */
  imported?: boolean;
}

export class ChainBuilder {
  /** groupKey -> rows in file order. */
  private readonly byContext = new Map<string, ReducedRow[]>();
  /** rootKey -> the context text (kept once, whatever the number of rows). */
  private readonly roots = new Map<string, RowRoot>();
  /** fullHash -> first row with those exact messages (for duplicates). */
  private readonly seen = new Map<string, ReducedRow>();
  /** task_id -> first line holding it. */
  private readonly taskLines = new Map<string, number>();
  readonly problems: BuildProblem[] = [];
  duplicates = 0;
  /** Rows whose earlier rows were not in the file (imported with their history as given turns). */
  orphans = 0;

  /** Add a row; `root()` is only called when its context has not been seen. */
  add(row: ReducedRow, root: () => RowRoot): void {
    const same = this.seen.get(row.fullHash);
    if (same && same.taskId === row.taskId && sameRubric(same, row)) {
      this.duplicates++;
      this.problems.push({ line: row.line, message: `duplicate of line ${same.line} (task ${row.taskId}); imported once`, imported: true });
      return;
    }
    const earlier = this.taskLines.get(row.taskId);
    if (earlier !== undefined) {
      this.problems.push({
        line: row.line,
        message: `task_id ${row.taskId} is also on line ${earlier}, with other messages or rubric; both imported (upstream writes both with one idx)`,
        imported: true,
      });
    } else this.taskLines.set(row.taskId, row.line);
    if (!same) this.seen.set(row.fullHash, row);
    if (!this.roots.has(row.rootKey)) this.roots.set(row.rootKey, root());
    let list = this.byContext.get(row.groupKey);
    if (!list) this.byContext.set(row.groupKey, (list = []));
    list.push(row);
  }

  get contexts(): number {
    return this.byContext.size;
  }

  /** The chains, context by context in order of first appearance. Every row is in one or more. */
  *chains(): Generator<Chain> {
    for (const [groupKey, rows] of this.byContext) {
      const nodes = new Map<string, ChainNode>();
      const roots: { node: ChainNode; orphan: boolean }[] = [];
      const all: ChainNode[] = [];
      for (const row of rows) {
        const node: ChainNode = { row, children: [] };
        all.push(node);
        if (!nodes.has(row.fullHash)) nodes.set(row.fullHash, node);
      }
      for (const node of all) {
        if (node.row.depth === 1) {
          roots.push({ node, orphan: false });
          continue;
        }
        const parent = nodes.get(node.row.parentHash!);
        if (parent && parent.row.depth === node.row.depth - 1) parent.children.push(node);
        else {
          roots.push({ node, orphan: true });
          this.orphans++;
          const r = node.row;
          this.problems.push({
            line: r.line,
            message: `task ${r.taskId} is turn ${r.depth} of its context, and no row holds its ${r.depth - 1} earlier turn${r.depth === 2 ? '' : 's'}: imported on its own, with the row's earlier turns as given history`,
            imported: true,
          });
        }
      }
      const paths: { path: ChainNode[]; orphan: boolean }[] = [];
      const walk = (node: ChainNode, path: ChainNode[], orphan: boolean) => {
        const here = [...path, node];
        if (node.children.length === 0) paths.push({ path: here, orphan });
        for (const child of node.children) walk(child, here, orphan);
      };
      for (const r of roots) walk(r.node, [], r.orphan);
      let n = 0;
      for (const { path, orphan } of paths) {
        n++;
        const first = path[0]!.row;
        yield {
          contextId: first.contextId,
          groupKey,
          n,
          ofContext: paths.length,
          root: this.roots.get(first.rootKey)!,
          rows: path.map((p) => p.row),
          ...(orphan ? { orphan: true } : {}),
        };
      }
    }
  }
}

function sameRubric(a: ReducedRow, b: ReducedRow): boolean {
  return a.rubric.length === b.rubric.length && a.rubric.every((r, i) => r.text === b.rubric[i]!.text && r.number === b.rubric[i]!.number);
}
