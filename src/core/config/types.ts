import type {Scenario} from '../scenario.js';
import type {TagScenario, TagTemplate} from '../tags.js';
import type {Expect, FileCheck, MetadataCheck} from './check-types.js';
import type {Position} from './diagnostics.js';
import type {RunAs, ServiceTest} from '../service/types.js';

export type Staging = {kind: 'tag-prefix'; tagPrefix: string} | {kind: 'registry'; registry: string};

export interface TagRule {
  template: TagTemplate;
  on: TagScenario[];
}

export interface TestCommand {
  name: string;
  /** A string runs through the image's `/bin/sh -c`; an array is argv. Absent: the image runs as-is (`entrypoint: keep`). */
  run?: string | string[];
  /** Added after the image's ENTRYPOINT and CMD when the image runs as-is. */
  args?: string[];
  /** Absent: exit code 0 passes. */
  expect?: Expect;
  timeoutMs: number;
  user?: string;
  workdir?: string;
  env: Record<string, string>;
  entrypoint: 'replace' | 'keep';
  /** Undefined: every platform of the image. */
  platforms?: string[];
  /** The image's `run-as` security settings this command runs with (resolved when the file is read). */
  contract?: CommandContract;
}

/** What a test command takes of the image's `run-as`: how production confines the container. */
export interface CommandContract {
  readOnly?: boolean;
  tmpfs: string[];
  capDrop: string[];
  capAdd: string[];
  noNewPrivileges?: boolean;
  memory?: string;
  cpus?: string;
}

export interface TestSuite {
  commands: TestCommand[];
  setup: (string | string[])[];
  mount?: {source: string; target: string};
  /** Test containers of the image at once, across its platforms; absent: one per platform. */
  concurrency?: number;
  /** Checks of paths in the built image's filesystem; absent: none. */
  files?: FileCheck[];
  /** Checks of the built image's config; absent: none. */
  metadata?: MetadataCheck;
  /** `test.services`; absent: none. */
  services?: ServiceTest[];
}

export type Builder =
  | {kind: 'dockerfile'}
  | {
      kind: 'buildpacks';
      image: string;
      mode: 'pack' | 'lifecycle';
      preBuildpacks: string[];
      postBuildpacks: string[];
      env: Record<string, string>;
      allowUnpinnedBuilder: boolean;
      /** The layer cache between runs: a registry image, or a docker volume on this machine. */
      cache?: {image?: string; volume?: string};
    };

export type Secret = {id: string; env: string} | {id: string; file: string};

/** A named build context: a buildx source (a relative directory resolved at build time), or another image of the file. */
export type BuildContext = {source: string} | {image: string};

export interface BuildSettings {
  ssh?: string[];
  contexts?: Record<string, BuildContext>;
  noCache?: boolean;
  noCacheFilters?: string[];
  pull?: boolean;
  network?: 'default' | 'none' | 'host';
  shmSize?: string;
  ulimits?: string[];
  addHosts?: string[];
  /** `buildx build --call check` before the build. */
  checks?: 'warn' | 'error';
}

export interface ImageConfig {
  name: string;
  /** Index in the file's `images` list, for provenance (`images[2]`). */
  index: number;
  context: string;
  containerfile: string;
  target?: string;
  buildArgs: Record<string, string>;
  platforms: string[];
  tags: TagRule[];
  /** The final repository, `host/path`: `repository`, or `<registry>/<name>`. */
  repository: string;
  dependsOn?: string;
  test: TestSuite;
  builder: Builder;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  secrets: Secret[];
  cache: {from: string[]; to: string[]};
  attestations: {
    provenance: 'off' | 'min' | 'max';
    sbom: boolean;
    /** `sbom: {generator}`: the SBOM generator image instead of BuildKit's default scanner. */
    sbomGenerator?: string;
  };
  /** `executables`: the ELF machine check of every platform's files; absent: on, nothing ignored. */
  executables?: {check: boolean; ignore: string[]};
  /** buildx settings beyond the basics (ssh, named contexts, cache, network, …); absent: none set. */
  build?: BuildSettings;
  /** More final repositories the same digest and tags are published to; absent: none. */
  mirrors?: string[];
  /** `run-as` as written: the default runtime contract of the image's tests. */
  runAsSpec?: string;
  /** The image's `run-as`, resolved when the configuration is read. */
  runAs?: RunAs;
  /** A prefix and suffix for every final tag (metadata-action's flavor); absent: none. */
  flavor?: {prefix: string; suffix: string; onLatest: boolean};
}

export interface Config {
  registry: string;
  staging: Staging;
  promote: {onMissing: 'fail' | 'build'; cleanup: boolean; sign?: {tool: 'cosign'; key?: string; tlog: boolean}};
  scenario?: Scenario;
  images: ImageConfig[];
}

/** Where each value came from: a line of the file, or a default. */
export interface ConfigSource {
  file: string;
  /** `.imagegate.yml:12` for a value written in the file; undefined for a default. */
  where(path: string): string | undefined;
  position(path: string): Position | undefined;
}
