// The foundation's end-to-end proof on the real engine: a two-platform image built FROM the seeded
// base with buildx, through imagegate's own argv builders, then run on each platform.
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {randomBytes} from 'node:crypto';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {readConfigFile} from '../../src/app/plan.js';
import {buildxBuildArgs, dockerRunArgs} from '../../src/core/docker-args.js';
import {EXIT, InfrastructureError} from '../../src/core/errors.js';
import {ProcessExec} from '../../src/exec/exec.js';
import {Docker} from '../../src/io/docker.js';
import {testbed} from './helpers/testbed.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const example = join(HERE, '../../examples/multiarch');
const docker = new Docker({
  exec: new ProcessExec({
    env: process.env,
    output: () => ({write: t => void process.stderr.write(t), end: () => undefined})
  })
});
const ref = `imagegate.test/multiarch-web:${randomBytes(6).toString('hex')}`;

describe('buildx multi-platform build on the testbed', () => {
  beforeAll(async () => {
    testbed();
    await docker.requireEngine();
  });
  afterAll(async () => {
    await docker.run(['image', 'rm', '--force', ref]);
  });

  it('builds linux/amd64 + linux/arm64 from the seeded base and runs each platform', async () => {
    const loaded = await readConfigFile(example);
    const image = loaded.config.images[0]!;
    expect(image.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    const build = await docker.run(
      buildxBuildArgs({
        image: {...image, buildArgs: {BASE: testbed().baseImage}},
        baseDir: loaded.dir,
        tags: [ref],
        load: true
      })
    );
    expect(build.stderr).not.toMatch(/ERROR/);
    expect(build.exitCode).toBe(0);

    const seen: Record<string, string> = {};
    for (const platform of image.platforms) {
      const out = await docker.output(dockerRunArgs({image: ref, platform}));
      seen[platform] = out.trim();
    }
    expect(seen['linux/amd64']).toBe('selftest: built for x86_64, running on x86_64');
    expect(seen['linux/arm64']).toBe('selftest: built for aarch64, running on aarch64');

    for (const platform of image.platforms) {
      for (const test of image.test.commands) {
        const result = await docker.run(dockerRunArgs({image: ref, platform, command: test.run}));
        expect({platform, test: test.name, exitCode: result.exitCode}).toEqual({
          platform,
          test: test.name,
          exitCode: 0
        });
      }
    }
  });
});

describe('the engine preflight on the real docker CLI', () => {
  const dockerWith = (env: Record<string, string>) =>
    new Docker({
      exec: new ProcessExec({
        env: {...process.env, ...env},
        output: () => ({write: () => undefined, end: () => undefined})
      })
    });

  it('no engine at DOCKER_HOST: exit-3 error naming the daemon docker could not reach', async () => {
    const err = await dockerWith({DOCKER_HOST: 'unix:///nonexistent/imagegate.sock'})
      .requireEngine()
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(InfrastructureError);
    expect((err as InfrastructureError).exitCode).toBe(EXIT.infrastructure);
    expect(String(err)).toContain(
      'no Docker engine answers (Cannot connect to the Docker daemon at unix:///nonexistent'
    );
  });

  it('a buildx plugin that does not run: says so with docker’s reason, from the one `docker info`', async () => {
    const config = mkdtempSync(join(tmpdir(), 'imagegate-broken-buildx-'));
    mkdirSync(join(config, 'cli-plugins'));
    writeFileSync(join(config, 'cli-plugins/docker-buildx'), '#!/bin/sh\nexit 1\n', {mode: 0o755});
    const err = await dockerWith({DOCKER_CONFIG: config})
      .requireEngine()
      .catch((e: Error) => e);
    expect(String(err)).toContain('docker buildx is installed but does not run (failed to fetch metadata');
  });
});
