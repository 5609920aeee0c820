// The document type derived from SCHEMA. Most assertions here are types: `npm run typecheck` fails
// when FromSchema or the schema drifts from what they say.
import {describe, expect, it} from '@jest/globals';
import {LineCounter, parseDocument} from 'yaml';
import type {Reference} from '../../../src/oci/reference.js';
import type {FromSchema, RawConfig, RawImage, RawSecret, RawTag, RawTestCommand} from '../../../src/core/config/raw.js';
import {walkDocument} from '../../../src/core/config/validate.js';
import type {TagTemplate} from '../../../src/core/tags.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// FromSchema, one keyword at a time.
type _Keywords = [
  Expect<Equal<FromSchema<{type: 'string'}>, string>>,
  Expect<Equal<FromSchema<{type: 'integer'}>, number>>,
  Expect<Equal<FromSchema<{type: 'boolean'}>, boolean>>,
  Expect<Equal<FromSchema<{type: 'string'; enum: readonly ['a', 'b']}>, 'a' | 'b'>>,
  Expect<Equal<FromSchema<{type: 'array'; items: {type: 'string'}}>, string[]>>,
  Expect<Equal<FromSchema<{oneOf: readonly [{type: 'string'}, {type: 'integer'}]}>, string | number>>,
  Expect<
    Equal<
      FromSchema<{
        type: 'object';
        required: readonly ['a'];
        properties: {a: {type: 'string'}; b: {type: 'boolean'}};
      }>,
      {a: string; b?: boolean}
    >
  >,
  Expect<Equal<FromSchema<{type: 'object'; additionalProperties: {type: 'integer'}}>, Record<string, number>>>,
  Expect<Equal<FromSchema<{$ref: '#/$defs/n'}, {n: {type: 'integer'}}>, number>>,
  Expect<Equal<FromSchema<{type: 'string'; format: 'duration'}>, number>>,
  Expect<Equal<FromSchema<{type: 'string'; format: 'platform'}>, string>>
];

// The configuration document.
type _Document = [
  Expect<Equal<RawConfig['registry'], string>>,
  Expect<Equal<RawConfig['version'], 1 | undefined>>,
  Expect<Equal<RawConfig['scenario'], 'check' | 'gate' | 'promote' | 'release' | undefined>>,
  Expect<Equal<RawConfig['images'], RawImage[]>>,
  Expect<Equal<RawConfig['staging'], {'tag-prefix'?: string; registry?: string} | undefined>>,
  Expect<Equal<RawImage['name'], string>>,
  Expect<Equal<RawImage['platforms'], string[] | undefined>>,
  Expect<Equal<RawImage['build-args'], Record<string, string | number | boolean> | undefined>>,
  Expect<Equal<RawTag, TagTemplate | {tag: TagTemplate; on?: ('gate' | 'promote' | 'release')[]}>>,
  Expect<Equal<RawSecret, {id: string; env?: string; file?: string}>>,
  Expect<Equal<Extract<RawTestCommand, object>['run'], string | string[] | undefined>>,
  Expect<Equal<Extract<RawTestCommand, object>['timeout'], number | undefined>>,
  Expect<Equal<Extract<RawImage['builder'], object>['buildpacks']['image'], Reference>>,
  Expect<Equal<Extract<RawImage['builder'], string>, 'dockerfile'>>
];

describe('RawConfig', () => {
  it('is what the schema walk hands over: formatted strings parsed, the rest as written', () => {
    const text = `registry: ghcr.io/acme
images:
  - name: web
    tags: ["v{{version}}"]
    test:
      timeout: 90s
      commands: [{run: "true", platforms: [linux/amd64]}]
`;
    const lines = new LineCounter();
    const walked = walkDocument(parseDocument(text, {lineCounter: lines}), lines);
    if (!walked.ok) throw new Error(JSON.stringify(walked.diagnostics));
    const [web] = walked.value.images;
    const tag: RawTag | undefined = web?.tags?.[0];
    expect(tag).toEqual({source: 'v{{version}}', parts: [{text: 'v'}, {variable: 'version'}], variables: ['version']});
    expect(web?.test).toEqual({timeout: 90000, commands: [{run: 'true', platforms: ['linux/amd64']}]});
  });
});
