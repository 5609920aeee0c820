import {describe, expect, it} from '@jest/globals';
import {buildxBuildArgs, dockerRunArgs} from '../../src/core/docker-args.js';

const image = {
  context: 'app',
  containerfile: 'docker/Dockerfile',
  target: 'runtime',
  buildArgs: {PY: '3.13', EMPTY: ''},
  platforms: ['linux/amd64', 'linux/arm64']
};

describe('buildxBuildArgs', () => {
  it('builds every platform once, into the local store, with args, labels and tags', () => {
    expect(
      buildxBuildArgs({
        image,
        baseDir: '/repo',
        tags: ['imagegate.local/web:abc'],
        load: true,
        metadataFile: '/tmp/m.json',
        labels: {'org.opencontainers.image.revision': 'abc'}
      })
    ).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      '/repo/app/docker/Dockerfile',
      '--target',
      'runtime',
      '--build-arg',
      'PY=3.13',
      '--build-arg',
      'EMPTY=',
      '--label',
      'org.opencontainers.image.revision=abc',
      '--tag',
      'imagegate.local/web:abc',
      '--load',
      '--metadata-file',
      '/tmp/m.json',
      '/repo/app'
    ]);
  });
  it('keeps a value with spaces or shell characters as one argument', () => {
    const args = buildxBuildArgs({
      image: {...image, buildArgs: {MSG: 'a b; rm -rf / $(x)'}},
      baseDir: '/r',
      tags: [],
      load: false
    });
    expect(args).toContain('MSG=a b; rm -rf / $(x)');
  });
  it('passes a buildx builder through', () => {
    expect(buildxBuildArgs({image, baseDir: '/r', tags: [], load: false, builder: 'remote'}).slice(0, 4)).toEqual([
      'buildx',
      'build',
      '--builder',
      'remote'
    ]);
  });
});

describe('dockerRunArgs', () => {
  it('a string runs through /bin/sh -c', () => {
    expect(dockerRunArgs({image: 'sha256:abc', platform: 'linux/arm64', command: 'test -f /app/ready'})).toEqual([
      'run',
      '--rm',
      '--pull',
      'never',
      '--platform',
      'linux/arm64',
      '--entrypoint',
      '/bin/sh',
      'sha256:abc',
      '-c',
      'test -f /app/ready'
    ]);
  });
  it('an array runs as argv, with the test’s user, workdir and env', () => {
    expect(
      dockerRunArgs({
        image: 'x',
        platform: 'linux/amd64',
        command: ['/app/selftest', '--quick'],
        user: 'root',
        workdir: '/app',
        env: {A: '1'}
      })
    ).toEqual([
      'run',
      '--rm',
      '--pull',
      'never',
      '--platform',
      'linux/amd64',
      '--user',
      'root',
      '--workdir',
      '/app',
      '--env',
      'A=1',
      '--entrypoint',
      '/app/selftest',
      'x',
      '--quick'
    ]);
  });
  it('no command keeps the image’s entrypoint', () => {
    expect(dockerRunArgs({image: 'x', platform: 'linux/amd64'}).at(-1)).toBe('x');
  });
});
