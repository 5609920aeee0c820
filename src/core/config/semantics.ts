// Checks that need more than one value: names, dependencies, conflicting options, pins. They read
// the document the schema walk accepted and settle what normalise needs beyond it: the one source
// of each secret.

import {platformKey} from '../../oci/platform.js';
import {formatReference, parseReference} from '../../oci/reference.js';
import {closest} from '../suggest.js';
import {checkAssertions} from './check-semantics.js';
import type {Diagnostic} from './diagnostics.js';
import {LIMITS} from './limits.js';
import {imagePlatforms, imageRepository, imageTags, stagingOf, testSuite} from './effective.js';
import type {Path, Positions} from './positions.js';
import type {RawConfig, RawImage} from './raw.js';
import type {Secret, Staging} from './types.js';
import {checkServices} from '../service/semantics.js';

/** A document that passed every check. */
export type CheckedConfig = Omit<RawConfig, 'images'> & {images: CheckedImage[]};
export type CheckedImage = Omit<RawImage, 'secrets'> & {secrets: Secret[]};

export type Checked =
  {ok: true; config: CheckedConfig; warnings: Diagnostic[]} | {ok: false; diagnostics: Diagnostic[]};

type Report = (path: Path, message: string) => void;

export function checkDocument(raw: RawConfig, positions: Positions): Checked {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const error: Report = (path, message) => void errors.push({...positions.at(path), message});
  const warn: Report = (path, message) => void warnings.push({...positions.at(path), message, severity: 'warning'});

  checkStaging(raw, error);
  checkNames(raw.images, error);
  checkRepositories(raw, error);
  checkRepositoryNames(raw, error);
  checkDependencies(raw.images, error);
  checkContextImages(raw.images, error);
  checkMirrors(raw, error);
  const staging = stagingOf(raw);
  const images = raw.images.map((image, index): CheckedImage => {
    const at: Path = ['images', index];
    checkBuilder(image, at, error, warn);
    checkTestPlatforms(image, at, error);
    checkAssertions(image, at, error);
    if (!Array.isArray(image.test) && image.test?.services)
      checkServices(image.test.services, imagePlatforms(image), [...at, 'test', 'services'], error);
    checkTags(image, staging, at, error);
    checkPlatformsUnique(image, at, error);
    return {...image, secrets: checkSecrets(image, at, error)};
  });
  if (errors.length) return {ok: false, diagnostics: errors};
  return {ok: true, config: {...raw, images}, warnings};
}

function checkStaging(raw: RawConfig, error: Report): void {
  const staging = raw.staging ?? {};
  if (staging['tag-prefix'] !== undefined && staging.registry !== undefined) {
    error(
      ['staging', 'registry'],
      'conflicting options: `staging.tag-prefix` stages in the final repository, `staging.registry` in an intermediate registry; keep one of them'
    );
    return;
  }
  if (staging.registry === raw.registry) {
    error(
      ['staging', 'registry'],
      '`staging.registry` is the final `registry` itself; stage in the same repository with `tag-prefix: staging-` instead, or name a separate registry'
    );
  }
}

function checkNames(images: readonly RawImage[], error: Report): void {
  const seen = new Map<string, number>();
  images.forEach((image, index) => {
    const first = seen.get(image.name);
    if (first !== undefined)
      error(
        ['images', index, 'name'],
        `image name \`${image.name}\` is already used by images[${first}]; names must be unique`
      );
    else seen.set(image.name, index);
  });
}

function checkRepositories(raw: RawConfig, error: Report): void {
  const seen = new Map<string, RawImage>();
  raw.images.forEach((image, index) => {
    const repository = imageRepository(image, raw.registry);
    const other = seen.get(repository);
    if (other && other.name !== image.name) {
      error(
        ['images', index, image.repository !== undefined ? 'repository' : 'name'],
        `images \`${other.name}\` and \`${image.name}\` would both publish to ${repository}; give one a different \`repository\``
      );
    }
    seen.set(repository, image);
  });
}

/** `<registry>/<name>` and `<staging.registry>/<name>` as the distribution grammar takes them (at most 255 characters). */
function checkRepositoryNames(raw: RawConfig, error: Report): void {
  raw.images.forEach((image, index) => {
    const names: [what: string, name: string, prefix: string][] = [];
    if (image.repository === undefined) names.push(['repository', `${raw.registry}/${image.name}`, '`registry`']);
    if (raw.staging?.registry !== undefined)
      names.push(['staging repository', `${raw.staging.registry}/${image.name}`, '`staging.registry`']);
    for (const [what, name, prefix] of names) {
      const parsed = parseReference(name);
      if (!parsed.ok)
        error(['images', index, 'name'], `the ${what} \`${name}\`: ${parsed.error}; shorten \`name\` or ${prefix}`);
    }
  });
}

