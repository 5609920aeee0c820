// gitlab-ci-local, the GitLab CI client our pipeline tests run (Node 22, shell executor), and git in
// the temporary project it runs in. The directory is known only once the test's beforeAll made it.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {ROOT} from './repo.js';

export const GCL = join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js');

export interface Pipeline {
  code: number;
  output: string;
}

export function gitIn(dir: () => string): (...args: string[]) => string {
  return (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {cwd: dir(), encoding: 'utf8'});
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
}

/** Runs gitlab-ci-local in the project with CI variables set (`--variable`) or removed (`--unset-variable`). */
export function gitlabCiLocal(opts: {
  dir: () => string;
  node22: () => string;
  /** Put first on PATH: where the test's `imagegate` wrapper lives. */
  bin: () => string;
  variables: Record<string, string>;
  passEnv?: string[];
}): (args: string[], variables: Record<string, string>, unset?: string[]) => Pipeline {
  return (args, variables, unset = []) => {
    const argv = [GCL, '--force-shell-executor', '--variable', 'GITLAB_CI=true'];
    for (const [key, value] of Object.entries({...opts.variables, ...variables}))
      argv.push('--variable', `${key}=${value}`);
    for (const name of unset) argv.push('--unset-variable', name);
    const env: Record<string, string> = {PATH: `${opts.bin()}:${process.env.PATH}`, HOME: process.env.HOME ?? '/root'};
    for (const key of ['NODE_EXTRA_CA_CERTS', 'DOCKER_HOST', 'DOCKER_CONFIG', ...(opts.passEnv ?? [])])
      if (process.env[key]) env[key] = process.env[key]!;
    const r = spawnSync(opts.node22(), [...argv, ...args], {
      cwd: opts.dir(),
      env,
      encoding: 'utf8',
      maxBuffer: 64 << 20
    });
    return {code: r.status ?? -1, output: `${r.stdout}${r.stderr}`};
  };
}
