import {describe, expect, it} from '@jest/globals';
import {
  DEFAULT_TAG,
  DEFAULT_TEST_TIMEOUT_MS,
  imageRepository,
  imageTags,
  stagingOf,
  testSuite
} from '../../../src/core/config/effective.js';
import {parseDuration} from '../../../src/core/config/formats.js';
import {SCHEMA} from '../../../src/core/config/schema.js';
import {parseTagTemplate} from '../../../src/core/tags.js';

describe('the parsed defaults', () => {
  it('are the schema defaults, parsed', () => {
    expect(parseTagTemplate(SCHEMA.$defs.image.properties.tags.default[0])).toEqual({ok: true, value: DEFAULT_TAG});
    expect(parseDuration(SCHEMA.$defs.testSuite.properties.timeout.default)).toBe(DEFAULT_TEST_TIMEOUT_MS);
  });
});

describe('effective settings', () => {
  it('stage with the schema’s tag prefix unless the file names a prefix or a registry', () => {
    expect(stagingOf({})).toEqual({kind: 'tag-prefix', tagPrefix: 'staging-'});
    expect(stagingOf({staging: {'tag-prefix': 'pre-'}})).toEqual({kind: 'tag-prefix', tagPrefix: 'pre-'});
    expect(stagingOf({staging: {registry: 'localhost:5001/acme'}})).toEqual({
      kind: 'registry',
      registry: 'localhost:5001/acme'
    });
  });

  it('publish to <registry>/<name> unless the image names its repository', () => {
    expect(imageRepository({name: 'web'}, 'ghcr.io/acme')).toBe('ghcr.io/acme/web');
    expect(imageRepository({name: 'web', repository: 'ghcr.io/other/web'}, 'ghcr.io/acme')).toBe('ghcr.io/other/web');
  });

  it('tag {{sha}} on promote by default; a release variable moves a tag to release unless `on` says', () => {
    expect(imageTags({})).toEqual([{template: DEFAULT_TAG, on: ['promote']}]);
    const version = parseTagTemplate('{{version}}');
    if (!version.ok) throw new Error(version.error);
    expect(imageTags({tags: [version.value, {tag: version.value, on: ['promote', 'promote']}]})).toEqual([
      {template: version.value, on: ['release']},
      {template: version.value, on: ['promote']}
    ]);
  });

  it('read a bare list of tests as the suite’s commands', () => {
    expect(testSuite({})).toEqual({commands: []});
    expect(testSuite({test: ['true']})).toEqual({commands: ['true']});
    expect(testSuite({test: {commands: ['true'], timeout: 1000}})).toEqual({commands: ['true'], timeout: 1000});
  });
});
