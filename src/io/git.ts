// What git knows about the checkout: the commit, branch and tag, and the tree of a build context
// including uncommitted changes (what `docker build` would actually send).

import {relative, resolve, join} from 'node:path';
import {DEFAULT_RECORDS_DIR} from '../core/split.js';
import {output, type Exec} from '../exec/exec.js';
import type {TempDirs} from './temp.js';

export interface LocalGit {
  root: string;
  sha?: string;
  branch?: string;
  tag?: string;
}

export interface ContentHash {
  /** Git object id of the directory's tree (or the file's blob), uncommitted changes included. */
  id: string;
  /** True when it differs from what HEAD holds. */
  dirty: boolean;
}

export interface GitReader {
  /** The checkout holding `cwd`, or undefined outside a git repository. */
  read(cwd: string): Promise<LocalGit | undefined>;
  /** The content hash of each path (inside `root`) as git would commit it now. */
  hashPaths(root: string, paths: string[]): Promise<ContentHash[]>;
}

export class Git implements GitReader {
  constructor(
    private readonly exec: Exec,
    private readonly temp: TempDirs
  ) {}

  async read(cwd: string): Promise<LocalGit | undefined> {
    const git = (args: string[]) => this.exec.run('git', args, {cwd});
    const top = await git(['rev-parse', '--show-toplevel']);
    if (top.exitCode !== 0) return undefined;
    const facts: LocalGit = {root: top.stdout.trim()};
    const sha = await git(['rev-parse', '--verify', '--quiet', 'HEAD']);
    if (sha.exitCode === 0) facts.sha = sha.stdout.trim();
    const branch = await git(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    if (branch.exitCode === 0) facts.branch = branch.stdout.trim();
    if (facts.sha) {
      const tags = await git(['tag', '--points-at', 'HEAD', '--sort=-version:refname']);
      const tag = tags.stdout
        .split('\n')
        .map(t => t.trim())
        .find(Boolean);
      if (tag) facts.tag = tag;
    }
    return facts;
  }

  /**
   * Hashes the current content of paths the way git would commit it (tracked and untracked files,
   * .gitignore respected), without touching the user's index: a throwaway index is used.
   */
  hashPaths(root: string, paths: string[]): Promise<ContentHash[]> {
    return this.temp.with('index', async dir => {
      const env = {GIT_INDEX_FILE: join(dir, 'index')};
      const git = (args: string[], withIndex = true) =>
        output(this.exec, 'git', args, {cwd: root, ...(withIndex ? {env} : {})});
      const head = await this.exec.run('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{tree}'], {cwd: root});
      const hasHead = head.exitCode === 0;
      await git(hasHead ? ['read-tree', 'HEAD'] : ['read-tree', '--empty']);
      const rels = paths.map(p => relative(root, resolve(root, p)) || '.');
      // imagegate's own output (per-platform records) never changes the source it describes.
      const ownOutput = `:(exclude,glob)**/${DEFAULT_RECORDS_DIR}/**`;
      await git(['add', '--all', '--', ...rels, ownOutput]);
      const tree = (await git(['write-tree'])).trim();
      const hashes: ContentHash[] = [];
      for (const rel of rels) {
        const spec = rel === '.' ? '' : rel;
        const id = (await git(['rev-parse', `${tree}:${spec}`], false)).trim();
        const committed = hasHead
          ? await this.exec.run('git', ['rev-parse', '--verify', '--quiet', `HEAD:${spec}`], {cwd: root})
          : undefined;
        hashes.push({id, dirty: committed?.stdout.trim() !== id});
      }
      return hashes;
    });
  }
}
