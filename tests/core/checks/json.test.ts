import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/checks/index.js';
import { deepEqual, parsePath } from '../../../src/core/checks/json.js';

const json = (path?: string, equals?: unknown) => ({ type: 'json' as const, ...(path ? { path } : {}), ...(equals !== undefined ? { equals } : {}) });

describe('json check', () => {
  it('parses the whole answer', () => {
    expect(runCheck(json(), ' {"a": 1} ')).toEqual({ pass: true, reason: 'the answer parses as JSON' });
    expect(runCheck(json(), '\uFEFF[1, 2]').pass).toBe(true);
  });

  it('finds a fenced json block (the last one that parses, json blocks first)', () => {
    const answer = 'Here you go:\n```json\n{"total": 80}\n```\nCorrected:\n```json\n{"total": 81}\n```\n```\n{"total": 1}\n```';
    expect(runCheck(json('total', 81), answer).pass).toBe(true);
    expect(runCheck(json('total', 80), answer).reason).toBe('"total" is 81, expected 80');
    expect(runCheck(json('total', 5), 'Plain:\n~~~\n{"total": 5}\n~~~').pass).toBe(true);
  });

  it('fails with a parse error when nothing parses', () => {
    const r = runCheck(json(), 'The total is {total: 81}');
    expect(r.pass).toBe(false);
    expect(r.reason).toMatch(/^not JSON: no fenced block, and the answer is not JSON/);
    expect(runCheck(json(), '```json\n{"a": 1,}\n```').reason).toMatch(/^not JSON: the json block does not parse/);
  });

  it('follows paths with indices and quoted keys', () => {
    const answer = '```json\n{"items": [{"price": 3.5, "tags": ["a"]}, {"price": 4}], "odd.key": {"x": null}}\n```';
    expect(runCheck(json('items[1].price', 4), answer).pass).toBe(true);
    expect(runCheck(json('items[0].tags', ['a']), answer).pass).toBe(true);
    expect(runCheck(json('["odd.key"].x', null), answer).pass).toBe(true);
    expect(runCheck(json('items[0].price'), answer)).toEqual({ pass: true, reason: '"items[0].price" is 3.5' });
    expect(runCheck(json('items[2].price'), answer)).toEqual({ pass: false, reason: 'the json block has no "items[2].price" (found up to items)' });
    expect(runCheck(json('items.price'), answer).pass).toBe(false);
    expect(runCheck(json('[0]', 1), '[1, 2]').pass).toBe(true);
  });

  it('compares deeply, ignoring key order but not types', () => {
    expect(runCheck(json(undefined, { b: [1, { c: 2 }], a: 'x' }), '{"a": "x", "b": [1, {"c": 2}]}').pass).toBe(true);
    expect(runCheck(json(undefined, { a: 1 }), '{"a": "1"}').reason).toBe('the answer is {"a":"1"}, expected {"a":1}');
    expect(runCheck(json(undefined, { a: 1 }), '{"a": 1, "b": 2}').pass).toBe(false);
    expect(runCheck(json('a', [1, 2]), '{"a": [2, 1]}').pass).toBe(false);
  });

  it('reports a malformed path', () => {
    expect(runCheck(json('a..b'), '{"a": 1}').reason).toMatch(/malformed/);
  });

  it('parsePath and deepEqual', () => {
    expect(parsePath('a.b[0].c')).toEqual(['a', 'b', 0, 'c']);
    expect(parsePath('[2].name')).toEqual([2, 'name']);
    expect(parsePath('a[x]')).toBeNull();
    expect(deepEqual([1, { a: null }], [1, { a: null }])).toBe(true);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
