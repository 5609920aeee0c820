// The one dispatch, use case by use case, with a recording host, an engine that builds tiny real
// OCI images, git facts without git and a registry in memory: no process, no socket.
import {describe, expect, it} from '@jest/globals';
import {mkdirSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {RunRequest} from '../../src/app/request.js';
import {deliver, run} from '../../src/app/run.js';
import type {MergeReport} from '../../src/app/merge.js';
import type {PromoteReport} from '../../src/app/promote.js';
import type {VerifyReport} from '../../src/app/verify.js';
import type {Plan} from '../../src/core/plan.js';
import type {RunReport} from '../../src/core/results.js';
import {fakeServices, FakeGit, projectDir, type FakeRun} from '../helpers/fakes.js';

const SHA = 'c'.repeat(40);
/** On pull_request_target, GITHUB_SHA is the base branch's tip; the checkout (SHA) is the pull request's head. */
const BASE_TIP = 'b'.repeat(40);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ci/github');

const CONFIG = `registry: localhost:5000/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    tags: ["{{sha}}", latest]
    test:
      - run: test -f /app/ready
      - name: selftest
        run: ["/app/selftest"]
`;

function project(config = CONFIG): string {
  return projectDir({'.imagegate.yml': config, Dockerfile: 'FROM scratch\n'});
}

function request(cwd: string, command: RunRequest['command'], extra: Partial<RunRequest> = {}): RunRequest {
  return {command, cwd, parallel: 2, ...extra};
}

/** A recorded GitHub event (__tests__/fixtures/ci/github), at SHA: its variables, with the payload in a file. */
function recorded(name: string, edit: (env: Record<string, string>) => void = () => undefined): Record<string, string> {
  const {env, event} = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as {
    env: Record<string, string>;
    event: unknown;
  };
  const dir = projectDir({'event.json': JSON.stringify(event)});
  const vars = {...env, GITHUB_SHA: SHA, GITHUB_EVENT_PATH: join(dir, 'event.json')};
  delete (vars as Record<string, string | undefined>).GITHUB_WORKSPACE;
  edit(vars);
  return vars;
}

const PUSH_TO_MAIN = recorded('push-default-branch');

function fakes(env: Record<string, string> = {}): FakeRun {
  return fakeServices(env, new FakeGit({sha: SHA, branch: 'main'}));
}

/** The services of `f` (its registry, engine and host) in another environment. */
function fakesWith(f: FakeRun, env: Record<string, string>): FakeRun['services'] {
  return {...f.services, env: fakeServices(env).services.env};
}

async function gated(dir: string, f: FakeRun): Promise<RunReport> {
  const result = await run(request(dir, 'gate'), f.services);
  expect(result.exitCode).toBe(0);
  return result.outputs!.results as RunReport;
}

describe('plan', () => {
  it('presents the plan, hands on the scenario, and opens no registry or engine', async () => {
    const f = fakes();
    const result = await run(request(project(), 'plan'), f.services);
    expect(result.exitCode).toBe(0);
    const plan = result.presentation!.document as Plan;
    expect(plan.scenario.value).toBe('check');
    expect(result.outputs).toMatchObject({scenario: 'check', pushed: false});
    expect(f.connections).toEqual([]);
    expect(f.engine.builds).toEqual([]);
  });
});

describe('check and gate', () => {
  it('check builds once, tests every platform of that build, and pushes nothing', async () => {
    const f = fakes();
    const result = await run(request(project(), 'check'), f.services);
    expect(result.exitCode).toBe(0);
    expect(f.engine.builds).toEqual(['web']);
    expect(f.engine.tested).toEqual(['web linux/amd64', 'web linux/arm64']);
    expect(f.engine.pushes).toEqual([]);
    expect(result.outputs).toMatchObject({scenario: 'check', pushed: false, refs: []});
  });

  it('gate pushes the tested digest to staging and reports the digest the registry reads back', async () => {
    const f = fakes();
    const dir = project();
    const report = await gated(dir, f);
    const web = report.images[0]!;
    expect(f.engine.pushes).toEqual([web.pushed!.ref]);
    expect(web.pushed!.ref).toMatch(/^localhost:5000\/acme\/web:staging-[0-9a-f]{32}$/);
    expect(f.registry.digestOf('localhost:5000', 'acme/web', web.pushed!.ref.split(':').pop()!)).toBe(web.digest);
    expect(report.refs).toEqual([`${web.pushed!.ref}@${web.digest}`]);
    expect(web.platforms.map(p => p.manifestDigest)).toEqual([
      expect.stringMatching(/^sha256:/),
      expect.stringMatching(/^sha256:/)
    ]);
    // The explicit login may go to the configuration's registry only.
    expect(f.connections).toEqual([{explicitHosts: ['localhost:5000']}]);
  });

  it('a failing platform fails the run (exit 1) with an annotation at the test, and nothing is pushed', async () => {
    const f = fakes();
    f.engine.failing.add('web linux/arm64');
    const result = await run(request(project(), 'gate'), f.services);
    expect(result.exitCode).toBe(1);
    expect(f.engine.pushes).toEqual([]);
    expect(result.outputs).toMatchObject({scenario: 'gate', pushed: false});
    expect(result.failure).toBe('imagegate gate: not every test passed; nothing was pushed');
    expect(result.annotations).toEqual([
      expect.objectContaining({level: 'error', where: {file: '.imagegate.yml', line: 7, col: 9}}),
      expect.objectContaining({level: 'error', where: {file: '.imagegate.yml', line: 8, col: 9}})
    ]);
    expect(f.host.text()).toContain('nothing was pushed: not every test of every image passed');
  });

  it('a base that fails skips its dependents, which are never built', async () => {
    const f = fakes();
    const config = `registry: localhost:5000/acme
images:
  - name: base
    test: ["true"]
  - name: app
    depends-on: base
    test: ["true"]
`;
    f.engine.failing.add('base');
    const result = await run(request(project(config), 'gate'), f.services);
    const report = result.outputs!.results as RunReport;
    expect(report.images.map(i => [i.name, i.status])).toEqual([
      ['base', 'failed'],
      ['app', 'skipped']
    ]);
    expect(f.engine.builds).toEqual(['base']);
  });

  it('a fork pull request forced to gate is refused (exit 2) before anything is built', async () => {
    const f = fakes(recorded('pull_request-fork'));
    const dir = project();
    const result = await run(request(dir, 'run', {scenario: {value: 'gate', source: '--scenario'}}), f.services);
    expect(result.exitCode).toBe(2);
    expect(result.failure).toMatch(/scenario gate \(--scenario\) is refused: this run may not write/);
    expect(f.engine.builds).toEqual([]);
  });

  it('a split job builds its platform only and leaves a record for merge; merge assembles the index from the records', async () => {
    const f = fakes();
    const dir = project();
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const r = await run(request(dir, 'gate', {platform}), f.services);
      expect(r.exitCode).toBe(0);
    }
    // Each job pushed its platform: the log must not say otherwise.
    expect(f.host.text()).not.toContain('nothing was pushed');
    expect(readdirSync(join(dir, 'imagegate-records')).sort()).toEqual([
      'web-linux-amd64.json',
      'web-linux-arm64.json'
    ]);
    const merged = await run(request(dir, 'merge'), f.services);
    expect(merged.exitCode).toBe(0);
    const report = merged.presentation!.document as MergeReport;
    const staging = report.images[0]!.ref;
    expect(f.registry.digestOf('localhost:5000', 'acme/web', staging.split(':').pop()!)).toBe(report.images[0]!.digest);
    // The per-platform staging tags are gone once the index holds them (and their staging records
    // with them); the staging tag has its record, in its digest's referrers fallback tag.
    const digest = report.images[0]!.digest;
    expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual(
      [staging.split(':').pop(), `sha256-${digest.slice(7)}`].sort()
    );
    expect(merged.outputs).toMatchObject({scenario: 'gate', pushed: true});
  });

  describe('releasing the local image beside the gate tags', () => {
    const withGateTag = CONFIG.replace(
      'tags: ["{{sha}}", latest]',
      'tags: ["{{sha}}", latest, {tag: "pr-{{sha}}", on: [gate]}]'
    );
    const releaseFails = (f: FakeRun) => {
      f.engine.release = () => Promise.reject(new Error('docker could not be started'));
    };

    it('a gate tag the registry refuses is the error reported, also when the release failed too', async () => {
      const f = fakes();
      releaseFails(f);
      const send = f.registry.send.bind(f.registry);
      f.registry.send = req =>
        req.method === 'PUT' && req.path.includes('/manifests/pr-')
          ? Promise.resolve({
              status: 403,
              headers: {},
              body: Buffer.from('{"errors":[{"code":"DENIED"}]}'),
              url: new URL(`http://${req.registry}${req.path}`)
            })
          : send(req);
      const result = await run(request(project(withGateTag), 'gate'), f.services);
      expect(result.exitCode).not.toBe(0);
      expect(result.failure).toMatch(/PUT manifest localhost:5000\/acme\/web:pr-[0-9a-f]+ answered 403 DENIED/);
      expect(result.failure).not.toContain('docker could not be started');
    });

    it('a release that fails after the gate tags were written fails the run, naming why', async () => {
      const f = fakes();
      releaseFails(f);
      const result = await run(request(project(withGateTag), 'gate'), f.services);
      expect(result.failure).toContain('docker could not be started');
      expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual(
        expect.arrayContaining([`pr-${SHA}`, expect.stringMatching(/^staging-/)])
      );
    });
  });

  it('merge refuses (exit 1) when a platform has no record', async () => {
    const f = fakes();
    const dir = project();
    await run(request(dir, 'gate', {platform: 'linux/amd64'}), f.services);
    const merged = await run(request(dir, 'merge'), f.services);
    expect(merged.exitCode).toBe(1);
    expect(merged.failure).toContain('linux/arm64: no record');
  });
});

