// A checked document → the Config the rest of imagegate reads: camel-case names, the schema's
// default for every key the file leaves out, numbers and booleans of string maps as strings.

import {formatReference} from '../../oci/reference.js';
import {
  DEFAULT_TEST_TIMEOUT_MS,
  imagePlatforms,
  imageRepository,
  imageTags,
  stagingOf,
  testSuite
} from './effective.js';
import type {RawConfig, RawImage, RawTestCommand, RawTestSuite} from './raw.js';
import {normaliseExpect, normaliseFile, normaliseMetadata} from './normalise-checks.js';
import {SCHEMA} from './schema.js';
import {normaliseServices} from '../service/normalise.js';
import type {CheckedConfig, CheckedImage} from './semantics.js';
import type {BuildSettings, Builder, Config, ImageConfig, TestCommand, TestSuite} from './types.js';

const PROMOTE = SCHEMA.properties.promote.properties;
const IMAGE = SCHEMA.$defs.image.properties;
/** The mapping form of a test command (the other is a bare string). */
const COMMAND = SCHEMA.$defs.testCommand.oneOf[1].properties;
const SUITE = SCHEMA.$defs.testSuite.properties;
const BUILDPACKS = SCHEMA.$defs.buildpacks.properties;

export function normalise(checked: CheckedConfig): Config {
  const config: Config = {
    registry: checked.registry,
    staging: stagingOf(checked),
    promote: normalisePromote(checked.promote),
    images: checked.images.map((image, index) => normaliseImage(image, index, checked.registry, checked.mirrors))
  };
  if (checked.scenario !== undefined) config.scenario = checked.scenario;
  return config;
}

function normalisePromote(raw: RawConfig['promote']): Config['promote'] {
  const promote: Config['promote'] = {
    onMissing: raw?.['on-missing'] ?? PROMOTE['on-missing'].default,
    cleanup: raw?.cleanup ?? PROMOTE.cleanup.default
  };
  if (raw?.sign === 'cosign') {
    const key = raw['cosign-key'];
    promote.sign = {
      tool: 'cosign',
      tlog: raw['cosign-tlog'] ?? PROMOTE['cosign-tlog'].default,
      ...(key !== undefined ? {key} : {})
    };
  }
  return promote;
}

function normaliseImage(raw: CheckedImage, index: number, registry: string, topMirrors?: string[]): ImageConfig {
  const image: ImageConfig = {
    name: raw.name,
    index,
    context: raw.context ?? IMAGE.context.default,
    containerfile: raw.containerfile ?? IMAGE.containerfile.default,
    buildArgs: strings(raw['build-args']),
    platforms: imagePlatforms(raw),
    tags: imageTags(raw),
    repository: imageRepository(raw, registry),
    test: normaliseSuite(testSuite(raw)),
    builder: normaliseBuilder(raw.builder ?? IMAGE.builder.default),
    labels: strings(raw.labels),
    annotations: strings(raw.annotations),
    secrets: raw.secrets,
    cache: {from: raw.cache?.from ?? [], to: raw.cache?.to ?? []},
    attestations: {
      provenance: provenanceOf(raw.attestations?.provenance),
      ...sbomOf(raw.attestations?.sbom)
    }
  };
  const mirrors = raw.mirrors ?? (topMirrors ?? []).map(prefix => `${prefix}/${raw.name}`);
  if (mirrors.length) image.mirrors = mirrors;
  const build = buildSettings(raw);
  if (build) image.build = build;
  if (raw.flavor)
    image.flavor = {
      prefix: raw.flavor.prefix ?? '',
      suffix: raw.flavor.suffix ?? '',
      onLatest: raw.flavor['on-latest'] ?? IMAGE.flavor.properties['on-latest'].default
    };
  if (raw.executables)
    image.executables = {
      check: raw.executables.check ?? IMAGE.executables.properties.check.default,
      ignore: raw.executables.ignore ?? []
    };
  if (raw.target !== undefined) image.target = raw.target;
  if (raw['depends-on'] !== undefined) image.dependsOn = raw['depends-on'];
  if (raw['run-as'] !== undefined) image.runAsSpec = raw['run-as'];
  return image;
}

function provenanceOf(raw: NonNullable<RawImage['attestations']>['provenance']): 'off' | 'min' | 'max' {
  if (raw === undefined) return IMAGE.attestations.properties.provenance.default;
  if (typeof raw === 'boolean') return raw ? 'min' : 'off';
  return raw;
}

