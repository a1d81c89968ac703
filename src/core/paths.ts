// Where the package lives, so bundled scenarios and the default saves/ are found relative to the
// installed package, not the working directory. Works from src/ (tests) and dist/ (bundle).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios'))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export const PACKAGE_ROOT = findPackageRoot();
export const BUNDLED_SCENARIOS = join(PACKAGE_ROOT, 'scenarios');
export const DEFAULT_SAVES = join(PACKAGE_ROOT, 'saves');
export const DEFAULT_IMPORT_DIR = join(BUNDLED_SCENARIOS, 'imported');
