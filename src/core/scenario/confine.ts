// A scenario may read files only from its own folder. Scenario packs are downloaded and shared,
// so a `contextFile` naming /proc/self/environ, ~/.ssh/id_ed25519, ../secret.txt or a symlink
// out of the folder would otherwise be read and sent to a model. The path is resolved with
// symlinks followed (realpath) and must land on a regular file inside the scenario's folder.
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { readRegularFileCapped } from '../fs/read-capped.js';
import { formatBytes } from '../limits.js';
import { quote } from './problem.js';

export type ConfinedRead = { bytes: Buffer; path: string } | { error: string; path?: string };


function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Reads `given` (as written in the scenario file `scenarioFile`) if it names a regular file inside
 * the scenario's folder, at most `cap` bytes. `what` names the field for messages.
 */
export async function readConfined(scenarioFile: string, given: string, cap: number, what = 'contextFile'): Promise<ConfinedRead> {
  const folder = dirname(resolve(scenarioFile));
  const relHint = `${what} must be a path relative to the scenario file, inside its folder`;
  if (given.includes('\0')) return { error: `${quote(given)} holds a NUL character; ${relHint}` };
  if (given.startsWith('~')) return { error: `${quote(given)} starts with "~", which is not expanded; ${relHint}` };
  if (isAbsolute(given) || /^[A-Za-z]:/.test(given) || given.startsWith('\\')) {
    return { error: `${quote(given)} is an absolute path; ${relHint}` };
  }
  const lexical = resolve(folder, given);
  if (!inside(folder, lexical)) return { error: `${quote(given)} leads outside the scenario's folder; ${relHint}` };
  let root: string;
  let real: string;
  try {
    root = await realpath(folder);
    real = await realpath(lexical);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { error: `${quote(given)} not found (looked for ${lexical}; the path is relative to the scenario file)`, path: lexical };
    }
    if (code === 'ELOOP') return { error: `${quote(given)} is a symlink loop`, path: lexical };
    return { error: `cannot read ${quote(given)}: ${(err as Error).message}`, path: lexical };
  }
  if (!inside(root, real)) {
    return { error: `${quote(given)} is a symlink to ${real}, outside the scenario's folder; ${relHint}`, path: lexical };
  }
  // `real` has no symlinks left: O_NOFOLLOW refuses one swapped in since.
  const r = await readRegularFileCapped(real, cap, { noFollow: true });
  if ('bytes' in r) return { bytes: r.bytes, path: real };
  switch (r.error) {
    case 'not-regular':
      return { error: `${quote(given)} is ${r.kind}; ${what} names a regular text file`, path: real };
    case 'too-large':
      return {
        error: `${quote(given)} is ${r.size !== undefined ? formatBytes(r.size) : `larger than ${formatBytes(cap)}`}; a context file may be at most ${formatBytes(cap)} (the setting limits.scenarioMB)`,
        path: real,
      };
    default: {
      const code = r.cause.code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : r.cause.message;
      return { error: `cannot read ${quote(given)}: ${why}`, path: real };
    }
  }
}