describe('promote and release', () => {
  it('promote publishes the staged digest under the final tags without building, then removes the staging tag', async () => {
    const f = fakes(PUSH_TO_MAIN);
    const dir = project();
    const staged = (await run(request(dir, 'gate', {scenario: {value: 'gate', source: 'test'}}), f.services)).outputs!
      .results as RunReport;
    const builds = f.engine.builds.length;
    const result = await run(request(dir, 'run'), f.services);
    expect(result.exitCode).toBe(0);
    expect(f.engine.builds.length).toBe(builds);
    const report = result.presentation!.document as PromoteReport;
    expect(report.scenario).toBe('promote');
    expect(report.images[0]!.digest).toBe(staged.images[0]!.digest);
    // The staging tag is gone, and with it its staging record (the fallback index listed nothing
    // else, so its tag went too); the promotion marker names the source under its own tag.
    const web = staged.images[0]!;
    expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual(
      [SHA, 'latest', `imagegate-promoted-${web.pushed!.ref.split('staging-').pop()}`].sort()
    );
    expect(f.registry.digestOf('localhost:5000', 'acme/web', 'latest')).toBe(staged.images[0]!.digest);
    expect(result.outputs).toMatchObject({scenario: 'promote', pushed: true});
    expect(result.outputs!.tags).toEqual([`localhost:5000/acme/web:${SHA}`, 'localhost:5000/acme/web:latest']);
  });

  it('nothing staged: promote refuses (exit 1) and names on-missing: build', async () => {
    const f = fakes(PUSH_TO_MAIN);
    const result = await run(request(project(), 'run'), f.services);
    expect(result.exitCode).toBe(1);
    expect(result.failure).toContain('set `promote: {on-missing: build}`');
    expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual([]);
  });

  it('nothing staged with on-missing: build: the gate builds, tests and stages, then promote publishes those bytes', async () => {
    const f = fakes(PUSH_TO_MAIN);
    const result = await run(request(project(`${CONFIG}promote:\n  on-missing: build\n`), 'run'), f.services);
    expect(result.exitCode).toBe(0);
    expect(f.engine.builds).toEqual(['web']);
    expect(f.engine.tested).toEqual(['web linux/amd64', 'web linux/arm64']);
    const report = result.presentation!.document as PromoteReport;
    expect(f.registry.digestOf('localhost:5000', 'acme/web', 'latest')).toBe(report.images[0]!.digest);
    expect(f.host.text()).toContain('on-missing: build runs the gate first');
  });

  it('the promote step does nothing on a pull request, and says so', async () => {
    const f = fakes(recorded('pull_request-same-repo'));
    const result = await run(request(project(), 'promote', {step: 'promote'}), f.services);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({pushed: false});
    expect(result.presentation!.markdown).toContain('nothing to do');
    expect(f.connections).toEqual([]);
  });

  it('--platform with promote is a usage error', async () => {
    const f = fakes(PUSH_TO_MAIN);
    const result = await run(request(project(), 'run', {platform: 'linux/arm64'}), f.services);
    expect(result.exitCode).toBe(2);
    expect(result.failure).toContain('--platform splits a build; the promote scenario builds nothing');
  });
});

