import {describe, expect, it} from '@jest/globals';
import {loadConfig} from '../../src/core/config/load.js';
import {sourceIdentity} from '../../src/core/identity.js';
import {ConfigError, UsageError} from '../../src/core/errors.js';
import {buildOrder, buildPlan} from '../../src/core/plan.js';
import {inferScenario} from '../../src/core/scenario.js';
import {isValidTag, sanitizeTag} from '../../src/oci/reference.js';

const CONFIG = `registry: localhost:5000/acme
staging:
  tag-prefix: staging-
images:
  - name: app
    depends-on: base
    platforms: [linux/amd64, linux/arm64]
    tags: ["{{sha}}", latest, "{{version}}"]
    test: ["true"]
  - name: base
    platforms: [linux/amd64, linux/arm64]
`;
const sha = 'a'.repeat(40);

function plan(
  env: Record<string, string>,
  event?: unknown,
  override?: 'check' | 'gate' | 'promote' | 'release',
  config = CONFIG
) {
  const r = loadConfig(config, '.imagegate.yml');
  if (!r.ok) throw new Error('config');
  const identities = new Map(
    r.config.images.map(i => [i.name, sourceIdentity(i, {contextTree: 'b'.repeat(40), dirty: false, dependencies: []})])
  );
  return buildPlan({
    config: r.config,
    source: r.source,
    inference: inferScenario(env, event),
    identities,
    ...(override ? {scenarioOverride: {value: override, source: '--scenario'}} : {}),
    localGit: {sha, branch: 'main'}
  });
}

describe('buildPlan', () => {
  it('orders images so a base comes before what depends on it', () => {
    const r = loadConfig(CONFIG, 'x');
    if (!r.ok) throw new Error('config');
    expect(buildOrder(r.config.images).map(i => i.name)).toEqual(['base', 'app']);
  });

  it('local runs check: builds and tests, writes nothing, and says where each value came from', () => {
    const p = plan({});
    expect(p.scenario).toEqual({value: 'check', source: 'default'});
    expect(p.writes).toEqual([]);
    const app = p.images.find(i => i.name === 'app')!;
    expect(app.platforms).toEqual({value: ['linux/amd64', 'linux/arm64'], source: '.imagegate.yml:7'});
    expect(app.context).toEqual({value: '.', source: 'default'});
    expect(app.repository.source).toBe('registry (.imagegate.yml:1) + name');
    expect(app.staging?.value).toMatch(/^localhost:5000\/acme\/app:staging-[0-9a-f]{32}$/);
    expect(p.git.sha).toEqual({value: sha, source: 'git (local checkout)'});
    expect(app.steps.at(-1)).toBe('push nothing (check)');
  });

  it('a flag wins over the inferred scenario; gate writes only the staging tags', () => {
    const p = plan({}, undefined, 'gate');
    expect(p.scenario).toEqual({value: 'gate', source: '--scenario'});
    expect(p.writes).toEqual(p.images.map(i => i.staging!.value));
  });

  it('a push to the default branch promotes the non-release tags', () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'acme/web'
    };
    const p = plan(env, {ref: 'refs/heads/main', repository: {full_name: 'acme/web', default_branch: 'main'}});
    expect(p.scenario.value).toBe('promote');
    expect(p.writes).toEqual([
      `localhost:5000/acme/base:${sha}`,
      `localhost:5000/acme/app:${sha}`,
      'localhost:5000/acme/app:latest'
    ]);
    const version = p.images.find(i => i.name === 'app')!.tags.find(t => t.template === '{{version}}')!;
    expect(version.skipped).toBe('no git tag is being released');
  });

  it('a release tag publishes the version tags only', () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/tags/v1.2.3',
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'acme/web'
    };
    const p = plan(env, {ref: 'refs/tags/v1.2.3', repository: {full_name: 'acme/web', default_branch: 'main'}});
    expect(p.scenario.value).toBe('release');
    expect(p.writes).toEqual(['localhost:5000/acme/app:1.2.3']);
  });

  it('refuses a forced scenario that writes on an untrusted event', () => {
    const env = {GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REPOSITORY: 'acme/web'};
    const p = plan(
      env,
      {
        pull_request: {
          number: 1,
          head: {ref: 'x', sha, repo: {full_name: 'eve/web'}},
          base: {ref: 'main', repo: {full_name: 'acme/web'}}
        }
      },
      'gate'
    );
    expect(p.trusted).toBe(false);
    expect(p.refusal).toContain('scenario gate (--scenario) is refused: this run may not write to any registry');
    expect(p.writes).toEqual([]);
  });
});

