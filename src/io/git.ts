// What git knows about the checkout: the commit, branch and tag, and the tree of a build context
// including uncommitted changes (what `docker build` would actually send).

import {DEFAULT_RECORDS_DIR} from '../core/split.js';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, relative, resolve} from 'node:path';
import {Exec} from './exec.js';

export interface LocalGit {
  root: string;
  sha?: string;
  branch?: string;
  tag?: string;
}

export async function readLocalGit(cwd: string): Promise<LocalGit | undefined> {
  const top = await Exec.run('git', ['rev-parse', '--show-toplevel'], {cwd});
  if (top.exitCode !== 0) return undefined;
  const facts: LocalGit = {root: top.stdout.trim()};
  const sha = await Exec.run('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], {cwd});
  if (sha.exitCode === 0) facts.sha = sha.stdout.trim();
  const branch = await Exec.run('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], {cwd});
  if (branch.exitCode === 0) facts.branch = branch.stdout.trim();
  if (facts.sha) {
    const tags = await Exec.run('git', ['tag', '--points-at', 'HEAD', '--sort=-version:refname'], {cwd});
    const tag = tags.stdout
      .split('\n')
      .map(t => t.trim())
      .find(Boolean);
    if (tag) facts.tag = tag;
  }
  return facts;
}

export interface ContentHash {
  /** Git object id of the directory's tree (or the file's blob), uncommitted changes included. */
  id: string;
  /** True when it differs from what HEAD holds. */
  dirty: boolean;
}

/**
 * Hashes the current content of paths inside a git checkout the way git would commit it (tracked and
 * untracked files, .gitignore respected), without touching the user's index: a throwaway index is used.
 */
export async function hashWorktreePaths(root: string, paths: string[]): Promise<ContentHash[]> {
  const dir = await mkdtemp(join(tmpdir(), 'imagegate-index-'));
  const env = {GIT_INDEX_FILE: join(dir, 'index')};
  try {
    const head = await Exec.run('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{tree}'], {cwd: root});
    const hasHead = head.exitCode === 0;
    await Exec.output('git', hasHead ? ['read-tree', 'HEAD'] : ['read-tree', '--empty'], {cwd: root, env});
    const rels = paths.map(p => relative(root, resolve(root, p)) || '.');
    // imagegate's own output (per-platform records) never changes the source it describes.
    const ownOutput = `:(exclude,glob)**/${DEFAULT_RECORDS_DIR}/**`;
    await Exec.output('git', ['add', '--all', '--', ...rels, ownOutput], {cwd: root, env});
    const tree = (await Exec.output('git', ['write-tree'], {cwd: root, env})).trim();
    const hashes: ContentHash[] = [];
    for (const rel of rels) {
      const spec = rel === '.' ? '' : rel;
      const id = (await Exec.output('git', ['rev-parse', `${tree}:${spec}`], {cwd: root})).trim();
      const committed = hasHead
        ? await Exec.run('git', ['rev-parse', '--verify', '--quiet', `HEAD:${spec}`], {cwd: root})
        : undefined;
      hashes.push({id, dirty: committed?.stdout.trim() !== id});
    }
    return hashes;
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
