// Temporary git checkouts of the examples, each publishing under a registry namespace of its own
// on the testbed's registry so that tests never see each other's pushes.
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {ROOT} from '../../helpers/root.js';
import {testbed} from './testbed.js';

export {ROOT};

export interface TempRepo {
  dir: string;
  namespace: string;
  git: (...args: string[]) => string;
  write: (path: string, text: string) => void;
  commit: (message?: string) => void;
}

/**
 * Copies examples/<name> into a fresh git repository. The examples' `registry: localhost:5000/acme`
 * becomes the testbed's registry (TESTBED_REGISTRY) with a unique namespace.
 */
export function exampleRepo(name: string, edit: (config: string) => string = c => c): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), `imagegate-${name}-`));
  cpSync(join(ROOT, 'examples', name), dir, {recursive: true});
  return initRepo(dir, edit);
}

/** A fresh git repository holding the given files; `.imagegate.yml` is rewritten as for exampleRepo. */
export function filesRepo(files: Record<string, string>, edit: (config: string) => string = c => c): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-repo-'));
  for (const [path, text] of Object.entries(files)) {
    execFileSync('mkdir', ['-p', dirname(join(dir, path))]);
    writeFileSync(join(dir, path), text, {mode: path.endsWith('.sh') || path.includes('/bin/') ? 0o755 : 0o644});
  }
  return initRepo(dir, edit);
}

function initRepo(dir: string, edit: (config: string) => string): TempRepo {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const configPath = join(dir, '.imagegate.yml');
  const config = readFileSync(configPath, 'utf8').replace(
    /^registry: localhost:5000\/acme/m,
    `registry: ${testbed().registry}/${namespace}`
  );
  writeFileSync(configPath, edit(config));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {cwd: dir, encoding: 'utf8'}).trim();
  git('init', '-q', '-b', 'main');
  const repo: TempRepo = {
    dir,
    namespace,
    git,
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), {recursive: true});
      writeFileSync(join(dir, path), text);
    },
    commit: (message = 'change') => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    }
  };
  repo.commit('initial');
  return repo;
}
