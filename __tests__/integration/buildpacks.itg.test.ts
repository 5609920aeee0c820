// Tier 3, the contract fixture: lifecycle mode end to end on the real engine and registry. The
// builder and the injected buildpackage are fixtures of ours (see __tests__/integration/helpers/cnb-fixture.ts);
// everything imagegate does around them — preflight from the registry labels, the creator run,
// order.toml, platform env, report.toml, the index, tests through the launcher on amd64 and arm64
// (QEMU), push by digest — is the production code path.
import {beforeAll, describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import type {RunReport} from '../../src/core/results.js';
import {contractFixture, pushFixtureBuilder, type ContractFixture} from './helpers/cnb-fixture.js';
import {runCli} from '../helpers/cli.js';
import {manifest, tags} from './helpers/registry.js';
import {filesRepo} from './helpers/repo.js';
import {testbed} from './helpers/testbed.js';

const REGISTRY = testbed().registry;

let fx: ContractFixture;

beforeAll(() => {
  fx = contractFixture();
});

// With `setup`, test-only tooling goes into a throwaway derivative, as a project's pytest would.
const SETUP =
  "setup: [\"mkdir -p /usr/local/bin && echo '#!/bin/sh' > /usr/local/bin/pytest && echo 'echo 1 passed' >> /usr/local/bin/pytest && chmod 755 /usr/local/bin/pytest\"]";

function appRepo(pythonVersion: string, platforms = '[linux/amd64, linux/arm64]', setup = false) {
  const commands = [
    ...(setup ? ['- run: [pytest]'] : []),
    `- run: python3 --version | grep 'Python ${pythonVersion.split('.').slice(0, 2).join('.')}'`,
    `- run: [sh, -c, 'test "$(hello)" = "hi from the platform env"']`,
    '- {name: default process, run: [--version], entrypoint: keep}'
  ];
  return filesRepo({
    '.imagegate.yml': `registry: localhost:5000/acme
images:
  - name: app
    context: app
    platforms: ${platforms}
    builder:
      buildpacks:
        image: ${fx.builder}
        mode: lifecycle
        pre-buildpacks: [${fx.hello}]
        env: {GREETING: hi from the platform env}
    test:
      ${setup ? SETUP : ''}
      commands:
${commands.map(c => `        ${c}`).join('\n')}
`,
    'app/.python-version': `${pythonVersion}\n`,
    'app/app.py': 'print("hello")\n'
  });
}

async function run(
  verb: 'check' | 'gate',
  dir: string,
  buildRegistry = fx.buildRegistry,
  env: Record<string, string> = {}
) {
  const result = await runCli([verb, '--json'], {
    cwd: dir,
    env: {PATH: process.env.PATH, HOME: process.env.HOME, IMAGEGATE_BUILD_REGISTRY: buildRegistry, ...env}
  });
  return {...result, report: JSON.parse(result.stdout) as RunReport};
}

describe('contract fixture, lifecycle mode', () => {
  it('a supported pin builds with the pinned builder and the injected buildpack, passes its tests through the launcher on both platforms (test tooling only in a throwaway derivative), and gate pushes the tested digest', async () => {
    const repo = appRepo('3.13', undefined, true);
    const {code, report, stderr} = await run('gate', repo.dir);
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    // The preflight printed what the builder's labels (read from the registry) say.
    expect(stderr).toContain(`builder ${fx.builder} (imagegate contract fixture (not a real builder))`);
    expect(stderr).toContain('lifecycle 0.20.7-contract-fixture; Platform APIs 0.12, 0.13, 0.14; Buildpack APIs 0.10');
    expect(stderr).toContain('buildpacks: heroku/python 2.4.5');
    expect(stderr).toContain('injected: pre fixture/hello 1.0.0');
    expect(stderr).toContain('Platform API for the creator: 0.14');
    const [app] = report.images;
    expect(app!.platforms.map(p => [p.platform, p.emulated, p.tests.map(t => t.status)])).toEqual([
      ['linux/amd64', false, ['passed', 'passed', 'passed', 'passed']],
      ['linux/arm64', true, ['passed', 'passed', 'passed', 'passed']]
    ]);
    const staged = await manifest(app!.pushed!.ref);
    expect(staged?.digest).toBe(app!.digest);
    expect(staged!.json.manifests!.map(m => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual([
      'linux/amd64',
      'linux/arm64'
    ]);
  });

  it('an unsupported pin fails the check in the preflight, from the real builder labels, and nothing is built or pushed', async () => {
    const repo = appRepo('3.14');
    const {code, report, stderr} = await run('gate', repo.dir, `${fx.buildRegistry}/refused`);
    expect(code).toBe(1);
    const [app] = report.images;
    expect(app!.status).toBe('build-failed');
    expect(app!.reason).toBe(
      `preflight: \`.python-version\` asks for 3.14; builder ${fx.builder} carries heroku/python 2.4.5, which supports 3.9–3.13. Production would fail the same way. Pin 3.13 or move to a newer builder.`
    );
    expect(stderr).toContain('nothing was pushed');
    expect(await tags(REGISTRY, `${repo.namespace}/app`)).toEqual([]);
    expect(await tags(REGISTRY, `${fx.namespace}/build/refused/app`)).toEqual([]);
    expect(stderr).not.toContain('===> DETECTING');
  });

  it('when the table cannot tell, the real build decides: the fixture heroku/python refuses 3.13.9 and the check says why in one line', async () => {
    const repo = appRepo('3.13.9', '[linux/amd64]');
    const {code, report} = await run('check', repo.dir);
    expect(code).toBe(1);
    expect(report.images[0]!.reason).toBe(
      'linux/amd64: Python 3.13.9 is not available to heroku/python in this builder: pin an existing patch release, or only the minor version (e.g. `3.13`). (a buildpack’s build failed (exit 51))'
    );
  });
});

describe('contract fixture, registry credentials', () => {
  it('a build registry behind auth gets CNB_REGISTRY_AUTH through the environment, masked, never in argv', async () => {
    const tb = testbed();
    const password = readFileSync(tb.raw.TESTBED_AUTH_PASSWORD_FILE!, 'utf8').trim();
    const repo = appRepo('3.12', '[linux/amd64]');
    const {code, stderr, report} = await run('check', repo.dir, `${tb.authRegistry}/${fx.namespace}/build`, {
      IMAGEGATE_REGISTRY_USER: tb.raw.TESTBED_AUTH_USER!,
      IMAGEGATE_REGISTRY_PASSWORD: password
    });
    expect({code, stderr: code === 0 ? '' : stderr}).toEqual({code: 0, stderr: ''});
    expect(report.images[0]!.platforms[0]!.tests.map(t => t.status)).toEqual(['passed', 'passed', 'passed']);
    const basic = Buffer.from(`${tb.raw.TESTBED_AUTH_USER}:${password}`).toString('base64');
    expect(stderr).not.toContain(basic);
    expect(stderr).not.toContain(password);
  });
});

describe('imagegate doctor', () => {
  it('says whether the pinned builder is what production’s tag points at now, and what changed inside', async () => {
    const repo = appRepo('3.13');
    const production = `${fx.builder.split(':24@')[0]}:production`;
    const env = {PATH: process.env.PATH, HOME: process.env.HOME};
    pushFixtureBuilder(production);
    const same = await runCli(['doctor', production], {cwd: repo.dir, env});
    expect(same).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`app: CI matches production: ${production} points at sha256:`)
    });
    // Production moves on to a builder with a newer heroku/python.
    const moved = pushFixtureBuilder(production, '2.7.0');
    const drifted = await runCli(['doctor', production], {cwd: repo.dir, env});
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain(`app: CI does NOT match production: CI builds with ${fx.builder}`);
    expect(drifted.stdout).toContain('    heroku/python 2.4.5 → 2.7.0');
    expect(drifted.stdout).toContain(
      `Fix: set builder.buildpacks.image to ${production.replace(/:production$/, '')}@${moved.split('@')[1]}`
    );
  });
});
