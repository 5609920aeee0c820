import {describe, expect, it} from '@jest/globals';
import {buildxBuildArgs, dockerRunArgs, setupContainerfile} from '../../src/core/docker-args.js';

const image = {
  context: 'app',
  containerfile: 'docker/Dockerfile',
  target: 'runtime',
  buildArgs: {PY: '3.13', EMPTY: ''},
  platforms: ['linux/amd64', 'linux/arm64']
};

/** argv as `--flag value` pairs, for readable assertions. */
function pairs(args: string[], flag: string): string[] {
  return args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []));
}

describe('buildxBuildArgs', () => {
  const args = buildxBuildArgs({
    image: {
      ...image,
      labels: {team: 'web'},
      annotations: {'org.example.note': 'x'},
      secrets: [
        {id: 'token', env: 'NPM_TOKEN'},
        {id: 'netrc', file: 'secrets/netrc'}
      ],
      cache: {from: ['type=registry,ref=r/cache'], to: ['type=registry,ref=r/cache,mode=max']},
      attestations: {provenance: 'max', sbom: false}
    },
    baseDir: '/repo',
    tags: ['imagegate.local/web:run-1'],
    load: true,
    metadataFile: '/tmp/m.json',
    oci: {'org.opencontainers.image.revision': 'abc'},
    buildContexts: {'localhost:5000/acme/base': 'imagegate.local/base:0123'}
  });

  it('builds every platform in one build, into the local store, context last', () => {
    expect(args.slice(0, 4)).toEqual(['buildx', 'build', '--platform', 'linux/amd64,linux/arm64']);
    expect(pairs(args, '--file')).toEqual(['/repo/app/docker/Dockerfile']);
    expect(pairs(args, '--target')).toEqual(['runtime']);
    expect(args).toContain('--load');
    expect(pairs(args, '--metadata-file')).toEqual(['/tmp/m.json']);
    expect(args.at(-1)).toBe('/repo/app');
  });

  it('passes build args, labels (ours and the image’s) and annotations on index and manifests', () => {
    expect(pairs(args, '--build-arg')).toEqual(['PY=3.13', 'EMPTY=']);
    expect(pairs(args, '--label')).toEqual(['org.opencontainers.image.revision=abc', 'team=web']);
    expect(pairs(args, '--annotation')).toEqual([
      'index:org.opencontainers.image.revision=abc',
      'manifest:org.opencontainers.image.revision=abc',
      'index:org.example.note=x',
      'manifest:org.example.note=x'
    ]);
  });

  it('passes secrets by reference only: the value never enters argv', () => {
    expect(pairs(args, '--secret')).toEqual(['id=token,env=NPM_TOKEN', 'id=netrc,src=/repo/secrets/netrc']);
  });

  it('a cache that cannot be written only warns', () => {
    expect(pairs(args, '--cache-from')).toEqual(['type=registry,ref=r/cache']);
    expect(pairs(args, '--cache-to')).toEqual(['type=registry,ref=r/cache,mode=max,ignore-error=true']);
  });

  it('resolves a base built in this run by its tested local image', () => {
    expect(pairs(args, '--build-context')).toEqual([
      'localhost:5000/acme/base=docker-image://imagegate.local/base:0123'
    ]);
  });

  it('sets attestations explicitly', () => {
    expect(args).toContain('--provenance=mode=max');
    const off = buildxBuildArgs({
      image: {...image, platforms: ['linux/amd64'], attestations: {provenance: 'off', sbom: false}},
      baseDir: '/r',
      tags: [],
      load: true,
      oci: {a: 'b'}
    });
    expect(off).toContain('--provenance=false');
    // buildx refuses index annotations when the result is a single manifest.
    expect(pairs(off, '--annotation')).toEqual(['manifest:a=b']);
  });

  it('uses the default cache only when the image configures none', () => {
    const gha = {from: ['type=gha,scope=web'], to: ['type=gha,mode=max,scope=web']};
    const withDefault = buildxBuildArgs({image, baseDir: '/r', tags: [], load: true, defaultCache: gha});
    expect(pairs(withDefault, '--cache-to')).toEqual(['type=gha,mode=max,scope=web,ignore-error=true']);
  });

  it('keeps a value with spaces or shell characters as one argument', () => {
    const unsafe = buildxBuildArgs({
      image: {...image, buildArgs: {MSG: 'a b; rm -rf / $(x)'}},
      baseDir: '/r',
      tags: [],
      load: false
    });
    expect(unsafe).toContain('MSG=a b; rm -rf / $(x)');
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
  const base = ['run', '--rm', '--pull', 'never'];
  it('a string runs through /bin/sh -c instead of the entrypoint', () => {
    expect(dockerRunArgs({image: 'sha256:abc', platform: 'linux/arm64', command: 'test -f /app/ready'})).toEqual([
      ...base,
      '--platform',
      'linux/arm64',
      '--entrypoint',
      '/bin/sh',
      'sha256:abc',
      '-c',
      'test -f /app/ready'
    ]);
  });
  it('an array runs as argv, with the test’s user, workdir, env and read-only mounts', () => {
    expect(
      dockerRunArgs({
        image: 'x',
        platform: 'linux/amd64',
        command: ['/app/selftest', '--quick'],
        user: 'root',
        workdir: '/app',
        env: {A: '1'},
        mounts: [{source: '/repo/tests', target: '/t'}]
      })
    ).toEqual([
      ...base,
      '--platform',
      'linux/amd64',
      '--user',
      'root',
      '--workdir',
      '/app',
      '--env',
      'A=1',
      '--mount',
      'type=bind,source=/repo/tests,target=/t,readonly',
      '--entrypoint',
      '/app/selftest',
      'x',
      '--quick'
    ]);
  });
  it('entrypoint keep passes the command to the image’s entrypoint', () => {
    expect(dockerRunArgs({image: 'x', platform: 'linux/amd64', command: 'env', entrypoint: 'keep'}).slice(-4)).toEqual([
      'x',
      '/bin/sh',
      '-c',
      'env'
    ]);
  });
  it('no command keeps the image’s entrypoint and command', () => {
    expect(dockerRunArgs({image: 'x', platform: 'linux/amd64'}).at(-1)).toBe('x');
  });
  it('a buildpacks image runs a string through the CNB launcher’s shell form, argv after `--`', () => {
    const at = (args: string[]) => args.slice(args.indexOf('--entrypoint'));
    expect(at(dockerRunArgs({image: 'x', platform: 'linux/amd64', command: 'pytest -q', launcher: true}))).toEqual([
      '--entrypoint',
      'launcher',
      'x',
      'pytest -q'
    ]);
    expect(
      at(dockerRunArgs({image: 'x', platform: 'linux/arm64', command: ['python', '-m', 'pytest'], launcher: true}))
    ).toEqual(['--entrypoint', 'launcher', 'x', '--', 'python', '-m', 'pytest']);
    // `keep` hands the command to the image's own ENTRYPOINT (/cnb/process/web, itself the launcher).
    expect(
      dockerRunArgs({image: 'x', platform: 'linux/amd64', command: ['a'], launcher: true, entrypoint: 'keep'}).slice(-2)
    ).toEqual(['x', 'a']);
  });
});

describe('setupContainerfile', () => {
  it('adds tooling as root, keeps multi-line scripts intact, and restores the image’s user', () => {
    expect(setupContainerfile('imagegate.local/web:abc', ['apk add curl\necho done', ['touch', '/x']], 'app')).toBe(
      'FROM imagegate.local/web:abc\nUSER root\nRUN ["/bin/sh","-c","apk add curl\\necho done"]\nRUN ["touch","/x"]\nUSER app\n'
    );
  });

  it('bind-mounts the test files read-only into every step, so none of them lands in a layer', () => {
    expect(setupContainerfile('b', ['pip install -r /t/requirements.txt', ['/t/bin/install']], '', '/t')).toBe(
      'FROM b\nUSER root\n' +
        'RUN --mount=type=bind,target=/t,readonly ["/bin/sh","-c","pip install -r /t/requirements.txt"]\n' +
        'RUN --mount=type=bind,target=/t,readonly ["/t/bin/install"]\nUSER root\n'
    );
    expect(setupContainerfile('b', ['x'], 'app', '/a,b')).toContain('RUN --mount=type=bind,"target=/a,b",readonly ');
  });
});
