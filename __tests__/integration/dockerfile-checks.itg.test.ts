// `dockerfile-checks` on the real buildx: its findings become warnings at the Dockerfile line
// (`warn`) or fail the image with nothing pushed (`error`). The testbed's current profile has
// buildx 0.29, which runs the checks; on the floor profile (buildx 0.13) the one finding says why not.
import {describe, expect, it} from '@jest/globals';
import type {RunReport} from '../../src/core/results.js';
import {runCli} from '../helpers/cli.js';
import {tags} from './helpers/registry.js';
import {filesRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const BASE = testbed().baseImage;
const REGISTRY = testbed().registry;
const buildx = testbed().raw.TESTBED_BUILDX_VERSION ?? '0.13.1';
const [major = 0, minor = 0] = buildx.split('.').map(Number);
const runsChecks = major > 0 || minor >= 15;

function repoWith(mode: 'warn' | 'error') {
  return filesRepo({
    // Line 1: `as` in another case than `FROM`; line 3: the legacy `ENV key value` form.
    Dockerfile: `FROM ${BASE} as build\nRUN echo built > /built\nENV GREETING hello\n`,
    '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    dockerfile-checks: ${mode}
    test:
      - run: test -f /built
`
  });
}

async function gate(dir: string) {
  const result = await runCli(['gate', '--json'], {cwd: dir, env: {PATH: process.env.PATH, HOME: process.env.HOME}});
  return {...result, report: JSON.parse(result.stdout) as RunReport};
}

(runsChecks ? describe : describe.skip)(`Dockerfile checks with buildx ${buildx}`, () => {
  it('warn: each finding is a warning at its Dockerfile line, and the tested image is still staged', async () => {
    const repo = repoWith('warn');
    const {code, report, stderr} = await gate(repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    const [web] = report.images;
    expect(web!.checks!.map(c => [c.rule, c.file, c.line])).toEqual(
      expect.arrayContaining([
        ['FromAsCasing', 'Dockerfile', 1],
        ['LegacyKeyValueFormat', 'Dockerfile', 3]
      ])
    );
    expect(stderr).toMatch(/\/Dockerfile:1: warning: web: FromAsCasing: /);
    expect(stderr).toMatch(/\/Dockerfile:3: warning: web: LegacyKeyValueFormat: /);
    expect(web!.pushed?.digest).toBe(web!.digest);
  });

  it('error: the image fails before it is built, the reason names the rules, and nothing is pushed', async () => {
    const repo = repoWith('error');
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(1);
    expect(report.images[0]).toMatchObject({
      status: 'build-failed',
      reason: expect.stringMatching(/Dockerfile checks found \d+ problem\(s\): .*FromAsCasing.*LegacyKeyValueFormat/)
    });
    expect(await tags(REGISTRY, `${repo.namespace}/web`)).toEqual([]);
  });
});

(runsChecks ? describe.skip : describe)(`Dockerfile checks with buildx ${buildx} (the floor profile)`, () => {
  it('one finding says that this buildx cannot run them, and the gate goes on', async () => {
    const repo = repoWith('warn');
    const {code, report} = await gate(repo.dir);
    expect(code).toBe(0);
    expect(report.images[0]!.checks).toEqual([
      {rule: 'unavailable', message: expect.stringContaining('buildx 0.15 or later')}
    ]);
  });
});