describe('rendered references', () => {
  it.each([
    ['a path into another repository', '../../../v2/acme/other/manifests/x'],
    ['a fragment the URL would drop', 'abc#x']
  ])(
    'a GITHUB_SHA that is %s is refused (exit 2) before any connection or request; nothing is written or claimed',
    async (_what, sha) => {
      const f = fakes(PUSH_TO_MAIN);
      const dir = project();
      await run(request(dir, 'gate', {scenario: {value: 'gate', source: 'test'}}), f.services);
      const requests = f.registry.stats.requests;
      const connections = f.connections.length;
      const tags = f.registry.tagsOf('localhost:5000', 'acme/web');
      const result = await run(request(dir, 'run'), fakesWith(f, {...PUSH_TO_MAIN, GITHUB_SHA: sha}));
      expect(result.exitCode).toBe(2);
      expect(result.failure).toContain(`the commit \`${sha}\` (env GITHUB_SHA) is not a commit id`);
      expect(result.outputs).toBeUndefined();
      expect(f.connections.length).toBe(connections);
      expect(f.registry.stats.requests).toBe(requests);
      expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual(tags);
      expect(f.registry.tagsOf('localhost:5000', 'acme/other')).toEqual([]);
    }
  );

  it('a published tag past 128 characters is exit 2 with an annotation at the template, before any connection', async () => {
    const branch = `release/${'x'.repeat(120)}`;
    const dir = projectDir({
      'event.json': JSON.stringify({
        ref: `refs/heads/${branch}`,
        repository: {full_name: 'acme/web', default_branch: branch}
      })
    });
    const env = {
      ...PUSH_TO_MAIN,
      GITHUB_REF: `refs/heads/${branch}`,
      GITHUB_REF_NAME: branch,
      GITHUB_EVENT_PATH: join(dir, 'event.json')
    };
    const f = fakes(env);
    const config = 'registry: localhost:5000/acme\nimages:\n  - name: web\n    tags: ["{{branch}}-{{sha}}"]\n';
    const result = await run(request(project(config), 'run'), f.services);
    expect(result.exitCode).toBe(2);
    expect(result.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        where: {file: '.imagegate.yml', line: 4, col: 12},
        message: expect.stringContaining(
          '(`{{branch}}` from env GITHUB_REF, `{{sha}}` from env GITHUB_SHA): a tag is at most 128 characters'
        )
      })
    ]);
    expect(f.connections).toEqual([]);
    expect(f.registry.stats.requests).toBe(0);
  });
});

