// Runs the docker CLI (and its buildx plugin) with argv built in src/core/docker-args.ts.

import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {InfrastructureError} from '../core/errors.js';
import {lastLine} from '../core/text.js';
import {ExecError, type Exec, type ExecOptions, type ExecResult} from '../exec/exec.js';
import type {TempDirs} from './temp.js';

export interface DockerOpts {
  exec: Exec;
  /** A DOCKER_CONFIG directory of this run's own (with the run's logins), else docker's default. */
  configDir?: string;
}

export class Docker {
  constructor(private readonly opts: DockerOpts) {}

  /** `opts.env` adds variables for this call only (build secrets read from the environment). */
  async run(args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    // Content trust would make docker contact a notary for every reference.
    const env = {DOCKER_CONTENT_TRUST: 'false', ...(this.opts.configDir ? {DOCKER_CONFIG: this.opts.configDir} : {})};
    return this.opts.exec.run('docker', args, {...opts, env: {...opts.env, ...env}});
  }

  async output(args: readonly string[], opts: ExecOptions = {}): Promise<string> {
    const result = await this.run(args, opts);
    if (result.exitCode !== 0) throw new ExecError('docker', args, result);
    return result.stdout;
  }

  /** The engine answers, keeps multi-platform images (containerd store), and buildx is there. */
  async requireEngine(): Promise<void> {
    const [info, buildx] = await Promise.all([
      this.run(['info', '--format', '{{json .DriverStatus}}']),
      this.run(['buildx', 'version'])
    ]);
    if (info.exitCode !== 0) {
      const why = info.stderr.trim().split('\n').pop() ?? '';
      throw new InfrastructureError(
        `no Docker engine answers (${why}); start one (on this repository's machines: \`scripts/testbed up\`)`
      );
    }
    if (!info.stdout.includes('io.containerd.snapshotter')) {
      throw new InfrastructureError(
        'the Docker engine does not use the containerd image store, so it cannot keep a multi-platform image to test every platform of the exact bytes it pushes. ' +
          'Enable it with `{"features": {"containerd-snapshotter": true}}` in /etc/docker/daemon.json and restart dockerd ' +
          '(on GitHub runners: docker/setup-docker-action with that daemon-config)'
      );
    }
    if (buildx.exitCode !== 0) {
      throw new InfrastructureError(
        'docker buildx is not installed: install the buildx CLI plugin (Debian: docker-buildx; GitHub: docker/setup-buildx-action)'
      );
    }
  }

  /** A named buildx builder (remote, kubernetes, docker-container) must exist before a build is sent to it. */
  async requireBuilder(name: string): Promise<void> {
    const inspect = await this.run(['buildx', 'inspect', name]);
    if (inspect.exitCode !== 0) {
      throw new InfrastructureError(
        `buildx builder \`${name}\` is not usable (${lastLine(inspect.stderr)}); create it first (\`docker buildx create --name ${name} …\`) or list them with \`docker buildx ls\``
      );
    }
  }
}

export interface Login {
  host: string;
  username: string;
  password: string;
}

export interface LoggedInDocker {
  docker: Docker;
  /** Removes the run's docker config with its logins. */
  close(): Promise<void>;
}

/**
 * A DOCKER_CONFIG of this run's own holding the user's config plus the run's logins, so the user's
 * docker config is never modified. Passwords go through stdin. Without logins, docker's own config.
 */
export async function loggedInDocker(opts: {
  exec: Exec;
  temp: TempDirs;
  /** The user's docker config directory, copied into the run's own. */
  userConfigDir: string;
  logins: Login[];
  /** Named in the error when a login fails (where the credentials came from). */
  source: string;
}): Promise<LoggedInDocker> {
  if (!opts.logins.length) return {docker: new Docker({exec: opts.exec}), close: async () => undefined};
  const dir = await opts.temp.make('docker');
  try {
    await mkdir(dir, {recursive: true, mode: 0o700});
    const existing = await readFile(join(opts.userConfigDir, 'config.json'), 'utf8').catch(() => '{}');
    await writeFile(join(dir, 'config.json'), existing, {mode: 0o600});
    const docker = new Docker({exec: opts.exec, configDir: dir});
    for (const login of opts.logins) {
      const result = await docker.run(['login', login.host, '--username', login.username, '--password-stdin'], {
        input: login.password
      });
      if (result.exitCode !== 0)
        throw new InfrastructureError(
          `docker login to ${login.host} as ${login.username} failed: ${lastLine(result.stderr)}; check ${opts.source}`
        );
    }
    return {docker, close: () => rm(dir, {recursive: true, force: true})};
  } catch (e) {
    await rm(dir, {recursive: true, force: true});
    throw e;
  }
}
