// Turns zod issues into problems a scenario author understands, one per issue, each at the
// position of the field (or, for unknown fields, of the key) it is about.
import type { z } from 'zod';
import { describeValue, fieldPath, quote, type Problem } from './problem.js';
import type { ParsedSource } from './source.js';
import { closest } from './suggest.js';

/** The parts of a zod 4 issue this module reads. */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  options?: unknown[];
  errors?: Issue[][];
  note?: string;
  discriminator?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
  null: 'null',
};

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/** The keys a strict object at `path` allows, found by walking the zod schema. */
export function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] | undefined {
  let s = unwrap(schema);
  for (let k = 0; k <= path.length; k++) {
    s = unwrap(s);
    const def = defOf(s);
    if (def.type === 'union') {
      const here = valueAt(data, path.slice(0, k));
      s = pickOption(def, here);
      continue;
    }
    if (k === path.length) break;
    const seg = path[k]!;
    if (def.type === 'object') s = (def.shape as Record<string, z.ZodType>)[String(seg)]!;
    else if (def.type === 'array') s = def.element as z.ZodType;
    else return undefined;
    if (!s) return undefined;
  }
  // a union at the very end is resolved above; now expect an object
  const def = defOf(unwrap(s));
  return def.type === 'object' ? Object.keys(def.shape as object) : undefined;
}

// zod 4 keeps a schema's definition on `_zod.def`; only `type`, `shape`, `element`,
// `innerType`, `options` and `discriminator` are read here.
type Def = { type: string; [k: string]: unknown };
function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let k = 0; k < 10; k++) {
    const def = defOf(cur);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') cur = def.innerType as z.ZodType;
    else break;
  }
  return cur;
}
function pickOption(def: Def, value: unknown): z.ZodType {
  const options = def.options as z.ZodType[];
  const disc = def.discriminator as string | undefined;
  if (disc && value && typeof value === 'object') {
    const want = (value as Record<string, unknown>)[disc];
    for (const o of options) {
      const od = defOf(unwrap(o));
      if (od.type !== 'object') continue;
      const lit = (od.shape as Record<string, z.ZodType>)[disc];
      if (lit && (defOf(lit).values as unknown[] | undefined)?.includes(want)) return o;
    }
  }
  return options.find((o) => defOf(unwrap(o)).type === 'object') ?? options[0]!;
}

function expectedName(e: string | undefined): string {
  return (e && TYPE_NAMES[e]) ?? e ?? 'another type';
}

function gotName(v: unknown): string {
  if (typeof v === 'string') return `text ${quote(v)}`;
  return describeValue(v);
}

export interface IssueContext {
  file: string;
  source: ParsedSource;
  schema: z.ZodType;
}

