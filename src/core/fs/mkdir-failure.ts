// Why a folder could not be made, in words. Node's recursive mkdir reports ENOENT for a folder on
// a read-only file system (it retries the parent and keeps the first error), which tells a person
// nothing. The nearest missing folder is tried again on its own, which yields the real cause
// (EROFS, EACCES, ENOSPC, ...).
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

function nearestExisting(dir: string): { existing: string; firstMissing?: string } {
  let p = dir;
  let missing: string | undefined;
  while (!existsSync(p)) {
    missing = p;
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  return { existing: p, firstMissing: missing };
}

function codeOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** One phrase: what stopped `dir` from being created (or used), from the error mkdir gave. */
export function describeMkdirFailure(dir: string, err: unknown): string {
  let code = codeOf(err);
  const { existing, firstMissing } = nearestExisting(dir);
  if (code === 'ENOENT' && firstMissing) {
    try {
      mkdirSync(firstMissing);
      rmdirSync(firstMissing); // it could be made after all: leave nothing behind
    } catch (again) {
      code = codeOf(again) ?? code;
    }
  }
  if (existing !== dir && existsSync(existing) && !statSync(existing).isDirectory()) return `${existing} is a file, not a folder`;
  switch (code) {
    case 'EROFS':
      return `${existing} is on a read-only file system`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (cannot create folders in ${existing})`;
    case 'EEXIST':
    case 'ENOTDIR':
      return 'it is a file, not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOENT':
      return `a folder on the way does not exist and cannot be created (in ${existing})`;
    default:
      return code ?? String((err as Error)?.message ?? err);
  }
}
