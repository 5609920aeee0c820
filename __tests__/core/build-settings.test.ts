// The buildx settings build-push-action users rely on, as imagegate passes them: argv only, the ssh
// agent by id, named contexts (another image of the file by its tested build), Dockerfile checks.
import {describe, expect, it} from '@jest/globals';
import {creatorRunArgs} from '../../src/core/buildpacks/creator-args.js';
import {packBuildArgs, platformCache} from '../../src/core/buildpacks/pack-args.js';
import {loadConfig} from '../../src/core/config/load.js';
import {buildxBuildArgs, buildxCheckArgs} from '../../src/core/docker-args.js';
import {parseCheckResult} from '../../src/core/dockerfile-checks.js';
import {sourceIdentity} from '../../src/core/identity.js';
import {buildOrder} from '../../src/core/plan.js';

function load(text: string) {
  const r = loadConfig(text, '.imagegate.yml');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.config;
}

const CONFIG = `registry: localhost:5000/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    ssh: [default, github]
    build-contexts:
      shared: ../shared
      alpine: docker-image://docker.io/library/alpine:3.20@sha256:${'1'.repeat(64)}
      assets: {image: assets}
    no-cache-filters: [deps]
    pull: true
    network: none
    shm-size: 2g
    ulimit: [nofile=1024:2048]
    add-hosts: [db.internal:10.0.0.5]
    dockerfile-checks: warn
    attestations: {provenance: false, sbom: true}
  - name: assets
    platforms: [linux/amd64, linux/arm64]
`;

/** argv as `--flag value` pairs, for readable assertions. */
function pairs(args: string[], flag: string): string[] {
  return args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []));
}

describe('build settings', () => {
  const config = load(CONFIG);
  const web = config.images[0]!;
  const args = buildxBuildArgs({
    image: web,
    baseDir: '/repo/app',
    tags: ['imagegate.local/web:run-1'],
    load: true,
    imageContexts: {assets: 'imagegate.local/assets:run-1'}
  });

  it('reach buildx as flags: ssh by id only, contexts resolved, cache, network, limits, hosts', () => {
    expect(pairs(args, '--ssh')).toEqual(['default', 'github']);
    expect(pairs(args, '--build-context')).toEqual([
      'shared=/repo/shared',
      `alpine=docker-image://docker.io/library/alpine:3.20@sha256:${'1'.repeat(64)}`,
      'assets=docker-image://imagegate.local/assets:run-1'
    ]);
    expect(pairs(args, '--no-cache-filter')).toEqual(['deps']);
    expect(args).toContain('--pull');
    expect(args).not.toContain('--no-cache');
    expect(pairs(args, '--network')).toEqual(['none']);
    expect(pairs(args, '--shm-size')).toEqual(['2g']);
    expect(pairs(args, '--ulimit')).toEqual(['nofile=1024:2048']);
    expect(pairs(args, '--add-host')).toEqual(['db.internal:10.0.0.5']);
    expect(args).toContain('--provenance=false');
    expect(args).toContain('--sbom=true');
  });

  it('an image used as a build context is built first, and is part of the identity', () => {
    expect(buildOrder(config.images).map(i => i.name)).toEqual(['assets', 'web']);
    const a = sourceIdentity(web, {contextTree: 'b'.repeat(40), dirty: false, dependencies: ['k1']});
    const b = sourceIdentity(web, {contextTree: 'b'.repeat(40), dirty: false, dependencies: ['k2']});
    expect(a.key).not.toBe(b.key);
  });

  it('an image without the new settings keeps its source identity', () => {
    const plain = load(`registry: localhost:5000/acme\nimages:\n  - name: web\n`).images[0]!;
    expect(plain.build).toBeUndefined();
    expect(plain.flavor).toBeUndefined();
    const withFlavor = load(`registry: localhost:5000/acme\nimages:\n  - name: web\n    flavor: {suffix: -slim}\n`)
      .images[0]!;
    const inputs = {contextTree: 'b'.repeat(40), dirty: false, dependencies: []};
    expect(sourceIdentity(withFlavor, inputs).key).toBe(sourceIdentity(plain, inputs).key);
  });

  it('the Dockerfile checks run the same build with --call check and no output', () => {
    const check = buildxCheckArgs(args);
    expect(check.slice(-3)).toEqual(['--call', 'check,format=json', '/repo/app']);
    expect(check).not.toContain('--load');
    expect(check).not.toContain('--tag');
    expect(pairs(check, '--ssh')).toEqual(['default', 'github']);
  });

  it('their findings land at the Dockerfile line', () => {
    const json = JSON.stringify({
      warnings: [
        {
          ruleName: 'FromAsCasing',
          description: "The 'as' keyword should match the case of the 'from' keyword",
          url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
          detail: "'as' and 'FROM' keywords' casing do not match",
          location: {ranges: [{start: {line: 3}, end: {line: 3}}]}
        },
        {
          ruleName: 'JSONArgsRecommended',
          detail: 'JSON arguments recommended for CMD',
          location: {sourceIndex: 0, ranges: [{start: {line: 7}}]}
        }
      ],
      sources: [{fileName: 'Dockerfile', language: 'Dockerfile'}]
    });
    expect(parseCheckResult(json)).toEqual([
      {
        rule: 'FromAsCasing',
        message: "FromAsCasing: 'as' and 'FROM' keywords' casing do not match",
        url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
        file: 'Dockerfile',
        line: 3
      },
      {
        rule: 'JSONArgsRecommended',
        message: 'JSONArgsRecommended: JSON arguments recommended for CMD',
        file: 'Dockerfile',
        line: 7
      }
    ]);
    expect(parseCheckResult('{}')).toEqual([]);
    expect(parseCheckResult('ERROR: nope')[0]!.message).toContain('buildx printed no check results: ERROR: nope');
  });
});

