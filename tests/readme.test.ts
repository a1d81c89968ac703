// The README is part of the product: its key tables come from the one key table, and it names
// every command and the two commands a new user runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/registry.js';
import { keysMarkdown } from '../src/ui/keys/bindings.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('has the key tables of src/ui/keys/bindings.ts (regenerate: node scripts/gen-readme-keys.mjs)', () => {
    const start = readme.indexOf('<!-- keys:start');
    const end = readme.indexOf('<!-- keys:end -->');
    expect(start).toBeGreaterThan(0);
    const block = readme.slice(readme.indexOf('-->', start) + 3, end).trim();
    expect(block).toBe(keysMarkdown().trim());
  });

  it('names every command and the two commands of a fresh machine', () => {
    for (const name of Object.keys(COMMANDS)) if (name !== 'home') expect(readme, name).toContain(`clplay ${name}`);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
