// What git knows about the checkout: the commit, branch and tag, and the tree of a build context
// including uncommitted changes (what `docker build` would actually send).

import {copyFile, readFile, stat} from 'node:fs/promises';
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
      const rels = paths.map(p => relative(root, resolve(root, p)) || '.');
      // imagegate's own output (per-platform records) never changes the source it describes.
      const ownOutput = `:(exclude,glob)**/${DEFAULT_RECORDS_DIR}/**`;
      // A split index's shared part stays where it is (the repository); ours is written whole.
      const add = ['-c', 'core.splitIndex=false', 'add', '--all', '--', ...rels, ownOutput];
      const writeTree = async (): Promise<string | undefined> => {
        const added = await this.exec.run('git', add, {cwd: root, env});
        const written = added.exitCode === 0 ? await this.exec.run('git', ['write-tree'], {cwd: root, env}) : added;
        return written.exitCode === 0 ? written.stdout.trim() : undefined;
      };
      // The user's index as the start: its stat cache spares `git add` hashing every unchanged
      // file again (an index read from HEAD has none). When there is none, or git cannot use it
      // (a merge in progress leaves unmerged paths), HEAD, or nothing in a repository without commits.
      const copied = await userIndex(root).then(
        from => copyFile(from, env.GIT_INDEX_FILE).then(() => true),
        () => false
      );
      let tree = copied ? await writeTree() : undefined;
      if (tree === undefined) {
        await this.startIndex(root, env);
        await git(add);
        tree = (await git(['write-tree'])).trim();
      }
      // Each path's object now and in HEAD, in one batch: `<oid> <type> <size>`, or `<name> missing`.
      // Without commits, HEAD's lines answer `HEAD:… missing`: every path is then dirty.
      const specs = rels.flatMap(rel => {
        const spec = rel === '.' ? '' : rel;
        return [`${tree}:${spec}`, `HEAD:${spec}`];
      });
      const answers = (await git(['cat-file', '--batch-check=%(objectname)'], {input: `${specs.join('\n')}\n`}))
        .trim()
        .split('\n');
      return rels.map((_, i) => {
        const id = answers[i * 2]!.trim();
        const committed = answers[i * 2 + 1]!.trim();
        return {id, dirty: committed !== id};
      });
    });
  }

  /** A throwaway index holding HEAD, or nothing in a repository without commits. */
  private async startIndex(root: string, env: Record<string, string>): Promise<void> {
    const hasHead = (await this.exec.run('git', ['read-tree', 'HEAD'], {cwd: root, env})).exitCode === 0;
    if (!hasHead) await output(this.exec, 'git', ['read-tree', '--empty'], {cwd: root, env});
  }
}

/**
 * The checkout's index file, found without a git process: `$GIT_INDEX_FILE`, `.git/index`, or the
 * index in the directory a worktree's `.git` file names. Rejects when there is none.
 */
async function userIndex(root: string): Promise<string> {
  if (process.env.GIT_INDEX_FILE) return resolve(root, process.env.GIT_INDEX_FILE);
  const dotGit = join(root, '.git');
  const gitDir = (await stat(dotGit)).isDirectory()
    ? dotGit
    : resolve(root, /^gitdir:\s*(.+)$/m.exec(await readFile(dotGit, 'utf8'))?.[1]?.trim() ?? '');
  const index = join(gitDir, 'index');
  if (!(await stat(index)).isFile()) throw new Error(`${index} is not a file`);
  return index;
}