describe('SBOM attestations', () => {
  const withSbom = (sbom: string) =>
    `registry: localhost:5000/acme\nimages:\n  - name: web\n    platforms: [linux/amd64, linux/arm64]\n    attestations: {sbom: ${sbom}}\n`;
  const argsOf = (sbom: string) =>
    buildxBuildArgs({image: load(withSbom(sbom)).images[0]!, baseDir: '/repo', tags: ['t'], load: true});

  it('`true` asks buildx for its default scanner; `{generator}` names the SBOM generator image', () => {
    expect(argsOf('true')).toContain('--sbom=true');
    const args = argsOf('{generator: "localhost:5000/tools/sbom-scanner:1"}');
    expect(args).toContain('--attest=type=sbom,generator=localhost:5000/tools/sbom-scanner:1');
    expect(args).not.toContain('--sbom=true');
    expect(buildxCheckArgs(args).some(a => a.startsWith('--attest'))).toBe(false);
  });

  it('a generator that is not an image reference, or an unknown key, is a configuration error', () => {
    const bad = loadConfig(withSbom('{generator: "Not An Image"}'), '.imagegate.yml');
    expect(bad.ok).toBe(false);
    const unknown = loadConfig(withSbom('{generater: "localhost:5000/x:1"}'), '.imagegate.yml');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(JSON.stringify(unknown.diagnostics)).toContain('generator');
  });
});

function creatorRequest(cache: {image?: string; volume?: string}): Parameters<typeof creatorRunArgs>[0] {
  return {
    builder: 'b@sha256:x',
    platform: 'linux/arm64',
    platformApi: '0.13',
    image: 'localhost:5000/imagegate-build/web:run-1-arm64',
    hostDirs: {app: '/a', layers: '/l', platform: '/p'},
    injected: [],
    registryAuth: false,
    name: 'c',
    cache
  };
}

describe('buildpacks cache', () => {
  const config = load(`registry: localhost:5000/acme
images:
  - name: web
    builder:
      buildpacks:
        image: docker.io/heroku/builder:24@sha256:${'0'.repeat(64)}
        cache-image: localhost:5000/acme/web-cache
        cache-volume: web-cache
`);
  const builder = config.images[0]!.builder;
  const cache = platformCache(builder.kind === 'buildpacks' ? builder.cache : undefined, 'linux/arm64');

  it('one cache image tag and one volume per platform', () => {
    expect(cache).toEqual({image: 'localhost:5000/acme/web-cache:linux-arm64', volume: 'web-cache-linux-arm64'});
  });

  it('pack --cache-image and the volume cache; the lifecycle -cache-image', () => {
    const pack = packBuildArgs({
      image: 'localhost:5000/imagegate-build/web:run-1-arm64',
      builder: 'b@sha256:x',
      platform: 'linux/arm64',
      path: '/app',
      pre: [],
      post: [],
      env: {},
      reportDir: '/r',
      cache: cache!
    });
    expect(pairs(pack, '--cache-image')).toEqual(['localhost:5000/acme/web-cache:linux-arm64']);
    expect(pairs(pack, '--cache')).toEqual(['type=build;format=volume;name=web-cache-linux-arm64']);
    const creator = creatorRunArgs(creatorRequest({volume: 'web-cache-linux-arm64'}));
    expect(creator).toContain('-cache-dir=/cache');
    expect(pairs(creator, '--mount')).toContain('type=volume,source=web-cache-linux-arm64,target=/cache');
    const byImage = creatorRunArgs(creatorRequest({image: 'localhost:5000/acme/web-cache:linux-arm64'}));
    expect(byImage).toContain('-cache-image=localhost:5000/acme/web-cache:linux-arm64');
  });
});
