// The final answer of a reply: the text after the last `Answer:` / `Final answer:` line (Markdown
// decorations such as `**Final answer:**` or `## Answer:` allowed; also 答案： and 最终答案：),
// or the whole reply when there is no such line. When the marker line has nothing after the
// colon, the lines that follow it are the answer.

const MARKER =
  /^[\s>#*_-]*(?:\*\*|__)?\s*(?:final\s+answer|answer|最终答案|最終答案|答案)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?(.*)$/i;

export interface FinalAnswer {
  text: string;
  /** True when an `Answer:` line was found; false when the whole reply is the answer. */
  marked: boolean;
}

export function findFinalAnswer(reply: string): FinalAnswer {
  const lines = reply.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = MARKER.exec(lines[i]!);
    if (!m) continue;
    const rest = m[1]!.trim();
    const text = rest || lines.slice(i + 1).join('\n').trim();
    return { text, marked: true };
  }
  return { text: reply.trim(), marked: false };
}

/** The final answer's text (see findFinalAnswer). */
export function finalAnswer(reply: string): string {
  return findFinalAnswer(reply).text;
}
