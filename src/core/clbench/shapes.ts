// Messages as upstream wrote them. infer.py hands each row's `messages` to the openai SDK
// unchanged, and the SDK sends every key it is given (e.g. `name`) and content given as a list of
// parts as that list: it joins nothing. So clplay keeps, beside the text it shows and plays, the
// shape of every message that is not a plain {role, content: text}, and a request rebuilds the
// message from it - the same JSON the row holds.
//
// The text of a list of parts (for the reader, the editor's history, a judge, a person) is its
// text parts joined by a newline, as vLLM's OpenAI-compatible server joins them; a part that is not
// text (an image) stands as "[image_url part]". The request still sends the parts.

/** A message as written, with `content: null` where the content is text clplay holds elsewhere. */
export type MessageShape = Record<string, unknown>;

/** The message's text: a string as it is, a list of parts joined; undefined when neither. */
export function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const pieces: string[] = [];
  for (const part of content as unknown[]) {
    if (typeof part === 'string') {
      pieces.push(part);
      continue;
    }
    if (part === null || typeof part !== 'object' || Array.isArray(part)) return undefined;
    const p = part as Record<string, unknown>;
    if (p.type === 'text' && typeof p.text === 'string') pieces.push(p.text);
    else pieces.push(`[${typeof p.type === 'string' ? p.type : 'unknown'} part]`);
  }
  return pieces.join('\n');
}

/** The shape to keep, or undefined for a plain {"role", "content": text} (keys in that order). */
export function messageShape(m: Record<string, unknown>): MessageShape | undefined {
  const keys = Object.keys(m);
  if (keys.length === 2 && keys[0] === 'role' && keys[1] === 'content' && typeof m.content === 'string') return undefined;
  const shape: MessageShape = {};
  for (const k of keys) shape[k] = k === 'content' && typeof m.content === 'string' ? null : m[k];
  return shape;
}

/**
 * The message to send: the shape with its text filled in. Content parts are sent as written only
 * while the text is the one they make (a player's own answer in that place is sent as text).
 */
export function shapedMessage(shape: MessageShape | undefined, role: string, text: string): Record<string, unknown> {
  if (!shape) return { role, content: text };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shape)) {
    if (k !== 'content') out[k] = v;
    else out[k] = v === null || contentText(v) !== text ? text : v;
  }
  if (!('content' in out)) out.content = text;
  return out;
}
