// Reading a scenario file's text: UTF-8 decoding (BOM accepted, invalid bytes reported with
// their position), YAML or JSON parsing, and locating any field path back to a line and column.
import { isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { JsonSyntaxError, parseJsonWithPositions, type JsonNode } from './json-positions.js';
import { LineIndex } from './problem.js';

export interface Position {
  line: number;
  col: number;
}

export interface SyntaxProblem extends Position {
  message: string;
}

/** A parsed file: its data and a way back from a field path to a position. */
export interface ParsedSource {
  data: unknown;
  /** Where the value at `path` (or, with 'key', its key) is; the nearest existing parent if absent. */
  locate(path: readonly PropertyKey[], what?: 'value' | 'key'): Position;
}

export type DecodeResult = { text: string } | { error: SyntaxProblem };

/** Decodes UTF-8 strictly; drops a leading BOM; reports the first invalid byte's position. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let lineStart = 0;
    let line = 1;
    for (let k = 0; k < bad; k++) {
      if (bytes[k] === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
    const hex = (bytes[bad] ?? 0).toString(16).padStart(2, '0').toUpperCase();
    return {
      error: {
        line,
        col,
        message: `invalid UTF-8 (byte 0x${hex} at offset ${bad}); save the file as UTF-8`,
      },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (d < min || d > max) return i;
    }
    i += need + 1;
  }
  return n;
}

const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation of this line against its siblings',
  MISSING_CHAR: 'check the indentation of this line against the one above',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation of this line',
  MULTIPLE_DOCS: 'a scenario file holds one document; remove the extra "---"',
};

const MAX_SYNTAX_PROBLEMS = 10;
/** Aliases a scenario file may use, and the bound on their expansion (the yaml package's maxAliasCount). */
export const MAX_YAML_ALIASES = 100;

interface YamlIssue {
  code: string;
  message: string;
  pos: [number, number];
}

/**
 * The yaml package's errors, made plainer: a line indented too deep (which YAML reads as the
 * continuation of the value above) is reported at that line; a ": " inside a plain value says to
 * quote it; one problem per line (later ones on a line are echoes of the first).
 */
function yamlErrors(text: string, index: LineIndex, found: readonly YamlIssue[]): SyntaxProblem[] {
  // Tabs derail everything after them: report only the tabs, the rest are echoes.
  if (found.some((e) => e.code === 'TAB_AS_INDENT')) found = found.filter((e) => e.code === 'TAB_AS_INDENT');
  const out: (SyntaxProblem & { offset: number })[] = [];
  const multiline = new Set(found.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const e of found) {
    let offset = e.pos[0];
    let message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    const hint = YAML_HINTS[e.code];
    if (hint) message += ` (${hint})`;
    if (e.code === 'DUPLICATE_KEY') message = 'the same key is given twice in one mapping (remove one)';
    if (e.code === 'MULTILINE_IMPLICIT_KEY') {
      const span = text.slice(e.pos[0], e.pos[1]);
      const nl = span.lastIndexOf('\n');
      if (nl !== -1) {
        offset = e.pos[0] + nl + 1;
        while (text[offset] === ' ') offset++;
        message = 'this line is indented deeper than the key above it, so it is read as part of that value (align it with its sibling keys)';
      }
    } else if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && /compact mappings/.test(e.message)) {
      if (multiline.has(e.pos[0])) continue; // the MULTILINE_IMPLICIT_KEY at the same place says it better
      message = 'a plain value may not contain ": " (put the value in quotes)';
    }
    out.push({ ...index.at(offset), offset, message: `YAML syntax: ${message}` });
  }
  out.sort((a, b) => a.offset - b.offset);
  const perLine: SyntaxProblem[] = [];
  for (const p of out) {
    if (perLine.length && perLine[perLine.length - 1]!.line === p.line) continue;
    perLine.push({ line: p.line, col: p.col, message: p.message });
  }
  if (perLine.length > MAX_SYNTAX_PROBLEMS) {
    const rest = perLine.length - MAX_SYNTAX_PROBLEMS;
    perLine.length = MAX_SYNTAX_PROBLEMS;
    perLine.push({ ...perLine[MAX_SYNTAX_PROBLEMS - 1]!, message: `... and YAML problems on ${rest} more lines (fix the first ones first)` });
  }
  return perLine;
}

