import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {renderConfigReference} from '../../../src/core/config/reference-doc.js';
import {SCHEMA} from '../../../src/core/config/schema.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const root = join(HERE, '../../..');

describe('published schema and reference', () => {
  it('schema/imagegate.schema.json is the schema the validator uses (run `npm run build` if not)', () => {
    expect(JSON.parse(readFileSync(join(root, 'schema/imagegate.schema.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(SCHEMA))
    );
  });
  it('the configuration reference in docs/configuration.md is generated from it (run `npm run build` if not)', () => {
    const doc = readFileSync(join(root, 'docs/configuration.md'), 'utf8');
    const section = doc.split('<!-- config-reference:start -->\n')[1]?.split('<!-- config-reference:end -->')[0];
    expect(section).toBe(renderConfigReference());
  });
  it('every documented key of the reference is a key the validator accepts', () => {
    const keys = [...renderConfigReference().matchAll(/^\| `([^`]+)`/gm)].map(m => m[1]);
    expect(keys).toContain('images[].test.commands[].run');
    expect(keys).toContain('images[].builder.buildpacks.image');
  });
});
