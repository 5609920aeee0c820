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
  /** Every tag of the repository (release aliases such as `latest` move only for the highest release). */
  releases?: string[];
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
    // One call for the root, the branch and the commit (a repository without commits answers only
    // the root), side by side with every tag and the commit it points at (peeled for annotated
    // tags), highest version first.
    const [facts, tags] = await Promise.all([
      this.exec.run('git', ['rev-parse', '--show-toplevel', 'HEAD', '--abbrev-ref', 'HEAD'], {cwd}),
      this.exec.run(
        'git',
        [
          'for-each-ref',
          '--sort=-version:refname',
          '--format=%(refname:short) %(objectname) %(*objectname)',
          'refs/tags'
        ],
        {cwd}
      )
    ]);
    const [root, sha, branch] = facts.stdout.split('\n').map(l => l.trim());
    if (facts.exitCode !== 0) {
      const top = await this.exec.run('git', ['rev-parse', '--show-toplevel'], {cwd});
      return top.exitCode === 0 ? {root: top.stdout.trim()} : undefined;
    }
    const local: LocalGit = {root: root!};
    if (sha) local.sha = sha;
    if (branch && branch !== 'HEAD') local.branch = branch;
    const listed = tags.stdout
      .split('\n')
      .map(line => line.trim().split(' '))
      .filter(([name]) => !!name);
    const tag = listed.find(([, object, peeled]) => (peeled || object) === sha)?.[0];
    if (tag) local.tag = tag;
    if (tags.exitCode === 0) local.releases = listed.map(([name]) => name!);
    return local;
  }

  /**
   * Hashes the current content of paths the way git would commit it (tracked and untracked files,
   * .gitignore respected), without touching the user's index: a throwaway index is used.
   */
  hashPaths(root: string, paths: string[]): Promise<ContentHash[]> {
    if (!paths.length) return Promise.resolve([]);
    return this.temp.with('index', async dir => {
      const env = {GIT_INDEX_FILE: join(dir, 'index')};
      const git = (args: string[], opts: {input?: string} = {}) =>
        output(this.exec, 'git', args, {cwd: root, env, ...opts});
      // A repository without commits has no HEAD to start the index from.
      const hasHead = (await this.exec.run('git', ['read-tree', 'HEAD'], {cwd: root, env})).exitCode === 0;
      if (!hasHead) await git(['read-tree', '--empty']);
      const rels = paths.map(p => relative(root, resolve(root, p)) || '.');
      // imagegate's own output (per-platform records) never changes the source it describes.
      const ownOutput = `:(exclude,glob)**/${DEFAULT_RECORDS_DIR}/**`;
      await git(['add', '--all', '--', ...rels, ownOutput]);
      const tree = (await git(['write-tree'])).trim();
      // Each path's object now and in HEAD, in one batch: `<oid> <type> <size>`, or `<name> missing`.
      const specs = rels.flatMap(rel => {
        const spec = rel === '.' ? '' : rel;
        return [`${tree}:${spec}`, ...(hasHead ? [`HEAD:${spec}`] : [])];
      });
      const answers = (await git(['cat-file', '--batch-check=%(objectname)'], {input: `${specs.join('\n')}\n`}))
        .trim()
        .split('\n');
      const step = hasHead ? 2 : 1;
      return rels.map((_, i) => {
        const id = answers[i * step]!.trim();
        const committed = hasHead ? answers[i * step + 1]!.trim() : undefined;
        return {id, dirty: committed !== id};
      });
    });
  }
}