function checkDependencies(images: readonly RawImage[], error: Report): void {
  const byName = new Map(images.map(image => [image.name, image]));
  const names = [...byName.keys()];
  // Suggestions compare against every name: only as many as are ever listed.
  let suggestions = 0;
  images.forEach((image, index) => {
    const dependsOn = image['depends-on'];
    if (dependsOn === undefined) return;
    const at: Path = ['images', index, 'depends-on'];
    const base = byName.get(dependsOn);
    if (dependsOn === image.name) {
      error(at, `image \`${image.name}\` cannot depend on itself`);
      return;
    }
    if (!base) {
      const guess = suggestions++ < LIMITS.diagnostics ? closest(dependsOn, names) : undefined;
      error(
        at,
        `\`depends-on: ${dependsOn}\` names no image in this file${guess ? `; did you mean \`${guess}\`?` : ''}`
      );
      return;
    }
    if (image.builder !== undefined && image.builder !== 'dockerfile') {
      error(at, '`depends-on` needs the `dockerfile` builder: a buildpacks build takes its base from the builder');
    }
    const basePlatforms = new Set(imagePlatforms(base).map(platformKey));
    const missing = imagePlatforms(image).filter(p => !basePlatforms.has(platformKey(p)));
    if (missing.length) {
      error(
        at,
        `\`${image.name}\` builds for ${missing.join(', ')}, which its base \`${base.name}\` does not build; add them to \`${base.name}\`'s platforms`
      );
    }
  });
  const cycle = findCycle(images, byName);
  if (cycle) {
    // A long cycle is named by its first and last images.
    const names = cycle.names;
    const shown =
      names.length > 12 ? [...names.slice(0, 10), `… (${names.length - 12} more)`, ...names.slice(-2)] : names;
    error(['images', cycle.index, 'depends-on'], `\`depends-on\` forms a cycle: ${shown.join(' → ')}`);
  }
}

/**
 * The first image whose `depends-on` chain leads back to it, and the names along the way, back to
 * it. Each image has one base, so each chain is followed once: one that reaches an image of an
 * earlier chain finds no new cycle.
 */
function findCycle(
  images: readonly RawImage[],
  byName: Map<string, RawImage>
): {index: number; names: string[]} | undefined {
  const base = (image: RawImage): RawImage | undefined => {
    const next = image['depends-on'];
    return next !== undefined && next !== image.name ? byName.get(next) : undefined;
  };
  const settled = new Set<RawImage>();
  const onCycle = new Set<RawImage>();
  for (const start of images) {
    const chain: RawImage[] = [];
    const onChain = new Set<RawImage>();
    let current: RawImage | undefined = start;
    while (current && !onChain.has(current) && !settled.has(current)) {
      chain.push(current);
      onChain.add(current);
      current = base(current);
    }
    if (current && onChain.has(current)) for (const image of chain.slice(chain.indexOf(current))) onCycle.add(image);
    for (const image of chain) settled.add(image);
  }
  const index = images.findIndex(image => onCycle.has(image));
  const first = images[index];
  if (!first) return undefined;
  const names = [first.name];
  for (let image = base(first); image && image !== first; image = base(image)) names.push(image.name);
  return {index, names: [...names, first.name]};
}

/** A mirror is another repository than the image's own, named once. */
function checkMirrors(raw: RawConfig, error: Report): void {
  raw.images.forEach((image, index) => {
    const own = imageRepository(image, raw.registry);
    const mirrors = image.mirrors ?? (raw.mirrors ?? []).map(prefix => `${prefix}/${image.name}`);
    const at: Path = image.mirrors ? ['images', index, 'mirrors'] : ['mirrors'];
    const seen = new Set<string>();
    mirrors.forEach((mirror, i) => {
      if (mirror === own)
        error([...at, i], `mirror ${mirror} is the image's own repository; list only the other registries`);
      else if (seen.has(mirror)) error([...at, i], `mirror ${mirror} is listed twice`);
      seen.add(mirror);
    });
  });
}

/** buildx settings a buildpacks build has no use for. */
const DOCKERFILE_ONLY = [
  'containerfile',
  'target',
  'ssh',
  'build-contexts',
  'no-cache-filters',
  'shm-size',
  'ulimit',
  'add-hosts',
  'dockerfile-checks'
] as const;

