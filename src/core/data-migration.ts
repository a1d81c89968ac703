// Moving data an older clplay kept inside the installed package (PACKAGE_ROOT/saves,
// PACKAGE_ROOT/scenarios/imported) to the user's data folder, so the next upgrade cannot delete
// it. Runs on every start of an installed clplay but costs one existsSync per folder once the
// old folders are empty or gone; it says what it moved, once, and never overwrites: an entry
// whose name is already taken in the new folder stays where it is (and is reported if it
// differs).
import { cp, readdir, readFile, rename, rm, rmdir, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataLayout } from './paths.js';

export interface MigrationReport {
  what: 'saved runs' | 'imported scenario files';
  from: string;
  to: string;
  moved: number;
  /** Entries left in the old folder because the name is taken by different content. */
  leftBehind: string[];
}

async function sameContent(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    if (sa.isDirectory() || sb.isDirectory()) return sa.isDirectory() && sb.isDirectory();
    if (sa.size !== sb.size) return false;
    return (await readFile(a)).equals(await readFile(b));
  } catch {
    return false;
  }
}

/** Moves an entry; across file systems (EXDEV) or out of a read-only package, copies it. */
async function moveEntry(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw err;
    await cp(from, to, { recursive: true, errorOnExist: true, force: false });
    // The copy is what counts; an old folder we may not write to keeps its (now duplicate) files.
    await rm(from, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function migrateFolder(what: MigrationReport['what'], from: string, to: string): Promise<MigrationReport | undefined> {
  if (!existsSync(from)) return undefined;
  let names: string[];
  try {
    names = (await readdir(from)).filter((n) => !n.startsWith('.'));
  } catch {
    return undefined;
  }
  if (names.length === 0) {
    await rmdir(from).catch(() => undefined);
    return undefined;
  }
  const report: MigrationReport = { what, from, to, moved: 0, leftBehind: [] };
  await mkdir(to, { recursive: true });
  for (const name of names) {
    const src = join(from, name);
    const dst = join(to, name);
    if (existsSync(dst)) {
      // Copied on an earlier start from a package we could not delete from: already done.
      if (!(await sameContent(src, dst))) report.leftBehind.push(name);
      continue;
    }
    try {
      await moveEntry(src, dst);
      report.moved++;
    } catch {
      report.leftBehind.push(name);
    }
  }
  await rmdir(from).catch(() => undefined);
  return report.moved > 0 || report.leftBehind.length > 0 ? report : undefined;
}

/** Moves old in-package data of an installed clplay; one report per folder that had any. */
export async function migrateLegacyData(layout: DataLayout): Promise<MigrationReport[]> {
  if (!layout.installed) return [];
  const out: MigrationReport[] = [];
  const saves = await migrateFolder('saved runs', layout.legacy.saves, layout.saves);
  if (saves) out.push(saves);
  const imported = await migrateFolder('imported scenario files', layout.legacy.importDir, layout.importDir);
  if (imported) out.push(imported);
  return out;
}

/** The line a person reads about one migration. */
export function describeMigration(r: MigrationReport): string {
  const parts: string[] = [];
  if (r.moved > 0) {
    parts.push(`moved ${r.moved} ${r.moved === 1 ? r.what.replace(/s$/, '') : r.what} from ${r.from} to ${r.to}, where upgrades cannot delete them`);
  }
  if (r.leftBehind.length > 0) {
    const shown = r.leftBehind.slice(0, 3).join(', ');
    parts.push(`left ${r.leftBehind.length} in ${r.from} because ${r.to} already holds different files of the same name (${shown}${r.leftBehind.length > 3 ? ', ...' : ''}); compare and move them by hand`);
  }
  return parts.join('; ');
}
