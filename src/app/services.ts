// What the use cases are given: the host's log, the run environment, and the clients built once
// per run by the composition root (src/compose). Unit tests hand in fakes of the same shapes.

import type {Engine} from '../core/engine.js';
import type {Log} from '../host/host.js';
import type {RunEnvironment} from '../host/environment.js';
import type {Signer} from '../io/cosign.js';
import type {GitReader} from '../io/git.js';
import type {InstalledPack, InstalledTool} from '../io/tool-install.js';
import type {ToolDownload} from '../core/tools.js';
import type {RegistryClient} from '../registry/client.js';
import type {TransportStats} from '../registry/transport.js';

export interface Services {
  log: Log;
  env: RunEnvironment;
  git: GitReader;
  installer: Installer;
  /** Opens the run's registry and engine access (loading their code), once: every use case of the run shares it. */
  connect(scope: ConnectScope): Promise<Connection>;
}

export interface ConnectScope {
  /** Hosts the run's explicit login may be sent to (and docker logs in to); no other host ever sees it. */
  explicitHosts: string[];
  /**
   * No credential of any kind on this run: neither the explicit login nor docker's own config (its
   * logins and helpers) reach a registry, a build or a test; `why` says so where a check needs one.
   */
  anonymous?: {why: string};
  /** Build secrets may not read the job's environment on this run, for this reason. */
  environmentSecrets?: {refused: string};
}

export interface Connection {
  registry: RegistryClient;
  /** Requests and bytes of every registry call of the run. */
  stats: TransportStats;
  signer: Signer;
  /** The engine for check and gate: checked, logged in, built once per builder. */
  engine(opts: {buildxBuilder?: string}): Promise<Engine>;
  close(): Promise<void>;
}

export interface Installer {
  installFile(tool: ToolDownload): Promise<InstalledTool>;
  installPack(): Promise<InstalledPack>;
}