/** `build-contexts: {NAME: {image: OTHER}}`: OTHER is an image of this file, built before, on every platform this one builds. */
function checkContextImages(images: readonly RawImage[], error: Report): void {
  const byName = new Map(images.map(image => [image.name, image]));
  const needs = (image: RawImage): string[] => [
    ...(image['depends-on'] !== undefined ? [image['depends-on']] : []),
    ...Object.values(image['build-contexts'] ?? {}).flatMap(v => (typeof v === 'string' ? [] : [v.image]))
  ];
  images.forEach((image, index) => {
    for (const [name, value] of Object.entries(image['build-contexts'] ?? {})) {
      if (typeof value === 'string') continue;
      const at: Path = ['images', index, 'build-contexts', name, 'image'];
      const other = byName.get(value.image);
      if (value.image === image.name) {
        error(at, `build context \`${name}\` names \`${image.name}\` itself; name another image of this file`);
        continue;
      }
      if (!other) {
        const guess = closest(value.image, [...byName.keys()]);
        error(
          at,
          `build context \`${name}\` names no image \`${value.image}\` of this file${guess ? `; did you mean \`${guess}\`?` : ''}`
        );
        continue;
      }
      const platforms = new Set(imagePlatforms(other).map(platformKey));
      const missing = imagePlatforms(image).filter(p => !platforms.has(platformKey(p)));
      if (missing.length)
        error(
          at,
          `\`${image.name}\` builds for ${missing.join(', ')}, which \`${other.name}\` (build context \`${name}\`) does not build`
        );
      // The image must not be needed, through bases and contexts, to build what it uses.
      const seen = new Set<string>();
      const queue = [value.image];
      while (queue.length) {
        const next = queue.shift()!;
        if (next === image.name) {
          error(at, `build context \`${name}\`: \`${value.image}\` is itself built from \`${image.name}\` (a cycle)`);
          break;
        }
        if (seen.has(next) || seen.size > images.length) continue;
        seen.add(next);
        const found = byName.get(next);
        if (found) queue.push(...needs(found));
      }
    }
  });
}

function checkBuilder(image: RawImage, at: Path, error: Report, warn: Report): void {
  if (image.builder === undefined || image.builder === 'dockerfile') return;
  for (const key of DOCKERFILE_ONLY) {
    if (image[key] !== undefined) {
      error(
        [...at, key],
        `conflicting options: \`${key}\` applies to the \`dockerfile\` builder, but this image is built with buildpacks; remove \`${key}\``
      );
    }
  }
  const {image: builder, 'allow-unpinned-builder': allowUnpinned} = image.builder.buildpacks;
  const text = formatReference(builder);
  const path: Path = [...at, 'builder', 'buildpacks', 'image'];
  if (builder.digest === undefined && !allowUnpinned) {
    error(
      path,
      `builder \`${text}\` is not pinned by digest, so CI may build with a different builder than production; pin it as \`${text}@sha256:…\` (the digest production uses), or set \`allow-unpinned-builder: true\``
    );
  } else if (builder.digest === undefined) {
    warn(path, `builder \`${text}\` is pinned by tag only; CI may not match production`);
  }
}

function checkTestPlatforms(image: RawImage, at: Path, error: Report): void {
  const platforms = imagePlatforms(image);
  const built = new Set(platforms.map(platformKey));
  const commandsAt: Path = Array.isArray(image.test) ? [...at, 'test'] : [...at, 'test', 'commands'];
  testSuite(image).commands.forEach((command, i) => {
    if (typeof command === 'string') return;
    (command.platforms ?? []).forEach((p, j) => {
      if (!built.has(platformKey(p))) {
        error(
          [...commandsAt, i, 'platforms', j],
          `test platform ${p} is not one of the image's platforms (${platforms.join(', ')})`
        );
      }
    });
  });
}

function checkTags(image: RawImage, staging: Staging, at: Path, error: Report): void {
  const seen = new Set<string>();
  imageTags(image).forEach(({template: {source}}, i) => {
    const path: Path = [...at, 'tags', i];
    if (seen.has(source)) error(path, `tag \`${source}\` is listed twice`);
    seen.add(source);
    if (staging.kind === 'tag-prefix' && source.startsWith(staging.tagPrefix)) {
      error(
        path,
        `tag \`${source}\` starts with the staging prefix \`${staging.tagPrefix}\`; staging cleanup would delete it: rename the tag or change \`staging.tag-prefix\``
      );
    }
  });
}

function checkPlatformsUnique(image: RawImage, at: Path, error: Report): void {
  const seen = new Set<string>();
  imagePlatforms(image).forEach((p, i) => {
    const key = platformKey(p);
    if (seen.has(key)) error([...at, 'platforms', i], `platform ${p} is listed twice`);
    seen.add(key);
  });
}

/** Each secret with its one source; a secret with none or two is an error. */
function checkSecrets(image: RawImage, at: Path, error: Report): Secret[] {
  const secrets: Secret[] = [];
  const seen = new Set<string>();
  (image.secrets ?? []).forEach(({id, env, file}, i) => {
    const path: Path = [...at, 'secrets', i];
    if (env !== undefined && file === undefined) secrets.push({id, env});
    else if (file !== undefined && env === undefined) secrets.push({id, file});
    else {
      error(
        path,
        `secret \`${id}\` needs exactly one of \`env\` (an environment variable) or \`file\` (a file), not ${env === undefined ? 'neither' : 'both'}`
      );
    }
    if (seen.has(id)) error([...path, 'id'], `secret id \`${id}\` is listed twice`);
    seen.add(id);
  });
  return secrets;
}
