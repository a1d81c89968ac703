// Markdown ATX headings ("#" .. "######") of a text, with their source line index.
// Lines inside fenced code blocks (``` or ~~~) are ignored. Pure.

export interface Heading {
  /** 1..6 */
  level: number;
  /** Heading text without the #'s and closing #'s. */
  title: string;
  /** Source line index (text split on "\n"). */
  line: number;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Headings of `text` (a string, or its lines already split on "\n"). */
export function outline(text: string | readonly string[]): Heading[] {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  const out: Heading[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const first = line.charCodeAt(line.search(/\S/));
    // Fast skip: only lines starting with #, ` or ~ matter.
    if (first !== 35 && first !== 96 && first !== 126) continue;
    const f = FENCE.exec(line);
    if (f) {
      const marker = f[1];
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = HEADING.exec(line);
    if (!m) continue;
    const title = (m[2] ?? '').trim();
    if (!title) continue;
    out.push({ level: m[1].length, title, line: i });
  }
  return out;
}
