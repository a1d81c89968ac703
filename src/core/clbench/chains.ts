// Rebuilds CL-bench chains of sequential tasks from reduced rows.
//
// Row k of a chain holds row k-1's messages plus one assistant and one user message, so a row's
// parentHash equals its predecessor's fullHash. Rows form a forest per context: roots are first
// tasks (one per distinct first user message), and a node with two children (same earlier turns,
// different given answer or next prompt) is a fork. Every root-to-leaf path becomes one chain
// (one scenario); a task before a fork appears in each of the forked chains.
import type { ReducedRow, RowRoot } from './row.js';

export interface ChainNode {
  row: ReducedRow;
  children: ChainNode[];
}

export interface Chain {
  contextId: string;
  /** 1-based number of the chain within its context (order of first appearance). */
  n: number;
  /** Chains of the same context. */
  ofContext: number;
  root: RowRoot;
  /** The rows, first task first. */
  rows: ReducedRow[];
}

export interface BuildProblem {
  line: number;
  message: string;
}

export class ChainBuilder {
  /** contextId -> rows in file order. */
  private readonly byContext = new Map<string, ReducedRow[]>();
  /** rootKey -> the context text (kept once, whatever the number of rows). */
  private readonly roots = new Map<string, RowRoot>();
  /** fullHash -> first row with those exact messages (for duplicates). */
  private readonly seen = new Map<string, ReducedRow>();
  readonly problems: BuildProblem[] = [];
  duplicates = 0;

  /** Add a row; `root()` is only called when its context has not been seen. */
  add(row: ReducedRow, root: () => RowRoot): void {
    const same = this.seen.get(row.fullHash);
    if (same && same.taskId === row.taskId && sameRubric(same, row)) {
      this.duplicates++;
      this.problems.push({ line: row.line, message: `duplicate of line ${same.line} (task ${row.taskId}); skipped` });
      return;
    }
    if (!same) this.seen.set(row.fullHash, row);
    if (!this.roots.has(row.rootKey)) this.roots.set(row.rootKey, root());
    let list = this.byContext.get(row.contextId);
    if (!list) this.byContext.set(row.contextId, (list = []));
    list.push(row);
  }

  get contexts(): number {
    return this.byContext.size;
  }

  /**
   * The chains, context by context in order of first appearance. Rows that no chain reaches
   * (their earlier turns are in no row) are reported in `problems` and left out.
   */
  *chains(): Generator<Chain> {
    for (const [contextId, rows] of this.byContext) {
      const nodes = new Map<string, ChainNode>();
      const roots: ChainNode[] = [];
      const all: ChainNode[] = [];
      for (const row of rows) {
        const node: ChainNode = { row, children: [] };
        all.push(node);
        if (!nodes.has(row.fullHash)) nodes.set(row.fullHash, node);
      }
      const reached = new Set<ChainNode>();
      for (const node of all) {
        if (node.row.depth === 1) roots.push(node);
        else {
          const parent = nodes.get(node.row.parentHash!);
          if (parent && parent.row.depth === node.row.depth - 1) parent.children.push(node);
        }
      }
      const paths: ChainNode[][] = [];
      const walk = (node: ChainNode, path: ChainNode[]) => {
        reached.add(node);
        const here = [...path, node];
        if (node.children.length === 0) paths.push(here);
        for (const child of node.children) walk(child, here);
      };
      for (const root of roots) walk(root, []);
      for (const node of all) {
        if (reached.has(node)) continue;
        const r = node.row;
        const parent = nodes.get(r.parentHash ?? '');
        const why = parent
          ? `its earlier turns are those of line ${parent.row.line}, which was not imported`
          : `no row holds its ${r.depth - 1} earlier turn${r.depth === 2 ? '' : 's'}`;
        this.problems.push({ line: r.line, message: `task ${r.taskId} (turn ${r.depth} of context ${contextId}): ${why}; skipped` });
      }
      let n = 0;
      for (const path of paths) {
        n++;
        const first = path[0]!.row;
        yield {
          contextId,
          n,
          ofContext: paths.length,
          root: this.roots.get(first.rootKey)!,
          rows: path.map((p) => p.row),
        };
      }
    }
  }
}

function sameRubric(a: ReducedRow, b: ReducedRow): boolean {
  return a.rubric.length === b.rubric.length && a.rubric.every((r, i) => r.text === b.rubric[i]!.text);
}
