import {describe, expect, it} from '@jest/globals';
import {gateOutputs, publishOutputs, renderDotenv} from '../../src/core/outputs.js';
import type {RunReport} from '../../src/core/results.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

function parse(dotenv: string): Record<string, string> {
  return Object.fromEntries(
    dotenv
      .trimEnd()
      .split('\n')
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  );
}

describe('dotenv outputs', () => {
  it('a gate that pushed one image names its digest, staging tag and ref', () => {
    const report: RunReport = {
      scenario: 'gate',
      pushed: true,
      durationMs: 1,
      refs: [`localhost:5000/acme/web:staging-123@${A}`],
      images: [
        {
          name: 'web',
          status: 'passed',
          digest: A,
          platforms: [],
          pushed: {ref: 'localhost:5000/acme/web:staging-123', digest: A, verified: true}
        }
      ]
    };
    expect(parse(renderDotenv(gateOutputs(report)))).toEqual({
      IMAGEGATE_SCENARIO: 'gate',
      IMAGEGATE_DIGEST: A,
      IMAGEGATE_DIGEST_WEB: A,
      IMAGEGATE_TAGS: 'localhost:5000/acme/web:staging-123',
      IMAGEGATE_REFS: `localhost:5000/acme/web:staging-123@${A}`,
      IMAGEGATE_PUSHED: 'true'
    });
  });

  it('a failed check still reports the tested digest and that nothing was pushed', () => {
    const report: RunReport = {
      scenario: 'check',
      pushed: false,
      durationMs: 1,
      refs: [],
      images: [{name: 'web', status: 'failed', digest: A, platforms: []}]
    };
    const env = parse(renderDotenv(gateOutputs(report)));
    expect(env).toMatchObject({IMAGEGATE_SCENARIO: 'check', IMAGEGATE_DIGEST: A, IMAGEGATE_PUSHED: 'false'});
    expect(env.IMAGEGATE_TAGS).toBe('');
  });

  it('a promotion of two images lists name=digest pairs, one variable per image, and every final tag', () => {
    const outputs = publishOutputs({
      scenario: 'promote',
      images: [
        {name: 'web', digest: A, tags: [{ref: 'r/web:latest'}, {ref: 'r/web:abc'}]},
        {name: 'web-api', digest: B, tags: [{ref: 'r/web-api:latest'}]}
      ],
      refs: [`r/web:latest@${A}`, `r/web:abc@${A}`, `r/web-api:latest@${B}`]
    });
    const text = renderDotenv(outputs);
    expect(text.split('\n').every(line => !line || /^[A-Z0-9_]+=[^\n]*$/.test(line))).toBe(true);
    expect(parse(text)).toMatchObject({
      IMAGEGATE_SCENARIO: 'promote',
      IMAGEGATE_DIGEST: `web=${A} web-api=${B}`,
      IMAGEGATE_DIGEST_WEB: A,
      IMAGEGATE_DIGEST_WEB_API: B,
      IMAGEGATE_TAGS: 'r/web:latest r/web:abc r/web-api:latest',
      IMAGEGATE_PUSHED: 'true'
    });
  });
});

describe('GitHub step outputs', () => {
  it('one image: its digest; several: a JSON object; refs and tags one per line', async () => {
    const {githubOutputs} = await import('../../src/core/outputs.js');
    const one = githubOutputs({
      scenario: 'gate',
      images: [{name: 'web', digest: A}],
      tags: ['r/web:staging-1'],
      refs: [`r/web:staging-1@${A}`],
      pushed: true,
      results: {}
    });
    expect(one).toMatchObject({scenario: 'gate', digest: A, digests: JSON.stringify({web: A}), pushed: 'true'});
    const two = githubOutputs({
      scenario: 'promote',
      images: [
        {name: 'web', digest: A},
        {name: 'api', digest: B}
      ],
      tags: ['r/web:latest', 'r/api:latest'],
      refs: [],
      pushed: false,
      results: {}
    });
    expect(JSON.parse(two.digest!)).toEqual({web: A, api: B});
    expect(two.tags).toBe('r/web:latest\nr/api:latest');
  });

  it('before anything ran: the scenario, the plan and pushed=false only', async () => {
    const {githubOutputs} = await import('../../src/core/outputs.js');
    expect(Object.keys(githubOutputs({scenario: 'check', images: [], tags: [], refs: [], pushed: false}))).toEqual([
      'scenario',
      'pushed'
    ]);
  });
});
