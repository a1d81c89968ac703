// A strict JSON (RFC 8259) parser that also records where every value and key starts, so that
// schema problems in .json scenario files get a line and column like YAML ones do.
// YAML is a JSON superset in theory, but a YAML parser accepts comments and trailing commas and
// treats U+2028/U+0085 as line breaks, so .json files get their own parser.

export interface JsonNode {
  start: number;
  end: number;
  /** For objects: each key's own range and its value's node. */
  keys?: Map<string, { keyStart: number; keyEnd: number; node: JsonNode }>;
  /** For arrays. */
  items?: JsonNode[];
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface JsonParseResult {
  value: unknown;
  node: JsonNode;
  /** Keys given twice in one object (the last one wins, as in JSON.parse). */
  duplicateKeys: { key: string; offset: number }[];
}

const MAX_DEPTH = 500;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

export function parseJsonWithPositions(text: string): JsonParseResult {
  let i = 0;
  const n = text.length;
  const duplicateKeys: { key: string; offset: number }[] = [];

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number): string => {
    if (at >= n) return 'end of file';
    const c = text[at]!;
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
    return JSON.stringify(c);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let hasEscape = false;
    for (;;) {
      if (i >= n) fail('unterminated string (missing closing ")', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        hasEscape = true;
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape (expected 4 hex digits)');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          fail(`bad escape "\\${e ?? ''}" in string (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        }
        continue;
      }
      if (c < 0x20) fail(`${describe(i)} inside a string (write it as an escape such as \\n or \\t)`);
      i++;
    }
    i++; // closing quote
    return hasEscape ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };

  const parseValue = (depth: number): { value: unknown; node: JsonNode } => {
    ws();
    const start = i;
    if (i >= n) fail('unexpected end of file (expected a value)');
    const c = text[i]!;
    if (c === '{') {
      if (depth >= MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
      i++;
      const obj: Record<string, unknown> = {};
      const keys = new Map<string, { keyStart: number; keyEnd: number; node: JsonNode }>();
      ws();
      if (text[i] === '}') {
        i++;
        return { value: obj, node: { start, end: i, keys } };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`unexpected ${describe(i)} (expected a key in double quotes)`);
        const keyStart = i;
        const key = parseString();
        const keyEnd = i;
        ws();
        if (text[i] !== ':') fail(`unexpected ${describe(i)} (expected ":" after the key)`);
        i++;
        const child = parseValue(depth + 1);
        if (keys.has(key)) duplicateKeys.push({ key, offset: keyStart });
        keys.set(key, { keyStart, keyEnd, node: child.node });
        if (key === '__proto__') Object.defineProperty(obj, key, { value: child.value, enumerable: true, writable: true, configurable: true });
        else obj[key] = child.value;
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('trailing comma before "}" (JSON allows none)');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { value: obj, node: { start, end: i, keys } };
        }
        fail(`unexpected ${describe(i)} (expected "," or "}")`);
      }
    }
    if (c === '[') {
      if (depth >= MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
      i++;
      const arr: unknown[] = [];
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { value: arr, node: { start, end: i, items } };
      }
      for (;;) {
        const child = parseValue(depth + 1);
        arr.push(child.value);
        items.push(child.node);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('trailing comma before "]" (JSON allows none)');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { value: arr, node: { start, end: i, items } };
        }
        fail(`unexpected ${describe(i)} (expected "," or "]")`);
      }
    }
    if (c === '"') {
      const value = parseString();
      return { value, node: { start, end: i } };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { value, node: { start, end: i } };
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail(`bad number (expected digits after "-")`);
      i += m![0].length;
      return { value: Number(m![0]), node: { start, end: i } };
    }
    if (c === "'") fail('strings need double quotes in JSON');
    return fail(`unexpected ${describe(i)} (expected a value: object, array, string, number, true, false or null)`);
  };

  const top = parseValue(0);
  ws();
  if (i < n) fail(`unexpected ${describe(i)} after the end of the JSON value`);
  return { ...top, duplicateKeys };
}
