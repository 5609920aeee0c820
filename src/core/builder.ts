// The one interface every way of building sits behind (buildx today, buildpacks next), so check,
// gate and promote do not care which built the image.

import type {ImageConfig} from './config/types.js';
import type {DockerfileFinding} from './dockerfile-checks.js';

export interface BuiltImage {
  name: string;
  /** Digest of what was built: the index for a multi-platform image. This is what is tested. */
  digest: string;
  /** A local reference that resolves to exactly `digest` (a tag of this run's own). */
  localRef: string;
  platforms: string[];
  /** The image's USER, restored on test derivatives. */
  user: string;
  buildMs: number;
}

export interface BuildInputs {
  image: ImageConfig;
  /** Absolute directory of the configuration file. */
  baseDir: string;
  /** For `depends-on`: the base's final repository (what FROM names) and its tested build. */
  base?: {repository: string; built: BuiltImage};
  /** `build-contexts: {NAME: {image: OTHER}}`: NAME → OTHER's tested build. */
  contexts?: Record<string, BuiltImage>;
  /** OCI labels/annotations: source, revision, created. */
  oci: Record<string, string>;
  /** The run's unique id, for local names. */
  runId: string;
  /** A split build's one platform (`gate --platform`): per-platform cache scopes. */
  split?: string;
}

export type BuildOutcome = ({ok: true; image: BuiltImage} | {ok: false; reason: string; outputTail: string}) & {
  /** `dockerfile-checks`: what the Dockerfile checks found. */
  checks?: DockerfileFinding[];
};

export interface ImageBuilder {
  build(inputs: BuildInputs): Promise<BuildOutcome>;
}

/** Local names never leave the engine: this registry host does not exist. */
export const LOCAL_REGISTRY = 'imagegate.local';

/** This run's local tag for an image: FROM resolves a tag locally (a digest would go to a registry). */
export function localTagFor(name: string, runId: string): string {
  return `${LOCAL_REGISTRY}/${name}:run-${runId}`;
}