export function parseYamlSource(text: string): { source?: ParsedSource; errors: SyntaxProblem[] } {
  const index = new LineIndex(text);
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (err) {
    return { errors: [{ line: 1, col: 1, message: `could not parse the YAML: ${(err as Error).message}` }] };
  }
  if (doc.errors.length > 0) return { errors: yamlErrors(text, index, [...doc.errors, ...doc.warnings]) };
  // Resolving an alias walks the whole document, so many aliases cost time quadratic in the file
  // (20,000 of them: minutes). A scenario needs few; more are refused before any is resolved.
  let aliases = 0;
  let tooMany: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      if (aliases > MAX_YAML_ALIASES) {
        tooMany = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (tooMany !== undefined) {
    return { errors: [{ ...index.at(tooMany), message: `YAML: more than ${MAX_YAML_ALIASES} aliases (*name); a scenario file may use at most ${MAX_YAML_ALIASES}` }] };
  }
  let data: unknown;
  try {
    // maxAliasCount bounds what the aliases expand to (a "billion laughs" file is refused).
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const msg = (err as Error).message;
    if (/Excessive alias count/.test(msg)) {
      return { errors: [{ line: 1, col: 1, message: `YAML: the aliases (*name) expand to too much data (refused, as a resource exhaustion attack would)` }] };
    }
    return { errors: [{ line: 1, col: 1, message: `could not read the YAML: ${msg}` }] };
  }
  const warnings = doc.warnings.map((w) => ({ ...index.at(w.pos[0]), message: `YAML: ${w.message.split('\n')[0]}` }));
  const root = doc.contents as YamlNode | null;
  const source: ParsedSource = {
    data,
    locate(path, what = 'value') {
      let node: YamlNode | null = root;
      let offset = node?.range?.[0] ?? 0;
      for (let k = 0; k < path.length && node; k++) {
        const seg = path[k]!;
        const last = k === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
          if (!pair) break;
          const key = pair.key as YamlNode;
          if (last && what === 'key') return index.at(key.range?.[0] ?? offset);
          node = (pair.value as YamlNode | null) ?? null;
          offset = node?.range?.[0] ?? key.range?.[0] ?? offset;
        } else if (isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg] as YamlNode | undefined;
          if (!item) break;
          node = item;
          offset = item.range?.[0] ?? offset;
        } else break;
      }
      return index.at(offset);
    },
  };
  return { source, errors: warnings };
}

export function parseJsonSource(text: string): { source?: ParsedSource; errors: SyntaxProblem[] } {
  const index = new LineIndex(text);
  let parsed;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { errors: [{ ...index.at(err.offset), message: `JSON syntax: ${err.message}` }] };
    return { errors: [{ line: 1, col: 1, message: `could not parse the JSON: ${(err as Error).message}` }] };
  }
  const errors = parsed.duplicateKeys.map((d) => ({
    ...index.at(d.offset),
    message: `key ${JSON.stringify(d.key)} is given twice in one object (remove one)`,
  }));
  const source: ParsedSource = {
    data: parsed.value,
    locate(path, what = 'value') {
      let node: JsonNode | undefined = parsed.node;
      let offset = node.start;
      for (let k = 0; k < path.length && node; k++) {
        const seg = path[k]!;
        if (node.keys) {
          const entry: { keyStart: number; node: JsonNode } | undefined = node.keys.get(String(seg));
          if (!entry) break;
          if (k === path.length - 1 && what === 'key') return index.at(entry.keyStart);
          node = entry.node;
        } else if (node.items && typeof seg === 'number') {
          node = node.items[seg];
        } else break;
        if (node) offset = node.start;
      }
      return index.at(offset);
    },
  };
  return { source, errors };
}
