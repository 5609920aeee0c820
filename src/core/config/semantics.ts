// Checks that need more than one value: names, dependencies, conflicting options, pins.

import {samePlatformText as sameText} from '../../oci/platform.js';
import {parseReference} from '../../oci/reference.js';
import {closest} from '../suggest.js';
import type {Diagnostic, Position} from './diagnostics.js';
import type {RawConfig} from './raw.js';
import type {Config, ConfigSource, ImageConfig} from './types.js';

interface Checked {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export function checkConfig(config: Config, raw: RawConfig, source: ConfigSource): Checked {
  const out: Checked = {errors: [], warnings: []};
  const pos = (path: string): Position => source.position(path) ?? {line: 1, col: 1};
  const error = (path: string, message: string): void => void out.errors.push({...pos(path), message});
  const warn = (path: string, message: string): void =>
    void out.warnings.push({...pos(path), message, severity: 'warning'});

  checkStaging(config, raw, error);
  checkNames(config.images, error);
  checkRepositories(config.images, raw, error);
  checkDependencies(config.images, error);
  for (const image of config.images) {
    const at = `images[${image.index}]`;
    checkBuilder(image, raw.images[image.index] ?? {name: image.name}, at, error, warn);
    checkTestPlatforms(image, at, error);
    checkTags(image, config, at, error);
    checkPlatformsUnique(image, at, error);
    checkSecrets(raw.images[image.index] ?? {name: image.name}, at, error);
  }
  return out;
}

type Report = (path: string, message: string) => void;

function checkStaging(config: Config, raw: RawConfig, error: Report): void {
  const staging = raw.staging ?? {};
  if (staging['tag-prefix'] !== undefined && staging.registry !== undefined) {
    error(
      'staging.registry',
      'conflicting options: `staging.tag-prefix` stages in the final repository, `staging.registry` in an intermediate registry; keep one of them'
    );
    return;
  }
  if (config.staging.kind === 'registry' && config.staging.registry === config.registry) {
    error(
      'staging.registry',
      '`staging.registry` is the final `registry` itself; stage in the same repository with `tag-prefix: staging-` instead, or name a separate registry'
    );
  }
}

function checkNames(images: ImageConfig[], error: Report): void {
  const seen = new Map<string, number>();
  for (const image of images) {
    const first = seen.get(image.name);
    if (first !== undefined)
      error(
        `images[${image.index}].name`,
        `image name \`${image.name}\` is already used by images[${first}]; names must be unique`
      );
    else seen.set(image.name, image.index);
  }
}

function checkRepositories(images: ImageConfig[], raw: RawConfig, error: Report): void {
  const seen = new Map<string, ImageConfig>();
  for (const image of images) {
    const other = seen.get(image.repository);
    if (other && other.name !== image.name) {
      const path = raw.images[image.index]?.repository !== undefined ? 'repository' : 'name';
      error(
        `images[${image.index}].${path}`,
        `images \`${other.name}\` and \`${image.name}\` would both publish to ${image.repository}; give one a different \`repository\``
      );
    }
    seen.set(image.repository, image);
  }
}

function checkDependencies(images: ImageConfig[], error: Report): void {
  const byName = new Map(images.map(i => [i.name, i]));
  for (const image of images) {
    if (image.dependsOn === undefined) continue;
    const at = `images[${image.index}].depends-on`;
    const base = byName.get(image.dependsOn);
    if (image.dependsOn === image.name) {
      error(at, `image \`${image.name}\` cannot depend on itself`);
      continue;
    }
    if (!base) {
      const guess = closest(image.dependsOn, [...byName.keys()]);
      error(
        at,
        `\`depends-on: ${image.dependsOn}\` names no image in this file${guess ? `; did you mean \`${guess}\`?` : ''}`
      );
      continue;
    }
    if (image.builder.kind !== 'dockerfile') {
      error(at, '`depends-on` needs the `dockerfile` builder: a buildpacks build takes its base from the builder');
    }
    const missing = image.platforms.filter(p => !base.platforms.some(b => sameText(p, b)));
    if (missing.length) {
      error(
        at,
        `\`${image.name}\` builds for ${missing.join(', ')}, which its base \`${base.name}\` does not build; add them to \`${base.name}\`'s platforms`
      );
    }
  }
  const cycle = findCycle(images, byName);
  if (cycle)
    error(
      `images[${cycle[0]!.index}].depends-on`,
      `\`depends-on\` forms a cycle: ${cycle.map(i => i.name).join(' → ')} → ${cycle[0]!.name}`
    );
}

