// The settings both the checks and normalise read, as the configuration means them: what the file
// says, or the schema's default where it says nothing.

import {defaultTagScenarios, type TagTemplate} from '../tags.js';
import type {RawConfig, RawImage, RawTag, RawTestCommand, RawTestSuite} from './raw.js';
import {SCHEMA} from './schema.js';
import type {Staging, TagRule} from './types.js';

const IMAGE = SCHEMA.$defs.image.properties;

// The schema's defaults of formatted values, parsed; a test holds each to the schema's text.
/** `{{sha}}` */
export const DEFAULT_TAG: TagTemplate = {source: '{{sha}}', parts: [{variable: 'sha'}], variables: ['sha']};
/** `10m` */
export const DEFAULT_TEST_TIMEOUT_MS = 10 * 60 * 1000;

export function stagingOf(raw: Pick<RawConfig, 'staging'>): Staging {
  if (raw.staging?.registry !== undefined) return {kind: 'registry', registry: raw.staging.registry};
  return {
    kind: 'tag-prefix',
    tagPrefix: raw.staging?.['tag-prefix'] ?? SCHEMA.properties.staging.properties['tag-prefix'].default
  };
}

export function imagePlatforms(image: Pick<RawImage, 'platforms'>): string[] {
  return image.platforms ?? [...IMAGE.platforms.default];
}

/** The final repository: `repository`, or `<registry>/<name>`. */
export function imageRepository(image: Pick<RawImage, 'name' | 'repository'>, registry: string): string {
  return image.repository ?? `${registry}/${image.name}`;
}

export function imageTags(image: Pick<RawImage, 'tags'>): TagRule[] {
  return (image.tags ?? [DEFAULT_TAG]).map(tagRule);
}

function tagRule(tag: RawTag): TagRule {
  if (!('tag' in tag)) return {template: tag, on: defaultTagScenarios(tag)};
  return {template: tag.tag, on: tag.on ? [...new Set(tag.on)] : defaultTagScenarios(tag.tag)};
}

/** `test` as a suite: a bare list of commands is the suite's `commands`. */
export function testSuite(image: Pick<RawImage, 'test'>): RawTestSuite & {commands: RawTestCommand[]} {
  if (Array.isArray(image.test)) return {commands: image.test};
  return {...image.test, commands: image.test?.commands ?? []};
}
