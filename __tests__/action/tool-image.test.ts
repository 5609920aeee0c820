// The GitLab job image carries the same cosign and pack as `imagegate setup` installs.
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PACK_RELEASE} from '../../src/core/buildpacks/pack-release.js';
import {PINNED_TOOLS} from '../../src/core/tools.js';

const dockerfile = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../images/tool/Dockerfile'), 'utf8');
const arg = (name: string): string | undefined => new RegExp(`^ARG ${name}=(.+)$`, 'm').exec(dockerfile)?.[1];

describe('images/tool/Dockerfile', () => {
  it('pins cosign and pack at the versions imagegate setup installs', () => {
    const cosign = PINNED_TOOLS.find(t => t.name === 'cosign')!;
    expect(arg('COSIGN_IMAGE')).toBe(`gcr.io/projectsigstore/cosign:v${cosign.version}`);
    expect(arg('PACK_IMAGE')).toBe(`docker.io/buildpacksio/pack:${PACK_RELEASE.version}`);
  });
});
