// The composition root: from the run environment and the host's log, the clients of one run are
// built here and nowhere else — one program runner, one credential store for docker logins, the
// registry client and cosign alike, one transport, one docker session, the builders and the test
// runner — and handed to the use cases as Services.

import type {Connection, ConnectScope, Services} from '../app/services.js';
import type {Engine} from '../core/engine.js';
import {ProcessExec, type Exec} from '../exec/exec.js';
import type {RunEnvironment} from '../host/environment.js';
import type {Log} from '../host/host.js';
import {BuildpacksBuilder} from '../io/buildpacks/builder.js';
import {keylessIdentityOf} from '../core/cosign-args.js';
import {CosignSigner} from '../io/cosign.js';
import {dockerSession, type DockerSession} from '../io/docker.js';
import {DockerfileBuilder} from '../io/dockerfile-builder.js';
import {DockerEngine} from '../io/engine.js';
import {Git} from '../io/git.js';
import {TempDirs} from '../io/temp.js';
import {TestRunner} from '../io/test-runner.js';
import {ToolInstaller} from '../io/tool-install.js';
import {RegistryClient} from '../registry/client.js';
import {CredentialStore, ENV_PASSWORD, environmentHostLogins, isHostPasswordVariable} from '../registry/credentials.js';
import {RegistryTransport} from '../registry/transport.js';

export interface ComposeOptions {
  env: RunEnvironment;
  log: Log;
  /** Where QEMU's binfmt_misc handlers are looked for (tests point it at a directory of their own). */
  binfmtDir?: string;
}

export function composeServices({env, log, binfmtDir}: ComposeOptions): Services {
  const temp = new TempDirs(env.tempRoot);
  const exec = new ProcessExec({env: childEnvironment(env), output: () => log.block(), trace: env.trace});
  const installer = new ToolInstaller({
    exec,
    temp,
    cache: env.toolCache,
    log: line => log.info(line),
    path: env.path,
    ...(env.packBaseUrl ? {packBaseUrl: env.packBaseUrl} : {})
  });
  return {
    log,
    env,
    git: new Git(exec, temp),
    installer,
    connect: scope => connect({env, log, exec, temp, installer, ...(binfmtDir ? {binfmtDir} : {})}, scope)
  };
}

/**
 * What programs imagegate starts inherit: the run's environment, with temporary files in the run's
 * own directory, and without the action's inputs or the explicit registry password (logins reach
 * docker through stdin, cosign through a config file of its own).
 */
function childEnvironment(env: RunEnvironment): Record<string, string | undefined> {
  return Object.fromEntries([
    ...Object.entries(env.variables).filter(
      ([name]) => !name.startsWith('INPUT_') && name !== ENV_PASSWORD && !isHostPasswordVariable(name)
    ),
    ['TMPDIR', env.tempRoot]
  ]);
}

interface Parts {
  env: RunEnvironment;
  log: Log;
  exec: Exec;
  temp: TempDirs;
  installer: ToolInstaller;
  binfmtDir?: string;
}

function connect({env, log, exec, temp, installer, binfmtDir}: Parts, scope: ConnectScope): Connection {
  // An anonymous run reads neither the explicit login nor docker's config: no credential exists for it.
  const credentials = new CredentialStore({
    ...(scope.anonymous
      ? {}
      : {
          login: env.login,
          hostLogins: env.hostLogins ?? environmentHostLogins(env.variables, scope.explicitHosts),
          dockerConfigDir: env.dockerConfigDir
        }),
    explicitHosts: scope.anonymous ? [] : scope.explicitHosts,
    path: env.path,
    exec
  });
  credentials.secrets().forEach(secret => log.mask(secret));
  const transport = new RegistryTransport({
    credentials,
    onSecret: secret => log.mask(secret),
    userAgent: 'imagegate',
    trustedRealms: env.trustedRealms
  });
  const registry = new RegistryClient(transport);
  let session: Promise<DockerSession> | undefined;
  const engines = new Map<string, Promise<Engine>>();

  const openEngine = async (buildxBuilder: string | undefined): Promise<Engine> => {
    session ??= dockerSession({
      exec,
      temp,
      userConfigDir: env.dockerConfigDir,
      logins: credentials.logins(),
      credentials: !scope.anonymous,
      source: credentials.loginSettings()
    });
    const {docker, configDir} = await session;
    await docker.requireEngine();
    if (buildxBuilder) await docker.requireBuilder(buildxBuilder);
    return new DockerEngine({
      docker,
      log,
      dockerfile: new DockerfileBuilder({
        docker,
        log,
        temp,
        variable: name => env.variables[name],
        githubCache: env.githubCache,
        ...(scope.environmentSecrets ? {secretsRefused: scope.environmentSecrets.refused} : {}),
        ...(scope.anonymous ? {credentialNote: scope.anonymous.why} : {}),
        ...(env.sourceDateEpoch !== undefined ? {sourceDateEpoch: env.sourceDateEpoch} : {}),
        ...(buildxBuilder ? {builder: buildxBuilder} : {})
      }),
      buildpacks: new BuildpacksBuilder({
        exec,
        docker,
        log,
        temp,
        client: registry,
        credentials,
        installer,
        buildRegistry: env.buildRegistry,
        ...(configDir ? {dockerConfigDir: configDir} : {})
      }),
      tests: new TestRunner({
        docker,
        log,
        temp,
        ...(binfmtDir ? {binfmtDir} : {}),
        ...(env.variables['DOCKER_HOST'] ? {dockerHost: env.variables['DOCKER_HOST']} : {})
      })
    });
  };

  return {
    registry,
    stats: transport.stats,
    signer: new CosignSigner({
      exec,
      temp,
      credentials,
      keyless: keylessIdentityOf(env.variables),
      ...(env.variables.COSIGN_PASSWORD !== undefined ? {cosignPassword: env.variables.COSIGN_PASSWORD} : {})
    }),
    engine: ({buildxBuilder}) => {
      const key = buildxBuilder ?? '';
      let engine = engines.get(key);
      if (!engine) {
        engine = openEngine(buildxBuilder);
        engines.set(key, engine);
        // A failed preflight (no engine, a bad login) is not kept: a retry asks again.
        engine.catch(() => engines.delete(key));
      }
      return engine;
    },
    async close() {
      transport.close();
      if (session) await (await session.catch(() => undefined))?.close();
    }
  };
}
