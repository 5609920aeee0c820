// Where paths of the configuration really lead: symbolic links followed, and the repository that
// holds the configuration file, found without running git.

import {lstat, realpath} from 'node:fs/promises';
import {basename, dirname, isAbsolute, join, relative, sep} from 'node:path';

/**
 * The path with every symbolic link followed. A path that does not exist (yet) keeps its missing
 * tail on the real path of its deepest existing ancestor, so a link above it is still followed.
 */
export async function physicalPath(path: string): Promise<string> {
  const tail: string[] = [];
  for (let head = path; ; head = dirname(head)) {
    const real = await realpath(head).catch(() => undefined);
    if (real !== undefined) return join(real, ...tail.reverse());
    if (dirname(head) === head) return path;
    tail.push(basename(head));
  }
}

/**
 * The repository holding `dir`: the nearest directory at or above it with a `.git` (the directory
 * of a checkout, or the file of a worktree or submodule) — the top level git itself reports —
 * else `dir` itself. Both are real paths.
 */
export async function repositoryRoot(dir: string): Promise<string> {
  const start = await physicalPath(dir);
  for (let at = start; ; at = dirname(at)) {
    if (await lstat(join(at, '.git')).catch(() => undefined)) return at;
    if (dirname(at) === at) return start;
  }
}

/** True when `path` is `root` or below it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
