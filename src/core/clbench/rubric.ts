// A CL-bench row's rubric list -> clplay rubric items, counted as upstream's eval.py counts them.
//
// eval.py numbers items by their place in the list (1-based) and leaves out items whose text is
// empty after strip() without renumbering the rest; it writes a non-string item with str() and
// reads an object's "rubric_criteria" (a null item is str(None) = "None", an item upstream lists). clplay keeps every non-empty item, its text as written,
// and its upstream number where that is not its position here (RubricItem.number).
import type { RubricItem } from '../scenario/schema.js';

export type RubricResult =
  | { ok: true; items: RubricItem[]; skipped: number; stringified: number }
  | { ok: false; message: string };

/** A number or boolean as Python's str() writes it (the JSON value is all that is left of it). */
function pythonStr(v: number | boolean): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

export function rubricFromRow(rubrics: unknown): RubricResult {
  if (!Array.isArray(rubrics)) return { ok: false, message: 'rubrics is missing or not a list' };
  const items: RubricItem[] = [];
  let skipped = 0;
  let stringified = 0;
  for (let i = 0; i < rubrics.length; i++) {
    const item: unknown = rubrics[i];
    let text: string;
    if (typeof item === 'string') text = item;
    else if (typeof item === 'number' || typeof item === 'boolean') {
      text = pythonStr(item);
      stringified++;
    } else if (item === null) {
      text = 'None'; // str(None): eval.py lists it as an item, so clplay keeps it to stay in step
      stringified++;
    }
    else if (typeof item === 'object' && !Array.isArray(item)) {
      const c = (item as Record<string, unknown>).rubric_criteria;
      if (c !== undefined && c !== null && typeof c !== 'string') {
        return { ok: false, message: `rubrics[${i}].rubric_criteria is ${typeof c}; expected text (upstream eval.py cannot read it either)` };
      }
      text = c ?? '';
    } else return { ok: false, message: `rubrics[${i}] is a list; expected text or an object with "rubric_criteria"` };
    if (text.trim() === '') {
      skipped++;
      continue;
    }
    items.push(items.length === i ? { text } : { text, number: i + 1 });
  }
  if (items.length === 0) {
    return { ok: false, message: rubrics.length === 0 ? 'rubrics is empty (a task needs at least one rubric item)' : 'every rubric item is empty (a task needs at least one)' };
  }
  return { ok: true, items, skipped, stringified };
}

/** Upstream's number of item `index` of a task's rubric (1-based). */
export function rubricNumber(item: Pick<RubricItem, 'number'>, index: number): number {
  return item.number ?? index + 1;
}
