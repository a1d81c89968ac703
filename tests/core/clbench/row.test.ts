import { describe, expect, it } from 'vitest';
import { mapCategory, reduceRow } from '../../../src/core/clbench/row.js';
import { chainToScenario } from '../../../src/core/clbench/to-scenario.js';
import { chainRows } from '../../helpers/clbench-rows.js';

describe('mapCategory', () => {
  it('maps upstream labels to the kebab-case enum', () => {
    expect(mapCategory('Domain Knowledge Reasoning')).toBe('domain-knowledge-reasoning');
    expect(mapCategory('Rule System Application')).toBe('rule-system-application');
    expect(mapCategory('Procedural Task Execution')).toBe('procedural-task-execution');
    expect(mapCategory('Empirical Discovery & Simulation')).toBe('empirical-discovery-simulation');
    expect(mapCategory('empirical discovery and simulation')).toBe('empirical-discovery-simulation');
    expect(mapCategory('Astrology')).toBeUndefined(); // kept as written by reduceRow
  });
});

describe('reduceRow', () => {
  it('keeps the context out of the per-row record (it is handed over once, on demand)', () => {
    const big = 'x'.repeat(1_000_000) + ' question?';
    const rows = chainRows({ contextId: 'c', system: 'sys', first: big, turns: [{ given: 'g1', prompt: 'p2' }, { given: 'g2', prompt: 'p3' }] });
    const results = rows.map((r, i) => reduceRow(JSON.parse(JSON.stringify(r)), i + 1));
    for (const res of results) {
      if (!res.ok) throw new Error(res.message);
      expect(JSON.stringify(res.row).length).toBeLessThan(2_000);
    }
    const [r1, r2, r3] = results.map((r) => (r.ok ? r.row : undefined))!;
    expect(r2!.parentHash).toBe(r1!.fullHash);
    expect(r3!.parentHash).toBe(r2!.fullHash);
    expect(new Set([r1!.rootKey, r2!.rootKey, r3!.rootKey]).size).toBe(1);
    expect([r1!.depth, r2!.depth, r3!.depth]).toEqual([1, 2, 3]);
    expect(r3!.prompt).toBe('p3');
    expect(r3!.givenForParent).toBe('g2');
    const root = results[0]!.ok ? results[0]!.root() : undefined;
    expect(root).toEqual({ system: 'sys', context: big, shapes: {} });
  });

  it('tells apart messages that only concatenate alike', () => {
    const a = reduceRow({ messages: [{ role: 'user', content: 'ab' }], rubrics: ['x'], metadata: { task_id: 't', context_id: 'c', context_category: 'Rule System Application' } }, 1);
    const b = reduceRow({ messages: [{ role: 'system', content: 'a' }, { role: 'user', content: 'b' }], rubrics: ['x'], metadata: { task_id: 't', context_id: 'c', context_category: 'Rule System Application' } }, 2);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.row.fullHash).not.toBe(b.row.fullHash);
    if (a.ok) expect(a.row.subCategory).toBe('Unspecified');
  });
});

describe('chainToScenario', () => {
  it('guesses the language and estimates minutes from the length', () => {
    const zh = chainRows({ contextId: 'zz', first: '这是一个虚构的规则手册。灯笼每次移动两格。问题：灯笼移动几格？'.repeat(20), turns: [] });
    const en = chainRows({ contextId: 'ee', first: 'A fictional rulebook. '.repeat(3000), turns: [] });
    const mk = (rows: typeof zh) => {
      const reduced = rows.map((r, i) => reduceRow(r, i + 1));
      const first = reduced[0]!;
      if (!first.ok) throw new Error(first.message);
      return chainToScenario({ contextId: rows[0]!.metadata.context_id, groupKey: rows[0]!.metadata.context_id, n: 1, ofContext: 1, root: first.root(), rows: reduced.map((r) => (r.ok ? r.row : undefined)!) }, 'abc');
    };
    expect(mk(zh).language).toBe('zh');
    const e = mk(en);
    expect(e.language).toBe('en');
    expect(e.estimatedMinutes).toBe(Math.ceil(66_000 / 1000 + 5));
    expect(e.id).toBe('clbench-abc-1');
  });
});
