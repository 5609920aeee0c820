// Runs the docker CLI (and its buildx plugin) with argv built in src/core/docker-args.ts.

import {chmod, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises';
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
    // One `docker info` answers all three: the daemon's storage driver, and the CLI plugins docker
    // found (it runs each plugin's metadata command for the list), a broken one with its error.
    const info = await this.run(['info', '--format', ENGINE_FORMAT]);
    if (info.exitCode !== 0) {
      const why = info.stderr.trim().split('\n').pop() ?? '';
      throw new InfrastructureError(
        `no Docker engine answers (${why}); start one (on this repository's machines: \`scripts/testbed up\`)`
      );
    }
    const [driver = '', ...plugins] = info.stdout.split('\n');
    if (!driver.includes('io.containerd.snapshotter')) {
      throw new InfrastructureError(
        'the Docker engine does not use the containerd image store, so it cannot keep a multi-platform image to test every platform of the exact bytes it pushes. ' +
          'Enable it with `{"features": {"containerd-snapshotter": true}}` in /etc/docker/daemon.json and restart dockerd ' +
          '(on GitHub runners: docker/setup-docker-action with that daemon-config)'
      );
    }
    const buildx = plugins.map(line => line.split('\t')).find(([name]) => name === 'buildx');
    const install = 'install the buildx CLI plugin (Debian: docker-buildx; GitHub: docker/setup-buildx-action)';
    if (!buildx) throw new InfrastructureError(`docker buildx is not installed: ${install}`);
    const broken = buildx[1]?.trim();
    if (broken) throw new InfrastructureError(`docker buildx is installed but does not run (${broken}): ${install}`);
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

/** The storage driver's status on the first line, then one `name<TAB>error` line per CLI plugin. */
const ENGINE_FORMAT =
  '{{json .DriverStatus}}{{range .ClientInfo.Plugins}}{{"\\n"}}{{.Name}}{{"\\t"}}{{if .Err}}{{.Err}}{{end}}{{end}}';

export interface Login {
  host: string;
  username: string;
  password: string;
}

export interface DockerSession {
  docker: Docker;
  /** The DOCKER_CONFIG of this run's own, when it has one (other programs that read docker's config use it too). */
  configDir?: string;
  /** Removes the run's docker config with its logins. */
  close(): Promise<void>;
}

/**
 * Docker for this run. With logins: a DOCKER_CONFIG of this run's own holding the user's config plus
 * the logins (passwords through stdin), so the user's config is never modified. Without credentials:
 * one holding the user's settings but none of its logins or helpers, so no registry, build or test
 * of the run sees a credential. Otherwise docker's own config, as it is.
 */
export async function dockerSession(opts: {
  exec: Exec;
  temp: TempDirs;
  /** The user's docker config directory. */
  userConfigDir: string;
  logins: Login[];
  /** False: no credential from the user's config either. */
  credentials: boolean;
  /** Named in the error when a login fails (where the credentials came from). */
  source: string;
}): Promise<DockerSession> {
  if (opts.credentials && !opts.logins.length)
    return {docker: new Docker({exec: opts.exec}), close: async () => undefined};
  const dir = await opts.temp.make('docker');
  const close = (): Promise<void> => rm(dir, {recursive: true, force: true});
  try {
    await chmod(dir, 0o700);
    await copyDockerConfig(opts.userConfigDir, dir, opts.credentials);
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
    return {docker, configDir: dir, close};
  } catch (e) {
    await close();
    throw e;
  }
}

const CREDENTIAL_KEYS = ['auths', 'credHelpers', 'credsStore'];

/** The user's docker config in `dir`: config.json (without its credentials unless asked), the rest (plugins, buildx builders, contexts) linked. */
async function copyDockerConfig(userDir: string, dir: string, credentials: boolean): Promise<void> {
  const text = await readFile(join(userDir, 'config.json'), 'utf8').catch(() => '{}');
  let config = text;
  if (!credentials) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = {};
    }
    const kept = doc && typeof doc === 'object' && !Array.isArray(doc) ? {...(doc as Record<string, unknown>)} : {};
    for (const key of CREDENTIAL_KEYS) delete kept[key];
    config = JSON.stringify(kept);
  }
  await writeFile(join(dir, 'config.json'), config, {mode: 0o600});
  const entries = await readdir(userDir).catch(() => [] as string[]);
  for (const entry of entries.filter(e => e !== 'config.json'))
    await symlink(join(userDir, entry), join(dir, entry)).catch(() => undefined);
}