function sbomOf(raw: NonNullable<RawImage['attestations']>['sbom']): {sbom: boolean; sbomGenerator?: string} {
  if (raw === undefined) return {sbom: IMAGE.attestations.properties.sbom.default};
  if (typeof raw === 'boolean') return {sbom: raw};
  return {sbom: true, sbomGenerator: formatReference(raw.generator)};
}

/** The buildx settings the file sets, only those (an image that sets none keeps its source identity). */
function buildSettings(raw: CheckedImage): BuildSettings | undefined {
  const build: BuildSettings = {};
  if (raw.ssh?.length) build.ssh = raw.ssh;
  const contexts = Object.entries(raw['build-contexts'] ?? {});
  if (contexts.length)
    build.contexts = Object.fromEntries(
      contexts.map(([name, value]) => [name, typeof value === 'string' ? {source: value} : {image: value.image}])
    );
  if (raw['no-cache']) build.noCache = true;
  if (raw['no-cache-filters']?.length) build.noCacheFilters = raw['no-cache-filters'];
  if (raw.pull) build.pull = true;
  if (raw.network !== undefined) build.network = raw.network;
  if (raw['shm-size'] !== undefined) build.shmSize = raw['shm-size'];
  if (raw.ulimit?.length) build.ulimits = raw.ulimit;
  if (raw['add-hosts']?.length) build.addHosts = raw['add-hosts'];
  const checks = raw['dockerfile-checks'];
  if (checks !== undefined && checks !== 'off') build.checks = checks;
  return Object.keys(build).length ? build : undefined;
}

function normaliseSuite(raw: RawTestSuite): TestSuite {
  const timeoutMs = raw.timeout ?? DEFAULT_TEST_TIMEOUT_MS;
  const suite: TestSuite = {
    commands: (raw.commands ?? []).map(c => normaliseCommand(c, timeoutMs)),
    setup: raw.setup ?? []
  };
  if (raw.files?.length) suite.files = raw.files.map(normaliseFile);
  if (raw.metadata) suite.metadata = normaliseMetadata(raw.metadata);
  if (raw.services?.length) suite.services = normaliseServices(raw.services);
  if (raw.concurrency !== undefined) suite.concurrency = raw.concurrency;
  if (raw.mount)
    suite.mount = {source: raw.mount.source, target: raw.mount.target ?? SUITE.mount.properties.target.default};
  return suite;
}

function normaliseCommand(raw: RawTestCommand, timeoutMs: number): TestCommand {
  const c: Exclude<RawTestCommand, string> = typeof raw === 'string' ? {run: raw} : raw;
  const command: TestCommand = {
    name: c.name ?? commandName(c),
    timeoutMs: c.timeout ?? timeoutMs,
    env: strings(c.env),
    entrypoint: c.entrypoint ?? COMMAND.entrypoint.default
  };
  if (c.run !== undefined) command.run = c.run;
  if (c.args?.length) command.args = c.args;
  if (c.expect) command.expect = normaliseExpect(c.expect);
  if (c.user !== undefined) command.user = c.user;
  if (c.workdir !== undefined) command.workdir = c.workdir;
  if (c.platforms !== undefined) command.platforms = c.platforms;
  return command;
}

function commandName(c: Exclude<RawTestCommand, string>): string {
  if (typeof c.run === 'string') return c.run;
  if (c.run) return c.run.join(' ');
  return ['(as-is: ENTRYPOINT CMD)', ...(c.args ?? [])].join(' ');
}

function normaliseBuilder(raw: NonNullable<RawImage['builder']>): Builder {
  if (raw === 'dockerfile') return {kind: 'dockerfile'};
  const b = raw.buildpacks;
  return {
    kind: 'buildpacks',
    image: formatReference(b.image),
    mode: b.mode ?? BUILDPACKS.mode.default,
    preBuildpacks: b['pre-buildpacks'] ?? [],
    postBuildpacks: b['post-buildpacks'] ?? [],
    env: strings(b.env),
    allowUnpinnedBuilder: b['allow-unpinned-builder'] ?? BUILDPACKS['allow-unpinned-builder'].default,
    ...(b['cache-image'] !== undefined || b['cache-volume'] !== undefined
      ? {
          cache: {
            ...(b['cache-image'] !== undefined ? {image: b['cache-image']} : {}),
            ...(b['cache-volume'] !== undefined ? {volume: b['cache-volume']} : {})
          }
        }
      : {})
  };
}

/** A map of the file, whose values may be numbers or booleans, with every value as a string. */
function strings(map: RawImage['labels']): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(v)]));
}
