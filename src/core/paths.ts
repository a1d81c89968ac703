// Where the package lives (bundled scenarios are found relative to it, not the working
// directory), and where the user's data lives. Works from src/ (tests) and dist/ (bundle).
//
// Data must live where upgrades cannot reach it: `npm install -g` of a new version, an uninstall
// or an npx cache clean replaces the installed package folder, and a global install is often not
// writable by the user at all. So an installed clplay keeps saved runs and imported scenarios in
// the platform's data folder (env-paths, as conf finds the config folder: ~/.local/share/clplay
// on Linux). A git working copy of clplay keeps the repository layout: saves/ and
// scenarios/imported/ at the top level.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios'))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export interface DataLayout {
  /** True when running from an installed package (no .git beside package.json). */
  installed: boolean;
  /** The default saves folder. */
  saves: string;
  /** Where `clplay import` writes scenarios by default. */
  importDir: string;
  /** Folders an older clplay used inside the installed package; their contents are moved once. */
  legacy: { saves: string; importDir: string };
}

/** The platform's data folder for clplay (no "-nodejs" suffix, like the config folder). */
export function userDataDir(): string {
  return envPaths('clplay', { suffix: '' }).data;
}

/** The layout for a package at `packageRoot`; `dataDir` is asked only for an installed package. */
export function dataLayout(packageRoot: string, dataDir: () => string = userDataDir): DataLayout {
  const legacy = { saves: join(packageRoot, 'saves'), importDir: join(packageRoot, 'scenarios', 'imported') };
  // A working copy has .git (a folder, or a file in a git worktree); an npm package never does.
  if (existsSync(join(packageRoot, '.git'))) return { installed: false, saves: legacy.saves, importDir: legacy.importDir, legacy };
  const data = dataDir();
  return { installed: true, saves: join(data, 'saves'), importDir: join(data, 'scenarios', 'imported'), legacy };
}

export const PACKAGE_ROOT = findPackageRoot();
export const BUNDLED_SCENARIOS = join(PACKAGE_ROOT, 'scenarios');
export const DATA_LAYOUT = dataLayout(PACKAGE_ROOT);
export const DEFAULT_SAVES = DATA_LAYOUT.saves;
export const DEFAULT_IMPORT_DIR = DATA_LAYOUT.importDir;

/** The saves folder a command uses without --saves: CLPLAY_SAVES, else the default. Creates nothing. */
export function configuredSavesDir(env: NodeJS.ProcessEnv, cwd = process.cwd()): string {
  return env.CLPLAY_SAVES ? resolve(cwd, env.CLPLAY_SAVES) : DEFAULT_SAVES;
}