function findCycle(images: ImageConfig[], byName: Map<string, ImageConfig>): ImageConfig[] | undefined {
  for (const start of images) {
    const chain: ImageConfig[] = [];
    let current: ImageConfig | undefined = start;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current =
        current.dependsOn !== undefined && current.dependsOn !== current.name
          ? byName.get(current.dependsOn)
          : undefined;
    }
    if (current === start) return chain;
  }
  return undefined;
}

function checkBuilder(
  image: ImageConfig,
  raw: RawConfig['images'][number],
  at: string,
  error: Report,
  warn: Report
): void {
  if (image.builder.kind !== 'buildpacks') return;
  for (const key of ['containerfile', 'target'] as const) {
    if (raw[key] !== undefined) {
      error(
        `${at}.${key}`,
        `conflicting options: \`${key}\` applies to the \`dockerfile\` builder, but this image is built with buildpacks; remove \`${key}\``
      );
    }
  }
  const ref = parseReference(image.builder.image);
  if (!ref.ok) return;
  const imagePath = `${at}.builder.buildpacks.image`;
  if (ref.value.digest === undefined && !image.builder.allowUnpinnedBuilder) {
    error(
      imagePath,
      `builder \`${image.builder.image}\` is not pinned by digest, so CI may build with a different builder than production; pin it as \`${image.builder.image}@sha256:…\` (the digest production uses), or set \`allow-unpinned-builder: true\``
    );
  } else if (ref.value.digest === undefined) {
    warn(imagePath, `builder \`${image.builder.image}\` is pinned by tag only; CI may not match production`);
  }
}

function checkTestPlatforms(image: ImageConfig, at: string, error: Report): void {
  image.test.commands.forEach((command, i) => {
    for (const [j, p] of (command.platforms ?? []).entries()) {
      if (!image.platforms.some(b => sameText(p, b))) {
        error(
          `${at}.test${testPath(image, i)}.platforms[${j}]`,
          `test platform ${p} is not one of the image's platforms (${image.platforms.join(', ')})`
        );
      }
    }
  });
}

function testPath(image: ImageConfig, i: number): string {
  return image.test.setup.length || image.test.mount ? `.commands[${i}]` : `[${i}]`;
}

function checkTags(image: ImageConfig, config: Config, at: string, error: Report): void {
  const seen = new Set<string>();
  image.tags.forEach((rule, i) => {
    const text = rule.template.source;
    if (seen.has(text)) error(`${at}.tags[${i}]`, `tag \`${text}\` is listed twice`);
    seen.add(text);
    if (config.staging.kind === 'tag-prefix' && text.startsWith(config.staging.tagPrefix)) {
      error(
        `${at}.tags[${i}]`,
        `tag \`${text}\` starts with the staging prefix \`${config.staging.tagPrefix}\`; staging cleanup would delete it: rename the tag or change \`staging.tag-prefix\``
      );
    }
  });
}

function checkPlatformsUnique(image: ImageConfig, at: string, error: Report): void {
  image.platforms.forEach((p, i) => {
    if (image.platforms.slice(0, i).some(q => sameText(p, q)))
      error(`${at}.platforms[${i}]`, `platform ${p} is listed twice`);
  });
}

function checkSecrets(raw: RawConfig['images'][number], at: string, error: Report): void {
  const seen = new Set<string>();
  (raw.secrets ?? []).forEach((secret, i) => {
    const path = `${at}.secrets[${i}]`;
    if ((secret.env === undefined) === (secret.file === undefined)) {
      error(
        path,
        `secret \`${secret.id}\` needs exactly one of \`env\` (an environment variable) or \`file\` (a file), not ${secret.env === undefined ? 'neither' : 'both'}`
      );
    }
    if (seen.has(secret.id)) error(`${path}.id`, `secret id \`${secret.id}\` is listed twice`);
    seen.add(secret.id);
  });
}