describe('verify, cleanup, setup', () => {
  it('verify walks the index, its children and their blobs', async () => {
    const f = fakes();
    const report = await gated(project(), f);
    const ref = `${report.images[0]!.pushed!.ref}`;
    const result = await run(request('/', 'verify', {target: ref}), f.services);
    expect(result.exitCode).toBe(0);
    expect(result.presentation!.document as VerifyReport).toMatchObject({problems: [], manifests: 3, blobs: 4});
    expect(f.connections.at(-1)).toEqual({explicitHosts: ['localhost:5000']});
    const missing = await run(request('/', 'verify', {target: 'localhost:5000/acme/web:nope'}), f.services);
    expect(missing.exitCode).toBe(1);
    expect(missing.presentation!.text).toContain('INCOMPLETE');
  });

  it('cleanup never touches a tag outside the staging namespace', async () => {
    const f = fakes();
    const dir = project();
    await gated(dir, f);
    const tagsBefore = f.registry.tagsOf('localhost:5000', 'acme/web');
    const result = await run(request(dir, 'cleanup', {olderThanMs: 24 * 3600_000}), f.services);
    expect(result.exitCode).toBe(0);
    // Staged a moment ago, by its staging record: kept.
    expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual(tagsBefore);
    expect(result.presentation!.text).toMatch(
      /kept localhost:5000\/acme\/web:staging-[0-9a-f]{32}: staged .*, less than 24h ago/
    );
  });

  it('setup installs the pinned tools and puts each directory on PATH', async () => {
    const f = fakes();
    const result = await run(request('/', 'setup', {tools: 'cosign,pack'}), f.services);
    expect(result.exitCode).toBe(0);
    expect(result.paths).toEqual(['/tools/cosign', '/tools/pack']);
    const code = await deliver(result, f.host);
    expect(code).toBe(0);
    expect(f.host.paths).toEqual(['/tools/cosign', '/tools/pack']);
  });
});

