import {describe, expect, it} from '@jest/globals';
import {loadConfig} from '../../src/core/config/load.js';
import {sourceIdentity} from '../../src/core/identity.js';
import {buildOrder, buildPlan} from '../../src/core/plan.js';
import {inferScenario} from '../../src/core/scenario.js';

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

function plan(env: Record<string, string>, event?: unknown, override?: 'check' | 'gate' | 'promote' | 'release') {
  const r = loadConfig(CONFIG, '.imagegate.yml');
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
