// The Engine of check and gate on a real docker engine: the Dockerfile or buildpacks builder per
// image, the in-image test runner, and `docker push` of the run's own local tag.

import {
  LOCAL_REGISTRY,
  type BuildInputs,
  type BuildOutcome,
  type BuiltImage,
  type ImageBuilder
} from '../core/builder.js';
import type {Engine} from '../core/engine.js';
import type {ImageConfig} from '../core/config/types.js';
import {InfrastructureError} from '../core/errors.js';
import type {PlatformResult} from '../core/results.js';
import {lastLine} from '../core/text.js';
import type {Log} from '../host/host.js';
import type {Docker} from './docker.js';
import type {TestRunner} from './test-runner.js';

export interface DockerEngineOpts {
  docker: Docker;
  log: Log;
  dockerfile: ImageBuilder;
  buildpacks: ImageBuilder;
  tests: TestRunner;
}

export class DockerEngine implements Engine {
  constructor(private readonly opts: DockerEngineOpts) {}

  build(inputs: BuildInputs): Promise<BuildOutcome> {
    return (inputs.image.builder.kind === 'buildpacks' ? this.opts.buildpacks : this.opts.dockerfile).build(inputs);
  }

  test(image: ImageConfig, built: BuiltImage, baseDir: string): Promise<PlatformResult[]> {
    return this.opts.tests.run(image, built, baseDir);
  }

  async push(built: BuiltImage, ref: string): Promise<void> {
    const {docker, log} = this.opts;
    // Tagged by the tested image's ID, not its local name: the tag names the tested bytes by
    // construction, whatever happened to the local name since the tests.
    const tagged = await docker.run(['tag', built.digest, ref]);
    if (tagged.exitCode !== 0)
      throw new InfrastructureError(
        `the tested image ${built.digest} is no longer in the engine (${lastLine(tagged.stderr)}); nothing was pushed for ${ref}`
      );
    try {
      let push = await docker.run(['push', ref], {stream: true});
      if (push.exitCode !== 0) {
        // A registry may answer a transient 5xx mid-push; the same content pushes again idempotently.
        log.warning(`pushing ${ref} failed (${lastLine(push.stderr)}); trying once more`);
        push = await docker.run(['push', ref], {stream: true});
      }
      if (push.exitCode !== 0) throw new InfrastructureError(`pushing ${ref} failed: ${lastLine(push.stderr)}.`);
    } finally {
      await docker.run(['image', 'rm', ref]);
    }
  }

  async release(built: BuiltImage, passed: boolean, failedPlatform?: string): Promise<string | undefined> {
    const {docker} = this.opts;
    if (passed) {
      // Moving a tag is instant, where deleting an image's content takes seconds.
      await docker.run(['tag', built.localRef, `${LOCAL_REGISTRY}/${built.name}:last-passed`]);
      await docker.run(['image', 'rm', built.localRef]);
      return undefined;
    }
    const platform = failedPlatform ?? built.platforms[0];
    return `kept ${built.localRef} to look inside: docker run --rm -it --platform ${platform} --entrypoint /bin/sh ${built.localRef}`;
  }
}
