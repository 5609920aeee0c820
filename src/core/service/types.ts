// A service test as the rest of imagegate reads it (normalised from `test.services`).

export interface HttpCheck {
  path: string;
  /** Undefined: the first published port. */
  port?: number;
  method: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
  /** Any status from `status` to this one passes (Kubernetes probes: 200–399). */
  statusMax?: number;
  bodyContains?: string;
  bodyMatches?: string;
  /** JSON path → expected value. */
  json: Record<string, string | number | boolean>;
}

export type Readiness =
  | {kind: 'healthcheck'}
  | {kind: 'tcp'; port: number}
  | {kind: 'http'; http: HttpCheck}
  | {kind: 'log'; pattern: string}
  /** Nothing to wait for: the container must be running. */
  | {kind: 'running'}
  /** Not configured: the image's HEALTHCHECK if it has one, else the first port accepting TCP, else running. */
  | {kind: 'auto'};

export type Probe =
  | {kind: 'http'; name: string; http: HttpCheck; timeoutMs?: number; source?: string}
  | {kind: 'exec'; name: string; run: string | string[]; timeoutMs?: number; source?: string}
  | {kind: 'container'; name: string; image: string; run: string | string[]; timeoutMs?: number; source?: string};

/** What `docker run` gets beyond the image's own settings (from the test, or derived from `run-as`). */
export interface RuntimeSettings {
  /** Replaces the ENTRYPOINT (Kubernetes `command`, Compose `entrypoint`). */
  entrypoint?: string[];
  /** Replaces the CMD. */
  args?: string[];
  user?: string;
  workdir?: string;
  env: Record<string, string>;
  readOnly?: boolean;
  tmpfs: string[];
  capDrop: string[];
  capAdd: string[];
  noNewPrivileges?: boolean;
  /** Refuse an image whose user is root (Kubernetes `runAsNonRoot`). */
  nonRoot?: boolean;
  memory?: string;
  cpus?: string;
  ports: number[];
  /** Instead of the image's STOPSIGNAL (Compose `stop_signal`). */
  stopSignal?: string;
  /** `--init` (Compose `init: true`). */
  init?: boolean;
  /** `--shm-size` (Compose `shm_size`). */
  shmSize?: string;
  /** `--ulimit` values, `nofile=1024:2048` (Compose `ulimits`). */
  ulimits?: string[];
  /** Instead of the image's HEALTHCHECK (Compose `healthcheck`); `none`: the image's is disabled. */
  health?: HealthSettings | 'none';
}

/** A healthcheck given to `docker run` (`--health-cmd` runs through the image's shell). */
export interface HealthSettings {
  cmd: string;
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
}

/** One derived setting and where it came from (`deploy/app.yaml:23`), for the plan. */
export interface DerivedSetting {
  setting: string;
  value: string;
  source: string;
}

export interface RunAs {
  /** `deploy/app.yaml#web`, as written. */
  spec: string;
  file: string;
  /** What kind of object: `Deployment/web container web`, `compose service web`. */
  what: string;
  settings: DerivedSetting[];
  /** Manifest fields imagegate cannot honour, each with its source. */
  unsupported: DerivedSetting[];
  /** Env values from Secrets/ConfigMaps: not reproducible (stand-ins may supply them). */
  notReproducible: DerivedSetting[];
}

export interface ServiceTest {
  name: string;
  runtime: RuntimeSettings;
  ready: Readiness;
  /** Undefined: the default (30s, ×5 under QEMU). */
  readyTimeoutMs?: number;
  /** Readiness polling from a probe's timings (`periodSeconds`). */
  readyIntervalMs?: number;
  /** Readiness from a manifest's probe: wait this long first (`initialDelaySeconds`). */
  readyInitialDelayMs?: number;
  probes: Probe[];
  stopGraceMs?: number;
  timeoutMs?: number;
  platforms?: string[];
  runAs?: RunAs;
  /** `run-as` as written, resolved when the configuration is read. */
  runAsSpec?: string;
  /** Values for env the manifest takes from Secrets/ConfigMaps. */
  standIns?: Record<string, string>;
  /** Timings from a manifest's probe: scaled ×5 under QEMU like the defaults. */
  scaleTimings?: boolean;
}
