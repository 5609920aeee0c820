// The push of a tested image, on a contract fixture of the docker CLI (argv in, answers out): the
// staging tag is made from the tested image's ID, never from a local name that may have moved.
import {describe, expect, it} from '@jest/globals';
import type {BuiltImage, ImageBuilder} from '../../src/core/builder.js';
import {InfrastructureError} from '../../src/core/errors.js';
import type {ExecResult} from '../../src/exec/exec.js';
import {Docker} from '../../src/io/docker.js';
import {DockerEngine} from '../../src/io/engine.js';
import type {TestRunner} from '../../src/io/test-runner.js';
import {RecordingHost} from '../helpers/fakes.js';

const built: BuiltImage = {
  name: 'web',
  digest: `sha256:${'a'.repeat(64)}`,
  localRef: 'imagegate.local/web:run-1',
  platforms: ['linux/amd64', 'linux/arm64'],
  user: '',
  buildMs: 1
};
const STAGING = 'localhost:5000/acme/web:staging-1';

function engineAnswering(answer: (args: readonly string[]) => Partial<ExecResult>) {
  const calls: string[][] = [];
  const docker = new Docker({
    exec: {
      run: async (_cmd, args) => {
        calls.push([...args]);
        return {exitCode: 0, stdout: '', stderr: '', ...answer(args)};
      }
    }
  });
  const unused = {} as ImageBuilder;
  const engine = new DockerEngine({
    docker,
    log: new RecordingHost(),
    dockerfile: unused,
    buildpacks: unused,
    tests: {} as TestRunner
  });
  return {engine, calls};
}

describe('DockerEngine.push', () => {
  it('tags the tested image by its ID, pushes that tag, then drops the local staging name', async () => {
    const {engine, calls} = engineAnswering(() => ({}));
    await engine.push(built, STAGING);
    expect(calls).toEqual([
      ['tag', built.digest, STAGING],
      ['push', STAGING],
      ['image', 'rm', STAGING]
    ]);
  });

  it('the tested image is gone from the engine: exit-3 error naming it, nothing pushed', async () => {
    const {engine, calls} = engineAnswering(args =>
      args[0] === 'tag' ? {exitCode: 1, stderr: `Error response from daemon: No such image: ${built.digest}`} : {}
    );
    const err = await engine.push(built, STAGING).catch((e: Error) => e);
    expect(err).toBeInstanceOf(InfrastructureError);
    expect(String(err)).toContain(
      `the tested image ${built.digest} is no longer in the engine (Error response from daemon: No such image`
    );
    expect(calls.some(a => a[0] === 'push')).toBe(false);
  });
});
