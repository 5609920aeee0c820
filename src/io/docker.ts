// Runs the docker CLI (and its buildx plugin) with argv built in src/core/docker-args.ts.

import {lastLine} from '../core/text.js';
import {mkdtemp, rm, writeFile, readFile, mkdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {InfrastructureError} from '../core/errors.js';
import {Exec, ExecError, type ExecOptions, type ExecResult} from './exec.js';

export interface DockerOpts {
  /** A DOCKER_CONFIG directory of this run's own (credentials from the environment). */
  configDir?: string;
}

export class Docker {
  constructor(private readonly opts: DockerOpts = {}) {}

  private env(): Record<string, string> {
    // Content trust would make docker contact a notary for every reference.
    return {DOCKER_CONTENT_TRUST: 'false', ...(this.opts.configDir ? {DOCKER_CONFIG: this.opts.configDir} : {})};
  }

  /** `opts.env` adds variables for this call only (build secrets read from the environment). */
  async run(args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return Exec.run('docker', args, {...opts, env: {...opts.env, ...this.env()}});
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

export interface Credentials {
  username: string;
  password: string;
}

/**
 * A DOCKER_CONFIG of this run's own holding the user's config plus logins made from environment
 * credentials, so the user's docker config is never modified. Passwords go through stdin.
 */
export async function withLogins<T>(
  hosts: string[],
  credentials: Credentials | undefined,
  fn: (docker: Docker) => Promise<T>
): Promise<T> {
  if (!credentials) return fn(new Docker());
  const dir = await mkdtemp(join(tmpdir(), 'imagegate-docker-'));
  try {
    await mkdir(dir, {recursive: true, mode: 0o700});
    const userConfig = join(process.env.DOCKER_CONFIG ?? join(process.env.HOME ?? tmpdir(), '.docker'), 'config.json');
    const existing = await readFile(userConfig, 'utf8').catch(() => '{}');
    await writeFile(join(dir, 'config.json'), existing, {mode: 0o600});
    const docker = new Docker({configDir: dir});
    for (const host of [...new Set(hosts)]) {
      const result = await docker.run(['login', host, '--username', credentials.username, '--password-stdin'], {
        input: credentials.password
      });
      if (result.exitCode !== 0) {
        throw new InfrastructureError(
          `docker login to ${host} as ${credentials.username} failed: ${result.stderr.trim().split('\n').pop() ?? ''}; check IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD`
        );
      }
    }
    return await fn(docker);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