export function issuesToProblems(issues: readonly Issue[], ctx: IssueContext): Problem[] {
  const data = ctx.source.data;
  const out: Problem[] = [];
  // Unknown keys that look like a typo of a missing required key: report the typo once, and
  // not also "prompt: missing".
  const typoFor = new Set<string>();
  const unknown: { path: PropertyKey[]; key: string; suggestion?: string; allowed?: string[] }[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = allowedKeys(ctx.schema, issue.path, data);
    for (const key of issue.keys ?? []) {
      const suggestion = allowed ? closest(key, allowed) : undefined;
      if (suggestion) typoFor.add(fieldPath([...issue.path, suggestion]));
      unknown.push({ path: issue.path, key, suggestion, allowed });
    }
  }
  const add = (path: readonly PropertyKey[], message: string, what: 'value' | 'key' = 'value'): void => {
    const pos = ctx.source.locate(path, what);
    out.push({ file: ctx.file, line: pos.line, col: pos.col, field: fieldPath(path), message });
  };

  for (const u of unknown) {
    const hint = u.suggestion
      ? `did you mean ${JSON.stringify(u.suggestion)}?`
      : u.allowed
        ? `allowed here: ${u.allowed.filter((k) => k !== '$schema').join(', ')}`
        : 'remove it';
    add([...u.path, u.key], `unknown field ${JSON.stringify(u.key)} (${hint})`, 'key');
  }

  const visit = (issue: Issue, prefix: readonly PropertyKey[]): void => {
    const path = [...prefix, ...issue.path];
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        if (prefix.length > 0) {
          for (const key of issue.keys ?? []) add([...path, key], `unknown field ${JSON.stringify(key)}`, 'key');
        }
        return;
      case 'invalid_type': {
        if (value === undefined) {
          if (typoFor.has(fieldPath(path))) return;
          add(path, `missing (required: ${expectedName(issue.expected)})`);
          return;
        }
        let msg = `expected ${expectedName(issue.expected)}, got ${gotName(value)}`;
        if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
          msg += ` (put it in quotes: "${String(value)}")`;
        }
        add(path, msg);
        return;
      }
      case 'invalid_union': {
        if (issue.note === 'No matching discriminator' || issue.discriminator) {
          const options = (issue.options ?? []).map(String);
          const what = path.includes('check') ? 'check' : String(issue.discriminator ?? 'type');
          if (value === undefined) {
            add(path, `missing (expected one of ${options.join(', ')})`);
          } else {
            const near = typeof value === 'string' ? closest(value, options) : undefined;
            add(
              path,
              `unknown ${what} ${typeof value === 'string' ? JSON.stringify(value) : describeValue(value)} ` +
                `(expected one of ${options.join(', ')})${near ? `; did you mean ${JSON.stringify(near)}?` : ''}`,
            );
          }
          return;
        }
        const branches = issue.errors ?? [];
        // A branch whose type matched but whose contents did not: its issues are the real story.
        const deeper = branches.find((b) => b.length > 0 && !(b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0));
        if (deeper) {
          for (const sub of deeper) visit(sub, path);
          return;
        }
        const expected = branches.map((b) => b[0]?.expected).filter((e): e is string => !!e);
        const kinds = [...new Set(expected)];
        const names =
          kinds.length === 2 && kinds.includes('string') && kinds.includes('array')
            ? ['text', 'a list of texts']
            : kinds.map((e) => (e === 'array' ? 'a list' : expectedName(e)));
        if (value === undefined) add(path, `missing (required: ${names.join(' or ') || 'a value'})`);
        else add(path, `expected ${names.join(' or ') || 'another form'}, got ${gotName(value)}`);
        return;
      }
      case 'invalid_value': {
        const options = (issue.values ?? []).map(String);
        const field = String(path[path.length - 1] ?? 'value');
        const near = typeof value === 'string' ? closest(value, options) : undefined;
        if (value === undefined) {
          add(path, `missing (expected one of ${options.join(', ')})`);
          return;
        }
        const named = ['category', 'origin', 'mode'].includes(field);
        const head = named ? `unknown ${field} ${describeValue(value)}` : `${describeValue(value)} is not allowed`;
        add(path, `${head} (expected one of ${options.join(', ')})${near ? `; did you mean ${JSON.stringify(near)}?` : ''}`);
        return;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') add(path, min <= 1 ? 'must not be empty' : `must have at least ${min} characters`);
        else if (issue.origin === 'array') add(path, min <= 1 ? 'needs at least one item' : `needs at least ${min} items`);
        else if (issue.inclusive === false) add(path, `must be greater than ${min} (got ${describeValue(value)})`);
        else add(path, `must be at least ${min} (got ${describeValue(value)})`);
        return;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') add(path, `must have at most ${max} characters`);
        else if (issue.origin === 'array') add(path, `may have at most ${max} items`);
        else add(path, `must be at most ${max} (got ${describeValue(value)})`);
        return;
      }
      case 'invalid_format':
        add(path, `${describeValue(value)} is not valid: ${issue.message}`);
        return;
      default:
        add(path, issue.message);
    }
  };
  for (const issue of issues) visit(issue, []);
  return out;
}
