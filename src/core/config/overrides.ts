// What the command line may change of a configuration for one run, as the image pipelines of
// ../../docs/cli.md#overrides do: the final registry, which images, which of their platforms, and
// the version a release writes. Each override is checked like the key it stands for (exit 2 before
// anything runs) and is shown in `plan` as where the value came from ("flag --registry").

import {platformKey} from '../../oci/platform.js';
import {UsageError} from '../errors.js';
import {closest} from '../suggest.js';
import {parseSemverTag} from '../tags.js';
import {parseFormat} from './formats.js';
import type {Config, ConfigSource, ImageConfig} from './types.js';

export interface Overrides {
  /** `--registry PREFIX`: the final registry of every image without its own `repository`. */
  registry?: string;
  /** `--image NAME` (repeatable, or a comma list): build and publish only these images (and their bases). */
  images?: string[];
  /** `--platforms LIST`: build and test only these of each image's platforms. */
  platforms?: string[];
  /** `--release-version V`: the version a release writes, instead of the git tag's. */
  releaseVersion?: string;
}

export interface Overridden {
  config: Config;
  source: ConfigSource;
  /** What the overrides did beyond the values themselves (a base added, an image left out). */
  notes: string[];
}

/** The configuration as this run's flags change it; a flag that names nothing the file has is a UsageError. */
export function applyOverrides(config: Config, source: ConfigSource, overrides: Overrides): Overridden {
  const flags = new Map<string, string>();
  const notes: string[] = [];
  let images = config.images;
  let registry = config.registry;
  if (overrides.registry !== undefined) {
    const checked = parseFormat('registry-prefix', overrides.registry);
    if (!checked.ok) throw new UsageError(`--registry ${overrides.registry}: ${checked.error}`);
    registry = overrides.registry;
    flags.set('registry', 'flag --registry');
    images = images.map(image =>
      source.position(`images[${image.index}].repository`) ? image : {...image, repository: `${registry}/${image.name}`}
    );
  }
  if (overrides.images?.length) images = selectImages(images, overrides.images, notes);
  if (overrides.platforms?.length) images = narrowPlatforms(images, overrides.platforms, flags, notes);
  if (overrides.images?.length) flags.set('images', 'flag --image');
  if (!images.length) throw new UsageError('the flags leave no image to build; check --image and --platforms');
  const where = (path: string): string | undefined => flags.get(path) ?? source.where(path);
  return {config: {...config, registry, images}, source: {...source, where}, notes};
}

/** The named images and, where one is built FROM another of the file, that base too (it is built first). */
function selectImages(images: ImageConfig[], names: string[], notes: string[]): ImageConfig[] {
  const byName = new Map(images.map(i => [i.name, i]));
  const wanted = new Set<string>();
  for (const name of names) {
    if (!byName.has(name)) {
      const guess = closest(name, [...byName.keys()]);
      throw new UsageError(
        `--image ${name}: the configuration has no image \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''} (images: ${[...byName.keys()].join(', ')})`
      );
    }
    wanted.add(name);
  }
  for (const name of [...wanted]) {
    for (let base = byName.get(name)?.dependsOn; base !== undefined && !wanted.has(base);) {
      wanted.add(base);
      notes.push(`--image: ${base} is built too: ${name} is built FROM it`);
      base = byName.get(base)?.dependsOn;
    }
  }
  return images.filter(i => wanted.has(i.name));
}

/** Each image with only the listed platforms it has; an image with none of them is left out. */
function narrowPlatforms(
  images: ImageConfig[],
  platforms: string[],
  flags: Map<string, string>,
  notes: string[]
): ImageConfig[] {
  const keys = new Set<string>();
  for (const p of platforms) {
    const checked = parseFormat('platform', p);
    if (!checked.ok) throw new UsageError(`--platforms ${platforms.join(',')}: ${checked.error}`);
    keys.add(platformKey(p));
  }
  const anyImage = new Set(images.flatMap(i => i.platforms.map(platformKey)));
  const unknown = platforms.filter(p => !anyImage.has(platformKey(p)));
  if (unknown.length)
    throw new UsageError(
      `--platforms: no image builds ${unknown.join(', ')} (the configuration lists ${[...new Set(images.flatMap(i => i.platforms))].join(', ')})`
    );
  const out: ImageConfig[] = [];
  for (const image of images) {
    const kept = image.platforms.filter(p => keys.has(platformKey(p)));
    if (!kept.length) {
      notes.push(`--platforms: ${image.name} is left out: it builds none of ${platforms.join(', ')}`);
      continue;
    }
    flags.set(`images[${image.index}].platforms`, 'flag --platforms');
    out.push({...image, platforms: kept});
  }
  const names = new Set(out.map(i => i.name));
  for (const image of out)
    if (image.dependsOn !== undefined && !names.has(image.dependsOn))
      throw new UsageError(
        `--platforms: ${image.name} is built FROM ${image.dependsOn}, which builds none of ${platforms.join(', ')}`
      );
  return out;
}

/** `--release-version 1.2.3` (or `v1.2.3`): a semantic version, else a UsageError naming the form. */
export function checkReleaseVersion(text: string): string {
  if (!parseSemverTag(text))
    throw new UsageError(
      `--release-version ${text} is not a semantic version; write e.g. \`--release-version 1.2.3\` or \`v2.0.0-rc.1\``
    );
  return text;
}
