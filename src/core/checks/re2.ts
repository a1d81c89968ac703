// Scenario regexes run on RE2 (the re2js port: pure JavaScript, linear time), so no pattern and
// no answer can make grading backtrack for ever (`^(a+)+$` against "aaaa…a!" returns at once).
// RE2 has no lookahead, lookbehind or backreferences; validate names them and says what to use.
import { RE2JS } from 're2js';

export interface Re2Match {
  index: number;
  end: number;
  text: string;
  /** The captured value: group `value`, else group 1, else the whole match. */
  value: string;
  valueIndex: number;
}

const cache = new Map<string, RE2JS>();

/** What RE2 cannot run in a JavaScript pattern, and what to use instead; undefined when fine. */
export function unsupportedFeature(pattern: string): string | undefined {
  // escaped characters and character classes cannot start a group
  const plain = pattern.replace(/\\(.)/g, (m, c: string) => (/[1-9k]/.test(c) ? m : 'E')).replace(/\[[^\]]*\]/g, '[]');
  if (/\(\?<[=!]/.test(plain)) {
    return 'uses a lookbehind ((?<= or (?<!), which the linear-time regex engine (RE2) cannot run; to ignore a value that is denied ("not 52 mL"), use negate: true (denied clauses never count) or an excludes check; to require a boundary, use \\b or (?:^|[^0-9])';
  }
  if (/\(\?[=!]/.test(plain)) {
    return 'uses a lookahead ((?= or (?!), which the linear-time regex engine (RE2) cannot run; to require several things, use an includes check with mode: all or one item each; to read one value, use capture: with expect:; to end at a boundary, use \\b or (?:[^0-9]|$)';
  }
  if (/\\[1-9]|\\k</.test(plain)) return 'uses a backreference (\\1 or \\k<name>), which the linear-time regex engine (RE2) cannot run; write the repeated part out';
  return undefined;
}

function flagBits(flags: string): number {
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  return bits;
}

/** Compiles a scenario pattern with RE2; throws an Error with a one-line message when it cannot. */
export function compileRe2(pattern: string, flags = ''): RE2JS {
  const key = `${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const feature = unsupportedFeature(pattern);
  if (feature) throw new Error(feature);
  const twice = [...flags].find((f, k) => flags.indexOf(f) !== k);
  if (twice) throw new Error(`flag "${twice}" is given twice`);
  const bad = flags.replace(/[gimsud]/g, '');
  if (bad) throw new Error(`flag "${bad}" is not supported (use i, m, s)`);
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), flagBits(flags));
  } catch (err) {
    throw new Error(((err as Error).message || String(err)).replace(/^error parsing regexp: /, ''), { cause: err });
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, re);
  return re;
}

/** Every non-overlapping match of `re` in `text`, in order. */
export function re2Matches(re: RE2JS, text: string): Re2Match[] {
  const m = re.matcher(text);
  const named = re.namedGroups();
  const group: string | number | undefined = 'value' in named ? 'value' : re.groupCount() >= 1 ? 1 : undefined;
  const out: Re2Match[] = [];
  // find() without a start continues after the previous match (and steps over empty ones);
  // find(start) would reset the matcher and re-read the input each time.
  while (m.find()) {
    const index = m.start();
    const end = m.end();
    const whole = m.group() ?? '';
    let value = whole;
    let valueIndex = index;
    if (group !== undefined && m.group(group) !== null) {
      value = m.group(group)!;
      valueIndex = m.start(group);
    }
    out.push({ index, end, text: whole, value, valueIndex });
  }
  return out;
}