describe('errors', () => {
  it('a configuration error is exit 2 with every diagnostic as an annotation at its position, before any process', async () => {
    const f = fakes();
    const dir = projectDir({
      '.imagegate.yml': 'registry: localhost:5000/acme\nimages:\n  - name: web\n    platfroms: [linux/amd64]\n'
    });
    mkdirSync(join(dir, 'sub'));
    const result = await run(request(dir, 'gate'), f.services);
    expect(result.exitCode).toBe(2);
    expect(result.failure).toBe(
      '.imagegate.yml:4:5: unknown key `platfroms` in `images[0]`, did you mean `platforms`?'
    );
    expect(result.annotations).toEqual([
      {
        level: 'error',
        message: 'unknown key `platfroms` in `images[0]`, did you mean `platforms`?',
        where: {file: '.imagegate.yml', line: 4, col: 5}
      }
    ]);
    expect(f.engine.builds).toEqual([]);
  });

  it('deliver hands the failure to the host with its exit code', async () => {
    const f = fakes();
    const result = await run(request('/nonexistent', 'plan'), f.services);
    expect(await deliver(result, f.host)).toBe(2);
    expect(f.host.failure).toEqual({
      exitCode: 2,
      message: expect.stringContaining('no .imagegate.yml in /nonexistent')
    });
  });
});

describe('credentials on runs whose configuration comes from a pull request', () => {
  it('a fork pull request: no credential anywhere, no docker config, no build secret from the environment', async () => {
    const f = fakes(recorded('pull_request-fork'));
    const result = await run(request(project(), 'run'), f.services);
    expect(result.exitCode).toBe(0);
    expect(f.connections).toEqual([
      {
        explicitHosts: [],
        anonymous: {why: expect.stringContaining('no credentials on this run')},
        environmentSecrets: {refused: expect.any(String)}
      }
    ]);
    expect((result.outputs!.plan as Plan).credentials.use).toBe('none');
  });

  it('pull_request_target with the head checked out and no opt-in: checks, with no credential', async () => {
    const f = fakes(recorded('pull_request_target-same-repo', env => (env.GITHUB_SHA = BASE_TIP)));
    const result = await run(request(project(), 'run'), f.services);
    expect(result.outputs).toMatchObject({scenario: 'check', pushed: false});
    expect(f.connections[0]!.anonymous).toBeDefined();
  });

  it('pull_request_target allowed to push: credentials only for registries the workflow names', async () => {
    const refused = fakes(
      recorded('pull_request_target-same-repo', env => {
        env.GITHUB_SHA = BASE_TIP;
        env.IMAGEGATE_ALLOW_PULL_REQUEST_TARGET_PUSH = 'true';
      })
    );
    const denied = await run(request(project(), 'run'), refused.services);
    expect(denied.exitCode).toBe(2);
    expect(denied.failure).toContain('the configuration names localhost:5000, which the workflow does not');
    expect(refused.engine.builds).toEqual([]);
    const named = fakes(
      recorded('pull_request_target-same-repo', env => {
        env.GITHUB_SHA = BASE_TIP;
        env.IMAGEGATE_ALLOW_PULL_REQUEST_TARGET_PUSH = 'true';
        env.IMAGEGATE_REGISTRIES = 'localhost:5000';
      })
    );
    const allowed = await run(request(project(), 'run'), named.services);
    expect(allowed.exitCode).toBe(0);
    expect(allowed.outputs).toMatchObject({scenario: 'gate', pushed: true});
    expect(named.connections).toEqual([
      {explicitHosts: ['localhost:5000'], environmentSecrets: {refused: expect.stringContaining('head is checked out')}}
    ]);
  });

  it('the repository’s own configuration: its registries get the login', async () => {
    const f = fakes(recorded('pull_request-same-repo'));
    await run(request(project(), 'run'), f.services);
    expect(f.connections).toEqual([{explicitHosts: ['localhost:5000']}]);
  });
});

