// Tier 1: the argv, environment, mounts and files imagegate hands to pack and to the lifecycle's
// creator, checked against the documented semantics (pack 0.40 build.go; spec platform.md).
import {describe, expect, it} from '@jest/globals';
import {
  creatorRunArgs,
  injectedOrderToml,
  platformEnvFiles,
  registryAuthJson,
  systemToml,
  usesSystemToml
} from '../../../src/core/buildpacks/creator-args.js';
import {packBuildArgs} from '../../../src/core/buildpacks/pack-args.js';
import {choosePlatformApi} from '../../../src/core/buildpacks/platform-api.js';
import {parseBuildpackUri} from '../../../src/core/buildpacks/uri.js';

const BUILDER = 'registry.example/heroku/builder@sha256:' + 'a'.repeat(64);
const DEB = 'docker://registry.example/deb-packages@sha256:' + 'b'.repeat(64);

describe('pack build argv', () => {
  const base = {
    image: 'localhost:5000/imagegate-build/web:run-1-amd64',
    builder: BUILDER,
    platform: 'linux/amd64',
    path: '/src/app',
    pre: [DEB],
    post: ['urn:cnb:builder:heroku/procfile'],
    env: {BP_LOG_LEVEL: 'debug'},
    reportDir: '/tmp/report'
  };

  it('pins the builder, trusts it and the extras, publishes to the local registry, writes report.toml', () => {
    expect(packBuildArgs(base)).toEqual([
      'build',
      'localhost:5000/imagegate-build/web:run-1-amd64',
      '--builder',
      BUILDER,
      '--platform',
      'linux/amd64',
      '--path',
      '/src/app',
      '--trust-builder',
      '--trust-extra-buildpacks',
      '--pull-policy',
      'if-not-present',
      '--pre-buildpack',
      DEB,
      '--post-buildpack',
      'urn:cnb:builder:heroku/procfile',
      '--env',
      'BP_LOG_LEVEL=debug',
      '--publish',
      '--report-output-dir',
      '/tmp/report',
      '--insecure-registry',
      'localhost:5000',
      '--network',
      'host'
    ]);
  });

  it('several pre-buildpacks become one explicit group around from=builder, keeping their order', () => {
    const args = packBuildArgs({...base, pre: [DEB, 'urn:cnb:builder:a/b'], post: []});
    const flags = args.flatMap((a, i) => (a === '--buildpack' ? [args[i + 1]] : []));
    expect(flags).toEqual([DEB, 'urn:cnb:builder:a/b', 'from=builder']);
    expect(args).not.toContain('--pre-buildpack');
  });

  it('a remote registry gets neither --insecure-registry nor host networking', () => {
    const args = packBuildArgs({...base, image: 'ghcr.io/acme/build:1'});
    expect(args).not.toContain('--insecure-registry');
    expect(args).not.toContain('--network');
  });
});

describe('creator docker run argv', () => {
  const req = {
    builder: BUILDER,
    platform: 'linux/arm64',
    platformApi: '0.13',
    image: 'localhost:5000/imagegate-build/web:run-1-arm64',
    hostDirs: {app: '/tmp/app', layers: '/tmp/layers', platform: '/tmp/platform'},
    injected: [{id: 'heroku/deb-packages', version: '1.2.0', hostDir: '/tmp/bp/deb'}],
    registryAuth: true,
    name: 'imagegate-creator-1'
  };

  it('runs /cnb/lifecycle/creator in the builder with the Platform API, mounts, order and report paths', () => {
    const args = creatorRunArgs(req);
    expect(args.slice(0, 12)).toEqual([
      'run',
      '--rm',
      '--name',
      'imagegate-creator-1',
      '--platform',
      'linux/arm64',
      '--user',
      '0:0',
      '--network',
      'host',
      '--env',
      'CNB_PLATFORM_API=0.13'
    ]);
    expect(args).toContain('type=bind,source=/tmp/app,target=/workspace');
    expect(args).toContain('type=bind,source=/tmp/platform,target=/platform,readonly');
    // The injected buildpack is mounted into the builder's buildpacks dir, under its escaped id.
    expect(args).toContain('type=bind,source=/tmp/bp/deb,target=/cnb/buildpacks/heroku_deb-packages/1.2.0,readonly');
    const at = args.indexOf('--entrypoint');
    expect(args.slice(at)).toEqual([
      '--entrypoint',
      '/cnb/lifecycle/creator',
      BUILDER,
      '-app=/workspace',
      '-layers=/layers',
      '-platform=/platform',
      '-buildpacks=/cnb/buildpacks',
      '-report=/layers/report.toml',
      '-order=/layers/order.toml',
      '-insecure-registry=localhost:5000',
      'localhost:5000/imagegate-build/web:run-1-arm64'
    ]);
  });

  it('passes CNB_REGISTRY_AUTH by name only: the value never appears in argv', () => {
    const args = creatorRunArgs(req);
    expect(args[args.indexOf('CNB_REGISTRY_AUTH') - 1]).toBe('--env');
    expect(args.some(a => a.startsWith('CNB_REGISTRY_AUTH='))).toBe(false);
    expect(creatorRunArgs({...req, registryAuth: false})).not.toContain('CNB_REGISTRY_AUTH');
  });

  it('with system.toml (Platform API 0.15) passes -system instead of -order', () => {
    const args = creatorRunArgs({
      ...req,
      platformApi: '0.15',
      hostDirs: {...req.hostDirs, system: '/tmp/system.toml'}
    });
    expect(args).toContain('-system=/imagegate/system.toml');
    expect(args).not.toContain('-order=/layers/order.toml');
    expect(usesSystemToml('0.15')).toBe(true);
    expect(usesSystemToml('0.14')).toBe(false);
  });

  it('-insecure-registry exists only from Platform API 0.13', () => {
    expect(creatorRunArgs({...req, platformApi: '0.12'}).some(a => a.startsWith('-insecure-registry'))).toBe(false);
  });
});

