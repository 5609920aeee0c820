import {describe, expect, it} from '@jest/globals';
import {parseArgs} from '../../src/cli/args.js';
import {loadConfig} from '../../src/core/config/load.js';
import {
  assembleIndex,
  checkRecords,
  MergeRefused,
  narrowToPlatform,
  parseRecord,
  platformStagingRef,
  type PlatformRecord
} from '../../src/core/split.js';

const CONFIG = `registry: localhost:5000/acme
images:
  - name: base
    platforms: [linux/amd64, linux/arm64/v8]
  - name: app
    depends-on: base
    platforms: [linux/amd64, linux/arm64/v8]
  - name: tool
    platforms: [linux/amd64]
`;

function images() {
  const r = loadConfig(CONFIG, '.imagegate.yml');
  if (!r.ok) throw new Error('config');
  return r.config.images;
}

const digest = (c: string): string => `sha256:${c.repeat(64)}`;
function rec(platform: string, over: Partial<PlatformRecord> = {}): PlatformRecord {
  return {
    kind: 'imagegate/platform-record',
    version: 1,
    image: 'app',
    platform,
    identity: 'k1',
    sha: 'a'.repeat(40),
    status: 'passed',
    ref: `r/app:staging-k1-${platform.replace(/\//g, '-')}`,
    digest: digest(platform.includes('arm') ? 'b' : 'a'),
    tests: {passed: 2, failed: 0},
    ...over
  };
}

describe('narrowing a configuration to one platform', () => {
  it('keeps the images that list it, in their own spelling, and says which it leaves out', () => {
    const n = narrowToPlatform(images(), 'linux/arm64');
    expect(n.images.map(i => [i.name, i.platforms])).toEqual([
      ['base', ['linux/arm64/v8']],
      ['app', ['linux/arm64/v8']]
    ]);
    expect(n.skipped).toEqual(['tool']);
    expect(n.platform).toBe('linux/arm64/v8');
  });

  it('refuses a platform no image lists, or a bad one, naming what is built', () => {
    expect(() => narrowToPlatform(images(), 'linux/s390x')).toThrow(
      '--platform linux/s390x: no image lists it; the configuration builds linux/amd64, linux/arm64/v8'
    );
    expect(() => narrowToPlatform(images(), 'arm64')).toThrow('has no OS; write `linux/arm64`');
  });

  it('refuses when a dependency is not built for the platform', () => {
    const list = images().map(i => (i.name === 'base' ? {...i, platforms: ['linux/amd64']} : i));
    expect(() => narrowToPlatform(list, 'linux/arm64')).toThrow(
      "image app depends on base, which is not built for linux/arm64/v8; add linux/arm64/v8 to base's platforms"
    );
  });

  it('names the per-platform staging tag after the platform', () => {
    expect(platformStagingRef('r/app:staging-k1', 'linux/arm/v7')).toBe('r/app:staging-k1-linux-arm-v7');
  });
});

describe('records', () => {
  it('round-trip, and a broken one is named with its file', () => {
    expect(parseRecord(JSON.stringify(rec('linux/amd64')), 'a.json')).toEqual(rec('linux/amd64'));
    expect(() => parseRecord('{', 'x.json')).toThrow(/^x\.json: not JSON/);
    expect(() => parseRecord(JSON.stringify({...rec('linux/amd64'), digest: 'sha256:12'}), 'y.json')).toThrow(
      'y.json: a passed record has no sha256 `digest`'
    );
    expect(() => parseRecord(JSON.stringify({...rec('linux/amd64'), kind: 'other'}), 'z.json')).toThrow(
      'z.json: kind is "other", not imagegate/platform-record'
    );
  });

  it('must cover every platform once, all passed, from one source', () => {
    const platforms = ['linux/amd64', 'linux/arm64'];
    expect(checkRecords({image: 'app', platforms, records: [rec('linux/arm64'), rec('linux/amd64')]})).toEqual({
      identity: 'k1',
      records: [rec('linux/amd64'), rec('linux/arm64')]
    });
    const refused = (records: PlatformRecord[]): string => {
      try {
        checkRecords({image: 'app', platforms, records});
      } catch (e) {
        expect(e).toBeInstanceOf(MergeRefused);
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused([rec('linux/amd64')])).toContain('linux/arm64: no record');
    expect(
      refused([rec('linux/amd64'), rec('linux/arm64', {status: 'failed', tests: {passed: 1, failed: 1}})])
    ).toContain('linux/arm64: its job failed (1 failed test(s)); nothing of it was pushed');
    expect(refused([rec('linux/amd64'), rec('linux/arm64', {identity: 'k2'})])).toContain(
      'the records come from different sources (identities k1, k2)'
    );
    expect(refused([rec('linux/amd64'), rec('linux/arm64'), rec('linux/s390x')])).toContain(
      'linux/s390x: a record for a platform the image does not list'
    );
    expect(refused([rec('linux/amd64'), rec('linux/arm64'), rec('linux/arm64')])).toContain('linux/arm64: 2 records');
  });
});

describe('the merged index', () => {
  it('lists exactly the platforms’ manifests in order, and refuses a manifest claimed twice', () => {
    const amd = {mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest('a'), size: 1};
    const att = {...amd, digest: digest('c'), annotations: {'vnd.docker.reference.digest': digest('a')}};
    const arm = {...amd, digest: digest('b'), platform: {os: 'linux', architecture: 'arm64'}};
    const doc = JSON.parse(
      assembleIndex([
        {platform: 'linux/amd64', entries: [amd, att]},
        {platform: 'linux/arm64', entries: [arm]}
      ]).bytes.toString()
    ) as {mediaType: string; manifests: {digest: string}[]};
    expect(doc.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(doc.manifests.map(m => m.digest)).toEqual([digest('a'), digest('c'), digest('b')]);
    expect(() =>
      assembleIndex([
        {platform: 'linux/amd64', entries: [amd]},
        {platform: 'linux/arm64', entries: [amd]}
      ])
    ).toThrow(`two platforms share the manifest ${digest('a')}`);
  });
});

describe('command line', () => {
  it('takes --platform, --records and --builder where they mean something', () => {
    expect(parseArgs(['gate', '--platform', 'linux/arm64', '--records', 'out'])).toMatchObject({
      verb: 'gate',
      platform: 'linux/arm64',
      records: 'out'
    });
    expect(parseArgs(['merge', '--records', 'out'])).toMatchObject({verb: 'merge', records: 'out'});
    expect(parseArgs(['check', '--builder', 'remote'])).toMatchObject({builder: 'remote'});
    expect(() => parseArgs(['promote', '--platform', 'linux/arm64'])).toThrow(
      '--platform is for check, gate and run (one platform of a split build), not `promote`'
    );
  });
});