describe('several destinations (mirrors)', () => {
  const MIRRORED = `${CONFIG}mirrors: [localhost:5002/acme]\n`;

  it('promote copies the digest and its tags to every destination, then removes the staging tag', async () => {
    const f = fakes(PUSH_TO_MAIN);
    const dir = project(MIRRORED);
    const staged = (await run(request(dir, 'gate', {scenario: {value: 'gate', source: 'test'}}), f.services)).outputs!
      .results as RunReport;
    const plan = (await run(request(dir, 'plan'), f.services)).presentation!.document as Plan;
    expect(plan.images[0]!.mirrors).toEqual({
      value: ['localhost:5002/acme/web'],
      source: 'mirrors (.imagegate.yml:10) + name'
    });
    expect(plan.writes).toContain('localhost:5002/acme/web:latest');
    const result = await run(request(dir, 'run'), f.services);
    expect(result.exitCode).toBe(0);
    const digest = staged.images[0]!.digest;
    expect(f.registry.digestOf('localhost:5000', 'acme/web', 'latest')).toBe(digest);
    expect(f.registry.digestOf('localhost:5002', 'acme/web', 'latest')).toBe(digest);
    expect(f.registry.digestOf('localhost:5002', 'acme/web', SHA)).toBe(digest);
    expect(f.registry.imageTagsOf('localhost:5000', 'acme/web')).toEqual([SHA, 'latest'].sort());
  });

  it('a destination that fails is reported by name, the others complete, staging is kept; a re-run completes it', async () => {
    const f = fakes(PUSH_TO_MAIN);
    const dir = project(MIRRORED);
    const staged = (await run(request(dir, 'gate', {scenario: {value: 'gate', source: 'test'}}), f.services)).outputs!
      .results as RunReport;
    const stagingTags = f.registry.tagsOf('localhost:5000', 'acme/web');
    f.registry.deniesWrites.add('localhost:5002');
    const failed = await run(request(dir, 'run'), f.services);
    expect(failed.exitCode).toBe(1);
    expect(failed.failure).toContain('promote of web is incomplete: 1 of 2 destinations failed');
    expect(failed.failure).toContain('localhost:5002/acme/web:');
    expect(f.registry.digestOf('localhost:5000', 'acme/web', 'latest')).toBe(staged.images[0]!.digest);
    expect(f.registry.tagsOf('localhost:5002', 'acme/web')).toEqual([]);
    expect(f.registry.tagsOf('localhost:5000', 'acme/web')).toEqual(expect.arrayContaining(stagingTags));
    f.registry.deniesWrites.delete('localhost:5002');
    const again = await run(request(dir, 'run'), f.services);
    expect(again.exitCode).toBe(0);
    const report = again.presentation!.document as PromoteReport;
    // The staging repository's tags are retagged without a read; the mirror's were absent.
    expect(report.images.map(i => i.tags.map(t => t.action))).toEqual([
      ['written', 'written'],
      ['created', 'created']
    ]);
    expect(f.registry.digestOf('localhost:5002', 'acme/web', 'latest')).toBe(staged.images[0]!.digest);
    expect(f.registry.imageTagsOf('localhost:5000', 'acme/web')).toEqual([SHA, 'latest'].sort());
  });
});