describe('order.toml and system.toml for injected buildpacks', () => {
  const pre = [{id: 'heroku/deb-packages', version: '1.2.0'}];
  const post = [{id: 'acme/audit', version: '0.1.0'}];

  it('puts pre before and post after every group of the builder order', () => {
    const toml = injectedOrderToml(
      [
        [
          {id: 'heroku/python', version: '2.4.5'},
          {id: 'heroku/procfile', version: '4.0.0', optional: true}
        ],
        [{id: 'heroku/nodejs'}]
      ],
      pre,
      post
    );
    const groups = toml
      .split('[[order]]')
      .slice(1)
      .map(g => [...g.matchAll(/id = "([^"]+)"/g)].map(m => m[1]));
    expect(groups).toEqual([
      ['heroku/deb-packages', 'heroku/python', 'heroku/procfile', 'acme/audit'],
      ['heroku/deb-packages', 'heroku/nodejs', 'acme/audit']
    ]);
    expect(toml).toContain('optional = true');
    expect(toml).toContain('version = "1.2.0"');
  });

  it('system.toml lists pre and post buildpacks', () => {
    expect(systemToml(pre, post)).toBe(
      '[system]\n\n[[system.pre.buildpacks]]\n  id = "heroku/deb-packages"\n  version = "1.2.0"\n\n[[system.post.buildpacks]]\n  id = "acme/audit"\n  version = "0.1.0"\n'
    );
  });
});

describe('platform env files and registry auth', () => {
  it('writes one file per variable, content = value', () => {
    expect(platformEnvFiles({PIP_NO_CACHE_DIR: '1', GREETING: 'a b'})).toEqual({
      ok: true,
      files: {'env/PIP_NO_CACHE_DIR': '1', 'env/GREETING': 'a b'}
    });
  });
  it('refuses a name that is not a variable name', () => {
    expect(platformEnvFiles({'../x': '1'})).toEqual({ok: false, error: expect.stringContaining('`../x`')});
  });
  it('CNB_REGISTRY_AUTH maps hosts to Basic headers', () => {
    expect(JSON.parse(registryAuthJson({'localhost:5002': {username: 'u', password: 'p'}}))).toEqual({
      'localhost:5002': 'Basic dTpw'
    });
  });
});

describe('Platform API choice', () => {
  it('takes the newest the builder and imagegate both speak', () => {
    expect(choosePlatformApi(['0.7', '0.8', '0.12', '0.13'], 'b')).toEqual({ok: true, api: '0.13'});
    expect(choosePlatformApi(['0.10', '0.15', '0.16'], 'b')).toEqual({ok: true, api: '0.15'});
  });
  it('says what to do when they share none', () => {
    const r = choosePlatformApi(['0.3', '0.4'], 'old-builder');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/old-builder supports Platform API 0.3, 0.4.*use mode: pack/);
  });
});

describe('buildpack URIs', () => {
  it.each([
    [DEB, 'docker'],
    ['urn:cnb:builder:heroku/procfile@4.0.0', 'builder'],
    ['urn:cnb:registry:heroku/python', 'registry'],
    ['file:///opt/bp', 'file'],
    ['https://example.com/bp.tgz', 'https'],
    ['from=builder', 'from-builder']
  ])('%s is a %s reference', (uri, kind) => {
    expect(parseBuildpackUri(uri)?.kind).toBe(kind);
  });
  it('keeps id and version of a builder reference', () => {
    expect(parseBuildpackUri('urn:cnb:builder:heroku/procfile@4.0.0')).toMatchObject({
      id: 'heroku/procfile',
      version: '4.0.0'
    });
  });
  it('refuses a naked id', () => {
    expect(parseBuildpackUri('heroku/python')).toBeUndefined();
  });
});
