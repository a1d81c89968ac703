// Units a number check may declare (`unit: mg`, `unit: { name: gu, aliases: [glimmer units] }`).
// A known unit brings its kind: every unit of that kind is read and converted, so `0.75 g`
// answers 750 mg. Any other name is a unit of its own, read in the spellings the item declares.
import type { Unit } from '../scenario/schema.js';

interface UnitDef {
  /** Factor to the kind's base unit. */
  factor: number;
  spellings: string[];
}

type Kind = Record<string, UnitDef>;

const KINDS: Kind[] = [
  {
    ug: { factor: 1e-6, spellings: ['µg', 'μg', 'ug', 'mcg', 'microgram', 'micrograms', '微克'] },
    mg: { factor: 1e-3, spellings: ['mg', 'milligram', 'milligrams', 'milligramme', 'milligrammes', '毫克'] },
    g: { factor: 1, spellings: ['g', 'gram', 'grams', 'gramme', 'grammes', '克'] },
    kg: { factor: 1e3, spellings: ['kg', 'kilogram', 'kilograms', 'kilo', 'kilos', '千克', '公斤'] },
  },
  {
    ml: { factor: 1e-3, spellings: ['ml', 'mL', 'millilitre', 'millilitres', 'milliliter', 'milliliters', '毫升'] },
    cl: { factor: 1e-2, spellings: ['cl', 'cL', 'centilitre', 'centilitres', 'centiliter', 'centiliters'] },
    dl: { factor: 1e-1, spellings: ['dl', 'dL', 'decilitre', 'decilitres', 'deciliter', 'deciliters'] },
    l: { factor: 1, spellings: ['l', 'L', 'litre', 'litres', 'liter', 'liters', '升'] },
  },
  {
    s: { factor: 1, spellings: ['s', 'sec', 'secs', 'second', 'seconds', '秒', '秒钟'] },
    min: { factor: 60, spellings: ['min', 'mins', 'minute', 'minutes', '分钟', '分'] },
    h: { factor: 3600, spellings: ['h', 'hr', 'hrs', 'hour', 'hours', '小时', '个小时', '钟头'] },
    d: { factor: 86400, spellings: ['day', 'days', '天'] },
  },
  {
    mm: { factor: 1e-3, spellings: ['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters', '毫米'] },
    cm: { factor: 1e-2, spellings: ['cm', 'centimetre', 'centimetres', 'centimeter', 'centimeters', '厘米'] },
    m: { factor: 1, spellings: ['m', 'metre', 'metres', 'meter', 'meters', '米'] },
    km: { factor: 1e3, spellings: ['km', 'kilometre', 'kilometres', 'kilometer', 'kilometers', '公里', '千米'] },
  },
];

export interface UnitSpec {
  /** The unit as the item names it, for reasons. */
  name: string;
  /** Lower-cased spelling -> factor to the declared unit. */
  spellings: Map<string, number>;
  /** Spellings of units of other kinds (a number in kg is not a count of crowns). */
  others: Set<string>;
}

const ALL_SPELLINGS = new Set(KINDS.flatMap((k) => Object.values(k).flatMap((u) => u.spellings.map((s) => s.toLowerCase()))));

function findKnown(name: string): { kind: Kind; def: UnitDef } | undefined {
  const low = name.toLowerCase();
  for (const kind of KINDS) {
    for (const def of Object.values(kind)) if (def.spellings.some((s) => s.toLowerCase() === low)) return { kind, def };
  }
  return undefined;
}

export function unitSpec(unit: Unit): UnitSpec {
  const name = typeof unit === 'string' ? unit : unit.name;
  const aliases = typeof unit === 'string' ? [] : (unit.aliases ?? []);
  const spellings = new Map<string, number>();
  const known = findKnown(name);
  if (known) {
    for (const def of Object.values(known.kind)) for (const s of def.spellings) spellings.set(s.toLowerCase(), def.factor / known.def.factor);
  }
  spellings.set(name.toLowerCase(), 1);
  for (const a of aliases) spellings.set(a.toLowerCase(), 1);
  const others = new Set([...ALL_SPELLINGS].filter((s) => !spellings.has(s)));
  return { name, spellings, others };
}

const isCjk = (c: string | undefined) => c !== undefined && /[\p{Script=Han}]/u.test(c);

export type UnitRead = { kind: 'same'; factor: number; length: number } | { kind: 'other'; length: number } | { kind: 'none' };

/**
 * The unit written right after a number (at `end` of `text`): one of the item's spellings, a
 * unit of another kind, or none. Longest spelling wins ("min" before "m").
 */
export function unitAt(text: string, end: number, spec: UnitSpec): UnitRead {
  const rest = text.slice(end, end + 40);
  const lead = /^[ \t\u00A0\u202F]*/.exec(rest)![0].length;
  const body = rest.slice(lead).toLowerCase();
  let best: UnitRead = { kind: 'none' };
  let bestLen = 0;
  const consider = (spelling: string, read: (len: number) => UnitRead) => {
    if (spelling.length <= bestLen || !body.startsWith(spelling)) return;
    const next = body[spelling.length];
    const lastIsCjk = isCjk(spelling[spelling.length - 1]);
    if (!lastIsCjk && next !== undefined && /[\p{L}\p{N}]/u.test(next)) return;
    bestLen = spelling.length;
    best = read(lead + spelling.length);
  };
  for (const [s, factor] of spec.spellings) consider(s, (length) => ({ kind: 'same', factor, length }));
  for (const s of spec.others) consider(s, (length) => ({ kind: 'other', length }));
  return best;
}
