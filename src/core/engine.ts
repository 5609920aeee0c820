// What check and gate need from a container engine: build, test every platform of the exact
// build, push exactly those bytes, and tidy up. The real one drives docker and buildx (io/engine.ts);
// tests hand in a fake.

import type {BuildInputs, BuildOutcome, BuiltImage} from './builder.js';
import type {ImageConfig} from './config/types.js';
import type {PlatformResult} from './results.js';

export interface Engine {
  build(inputs: BuildInputs): Promise<BuildOutcome>;
  /** Runs the image's tests on every platform of `built`; `baseDir` is the configuration file's directory. */
  test(image: ImageConfig, built: BuiltImage, baseDir: string): Promise<PlatformResult[]>;
  /** Pushes exactly `built` to `ref` (refusing when the local name resolves to other bytes). */
  push(built: BuiltImage, ref: string): Promise<void>;
  /**
   * After the run: a passed image stays under a name that moving is cheap for; a failed one keeps
   * its run tag for a look inside (returned: how to look).
   */
  release(built: BuiltImage, passed: boolean, failedPlatform?: string): Promise<string | undefined>;
}
