// The content identity of a build context: what git would commit now (tracked, untracked, deleted,
// .gitignore respected), computed on a copy of the user's index, never touching it; real git.
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ProcessExec} from '../../src/exec/exec.js';
import {Git} from '../../src/io/git.js';
import {TempDirs} from '../../src/io/temp.js';

let dir: string;
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t'
};
const git = (args: string[], cwd = dir): string => execFileSync('git', args, {cwd, env, encoding: 'utf8'}).trim();
const exec = new ProcessExec({env, output: () => ({write: () => undefined, end: () => undefined})});
const reader = (): Git => new Git(exec, new TempDirs(tmpdir()));

/** The tree id of `path` after committing everything in a scratch clone of the work tree. */
function committedId(path: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'imagegate-git-expect-'));
  try {
    execFileSync('cp', ['-a', `${dir}/.`, copy]);
    git(['add', '--all'], copy);
    return git(['rev-parse', `${git(['write-tree'], copy)}:${path}`], copy);
  } finally {
    rmSync(copy, {recursive: true, force: true});
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imagegate-git-'));
  git(['init', '-q']);
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app/Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(dir, 'app/main.sh'), 'echo hi\n');
  writeFileSync(join(dir, '.gitignore'), 'app/*.log\n');
  writeFileSync(join(dir, 'other.txt'), 'x\n');
});

afterEach(() => rmSync(dir, {recursive: true, force: true}));

describe('Git.hashPaths', () => {
  it('a clean context is HEAD’s tree, not dirty; the user’s index is left as it was', async () => {
    git(['add', '--all']);
    git(['commit', '-qm', 'one']);
    const index = readFileSync(join(dir, '.git/index'));
    const [hash] = await reader().hashPaths(dir, ['app']);
    expect(hash).toEqual({id: git(['rev-parse', 'HEAD:app']), dirty: false});
    expect(readFileSync(join(dir, '.git/index')).equals(index)).toBe(true);
  });

  it('changed, new and deleted files count, ignored ones do not, and nothing is staged', async () => {
    git(['add', '--all']);
    git(['commit', '-qm', 'one']);
    writeFileSync(join(dir, 'app/main.sh'), 'echo changed\n');
    writeFileSync(join(dir, 'app/new.sh'), 'new\n');
    unlinkSync(join(dir, 'app/Dockerfile'));
    writeFileSync(join(dir, 'app/debug.log'), 'ignored\n');
    const [hash] = await reader().hashPaths(dir, ['app']);
    expect(hash).toEqual({id: committedId('app'), dirty: true});
    expect(git(['status', '--porcelain'])).toBe('D app/Dockerfile\n M app/main.sh\n?? app/new.sh'); // trimmed: the first line's leading space
  });

  it('a file path, and the whole repository (.)', async () => {
    git(['add', '--all']);
    git(['commit', '-qm', 'one']);
    writeFileSync(join(dir, 'other.txt'), 'y\n');
    const [file, all] = await reader().hashPaths(dir, ['app/Dockerfile', '.']);
    expect(file).toEqual({id: git(['rev-parse', 'HEAD:app/Dockerfile']), dirty: false});
    expect(all!.dirty).toBe(true);
    expect(all!.id).toBe(committedId(''));
  });

  it('a repository without commits: every path is dirty', async () => {
    const [hash] = await reader().hashPaths(dir, ['app']);
    expect(hash).toEqual({id: committedId('app'), dirty: true});
    expect(statSync(join(dir, '.git')).isDirectory()).toBe(true);
  });

  it('a merge in progress (unmerged paths elsewhere) still hashes the context, from HEAD', async () => {
    git(['add', '--all']);
    git(['commit', '-qm', 'one']);
    git(['checkout', '-qb', 'side']);
    writeFileSync(join(dir, 'other.txt'), 'side\n');
    git(['commit', '-qam', 'side']);
    git(['checkout', '-q', '-']);
    writeFileSync(join(dir, 'other.txt'), 'main\n');
    git(['commit', '-qam', 'main']);
    expect(() => git(['merge', '-q', 'side'])).toThrow();
    const [hash] = await reader().hashPaths(dir, ['app']);
    expect(hash).toEqual({id: git(['rev-parse', 'HEAD:app']), dirty: false});
  });

  it('a linked worktree (a .git file) uses its own index', async () => {
    git(['add', '--all']);
    git(['commit', '-qm', 'one']);
    const linked = join(dir, '..', `${dir.split('/').pop()}-linked`);
    git(['worktree', 'add', '-q', linked]);
    try {
      writeFileSync(join(linked, 'app/main.sh'), 'echo linked\n');
      const [hash] = await reader().hashPaths(linked, ['app']);
      expect(hash!.dirty).toBe(true);
      const [main] = await reader().hashPaths(dir, ['app']);
      expect(main).toEqual({id: git(['rev-parse', 'HEAD:app']), dirty: false});
    } finally {
      rmSync(linked, {recursive: true, force: true});
    }
  });
});