describe('sourceIdentity', () => {
  const r = loadConfig(CONFIG, 'x');
  if (!r.ok) throw new Error('config');
  const [app] = r.config.images;
  const inputs = {contextTree: 'c'.repeat(40), dirty: false, dependencies: []};
  it('is stable, and changes with the context, the base or what is built — not with tags', () => {
    const id = sourceIdentity(app!, inputs).key;
    expect(sourceIdentity(app!, inputs).key).toBe(id);
    expect(sourceIdentity(app!, {...inputs, contextTree: 'd'.repeat(40)}).key).not.toBe(id);
    expect(sourceIdentity(app!, {...inputs, dependencies: ['e'.repeat(32)]}).key).not.toBe(id);
    expect(sourceIdentity({...app!, platforms: ['linux/amd64']}, inputs).key).not.toBe(id);
    expect(sourceIdentity({...app!, tags: []}, inputs).key).toBe(id);
  });
});

describe('tests limited to some platforms', () => {
  it('the plan counts them per platform, in its steps and its listing', async () => {
    const {loadConfig} = await import('../../src/core/config/load.js');
    const {buildPlan} = await import('../../src/core/plan.js');
    const {inferScenario} = await import('../../src/core/scenario.js');
    const {renderPlanText} = await import('../../src/core/render-plan.js');
    const loaded = loadConfig(
      `registry: localhost:5000/acme
images:
  - name: web
    platforms: [linux/amd64, linux/arm64]
    test:
      - run: test -f /a
      - run: test -f /b
        platforms: [linux/amd64]
`,
      '.imagegate.yml'
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const plan = buildPlan({
      config: loaded.config,
      source: loaded.source,
      inference: inferScenario({}),
      identities: new Map()
    });
    expect(plan.images[0]!.testsByPlatform).toEqual({'linux/amd64': 2, 'linux/arm64': 1});
    expect(plan.images[0]!.steps).toContain('test 2 command(s) on linux/amd64, 1 command(s) on linux/arm64');
    expect(renderPlanText(plan)).toContain('2 command(s): 2 on linux/amd64, 1 on linux/arm64');
  });
});

describe('rendered references are checked before anything uses them', () => {
  const REPO = {full_name: 'acme/web', default_branch: 'main'};
  const push = (ref: string, extra: Record<string, string> = {}) => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: ref,
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'acme/web',
    ...extra
  });
  const thrown = (fn: () => unknown): Error => {
    try {
      fn();
    } catch (e) {
      return e as Error;
    }
    throw new Error('did not throw');
  };

  it.each([
    ['a path into another repository', '../../../v2/acme/other/manifests/x'],
    ['a fragment the URL would drop', `${'a'.repeat(39)}#x`],
    ['a short sha', 'abc1234'],
    ['40 characters that are not hex', 'g'.repeat(40)]
  ])('a GITHUB_SHA that is %s is refused (exit 2), naming the variable', (_what, value) => {
    const e = thrown(() =>
      plan(push('refs/heads/main', {GITHUB_SHA: value}), {ref: 'refs/heads/main', repository: REPO})
    );
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toContain(`the commit \`${value}\` (env GITHUB_SHA) is not a commit id (40 or 64 hex digits)`);
    expect(e.message).toContain('it must be the full commit id');
  });

  it('the head sha of a pull request payload and CI_COMMIT_SHA are checked alike; control characters are shown escaped', () => {
    const pr = {
      pull_request: {
        number: 1,
        head: {ref: 'x', sha: 'abc\ndef', repo: {full_name: 'acme/web'}},
        base: {ref: 'main', repo: {full_name: 'acme/web'}}
      },
      repository: REPO
    };
    const env = {GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'acme/web'};
    expect(thrown(() => plan(env, pr)).message).toContain(
      'the commit "abc\\ndef" (event pull_request.head.sha (the pull request head; GITHUB_SHA is the test merge commit)) is not a commit id'
    );
    const gitlab = {GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_SHA: '../x'};
    expect(thrown(() => plan(gitlab)).message).toContain('the commit `../x` (env CI_COMMIT_SHA)');
  });

  it('a SHA-256 commit id (64 hex digits) is a commit id', () => {
    const long = 'ab'.repeat(32);
    const p = plan(push('refs/heads/main', {GITHUB_SHA: long}), {ref: 'refs/heads/main', repository: REPO});
    expect(p.writes).toContain(`localhost:5000/acme/app:${long}`);
  });

  const LONG_BRANCH = `feature/${'x'.repeat(120)}`;
  const BRANCH_CONFIG = `registry: localhost:5000/acme
images:
  - name: web
    tags: ["{{branch}}", "{{branch}}-{{short_sha}}"]
`;

  it('a published tag that renders past 128 characters is refused at its template, naming the variable', () => {
    const e = thrown(() =>
      plan(push(`refs/heads/${LONG_BRANCH}`), {repository: REPO}, 'promote', BRANCH_CONFIG)
    ) as ConfigError;
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.lines).toEqual([
      expect.stringMatching(
        /^\.imagegate\.yml:4:26: tag `\{\{branch\}\}-\{\{short_sha\}\}` renders to `feature-x+-aaaaaaa` \(`\{\{branch\}\}` from env GITHUB_REF, `\{\{short_sha\}\}` from env GITHUB_SHA\): a tag is at most 128 characters; this one has 136; shorten the template/
      )
    ]);
  });

  it('a tag this scenario does not publish is skipped with the reason, never planned', () => {
    const p = plan(push(`refs/heads/${LONG_BRANCH}`), {repository: REPO}, 'gate', BRANCH_CONFIG);
    const [branch, long] = p.images[0]!.tags;
    expect(branch).toMatchObject({tag: sanitizeTag(LONG_BRANCH), published: false});
    expect(long).toEqual(expect.objectContaining({skipped: expect.stringContaining('at most 128 characters')}));
    expect(long!.tag).toBeUndefined();
    expect(long!.ref).toBeUndefined();
  });

  it('a release variable that makes an invalid tag is refused, naming the git tag it came from', () => {
    const config = 'registry: localhost:5000/acme\nimages:\n  - name: web\n    tags: ["{{prerelease}}"]\n';
    const e = thrown(() => plan(push('refs/tags/v1.2.3--rc'), {repository: REPO}, 'release', config));
    expect(e.message).toContain(
      '.imagegate.yml:4:12: tag `{{prerelease}}` renders to `-rc` (`{{prerelease}}` from env GITHUB_REF): a tag must start with a letter, digit or underscore'
    );
  });

  it('{{branch}} is always a valid tag, and what the plan writes is the tag it names', () => {
    for (const branch of ['feature/login', 'Fix#12', '.hidden', '--x', 'ünïcödé', '/', 'a'.repeat(300), '_ok.v1-2']) {
      expect(isValidTag(sanitizeTag(branch))).toBe(true);
      const p = plan(
        push(`refs/heads/${branch}`),
        {repository: {...REPO, default_branch: branch}},
        undefined,
        'registry: localhost:5000/acme\nimages:\n  - name: web\n    tags: ["{{branch}}"]\n'
      );
      const tag = p.images[0]!.tags[0]!;
      expect(tag).toMatchObject({tag: sanitizeTag(branch), published: true});
      expect(p.writes).toContain(`localhost:5000/acme/web:${tag.tag}`);
      expect(p.writes.every(w => isValidTag(w.split(':').pop()!))).toBe(true);
    }
  });

  it('a repository past 255 characters is refused at the image, even when the configuration was not checked', () => {
    const r = loadConfig(CONFIG, '.imagegate.yml');
    if (!r.ok) throw new Error('config');
    r.config.images[0]!.repository = `localhost:5000/${'a'.repeat(250)}`;
    const e = thrown(() =>
      buildPlan({
        config: r.config,
        source: r.source,
        inference: inferScenario({}),
        identities: new Map(),
        localGit: {sha}
      })
    );
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain('.imagegate.yml:5:11: repository `localhost:5000/aaa');
    expect(e.message).toContain('the repository name is 265 characters; at most 255 are allowed');
  });
});
