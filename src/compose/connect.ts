// A run's connection: the credential store, the registry transport and client, cosign, and the
// docker session with its engines, built once per run in the scope the run's trust allows.

import type {Connection, ConnectScope} from '../app/services.js';
import type {Engine} from '../core/engine.js';
import type {Exec} from '../exec/exec.js';
import type {RunEnvironment} from '../host/environment.js';
import type {Log} from '../host/host.js';
import {BuildpacksBuilder} from '../io/buildpacks/builder.js';
import {keylessIdentityOf} from '../core/cosign-args.js';
import {CosignSigner} from '../io/cosign.js';
import {dockerSession, type DockerSession} from '../io/docker.js';
import {DockerfileBuilder} from '../io/dockerfile-builder.js';
import {DockerEngine} from '../io/engine.js';
import type {TempDirs} from '../io/temp.js';
import {TestRunner} from '../io/test-runner.js';
import type {ToolInstaller} from '../io/tool-install.js';
import {RegistryClient} from '../registry/client.js';
import {CredentialStore, environmentHostLogins} from '../registry/credentials.js';
import {RegistryTransport} from '../registry/transport.js';

export interface Parts {
  env: RunEnvironment;
  log: Log;
  exec: Exec;
  temp: TempDirs;
  installer: ToolInstaller;
  binfmtDir?: string;
}

export function connect({env, log, exec, temp, installer, binfmtDir}: Parts, scope: ConnectScope): Connection {
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
