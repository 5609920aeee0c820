// The contract fixture: a builder image made here from the seeded busybox base, carrying our own
// POSIX-sh creator and launcher and a heroku/python look-alike, plus an injectable buildpackage —
// both with realistic buildpacks labels, pushed to the local registry under a namespace of their own.
// Neither is the real lifecycle or a real buildpack: they honour the contract imagegate relies on.
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ROOT} from './repo.js';
import {testbed} from './testbed.js';

export const FIXTURE_DIR = join(ROOT, '__tests__/fixtures/cnb');

export interface ContractFixture {
  namespace: string;
  /** `<TESTBED_REGISTRY>/<ns>/builder:24@sha256:…` (amd64 + arm64). */
  builder: string;
  /** `docker://<TESTBED_REGISTRY>/<ns>/hello-buildpack@sha256:…`. */
  hello: string;
  /** Where builds land before their tests: IMAGEGATE_BUILD_REGISTRY. */
  buildRegistry: string;
}

const PLATFORM_APIS = readFileSync(join(FIXTURE_DIR, 'builder/lifecycle/platform-apis'), 'utf8').trim().split(/\s+/);

const builderLabels = (python: string) => ({
  'io.buildpacks.builder.metadata': JSON.stringify({
    description: 'imagegate contract fixture (not a real builder)',
    buildpacks: [{id: 'heroku/python', version: python, homepage: 'https://example.invalid/contract-fixture'}],
    stack: {runImage: {image: '', mirrors: null}},
    images: [],
    lifecycle: {
      version: '0.20.7-contract-fixture',
      apis: {
        buildpack: {deprecated: [], supported: ['0.10']},
        platform: {deprecated: [], supported: PLATFORM_APIS}
      }
    },
    createdBy: {name: 'imagegate contract fixture', version: ''}
  }),
  'io.buildpacks.buildpack.order': JSON.stringify([{group: [{id: 'heroku/python', version: python}]}]),
  'io.buildpacks.buildpack.layers': JSON.stringify({
    'heroku/python': {[python]: {api: '0.10', targets: [{os: 'linux'}]}}
  })
});

const HELLO_LABELS = {
  'io.buildpacks.buildpackage.metadata': JSON.stringify({
    id: 'fixture/hello',
    version: '1.0.0',
    targets: [{os: 'linux'}]
  }),
  'io.buildpacks.buildpack.layers': JSON.stringify({'fixture/hello': {'1.0.0': {api: '0.10'}}})
};

let cached: ContractFixture | undefined;

/** Builds and pushes a fixture image; returns `ref@digest`. */
function push(dir: string, ref: string, labels: Record<string, string>, args: string[] = []): string {
  const metadata = join(mkdtempSync(join(tmpdir(), 'imagegate-cnb-fixture-')), 'metadata.json');
  execFileSync(
    'docker',
    [
      'buildx',
      'build',
      '--quiet',
      '--platform',
      'linux/amd64,linux/arm64',
      '--provenance=false',
      ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
      ...args,
      '--metadata-file',
      metadata,
      '--tag',
      ref,
      '--push',
      join(FIXTURE_DIR, dir)
    ],
    {stdio: ['ignore', 'ignore', 'inherit']}
  );
  const digest = (JSON.parse(readFileSync(metadata, 'utf8')) as Record<string, string>)['containerimage.digest'];
  return `${ref}@${digest}`;
}

/** A fixture builder whose labels say it carries heroku/python `python` (another digest per version). */
export function pushFixtureBuilder(ref: string, python = '2.4.5'): string {
  return push('builder', ref, builderLabels(python), ['--build-arg', `BASE=${testbed().baseImage}`]);
}

export function contractFixture(): ContractFixture {
  if (cached) return cached;
  const tb = testbed();
  const namespace = `tcnb${randomBytes(5).toString('hex')}`;
  cached = {
    namespace,
    builder: pushFixtureBuilder(`${tb.registry}/${namespace}/builder:24`),
    hello: `docker://${push('hello', `${tb.registry}/${namespace}/hello-buildpack:1.0.0`, HELLO_LABELS).replace(/:1\.0\.0@/, '@')}`,
    buildRegistry: `${tb.registry}/${namespace}/build`
  };
  return cached;
}
