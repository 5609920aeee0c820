import type {Scenario} from '../scenario.js';
import type {TagScenario, TagTemplate} from '../tags.js';
import type {Position} from './diagnostics.js';

export type Staging = {kind: 'tag-prefix'; tagPrefix: string} | {kind: 'registry'; registry: string};

export interface TagRule {
  template: TagTemplate;
  on: TagScenario[];
}

export interface TestCommand {
  name: string;
  /** A string runs through the image's `/bin/sh -c`; an array is argv. */
  run: string | string[];
  timeoutMs: number;
  user?: string;
  workdir?: string;
  env: Record<string, string>;
  entrypoint: 'replace' | 'keep';
  /** Undefined: every platform of the image. */
  platforms?: string[];
}

export interface TestSuite {
  commands: TestCommand[];
  setup: (string | string[])[];
  mount?: {source: string; target: string};
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
    };

export type Secret = {id: string; env: string} | {id: string; file: string};

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
  attestations: {provenance: 'off' | 'min' | 'max'; sbom: boolean};
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
